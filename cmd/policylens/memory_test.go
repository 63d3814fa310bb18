package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/policylens/policylens/queries/querytest"
)

// sqlMemoryChildEnv names the database the child process of TestSQLMemory
// queries.
const sqlMemoryChildEnv = "POLICYLENS_SQL_MEMORY_DB"

func TestMain(m *testing.M) {
	if db := os.Getenv(sqlMemoryChildEnv); db != "" {
		os.Exit(sqlMemoryChild(db))
	}
	os.Exit(m.Run())
}

// hugeQuery is the result-size attack: a gigabyte of text in 1,000 rows.
const hugeQuery = "SELECT repeat('x', 1000000) AS x FROM range(1000)"

// TestSQLMemory runs `policylens sql` on the result-size attack in a
// process of its own, as CSV, JSON and a table, and reads the process's
// peak resident set (VmHWM): it must stay under 1 GB, and each output
// must say on stderr that it was cut.
func TestSQLMemory(t *testing.T) {
	_, db := loadSeeds(t)
	_, kb := querytest.MeasureChild(t, sqlMemoryChildEnv+"="+db)
	t.Logf("peak RSS of policylens sql through the attack: %d MB", kb>>10)
	if kb > 1<<20 {
		t.Errorf("peak RSS %d MB, want under 1024 MB", kb>>10)
	}
}

// countWriter counts bytes and keeps none.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func sqlMemoryChild(db string) int {
	for _, format := range []string{"csv", "json", "table"} {
		var out countWriter
		var stderr bytes.Buffer
		if err := run(context.Background(), []string{"sql", "--db", db, "--format", format, hugeQuery}, nil, &out, &stderr); err != nil {
			fmt.Printf("FAIL: %s: %v\n", format, err)
			return 1
		}
		note := strings.TrimSpace(stderr.String())
		if format != "table" && !strings.Contains(note, "stopped") {
			fmt.Printf("FAIL: %s: no note that the output was cut (%q)\n", format, note)
			return 1
		}
		fmt.Printf("%s: %d MB out; %s\n", format, out.n>>20, note)
	}
	if err := querytest.ReportPeak(); err != nil {
		fmt.Printf("FAIL: %v\n", err)
		return 1
	}
	return 0
}
