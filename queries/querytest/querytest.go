// Package querytest builds a real policylens DuckDB file from the seed
// notices in data/notices with loader.Load, for the tests of queries and
// dashboard. There is no fake database: the tests see what users see.
package querytest

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/policylens/policylens/loader"
)

var (
	once     sync.Once
	dbPath   string
	tempDir  string
	buildErr error
)

// SeedDir is the folder of seed notices, found from this file's place in
// the repository so that tests in any package can use it.
func SeedDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "data", "notices")
}

// SeedDB returns the path of a DuckDB file loaded from the seeds, built once
// per test binary. Call Cleanup from TestMain to remove it.
func SeedDB(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		tempDir, buildErr = os.MkdirTemp("", "policylens-querytest-")
		if buildErr != nil {
			return
		}
		dbPath = filepath.Join(tempDir, "seed.duckdb")
		_, buildErr = loader.Load(context.Background(), loader.Options{DataDir: SeedDir(), DBPath: dbPath})
	})
	if buildErr != nil {
		t.Fatalf("load the seeds into a database: %v", buildErr)
	}
	return dbPath
}

// Cleanup removes the database SeedDB built.
func Cleanup() {
	if tempDir != "" {
		os.RemoveAll(tempDir)
	}
}
