package queries

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // DuckDB driver
)

// writeSandboxFixture writes a small DuckDB file (read-write, then closed,
// as the loader leaves it) and returns its path.
func writeSandboxFixture(t *testing.T, dir, name string, extraRows int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	db, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	for _, q := range []string{
		`CREATE TABLE t (i INTEGER, s VARCHAR)`,
		`INSERT INTO t VALUES (1, '山东省'), (2, '浙江省'), (3, 'Fujian, "闽"')`,
		`INSERT INTO t SELECT 100 + range, 'extra' FROM range(` + itoa(extraRows) + `)`,
		`CREATE TABLE documents (doc_id INTEGER, province VARCHAR, body VARCHAR)`,
		`INSERT INTO documents VALUES (1, '山东省', '开通5G基站24.2万个')`,
		`CREATE VIEW v AS SELECT i * 2 AS j FROM t`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("fixture %q: %v", q, err)
		}
	}
	return path
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func sandboxFileHash(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func sandboxDirListing(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		names = append(names, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	return names
}

// openSandboxStore opens a fixture through a Store and returns its handle.
func openSandboxStore(t *testing.T, path string) *sql.DB {
	t.Helper()
	st, err := OpenStore(context.Background(), path)
	if err != nil {
		t.Fatalf("OpenStore: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	db, release, err := st.DB(context.Background())
	if err != nil {
		t.Fatalf("DB: %v", err)
	}
	t.Cleanup(release)
	return db
}

func TestSandboxRefuses(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir() // where refused writes would land
	path := writeSandboxFixture(t, dir, "policylens.duckdb", 0)
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("secret,value\n1,2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// DuckDB reads a name ending in .csv in FROM as a file.
	if err := os.WriteFile(filepath.Join(outside, "secret.csv"), []byte("secret,value\n1,2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(outside, "other.duckdb")
	beforeHash := sandboxFileHash(t, path)
	beforeDir := sandboxDirListing(t, dir)
	beforeOutside := sandboxDirListing(t, outside)
	db := openSandboxStore(t, path)

	q := func(s string) string { return strings.ReplaceAll(s, "OUT", outside) }
	cases := []struct {
		query string
		want  string // in the error text, after "query refused: "
	}{
		{`CREATE TABLE x (i INTEGER)`, "writes are not allowed (CREATE TABLE)"},
		{`create or replace temp table x as select 1`, "writes are not allowed (CREATE OR REPLACE TEMP TABLE)"},
		{`CREATE TABLE memory.main.x (i INTEGER)`, "writes are not allowed (CREATE TABLE)"},
		{`CREATE VIEW w AS SELECT 1`, "writes are not allowed (CREATE VIEW)"},
		{`CREATE MACRO m() AS 1`, "writes are not allowed (CREATE MACRO)"},
		{`INSERT INTO t VALUES (9, 'x')`, "writes are not allowed (INSERT INTO)"},
		{`UPDATE t SET i = 0`, "writes are not allowed (UPDATE)"},
		{`WITH x AS (SELECT 9 AS i, 'x' AS s) INSERT INTO t SELECT * FROM x`, "writes are not allowed (INSERT)"},
		{`DELETE FROM t`, "writes are not allowed (DELETE FROM)"},
		{`DROP TABLE t`, "writes are not allowed (DROP TABLE)"},
		{`ALTER TABLE t ADD COLUMN z INTEGER`, "writes are not allowed (ALTER TABLE)"},
		{`VACUUM`, "writes are not allowed (VACUUM)"},
		{`CHECKPOINT`, "writes are not allowed (CHECKPOINT)"},
		{`FORCE CHECKPOINT`, "writes are not allowed (FORCE CHECKPOINT)"},
		{`SELECT * FROM checkpoint()`, "writes are not allowed (checkpoint)"},
		{q(`SELECT * FROM enable_logging(storage := 'file', storage_path := 'OUT/log')`), "the configuration is locked (enable_logging)"},
		{`SELECT * FROM enable_profiling()`, "the configuration is locked (enable_profiling)"},
		{`SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT 1'))`, "running SQL held in a value is not allowed"},
		{q(`COPY t TO 'OUT/x.csv'`), "file access is disabled (COPY)"},
		{q(`COPY (SELECT 1) TO 'OUT/y.csv' (FORMAT csv)`), "file access is disabled (COPY)"},
		{q(`COPY t FROM 'OUT/secret.txt'`), "file access is disabled (COPY)"},
		{q(`EXPORT DATABASE 'OUT/export'`), "file access is disabled (EXPORT DATABASE)"},
		{`ATTACH '` + other + `' AS o`, "attaching other databases is not allowed (ATTACH)"},
		{`ATTACH ':memory:' AS m2`, "attaching other databases is not allowed (ATTACH)"},
		{`DETACH policylens`, "attaching other databases is not allowed (DETACH)"},
		{`INSTALL httpfs`, "extensions cannot be installed or loaded (INSTALL httpfs)"},
		{`LOAD httpfs`, "extensions cannot be installed or loaded (LOAD httpfs)"},
		{`LOAD json`, "extensions cannot be installed or loaded (LOAD json)"},
		{`SET enable_external_access = true`, "the configuration is locked (SET enable_external_access)"},
		{`SET GLOBAL threads = 1`, "the configuration is locked (SET GLOBAL threads)"},
		{`RESET threads`, "the configuration is locked (RESET threads)"},
		{`USE memory`, "the configuration is locked (USE"},
		{`SET VARIABLE x = 1`, "the configuration is locked (SET VARIABLE"},
		{`PRAGMA threads = 1`, "the configuration is locked (PRAGMA threads)"},
		{`PRAGMA enable_profiling`, "only PRAGMAs that read the catalog are allowed"},
		{q(`PRAGMA profiling_output = 'OUT/prof.json'`), "the configuration is locked"},
		{`PRAGMA force_checkpoint`, "only PRAGMAs that read the catalog are allowed"},
		{`BEGIN TRANSACTION`, "transactions are not needed"},
		{`PREPARE p AS SELECT 1`, "prepared statements are not allowed"},
		{`CALL pragma_table_info('t')`, "CALL is not allowed"},
		{q(`CALL read_csv('OUT/secret.txt')`), "file access is disabled (read_csv)"},
		{`select * from read_text('/etc/passwd')`, "file access is disabled (read_text)"},
		{`select content from READ_TEXT('/etc/passwd')`, "file access is disabled (read_text)"},
		{`select * from read_blob('/etc/passwd')`, "file access is disabled (read_blob)"},
		{`select * from read_csv('/etc/passwd')`, "file access is disabled (read_csv)"},
		{`select * from read_csv_auto('/etc/passwd')`, "file access is disabled (read_csv_auto)"},
		{q(`select * from read_parquet('OUT/x.parquet')`), "file access is disabled (read_parquet)"},
		{q(`select * from read_json('OUT/x.json')`), "file access is disabled (read_json)"},
		{`select * from read_json_auto('/etc/passwd')`, "file access is disabled (read_json_auto)"},
		{`select * from glob('/*')`, "file access is disabled (glob)"},
		{`select * from sniff_csv('/etc/passwd')`, "file access is disabled (sniff_csv)"},
		{`select * from '/etc/passwd'`, "file access is disabled ('/etc/passwd')"},
		{q(`select * from t join 'OUT/secret.txt' on true`), "file access is disabled ('" + secret + "')"},
		{`select * from sqlite_scan('/x.db', 't')`, "file access is disabled (sqlite_scan)"},
		{`select * from "read_text"('/etc/passwd')`, "file access is disabled (read_text)"},
		{`select 1; drop table t`, "only one statement at a time is allowed (found 2)"},
		{`select 1; select 2;`, "only one statement at a time is allowed (found 2)"},
		{`EXPLAIN ANALYZE CREATE TABLE x AS SELECT 1`, "writes are not allowed (CREATE TABLE)"},
		{q(`EXPLAIN COPY t TO 'OUT/z.csv'`), "file access is disabled (COPY)"},
		{`select * from query('select 1; select 2')`, ""}, // DuckDB: single SELECT only
		{`select * from query('create table x (i int)')`, ""},
		{`PIVOT t ON s USING sum(i)`, "expands to several statements"},
		// DuckDB 1.2-1.5's readers and path-taking functions, and paths
		// in places a function name check does not see.
		{q(`select * from read_duckdb('OUT/other.duckdb')`), "file access is disabled (read_duckdb)"},
		{q(`select * from parquet_kv_metadata('OUT/x.parquet')`), "file access is disabled (parquet_kv_metadata)"},
		{`select * from read_ndjson_objects('/etc/passwd')`, "file access is disabled (read_ndjson_objects)"},
		{`from read_csv(['/etc/passwd'])`, "file access is disabled (read_csv)"},
		{`select * from main.read_text('/etc/passwd')`, "file access is disabled (read_text)"},
		{`select * from read_text /* a comment */ ('/etc/passwd')`, "file access is disabled (read_text)"},
		{q(`select * from "OUT/secret.csv"`), "file access is disabled"},
		{q(`select * from query_table('OUT/secret.csv')`), "file access is disabled"},
		{q(`select * from query('select * from read_text(''OUT/secret.txt'')')`), "file access is disabled"},
		{q(`SUMMARIZE 'OUT/secret.csv'`), "file access is disabled"},
		{q(`DESCRIBE 'OUT/secret.csv'`), "file access is disabled"},
		{`select * from truncate_duckdb_logs()`, "writes are not allowed (truncate_duckdb_logs)"},
		{`select * from disable_logging()`, "the configuration is locked (disable_logging)"},
	}
	for _, c := range cases {
		res, err := RunSandboxed(context.Background(), db, c.query, SandboxLimits{Timeout: 5 * time.Second})
		if err == nil {
			t.Errorf("%s: ran, returned %v; want refusal", c.query, res.Rows)
			continue
		}
		if c.want == "" {
			// DuckDB refuses it itself; the error must still be readable.
			if !strings.HasPrefix(err.Error(), "query failed: ") && !errors.Is(err, ErrQueryRefused) {
				t.Errorf("%s: error %q", c.query, err)
			}
			continue
		}
		if !errors.Is(err, ErrQueryRefused) {
			t.Errorf("%s: error %q does not wrap ErrQueryRefused", c.query, err)
		}
		if !strings.HasPrefix(err.Error(), "query refused: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.query, err, c.want)
		}
	}

	// The connection pool is still healthy and nothing was written.
	res, err := RunSandboxed(context.Background(), db, `select count(*) from t`, SandboxLimits{})
	if err != nil {
		t.Fatalf("count after refusals: %v", err)
	}
	if got := res.Rows[0][0]; got != int64(3) {
		t.Errorf("count(*) from t = %v after refusals, want 3", got)
	}
	res, err = RunSandboxed(context.Background(), db,
		`select count(*) from duckdb_tables() where database_name <> 'policylens'`, SandboxLimits{})
	if err != nil {
		t.Fatalf("count tables: %v", err)
	}
	if got := res.Rows[0][0]; got != int64(0) {
		t.Errorf("%v tables exist outside the database file", got)
	}
	if got := sandboxFileHash(t, path); got != beforeHash {
		t.Errorf("database file changed: hash %s, was %s", got, beforeHash)
	}
	if got := sandboxDirListing(t, dir); strings.Join(got, "\n") != strings.Join(beforeDir, "\n") {
		t.Errorf("database directory changed:\n%s\nwas\n%s", strings.Join(got, "\n"), strings.Join(beforeDir, "\n"))
	}
	if got := sandboxDirListing(t, outside); strings.Join(got, "\n") != strings.Join(beforeOutside, "\n") {
		t.Errorf("files were created:\n%s\nwas\n%s", strings.Join(got, "\n"), strings.Join(beforeOutside, "\n"))
	}
}

func TestSandboxAllows(t *testing.T) {
	db := openSandboxStore(t, writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	cases := []struct {
		query   string
		columns string // comma-joined, "" to skip
		rows    int
	}{
		{`SELECT i, s FROM t ORDER BY i`, "i,s", 3},
		{`select i, s from t order by i;`, "i,s", 3},
		{"-- comment\nselect 1 as one -- trailing comment", "one", 1},
		{`/* c */ SELECT 'a;b' AS x`, "x", 1},
		{`WITH x AS (SELECT i FROM t) SELECT count(*) AS n FROM x`, "n", 1},
		{`VALUES (1, 'a'), (2, 'b')`, "col0,col1", 2},
		{`TABLE t`, "i,s", 3},
		{`FROM t WHERE i > 1`, "i,s", 2},
		{`FROM policylens.main.t`, "i,s", 3},
		{`DESCRIBE t`, "", 2},
		{`SHOW TABLES`, "name", 3},
		{`SUMMARIZE t`, "", 2},
		{`EXPLAIN SELECT * FROM t`, "explain_key,explain_value", 1},
		{`EXPLAIN ANALYZE SELECT count(*) FROM t`, "explain_key,explain_value", 1},
		{`PRAGMA table_info('t')`, "", 2},
		{`PRAGMA show_tables`, "name", 3},
		{`PRAGMA version`, "", 1},
		{`SELECT * FROM pragma_table_info('t')`, "", 2},
		{`SELECT * FROM query('SELECT 42 AS answer')`, "answer", 1},
		{`SELECT * FROM v ORDER BY j`, "j", 3},
		{`SELECT province, body FROM documents WHERE body LIKE '%基站%'`, "province,body", 1},
		{`SELECT 'read_text(''/etc/passwd'')' AS s`, "s", 1}, // in a string, not a call
		{`SELECT json_extract('{"a":1}', '$.a') AS a`, "a", 1},
		{`SELECT 1 AS a, 1 AS a`, "", 1},
		{`SELECT extract(year FROM '2024-01-02'::DATE) AS y, trim(BOTH 'x' FROM 'xax') AS s`, "y,s", 1},
		{`PIVOT t ON s IN ('山东省', '浙江省') USING sum(i)`, "", 1},
	}
	for _, c := range cases {
		res, err := RunSandboxed(context.Background(), db, c.query, SandboxLimits{})
		if err != nil {
			t.Errorf("%s: %v", c.query, err)
			continue
		}
		if c.columns != "" && strings.Join(res.Columns, ",") != c.columns {
			t.Errorf("%s: columns %v, want %s", c.query, res.Columns, c.columns)
		}
		if len(res.Rows) != c.rows {
			t.Errorf("%s: %d rows, want %d: %v", c.query, len(res.Rows), c.rows, res.Rows)
		}
		if len(res.Types) != len(res.Columns) || res.Truncated {
			t.Errorf("%s: types %v, truncated %v", c.query, res.Types, res.Truncated)
		}
	}
}

func TestSandboxErrorsAreReadable(t *testing.T) {
	db := openSandboxStore(t, writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	cases := map[string]string{
		`SELEC 1`:                 "query failed: Parser Error: syntax error",
		`SELECT * FROM nosuch`:    "query failed: Catalog Error: Table with name nosuch does not exist",
		`SELECT nosuch FROM t`:    "query failed: Binder Error",
		`SELECT 1/0::INTEGER + x`: "query failed: Binder Error",
		``:                        "query is empty",
		" ;; -- nothing\n":        "query is empty",
	}
	for q, want := range cases {
		_, err := RunSandboxed(context.Background(), db, q, SandboxLimits{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", q, err, want)
		}
	}
}

func TestSandboxTimeout(t *testing.T) {
	db := openSandboxStore(t, writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	for _, q := range []string{
		`SELECT sum(a.range * b.range) FROM range(1000000000) a, range(1000000000) b`,
		`SELECT count(*) FROM range(1000000000000) WHERE hash(range) = 42`,
	} {
		_, err := RunSandboxed(context.Background(), db, q, SandboxLimits{Timeout: 300 * time.Millisecond})
		if !errors.Is(err, ErrQueryTimeout) || err.Error() != "query timed out after 300ms" {
			t.Errorf("%s: error %v, want query timed out after 300ms", q, err)
		}
	}
	// The handle still works after interrupted queries.
	if _, err := RunSandboxed(context.Background(), db, `SELECT 1`, SandboxLimits{}); err != nil {
		t.Errorf("after timeout: %v", err)
	}
	// A canceled caller is reported as such, not as a timeout.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := RunSandboxed(ctx, db, `SELECT 1`, SandboxLimits{})
	if err == nil || !strings.HasPrefix(err.Error(), "query canceled") {
		t.Errorf("canceled context: error %v", err)
	}
}

func TestSandboxMaxRows(t *testing.T) {
	db := openSandboxStore(t, writeSandboxFixture(t, t.TempDir(), "p.duckdb", 50))
	res, err := RunSandboxed(context.Background(), db, `SELECT i FROM t ORDER BY i DESC`, SandboxLimits{MaxRows: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 10 || !res.Truncated {
		t.Fatalf("got %d rows, truncated %v; want 10, true", len(res.Rows), res.Truncated)
	}
	if res.Rows[0][0] != int64(149) || res.Rows[9][0] != int64(140) {
		t.Errorf("order lost under the row cap: first %v, last %v", res.Rows[0][0], res.Rows[9][0])
	}
	res, err = RunSandboxed(context.Background(), db, `SELECT i FROM t`, SandboxLimits{MaxRows: 53})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 53 || res.Truncated {
		t.Errorf("exactly the cap: %d rows, truncated %v; want 53, false", len(res.Rows), res.Truncated)
	}
	// A result far larger than memory allows is cut by DuckDB, not built.
	res, err = RunSandboxed(context.Background(), db, `SELECT * FROM range(10000000000)`,
		SandboxLimits{MaxRows: 5, Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 5 || !res.Truncated {
		t.Errorf("huge result: %d rows, truncated %v", len(res.Rows), res.Truncated)
	}
	// PRAGMA results cannot be wrapped in a LIMIT; the cap still holds.
	res, err = RunSandboxed(context.Background(), db, `PRAGMA table_info('t')`, SandboxLimits{MaxRows: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || !res.Truncated {
		t.Errorf("pragma: %d rows, truncated %v", len(res.Rows), res.Truncated)
	}
	// Negative lifts the cap.
	res, err = RunSandboxed(context.Background(), db, `SELECT * FROM range(20000)`, SandboxLimits{MaxRows: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 20000 || res.Truncated {
		t.Errorf("no cap: %d rows, truncated %v", len(res.Rows), res.Truncated)
	}
}

func TestSandboxValues(t *testing.T) {
	db := openSandboxStore(t, writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	res, err := RunSandboxed(context.Background(), db, `SELECT
		NULL AS n, true AS b, 42::TINYINT AS i8, 18446744073709551615::UBIGINT AS u64,
		170141183460469231731687303715884105727::HUGEINT AS huge,
		12345678901234567890.25::DECIMAL(38,2) AS dec, 1.5::FLOAT AS f, 'nan'::DOUBLE AS nan,
		'山东省' AS s, [1, 2] AS l, {'b': 'x', 'a': 1} AS st, MAP {'k': [DATE '2024-01-02']} AS m,
		'00000000-0000-0000-0000-000000000001'::UUID AS u, INTERVAL '1 year 2 months 3 days 04:05:06.5' AS iv,
		'\x00ab'::BLOB AS bl, DATE '2024-01-02' AS d, TIMESTAMP '2024-01-02 03:04:05.123' AS ts,
		TIMESTAMPTZ '2024-01-02 03:04:05+08' AS tstz, TIME '03:04:05' AS tm,
		'a'::ENUM('a', 'b') AS e, union_value(k := 'x') AS un`, SandboxLimits{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"n": "NULL", "b": "true", "i8": "42", "u64": "18446744073709551615",
		"huge": "170141183460469231731687303715884105727", "dec": "12345678901234567890.25",
		"f": "1.5", "nan": "nan", "s": "山东省", "l": "[1, 2]", "st": "{'a': 1, 'b': x}",
		"m": "{'k': [2024-01-02]}", "u": "00000000-0000-0000-0000-000000000001",
		"iv": "1 year 2 months 3 days 04:05:06.5", "bl": `\x00ab`, "d": "2024-01-02",
		"ts": "2024-01-02 03:04:05.123", "tstz": "2024-01-01 19:04:05+00", "tm": "03:04:05",
		"e": "a", "un": "x",
	}
	for j, c := range res.Columns {
		if got := FormatValue(res.Rows[0][j]); got != want[c] {
			t.Errorf("%s (%s): %q (%T), want %q", c, res.Types[j], got, res.Rows[0][j], want[c])
		}
	}
	// Every value encodes as JSON.
	var buf strings.Builder
	if err := WriteJSON(&buf, res); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
	var decoded []map[string]any
	dec := json.NewDecoder(strings.NewReader(buf.String()))
	dec.UseNumber()
	if err := dec.Decode(&decoded); err != nil {
		t.Fatalf("decode %s: %v", buf.String(), err)
	}
	if got := decoded[0]["huge"]; got != json.Number("170141183460469231731687303715884105727") {
		t.Errorf("huge in JSON: %v", got)
	}
	if got := decoded[0]["st"]; !strings.Contains(buf.String(), `"st": {"a":1,"b":"x"}`) {
		t.Errorf("struct in JSON: %v in %s", got, buf.String())
	}
}

func TestSandboxDiscardsItsConnection(t *testing.T) {
	st, err := OpenStore(context.Background(), writeSandboxFixture(t, t.TempDir(), "p.duckdb", 0))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db, release, err := st.DB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if n := db.Stats().OpenConnections; n != 1 {
		t.Fatalf("%d open connections after OpenStore, want the one idle from its ping", n)
	}
	for _, q := range []string{`SELECT setseed(0.5)`, `SELECT 1`, `DROP TABLE t`} {
		RunSandboxed(context.Background(), db, q, SandboxLimits{})
		if n := db.Stats().OpenConnections; n != 0 {
			t.Errorf("after %s: %d connections left in the pool, want 0", q, n)
		}
	}
}

// TestSandboxHidesPaths checks that what a query shows does not say where
// the database lives: not the file's absolute path, not its folder, not the
// home directory, in results or in errors.
func TestSandboxHidesPaths(t *testing.T) {
	dir := t.TempDir()
	path := writeSandboxFixture(t, dir, "p.duckdb", 0)
	db := openSandboxStore(t, path)
	home, _ := os.UserHomeDir()
	for _, q := range []string{
		"SELECT * FROM duckdb_databases()",
		"SELECT * FROM pragma_database_list",
		"SELECT name, value FROM duckdb_settings()",
		"SELECT * FROM duckdb_secrets()",
		"SELECT current_setting('secret_directory')",
		"SELECT error((SELECT path FROM duckdb_databases() WHERE database_name = 'policylens'))",
		"SELECT * FROM policylens_nonexistent_table",
	} {
		var shown strings.Builder
		res, err := RunSandboxed(context.Background(), db, q, SandboxLimits{})
		if err != nil {
			shown.WriteString(err.Error())
		} else {
			for _, row := range res.Rows {
				for _, v := range row {
					shown.WriteString(FormatValue(v) + "\n")
				}
			}
		}
		out := shown.String()
		for _, secret := range []string{path, dir, home} {
			if secret != "" && strings.Contains(out, secret) {
				t.Errorf("%s shows %s:\n%s", q, secret, out)
			}
		}
	}
}
