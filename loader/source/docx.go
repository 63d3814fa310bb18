package source

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxCoreXML bounds docProps/core.xml, which holds a title and a few dates.
const maxCoreXML = 1 << 20

// docxText extracts the paragraphs of word/document.xml, one per line, and
// the title from docProps/core.xml. r is the .docx (a zip archive) of size
// bytes; nothing but the two parts is inflated, so pictures cost nothing.
//
// A zip bomb is refused before anything is inflated, by the sizes the
// archive declares (word/document.xml beyond lim.MaxFileBytes, or inflating
// more than maxDocxRatio to one), and while inflating, because declared
// sizes can lie: no more than the declared size and the limit is ever read,
// and the text stops at lim.MaxTextBytes.
func docxText(r io.ReaderAt, size int64, lim Limits) (text, title string, err error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "", "", fmt.Errorf("invalid .docx (not a zip archive): %w", err)
	}
	var doc, core *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "docProps/core.xml":
			core = f
		}
	}
	if doc == nil {
		return "", "", errors.New("invalid .docx: no word/document.xml")
	}
	rc, err := openZipPart(doc, lim.MaxFileBytes)
	if err != nil {
		return "", "", err
	}
	defer rc.Close()
	text, err = wordXMLText(rc, lim)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return "", "", err
		}
		if rc.err != nil { // the XML decoder may hide why reading stopped
			return "", "", rc.err
		}
		return "", "", fmt.Errorf("invalid .docx word/document.xml: %w", err)
	}
	if core != nil {
		if rc, err := openZipPart(core, maxCoreXML); err == nil {
			title = coreTitle(rc)
			rc.Close()
		}
	}
	return text, title, nil
}

// openZipPart opens one part of an archive for reading, refusing it by its
// declared sizes before inflating anything, and returns a reader that fails
// (with ErrTooLarge) rather than read past the declared size or max.
func openZipPart(f *zip.File, max int64) (*cappedReader, error) {
	usize, csize := f.UncompressedSize64, f.CompressedSize64
	if usize > uint64(max) {
		return nil, fmt.Errorf("%w: .docx %s declares %s uncompressed, the limit is %s (--max-notice-size)",
			ErrTooLarge, f.Name, FormatBytes(int64(min(usize, 1<<62))), FormatBytes(max))
	}
	if usize > docxRatioFloor && (csize == 0 || usize/csize >= maxDocxRatio) {
		return nil, fmt.Errorf("%w: .docx %s would inflate %s to %s, more than %d to 1 (a zip bomb?)",
			ErrTooLarge, f.Name, FormatBytes(int64(csize)), FormatBytes(int64(usize)), maxDocxRatio)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("invalid .docx %s: %w", f.Name, err)
	}
	return &cappedReader{rc: rc, name: f.Name, declared: int64(usize), left: int64(usize)}, nil
}

// cappedReader reads an inflating zip part and fails as soon as it yields
// more than the part declared: the archive lied about its size.
type cappedReader struct {
	rc       io.ReadCloser
	name     string
	declared int64
	left     int64
	err      error // why reading stopped, when the archive is at fault
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One byte more tells a lying archive from one that has ended.
		var one [1]byte
		if n, err := io.ReadFull(c.rc, one[:]); n > 0 || errors.Is(err, zip.ErrFormat) {
			c.err = fmt.Errorf("%w: .docx %s inflates past the %s it declares (a zip bomb?)",
				ErrTooLarge, c.name, FormatBytes(c.declared))
			return 0, c.err
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.rc.Read(p)
	c.left -= int64(n)
	if errors.Is(err, zip.ErrFormat) {
		c.err = fmt.Errorf("invalid .docx: %s does not inflate to the %s it declares (corrupt, or a zip bomb)",
			c.name, FormatBytes(c.declared))
		err = c.err
	}
	return n, err
}

func (c *cappedReader) Close() error { return c.rc.Close() }

// wordXMLText collects the text runs of word/document.xml, a paragraph per
// line. It uses RawToken: no element stack is kept, so memory is bounded by
// the largest single token, not by how deep the XML nests.
func wordXMLText(r io.Reader, lim Limits) (string, error) {
	dec := xml.NewDecoder(r)
	var b strings.Builder
	inText := false
	depth := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return "", fmt.Errorf("unexpected end of the XML (%d elements left open)", depth)
			}
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte(' ')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteByte('\n')
			case "tc":
				b.WriteByte(' ')
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
		if int64(b.Len()) > lim.MaxTextBytes {
			return "", lim.textTooLong(lim.MaxTextBytes, true)
		}
	}
	return b.String(), nil
}

func coreTitle(r io.Reader) string {
	dec := xml.NewDecoder(r)
	in := false
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title"
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				return strings.TrimSpace(string(t))
			}
		}
	}
}
