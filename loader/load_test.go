package loader

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

// copySeeds copies the seed notices into a fresh data dir.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	seeds, err := filepath.Glob("../data/notices/*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("want the five seeds in ../data/notices, got %d (%v)", len(seeds), err)
	}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(s)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func openRO(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestLoadSeeds(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath})
	if err != nil {
		t.Fatalf("load: %v (issues %v)", err, sum.Issues)
	}
	if sum.Documents != 5 || sum.Loaded != 5 || !sum.Rebuilt || !sum.Swapped {
		t.Fatalf("summary %+v", sum)
	}
	if sum.Sentences < 100 || sum.Tokens < 5000 || sum.Indicators < 30 || sum.ThemeHits < 20 {
		t.Errorf("totals look too small: %+v", sum)
	}
	db := openRO(t, dbPath)

	// Metadata matches the gold labels.
	f, err := os.Open("../data/gold/seed_documents.csv")
	if err != nil {
		t.Fatalf("gold documents: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range rows[1:] {
		var title, province, city, county, level, issuer, published string
		var reviewed, plan sql.NullInt64
		err := db.QueryRow(`SELECT title, province, coalesce(city, ''), coalesce(county, ''), level, issuer,
			coalesce(strftime(published, '%Y-%m-%d'), ''), reviewed_year, plan_year FROM documents WHERE path = ?`, g[0]).
			Scan(&title, &province, &city, &county, &level, &issuer, &published, &reviewed, &plan)
		if err != nil {
			t.Errorf("%s: %v", g[0], err)
			continue
		}
		got := []string{title, province, city, county, level, issuer, published, nullStr(reviewed), nullStr(plan)}
		for i, want := range g[1:] {
			if got[i] != want {
				t.Errorf("%s: %s = %q, want %q", g[0], rows[0][i+1], got[i], want)
			}
		}
	}

	// Offsets point into the body: every sentence and indicator span is the
	// text it claims to be.
	if n := count(t, db, `SELECT count(*) FROM sentences s JOIN documents d USING (doc_id)
		WHERE substr(d.body, s.start_char + 1, s.end_char - s.start_char) <> s.text`); n != 0 {
		t.Errorf("%d sentences whose offsets do not match the body", n)
	}
	if n := count(t, db, `SELECT count(*) FROM indicators i JOIN documents d USING (doc_id)
		WHERE substr(d.body, i.start_char + 1, i.end_char - i.start_char) <> i.surface`); n != 0 {
		t.Errorf("%d indicators whose offsets do not match the body", n)
	}
	if n := count(t, db, `SELECT count(*) FROM term_counts WHERE term IN ('的', '和', '，', '。')`); n != 0 {
		t.Errorf("stop words or punctuation among the terms: %d", n)
	}
	if n := count(t, db, `SELECT count(DISTINCT theme) FROM theme_hits`); n < 8 {
		t.Errorf("only %d themes hit across the seeds", n)
	}
	if n := count(t, db, `SELECT count(*) FROM theme_hits h JOIN documents d USING (doc_id)
		WHERE abs(h.per_10k - h.hits * 10000.0 / d.tokens) > 1e-9`); n != 0 {
		t.Errorf("%d theme hits not normalised per 10,000 tokens", n)
	}
	checkAggregates(t, db)
	// The gazetteer's divisions, and every seed placed in one of them.
	if n := count(t, db, `SELECT count(*) FROM places WHERE level = 'province'`); n != 34 {
		t.Errorf("%d provincial-level places, want 34", n)
	}
	if n := count(t, db, `SELECT count(*) FROM places c JOIN places p ON p.code = c.parent_code
		WHERE NOT starts_with(c.code, p.code) OR c.province <> p.province`); n != 0 {
		t.Errorf("%d places whose parent is not above them", n)
	}
	if n := count(t, db, `SELECT count(*) FROM document_counts c JOIN documents d USING (doc_id)
		JOIN places p ON p.code = c.place_code
		WHERE p.province <> d.province OR p.level <> d.level`); n != 0 {
		t.Errorf("%d documents placed in a unit of another province or level", n)
	}
	if n := count(t, db, `SELECT count(*) FROM document_counts WHERE place_code IS NULL`); n != 0 {
		t.Errorf("%d seeds not placed", n)
	}
	if n := count(t, db, `SELECT count(*) FROM sentences WHERE part = 'plan'`); n == 0 {
		t.Error("no sentence classified as plan")
	}

	// A second load with nothing changed leaves the file alone.
	st1, _ := os.Stat(dbPath)
	sum, err = Load(ctx, Options{DataDir: dir, DBPath: dbPath})
	if err != nil || sum.Swapped || sum.Unchanged != 5 || sum.Documents != 5 {
		t.Fatalf("reload: err %v summary %+v", err, sum)
	}
	st2, _ := os.Stat(dbPath)
	if !os.SameFile(st1, st2) {
		t.Error("unchanged load replaced the database file")
	}
}

