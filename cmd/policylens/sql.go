package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/policylens/policylens/queries"
)

func cmdSQL(ctx context.Context, args []string, e *env) error {
	var db, format string
	var timeout time.Duration
	var maxRows int
	fs := newFlags(e, "sql", "sql [--db FILE] [--format table|csv|json] [QUERY]",
		"Runs one read-only SQL query against the database, from the argument or from\n"+
			"standard input. Writes, file access (read_csv, COPY, ATTACH ...) and settings\n"+
			"are refused. Tables and views are described in the README.")
	fs.StringVar(&db, "db", defaultDB, "DuckDB file to query")
	fs.StringVar(&format, "format", "table", "output format: table, csv or json")
	fs.DurationVar(&timeout, "timeout", 30*time.Second, "time limit for the query")
	fs.IntVar(&maxRows, "max-rows", 100000, "stop after this many rows (0: no limit)")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	write, ok := map[string]func(io.Writer, *queries.Result) error{
		"table": queries.WriteTable,
		"csv":   queries.WriteCSV,
		"json":  queries.WriteJSON,
	}[format]
	if !ok {
		return &exitError{2, fmt.Errorf("sql: unknown format %q (table, csv or json)", format)}
	}
	query := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(query) == "" {
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return fmt.Errorf("sql: read query from stdin: %w", err)
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
	h, release, err := store.DB(ctx)
	if err != nil {
		return err
	}
	defer release()
	if maxRows <= 0 {
		maxRows = -1 // the sandbox's "no limit"
	}
	res, err := queries.RunSandboxed(ctx, h, query, queries.SandboxLimits{Timeout: timeout, MaxRows: maxRows})
	if err != nil {
		return err
	}
	if err := write(e.stdout, res); err != nil {
		return err
	}
	if res.Truncated && format != "table" {
		fmt.Fprintf(e.stderr, "policylens: output stopped after %d rows (--max-rows)\n", len(res.Rows))
	}
	return nil
}
