// Package querytest builds a real policylens DuckDB file from the seed
// notices in data/notices with loader.Load, for the tests of queries and
// dashboard. There is no fake database: the tests see what users see.
package querytest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"

	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/loader/synth"
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

// ReprintPath is the file SeedDB adds beside the seeds: the first seed as
// reprinted by another site, which the loader records as a copy.
const ReprintPath = "mirror/reprint.txt"

// FollowUpPath is a later notice SeedDB adds beside the seeds: a report on
// 2026 by 浙江's administration that answers the second seed's 5G target
// (建成5G基站超31万个) and quotes a national total, which must not.
const FollowUpPath = "followup/zhejiang_2027.txt"

const followUp = `浙江省通信管理局召开2027年全省信息通信行业工作会议
发布时间：2027-02-10
2月9日，浙江省通信管理局召开2027年全省信息通信行业工作会议，总结2026年工作，部署2027年重点任务。
会议指出，2026年，全省累计建成5G基站32.5万个，同期全国5G基站总数达到520万个。
`

// SeedDB returns the path of a DuckDB file loaded from the seeds and a
// reprint of the first one, built once per test binary. Call Cleanup from
// TestMain to remove it.
func SeedDB(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		tempDir, buildErr = os.MkdirTemp("", "policylens-querytest-")
		if buildErr != nil {
			return
		}
		dbPath = filepath.Join(tempDir, "seed.duckdb")
		notices := filepath.Join(tempDir, "notices")
		if buildErr = copySeeds(notices); buildErr != nil {
			return
		}
		_, buildErr = loader.Load(context.Background(), loader.Options{DataDir: notices, DBPath: dbPath})
	})
	if buildErr != nil {
		t.Fatalf("load the seeds into a database: %v", buildErr)
	}
	return dbPath
}

// copySeeds copies the seed notices into dir and adds a reprint of the
// first one with another site's page chrome around it.
func copySeeds(dir string) error {
	seeds, err := filepath.Glob(filepath.Join(SeedDir(), "*.txt"))
	if err != nil || len(seeds) == 0 {
		return fmt.Errorf("no seeds in %s: %v", SeedDir(), err)
	}
	if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(ReprintPath)), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(FollowUpPath)), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(FollowUpPath)), []byte(followUp), 0o644); err != nil {
		return err
	}
	for i, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(s)), b, 0o644); err != nil {
			return err
		}
		if i == 0 {
			reprint := "首页 > 新闻中心 > 行业动态\n" + string(b) + "\n责任编辑：张三\n版权所有 某某信息网\n"
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(ReprintPath)), []byte(reprint), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// NationalNotices is how many notices NationalDB writes: enough for every
// one of the 31 provinces and a few dozen cities and counties, few enough
// to load in seconds.
const NationalNotices = 300

var (
	nationalOnce sync.Once
	nationalDB   string
	nationalDir  string
	nationalErr  error
)

// NationalDB returns the path of a DuckDB file loaded from NationalNotices
// synthetic notices (policylens synth, seed 1) covering all 31 provinces
// and some cities and counties: the scale at which charts must stay
// readable. It is built once per test binary; Cleanup removes it.
func NationalDB(t testing.TB) string {
	t.Helper()
	nationalOnce.Do(func() {
		nationalDir, nationalErr = os.MkdirTemp("", "policylens-national-")
		if nationalErr != nil {
			return
		}
		notices := filepath.Join(nationalDir, "notices")
		if _, nationalErr = synth.WriteCorpus(notices, filepath.Join(nationalDir, "truth"), synth.Options{N: NationalNotices, Seed: 1}); nationalErr != nil {
			return
		}
		nationalDB = filepath.Join(nationalDir, "national.duckdb")
		_, nationalErr = loader.Load(context.Background(), loader.Options{DataDir: notices, DBPath: nationalDB})
	})
	if nationalErr != nil {
		t.Fatalf("load %d synthetic notices into a database: %v", NationalNotices, nationalErr)
	}
	return nationalDB
}

// Cleanup removes the databases SeedDB and NationalDB built.
func Cleanup() {
	for _, dir := range []string{tempDir, nationalDir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
}

// peakLine is how a child process of MeasureChild reports its peak memory.
var peakLine = regexp.MustCompile(`VmHWM_KB=(\d+)`)

// ReportPeak prints this process's peak resident set (VmHWM) for
// MeasureChild to read, and the largest peak of the processes it started
// and waited for (the query workers); a child process calls it last.
func ReportPeak() error {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return err
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		return fmt.Errorf("no VmHWM in /proc/self/status")
	}
	fmt.Printf("VmHWM_KB=%s\n", m[1])
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return err
	}
	fmt.Printf("WorkerHWM_KB=%d\n", ru.Maxrss)
	return nil
}

// workerPeakLine is how ReportPeak reports the workers' peak.
var workerPeakLine = regexp.MustCompile(`WorkerHWM_KB=(\d+)`)

// WorkerPeakKB is the largest peak resident set in kB of the query
// workers that a child of MeasureChild reported in output.
func WorkerPeakKB(output string) int {
	m := workerPeakLine.FindStringSubmatch(output)
	if m == nil {
		return -1
	}
	kb, _ := strconv.Atoi(m[1])
	return kb
}

// MeasureChild runs the test binary again, with env added and no tests,
// so that its TestMain does one job in a process of its own, and returns
// what it printed and the peak resident set in kB it reported.
func MeasureChild(t testing.TB, env ...string) (output string, peakKB int) {
	t.Helper()
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Fatalf("no /proc/self/status to read the peak memory from: %v", err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	t.Logf("child:\n%s", out)
	if err != nil {
		t.Fatalf("child: %v", err)
	}
	m := peakLine.FindSubmatch(out)
	if m == nil {
		t.Fatal("the child reported no peak memory")
	}
	kb, _ := strconv.Atoi(string(m[1]))
	return string(out), kb
}

// ResultSizeAttacks are queries whose results, or whose computation, are
// far larger than any cap: the gigabyte of text in 1,000 rows, and
// the same in the column types a text cut does not reach (BLOB, STRUCT,
// LIST), one list of 300 MB, one list of ten million numbers, a small row
// followed by a huge one, a gigabyte of text DuckDB cannot fold into one
// constant, and 2.9 GB of text computed for a result of 1,000 numbers. The
// memory tests run every one of them against the console, its downloads
// and `policylens sql`: each must end with a cut result or an
// out-of-memory error, and no process above 1 GB.
var ResultSizeAttacks = []string{
	"SELECT repeat('x', 1000000) AS x FROM range(1000)",
	"SELECT repeat('x', 1000000)::BLOB AS b FROM range(1000)",
	"SELECT {'a': repeat('x', 1000000)} AS s FROM range(1000)",
	"SELECT [repeat('x', 1000000)] AS l FROM range(1000)",
	"SELECT list_transform(range(300), i -> repeat('x', 1000000)) AS l",
	"SELECT range(10000000) AS r",
	"SELECT repeat('x', (i * 300000000)::BIGINT) AS x FROM range(2) t(i)",
	"SELECT repeat(chr((65 + i % 26)::INT), 1000000) AS x FROM range(1000) t(i)",
	"SELECT strlen(repeat(i::VARCHAR, 1000000)) AS n FROM range(1000) t(i)",
}
