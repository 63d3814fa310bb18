package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"unicode/utf8"
)

// Document is a notice read from disk, decoded and cleaned to article text.
type Document struct {
	Format   string            // txt, md, html, docx: what the content is (a .txt holding a Jekyll post is md)
	Encoding string            // utf-8, utf-8-bom, gb18030, utf-16le, utf-16be (big5 only when an HTML page declares it)
	Text     string            // cleaned article text, paragraphs separated by "\n"
	Title    string            // from front matter, <title>/<h1>, or the first line of a plain-text page; "" if none
	Front    map[string]string // front matter + sidecar fields, lower-case keys (sidecar wins)
	Sidecar  map[string]string // the sidecar fields alone (nil without a sidecar)
	Byline   []string          // removed metadata lines: 来源/发布时间 datelines, 编辑 credits, author lines, （文章来源：…）, in order
	URLs     []string          // URLs found in the page (bare or markdown links), in order
	// Address is the page's own address: from the data folder's manifest
	// (sources.csv, set by the loader), else the saved page's canonical
	// link, else an address line of the text (原文链接：http://…, or a bare
	// address at its top or bottom); "" when none. AddressFrom says which:
	// "manifest", "page" or "text".
	Address, AddressFrom string
	Warnings             []string // recoverable problems (invalid front matter, broken HTML, unknown characters)
}

// ErrUnsupported is returned for a file whose extension Supported rejects.
var ErrUnsupported = errors.New("unsupported file type")

var supportedExt = map[string]string{
	".txt": "txt", ".text": "txt",
	".md": "md", ".markdown": "md",
	".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
	".docx": "docx",
}

// Supported reports whether path names a notice by its extension
// (.txt .md .markdown .html .htm .docx, case-insensitive). Sidecar files
// (*.meta.yaml) are not notices.
func Supported(path string) bool {
	_, ok := supportedExt[strings.ToLower(filepath.Ext(path))]
	return ok
}

// SidecarPaths lists the sidecar metadata files Read looks for beside path,
// in order of preference.
func SidecarPaths(path string) []string {
	return []string{path + ".meta.yaml", path + ".meta.yml"}
}

// IsSidecar reports whether path is a sidecar metadata file.
func IsSidecar(path string) bool {
	l := strings.ToLower(path)
	return strings.HasSuffix(l, ".meta.yaml") || strings.HasSuffix(l, ".meta.yml")
}

// Read reads, decodes and cleans the notice at path within the default
// Limits, and merges its sidecar (PATH.meta.yaml) into Front. Errors name
// the file and the reason.
func Read(path string) (*Document, error) { return Limits{}.Read(path) }

// Read is Read within l.
func (l Limits) Read(path string) (*Document, error) {
	doc, err := l.read(openFile, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return doc, nil
}

// ReadIn reads the notice name (a '/'-separated path relative to root)
// within l. Neither the notice nor its sidecar may lie outside root: a
// symbolic link leading out of it is an error, and so are links that only
// pass outside on their way. Errors do not repeat name (it may not even be
// valid UTF-8); the caller names the file.
func (l Limits) ReadIn(root *os.Root, name string) (*Document, error) {
	return l.read(func(name string) (*os.File, error) {
		return root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	}, name)
}

// read opens name with open, refuses what is not a regular file or is too
// large before reading it, and parses it. A .docx is read in place: only
// the parts that hold text are inflated.
func (l Limits) read(open func(string) (*os.File, error), name string) (*Document, error) {
	l = l.withDefaults()
	if !Supported(name) {
		return nil, fmt.Errorf("%w (%q)", ErrUnsupported, displayExt(name))
	}
	f, st, err := openRegular(open, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := l.FileSize(st.Size()); err != nil {
		return nil, err
	}
	var doc *Document
	if formatOf(name) == "docx" {
		doc, err = l.parseDocx(f, st.Size())
	} else {
		var data []byte
		data, err = readAtMost(f, l.MaxFileBytes)
		if err == nil {
			doc, err = l.Parse(name, data)
		}
	}
	if err != nil {
		return nil, err
	}
	for _, sp := range SidecarPaths(name) {
		sf, _, err := openRegular(open, sp)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		var sdata []byte
		if err == nil {
			sdata, err = readAtMost(sf, maxSidecarBytes)
			sf.Close()
		}
		shown := DisplayName(path.Base(filepath.ToSlash(sp)))
		if err != nil {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("sidecar %s ignored: %v", shown, err))
			break
		}
		fields, err := parseYAMLMap(sdata)
		if err != nil {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("sidecar %s ignored: %v", shown, err))
			break
		}
		for k, v := range fields {
			fields[k] = normalize(v)
			doc.Front[k] = fields[k]
		}
		doc.Sidecar = fields
		if t := fields["title"]; t != "" {
			doc.Title = t
		}
		break
	}
	return doc, nil
}

