package loader

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/loader/source"
)

// TestUnchangedFilesAreNotReadAgain loads notices last written an hour
// ago, so that their stat is recorded; a later scan takes the recorded
// hash of a file whose stat is unchanged without reading it, and reads a
// file written just now. A notice edited to the same size, or given a
// sidecar, is loaded again.
func TestUnchangedFilesAreNotReadAgain(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	old := time.Now().Add(-time.Hour)
	seeds, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, p := range seeds {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath}); err != nil {
		t.Fatal(err)
	}
	db := openRO(t, dbPath)
	if n := count(t, db, `SELECT count(*) FROM files WHERE stat IS NOT NULL`); n != len(seeds) {
		t.Errorf("%d files with a stat, want %d", n, len(seeds))
	}
	db.Close()

	// A recorded hash that no file has proves the file was not read.
	state, err := readState(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for p, rec := range state.files {
		rec.hash = "recorded:" + p
		state.files[p] = rec
	}
	recent := filepath.Base(seeds[4])
	if err := os.Chtimes(seeds[4], time.Now(), time.Now()); err != nil {
		t.Fatal(err)
	}
	dd, disk, err := scan(dir, nil, source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	hashFiles(disk, state.files, 2)
	dd.close()
	for _, f := range disk {
		read := !strings.HasPrefix(f.hash, "recorded:")
		if read != (f.path == recent) {
			t.Errorf("%s: hash %q (read again: %v)", f.path, f.hash, read)
		}
	}

	// The same size, another time: loaded again.
	b, err := os.ReadFile(seeds[1])
	if err != nil {
		t.Fatal(err)
	}
	i := strings.IndexAny(string(b), "0123456789")
	b[i] = '0' + (b[i]-'0'+1)%10
	if err := os.WriteFile(seeds[1], b, 0o644); err != nil {
		t.Fatal(err)
	}
	older := old.Add(-time.Minute)
	if err := os.Chtimes(seeds[1], older, older); err != nil {
		t.Fatal(err)
	}
	// A sidecar, written long ago, beside an unchanged notice.
	side := seeds[2] + ".meta.yaml"
	if err := os.WriteFile(side, []byte("doc_type: 工作会议\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(side, old, old); err != nil {
		t.Fatal(err)
	}
	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath})
	if err != nil {
		t.Fatal(err)
	}
	// seeds[4] was touched, not changed: its hash is the same.
	if sum.Loaded != 2 || sum.Unchanged != len(seeds)-2 {
		t.Errorf("after an edit of the same size and a new sidecar: %d loaded, %d unchanged", sum.Loaded, sum.Unchanged)
	}
}
