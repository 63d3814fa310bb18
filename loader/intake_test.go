package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/policylens/policylens/loader/internal/hostile"
	"github.com/policylens/policylens/loader/source"
)

// A short notice of our own, unlike the seeds (so not a duplicate).
const gbNotice = "山东省通信管理局召开2025年全省通信行业工作会议\n会议指出，2024年全省新建5G基站3.2万个，累计达到21.6万个，千兆宽带用户突破800万户。\n"

// notice is a short notice of province's, with figures of its own so that
// no two are copies.
func notice(province string, n int) string {
	return fmt.Sprintf("%s省通信管理局召开2025年全省通信行业工作会议\n会议指出，2024年全省新建5G基站%d.%d万个，累计达到%d万个，千兆宽带用户突破%d万户，%s各市5G网络覆盖持续提升。\n",
		province, n, n+1, 10+n, 100*n+7, province)
}

// issueFor returns the load issues recorded for path.
func issuesFor(t *testing.T, dbPath, path string) []string {
	t.Helper()
	db := openRO(t, dbPath)
	defer db.Close()
	rows, err := db.Query(`SELECT severity || ': ' || message FROM load_issues WHERE path = ? ORDER BY 1`, path)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return out
}

// TestLoadNonUTF8Names: file and folder names in GBK (a zip made on Chinese
// Windows) are loaded under their decoded names, names in no known
// encoding under an escaped one, each with a warning; the rest loads and
// the totals are true.
func TestLoadNonUTF8Names(t *testing.T) {
	dir := copySeeds(t)
	gbk := func(s string) string {
		b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	body := []byte(gbk(notice("山东", 1)))
	os.Mkdir(filepath.Join(dir, gbk("山东")), 0o755)
	os.WriteFile(filepath.Join(dir, gbk("山东"), gbk("工作会议")+".txt"), body, 0o644)
	os.WriteFile(filepath.Join(dir, "caf\xe9.txt"), []byte(notice("江西", 2)), 0o644)
	// The same name in UTF-8 and in GBK: both load, under two names.
	os.WriteFile(filepath.Join(dir, "山东.txt"), []byte(notice("福建", 3)), 0o644)
	os.WriteFile(filepath.Join(dir, gbk("山东")+".txt"), []byte(notice("浙江", 4)), 0o644)

	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	sum, err := Load(context.Background(), Options{DataDir: dir, DBPath: dbPath})
	if err != nil {
		t.Fatalf("load: %v (issues %v)", err, sum.Issues)
	}
	if sum.Documents != 9 || sum.Loaded != 9 || sum.Failed != 0 {
		t.Errorf("summary %+v", sum)
	}
	db := openRO(t, dbPath)
	if n := count(t, db, `SELECT count(*) FROM documents`); n != sum.Documents {
		t.Errorf("summary says %d documents, the database holds %d", sum.Documents, n)
	}
	for _, p := range []string{"山东/工作会议.txt", `caf\xe9.txt`, "山东.txt", `\xc9\xbd\xb6\xab.txt`} {
		if n := count(t, db, `SELECT count(*) FROM documents WHERE path = ?`, p); n != 1 {
			t.Errorf("no document %q", p)
		}
	}
	if n := count(t, db, `SELECT count(*) FROM documents WHERE path = '山东/工作会议.txt' AND province = '山东省'`); n != 1 {
		t.Errorf("the decoded notice lost its province")
	}
	db.Close()
	if iss := issuesFor(t, dbPath, "山东/工作会议.txt"); len(iss) == 0 || !strings.Contains(iss[0], "not valid UTF-8: decoded as GB18030") {
		t.Errorf("issues %q", iss)
	}
	for _, i := range sum.Issues {
		if !utf8.ValidString(i.Path) || !utf8.ValidString(i.Message) {
			t.Errorf("issue not valid UTF-8: %q", i)
		}
	}

	// Unchanged on the next load: nothing read again.
	sum, err = Load(context.Background(), Options{DataDir: dir, DBPath: dbPath})
	if err != nil || sum.Unchanged != 9 || sum.Swapped {
		t.Errorf("second load: %v %+v", err, sum)
	}
}

// TestLoadRefusesLinksOut: symbolic links that leave the data folder (to a
// file, to a folder, through a chain, or passing outside and back in) are
// not read and are named in load_issues; links inside keep working.
func TestLoadRefusesLinksOut(t *testing.T) {
	dir := copySeeds(t)
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	os.WriteFile(secret, []byte("SECRET-LINE 机密：不应被读取的文件内容，全省新建5G基站9.9万个。\n"), 0o644)
	os.Mkdir(filepath.Join(outside, "folder"), 0o755)
	os.WriteFile(filepath.Join(outside, "folder", "x.txt"), []byte("SECRET-LINE 目录外的通知。\n"), 0o644)
	seed := filepath.Join(dir, "000_19a9d0be758cd336.txt")
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	link("/etc/passwd", "passwd.txt")
	link(secret, "secret.txt")
	link("secret.txt", "chain.txt")                                    // -> secret.txt -> outside
	link(filepath.Join(outside, "folder"), "outdir")                   // a folder outside
	link(filepath.Join(outside, "hop.txt"), "hop.txt")                 // out and back in
	os.Symlink(seed, filepath.Join(outside, "hop.txt"))                //
	link(filepath.Join(outside, "secret.txt"), "n.txt")                // a notice whose sidecar is a link out
	os.Remove(filepath.Join(dir, "n.txt"))                             //
	os.WriteFile(filepath.Join(dir, "n.txt"), []byte(gbNotice), 0o644) //
	link("/etc/passwd", "n.txt.meta.yaml")                             //
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)                         // links inside:
	link("../000_19a9d0be758cd336.txt", "sub/alias.txt")               // a file
	link("sub", "latest")                                              // a folder (not followed)
	link("nowhere.txt", "dangling.txt")                                // broken
	link("loop.txt", "loop.txt")                                       // a loop

	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	sum, err := Load(context.Background(), Options{DataDir: dir, DBPath: dbPath})
	if !errors.Is(err, ErrPartial) {
		t.Fatalf("want a partial load, got %v", err)
	}
	if sum.Documents != 6 || sum.Duplicates != 1 {
		t.Errorf("want the 5 seeds and n.txt loaded, the alias a duplicate: %+v", sum)
	}
	db := openRO(t, dbPath)
	if n := count(t, db, `SELECT count(*) FROM documents WHERE body LIKE '%root:%' OR body LIKE '%SECRET-LINE%' OR title LIKE '%SECRET%'`); n != 0 {
		t.Errorf("%d documents read from outside the data folder", n)
	}
	if n := count(t, db, `SELECT count(*) FROM load_issues WHERE message LIKE '%root:%'`); n != 0 {
		t.Errorf("/etc/passwd leaked into load_issues")
	}
	if n := count(t, db, `SELECT count(*) FROM files WHERE path = 'sub/alias.txt' AND status = 'duplicate'`); n != 1 {
		t.Errorf("the link inside the folder was not loaded")
	}
	if n := count(t, db, `SELECT count(*) FROM files WHERE path LIKE 'latest/%' OR path LIKE 'outdir/%'`); n != 0 {
		t.Errorf("a linked folder was followed")
	}
	db.Close()
	for path, want := range map[string]string{
		"passwd.txt":   "outside the data folder (to /etc/passwd)",
		"secret.txt":   "outside the data folder",
		"chain.txt":    "outside the data folder",
		"outdir":       "outside the data folder",
		"hop.txt":      "passes outside the data folder",
		"dangling.txt": "broken symbolic link",
		"loop.txt":     "broken symbolic link",
		"n.txt":        "sidecar n.txt.meta.yaml ignored",
	} {
		iss := issuesFor(t, dbPath, path)
		if len(iss) == 0 || !strings.Contains(strings.Join(iss, "\n"), want) {
			t.Errorf("%s: want an issue saying %q, got %q", path, want, iss)
		}
	}
}