func nullStr(v sql.NullInt64) string {
	if !v.Valid {
		return ""
	}
	return strconv.FormatInt(v.Int64, 10)
}

// checkAggregates checks that the load-time aggregate tables hold exactly
// what the per-document tables sum to, and that every document has its
// counts, however the database was reached (fresh load, add, replace,
// remove).
func checkAggregates(t *testing.T, db *sql.DB) {
	t.Helper()
	key := `province, level, doc_type, coalesce(year, 0) AS y, coalesce(reviewed_year, 0) AS r, coalesce(plan_year, 0) AS p`
	for _, c := range []struct{ table, want, cols string }{
		{"group_stats", `SELECT ` + key + `, count(*) AS documents, sum(tokens) AS tokens, sum(chars) AS chars
			FROM documents GROUP BY ALL`, "documents, tokens, chars"},
		{"term_stats", `SELECT ` + key + `, term, sum(n) AS n, count(*) AS documents
			FROM term_counts JOIN documents USING (doc_id) GROUP BY ALL`, "term, n, documents"},
		{"theme_stats", `SELECT ` + key + `, theme, sum(hits) AS hits, count(*) AS documents
			FROM theme_hits JOIN documents USING (doc_id) WHERE hits > 0 GROUP BY ALL`, "theme, hits, documents"},
		{"indicator_stats", `SELECT d.province, d.level, d.doc_type, coalesce(d.year, 0) AS y, coalesce(d.reviewed_year, 0) AS r,
			coalesce(d.plan_year, 0) AS p, coalesce(i.canonical_metric, i.metric) AS metric, bool_or(i.canonical_metric IS NOT NULL) AS canonical,
			i.kind, i.measure, i.unit, i.scope, coalesce(i.year, 0) AS fy, count(*) AS n
			FROM indicators i JOIN documents d USING (doc_id) GROUP BY ALL`, "metric, canonical, kind, measure, unit, scope, coalesce(figure_year, 0) AS fy, n"},
		{"indicator_stats", `SELECT d.province, d.level, d.doc_type, coalesce(d.year, 0) AS y, coalesce(d.reviewed_year, 0) AS r,
			coalesce(d.plan_year, 0) AS p, coalesce(i.canonical_metric, i.metric) AS metric, count(DISTINCT doc_id) AS documents
			FROM indicators i JOIN documents d USING (doc_id) GROUP BY ALL`, "metric, sum(documents) AS documents"},
		{"figures", `SELECT d.province, d.level, d.doc_type, coalesce(d.year, 0) AS y, coalesce(d.reviewed_year, 0) AS r,
			coalesce(d.plan_year, 0) AS p, i.indicator_id, coalesce(i.canonical_metric, i.metric) AS metric, c.place_code, i.doc_id,
			i.sentence_no, i.kind, i.year AS figure_year, i.measure, i.value, i.unit, i.surface, i.scope, s.text AS sentence
			FROM indicators i JOIN documents d USING (doc_id) JOIN document_counts c USING (doc_id)
			JOIN sentences s ON s.doc_id = i.doc_id AND s.sentence_no = i.sentence_no`,
			"indicator_id, metric, place_code, doc_id, sentence_no, kind, figure_year, measure, value, unit, surface, scope, sentence"},
	} {
		got := `SELECT ` + key + `, ` + c.cols + ` FROM ` + c.table
		if strings.Contains(c.cols, "sum(") {
			got += ` GROUP BY ALL`
		}
		q := `SELECT count(*) FROM ((` + got + `) EXCEPT ALL (` + c.want + `)) UNION ALL SELECT count(*) FROM ((` + c.want + `) EXCEPT ALL (` + got + `))`
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", c.table, err)
		}
		for rows.Next() {
			var n int
			rows.Scan(&n)
			if n != 0 {
				t.Errorf("%s differs from the per-document tables in %d rows", c.table, n)
			}
		}
		rows.Close()
	}
	if n := count(t, db, `SELECT count(*) FROM documents d ANTI JOIN document_counts c USING (doc_id)`) +
		count(t, db, `SELECT count(*) FROM document_counts c ANTI JOIN documents d USING (doc_id)`); n != 0 {
		t.Errorf("%d documents without counts or counts without documents", n)
	}
	if n := count(t, db, `SELECT count(*) FROM document_counts c JOIN documents d USING (doc_id)
		WHERE c.sentences <> (SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id)
		   OR c.indicators <> (SELECT count(*) FROM indicators i WHERE i.doc_id = d.doc_id)`); n != 0 {
		t.Errorf("%d documents with wrong sentence or indicator counts", n)
	}
}

