package queries

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// Export formats: CSV (UTF-8 with a byte-order mark, so that Excel on a
// Chinese Windows reads it as UTF-8), JSON (an array of objects, one row
// per line) and Parquet (written by DuckDB).
const (
	FormatCSV     = "csv"
	FormatJSON    = "json"
	FormatParquet = "parquet"
)

// NewRowWriter returns the streaming writer (stream.go) of an export
// format over w: CSV with a byte-order mark, or JSON. Exports are complete,
// so nothing marks a cut.
func NewRowWriter(w io.Writer, format string) (RowWriter, error) {
	switch format {
	case FormatCSV:
		return NewCSVWriter(w, CSVOptions{BOM: true}), nil
	case FormatJSON:
		return NewJSONWriter(w, JSONOptions{}), nil
	}
	return nil, fmt.Errorf("export: unknown format %q", format)
}

// allRows is the page that holds every row: exports are complete.
var allRows = []any{sql.Named("limit", int64(math.MaxInt64)), sql.Named("offset", 0)}

// StreamQuery runs the embedded query name with args and writes every row
// to rw as it is read; it returns the number of rows written. The caller
// ends rw.
func StreamQuery(ctx context.Context, db *sql.DB, name string, args []any, rw RowWriter) (int64, error) {
	text, err := QueryText(name)
	if err != nil {
		return 0, err
	}
	rows, err := db.QueryContext(ctx, text, args...)
	if err != nil {
		return 0, fmt.Errorf("query %s: %w", name, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	types := make([]string, len(cols))
	if cts, err := rows.ColumnTypes(); err == nil {
		for i, ct := range cts {
			types[i] = ct.DatabaseTypeName()
		}
	}
	if err := rw.Begin(cols, types); err != nil {
		return 0, fmt.Errorf("export %s: %w", name, err)
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, fmt.Errorf("query %s: scan: %w", name, err)
		}
		if err := rw.Row(vals); err != nil {
			return n, fmt.Errorf("export %s: %w", name, err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("query %s: %w", name, err)
	}
	return n, nil
}

// Table is a table of the dashboard that can be exported whole: the
// query behind it and its arguments, every page at once.
type Table struct {
	Query string
	args  []any
}

// DocumentsTable is the whole document list of a filter and list fields
// (sort included; the page ignored).
func DocumentsTable(f Filter, l DocList) Table {
	args := append(f.args(), l.args()...)
	args = append(args, sql.Named("sort", l.Sort), sql.Named("desc", l.Desc))
	return Table{Query: "Documents", args: append(args, allRows...)}
}

// IndicatorsTable is every figure of one metric, narrowed by sel.
func IndicatorsTable(f Filter, metric string, sel IndicatorSelect) Table {
	args := append(f.args(), sql.Named("metric", metric))
	args = append(args, sel.args()...)
	return Table{Query: "IndicatorSeries", args: append(args, allRows...)}
}

// TargetsTable is every target of one metric ("" for all) beside its
// result.
func TargetsTable(f Filter, metric string) Table {
	args := append(f.args(), sql.Named("metric", metric))
	return Table{Query: "TargetResults", args: append(args, allRows...)}
}

// SearchTable is every sentence that matches a search.
func SearchTable(f Filter, s Search) Table {
	args := append(f.args(), s.args()...)
	return Table{Query: "SearchSentences", args: append(args, allRows...)}
}

// Write streams the whole table to rw (CSV or JSON) and ends it.
func (t Table) Write(ctx context.Context, db *sql.DB, rw RowWriter) (int64, error) {
	n, err := StreamQuery(ctx, db, t.Query, t.args, rw)
	if err != nil {
		return n, err
	}
	if cerr := rw.End(nil); cerr != nil {
		err = fmt.Errorf("export %s: %w", t.Query, cerr)
	}
	return n, err
}

// WriteParquet writes the whole table as a Parquet file to w. DuckDB
// writes it: the store's own connections cannot touch the file system, so
// a private in-memory database attaches the store's file read-only, copies
// the result into a temporary file, and the file is streamed to w and
// removed.
func (s *Store) WriteParquet(ctx context.Context, t Table, w io.Writer) error {
	dir, err := os.MkdirTemp("", "policylens-export-")
	if err != nil {
		return fmt.Errorf("export %s: %w", t.Query, err)
	}
	defer os.RemoveAll(dir)
	db, err := sql.Open("duckdb", "?threads=1&memory_limit=512MB")
	if err != nil {
		return fmt.Errorf("export %s: %w", t.Query, err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("export %s: %w", t.Query, err)
	}
	defer conn.Close()
	text, err := QueryText(t.Query)
	if err != nil {
		return err
	}
	file := filepath.Join(dir, "export.parquet")
	for _, q := range []string{
		"ATTACH " + sqlStringLiteral(s.path) + " AS " + StoreCatalog + " (READ_ONLY)",
		"USE " + StoreCatalog,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("export %s: %s: %w", t.Query, q, err)
		}
	}
	copyQ := "COPY (" + trimStatement(text) + ") TO " + sqlStringLiteral(file) + " (FORMAT parquet, COMPRESSION zstd)"
	if _, err := conn.ExecContext(ctx, copyQ, t.args...); err != nil {
		return fmt.Errorf("export %s: %w", t.Query, err)
	}
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("export %s: %w", t.Query, err)
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// trimStatement drops the comments before a query and the semicolon after
// it, so that it can stand inside COPY ( ... ).
func trimStatement(text string) string {
	text = strings.TrimSpace(text)
	for strings.HasPrefix(text, "--") {
		_, rest, _ := strings.Cut(text, "\n")
		text = strings.TrimSpace(rest)
	}
	return strings.TrimSuffix(text, ";")
}
