package queries_test

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

// workerStores opens the seed database twice: one store running users'
// queries in this process, one in workers (copies of this test binary,
// whose TestMain serves them).
func workerStores(t *testing.T) (inProcess, worker *queries.Store) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	db := querytest.SeedDB(t)
	for _, s := range []**queries.Store{&inProcess, &worker} {
		st, err := queries.OpenStore(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		*s = st
	}
	worker.UseWorker(queries.SandboxWorker{Path: exe})
	return inProcess, worker
}

// TestWorkerSameResult runs queries of every kind of value in this
// process and in a worker: the results must be the same, values, types,
// cuts and all.
func TestWorkerSameResult(t *testing.T) {
	in, wk := workerStores(t)
	ctx := context.Background()
	for _, q := range []string{
		"SELECT doc_id, title, province FROM documents ORDER BY doc_id",
		`SELECT [1, NULL, 3] AS l, {'k': 'v', 'n': NULL, 'x': [1.5, -2.25]} AS s, 1.50::DECIMAL(4,2) AS d,
		        170141183460469231731687303715884105727::HUGEINT AS h, 18446744073709551615::UBIGINT AS u,
		        -1e300::DOUBLE AS f, true AS b, false AS b2, NULL AS z, 'x"y' || chr(10) || '中文' AS t, '\xAA'::BLOB AS bl,
		        DATE '2024-01-02' AS dt, TIMESTAMP '2024-01-02 03:04:05' AS ts, map([1, 2], ['a', 'b']) AS m,
		        uuid '12345678-1234-5678-1234-567812345678' AS id, INTERVAL 3 DAY AS iv`,
		"SELECT * FROM range(50)",
		"SELECT repeat('x', 5000) AS x FROM range(3)",
	} {
		for _, lim := range []queries.SandboxLimits{{}, {MaxRows: 7, MaxCellChars: 100}, {MaxBytes: 4000}} {
			want, err := in.RunSandboxed(ctx, q, lim)
			if err != nil {
				t.Fatalf("%s in process: %v", q, err)
			}
			got, err := wk.RunSandboxed(ctx, q, lim)
			if err != nil {
				t.Fatalf("%s in a worker: %v", q, err)
			}
			got.Elapsed, want.Elapsed = 0, 0
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %+v:\nworker     %#v\nin process %#v", q, lim, got, want)
			}
		}
	}
}

// TestWorkerErrors: a worker's refusals, time-outs and DuckDB errors are
// the same errors as in this process, for errors.Is and for people.
func TestWorkerErrors(t *testing.T) {
	in, wk := workerStores(t)
	ctx := context.Background()
	for _, c := range []struct {
		q    string
		lim  queries.SandboxLimits
		kind error
	}{
		{"COPY documents TO '/tmp/x.csv'", queries.SandboxLimits{}, queries.ErrQueryRefused},
		{"SELECT * FROM read_text('/etc/passwd')", queries.SandboxLimits{}, queries.ErrQueryRefused},
		{"SELECT count(*) FROM range(1000000000000) a", queries.SandboxLimits{Timeout: 300 * 1e6}, queries.ErrQueryTimeout},
		{"SELECT nosuchcolumn FROM documents", queries.SandboxLimits{}, nil},
	} {
		_, werr := wk.RunSandboxed(ctx, c.q, c.lim)
		_, ierr := in.RunSandboxed(ctx, c.q, c.lim)
		if werr == nil || ierr == nil {
			t.Fatalf("%s: worker %v, in process %v; want errors", c.q, werr, ierr)
		}
		if c.kind != nil && !errors.Is(werr, c.kind) {
			t.Errorf("%s: worker error %v is not %v", c.q, werr, c.kind)
		}
		if werr.Error() != ierr.Error() {
			t.Errorf("%s: worker says %q, in process %q", c.q, werr, ierr)
		}
	}
}

// TestWorkerMemory: a query that computes gigabytes for a small result
// (in this process it takes 2.9 GB, past DuckDB's memory limit) ends its
// worker or fails in it, is reported as out of memory or a cut, and the
// store goes on answering. (TestConsoleMemory and TestSQLMemory measure
// the peak memory of the processes.) Its time limit is a minute, not the
// console's 10 s: its tries (for 10,001 rows, then 101, 2 and 1) took 2
// to 4 s at a load of 2 to 4, and at a load of 10 to 18 they often ran
// out of 10 s before memory was in question.
func TestWorkerMemory(t *testing.T) {
	_, wk := workerStores(t)
	ctx := context.Background()
	res, err := wk.RunSandboxed(ctx, "SELECT strlen(repeat(i::VARCHAR, 1000000)) AS n FROM range(1000) t(i)",
		queries.SandboxLimits{Timeout: time.Minute})
	switch {
	case err != nil && !strings.Contains(err.Error(), "Out of Memory"):
		t.Errorf("error %v, want out of memory", err)
	case err == nil && res.Cut == nil:
		t.Errorf("%d rows and no cut: the worker computed 2.9 GB", len(res.Rows))
	}
	after, err := wk.RunSandboxed(ctx, "SELECT count(*) AS n FROM documents", queries.SandboxLimits{})
	if err != nil || len(after.Rows) != 1 {
		t.Fatalf("after the attack: %v, %v", after, err)
	}
}