func TestLoadIncremental(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath}); err != nil {
		t.Fatal(err)
	}
	idOf := func(path string) int {
		db := openRO(t, dbPath)
		defer db.Close()
		return count(t, db, `SELECT doc_id FROM documents WHERE path = ?`, path)
	}
	changed := "001_b8b2dc1c34aaf6bb.txt"
	oldID := idOf(changed)

	// Change one file, delete one, copy one, add a broken one.
	p := filepath.Join(dir, changed)
	b, _ := os.ReadFile(p)
	b = append(b, []byte("\n会议还指出，全省新建5G基站1.2万个。\n")...)
	os.WriteFile(p, b, 0o644)
	os.Remove(filepath.Join(dir, "002_bb2ab02d8bf39ffb.txt"))
	seed0, _ := os.ReadFile(filepath.Join(dir, "000_19a9d0be758cd336.txt"))
	os.MkdirAll(filepath.Join(dir, "mirror"), 0o755)
	os.WriteFile(filepath.Join(dir, "mirror", "copy.txt"), seed0, 0o644)
	// A reprint of seed 003 on another site: HTML page chrome and a small edit.
	seed3, _ := os.ReadFile(filepath.Join(dir, "003_57a8f9312ba44ad7.txt"))
	reprint := "<html><head><title>巡察整改通报</title></head><body><div class=\"nav\">首页 | 新闻中心 | 政务公开</div><div class=\"content\"><p>" +
		strings.ReplaceAll(strings.Replace(string(seed3), "调研活动10余次", "调研活动十余次", 1), "\n", "</p>\n<p>") +
		"</p></div><div class=\"footer\">主办单位：某某网 版权所有 鲁ICP备12345678号</div></body></html>"
	os.WriteFile(filepath.Join(dir, "mirror", "reprint.html"), []byte(reprint), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"), 0o644)

	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath})
	if !errors.Is(err, ErrPartial) {
		t.Fatalf("want a partial load, got %v", err)
	}
	if sum.Loaded != 1 || sum.Removed != 1 || sum.Duplicates != 2 || sum.Failed != 1 || sum.Unchanged != 3 || sum.Documents != 4 {
		t.Fatalf("summary %+v", sum)
	}
	if idOf(changed) != oldID {
		t.Errorf("changed file got a new doc_id")
	}
	db := openRO(t, dbPath)
	if n := count(t, db, `SELECT count(*) FROM indicators i JOIN documents d USING (doc_id) WHERE d.path = ? AND i.value = 12000`, changed); n != 1 {
		t.Errorf("the new sentence's indicator is missing (%d)", n)
	}
	if n := count(t, db, `SELECT count(*) FROM duplicates WHERE path = 'mirror/copy.txt' AND method = 'exact'`); n != 1 {
		t.Errorf("copy not recorded as a duplicate")
	}
	if n := count(t, db, `SELECT count(*) FROM duplicates x JOIN documents d USING (doc_id)
		WHERE x.path = 'mirror/reprint.html' AND x.method = 'near' AND d.path = '003_57a8f9312ba44ad7.txt' AND x.similarity >= 0.8`); n != 1 {
		t.Errorf("reprint not recorded as a near-copy of seed 003")
	}
	if n := count(t, db, `SELECT count(*) FROM load_issues WHERE path = 'broken.txt' AND severity = 'error'`); n != 1 {
		t.Errorf("broken file not recorded in load_issues")
	}
	for _, tbl := range []string{"sentences", "term_counts", "theme_hits", "indicators", "document_counts"} {
		if n := count(t, db, `SELECT count(*) FROM `+tbl+` WHERE doc_id NOT IN (SELECT doc_id FROM documents)`); n != 0 {
			t.Errorf("%d orphan rows in %s", n, tbl)
		}
	}
	checkAggregates(t, db)
	db.Close()

	// Deleting the original makes the copy the document.
	os.Remove(filepath.Join(dir, "000_19a9d0be758cd336.txt"))
	sum, err = Load(ctx, Options{DataDir: dir, DBPath: dbPath})
	if !errors.Is(err, ErrPartial) || sum.Documents != 4 || sum.Removed != 1 || sum.Loaded != 1 {
		t.Fatalf("after deleting the original: err %v summary %+v", err, sum)
	}
	db = openRO(t, dbPath)
	if n := count(t, db, `SELECT count(*) FROM documents WHERE path = 'mirror/copy.txt'`); n != 1 {
		t.Error("the copy did not become the document")
	}
	checkAggregates(t, db)
}

