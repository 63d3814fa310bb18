package loader

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader/dbfile"
	"github.com/policylens/policylens/loader/schema"
)

// timestamps are the columns that differ between two loads of the same
// files: when they ran, and the stat of the files as each scan found them
// (none for a file written within seconds of the scan).
var timestamps = map[string]bool{"loaded_at": true, "seen_at": true, "logged_at": true, "stat": true}

// digest returns a digest of every row of every table but meta and
// changes (which name the load), timestamps left out.
func digest(t *testing.T, path string) map[string]string {
	t.Helper()
	db := openRO(t, path)
	defer db.Close()
	out := map[string]string{}
	for _, tb := range schema.Tables {
		if tb.Name == "meta" || tb.Name == "changes" {
			continue
		}
		var cols []string
		for _, c := range tb.Columns {
			if !timestamps[c.Name] {
				cols = append(cols, c.Name)
			}
		}
		q := fmt.Sprintf(`SELECT count(*) || ':' || coalesce(md5(string_agg(r, '|' ORDER BY r)), '')
			FROM (SELECT CAST(ROW(%s) AS VARCHAR) AS r FROM %s)`, strings.Join(cols, ", "), tb.Name)
		var d string
		if err := db.QueryRow(q).Scan(&d); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out[tb.Name] = d
	}
	return out
}

// TestSmallLoadsBringTheSpareUpToDate runs the same sequence of loads (a
// rebuild, two added notices, a changed and a removed one) twice: once
// writing each load on the spare brought up to date, once on a copy of the
// live file. Every table must end up the same, and the small loads must
// have used the spare.
func TestSmallLoadsBringTheSpareUpToDate(t *testing.T) {
	ctx := context.Background()
	run := func(noSpare bool) (string, []string) {
		dir := copySeeds(t)
		dbPath := filepath.Join(t.TempDir(), "p.duckdb")
		var bases []string
		load := func() {
			t.Helper()
			sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath, noSpare: noSpare})
			if err != nil {
				t.Fatal(err)
			}
			bases = append(bases, sum.Base)
		}
		write := func(name, text string) {
			t.Helper()
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		load()
		write("a.txt", "浙江省通信管理局召开2026年工作会议\n会议指出，2025年全省新建5G基站3.2万个。2026年将新建5G基站2万个。\n")
		load()
		write("b.txt", "江苏省通信管理局召开2026年工作会议\n会议指出，2025年全省千兆宽带用户达1200万户。\n")
		load()
		write("a.txt", "浙江省通信管理局召开2026年工作会议\n会议指出，2025年全省新建5G基站3.5万个，算力规模达10EFLOPS。\n")
		seeds, _ := filepath.Glob(filepath.Join(dir, "0*.txt"))
		os.Remove(seeds[0])
		load()
		if m, _ := filepath.Glob(dbPath + ".tmp-*"); len(m) != 0 {
			t.Errorf("temporary files left: %v", m)
		}
		return dbPath, bases
	}
	spared, bases := run(false)
	copied, copyBases := run(true)
	if want := []string{baseNew, baseSpare, baseSpare, baseSpare}; strings.Join(bases, " ") != strings.Join(want, " ") {
		t.Errorf("loads wrote on %v, want %v", bases, want)
	}
	if want := []string{baseNew, baseCopy, baseCopy, baseCopy}; strings.Join(copyBases, " ") != strings.Join(want, " ") {
		t.Errorf("loads without the spare wrote on %v, want %v", copyBases, want)
	}
	a, b := digest(t, spared), digest(t, copied)
	for name := range a {
		if a[name] != b[name] {
			t.Errorf("table %s: %s through the spare, %s through copies", name, a[name], b[name])
		}
	}
	if _, err := os.Stat(dbfile.Spare(spared)); err != nil {
		t.Errorf("no spare kept: %v", err)
	}
}

// TestSpareHeldByAReaderIsNotWritten keeps the spare open in another
// process, as a dashboard does until it notices a swap: the next load must
// copy the live file instead of writing the file under the reader.
func TestSpareHeldByAReaderIsNotWritten(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a reader process")
	}
	ctx := context.Background()
	dir := copySeeds(t)
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath}); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "POLICYLENS_HOLD_CHILD="+dbfile.Spare(dbPath))
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); strings.TrimSpace(line) != "holding" {
		t.Fatalf("reader process: %q", line)
	}

	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("浙江省通信管理局召开2026年工作会议\n2025年全省新建5G基站3.2万个。\n"), 0o644)
	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Base != baseCopy || sum.Loaded != 1 {
		t.Errorf("load with the spare held: base %q, %d loaded; want a copy", sum.Base, sum.Loaded)
	}
	stdin.Close()
	cmd.Wait()
	if n := checkWhole(t, dbPath); n != 6 {
		t.Errorf("%d documents after the load, want 6", n)
	}
}

// holdChild opens path read-only like a dashboard, says so, and holds it
// until its standard input closes.
func holdChild(path string) {
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("holding")
	bufio.NewReader(os.Stdin).ReadString('\n')
	db.Close()
	os.Exit(0)
}

// TestAddAfterNewResourcesKeepsEveryNotice adds a notice after the theme
// file changed: the database is rebuilt, and must hold every notice of the
// folder, not only the one added.
func TestAddAfterNewResourcesKeepsEveryNotice(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	res := t.TempDir()
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: res}); err != nil {
		t.Fatal(err)
	}
	themes, err := os.ReadFile("../data/themes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(res, "themes.yaml"), append(themes, "\n# edited\n"...), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("浙江省通信管理局召开2026年工作会议\n2025年全省新建5G基站3.2万个。\n"), 0o644)
	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: res, Only: []string{"a.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Rebuilt || sum.Documents != 6 {
		t.Fatalf("after new resources, adding one: rebuilt %v, %d documents; want a rebuild with all 6", sum.Rebuilt, sum.Documents)
	}
}
