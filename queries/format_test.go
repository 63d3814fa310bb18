package queries

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func formatFixture() *Result {
	return &Result{
		Columns: []string{"province", "n", "note"},
		Types:   []string{"VARCHAR", "BIGINT", "VARCHAR"},
		Rows: [][]any{
			{"山东省", int64(242000), "开通5G基站24.2万个"},
			{"Zhejiang", int64(7), nil},
			{"福建省", json.Number("31.5"), "line one\nline \"two\", with comma"},
		},
	}
}

func TestWriteTableAlignsWideCharacters(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTable(&buf, formatFixture()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("got %d lines:\n%s", len(lines), buf.String())
	}
	// The column separators sit at the same display column on every line.
	sepCols := func(line string) []int {
		var cols []int
		w := 0
		for _, r := range line {
			if r == '│' || r == '┼' {
				cols = append(cols, w)
			}
			w += runewidth.RuneWidth(r)
		}
		return cols
	}
	want := sepCols(lines[0])
	if len(want) != 2 {
		t.Fatalf("header %q has %d separators", lines[0], len(want))
	}
	for _, l := range lines[1:5] {
		if got := sepCols(l); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("separators of %q at %v, header at %v\n%s", l, got, want, buf.String())
		}
	}
	// 山东省 is three characters but six columns wide.
	if !strings.HasPrefix(lines[2], "山东省   │ ") {
		t.Errorf("row %q: wide characters not padded as width 2", lines[2])
	}
	// Numbers are right-aligned; NULL is shown; line breaks stay on one line.
	if !strings.Contains(lines[3], "│      7 │ NULL") {
		t.Errorf("row %q", lines[3])
	}
	if !strings.Contains(lines[4], `line one\nline "two"`) {
		t.Errorf("row %q", lines[4])
	}
	if lines[5] != "(3 rows)" {
		t.Errorf("footer %q", lines[5])
	}
	for _, l := range lines {
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing space in %q", l)
		}
	}

	r := formatFixture()
	r.Rows = r.Rows[:1]
	r.Truncated = true
	buf.Reset()
	if err := WriteTable(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "(1 row)\n(result truncated: only the first 1 rows are shown") {
		t.Errorf("truncation note missing:\n%s", buf.String())
	}

	long := &Result{Columns: []string{"body"}, Types: []string{"VARCHAR"}, Rows: [][]any{{strings.Repeat("通信", 100)}}}
	buf.Reset()
	if err := WriteTable(&buf, long); err != nil {
		t.Fatal(err)
	}
	if w := runewidth.StringWidth(strings.Split(buf.String(), "\n")[2]); w > tableCellMaxWidth {
		t.Errorf("long cell is %d columns wide", w)
	}

	// A file name from a hostile archive must not drive the terminal.
	hostile := &Result{Columns: []string{"path\x1b]0;x\a"}, Types: []string{"VARCHAR"},
		Rows: [][]any{{"\x1b[31mred\a.txt"}, {"gpj.\u202eexe"}, {"\u009b2J"}}}
	buf.Reset()
	if err := WriteTable(&buf, hostile); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(strings.ReplaceAll(buf.String(), "\n", ""), "\x1b\a\u009b\u202e") {
		t.Errorf("a control character reached the table: %q", buf.String())
	}
	for _, want := range []string{`\x1b[31mred\x07.txt`, `gpj.\u202eexe`, `\x9b2J`, `path\x1b]0;x\x07`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("table lacks %s:\n%s", want, buf.String())
		}
	}

	buf.Reset()
	if err := WriteTable(&buf, &Result{Columns: []string{"a"}, Types: []string{"INTEGER"}}); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "a\n─\n(0 rows)\n" {
		t.Errorf("empty result:\n%q", buf.String())
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, formatFixture()); err != nil {
		t.Fatal(err)
	}
	wantText := "province,n,note\n" +
		"山东省,242000,开通5G基站24.2万个\n" +
		"Zhejiang,7,\n" +
		"福建省,31.5,\"line one\nline \"\"two\"\", with comma\"\n"
	if buf.String() != wantText {
		t.Errorf("CSV:\n%s\nwant\n%s", buf.String(), wantText)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if len(recs) != 4 || recs[3][2] != "line one\nline \"two\", with comma" {
		t.Errorf("read back %q", recs)
	}
}

func TestWriteJSON(t *testing.T) {
	r := formatFixture()
	r.Columns = append(r.Columns, "n", "nested")
	r.Types = append(r.Types, "INTEGER", "STRUCT")
	for i := range r.Rows {
		r.Rows[i] = append(r.Rows[i], int64(i), NestedObject{{"z", []any{int64(1), "<b>"}}, {"a", nil}})
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	firstRow := `{"province": "山东省", "n": 242000, "note": "开通5G基站24.2万个", "n_2": 0, "nested": {"z":[1,"<b>"],"a":null}}`
	if !strings.Contains(out, firstRow) {
		t.Errorf("JSON:\n%s\nwant a line\n%s", out, firstRow)
	}
	var rows []map[string]any
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&rows); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	if len(rows) != 3 || rows[1]["note"] != nil || rows[2]["n"] != json.Number("31.5") {
		t.Errorf("decoded %v", rows)
	}

	buf.Reset()
	if err := WriteJSON(&buf, &Result{Columns: []string{"a"}}); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "[]\n" {
		t.Errorf("empty result: %q", buf.String())
	}
}

func FuzzSplitSQLStatements(f *testing.F) {
	for _, s := range []string{
		"select 1; select 2", "select ';' -- ;\n; /* ; /* ; */ */ select $$;$$", "E'\\';'", `"a;b"`,
		"$tag$ ; $tag$;", "select 1", "", "'unterminated ;", "/* open", "$1; $", "你好;世界",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		toks := lexSQL(q)
		prev := 0
		for _, tk := range toks {
			if tk.start < prev || tk.end <= tk.start || tk.end > len(q) {
				t.Fatalf("token %+v out of order or bounds in %q", tk, q)
			}
			prev = tk.end
		}
		stmts := splitSQLStatements(q)
		semis := 0
		for _, tk := range toks {
			if tk.kind == tokSemi {
				semis++
			}
		}
		if len(stmts) > semis+1 {
			t.Fatalf("%d statements from %d semicolons in %q", len(stmts), semis, q)
		}
		for _, s := range stmts {
			if strings.TrimSpace(s) == "" {
				t.Fatalf("empty statement from %q", q)
			}
		}
		leadingWords(toks)
		findFileAccess(toks)
		explainTarget(q, toks)
	})
}
