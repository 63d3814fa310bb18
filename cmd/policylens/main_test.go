package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// runCLI runs the program in-process and returns stdout, stderr and the error.
func runCLI(t *testing.T, ctx context.Context, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb syncBuffer
	err := run(ctx, args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

// seedCorpus copies the seed notices into a temporary data dir and returns
// it with a database path beside it.
func seedCorpus(t *testing.T) (dataDir, db string) {
	t.Helper()
	dataDir = filepath.Join(t.TempDir(), "notices")
	os.MkdirAll(dataDir, 0o755)
	seeds, _ := filepath.Glob("../../data/notices/*.txt")
	if len(seeds) != 5 {
		t.Fatalf("want the five seeds, found %d", len(seeds))
	}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dataDir, filepath.Base(s)), b, 0o644)
	}
	return dataDir, filepath.Join(t.TempDir(), "p.duckdb")
}

func loadSeeds(t *testing.T) (dataDir, db string) {
	t.Helper()
	dataDir, db = seedCorpus(t)
	_, stderr, err := runCLI(t, context.Background(), "", "load", "--data", dataDir, "--db", db, "--resources", "../../data")
	if err != nil {
		t.Fatalf("load: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "5 documents") {
		t.Fatalf("load summary does not say 5 documents:\n%s", stderr)
	}
	return dataDir, db
}

func TestSQLCountCSV(t *testing.T) {
	_, db := loadSeeds(t)
	out, _, err := runCLI(t, context.Background(), "", "sql", "--db", db, "--format", "csv", "select count(*) from documents")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || strings.TrimSpace(lines[1]) != "5" {
		t.Fatalf("csv output %q, want a header and 5", out)
	}
	// The query can come from stdin too.
	out, _, err = runCLI(t, context.Background(), "select province from documents group by 1 order by 1", "sql", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"山东省", "浙江省", "福建省"} {
		if !strings.Contains(out, p) {
			t.Errorf("json output lacks %s: %s", p, out)
		}
	}
}

func TestSQLRefusesWritesAndFiles(t *testing.T) {
	_, db := loadSeeds(t)
	before, _ := os.ReadFile(db)
	for _, q := range []string{
		"CREATE TABLE x (a INT)",
		"INSERT INTO documents (doc_id) VALUES (99)",
		"COPY documents TO '" + filepath.Join(t.TempDir(), "out.csv") + "'",
		"SELECT * FROM read_text('/etc/passwd')",
		"SELECT * FROM read_csv('/etc/passwd')",
		"ATTACH '" + filepath.Join(t.TempDir(), "other.duckdb") + "' AS other",
		"SET enable_external_access = true",
		"select 1; drop table documents",
		"SELEC garbage",
	} {
		_, _, err := runCLI(t, context.Background(), "", "sql", "--db", db, q)
		if err == nil {
			t.Errorf("%q was not refused", q)
			continue
		}
		if !strings.Contains(err.Error(), "query") {
			t.Errorf("%q: error %q does not say what is wrong with the query", q, err)
		}
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("the database file changed")
	}
}

func TestLoadReportsBadFiles(t *testing.T) {
	dataDir, db := seedCorpus(t)
	os.WriteFile(filepath.Join(dataDir, "empty.txt"), nil, 0o644)
	_, stderr, err := runCLI(t, context.Background(), "", "load", "--data", dataDir, "--db", db)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 3 {
		t.Fatalf("want exit status 3 for a partial load, got %v", err)
	}
	if !strings.Contains(stderr, "empty.txt") || !strings.Contains(stderr, "5 documents") {
		t.Errorf("stderr should name the bad file and still load the rest:\n%s", stderr)
	}
}

func TestHelp(t *testing.T) {
	for _, c := range commands() {
		out, _, err := runCLI(t, context.Background(), "", c.name, "--help")
		if err != nil {
			t.Errorf("%s --help: %v", c.name, err)
		}
		if !strings.Contains(out, "Usage: policylens") || len(out) < 100 {
			t.Errorf("%s --help printed %q", c.name, out)
		}
	}
	out, _, err := runCLI(t, context.Background(), "", "--help")
	if err != nil || !strings.Contains(out, "charts") {
		t.Errorf("policylens --help: %v %q", err, out)
	}
	if _, _, err := runCLI(t, context.Background(), "", "frobnicate"); exitCode(err, io.Discard) != 2 {
		t.Errorf("unknown command: exit %d, want 2", exitCode(err, io.Discard))
	}
}

func TestCharts(t *testing.T) {
	_, db := loadSeeds(t)
	out := t.TempDir()
	if _, stderr, err := runCLI(t, context.Background(), "", "charts", "--db", db, "--out", out); err != nil {
		t.Fatalf("charts: %v\n%s", err, stderr)
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(index, []byte("https://")) || bytes.Contains(index, []byte("http://")) {
		t.Error("index.html refers to a remote URL")
	}
	js, _ := filepath.Glob(filepath.Join(out, "*", "echarts*.js"))
	js2, _ := filepath.Glob(filepath.Join(out, "echarts*.js"))
	if len(js)+len(js2) == 0 {
		t.Error("no ECharts script beside the pages")
	}
}

// TestAddWhileServing runs the dashboard, adds a notice with `add` while it
// runs, and waits for the dashboard to list it.
func TestAddWhileServing(t *testing.T) {
	dataDir, db := loadSeeds(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	served := make(chan error, 1)
	go func() {
		served <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb)
	}()
	defer func() {
		cancel()
		select {
		case <-served:
		case <-time.After(10 * time.Second):
			t.Error("server did not stop")
		}
	}()
	addrRE := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if m := addrRE.FindStringSubmatch(out.String()); m != nil {
			base = "http://" + m[1]
			break
		}
	}
	if base == "" {
		t.Fatalf("server did not start: %s %s", out.String(), errb.String())
	}
	get := func(path string) string {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	const title = "广东省通信管理局召开2026年工作会议"
	if strings.Contains(get("/documents"), title) {
		t.Fatal("the new notice is listed before it was added")
	}
	src := filepath.Join(t.TempDir(), "gd2026.txt")
	os.WriteFile(src, []byte(title+"\n发布时间:2026-02-10\n2月9日，广东省通信管理局召开2026年工作会议，总结2025年工作，部署2026年重点任务。会议指出，2025年全省新建5G基站3.1万个，千兆光网覆盖家庭超过3500万户。会议强调，2026年要建成5G基站超40万个。\n"), 0o644)
	if _, stderr, err := runCLI(t, context.Background(), "", "add", "--data", dataDir, "--db", db, src); err != nil {
		t.Fatalf("add while serving: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "gd2026.txt")); err != nil {
		t.Fatalf("add did not copy the notice into the data dir: %v", err)
	}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		if strings.Contains(get("/documents"), title) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the dashboard did not show the added notice within 15 s")
		}
	}
	// While the dashboard runs, `sql` reads the same file.
	o, _, err := runCLI(t, context.Background(), "", "sql", "--db", db, "--format", "csv", "select count(*) from documents")
	if err != nil || !strings.Contains(o, "\n6") {
		t.Fatalf("sql while serving: %v %q", err, o)
	}
}

// TestLoadReportQuotesNames: a file name with a newline or a terminal
// escape cannot forge a line of the load report, nor of an error.
func TestLoadReportQuotesNames(t *testing.T) {
	dataDir, db := seedCorpus(t)
	forged := "x\nerror: FORGED.txt"
	os.WriteFile(filepath.Join(dataDir, forged), nil, 0o644) // empty: an error issue
	os.WriteFile(filepath.Join(dataDir, "y\r\x1b[2Kwarning: FORGED2.txt"), nil, 0o644)
	_, stderr, err := runCLI(t, context.Background(), "", "load", "--data", dataDir, "--db", db)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 3 {
		t.Fatalf("want exit status 3, got %v\n%s", err, stderr)
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "error: FORGED") || strings.Contains(line, "\r") || strings.Contains(line, "\x1b") {
			t.Errorf("forged line %q in\n%s", line, stderr)
		}
	}
	if !strings.Contains(stderr, `error: "x\nerror: FORGED.txt": empty file`) || !strings.Contains(stderr, `"y\r\x1b[2Kwarning: FORGED2.txt"`) {
		t.Errorf("the names are not quoted:\n%s", stderr)
	}

	// An error that carries a name is printed escaped too.
	var out bytes.Buffer
	_, _, err = runCLI(t, context.Background(), "", "add", "--data", dataDir, "--db", db, filepath.Join(dataDir, forged+".pdf"))
	exitCode(err, &out)
	if strings.Count(out.String(), "\n") != 1 || !strings.Contains(out.String(), `x\nerror: FORGED.txt.pdf`) {
		t.Errorf("error not escaped: %q", out.String())
	}
}

