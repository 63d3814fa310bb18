package source

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDocxXML bounds the uncompressed document.xml (a zip bomb guard).
const maxDocxXML = 512 << 20

// docxText extracts the paragraphs of word/document.xml, one per line, and
// the title from docProps/core.xml.
func docxText(data []byte) (text, title string, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
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
	rc, err := doc.Open()
	if err != nil {
		return "", "", fmt.Errorf("invalid .docx: %w", err)
	}
	defer rc.Close()
	text, err = wordXMLText(io.LimitReader(rc, maxDocxXML))
	if err != nil {
		return "", "", fmt.Errorf("invalid .docx document.xml: %w", err)
	}
	if core != nil {
		if rc, err := core.Open(); err == nil {
			title = coreTitle(io.LimitReader(rc, 1<<20))
			rc.Close()
		}
	}
	return text, title, nil
}

func wordXMLText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte(' ')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
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
	}
	return b.String(), nil
}

func coreTitle(r io.Reader) string {
	dec := xml.NewDecoder(r)
	in := false
	for {
		tok, err := dec.Token()
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
