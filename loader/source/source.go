package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
	Warnings []string          // recoverable problems (invalid front matter, broken HTML, unknown characters)
}

// MaxFileSize is the largest notice Read accepts. Real notices are far
// smaller; the limit keeps a stray dump from exhausting memory.
const MaxFileSize = 256 << 20

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

// Read reads, decodes and cleans the notice at path, and merges its sidecar
// (PATH.meta.yaml) into Front. Errors name the file and the reason.
func Read(path string) (*Document, error) {
	if !Supported(path) {
		return nil, fmt.Errorf("read %s: %w (%q)", path, ErrUnsupported, filepath.Ext(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("read %s: is a directory", path)
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("read %s: file too large (%d bytes, limit %d)", path, st.Size(), MaxFileSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("read %s: file too large (limit %d bytes)", path, MaxFileSize)
	}
	doc, err := Parse(filepath.Base(path), data)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	for _, sp := range SidecarPaths(path) {
		sdata, err := os.ReadFile(sp)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("sidecar %s: %v", filepath.Base(sp), err))
			break
		}
		fields, err := parseYAMLMap(sdata)
		if err != nil {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("sidecar %s ignored: %v", filepath.Base(sp), err))
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

// Parse decodes and cleans one notice held in memory. name is the file name;
// its extension decides the format (content sniffing refines .txt). Parse is
// pure: it touches no files, so tests and fuzzing call it directly.
func Parse(name string, data []byte) (*Document, error) {
	format, ok := supportedExt[strings.ToLower(filepath.Ext(name))]
	if !ok {
		format = "txt"
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty file")
	}
	doc := &Document{Front: map[string]string{}}
	var raw string
	if format == "docx" {
		text, title, err := docxText(data)
		if err != nil {
			return nil, err
		}
		doc.Encoding = "utf-8"
		raw = text
		if title != "" {
			doc.Title = normalize(title)
		}
	} else {
		text, enc, err := decode(data, format == "html")
		if err != nil {
			return nil, err
		}
		doc.Encoding = enc
		raw = text
		if enc == "utf-8" && !utf8.Valid(data) {
			doc.Warnings = append(doc.Warnings, "invalid UTF-8 bytes replaced with U+FFFD")
		}
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
	for i, l := range lines {
		lines[i] = normalize(l)
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
	doc.Text = strings.Join(c.body, "\n")
	if strings.TrimSpace(doc.Text) == "" {
		doc.Warnings = append(doc.Warnings, "no article text after cleaning")
	}
	return doc, nil
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
