package loader

import (
	"context"
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadIngestionCorpus loads the ingestion corpus (every format,
// encoding, metadata and bad-input case; see testdata/corpus/README.md) into
// a real database and checks what a user would see in SQL: each good file's
// metadata as expected.csv states it, each bad file named in load_issues
// with its reason, and a partial load that kept every good file.
func TestLoadIngestionCorpus(t *testing.T) {
	ctx := context.Background()
	src := "testdata/corpus"
	dir := t.TempDir()
	// Copy the notices (and sidecars), leaving out the corpus's own README
	// and generator, which are not notices.
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel == "README.md" || rel == "expected.csv" || strings.HasSuffix(rel, ".go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(src, "expected.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}

	dbPath := filepath.Join(t.TempDir(), "corpus.duckdb")
	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath})
	if !errors.Is(err, ErrPartial) {
		t.Fatalf("want a partial load, got %v", err)
	}
	db := openRO(t, dbPath)
	bad, good := 0, 0
	for _, r := range rows[1:] {
		get := func(name string) string { return r[col[name]] }
		file := get("file")
		if want := get("error"); want != "" {
			bad++
			var msg string
			err := db.QueryRow(`SELECT message FROM load_issues WHERE path = ? AND severity = 'error'`, file).Scan(&msg)
			if err != nil {
				t.Errorf("%s: no error recorded in load_issues (%v)", file, err)
			} else if !strings.Contains(msg, want) {
				// The row's path names the file; the message says why.
				t.Errorf("%s: load_issues says %q; want %q", file, msg, want)
			}
			continue
		}
		good++
		var got [12]string
		err := db.QueryRow(`SELECT format, encoding, title, doc_type, province, coalesce(city, ''), coalesce(county, ''), level, issuer,
				coalesce(strftime(published, '%Y-%m-%d'), ''), coalesce(reviewed_year::VARCHAR, ''), coalesce(plan_year::VARCHAR, '')
			FROM documents WHERE path = ?`, file).Scan(&got[0], &got[1], &got[2], &got[3], &got[4], &got[5], &got[6], &got[7], &got[8], &got[9], &got[10], &got[11])
		if err != nil {
			t.Errorf("%s: not loaded as a document: %v", file, err)
			continue
		}
		for i, name := range []string{"format", "encoding", "title", "doc_type", "province", "city", "county", "level", "issuer", "published", "reviewed_year", "plan_year"} {
			if want := get(name); got[i] != want {
				t.Errorf("%s: %s = %q, want %q", file, name, got[i], want)
			}
		}
	}
	if sum.Failed != bad || sum.Documents != good {
		t.Errorf("summary: %d failed, %d documents; expected.csv lists %d bad and %d good files", sum.Failed, sum.Documents, bad, good)
	}
}