// openRegular opens name for reading without blocking on a named pipe or a
// device, and fails unless it is a regular file.
func openRegular(open func(string) (*os.File, error), name string) (*os.File, fs.FileInfo, error) {
	f, err := open(name)
	if err != nil {
		return nil, nil, BareError(err)
	}
	st, err := f.Stat()
	switch {
	case err != nil:
		err = BareError(err)
	case st.IsDir():
		err = errors.New("is a directory")
	case !st.Mode().IsRegular():
		err = fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// openFile opens a path for reading; see openRegular.
func openFile(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// readAtMost reads r whole, or fails with ErrTooLarge past max bytes (a
// file may grow after its size was checked).
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, BareError(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %s (it grew while being read?)", ErrTooLarge, FormatBytes(max))
	}
	return data, nil
}

// BareError drops the path from an *fs.PathError: the caller names the
// file, in a form that is safe to print and to store (a path on disk need
// not be valid UTF-8).
func BareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func formatOf(name string) string {
	return supportedExt[strings.ToLower(filepath.Ext(name))]
}

func displayExt(name string) string { return DisplayName(filepath.Ext(name)) }

// Parse decodes and cleans one notice held in memory, within the default
// Limits. name is the file name; its extension decides the format (content
// sniffing refines .txt). Parse is pure: it touches no files, so tests and
// fuzzing call it directly.
func Parse(name string, data []byte) (*Document, error) { return Limits{}.Parse(name, data) }

// Parse is Parse within l.
func (l Limits) Parse(name string, data []byte) (*Document, error) {
	l = l.withDefaults()
	if err := l.FileSize(int64(len(data))); err != nil {
		return nil, err
	}
	if formatOf(name) == "docx" {
		return l.parseDocx(bytes.NewReader(data), int64(len(data)))
	}
	format := formatOf(name)
	if format == "" {
		format = "txt"
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty file")
	}
	doc := &Document{Front: map[string]string{}}
	text, enc, err := decode(data, format == "html")
	if err != nil {
		return nil, err
	}
	doc.Encoding = enc
	if enc == "utf-8" && !utf8.Valid(data) {
		doc.Warnings = append(doc.Warnings, "invalid UTF-8 bytes replaced with U+FFFD")
	}
	return l.finish(doc, format, text)
}

// parseDocx reads the .docx of size bytes at r.
func (l Limits) parseDocx(r io.ReaderAt, size int64) (*Document, error) {
	if size == 0 {
		return nil, errors.New("empty file")
	}
	text, title, err := docxText(r, size, l)
	if err != nil {
		return nil, err
	}
	doc := &Document{Front: map[string]string{}, Encoding: "utf-8"}
	if title != "" {
		doc.Title = normalize(title)
	}
	return l.finish(doc, "docx", text)
}

// finish cleans the decoded text raw of a notice of the given format into
// doc.
func (l Limits) finish(doc *Document, format, raw string) (*Document, error) {
	if format != "html" && int64(len(raw)) > l.MaxTextBytes && !looksLikeHTMLDocument(raw) {
		return nil, l.textTooLong(int64(len(raw)), false)
	}
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")
	if strings.TrimSpace(strings.ReplaceAll(raw, "\ufeff", "")) == "" {
		return nil, errors.New("empty file (no text)")
	}
	if strings.IndexByte(raw, 0) >= 0 {
		return nil, errors.New("binary file (NUL characters in the decoded text)")
	}
	if format == "txt" || format == "md" {
		if fm, body, found, err := splitFrontMatter(raw); found {
			format = "md"
			raw = body
			if err != nil {
				doc.Warnings = append(doc.Warnings, fmt.Sprintf("invalid front matter ignored: %v", err))
			}
			for k, v := range fm {
				doc.Front[k] = normalize(v)
			}
		}
		if format == "txt" && looksLikeHTMLDocument(raw) {
			format = "html"
		}
	}
	doc.Format = format

	var lines []string
	switch {
	case format == "html":
		var title string
		var warns, urls []string
		lines, title, urls, warns = htmlLines(raw, false)
		doc.Warnings = append(doc.Warnings, warns...)
		doc.URLs = urls
		if len(urls) > 0 {
			doc.Address, doc.AddressFrom = urls[0], "page"
		}
		if title != "" {
			doc.Title = normalize(title)
		}
	case containsMarkup(raw):
		// Markdown with HTML paragraphs (a Jekyll post), or scraped text with
		// stray tags: the same block-aware stripping.
		lines, _, _, _ = htmlLines(autolinkRe.ReplaceAllString(raw, "$1"), true)
	default:
		lines = strings.Split(raw, "\n")
	}
	if n := textBytes(lines); n > l.MaxTextBytes {
		return nil, l.textTooLong(n, false)
	}
	for i, line := range lines {
		lines[i] = normalize(line)
	}
	if t := doc.Front["title"]; t != "" {
		doc.Title = t
	}
	c := clean(lines, doc.Title, format)
	if doc.Title == "" {
		doc.Title = c.title
	}
	if doc.Front["title"] == "" {
		doc.Title = stripColumnTag(doc.Title)
	}
	doc.Byline = c.byline
	doc.URLs = dedupe(append(doc.URLs, c.urls...))
	if doc.Address == "" && c.address != "" {
		doc.Address, doc.AddressFrom = c.address, "text"
	}
	doc.Text = strings.Join(c.body, "\n")
	if strings.TrimSpace(doc.Text) == "" {
		doc.Warnings = append(doc.Warnings, "no article text after cleaning")
	}
	return doc, nil
}

func textBytes(lines []string) int64 {
	var n int64
	for _, l := range lines {
		n += int64(len(l)) + 1
	}
	return max(n-1, 0)
}

// columnTagRe matches a site's column label before a headline:
// 【地方动态】, [要闻].
var columnTagRe = regexp.MustCompile(`^\s*[【\[]([^】\]]{1,8})[】\]]\s*`)

// stripColumnTag drops a leading column label from a page's headline
// (【地方动态】宁夏：5G网络建设跑出加速度), keeping a title that is
// nothing else.
func stripColumnTag(t string) string {
	if loc := columnTagRe.FindStringIndex(t); loc != nil && utf8.RuneCountInString(t[loc[1]:]) >= 4 {
		return t[loc[1]:]
	}
	return t
}

// autolinkRe matches markdown autolinks (<http://...>), which an HTML parser
// would take for tags.
var autolinkRe = regexp.MustCompile(`<((?:https?:)?//[^>\s]+)>`)

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
