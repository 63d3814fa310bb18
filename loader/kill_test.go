package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/policylens/policylens/loader/source"
)

// TestMain lets the test binary double as a loader process that the kill
// test can SIGKILL.
func TestMain(m *testing.M) {
	if p := os.Getenv("POLICYLENS_HOLD_CHILD"); p != "" {
		holdChild(p)
	}
	if s := os.Getenv("POLICYLENS_SHARD_CHILD"); s != "" {
		shardChild(s)
	}
	if os.Getenv("POLICYLENS_LOAD_CHILD") == "1" {
		maxText, _ := strconv.Atoi(os.Getenv("POLICYLENS_MAX_TEXT"))
		_, err := Load(context.Background(), Options{
			DataDir: os.Getenv("POLICYLENS_DATA"),
			DBPath:  os.Getenv("POLICYLENS_DB"),
			Workers: 2,
			Limits:  source.Limits{MaxTextBytes: int64(maxText)},
		})
		if err != nil && !errors.Is(err, ErrPartial) {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestKilledLoadLeavesDatabaseWhole kills a load process at several moments
// (while segmenting, while writing, around the swap) and checks after each
// kill that the database opens and holds either the old corpus or the new
// one, whole; then a normal load finishes the job.
func TestKilledLoadLeavesDatabaseWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test spawns loader processes")
	}
	ctx := context.Background()
	dir := copySeeds(t)
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath}); err != nil {
		t.Fatal(err)
	}
	// Enough new notices that the load takes a while.
	buildBenchCorpus(t, dir, 3<<20)

	finished := false
	for delay := 100 * time.Millisecond; delay < 60*time.Second && !finished; delay = delay * 3 / 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "POLICYLENS_LOAD_CHILD=1", "POLICYLENS_DATA="+dir, "POLICYLENS_DB="+dbPath)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("child load failed: %v", err)
			}
			finished = true
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
		}
		docs := checkWhole(t, dbPath)
		if docs != 5 && !finished {
			// A kill after the rename leaves the new database: fine too.
			t.Logf("killed after %v: the new database was already in place (%d documents)", delay, docs)
		}
		if finished && docs <= 5 {
			t.Fatalf("finished load left %d documents", docs)
		}
	}
	if !finished {
		t.Fatal("the child load never finished")
	}
	matches, _ := filepath.Glob(dbPath + ".tmp-*")
	if len(matches) != 0 {
		t.Errorf("temporary files left after a finished load: %v", matches)
	}
	// Kill once more mid-way, then let a normal load finish the job.
	os.WriteFile(filepath.Join(dir, "late.txt"), []byte("浙江省通信管理局召开2027年工作会议\n会议指出，2026年全省新建5G基站3.2万个。\n"), 0o644)
	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath})
	if err != nil || sum.Loaded != 1 {
		t.Fatalf("final load: %v %+v", err, sum)
	}
}

// checkWhole opens the database as a reader would and reads every table;
// it returns the number of documents.
func checkWhole(t *testing.T, dbPath string) int {
	t.Helper()
	db := openRO(t, dbPath)
	defer db.Close()
	docs := count(t, db, `SELECT count(*) FROM documents`)
	for _, tbl := range []string{"sentences", "term_counts", "theme_hits", "indicators", "files", "fingerprints"} {
		count(t, db, `SELECT count(*) FROM `+tbl)
		if tbl != "files" {
			if n := count(t, db, `SELECT count(*) FROM `+tbl+` WHERE doc_id NOT IN (SELECT doc_id FROM documents)`); n != 0 {
				t.Fatalf("%d orphan rows in %s", n, tbl)
			}
		}
	}
	if n := count(t, db, `SELECT count(*) FROM files WHERE status = 'document'`); n != docs {
		t.Fatalf("files says %d documents, documents holds %d", n, docs)
	}
	return docs
}