// TestLoadNoticeLimits: a notice over the size limit is refused unread and
// named, one under it loads; raising the limit loads it on the next load;
// a notice that grows past the limit keeps what was loaded.
func TestLoadNoticeLimits(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	huge := filepath.Join(dir, "huge.txt")
	f, _ := os.Create(huge)
	f.WriteString(gbNotice)
	f.Truncate(200 << 20) // sparse: costs no disk
	f.Close()
	big := strings.Repeat(strings.ReplaceAll(gbNotice, "山东", "四川"), 200) // ~40 KB
	os.WriteFile(filepath.Join(dir, "big.txt"), []byte(big), 0o644)

	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	lim := source.Limits{MaxFileBytes: 64 << 10, MaxTextBytes: 32 << 10}
	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath, Limits: lim})
	if !errors.Is(err, ErrPartial) || sum.Documents != 5 || sum.Failed != 2 {
		t.Fatalf("want the seeds loaded, huge.txt and big.txt refused: %v %+v", err, sum)
	}
	if iss := issuesFor(t, dbPath, "huge.txt"); len(iss) != 1 || !strings.Contains(iss[0], "200 MiB, the limit is 64 KiB (--max-notice-size)") {
		t.Errorf("huge.txt: %q", iss)
	}
	if iss := issuesFor(t, dbPath, "big.txt"); len(iss) != 1 || !strings.Contains(iss[0], "the limit is 32 KiB (--max-notice-text)") {
		t.Errorf("big.txt: %q", iss)
	}

	// A higher text limit: big.txt loads now, though the file is unchanged.
	lim.MaxTextBytes = 1 << 20
	sum, err = Load(ctx, Options{DataDir: dir, DBPath: dbPath, Limits: lim})
	if !errors.Is(err, ErrPartial) || sum.Documents != 6 || sum.Failed != 1 {
		t.Fatalf("with a higher text limit: %v %+v", err, sum)
	}

	// big.txt grows past the file limit: refused, and its document kept.
	os.WriteFile(filepath.Join(dir, "big.txt"), []byte(big+big), 0o644)
	sum, err = Load(ctx, Options{DataDir: dir, DBPath: dbPath, Limits: lim})
	if !errors.Is(err, ErrPartial) || sum.Documents != 6 || sum.Failed != 2 {
		t.Fatalf("after big.txt grew: %v %+v", err, sum)
	}
}

