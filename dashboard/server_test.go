package dashboard_test

import (
	"context"
	"encoding/csv"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/policylens/policylens/dashboard"
	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

func TestMain(m *testing.M) {
	queries.RunSandboxWorkerIfAsked()
	if db := os.Getenv(memoryChildEnv); db != "" {
		os.Exit(memoryChild(db)) // the child process of TestConsoleMemory
	}
	code := m.Run()
	querytest.Cleanup()
	os.Exit(code)
}

// openStore opens the seed database read-only.
func openStore(t testing.TB) *queries.Store {
	t.Helper()
	store, err := queries.OpenStore(context.Background(), querytest.SeedDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// startServer serves the dashboard on a free port of 127.0.0.1 and returns
// its base URL.
func startServer(t testing.TB) string {
	t.Helper()
	return serve(t, openStore(t))
}

// serve serves the dashboard over store on a free port of 127.0.0.1.
func serve(t testing.TB, store *queries.Store) string {
	t.Helper()
	app := dashboard.New(dashboard.Options{Store: store, Logger: slog.New(slog.NewTextHandler(testLog{t}, nil))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { app.Shutdown() })
	return "http://" + ln.Addr().String()
}

func get(t *testing.T, u string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

// chartPages lists each page and the charts it must draw.
var chartPages = map[string][]string{
	"/":                                 {"overview-heatmap", "overview-tokens"},
	"/themes":                           {"themes-heatmap", "themes-province", "themes-radar", "themes-residual", "themes-trend", "themes-map"},
	"/terms":                            {"terms-a", "terms-b", "terms-cloud-a", "terms-cloud-b", "terms-keyness", "terms-network"},
	"/indicators":                       {"indicators-years", "indicators-provinces"},
	"/documents":                        nil,
	"/sql":                              nil,
	"/kwic?term=5G":                     nil,
	"/theme-sentences?theme=anti_fraud": nil,
	"/themes/edit":                      nil,
}

var scriptSrc = regexp.MustCompile(`<script[^>]*\ssrc="([^"]*)"`)

func TestPages(t *testing.T) {
	base := startServer(t)
	for path, charts := range chartPages {
		status, body, hdr := get(t, base+path)
		if status != 200 {
			t.Errorf("GET %s: status %d", path, status)
			continue
		}
		if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: content security policy %q", path, csp)
		}
		if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
			t.Errorf("GET %s: content type %q", path, ct)
		}
		for _, nav := range []string{"概览", "主题", "词语", "指标", "文档", "SQL 控制台"} {
			if !strings.Contains(body, ">"+nav+"</a>") {
				t.Errorf("GET %s: nav bar lacks %s", path, nav)
			}
		}
		for _, c := range charts {
			if !strings.Contains(body, `data-chart="`+c+`"`) {
				t.Errorf("GET %s: no chart %s", path, c)
			}
		}
		srcs := scriptSrc.FindAllStringSubmatch(body, -1)
		if len(srcs) == 0 {
			t.Errorf("GET %s: no script elements", path)
		}
		for _, m := range srcs {
			if !strings.HasPrefix(m[1], "/assets/") {
				t.Errorf("GET %s: script from %q, want /assets/", path, m[1])
			}
		}
		if strings.Contains(body, "https://") || strings.Contains(body, "go-echarts.github.io") {
			t.Errorf("GET %s: page refers to an outside address", path)
		}
	}
	status, js, hdr := get(t, base+"/assets/echarts.min.js")
	if status != 200 || len(js) < 500000 || !strings.Contains(hdr.Get("Content-Type"), "javascript") {
		t.Errorf("echarts.min.js: status %d, %d bytes, type %q", status, len(js), hdr.Get("Content-Type"))
	}
	for _, f := range []string{"app.js", "style.css", "LICENSE-echarts.txt", "NOTICE-echarts.txt"} {
		if status, _, _ := get(t, base+"/assets/"+f); status != 200 {
			t.Errorf("/assets/%s: status %d", f, status)
		}
	}
}

func TestErrors(t *testing.T) {
	base := startServer(t)
	for path, want := range map[string]int{
		"/no-such-page":         404,
		"/documents/99999999":   404,
		"/documents/abc":        400,
		"/csv/themes/no-chart":  404,
		"/csv/no-page/whatever": 404,
	} {
		status, body, _ := get(t, base+path)
		if status != want {
			t.Errorf("GET %s: status %d, want %d", path, status, want)
		}
		if !strings.Contains(body, `role="alert"`) || !strings.Contains(body, "概览") {
			t.Errorf("GET %s: no error page with nav", path)
		}
	}
}

// TestReflectedInputIsEscaped sends markup in every parameter a page shows.
func TestReflectedInputIsEscaped(t *testing.T) {
	base := startServer(t)
	evil := `<script>alert(1)</script>"'`
	for _, path := range []string{
		"/terms?" + url.Values{"term": {evil}, "a": {"province:" + evil}, "b": {"year:" + evil}}.Encode(),
		"/indicators?" + url.Values{"metric": {evil}}.Encode(),
		"/documents?" + url.Values{"province": {evil}, "type": {evil}, "sort": {evil}}.Encode(),
		"/themes?" + url.Values{"theme": {evil}, "level": {evil}}.Encode(),
		"/sql?" + url.Values{"q": {"select '" + evil + "' as x"}}.Encode(),
	} {
		status, body, _ := get(t, base+path)
		if status != 200 && status != 400 {
			t.Errorf("GET %s: status %d", path, status)
		}
		if strings.Contains(body, "<script>alert") {
			t.Errorf("GET %s: markup from the URL reached the page unescaped", path)
		}
	}
}

// TestThemeSentences checks the drill-down from a themes cell: sentences
// with the theme's keywords marked.
func TestThemeSentences(t *testing.T) {
	base := startServer(t)
	_, page, _ := get(t, base+"/themes")
	if !strings.Contains(page, "/theme-sentences?") {
		t.Error("themes charts do not link to their sentences")
	}
	store := openStore(t)
	db, release, err := store.DB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	themes, err := queries.Themes(context.Background(), db)
	release()
	if err != nil || len(themes) == 0 {
		t.Fatalf("themes: %v", err)
	}
	marked := 0
	for _, th := range themes {
		status, body, _ := get(t, base+"/theme-sentences?"+url.Values{"theme": {th.Theme}}.Encode())
		if status != 200 || !strings.Contains(body, th.Label) {
			t.Errorf("theme %s: status %d", th.Theme, status)
		}
		marked += strings.Count(body, "<mark>")
	}
	if marked == 0 {
		t.Error("no theme sentence has a marked keyword")
	}
}

func TestDocuments(t *testing.T) {
	base := startServer(t)
	_, list, _ := get(t, base+"/documents")
	links := regexp.MustCompile(`href="(/documents/\d+)"`).FindAllStringSubmatch(list, -1)
	if len(links) == 0 {
		t.Fatal("document list links to no reader")
	}
	marked := 0
	for _, l := range links {
		status, body, _ := get(t, base+l[1])
		if status != 200 {
			t.Errorf("GET %s: status %d", l[1], status)
			continue
		}
		if !strings.Contains(body, `id="s-0"`) {
			t.Errorf("GET %s: no sentence anchors", l[1])
		}
		marks := regexp.MustCompile(`<mark class="(achievement|target|other)" data-indicator="\d+" title="[^"]+">`).FindAllString(body, -1)
		marked += len(marks)
	}
	if marked == 0 {
		t.Error("no reader highlights any indicator")
	}
	// The reader of the reprinted seed lists the reprint as its copy.
	copies := 0
	for _, l := range links {
		if _, body, _ := get(t, base+l[1]); strings.Contains(body, "转载副本") && strings.Contains(body, querytest.ReprintPath) {
			copies++
		}
	}
	if copies != 1 {
		t.Errorf("%d readers list the reprint %s as a copy, want 1", copies, querytest.ReprintPath)
	}
	// The theme filter keeps the documents with hits of the theme.
	store := openStore(t)
	db, release, err := store.DB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	themes, err := queries.Themes(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range themes {
		want, _, err := queries.Documents(context.Background(), db, queries.Filter{Theme: th.Theme}, queries.DocList{})
		if err != nil {
			t.Fatal(err)
		}
		_, page, _ := get(t, base+"/documents?"+url.Values{"has_theme": {th.Theme}}.Encode())
		if n := len(regexp.MustCompile(`href="/documents/\d+"`).FindAllString(page, -1)); n != len(want) {
			t.Errorf("has_theme=%s: %d documents listed, %d have hits", th.Theme, n, len(want))
		}
	}
	// Filtering by a province narrows the list.
	_, one, _ := get(t, base+"/documents?"+url.Values{"province": {"浙江省"}}.Encode())
	n := len(regexp.MustCompile(`href="/documents/\d+"`).FindAllString(one, -1))
	if n == 0 || n >= len(links) {
		t.Errorf("province filter: %d documents of %d", n, len(links))
	}
}

func TestChartCSV(t *testing.T) {
	base := startServer(t)
	_, page, _ := get(t, base+"/themes")
	m := regexp.MustCompile(`href="(/csv/themes/themes-heatmap[^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("themes page has no CSV link for its heatmap")
	}
	status, body, hdr := get(t, base+html.UnescapeString(m[1]))
	if status != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: status %d type %q", status, hdr.Get("Content-Type"))
	}
	if !strings.HasPrefix(body, "\uFEFF") {
		t.Error("CSV: no byte-order mark (Excel would not read it as UTF-8)")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 || strings.Join(recs[0], ",") != "province,theme,label,documents,hits,tokens,per_10k,expected,residual" {
		t.Errorf("CSV: %d records, header %v", len(recs), recs[0])
	}
}

// formToken reads the CSRF token from the form of the page at u.
func formToken(t *testing.T, u string) string {
	t.Helper()
	_, body, _ := get(t, u)
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]{64})"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s: no CSRF token in the form", u)
	}
	return m[1]
}

func postSQL(t *testing.T, base, q string) (int, string) {
	t.Helper()
	resp, err := http.PostForm(base+"/sql", url.Values{"q": {q}, "csrf": {formToken(t, base+"/sql")}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestConsoleRefuses(t *testing.T) {
	base := startServer(t)
	for _, q := range []string{
		"create table x(a int)",
		"insert into documents select * from documents",
		"COPY (select 1) TO '/tmp/policylens-console-x'",
		"select * from read_text('/etc/passwd')",
		"select * from read_csv('/etc/passwd')",
		"ATTACH '/tmp/policylens-console.duckdb' AS x",
	} {
		status, body := postSQL(t, base, q)
		if status != 200 {
			t.Errorf("%q: status %d, want the console page (200) with the error in it", q, status)
		}
		if !strings.Contains(body, `data-error`) || !strings.Contains(body, "查询") {
			t.Errorf("%q: no visible error", q)
		}
		if strings.Contains(body, "root:") {
			t.Errorf("%q: page shows file contents", q)
		}
	}
	if _, err := os.Stat("/tmp/policylens-console-x"); err == nil {
		t.Error("COPY wrote a file")
	}
}

func TestConsoleRuns(t *testing.T) {
	base := startServer(t)
	status, body := postSQL(t, base, "select province, count(*) as n from documents group by province order by province")
	if status != 200 || !strings.Contains(body, "data-result") || !strings.Contains(body, "<td>浙江省</td>") {
		t.Fatalf("good query: status %d, no result table", status)
	}
	if !strings.Contains(body, `data-chart="sql-result"`) {
		t.Error("good query: no result chart")
	}
	m := regexp.MustCompile(`href="(/sql\.csv\?[^"]*)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no CSV download link")
	}
	status, csvBody, _ := get(t, base+html.UnescapeString(m[1]))
	csvBody, bom := strings.CutPrefix(csvBody, "\uFEFF")
	if !bom {
		t.Error("CSV download has no byte order mark (Excel reads it as ANSI)")
	}
	recs, err := csv.NewReader(strings.NewReader(csvBody)).ReadAll()
	if status != 200 || err != nil || len(recs) < 2 || recs[0][0] != "province" || recs[0][1] != "n" {
		t.Errorf("CSV download: status %d, %v, %q", status, err, csvBody)
	}
	// A refused query through the download link is an error too.
	status, _, _ = get(t, base+"/sql.csv?"+url.Values{"q": {"create table y(a int)"}}.Encode())
	if status != 400 {
		t.Errorf("refused download: status %d", status)
	}
}

// testLog sends the server's log to the test's log, so that an internal
// error shows next to the failure it causes.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// TestEmptyDatabase serves a database loaded from an empty folder: every
// page still renders, with nothing to show.
func TestEmptyDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "empty.duckdb")
	if err := os.Mkdir(filepath.Join(dir, "notices"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := loader.Load(context.Background(), loader.Options{DataDir: filepath.Join(dir, "notices"), DBPath: db}); err != nil {
		t.Fatal(err)
	}
	store, err := queries.OpenStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	base := serve(t, store)
	for path := range chartPages {
		if status, _, _ := get(t, base+path); status != 200 {
			t.Errorf("empty database: GET %s: status %d", path, status)
		}
	}
	for _, path := range []string{"/terms?term=5G", "/indicators?metric=5G基站", "/themes?theme=anti_fraud"} {
		if status, _, _ := get(t, base+path); status != 200 {
			t.Errorf("empty database: GET %s: status %d", path, status)
		}
	}
	if err := dashboard.Export(context.Background(), store, filepath.Join(dir, "site")); err != nil {
		t.Errorf("empty database: export: %v", err)
	}
}

// TestExportLinks writes the static site and checks that every link and
// script in it points to a file of the site: no dead link, nothing
// outside.
func TestExportLinks(t *testing.T) {
	dir := t.TempDir()
	if err := dashboard.Export(context.Background(), openStore(t), dir); err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages: %v", err)
	}
	ref := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	jsLink := regexp.MustCompile(`"((?:document|documents|indicators|themes|terms|index)[-\w]*\.html)(?:#[\w-]*)?"`)
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		body := string(b)
		if strings.Contains(body, `href="/`) || strings.Contains(body, `src="/`) {
			t.Errorf("%s: absolute link in the static site", filepath.Base(p))
		}
		var targets []string
		for _, m := range ref.FindAllStringSubmatch(body, -1) {
			targets = append(targets, html.UnescapeString(m[1]))
		}
		for _, m := range jsLink.FindAllStringSubmatch(body, -1) { // chart links
			targets = append(targets, m[1])
		}
		for _, target := range targets {
			if strings.HasPrefix(target, "#") || strings.HasPrefix(target, "data:") {
				continue
			}
			if strings.Contains(target, "://") {
				t.Errorf("%s: link leaves the site: %s", filepath.Base(p), target)
				continue
			}
			file, _, _ := strings.Cut(target, "#")
			if _, err := os.Stat(filepath.Join(dir, file)); err != nil {
				t.Errorf("%s: dead link %s", filepath.Base(p), target)
			}
		}
	}
}
