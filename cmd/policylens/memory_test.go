package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

// sqlMemoryChildEnv names the database the child process of TestSQLMemory
// queries.
const sqlMemoryChildEnv = "POLICYLENS_SQL_MEMORY_DB"

func TestMain(m *testing.M) {
	queries.RunSandboxWorkerIfAsked()
	if db := os.Getenv(sqlMemoryChildEnv); db != "" {
		os.Exit(sqlMemoryChild(db))
	}
	os.Exit(m.Run())
}

// TestSQLMemory runs `policylens sql` on the result-size attacks
// (querytest.ResultSizeAttacks) in a process of its own, as CSV, JSON and
// a table, and reads the peak resident set (VmHWM) of that process and
// of the largest of its query workers: each must stay under 1 GB. Each
// answer must say on stderr that the output was cut (the table shows
// the start of each value, with …, and says when rows were cut), or fail
// with an out-of-memory error (or at its time limit).
func TestSQLMemory(t *testing.T) {
	_, db := loadSeeds(t)
	out, kb := querytest.MeasureChild(t, sqlMemoryChildEnv+"="+db)
	worker := querytest.WorkerPeakKB(out)
	t.Logf("peak RSS of policylens sql through the attacks: %d MB, largest query worker %d MB", kb>>10, worker>>10)
	if kb > 1<<20 {
		t.Errorf("peak RSS %d MB, want under 1024 MB", kb>>10)
	}
	if worker <= 0 || worker > 1<<20 {
		t.Errorf("query worker peak RSS %d MB, want some, under 1024 MB", worker>>10)
	}
}

// countWriter counts bytes and keeps the last few hundred.
type countWriter struct {
	n    int64
	last string
}

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	c.last += string(p[max(0, len(p)-400):])
	c.last = c.last[max(0, len(c.last)-400):]
	return len(p), nil
}

func sqlMemoryChild(db string) int {
	for _, query := range querytest.ResultSizeAttacks {
		fmt.Println(query)
		for _, format := range []string{"csv", "json", "table"} {
			var out countWriter
			var stderr bytes.Buffer
			err := run(context.Background(), []string{"sql", "--db", db, "--format", format, query}, nil, &out, &stderr)
			note := strings.TrimSpace(stderr.String())
			switch {
			case err != nil && (strings.Contains(err.Error(), "Out of Memory") || errors.Is(err, queries.ErrQueryTimeout)):
				note = err.Error()
			case err != nil:
				fmt.Printf("FAIL: %s: %v\n", format, err)
				return 1
			case format == "table" && !strings.Contains(out.last, "row") && !strings.Contains(out.last, "…"):
				fmt.Printf("FAIL: %s: no table, or nothing said cut (%q)\n", format, out.last)
				return 1
			case format != "table" && !strings.Contains(note, "stopped"):
				fmt.Printf("FAIL: %s: no note that the output was cut (%q)\n", format, note)
				return 1
			}
			fmt.Printf("  %s: %d MB out; %s\n", format, out.n>>20, note)
		}
	}
	if err := querytest.ReportPeak(); err != nil {
		fmt.Printf("FAIL: %v\n", err)
		return 1
	}
	return 0
}
