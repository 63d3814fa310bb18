package main

import (
	"context"
	"fmt"

	"github.com/policylens/policylens/dashboard"
	"github.com/policylens/policylens/queries"
)

func cmdCharts(ctx context.Context, args []string, e *env) error {
	var db, out string
	fs := newFlags(e, "charts", "charts [--db FILE] --out DIR",
		"Writes every chart page as static HTML, with the ECharts script beside it, so\n"+
			"that the pages open from file:// with no network. Run it again after adding\n"+
			"documents to regenerate the charts.")
	fs.StringVar(&db, "db", defaultDB, "DuckDB file to read")
	fs.StringVar(&out, "out", "", "folder to write the pages to (required)")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if out == "" {
		return &exitError{2, fmt.Errorf("charts: --out DIR is required")}
	}
	store, err := queries.OpenStore(ctx, db)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := dashboard.Export(ctx, store, out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "charts written to %s (open index.html)\n", out)
	return nil
}
