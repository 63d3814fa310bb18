package dashboard_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/loader/dbfile"
	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

// TestFailedReopenIsShown swaps a broken file in place of the database
// under a running dashboard: the pages keep serving the last good data and
// say, on the page, that the new file could not be opened and why; once a
// good file is published again, the notice goes.
func TestFailedReopenIsShown(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "policylens.duckdb")
	publish := func(content func(tmp string) error) {
		t.Helper()
		tmp := dbfile.Temp(path)
		if err := content(tmp); err != nil {
			t.Fatal(err)
		}
		if err := dbfile.Publish(tmp, path); err != nil {
			t.Fatal(err)
		}
	}
	good := func(tmp string) error { return dbfile.Copy(querytest.SeedDB(t), tmp) }
	publish(good)
	store, err := queries.OpenStore(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	base := serve(t, store)

	waitFor := func(stale bool) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			status, body, _ := get(t, base+"/")
			if status != 200 || !strings.Contains(body, "山东") {
				t.Fatalf("overview: status %d without the seed data", status)
			}
			if strings.Contains(body, `class="stale"`) == stale {
				return body
			}
			if time.Now().After(deadline) {
				t.Fatalf("after 10 s the page still shows stale=%v", !stale)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitFor(false)
	publish(func(tmp string) error { return os.WriteFile(tmp, []byte("not a database"), 0o644) })
	body := waitFor(true)
	if !strings.Contains(body, "新文件无法打开") || !strings.Contains(body, "policylens.duckdb") {
		t.Errorf("the notice does not say what failed: %s", body[strings.Index(body, `class="stale"`):][:300])
	}
	publish(good)
	waitFor(false)
}
