package schema

import (
	"database/sql/driver"
	"fmt"

	"github.com/duckdb/duckdb-go/v2"
)

// Appender appends rows of one declared table through DuckDB's appender,
// which batches them into column chunks and hands them to the table
// whenever a batch fills, so memory stays bounded however many rows go in.
type Appender[R any] struct {
	t   Rows[R]
	a   *duckdb.Appender
	buf []driver.Value
}

// NewAppender opens an appender on table t over a raw driver connection
// (sql.Conn.Raw). The appender must be closed (or flushed) before the
// transaction commits.
func NewAppender[R any](conn driver.Conn, t Rows[R]) (*Appender[R], error) {
	a, err := duckdb.NewAppender(conn, "", "", t.Name)
	if err != nil {
		return nil, fmt.Errorf("appender %s: %w", t.Name, err)
	}
	return &Appender[R]{t: t, a: a, buf: make([]driver.Value, 0, len(t.Columns))}, nil
}

// Append adds one row.
func (a *Appender[R]) Append(r *R) error {
	a.buf = a.t.Values(a.buf[:0], r)
	if err := a.a.AppendRow(a.buf...); err != nil {
		return fmt.Errorf("append to %s: %w", a.t.Name, err)
	}
	return nil
}

// Flush hands the buffered rows to the table.
func (a *Appender[R]) Flush() error {
	if err := a.a.Flush(); err != nil {
		return fmt.Errorf("flush %s: %w", a.t.Name, err)
	}
	return nil
}

// Close flushes and releases the appender.
func (a *Appender[R]) Close() error {
	if err := a.a.Close(); err != nil {
		return fmt.Errorf("flush %s: %w", a.t.Name, err)
	}
	return nil
}
