package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/policylens/policylens/loader/source"
)

func cmdAdd(ctx context.Context, args []string, e *env) error {
	var lf loadFlags
	var to string
	var force bool
	fs := newFlags(e, "add", "add [--data DIR] [--db FILE] [--to SUBDIR] FILE...",
		"Copies notices into the data dir and loads just those, leaving the rest of the\n"+
			"database as it is. Works while the dashboard runs: it picks up the new data\n"+
			"within a few seconds. A sidecar FILE.meta.yaml is copied along.")
	lf.register(fs)
	fs.StringVar(&to, "to", "", "sub-folder of the data dir to copy into")
	fs.BoolVar(&force, "force", false, "overwrite a different file of the same name in the data dir")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &exitError{2, fmt.Errorf("add: name at least one file")}
	}
	dir := filepath.Join(lf.data, filepath.FromSlash(to))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("add: %w", err)
	}
	var rels []string
	for _, src := range fs.Args() {
		if !source.Supported(src) {
			return &exitError{2, fmt.Errorf("add %s: not a notice (.txt, .md, .html, .htm, .docx)", src)}
		}
		dst := filepath.Join(dir, filepath.Base(src))
		if err := copyNotice(src, dst, force); err != nil {
			return fmt.Errorf("add %s: %w", src, err)
		}
		for i, sp := range source.SidecarPaths(src) {
			if _, err := os.Stat(sp); err == nil {
				if err := copyNotice(sp, source.SidecarPaths(dst)[i], true); err != nil {
					return fmt.Errorf("add %s: %w", sp, err)
				}
				break
			}
		}
		rel, err := filepath.Rel(lf.data, dst)
		if err != nil {
			return err
		}
		rels = append(rels, filepath.ToSlash(rel))
	}
	o := lf.options(e)
	o.Only = rels
	return doLoad(ctx, o, e)
}

// copyNotice copies src to dst, refusing to overwrite a different file
// unless force is set.
func copyNotice(src, dst string, force bool) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(dst); err == nil && !force && !bytes.Equal(old, b) {
		return fmt.Errorf("%s already exists with other content (use --force to replace it)", dst)
	}
	if abs1, _ := filepath.Abs(src); abs1 != "" {
		if abs2, _ := filepath.Abs(dst); abs1 == abs2 {
			return nil
		}
	}
	tmp := dst + ".partial"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}
