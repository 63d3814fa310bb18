package loader

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/policylens/policylens/loader/source"
)

// AddOptions says where Add copies notices to.
type AddOptions struct {
	// Sub is a folder under the data dir to copy into ("" for the top).
	Sub string
	// Force overwrites a different file of the same name.
	Force bool
	// URL, when set, is the page address of the one notice added: it is
	// written to the manifest (sources.csv) of the folder it is copied to,
	// replacing the notice's row there if it has one.
	URL string
}

// Add copies notices (and their sidecar metadata files) into the data dir
// and loads just those, leaving the rest of the database as it is.
func Add(ctx context.Context, opts Options, add AddOptions, files []string) (Summary, error) {
	dir := filepath.Join(opts.DataDir, filepath.FromSlash(add.Sub))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Summary{}, fmt.Errorf("add: %w", err)
	}
	if add.URL != "" && len(files) != 1 {
		return Summary{}, fmt.Errorf("add: --url names the address of one notice, and %d are given", len(files))
	}
	var rels []string
	for _, src := range files {
		if !source.Supported(src) {
			return Summary{}, fmt.Errorf("add %s: not a notice (.txt, .md, .html, .htm, .docx)", src)
		}
		if st, err := os.Stat(src); err == nil {
			if err := opts.Limits.FileSize(st.Size()); err != nil {
				return Summary{}, fmt.Errorf("add %s: %w", src, err)
			}
		}
		dst := filepath.Join(dir, filepath.Base(src))
		if err := copyNotice(src, dst, add.Force); err != nil {
			return Summary{}, fmt.Errorf("add %s: %w", src, err)
		}
		for i, sp := range source.SidecarPaths(src) {
			if _, err := os.Stat(sp); err == nil {
				if err := copyNotice(sp, source.SidecarPaths(dst)[i], true); err != nil {
					return Summary{}, fmt.Errorf("add %s: %w", sp, err)
				}
				break
			}
		}
		if add.URL != "" {
			if err := setManifestURL(filepath.Join(dir, source.ManifestName), filepath.Base(dst), add.URL); err != nil {
				return Summary{}, fmt.Errorf("add %s: %w", src, err)
			}
		}
		rel, err := filepath.Rel(opts.DataDir, dst)
		if err != nil {
			return Summary{}, err
		}
		rels = append(rels, filepath.ToSlash(rel))
	}
	opts.Only = rels
	return Load(ctx, opts)
}

// copyNotice copies src to dst through a temporary name, so that a load
// running meanwhile never reads half a file. It refuses to overwrite a
// different file unless force is set.
func copyNotice(src, dst string, force bool) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if abs1, err := filepath.Abs(src); err == nil {
		if abs2, err := filepath.Abs(dst); err == nil && abs1 == abs2 {
			return nil
		}
	}
	if old, err := os.ReadFile(dst); err == nil && !force && !bytes.Equal(old, b) {
		return fmt.Errorf("%s already exists with other content (use --force to replace it)", dst)
	}
	tmp := dst + ".partial"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// setManifestURL gives the notice named name the address u in the
// manifest at path (creating it with the columns id,url if missing),
// replacing the address of its row if it has one. The other rows and
// columns are kept as they are.
func setManifestURL(path, name, u string) error {
	if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return fmt.Errorf("--url %q is not an http(s) address", u)
	}
	rows := [][]string{{"id", "url"}}
	if b, err := os.ReadFile(path); err == nil {
		if _, err := source.ReadManifest(bytes.NewReader(b)); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if rows, err = csv.NewReader(bytes.NewReader(b)).ReadAll(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	idCol, urlCol := -1, -1
	for i, h := range rows[0] {
		switch strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))) {
		case "id", "doc", "file":
			idCol = i
		case "url":
			urlCol = i
		}
	}
	found := false
	for _, r := range rows[1:] {
		if strings.TrimSpace(r[idCol]) == name {
			r[urlCol], found = u, true
		}
	}
	if !found {
		r := make([]string, len(rows[0]))
		r[idCol], r[urlCol] = name, u
		rows = append(rows, r)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	tmp := path + ".partial"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
