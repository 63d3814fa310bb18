package queries

import (
	"bufio"
	"bytes"
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
	if r.Cut != nil {
		fmt.Fprintf(bw, "(result truncated: %s; add a LIMIT or narrow the query)\n", r.Cut.English())
	} else if r.Truncated {
		fmt.Fprintf(bw, "(result truncated: only the first %d rows are shown; add a LIMIT or narrow the query)\n", len(r.Rows))
	}
	return bw.Flush()
}

// tableCell makes a value fit on one line of a table, and makes it
// harmless to a terminal: a file name or a notice can hold escape
// sequences (ESC [ 31 m, a title that rewrites the window, a bell) or
// bidirectional overrides that make text read backwards, and the table
// goes to a terminal; they are written as \xNN or \uNNNN.
func tableCell(s string) string {
	s = strings.NewReplacer("\r\n", `\n`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
	if strings.IndexFunc(s, unsafeInTerminal) >= 0 {
		var b strings.Builder
		for _, r := range s {
			switch {
			case !unsafeInTerminal(r):
				b.WriteRune(r)
			case r < 0x100:
				fmt.Fprintf(&b, `\x%02x`, r)
			default:
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		}
		s = b.String()
	}
	if cellWidth.StringWidth(s) > tableCellMaxWidth {
		s = cellWidth.Truncate(s, tableCellMaxWidth, "…")
	}
	return s
}

// unsafeInTerminal reports whether a terminal would act on r rather than
// show it: C0 and C1 controls, DEL, and the bidirectional embeddings,
// overrides and isolates.
func unsafeInTerminal(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
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

// WriteCSV writes r as RFC 4180 CSV with a header row (see NewCSVWriter).
// A truncated result is not marked in the CSV itself; the caller says so
// on stderr.
func WriteCSV(w io.Writer, r *Result) error {
	return WriteRows(NewCSVWriter(w, CSVOptions{}), r)
}

// WriteJSON writes r as a JSON array with one object per row (see
// NewJSONWriter).
func WriteJSON(w io.Writer, r *Result) error {
	return WriteRows(NewJSONWriter(w, JSONOptions{}), r)
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
