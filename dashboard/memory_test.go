package dashboard_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/policylens/policylens/dashboard"
	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

// hugeResult is the result-size attack: a gigabyte of text in 1,000 rows.
const hugeResult = "SELECT repeat('x', 1000000) AS x FROM range(1000)"

// memoryChildEnv names the database the child process serves.
const memoryChildEnv = "POLICYLENS_MEMORY_CHILD_DB"

// TestConsoleMemory runs the result-size attack against a real server in
// a process of its own — the console page, then its CSV and JSON
// downloads read to the end — and reads the process's peak resident set
// (VmHWM): it must stay under 1 GB. The answers must say the result was
// cut.
func TestConsoleMemory(t *testing.T) {
	_, kb := querytest.MeasureChild(t, memoryChildEnv+"="+querytest.SeedDB(t))
	t.Logf("peak RSS of the server through the attack: %d MB", kb>>10)
	if kb > 1<<20 {
		t.Errorf("peak RSS %d MB, want under 1024 MB", kb>>10)
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
	app := dashboard.New(dashboard.Options{Store: store})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fail("%v", err)
	}
	go app.Listener(ln)
	defer app.Shutdown()
	base := "http://" + ln.Addr().String()

	resp, err := http.Get(base + "/sql?" + url.Values{"q": {hugeResult}}.Encode())
	if err != nil {
		return fail("console: %v", err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "data-result") || !strings.Contains(string(page), "data-cell-cut") {
		return fail("console: status %d, no result or no cut cell said", resp.StatusCode)
	}
	fmt.Printf("console page: %d bytes\n", len(page))
	for _, kind := range []string{"csv", "json"} {
		resp, err := http.Get(base + "/sql." + kind + "?" + url.Values{"q": {hugeResult}}.Encode())
		if err != nil {
			return fail("%s: %v", kind, err)
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
			return fail("%s: status %d, %v, last short line %q", kind, resp.StatusCode, sc.Err(), last)
		}
		fmt.Printf("%s download: %d MB, ends %q\n", kind, n>>20, last)
	}
	if err := querytest.ReportPeak(); err != nil {
		return fail("%v", err)
	}
	return 0
}
