package dbfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestLockExcludes checks that the lock is held until released: another
// exclusive flock on the lock file fails while it is held and succeeds
// after.
func TestLockExcludes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "p.duckdb")
	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); !errors.Is(err, syscall.EWOULDBLOCK) {
		t.Fatalf("a second lock while the first is held: %v, want EWOULDBLOCK", err)
	}
	unlock()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatalf("lock after release: %v", err)
	}
}

// TestPublish checks the rename protocol: a temporary file with a WAL is
// refused, a finished one replaces the live file and its stale WAL, and a
// reader's Ident tells the new file from the old.
func TestPublish(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "p.duckdb")
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(live, "old")
	write(live+".wal", "old wal")
	before, err := Stat(live)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Stat(live)
	if !before.Same(again) {
		t.Fatal("the same file is not Same")
	}

	tmp := Temp(live)
	write(tmp, "new")
	write(tmp+".wal", "unfinished")
	if err := Publish(tmp, live); err == nil {
		t.Fatal("published a file whose WAL is still beside it")
	}
	os.Remove(tmp + ".wal")
	if err := Publish(tmp, live); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(live); string(b) != "new" {
		t.Fatalf("live file holds %q", b)
	}
	if _, err := os.Stat(live + ".wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the old WAL survived: %v", err)
	}
	after, _ := Stat(live)
	if before.Same(after) {
		t.Fatal("a reader would not notice the new file")
	}

	write(Temp(live), "left by a killed load")
	write(live+".tmp-1", "left by another")
	RemoveStale(live)
	if m, _ := filepath.Glob(live + ".tmp-*"); len(m) != 0 {
		t.Fatalf("stale temporary files left: %v", m)
	}
}