// TestLoadRebuildsOnNewSchemaOrResources checks that a database written by
// another schema or with other dictionaries is rebuilt, not patched.
func TestLoadRebuildsOnNewSchemaOrResources(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE meta SET value = '0-old' WHERE key = 'schema_version'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath})
	if err != nil || !sum.Rebuilt || sum.Loaded != 5 {
		t.Fatalf("old schema: err %v, summary %+v; want a rebuild", err, sum)
	}
	// Edited themes: every score must be recomputed.
	res := t.TempDir()
	os.WriteFile(filepath.Join(res, "themes.yaml"), []byte("themes:\n - id: fraud\n   label: 反诈\n   keywords: [反诈, 诈骗]\n"), 0o644)
	sum, err = Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: res})
	if err != nil || !sum.Rebuilt {
		t.Fatalf("new themes: err %v, summary %+v; want a rebuild", err, sum)
	}
	ro := openRO(t, dbPath)
	if n := count(t, ro, `SELECT count(DISTINCT theme) FROM themes`); n != 1 {
		t.Errorf("%d themes defined after loading a one-theme file", n)
	}
	if n := count(t, ro, `SELECT count(*) FROM theme_hits WHERE theme <> 'fraud'`); n != 0 {
		t.Errorf("%d stale theme hits left", n)
	}
	ro.Close()
	// An edited lexicon changes the indicators: rebuild, and the new list
	// is used (a figure after a new future marker becomes a target).
	lex, err := os.ReadFile("../data/lexicon.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(lex), "future:\n", "future:\n  - 开通\n", 1)
	os.WriteFile(filepath.Join(res, "lexicon.yaml"), []byte(edited), 0o644)
	sum, err = Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: res})
	if err != nil || !sum.Rebuilt {
		t.Fatalf("new lexicon: err %v, summary %+v; want a rebuild", err, sum)
	}
	ro = openRO(t, dbPath)
	if n := count(t, ro, `SELECT count(*) FROM indicators WHERE surface = '24.2万个' AND kind = 'target'`); n != 1 {
		t.Errorf("the edited lexicon was not used: %d targets 24.2万个", n)
	}
	var code string
	if err := ro.QueryRow(`SELECT value FROM meta WHERE key = 'code_version'`).Scan(&code); err != nil || len(code) < 12 {
		t.Errorf("meta.code_version %q (%v)", code, err)
	}
	ro.Close()
	// An edited metadata lexicon changes the metadata: rebuild, and the
	// new list is used (山东管局 spelled out otherwise).
	mlex, err := os.ReadFile("../data/meta_lexicon.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited = strings.Replace(string(mlex), "org_abbreviations:\n", "org_abbreviations:\n  通信管理局: 通信管理处\n", 1)
	os.WriteFile(filepath.Join(res, "meta_lexicon.yaml"), []byte(edited), 0o644)
	sum, err = Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: res})
	if err != nil || !sum.Rebuilt {
		t.Fatalf("new meta lexicon: err %v, summary %+v; want a rebuild", err, sum)
	}
	ro = openRO(t, dbPath)
	if n := count(t, ro, `SELECT count(*) FROM documents WHERE issuer = '山东省通信管理处'`); n != 1 {
		t.Errorf("the edited meta lexicon was not used: %d notices issued by 山东省通信管理处", n)
	}
	ro.Close()
	// A broken one is refused with the file's name, and the database kept.
	os.WriteFile(filepath.Join(res, "meta_lexicon.yaml"), []byte("recent: []\n"), 0o644)
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: res}); err == nil || !strings.Contains(err.Error(), "meta_lexicon.yaml") {
		t.Errorf("empty meta lexicon: err %v, want one naming the file", err)
	}
	ro = openRO(t, dbPath)
	defer ro.Close()
	if n := count(t, ro, `SELECT count(*) FROM documents`); n != 5 {
		t.Errorf("%d documents after a refused meta lexicon, want the 5 loaded", n)
	}
}

