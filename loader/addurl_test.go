package loader

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAddURL adds a notice with its address (policylens add --url): the
// row goes to the manifest of the folder it is copied to, and adding it
// again with another address replaces the row and reloads the notice.
func TestAddURL(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	seeds := copySeeds(t)
	names, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	b, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(names[0])
	writeFile(t, filepath.Join(src, name), string(b))
	data := t.TempDir()
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	opts := Options{DataDir: data, DBPath: dbPath}
	urlOf := func() string {
		t.Helper()
		db := openRO(t, dbPath)
		defer db.Close()
		var u sql.NullString
		if err := db.QueryRow(`SELECT url FROM documents WHERE path = ?`, "in/"+name).Scan(&u); err != nil {
			t.Fatal(err)
		}
		return u.String
	}
	for _, u := range []string{"https://x.gov.cn/2021-03/05/content_1.htm", "https://x.gov.cn/t20220101_2.html"} {
		sum, err := Add(ctx, opts, AddOptions{Sub: "in", URL: u}, []string{filepath.Join(src, name)})
		if err != nil {
			t.Fatalf("add --url %s: %v %v", u, err, sum.Issues)
		}
		if sum.Loaded != 1 {
			t.Errorf("add --url %s: %d loaded, want 1", u, sum.Loaded)
		}
		if got := urlOf(); got != u {
			t.Errorf("after add --url %s: documents.url = %q", u, got)
		}
	}
	m, err := os.ReadFile(filepath.Join(data, "in", "sources.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "id,url\n" + name + ",https://x.gov.cn/t20220101_2.html\n"; string(m) != want {
		t.Errorf("manifest = %q, want %q", m, want)
	}
	if _, err := Add(ctx, opts, AddOptions{URL: "ftp://x"}, []string{filepath.Join(src, name)}); err == nil {
		t.Error("add --url ftp://x: no error")
	}
}
