package queries

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// TestSandboxCutsCells checks that text values are cut inside DuckDB to
// the cell cap (one character more, so that the cut shows), and that
// other columns, repeated names and the row order stay.
func TestSandboxCutsCells(t *testing.T) {
	db := openSandboxStore(t, writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	res, err := RunSandboxed(context.Background(), db,
		"SELECT repeat('甲', 5000) AS a, 7 AS b, 'short' AS a, [1, 2] AS l FROM range(3)", SandboxLimits{MaxCellChars: 10})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Columns, ",") != "a,b,a,l" || len(res.Rows) != 3 {
		t.Fatalf("columns %v, %d rows", res.Columns, len(res.Rows))
	}
	row := res.Rows[0]
	if n := utf8.RuneCountInString(row[0].(string)); n != 11 {
		t.Errorf("long text cut to %d characters, want 11", n)
	}
	if row[1] != int64(7) || row[2] != "short" || FormatValue(row[3]) != "[1, 2]" {
		t.Errorf("other columns changed: %v", row)
	}
}

// TestSandboxByteCap checks that a result of large values stops at the
// byte cap, and says so.
func TestSandboxByteCap(t *testing.T) {
	db := openSandboxStore(t, writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	res, err := RunSandboxed(context.Background(), db, "SELECT repeat('x', 100000) FROM range(1000)", SandboxLimits{MaxBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Truncated || res.Cut == nil || res.Cut.Reason != CutBytes || len(res.Rows) > 11 || len(res.Rows) < 10 {
		t.Fatalf("%d rows, cut %+v", len(res.Rows), res.Cut)
	}
	if !strings.Contains(res.Cut.Chinese(), "截断") {
		t.Errorf("cut says %q", res.Cut.Chinese())
	}
}

// TestStreamWriters streams a result as CSV (with BOM) and JSON, whole
// and cut: every row arrives, and a cut result ends with a line that says
// so.
func TestStreamWriters(t *testing.T) {
	db := openSandboxStore(t, writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	ctx := context.Background()
	var buf bytes.Buffer
	cut, err := StreamSandboxed(ctx, db, "SELECT i, '第' || i || '行' AS s FROM range(50000) t(i)",
		SandboxLimits{MaxRows: -1, MaxBytes: -1}, NewCSVWriter(&buf, CSVOptions{BOM: true, MarkCut: true}))
	if err != nil || cut != nil {
		t.Fatalf("stream: %v, cut %+v", err, cut)
	}
	body, ok := strings.CutPrefix(buf.String(), "\uFEFF")
	if !ok {
		t.Error("no byte order mark")
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(recs) != 50001 || recs[50000][1] != "第49999行" {
		t.Fatalf("%d records, %v", len(recs), err)
	}

	buf.Reset()
	cut, err = StreamSandboxed(ctx, db, "SELECT i FROM range(50000) t(i)", SandboxLimits{MaxRows: 100}, NewJSONWriter(&buf, JSONOptions{MarkCut: true}))
	if err != nil || cut == nil || cut.Reason != CutRows || cut.Rows != 100 {
		t.Fatalf("stream: %v, cut %+v", err, cut)
	}
	var out []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 101 || out[100]["policylens_truncated"] == nil {
		t.Errorf("%d objects, last %v", len(out), out[len(out)-1])
	}

	buf.Reset()
	cut, err = StreamSandboxed(ctx, db, "SELECT repeat('x', 10000) AS s FROM range(1000)", SandboxLimits{MaxBytes: 100000}, NewCSVWriter(&buf, CSVOptions{MarkCut: true}))
	if err != nil || cut == nil || cut.Reason != CutBytes {
		t.Fatalf("stream: %v, cut %+v", err, cut)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "# ") || !strings.Contains(last, "截断") || len(lines) > 14 {
		t.Errorf("%d lines, last %q", len(lines), last[:min(len(last), 80)])
	}
}

// TestSandboxMemoryRetry runs a query whose whole result does not fit in
// the sandbox's memory: it comes back cut to the rows that fit, not as an
// error, and says why.
func TestSandboxMemoryRetry(t *testing.T) {
	st, err := OpenStore(context.Background(), writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db, release, err := st.SandboxDB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	var buf countOnly
	cut, err := StreamSandboxed(context.Background(), db, "SELECT repeat('x', 1000000) AS s FROM range(1000)",
		SandboxLimits{MaxRows: 100000, MaxBytes: -1, Timeout: 2 * time.Minute}, NewCSVWriter(&buf, CSVOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	if cut == nil || cut.Reason != CutMemory || cut.Rows == 0 || cut.Rows >= 1000 {
		t.Fatalf("cut %+v", cut)
	}
	t.Logf("%s", cut.English())
}

type countOnly struct{ n int }

func (c *countOnly) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// TestSandboxRowsBrokenOff: when DuckDB fails to hand over a chunk of a
// result (it cannot allocate the chunk, as in a worker at its memory
// cap), its Go driver ends the rows as if they were all read: Next
// returns false and Err nil. TestWorkerMemory once got "0 rows and no
// cut" that way. Rows that stop before the row marking their end must be
// an error, never a shorter result without a cut. The rows here are real
// DuckDB rows of the wrapped query, with the end row filtered away (and
// every row, for the first chunk lost) to stand for what the driver
// dropped.
func TestSandboxRowsBrokenOff(t *testing.T) {
	db := openSandboxStore(t, writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	ctx := context.Background()
	plan := execPlan{q: "SELECT i AS n FROM range(5) t(i)", wrapped: true,
		columns: []string{"n"}, types: []duckdb.Type{duckdb.TYPE_BIGINT}}
	for _, c := range []struct {
		name    string
		filter  string
		maxRows int
		rows    int
		cut     string // the cut's reason, "" for none
		broken  bool
	}{
		{"whole", "true", 5, 5, "", false},
		{"whole, past the row cap", "true", 3, 3, CutRows, false},
		{"end lost", "NOT " + endColumn, 5, 5, "", true},
		{"every row lost", "false", 5, 0, "", true},
		{"end lost past the row cap", "NOT " + endColumn, 3, 3, CutRows, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			q := "SELECT * FROM (\n" + plan.text(c.maxRows+1, 0) + "\n) AS read WHERE " + c.filter
			rows, err := db.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			col := &collector{res: &Result{}}
			cut, err := copyRows(ctx, rows, col, SandboxLimits{MaxBytes: -1}, c.maxRows, nil, false, true, nil, redactor{})
			if c.broken {
				if err == nil || !strings.Contains(err.Error(), "Out of Memory") || !strings.Contains(err.Error(), "broke off") {
					t.Fatalf("error %v, cut %+v, %d rows; want the rows to have broken off", err, cut, len(col.res.Rows))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(col.res.Rows) != c.rows || strings.Join(col.res.Columns, ",") != "n" {
				t.Errorf("columns %v, %d rows, want n and %d", col.res.Columns, len(col.res.Rows), c.rows)
			}
			reason := ""
			if cut != nil {
				reason = cut.Reason
			}
			if reason != c.cut {
				t.Errorf("cut %+v, want %q", cut, c.cut)
			}
		})
	}
}
