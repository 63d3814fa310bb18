package dashboard

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/policylens/policylens/queries"
)

// exportMaxPages bounds the static site: the pages reachable from the
// overview by links (filtered lists, metrics, documents) are few on a
// real corpus, but a bound keeps a runaway link pattern from filling a disk.
const exportMaxPages = 5000

// Export writes the dashboard as a static site into outDir: index.html (the
// overview), every page the overview links to and the pages those link to
// (themes, terms, every metric, every document), each chart's data as CSV,
// and the ECharts script with its licence in assets/. The site works from
// file:// with no network. The SQL console needs a server and is left out.
func Export(ctx context.Context, store *queries.Store, outDir string) error {
	if store == nil {
		return fmt.Errorf("export: no database store")
	}
	db, release, err := store.DB(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer release()
	if err := os.MkdirAll(filepath.Join(outDir, "assets"), 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := fs.WalkDir(staticFiles, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFiles.ReadFile(path)
		if err != nil {
			return err
		}
		target := filepath.Join(outDir, "assets", filepath.FromSlash(strings.TrimPrefix(path, "static/")))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil { // static/maps/
			return err
		}
		return os.WriteFile(target, b, 0o644)
	}); err != nil {
		return fmt.Errorf("export assets: %w", err)
	}

	render := newRenderer(false)
	s := staticSite()
	s.Page("overview", nil) // index.html starts the crawl
	done := map[string]bool{}
	for {
		todo := s.pending(done)
		if len(todo) == 0 {
			break
		}
		for _, file := range todo {
			if len(done) >= exportMaxPages {
				return fmt.Errorf("export: more than %d pages; stopped", exportMaxPages)
			}
			done[file] = true
			ref := s.wanted[file]
			r := request{ctx: ctx, db: db, site: s, query: ref.query}
			if ref.name == "document" {
				r.id = strconv.FormatInt(ref.id, 10)
				r.query = nil
			}
			p, err := pages[ref.name](r)
			if err != nil {
				return fmt.Errorf("export %s: %w", file, err)
			}
			body, err := render.render(p)
			if err != nil {
				return fmt.Errorf("export %s: %w", file, err)
			}
			if err := os.WriteFile(filepath.Join(outDir, file), body, 0o644); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			for _, c := range p.Charts {
				if c.CSV == "" || strings.Contains(c.CSV, "/") {
					continue
				}
				var buf bytes.Buffer
				if err := writeChartCSV(&buf, c); err != nil {
					return fmt.Errorf("export %s: %w", c.CSV, err)
				}
				if err := os.WriteFile(filepath.Join(outDir, c.CSV), buf.Bytes(), 0o644); err != nil {
					return fmt.Errorf("export: %w", err)
				}
			}
		}
	}
	return nil
}
