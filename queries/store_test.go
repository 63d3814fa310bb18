package queries

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func storeCount(t *testing.T, s *Store, query string) int64 {
	t.Helper()
	db, release, err := s.DB(context.Background())
	if err != nil {
		t.Fatalf("DB: %v", err)
	}
	defer release()
	var n int64
	if err := db.QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestOpenStoreMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "policylens.duckdb")
	_, err := OpenStore(context.Background(), path)
	if err == nil {
		t.Fatal("OpenStore on a missing file succeeded")
	}
	want := "no database at " + path + "; run `policylens load` first"
	if err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("OpenStore created %s", path)
	}
}

func TestOpenStoreNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "policylens.duckdb")
	if err := os.WriteFile(path, []byte("not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := OpenStore(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v, want one naming %s", err, path)
	}
}

// TestStoreLocksDown checks the guarantees themselves, on the raw handle,
// without the sandbox's own checks in front.
func TestStoreLocksDown(t *testing.T) {
	dir := t.TempDir()
	path := writeSandboxFixture(t, dir, "policylens.duckdb", 0)
	out := filepath.Join(t.TempDir(), "x.csv")
	st, err := OpenStore(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db, release, err := st.DB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	settings := map[string]string{
		"enable_external_access":       "false",
		"lock_configuration":           "true",
		"autoload_known_extensions":    "false",
		"autoinstall_known_extensions": "false",
		"allow_community_extensions":   "false",
		"temp_directory":               "",
	}
	for name, want := range settings {
		var got string
		if err := db.QueryRow(`SELECT current_setting(?)::VARCHAR`, name).Scan(&got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got != want {
			t.Errorf("setting %s = %q, want %q", name, got, want)
		}
	}
	var threads int
	if err := db.QueryRow(`SELECT current_setting('threads')`).Scan(&threads); err != nil || threads < 1 || threads > storeMaxThreads {
		t.Errorf("threads = %d (%v), want 1..%d", threads, err, storeMaxThreads)
	}
	var readOnly bool
	if err := db.QueryRow(`SELECT readonly FROM duckdb_databases() WHERE database_name = 'policylens'`).Scan(&readOnly); err != nil || !readOnly {
		t.Errorf("policylens attached read-only: %v (%v)", readOnly, err)
	}
	for _, q := range []string{
		`CREATE TABLE x (i INTEGER)`,
		`INSERT INTO t VALUES (1, 'x')`,
		`DROP TABLE t`,
		`COPY t TO '` + out + `'`,
		`SELECT * FROM read_text('/etc/passwd')`,
		`SELECT * FROM read_csv('/etc/passwd')`,
		`SELECT * FROM '/etc/passwd'`,
		`ATTACH '` + filepath.Join(dir, "other.duckdb") + `' AS o`,
		`SET enable_external_access = true`,
		`SET lock_configuration = false`,
		`SET temp_directory = '` + dir + `'`,
		`INSTALL httpfs`,
		`LOAD httpfs`,
	} {
		if _, err := db.Exec(q); err == nil {
			t.Errorf("raw handle ran %s", q)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("COPY wrote %s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "other.duckdb")); !os.IsNotExist(err) {
		t.Errorf("ATTACH created a file")
	}
}

func TestStoreFollowsSwap(t *testing.T) {
	dir := t.TempDir()
	path := writeSandboxFixture(t, dir, "policylens.duckdb", 0)
	st, err := OpenStore(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n := storeCount(t, st, `SELECT count(*) FROM t`); n != 3 {
		t.Fatalf("count = %d, want 3", n)
	}
	if g := st.Generation(); g != 1 {
		t.Fatalf("generation %d after open, want 1", g)
	}

	// A query in flight on the old file holds its handle across the swap.
	oldDB, oldRelease, err := st.DB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rows, err := oldDB.Query(`SELECT i FROM t ORDER BY i`)
	if err != nil {
		t.Fatal(err)
	}

	// The loader's way: build beside, close, rename over.
	tmp := writeSandboxFixture(t, dir, "policylens.duckdb.tmp-1", 4)
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}

	deadline := time.Now().Add(10 * time.Second)
	var n int64
	for {
		n = storeCount(t, st, `SELECT count(*) FROM t`)
		if n == 7 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n != 7 {
		t.Fatalf("store still sees %d rows after the swap, want 7", n)
	}
	if g := st.Generation(); g != 2 {
		t.Errorf("generation %d after one swap, want 2", g)
	}

	// The old handle still serves the query that was running, and new
	// queries on it, until released.
	var got []int
	for rows.Next() {
		var i int
		if err := rows.Scan(&i); err != nil {
			t.Fatal(err)
		}
		got = append(got, i)
	}
	rows.Close()
	if len(got) != 3 {
		t.Errorf("in-flight query on the old file returned %v", got)
	}
	var oldCount int
	if err := oldDB.QueryRow(`SELECT count(*) FROM t`).Scan(&oldCount); err != nil || oldCount != 3 {
		t.Errorf("old handle before release: %d, %v", oldCount, err)
	}
	oldRelease()
	oldRelease() // twice is harmless
	if err := oldDB.Ping(); err == nil {
		t.Errorf("old handle still open after its last release")
	}

	// No swap, no reopen.
	time.Sleep(storeCheckInterval + 50*time.Millisecond)
	storeCount(t, st, `SELECT count(*) FROM t`)
	if g := st.Generation(); g != 2 {
		t.Errorf("generation %d without a swap, want 2", g)
	}
	if err := st.ReloadError(); err != nil {
		t.Errorf("ReloadError: %v", err)
	}

	// A broken file swapped in: the store keeps serving the last good one.
	if err := os.WriteFile(filepath.Join(dir, "bad"), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "bad"), path); err != nil {
		t.Fatal(err)
	}
	deadline = time.Now().Add(10 * time.Second)
	for st.ReloadError() == nil && time.Now().Before(deadline) {
		if n := storeCount(t, st, `SELECT count(*) FROM t`); n != 7 {
			t.Fatalf("count %d while a broken file sits at the path", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := st.ReloadError(); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("ReloadError = %v, want one naming %s", err, path)
	}
}

func TestStoreSharedReaders(t *testing.T) {
	path := writeSandboxFixture(t, t.TempDir(), "policylens.duckdb", 1000)
	var stores []*Store
	for range 2 {
		st, err := OpenStore(context.Background(), path)
		if err != nil {
			t.Fatalf("second reader: %v", err)
		}
		defer st.Close()
		stores = append(stores, st)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func(st *Store) {
			defer wg.Done()
			db, release, err := st.DB(context.Background())
			if err != nil {
				errs <- err
				return
			}
			defer release()
			res, err := RunSandboxed(context.Background(), db, `SELECT count(*) FROM t`, SandboxLimits{})
			if err != nil {
				errs <- err
				return
			}
			if res.Rows[0][0] != int64(1003) {
				errs <- os.ErrInvalid
			}
		}(stores[i%2])
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent read: %v", err)
	}
	// Closing one reader leaves the other working.
	stores[0].Close()
	if _, _, err := stores[0].DB(context.Background()); err == nil {
		t.Errorf("DB on a closed store succeeded")
	}
	if n := storeCount(t, stores[1], `SELECT count(*) FROM t`); n != 1003 {
		t.Errorf("second reader after the first closed: %d", n)
	}
}
