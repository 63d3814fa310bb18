package eval

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/loader/gazetteer"
)

func TestReadGoldDocs(t *testing.T) {
	in := "\ufeffdoc,title,province,city,county,level,issuer,published,reviewed_year,plan_year\n" +
		"a.txt,T,广西,,,province,X,2024-1-22,2023,\n" +
		"b.txt,T,山东省,滨州市,博兴县,county,X,2024年3月5日,2024年,2025\n" +
		",,,,,,,,,\n"
	docs, err := ReadGoldDocs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d rows, want 2 (the empty row skipped)", len(docs))
	}
	want := map[string]string{"province": "广西壮族自治区", "city": "", "county": "", "level": "province",
		"published": "2024-01-22", "reviewed_year": "2023", "plan_year": ""}
	if !reflect.DeepEqual(docs[0].Values, want) {
		t.Errorf("a.txt read as %v, want %v", docs[0].Values, want)
	}
	if v := docs[1].Values; v["published"] != "2024-03-05" || v["reviewed_year"] != "2024" || v["county"] != "博兴县" {
		t.Errorf("b.txt read as %v", v)
	}
	// A file with only some columns scores only those.
	docs, err = ReadGoldDocs(strings.NewReader("doc,plan_year\na.txt,2025\n"))
	if err != nil || len(docs) != 1 || len(docs[0].Values) != 1 || docs[0].Values["plan_year"] != "2025" {
		t.Errorf("doc,plan_year read as %+v (%v)", docs, err)
	}
	for _, bad := range []string{
		"title,province\nT,山东省\n",
		"doc,title\na.txt,T\n",
		"doc,published\na.txt,next week\n",
		"doc,plan_year\na.txt,二〇二五\n",
	} {
		if _, err := ReadGoldDocs(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestCanonPlaces(t *testing.T) {
	g := gazetteer.Default()
	for _, c := range []struct{ in, want [3]string }{
		{[3]string{"广西", "", ""}, [3]string{"广西壮族自治区", "", ""}},
		{[3]string{"廣東省", "廣州", ""}, [3]string{"广东省", "广州市", ""}},
		{[3]string{"山东", "滨州", "博兴"}, [3]string{"山东省", "滨州市", "博兴县"}},
		{[3]string{"unknown", "", ""}, [3]string{"", "", ""}},
		{[3]string{"上海市", "上海市", "崇明区"}, [3]string{"上海市", "", "崇明区"}},
		{[3]string{"上海", "", "崇明区"}, [3]string{"上海市", "", "崇明区"}},
		{[3]string{"湖北省", "", "荆州开发区"}, [3]string{"湖北省", "", "荆州开发区"}},
	} {
		p, ci, co := canonPlaces(g, c.in[0], c.in[1], c.in[2])
		if got := [3]string{p, ci, co}; got != c.want {
			t.Errorf("canonPlaces%v = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestSetOf(t *testing.T) {
	for in, want := range map[string]string{
		"A01_3a75.txt": "A", "b07_77dc.txt": "b", "notices/F14_yhser48.txt": "F",
		"000_19a9.txt": "-", "DE3_x.txt": "DE", "readme": "readme",
	} {
		if got := SetOf(in); got != want {
			t.Errorf("SetOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestScoreDocsThroughLoader loads a few real notices (and an exact copy of
// one) into a real DuckDB file and scores gold documents written from the
// database's own values, read apart from LoadedDocuments: in other forms
// of the same places (short names, traditional characters, a
// municipality's district without its city) they count right; a year and
// a date changed count wrong and are listed with the gold and the value
// got; a notice not loaded counts wrong in every field and is named; the
// copy is scored through the notice it copies.
func TestScoreDocsThroughLoader(t *testing.T) {
	ctx := context.Background()
	src := "../../loader/testdata/real/notices"
	data := filepath.Join(t.TempDir(), "notices")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"A01_3a751bdc96a6be87.txt": "", "A04_5ff7170a2f363609.txt": "",
		"b03_5a5b0e470c9d.txt": "", "b22_5220ecd22cf2.txt": "", "A99_copy.txt": "A01_3a751bdc96a6be87.txt"}
	for name, from := range files {
		if from == "" {
			from = name
		}
		b, err := os.ReadFile(filepath.Join(src, from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(data, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(t.TempDir(), "docs.duckdb")
	if _, err := loader.Load(ctx, loader.Options{DataDir: data, DBPath: dbPath, ResourcesDir: "../../data"}); err != nil {
		t.Fatalf("load: %v", err)
	}
	db, err := sql.Open("duckdb", dbPath+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	rows, err := db.QueryContext(ctx, `SELECT path, province, coalesce(city, ''), coalesce(county, ''), level,
		coalesce(strftime(published, '%Y-%m-%d'), ''), coalesce(reviewed_year::VARCHAR, ''), coalesce(plan_year::VARCHAR, '')
		FROM documents ORDER BY path`)
	if err != nil {
		t.Fatal(err)
	}
	byDoc := map[string][]string{}
	for rows.Next() {
		r := make([]string, 8)
		if err := rows.Scan(&r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6], &r[7]); err != nil {
			t.Fatal(err)
		}
		byDoc[r[0]] = r
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if len(byDoc) != 4 {
		t.Fatalf("%d documents loaded, want 4 (and the copy in duplicates)", len(byDoc))
	}
	// Other forms of the places the database holds, which must compare equal.
	otherForm := map[string]string{"广西壮族自治区": "广西", "广东省": "廣東", "上海市": "上海", "茂名市": "茂名"}
	rewritten := 0
	var csv strings.Builder
	csv.WriteString("doc,title,province,city,county,level,issuer,published,reviewed_year,plan_year\n")
	row := func(doc string, r []string) {
		fmt.Fprintf(&csv, "%s,,%s,%s,%s,%s,,%s,%s,%s\n", doc, r[1], r[2], r[3], r[4], r[5], r[6], r[7])
	}
	var wantReviewed, wantPublished DocMiss
	for _, doc := range []string{"A01_3a751bdc96a6be87.txt", "A04_5ff7170a2f363609.txt", "b03_5a5b0e470c9d.txt", "b22_5220ecd22cf2.txt"} {
		r := append([]string(nil), byDoc[doc]...)
		if r == nil {
			t.Fatalf("%s not loaded", doc)
		}
		for i := 1; i <= 3; i++ {
			if f, ok := otherForm[r[i]]; ok {
				r[i] = f
				rewritten++
			}
		}
		if r[2] == r[1] && r[3] != "" {
			r[2] = "" // a municipality's district, labelled without a city
		}
		switch doc {
		case "A04_5ff7170a2f363609.txt":
			wrong := "2019"
			if y, err := strconv.Atoi(r[6]); err == nil {
				wrong = strconv.Itoa(y + 1)
			}
			wantReviewed = DocMiss{doc, wrong, r[6]}
			r[6] = wrong
		case "b03_5a5b0e470c9d.txt":
			wrong := "2020-07-25"
			if d, err := time.Parse("2006-01-02", r[5]); err == nil {
				wrong = d.AddDate(0, 0, 1).Format("2006-01-02")
			}
			wantPublished = DocMiss{doc, wrong, r[5]}
			r[5] = wrong
		}
		row(doc, r)
	}
	row("A99_copy.txt", byDoc["A01_3a751bdc96a6be87.txt"])
	csv.WriteString("Z01_0000000000000000.txt,,山东省,,,province,,2024-01-22,2023,2024\n")
	if rewritten < 2 {
		t.Fatalf("only %d place names rewritten: the notices no longer load with the places this test writes in other forms", rewritten)
	}
	gold, err := ReadGoldDocs(strings.NewReader(csv.String()))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadedDocuments(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	r := ScoreDocs(gold, loaded)
	var out strings.Builder
	r.Write(&out)
	t.Log("\n" + csv.String() + "\n" + out.String())

	if !reflect.DeepEqual(r.Missing, []string{"Z01_0000000000000000.txt"}) {
		t.Errorf("missing %v, want the one notice not loaded", r.Missing)
	}
	if len(r.Copies) == 0 || !strings.HasPrefix(r.Copies[0], "A99_copy.txt → A01_") {
		t.Errorf("copies %v, want A99_copy.txt scored through A01", r.Copies)
	}
	if len(r.Fields) != len(DocFields) {
		t.Fatalf("%d fields scored, want %d", len(r.Fields), len(DocFields))
	}
	n := len(gold)
	for _, f := range r.Fields {
		var want []DocMiss
		switch f.Field {
		case "reviewed_year":
			want = []DocMiss{wantReviewed}
		case "published":
			want = []DocMiss{wantPublished}
		}
		if f.N != n || f.Right != n-1-len(want) || !reflect.DeepEqual(f.Wrong, want) {
			t.Errorf("%s: %d/%d right, wrong %v; want %d/%d, wrong %v", f.Field, f.Right, f.N, f.Wrong, n-1-len(want), n, want)
		}
	}
	if !strings.Contains(out.String(), "reviewed_year wrong (1):\n  A04_5ff7170a2f363609.txt  gold "+wantReviewed.Gold) {
		t.Errorf("the report does not list the wrong reviewed year:\n%s", out.String())
	}
}