// TestLoadDocxBombs: four zip bombs in the data folder are refused with the
// reason, and the seeds load.
func TestLoadDocxBombs(t *testing.T) {
	dir := copySeeds(t)
	for i, o := range []hostile.BombOptions{
		{Size: 1 << 30, Declared: -1}, {Size: 16 << 20, Declared: -1},
		{Size: 1 << 30, Declared: 100 << 10}, {Size: 1 << 30, Declared: 0},
	} {
		if err := hostile.DocxBomb(filepath.Join(dir, "bomb"+string(rune('1'+i))+".docx"), o); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	sum, err := Load(context.Background(), Options{DataDir: dir, DBPath: dbPath})
	if !errors.Is(err, ErrPartial) || sum.Documents != 5 || sum.Failed != 4 {
		t.Fatalf("want the seeds loaded and four bombs refused: %v %+v", err, sum)
	}
	for _, i := range sum.Issues {
		if strings.HasPrefix(i.Path, "bomb") && !strings.Contains(i.Message, "zip bomb") && !strings.Contains(i.Message, "declares 1 GiB") {
			t.Errorf("%s: the reason is not given: %s", i.Path, i.Message)
		}
	}
}

// TestLoadDocxBombsMemory loads the seeds and four 1 GiB zip bombs (one
// honest about its size, three lying) in a loader process of its own and
// reads its peak resident set: the issue's bar is 600 MB (a bomb cost
// 1.84 GB, four 3.3 GB, before they were refused unread).
func TestLoadDocxBombsMemory(t *testing.T) {
	dir := copySeeds(t)
	for i, o := range []hostile.BombOptions{
		{Size: 1 << 30, Declared: -1}, {Size: 1 << 30, Declared: 100 << 10},
		{Size: 1 << 30, Declared: 0}, {Size: 1 << 30, Declared: 19 << 20},
	} {
		if err := hostile.DocxBomb(filepath.Join(dir, fmt.Sprintf("bomb%d.docx", i+1)), o); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "POLICYLENS_LOAD_CHILD=1", "POLICYLENS_DATA="+dir, "POLICYLENS_DB="+dbPath)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Fatal("no resource usage of the load process")
	}
	t.Logf("peak RSS of the load with four 1 GiB bombs: %d MB", ru.Maxrss>>10)
	if ru.Maxrss > 600<<10 {
		t.Errorf("peak RSS %d MB, want under 600 MB", ru.Maxrss>>10)
	}
	if docs := checkWhole(t, dbPath); docs != 5 {
		t.Errorf("%d documents loaded, want the 5 seeds", docs)
	}
}
