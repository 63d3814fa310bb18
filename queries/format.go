package queries

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// tableCellMaxWidth caps a cell of the text table, in terminal columns: a
// document body would otherwise make every row thousands of columns wide.
// CSV and JSON always carry whole values.
const tableCellMaxWidth = 80

// cellWidth measures display width with East Asian wide characters (汉字,
// full-width punctuation) counted as two columns and ambiguous ones as
// one, whatever the locale says, so output is the same everywhere.
var cellWidth = &runewidth.Condition{EastAsianWidth: false}

// WriteTable writes r as an aligned text table for a terminal: a header, a
// rule, one line per row (numbers right-aligned, long cells cut with …,
// line breaks shown as \n), then the row count and, when the row cap cut
// the result, a note saying so.
func WriteTable(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	cells := make([][]string, len(r.Rows))
	widths := make([]int, len(r.Columns))
	for i, c := range r.Columns {
		widths[i] = cellWidth.StringWidth(tableCell(c))
	}
	for i, row := range r.Rows {
		cells[i] = make([]string, len(r.Columns))
		for j := range r.Columns {
			var v any
			if j < len(row) {
				v = row[j]
			}
			s := tableCell(FormatValue(v))
			cells[i][j] = s
			widths[j] = max(widths[j], cellWidth.StringWidth(s))
		}
	}
	right := make([]bool, len(r.Columns))
	for j := range r.Columns {
		right[j] = j < len(r.Types) && IsNumericType(r.Types[j])
	}
	writeLine := func(vals []string, alignRight []bool) {
		for j, s := range vals {
			if j > 0 {
				bw.WriteString(" │ ")
			}
			pad := strings.Repeat(" ", widths[j]-cellWidth.StringWidth(s))
			last := j == len(vals)-1
			switch {
			case alignRight != nil && alignRight[j]:
				bw.WriteString(pad + s)
			case last:
				bw.WriteString(s) // no trailing spaces
			default:
				bw.WriteString(s + pad)
			}
		}
		bw.WriteByte('\n')
	}
	if len(r.Columns) > 0 {
		header := make([]string, len(r.Columns))
		for j, c := range r.Columns {
			header[j] = tableCell(c)
		}
		writeLine(header, nil)
		for j := range r.Columns {
			if j > 0 {
				bw.WriteString("─┼─")
			}
			bw.WriteString(strings.Repeat("─", widths[j]))
		}
		bw.WriteByte('\n')
		for _, row := range cells {
			writeLine(row, right)
		}
	}
	switch n := len(r.Rows); n {
	case 1:
		bw.WriteString("(1 row)\n")
	default:
		fmt.Fprintf(bw, "(%d rows)\n", n)
	}
	if r.Truncated {
		fmt.Fprintf(bw, "(result truncated: only the first %d rows are shown; add a LIMIT or narrow the query)\n", len(r.Rows))
	}
	return bw.Flush()
}

// tableCell makes a value fit on one line of a table.
func tableCell(s string) string {
	s = strings.NewReplacer("\r\n", `\n`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
	if cellWidth.StringWidth(s) > tableCellMaxWidth {
		s = cellWidth.Truncate(s, tableCellMaxWidth, "…")
	}
	return s
}

// IsNumericType reports whether a DuckDB type name is a number type, so that
// its column is right-aligned.
func IsNumericType(t string) bool {
	t = strings.ToUpper(t)
	if strings.HasPrefix(t, "DECIMAL") {
		return true
	}
	switch t {
	case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
		"UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "REAL", "BIGNUM", "VARINT":
		return true
	}
	return false
}

// WriteCSV writes r as RFC 4180 CSV with a header row. NULL is an empty
// field; lists and objects are written in DuckDB's notation. A truncated
// result is not marked in the CSV itself (it would break the format); the
// caller says so on stderr.
func WriteCSV(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(r.Columns); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	rec := make([]string, len(r.Columns))
	for _, row := range r.Rows {
		for j := range rec {
			rec[j] = ""
			if j < len(row) && row[j] != nil {
				rec[j] = FormatValue(row[j])
			}
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// WriteJSON writes r as a JSON array with one object per row, keyed by
// column name in column order (a repeated name gets a _2, _3 suffix), one
// row per line. Numbers stay numbers (HUGEINT and DECIMAL exactly), NULL is
// null, lists are arrays and STRUCTs and MAPs objects.
func WriteJSON(w io.Writer, r *Result) error {
	keys := make([]string, len(r.Columns))
	seen := map[string]int{}
	for j, c := range r.Columns {
		seen[c]++
		keys[j] = c
		if n := seen[c]; n > 1 {
			keys[j] = fmt.Sprintf("%s_%d", c, n)
		}
	}
	var buf bytes.Buffer
	buf.WriteString("[")
	for i, row := range r.Rows {
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n  {")
		for j, k := range keys {
			if j > 0 {
				buf.WriteString(", ")
			}
			var v any
			if j < len(row) {
				v = row[j]
			}
			if err := writeJSONValue(&buf, k); err != nil {
				return fmt.Errorf("write json: column %s: %w", k, err)
			}
			buf.WriteString(": ")
			if err := writeJSONValue(&buf, v); err != nil {
				return fmt.Errorf("write json: column %s: %w", k, err)
			}
		}
		buf.WriteString("}")
		if buf.Len() > 64<<10 {
			if _, err := w.Write(buf.Bytes()); err != nil {
				return fmt.Errorf("write json: %w", err)
			}
			buf.Reset()
		}
	}
	if len(r.Rows) > 0 {
		buf.WriteString("\n")
	}
	buf.WriteString("]\n")
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// writeJSONValue appends v as JSON without escaping <, > and & (the output
// is read by people and programs, not pasted into HTML).
func writeJSONValue(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode adds a newline
	return nil
}
