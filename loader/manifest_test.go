package loader

import (
	"context"
	"database/sql"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/data"
)

// realSourceRows are the rows of loader/testdata/real/sources.csv for the
// notices whose names start with the given prefixes.
func realSourceRows(t *testing.T, prefixes ...string) map[string]string {
	t.Helper()
	f, err := os.Open("testdata/real/sources.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows[1:] {
		for _, p := range prefixes {
			if strings.HasPrefix(r[0], p) {
				out[r[0]] = r[1]
			}
		}
	}
	if len(out) != len(prefixes) {
		t.Fatalf("want %d rows of sources.csv, got %v", len(prefixes), out)
	}
	return out
}

// TestManifestAddresses loads two real notices laid out as a labelled set
// (set/notices/*.txt, set/sources.csv): A05 never dates itself in its
// text, and its address (…/t20200731_…) does. It checks that the address
// is stored and, with the lexicon's url_date cue on (as it ships), dates the notice;
// that changing the manifest row re-derives that notice alone; and that a
// broken manifest is an error naming it while the load goes on.
func TestManifestAddresses(t *testing.T) {
	ctx := context.Background()
	rows := realSourceRows(t, "A05_", "A06_")
	set := t.TempDir()
	notices := filepath.Join(set, "notices")
	if err := os.MkdirAll(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	var a05, a06 string
	for name := range rows {
		b, err := os.ReadFile(filepath.Join("testdata/real/notices", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(notices, name), string(b))
		if strings.HasPrefix(name, "A05_") {
			a05 = name
		} else {
			a06 = name
		}
	}
	// The built-in lexicon takes the address's date where the text has none.
	if !strings.Contains(string(data.MetaLexicon), "\n    url_date: 1\n") {
		t.Fatal("data/meta_lexicon.yaml does not turn url_date on")
	}
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	opts := Options{DataDir: notices, DBPath: dbPath}
	load := func() Summary {
		t.Helper()
		sum, err := Load(ctx, opts)
		if err != nil {
			t.Fatalf("load: %v (issues %v)", err, sum.Issues)
		}
		return sum
	}
	type docRow struct {
		url, published, source string
		year                   sql.NullInt64
	}
	get := func(name string) docRow {
		t.Helper()
		db := openRO(t, dbPath)
		defer db.Close()
		var r docRow
		var u, pub sql.NullString
		err := db.QueryRow(`SELECT d.url, strftime(d.published, '%Y-%m-%d'), d.year, s.source FROM documents d
			JOIN metadata_sources s ON s.doc_id = d.doc_id AND s.field = 'published' WHERE d.path = ?`, name).Scan(&u, &pub, &r.year, &r.source)
		if err != nil {
			t.Fatal(err)
		}
		r.url, r.published = u.String, pub.String
		return r
	}

	// No manifest: A05 is undated.
	load()
	if r := get(a05); r.url != "" || r.published != "" || r.source != "default" {
		t.Fatalf("without a manifest A05 = %+v, want no address and no date", r)
	}

	// The manifest one folder up, as loader/testdata/real keeps it.
	manifest := filepath.Join(set, "sources.csv")
	writeFile(t, manifest, "id,url,site,retrieved_via,truncated,note\n"+
		a05+","+rows[a05]+",x,y,no,\n"+a06+","+rows[a06]+",x,y,no,\n")
	sum := load()
	if sum.Loaded != 2 {
		t.Errorf("a new manifest naming both notices: %d loaded, want 2", sum.Loaded)
	}
	r := get(a05)
	// Its opening's 7月30日 falls on or before the page's day (…/2020/07-31/…):
	// the address gives that day its year.
	if r.url != rows[a05] || r.published != "2020-07-30" || r.source != "month_day+url" || r.year.Int64 != 2020 {
		t.Fatalf("A05 with its address %s = %+v, want published 2020-07-30 from its month and day and the url", rows[a05], r)
	}
	if r := get(a06); r.url != rows[a06] {
		t.Errorf("A06 url = %q, want %q", r.url, rows[a06])
	}

	// Changing one row re-derives that notice alone.
	writeFile(t, manifest, "id,url,site,retrieved_via,truncated,note\n"+
		a05+",http://example.gov.cn/2021-08/05/content_1.htm,x,y,no,\n"+a06+","+rows[a06]+",x,y,no,\n")
	sum = load()
	if sum.Loaded != 1 || sum.Unchanged != 1 {
		t.Errorf("one changed row: %d loaded, %d unchanged, want 1 and 1", sum.Loaded, sum.Unchanged)
	}
	if r := get(a05); r.published != "2021-07-30" {
		t.Errorf("A05 after its row changed: published %q, want 2021-07-30", r.published)
	}

	// A broken manifest: an error naming it, and the notices still load.
	writeFile(t, manifest, "id,ulr\n"+a05+","+rows[a05]+"\n")
	sum = load()
	var found bool
	for _, iss := range sum.Issues {
		if iss.Severity == "error" && iss.Path == "../sources.csv" && strings.Contains(iss.Message, `unknown column "ulr"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("broken manifest: issues %v, want an error naming ../sources.csv and the column", sum.Issues)
	}
	if sum.Documents != 2 {
		t.Errorf("broken manifest: %d documents, want 2", sum.Documents)
	}
	if r := get(a05); r.url != "" {
		t.Errorf("broken manifest: A05 url %q, want none", r.url)
	}
}