// TestLoadSizeFlags: --max-notice-size and --max-notice-text refuse larger
// notices by name; bad sizes are usage errors.
func TestLoadSizeFlags(t *testing.T) {
	dataDir, db := seedCorpus(t)
	_, stderr, err := runCLI(t, context.Background(), "", "load", "--data", dataDir, "--db", db, "--max-notice-size", "9KB")
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 3 || !strings.Contains(stderr, "3 documents") ||
		!strings.Contains(stderr, `error: "003_57a8f9312ba44ad7.txt": notice too large: the file is 12.4 KiB (12649 bytes), the limit is 9 KiB (--max-notice-size)`) {
		t.Errorf("--max-notice-size 9KB: %v\n%s", err, stderr)
	}
	db2 := filepath.Join(t.TempDir(), "p.duckdb")
	_, stderr, err = runCLI(t, context.Background(), "", "load", "--data", dataDir, "--db", db2, "--max-notice-text", "4K")
	if !errors.As(err, &ee) || ee.code != 3 || !strings.Contains(stderr, "0 documents") || !strings.Contains(stderr, "--max-notice-text") {
		t.Errorf("--max-notice-text 4K: %v\n%s", err, stderr)
	}
	_, _, err = runCLI(t, context.Background(), "", "load", "--data", dataDir, "--db", db, "--max-notice-size", "lots")
	if !errors.As(err, &ee) || ee.code != 2 {
		t.Errorf("a bad size should be a usage error, got %v", err)
	}
}

