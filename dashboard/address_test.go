package dashboard_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/queries"
)

// TestReaderShowsAddress loads a seed notice with its page address in a
// sources.csv beside it and checks that the reader shows the address as
// text, escaped and not as a link (the dashboard and its static export
// stay offline), and that a notice without one shows no address row.
func TestReaderShowsAddress(t *testing.T) {
	dir := t.TempDir()
	notices := filepath.Join(dir, "notices")
	if err := os.Mkdir(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	seeds, err := filepath.Glob("../data/notices/*.txt")
	if err != nil || len(seeds) < 2 {
		t.Fatalf("seeds: %v %v", seeds, err)
	}
	for _, s := range seeds[:2] {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(notices, filepath.Base(s)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const addr = "http://www.cqn.com.cn/cj/content/2019-11/11/content_7754495.htm?a=1&b=2"
	manifest := "file,url\n" + filepath.Base(seeds[0]) + "," + addr + "\n"
	if err := os.WriteFile(filepath.Join(notices, "sources.csv"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "p.duckdb")
	if sum, err := loader.Load(context.Background(), loader.Options{DataDir: notices, DBPath: db}); err != nil {
		t.Fatalf("load: %v %v", err, sum.Issues)
	}
	store, err := queries.OpenStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	base := serve(t, store)
	_, list, _ := get(t, base+"/documents")
	links := regexp.MustCompile(`href="(/documents/\d+)"`).FindAllStringSubmatch(list, -1)
	if len(links) != 2 {
		t.Fatalf("%d documents listed, want 2", len(links))
	}
	escaped := strings.ReplaceAll(addr, "&", "&amp;")
	shown := 0
	for _, l := range links {
		_, body, _ := get(t, base+l[1])
		if strings.Contains(body, `data-field="url"`) {
			shown++
			if !strings.Contains(body, ">"+escaped+"</span>") || strings.Contains(body, `href="`+escaped) {
				t.Errorf("%s: the address %s is not shown as text, or is a link", l[1], addr)
			}
		}
	}
	if shown != 1 {
		t.Errorf("%d readers show an address row, want 1", shown)
	}
}
