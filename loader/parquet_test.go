package loader

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader/synth"
)

// viewDigests returns, for every view of the catalog src (a database
// attached to db), a digest of its rows as read from catalog read (where
// the same views are defined over other data). Doubles are rounded to 9
// significant places: sums over rows stored in another order differ in
// the last bits.
func viewDigests(t *testing.T, db *sql.DB, src, read string) map[string]string {
	t.Helper()
	rows, err := db.Query(`SELECT view_name FROM duckdb_views() WHERE database_name = ? AND NOT internal ORDER BY 1`, src)
	if err != nil {
		t.Fatal(err)
	}
	var views []string
	for rows.Next() {
		var v string
		rows.Scan(&v)
		views = append(views, v)
	}
	rows.Close()
	if len(views) < 8 {
		t.Fatalf("only %d views in %s", len(views), src)
	}
	out := map[string]string{}
	for _, v := range views {
		cols, err := db.Query(`SELECT column_name, data_type FROM information_schema.columns
			WHERE table_catalog = ? AND table_name = ? ORDER BY ordinal_position`, src, v)
		if err != nil {
			t.Fatal(err)
		}
		var sel []string
		for cols.Next() {
			var name, typ string
			cols.Scan(&name, &typ)
			expr := `"` + name + `"`
			if typ == "DOUBLE" || typ == "FLOAT" {
				expr = `CAST(round(` + expr + `, 9 - CAST(ceil(log10(abs(` + expr + `) + 1e-300)) AS INTEGER)) AS VARCHAR)`
			}
			sel = append(sel, expr)
		}
		cols.Close()
		q := fmt.Sprintf(`SELECT count(*) || ':' || coalesce(md5(string_agg(r, '|' ORDER BY r)), '')
			FROM (SELECT CAST(ROW(%s) AS VARCHAR) AS r FROM %s.main.%s)`, strings.Join(sel, ", "), read, v)
		var d string
		if err := db.QueryRow(q).Scan(&d); err != nil {
			t.Fatalf("view %s: %v", v, err)
		}
		out[v] = d
	}
	return out
}

// TestExportParquetGivesTheViews exports a loaded database and reads the
// export back with read_parquet through views.sql: every view must give
// the rows it gives on the DuckDB file.
func TestExportParquetGivesTheViews(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "export")
	if err := ExportParquet(ctx, dbPath, out); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(out, "documents", "province=*", "year=*", "*.parquet")); len(m) == 0 {
		t.Fatal("documents are not partitioned by province and year")
	}
	views, err := os.ReadFile(filepath.Join(out, ViewsFile))
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{"SET file_search_path = " + sqlString(out), string(views), "ATTACH " + sqlString(dbPath) + " AS src (READ_ONLY)"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%.200s: %v", q, err)
		}
	}
	want := viewDigests(t, db, "src", "src")
	got := viewDigests(t, db, "src", "memory")
	for v := range want {
		if got[v] != want[v] {
			t.Errorf("view %s over Parquet: %s, over the file: %s", v, got[v], want[v])
		}
	}
}

// shardChild is the test binary run as one shard of a load.
func shardChild(spec string) {
	k, n, err := ParseShard(spec)
	if err == nil {
		_, err = LoadShard(context.Background(), Options{DataDir: os.Getenv("POLICYLENS_DATA"), Workers: 1}, k, n, os.Getenv("POLICYLENS_OUT"))
	}
	if err != nil && !errors.Is(err, ErrPartial) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// TestShardsMergeLikeOneLoad loads a folder as two shards in two processes,
// merges them, and checks every view against one load of the same folder:
// same rows, same ids, copies folded across the shards (an exact copy and
// a near copy each in the other shard from their original), a broken file
// reported once.
func TestShardsMergeLikeOneLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns shard processes")
	}
	ctx := context.Background()
	dir := copySeeds(t)
	for i := range 12 {
		n := synth.At(synth.Options{N: 12, Seed: 3}, i)
		p := filepath.Join(dir, filepath.FromSlash(n.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(n.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seeds, _ := filepath.Glob(filepath.Join(dir, "00*.txt"))
	two := &shardSpec{n: 2}
	// A name for a copy of src that falls in the other shard.
	otherShard := func(src, prefix string) string {
		rel, _ := filepath.Rel(dir, src)
		for i := 0; ; i++ {
			name := fmt.Sprintf("%s%d.txt", prefix, i)
			if two.has(name) != two.has(filepath.ToSlash(rel)) {
				return filepath.Join(dir, name)
			}
		}
	}
	b0, _ := os.ReadFile(seeds[0])
	os.WriteFile(otherShard(seeds[0], "copy-exact-"), b0, 0o644)
	b1, _ := os.ReadFile(seeds[1])
	os.WriteFile(otherShard(seeds[1], "copy-near-"), []byte("来源：转载\n"+string(b1)), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.txt"), nil, 0o644)

	parts := filepath.Join(t.TempDir(), "parts")
	var procs []*exec.Cmd
	for k := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("POLICYLENS_SHARD_CHILD=%d/2", k), "POLICYLENS_DATA="+dir, "POLICYLENS_OUT="+parts)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, cmd)
	}
	for _, cmd := range procs {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("shard process: %v", err)
		}
	}
	merged := filepath.Join(t.TempDir(), "merged.duckdb")
	msum, err := MergeParquet(ctx, Options{DBPath: merged}, parts)
	if err != nil {
		t.Fatal(err)
	}
	single := filepath.Join(t.TempDir(), "single.duckdb")
	ssum, err := Load(ctx, Options{DataDir: dir, DBPath: single})
	if !errors.Is(err, ErrPartial) {
		t.Fatalf("single load: %v (the broken file should fail)", err)
	}
	if msum.Duplicates != 2 || ssum.Duplicates != 2 || msum.Documents != ssum.Documents {
		t.Errorf("merged: %d documents, %d copies; one load: %d documents, %d copies; want the same, with 2 copies",
			msum.Documents, msum.Duplicates, ssum.Documents, ssum.Duplicates)
	}

	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{"ATTACH " + sqlString(single) + " AS single (READ_ONLY)", "ATTACH " + sqlString(merged) + " AS merged (READ_ONLY)"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	want := viewDigests(t, db, "single", "single")
	got := viewDigests(t, db, "single", "merged")
	for v := range want {
		if got[v] != want[v] {
			t.Errorf("view %s: %s merged from shards, %s from one load", v, got[v], want[v])
		}
	}
	a, b := digest(t, single), digest(t, merged)
	for _, tb := range []string{"documents", "duplicates", "files", "indicators", "sentences", "term_counts", "load_issues"} {
		if a[tb] != b[tb] {
			t.Errorf("table %s: %s from one load, %s merged", tb, a[tb], b[tb])
		}
	}
}