// TestMakeRunAddress checks that `make run` passes ADDR, DATA and DB on to
// the binary, so that the README's `make run ADDR=127.0.0.1:9000` serves
// there (make -n prints the commands without running them).
func TestMakeRunAddress(t *testing.T) {
	out, err := exec.Command("make", "-n", "-C", "../..", "run", "ADDR=127.0.0.1:9000", "DATA=/tmp/corpus", "DB=/tmp/corpus.duckdb").CombinedOutput()
	if err != nil {
		t.Fatalf("make -n run: %v\n%s", err, out)
	}
	want := "./bin/policylens run --addr '127.0.0.1:9000' --data '/tmp/corpus' --db '/tmp/corpus.duckdb'"
	if !strings.Contains(string(out), want) {
		t.Errorf("make run does not run %q:\n%s", want, out)
	}
	out, err = exec.Command("make", "-n", "-C", "../..", "run").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--addr '127.0.0.1:8080' --data 'data/notices' --db 'data/policylens.duckdb'") {
		t.Errorf("make run without arguments: %v\n%s", err, out)
	}
}

// TestEvalDocs scores the seeds' metadata through the command, with --docs
// alone (no --gold) and split by set, and refuses an eval with no labels.
func TestEvalDocs(t *testing.T) {
	_, db := loadSeeds(t)
	out, stderr, err := runCLI(t, context.Background(), "", "eval", "--db", db,
		"--docs", "../../data/gold/seed_documents.csv", "--by-prefix")
	if err != nil {
		t.Fatalf("eval --docs: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "documents: gold 5  found 5  missing 0") {
		t.Errorf("the report does not say the five seeds were found:\n%s", out)
	}
	for _, f := range []string{"province", "city", "county", "level", "published", "reviewed_year", "plan_year"} {
		if !regexp.MustCompile(`(?m)^` + f + ` +[01]\.\d{3} +\d/5$`).MatchString(out) {
			t.Errorf("no accuracy line for %s:\n%s", f, out)
		}
	}
	if !regexp.MustCompile(`(?m)^all +5 +0 `).MatchString(out) || strings.Contains(out, "indicators by set") {
		t.Errorf("the by-set table lacks the row of all five documents, or scores indicators without --gold:\n%s", out)
	}
	if _, _, err := runCLI(t, context.Background(), "", "eval", "--db", db); err == nil {
		t.Error("eval with neither --gold nor --docs succeeded")
	}
}
