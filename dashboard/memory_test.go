package dashboard_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/policylens/policylens/dashboard"
	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

// memoryChildEnv names the database the child process serves.
const memoryChildEnv = "POLICYLENS_MEMORY_CHILD_DB"

// TestConsoleMemory runs the result-size attacks (querytest.
// ResultSizeAttacks) against a real server in a process of its own, its
// users' queries in workers as `policylens serve` runs them — the console
// page, then its CSV and JSON downloads read to the end, for each attack —
// and reads the peak resident set of the server (VmHWM) and of the
// largest worker: each must stay under 1 GB. Each answer must say that
// the result was cut or that the query needed too much memory (or time).
func TestConsoleMemory(t *testing.T) {
	out, kb := querytest.MeasureChild(t, memoryChildEnv+"="+querytest.SeedDB(t))
	worker := querytest.WorkerPeakKB(out)
	t.Logf("peak RSS through the attacks: server %d MB, largest query worker %d MB", kb>>10, worker>>10)
	if kb > 1<<20 {
		t.Errorf("server peak RSS %d MB, want under 1024 MB", kb>>10)
	}
	if worker <= 0 || worker > 1<<20 {
		t.Errorf("query worker peak RSS %d MB, want some, under 1024 MB", worker>>10)
	}
}

// memoryChild serves db, runs the attack and prints its findings; it
// returns the exit status.
func memoryChild(db string) int {
	fail := func(format string, args ...any) int {
		fmt.Printf("FAIL: "+format+"\n", args...)
		return 1
	}
	store, err := queries.OpenStore(context.Background(), db)
	if err != nil {
		return fail("%v", err)
	}
	defer store.Close()
	exe, err := os.Executable()
	if err != nil {
		return fail("%v", err)
	}
	store.UseWorker(queries.SandboxWorker{Path: exe})
	app := dashboard.New(dashboard.Options{Store: store})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fail("%v", err)
	}
	go app.Listener(ln)
	defer app.Shutdown()
	base := "http://" + ln.Addr().String()

	for _, query := range querytest.ResultSizeAttacks {
		resp, err := http.Get(base + "/sql?" + url.Values{"q": {query}}.Encode())
		if err != nil {
			return fail("console %s: %v", query, err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		cut := strings.Contains(string(page), "data-result") && strings.Contains(string(page), "截断")
		// Computing the value may take longer than the console waits, on
		// a busy machine: a query stopped is bounded too.
		stopped := strings.Contains(string(page), "内存不足") || strings.Contains(string(page), "查询超时")
		if resp.StatusCode != 200 || !cut && !stopped {
			_, detail, _ := strings.Cut(string(page), `data-error=`)
			return fail("console %s: status %d, neither a cut result nor out of memory said: %.600s", query, resp.StatusCode, detail)
		}
		fmt.Printf("%s\n  console page: %d bytes, cut %v\n", query, len(page), cut)
		for _, kind := range []string{"csv", "json"} {
			resp, err := http.Get(base + "/sql." + kind + "?" + url.Values{"q": {query}}.Encode())
			if err != nil {
				return fail("%s %s: %v", kind, query, err)
			}
			if resp.StatusCode == 400 {
				msg, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if !strings.Contains(string(msg), "内存不足") && !strings.Contains(string(msg), "查询超时") {
					return fail("%s %s: 400 %q", kind, query, msg[max(0, len(msg)-1500):])
				}
				fmt.Printf("  %s download: out of memory or time said\n", kind)
				continue
			}
			n, last := int64(0), ""
			sc := bufio.NewScanner(resp.Body)
			sc.Buffer(make([]byte, 4<<20), 4<<20)
			for sc.Scan() {
				n += int64(len(sc.Bytes())) + 1
				if len(sc.Bytes()) < 1000 && len(sc.Bytes()) > 2 {
					last = sc.Text()
				}
			}
			resp.Body.Close()
			if resp.StatusCode != 200 || sc.Err() != nil || !strings.Contains(last, "截断") {
				return fail("%s %s: status %d, %v, last short line %q", kind, query, resp.StatusCode, sc.Err(), last)
			}
			fmt.Printf("  %s download: %d MB, ends %q\n", kind, n>>20, last)
		}
	}
	if err := querytest.ReportPeak(); err != nil {
		return fail("%v", err)
	}
	return 0
}
