package source

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
)

// ManifestName is the file, in a data folder or the folder above it, that
// lists the page address of notices: analysts keep the address of every
// page they save, and a page's address often dates it (/2019-11/11/…,
// /t20191111_…) where its text does not.
const ManifestName = "sources.csv"

// maxManifestBytes bounds a manifest: one short row per notice.
const maxManifestBytes = 64 << 20

// manifestIDColumns name the notice a row is about (any one of them);
// manifestKnown are the other columns a manifest may have besides url
// (the layout of loader/testdata/real/sources.csv). Any other column is
// an error: a misspelt url column must not go unnoticed.
var (
	manifestIDColumns = []string{"id", "doc", "file"}
	manifestKnown     = []string{"url", "site", "retrieved_via", "truncated", "note", "title"}
)

// Manifest is a parsed sources.csv: the page address of each notice it
// names, by the name in its file column (a file name, or a path relative
// to the manifest's folder).
type Manifest struct {
	urls map[string]string
	// Skipped says which rows were left out and why (a note where the
	// address should be, a file given two addresses), one line each.
	Skipped []string
}

// ReadManifest parses a manifest: CSV with a header naming a file column
// (id, doc or file) and a url column, one row per notice. Rows with an
// empty url are skipped; an address that is not http(s) is an error, as
// are unknown columns, a file named twice with two addresses, and broken
// CSV. The error says which row and column.
func ReadManifest(r io.Reader) (*Manifest, error) {
	cr := csv.NewReader(io.LimitReader(r, maxManifestBytes+1))
	cr.FieldsPerRecord = 0
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("empty file: want a header with a file column (id, doc or file) and url")
	}
	if err != nil {
		return nil, fmt.Errorf("not CSV: %w", err)
	}
	idCol, urlCol := -1, -1
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		switch {
		case contains(manifestIDColumns, h):
			if idCol >= 0 {
				return nil, fmt.Errorf("two file columns (%s and %s)", head[idCol], head[i])
			}
			idCol = i
		case h == "url":
			urlCol = i
		case !contains(manifestKnown, h):
			return nil, fmt.Errorf("unknown column %q (a manifest has a file column id, doc or file, a url column, and optionally %s)",
				head[i], strings.Join(manifestKnown[1:], ", "))
		}
	}
	if idCol < 0 || urlCol < 0 {
		return nil, fmt.Errorf("the header %q needs a file column (id, doc or file) and a url column", strings.Join(head, ","))
	}
	m := &Manifest{urls: map[string]string{}}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not CSV: %w", err)
		}
		line, _ := cr.FieldPos(0)
		id := path.Clean(strings.TrimSpace(strings.ReplaceAll(rec[idCol], `\`, "/")))
		u := strings.TrimSpace(rec[urlCol])
		if u == "" || id == "." {
			continue
		}
		if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			m.Skipped = append(m.Skipped, fmt.Sprintf("line %d: url %q is not an http(s) address", line, u))
			continue
		}
		if old, ok := m.urls[id]; ok && old != u {
			m.Skipped = append(m.Skipped, fmt.Sprintf("line %d: %s has an address already (line before: %s)", line, id, old))
			continue
		}
		m.urls[id] = u
	}
	return m, nil
}

// Lookup is the address the manifest gives the notice at rel, a path
// relative to the manifest's folder: the row naming that path, else a row
// naming its file name alone (a manifest beside a notices folder lists
// bare file names).
func (m *Manifest) Lookup(rel string) (string, bool) {
	if m == nil {
		return "", false
	}
	if u, ok := m.urls[rel]; ok {
		return u, true
	}
	u, ok := m.urls[path.Base(rel)]
	return u, ok
}

// Len is the number of notices the manifest gives an address for.
func (m *Manifest) Len() int {
	if m == nil {
		return 0
	}
	return len(m.urls)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
