package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/policylens/policylens/queries"
)

func cmdSQL(ctx context.Context, args []string, e *env) error {
	var db, format string
	var timeout time.Duration
	var maxRows int
	var maxBytes int64
	fs := newFlags(e, "sql", "sql [--db FILE] [--format table|csv|json] [QUERY]",
		"Runs one read-only SQL query against the database, from the argument or from\n"+
			"standard input. Writes, file access (read_csv, COPY, ATTACH ...) and settings\n"+
			"are refused. Tables and views are described in the README. CSV and JSON are\n"+
			"written as the rows are read; a result cut by a cap is said on stderr.")
	fs.StringVar(&db, "db", defaultDB, "DuckDB file to query")
	fs.StringVar(&format, "format", "table", "output format: table, csv or json")
	fs.DurationVar(&timeout, "timeout", 30*time.Second, "time limit for the query")
	fs.IntVar(&maxRows, "max-rows", 100000, "stop after this many rows (0: no limit)")
	fs.Int64Var(&maxBytes, "max-bytes", queries.SandboxResultBudget, "stop after this many bytes of output (0: no limit; a result\nlarger than "+strconv.Itoa(queries.SandboxResultBudget>>20)+" MB is cut to fit memory anyway)")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if format != "table" && format != "csv" && format != "json" {
		return &exitError{2, fmt.Errorf("sql: unknown format %q (table, csv or json)", format)}
	}
	query := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(query) == "" {
		b, err := io.ReadAll(io.LimitReader(e.stdin, maxQueryBytes+1))
		if err != nil {
			return fmt.Errorf("sql: read query from stdin: %w", err)
		}
		if len(b) > maxQueryBytes {
			return &exitError{2, fmt.Errorf("sql: the query on stdin is longer than %d bytes", maxQueryBytes)}
		}
		query = string(b)
	}
	if strings.TrimSpace(query) == "" {
		return &exitError{2, fmt.Errorf("sql: no query given (argument or stdin)")}
	}
	store, err := queries.OpenStore(ctx, db)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := useWorker(store); err != nil {
		return err
	}
	if maxRows <= 0 {
		maxRows = -1 // the sandbox's "no limit"
	}
	if maxBytes <= 0 {
		maxBytes = -1
	}
	lim := queries.SandboxLimits{Timeout: timeout, MaxRows: maxRows, MaxBytes: maxBytes}
	var cut *queries.Cut
	switch format {
	case "table":
		// The table shows the start of each value; DuckDB cuts them.
		lim.MaxCellChars = 4 * tableCellChars
		res, err := store.RunSandboxed(ctx, query, lim)
		if err != nil {
			return err
		}
		if err := queries.WriteTable(e.stdout, res); err != nil {
			return err
		}
		return nil
	case "csv":
		cut, err = store.StreamSandboxed(ctx, query, lim, queries.NewCSVWriter(e.stdout, queries.CSVOptions{}))
	case "json":
		cut, err = store.StreamSandboxed(ctx, query, lim, queries.NewJSONWriter(e.stdout, queries.JSONOptions{}))
	}
	if err != nil {
		return err
	}
	if cut != nil {
		fmt.Fprintf(e.stderr, "policylens: %s\n", cut.English())
	}
	return nil
}

// maxQueryBytes bounds a query read from stdin.
const maxQueryBytes = 1 << 20

// tableCellChars is about the widest cell the text table shows.
const tableCellChars = 80
