package queries

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
)

// This file is the one way a result leaves policylens as a file: the SQL
// console's downloads, `policylens sql --format csv|json`, and any export
// of a chart or table. A RowWriter takes the rows one at a time and
// writes them at once, so no result is ever held whole in memory; the
// caller (StreamSandboxed, or WriteRows for rows of its own) stops at a
// row or byte cap and tells the writer, which says so in the file where
// the format allows.

// RowWriter writes a result as it is read.
type RowWriter interface {
	// Begin writes the header: the column names and DuckDB type names.
	Begin(columns, types []string) error
	// Row writes one row of printable values (see FormatValue).
	Row(values []any) error
	// End finishes the output; cut is nil for a whole result, else why it
	// stopped early.
	End(cut *Cut) error
	// Written is how many bytes have been written so far, for byte caps.
	Written() int64
}

// Why a result was cut short.
const (
	CutRows   = "rows"   // the row cap
	CutBytes  = "bytes"  // the byte cap
	CutMemory = "memory" // DuckDB could not hold more rows in its memory
)

// Cut says that and why a result stopped early: after Rows rows and Bytes
// bytes, for Reason, whose cap was Limit (rows or bytes; 0 for memory).
type Cut struct {
	Rows   int64
	Bytes  int64
	Reason string
	Limit  int64
}

// Chinese says in Chinese why the result was cut, for pages and files.
func (c *Cut) Chinese() string {
	switch c.Reason {
	case CutRows:
		return fmt.Sprintf("结果已截断：只含前 %d 行（行数上限 %d）。请加 WHERE 条件或 LIMIT 缩小范围。", c.Rows, c.Limit)
	case CutBytes:
		return fmt.Sprintf("结果已截断：只含前 %d 行，约 %s（大小上限 %s）。请减少列或行，或在命令行用 policylens sql 导出。", c.Rows, byteSize(c.Bytes), byteSize(c.Limit))
	case CutMemory:
		return fmt.Sprintf("结果已截断：完整结果超出一次查询结果可占用的内存（%s），只含前 %d 行。请减少列或行，或用 LIMIT 和 OFFSET 分批导出。", byteSize(c.memoryLimit()), c.Rows)
	}
	return fmt.Sprintf("结果已截断：只含前 %d 行。", c.Rows)
}

// English says in English why the result was cut, for the command line.
func (c *Cut) English() string {
	switch c.Reason {
	case CutRows:
		return fmt.Sprintf("output stopped after %d rows (row cap %d)", c.Rows, c.Limit)
	case CutBytes:
		return fmt.Sprintf("output stopped after %d rows, %s (size cap %s)", c.Rows, byteSize(c.Bytes), byteSize(c.Limit))
	case CutMemory:
		return fmt.Sprintf("output stopped after %d rows: the whole result needs more than the %s a query's result may take in memory; narrow it, or page through it with LIMIT and OFFSET", c.Rows, byteSize(c.memoryLimit()))
	}
	return fmt.Sprintf("output stopped after %d rows", c.Rows)
}

// memoryLimit is the result budget a memory cut met.
func (c *Cut) memoryLimit() int64 {
	if c.Limit > 0 {
		return c.Limit
	}
	return SandboxResultBudget
}

// byteSize writes a size in KB, MB or GB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// countingWriter counts what goes through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// CSVOptions shape a CSV file.
type CSVOptions struct {
	// BOM starts the file with a UTF-8 byte order mark, so that Excel
	// reads the Chinese text right.
	BOM bool
	// MarkCut ends a cut result with a last line, starting with #, that
	// says why (for downloads; the command line says it on stderr).
	MarkCut bool
}

// NewCSVWriter writes RFC 4180 CSV with a header row. NULL is an empty
// field; lists and objects are written in DuckDB's notation.
func NewCSVWriter(w io.Writer, opts CSVOptions) RowWriter {
	cw := &countingWriter{w: w}
	bw := bufio.NewWriterSize(cw, 64<<10)
	return &csvWriter{opts: opts, count: cw, buf: bw, csv: csv.NewWriter(bw)}
}

type csvWriter struct {
	opts  CSVOptions
	count *countingWriter
	buf   *bufio.Writer
	csv   *csv.Writer
	rec   []string
}

