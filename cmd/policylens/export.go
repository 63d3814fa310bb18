package main

import (
	"context"
	"fmt"

	"github.com/policylens/policylens/loader"
)

func cmdExport(ctx context.Context, args []string, e *env) error {
	var db, dir string
	fs := newFlags(e, "export", "export --parquet DIR [--db FILE]",
		"Writes every table of the database as Parquet under DIR, one folder per table,\n"+
			"hive-partitioned by province and year where the table has both (documents),\n"+
			"and DIR/views.sql, which defines every table and view of the database over\n"+
			"the files with read_parquet, so DuckDB, Spark or Trino query the same\n"+
			"contract (see the README).")
	fs.StringVar(&db, "db", defaultDB, "DuckDB file to export")
	fs.StringVar(&dir, "parquet", "", "folder to write (required; its table folders are replaced)")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if dir == "" || fs.NArg() > 0 {
		return &exitError{2, fmt.Errorf("export: --parquet DIR is required, and nothing else")}
	}
	if err := loader.ExportParquet(ctx, db, dir); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "exported %s to %s (views: %s/%s)\n", db, dir, dir, loader.ViewsFile)
	return nil
}
