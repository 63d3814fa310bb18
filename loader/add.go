package loader

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/policylens/policylens/loader/source"
)

// AddOptions says where Add copies notices to.
type AddOptions struct {
	// Sub is a folder under the data dir to copy into ("" for the top).
	Sub string
	// Force overwrites a different file of the same name.
	Force bool
}

// Add copies notices (and their sidecar metadata files) into the data dir
// and loads just those, leaving the rest of the database as it is.
func Add(ctx context.Context, opts Options, add AddOptions, files []string) (Summary, error) {
	dir := filepath.Join(opts.DataDir, filepath.FromSlash(add.Sub))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Summary{}, fmt.Errorf("add: %w", err)
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