// TestCodeVersionIsDerived checks that the loader's code version is
// computed from the source of the packages that process notices, one
// digest per package, not a constant.
func TestCodeVersionIsDerived(t *testing.T) {
	parts := strings.Split(codeVersion, "-")
	if len(parts) != 10 {
		t.Fatalf("code version %q has %d parts, want the loader's and 9 packages'", codeVersion, len(parts))
	}
	seen := map[string]bool{}
	for _, p := range parts {
		if len(p) != 12 || seen[p] {
			t.Errorf("part %q of %q is no distinct digest", p, codeVersion)
		}
		seen[p] = true
	}
}

// TestAdd copies a notice into the data dir and loads just it; a different
// file of the same name is refused unless forced.
func TestAdd(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath}); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "gd.txt")
	os.WriteFile(src, []byte("广东省通信管理局召开2026年工作会议\n发布时间：2026-02-10\n会议指出，2025年全省新建5G基站3.1万个。\n"), 0o644)
	os.WriteFile(src+".meta.yaml", []byte("doc_type: 工作会议\n"), 0o644)
	sum, err := Add(ctx, Options{DataDir: dir, DBPath: dbPath}, AddOptions{Sub: "gd"}, []string{src})
	if err != nil || sum.Loaded != 1 || sum.Unchanged != 0 || sum.Documents != 6 {
		t.Fatalf("add: %v %+v", err, sum)
	}
	if _, err := os.Stat(filepath.Join(dir, "gd", "gd.txt.meta.yaml")); err != nil {
		t.Errorf("sidecar not copied: %v", err)
	}
	os.WriteFile(src, []byte("另一篇通知\n"), 0o644)
	if _, err := Add(ctx, Options{DataDir: dir, DBPath: dbPath}, AddOptions{Sub: "gd"}, []string{src}); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("overwriting a different file: %v", err)
	}
	if _, err := Add(ctx, Options{DataDir: dir, DBPath: dbPath}, AddOptions{}, []string{filepath.Join(t.TempDir(), "x.pdf")}); err == nil {
		t.Error("a .pdf was accepted")
	}
}

// TestThemeFile edits the theme file through ThemeFile and sees the scores
// recomputed; a broken file is refused and changes nothing.
func TestThemeFile(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	res := t.TempDir()
	f := ThemeFile{Load: Options{DataDir: dir, DBPath: filepath.Join(t.TempDir(), "p.duckdb"), ResourcesDir: res}}
	if _, err := Load(ctx, f.Load); err != nil {
		t.Fatal(err)
	}
	path, content, err := f.Themes()
	if err != nil || path != filepath.Join(res, "themes.yaml") || !strings.Contains(string(content), "anti_fraud") {
		t.Fatalf("Themes() = %q, %d bytes, %v; want the built-in default", path, len(content), err)
	}
	if _, err := f.SaveThemes(ctx, []byte("themes: [")); err == nil {
		t.Fatal("a broken theme file was accepted")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a refused theme file was written")
	}
	sum, err := f.SaveThemes(ctx, []byte("themes:\n - id: fraud\n   label: 反诈\n   keywords: [反诈, 诈骗]\n"))
	if err != nil || !sum.Rebuilt {
		t.Fatalf("save: %v %+v", err, sum)
	}
	db := openRO(t, f.Load.DBPath)
	if n := count(t, db, `SELECT count(DISTINCT theme) FROM theme_hits`); n != 1 {
		t.Errorf("%d themes scored after saving a one-theme file", n)
	}
}