func (c *csvWriter) Begin(columns, _ []string) error {
	if c.opts.BOM {
		if _, err := c.buf.WriteString("\uFEFF"); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	c.rec = make([]string, len(columns))
	return c.write(columns)
}

func (c *csvWriter) Row(values []any) error {
	for j := range c.rec {
		c.rec[j] = ""
		if j < len(values) && values[j] != nil {
			c.rec[j] = FormatValue(values[j])
		}
	}
	return c.write(c.rec)
}

func (c *csvWriter) write(rec []string) error {
	if err := c.csv.Write(rec); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

func (c *csvWriter) End(cut *Cut) error {
	if cut != nil && c.opts.MarkCut {
		c.csv.Flush()
		if _, err := c.buf.WriteString("# " + cut.Chinese() + "\n"); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	c.csv.Flush()
	if err := c.csv.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := c.buf.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// Written counts what reached the underlying writer and what is buffered.
func (c *csvWriter) Written() int64 { return c.count.n + int64(c.buf.Buffered()) }

// JSONOptions shape a JSON file.
type JSONOptions struct {
	// MarkCut ends a cut result's array with an object
	// {"policylens_truncated": "why"} (for downloads).
	MarkCut bool
}

// NewJSONWriter writes a JSON array with one object per row, keyed by
// column name in column order (a repeated name gets a _2, _3 suffix), one
// row per line. Numbers stay numbers (HUGEINT and DECIMAL exactly), NULL
// is null, lists are arrays and STRUCTs and MAPs objects.
func NewJSONWriter(w io.Writer, opts JSONOptions) RowWriter {
	cw := &countingWriter{w: w}
	return &jsonWriter{opts: opts, count: cw, buf: bufio.NewWriterSize(cw, 64<<10)}
}

type jsonWriter struct {
	opts    JSONOptions
	count   *countingWriter
	buf     *bufio.Writer
	keys    []string
	rows    int64
	scratch jsonScratch
}

func (j *jsonWriter) Begin(columns, _ []string) error {
	j.keys = make([]string, len(columns))
	seen := map[string]int{}
	for i, c := range columns {
		seen[c]++
		j.keys[i] = c
		if n := seen[c]; n > 1 {
			j.keys[i] = fmt.Sprintf("%s_%d", c, n)
		}
	}
	_, err := j.buf.WriteString("[")
	return err
}

func (j *jsonWriter) Row(values []any) error {
	if j.rows > 0 {
		j.buf.WriteString(",")
	}
	j.rows++
	j.buf.WriteString("\n  {")
	for i, k := range j.keys {
		if i > 0 {
			j.buf.WriteString(", ")
		}
		var v any
		if i < len(values) {
			v = values[i]
		}
		if err := j.scratch.write(j.buf, k); err != nil {
			return fmt.Errorf("write json: column %s: %w", k, err)
		}
		j.buf.WriteString(": ")
		if err := j.scratch.write(j.buf, v); err != nil {
			return fmt.Errorf("write json: column %s: %w", k, err)
		}
	}
	_, err := j.buf.WriteString("}")
	return err
}

func (j *jsonWriter) End(cut *Cut) error {
	if cut != nil && j.opts.MarkCut {
		if j.rows > 0 {
			j.buf.WriteString(",")
		}
		j.buf.WriteString("\n  {\"policylens_truncated\": ")
		if err := j.scratch.write(j.buf, cut.Chinese()); err != nil {
			return err
		}
		j.buf.WriteString("}")
		j.rows++
	}
	if j.rows > 0 {
		j.buf.WriteString("\n")
	}
	j.buf.WriteString("]\n")
	if err := j.buf.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

func (j *jsonWriter) Written() int64 { return j.count.n + int64(j.buf.Buffered()) }

// WriteRows writes a collected result through w: the way a Result becomes
// a file.
func WriteRows(w RowWriter, r *Result) error {
	if err := w.Begin(r.Columns, r.Types); err != nil {
		return err
	}
	for _, row := range r.Rows {
		if err := w.Row(row); err != nil {
			return err
		}
	}
	return w.End(r.Cut)
}

// jsonScratch encodes one JSON value at a time into a reused buffer.
type jsonScratch struct{ b bytes.Buffer }

func (s *jsonScratch) write(w io.Writer, v any) error {
	s.b.Reset()
	if err := writeJSONValue(&s.b, v); err != nil {
		return err
	}
	_, err := w.Write(s.b.Bytes())
	return err
}
