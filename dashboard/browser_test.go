package dashboard_test

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/policylens/policylens/dashboard"
	"github.com/policylens/policylens/queries"
)

var (
	screenshot     = flag.String("screenshot", "", "write a PNG of a dashboard page to this file (TestScreenshot)")
	screenshotPage = flag.String("screenshot-page", "/themes", "the page TestScreenshot photographs")
	screenshotDB   = flag.String("screenshot-db", "", "photograph this database instead of one loaded from the seeds")
	screenshotFull = flag.Bool("screenshot-full", false, "photograph the whole page, not just the first 1400x1000 pixels")
)

const chromiumPath = "/usr/bin/chromium"

// browser is a headless Chromium tab that records every request and every
// console error of the pages it opens.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string
	errors   []string
}

// newBrowser starts Chromium with a fresh profile. Without Chromium the test
// is skipped loudly, and fails under CI=true.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		msg := fmt.Sprintf("\n!!!!!!!!\n!!! BROWSER TEST NOT RUN: no Chromium at %s (%v).\n!!! Install it (apt-get install chromium fonts-noto-cjk) to test what people see.\n!!!!!!!!", chromiumPath, err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("allow-file-access-from-files", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// Every action through b.ctx shares one deadline, so a page that never
	// answers fails the test instead of hanging it until go test's timeout.
	// The browser itself lives on ctx and is not cancelled by the deadline.
	actx, cancelActions := context.WithTimeout(ctx, browserTestBudget)
	t.Cleanup(cancelActions)
	b := &browser{ctx: actx}
	if err := chromedp.Listen(ctx, b.record); err != nil {
		t.Fatal(err)
	}
	return b
}

// browserTestBudget bounds the browser actions of one test.
const browserTestBudget = 4 * time.Minute

func (b *browser) record(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, e.Request.URL)
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			b.errors = append(b.errors, "console.error: "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		msg := e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
		b.errors = append(b.errors, "exception: "+msg)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			b.errors = append(b.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
		}
	}
}

// take returns and clears the recorded requests and errors.
func (b *browser) take() (requests, errors []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	requests, errors = b.requests, b.errors
	b.requests, b.errors = nil, nil
	return requests, errors
}

// chartData counts the data points of every chart on the open page, by its
// data-chart name; -1 when the element holds no ECharts instance or no
// canvas was drawn.
const chartData = `(() => {
  const out = {};
  document.querySelectorAll('[data-chart]').forEach(el => {
    const inst = window.echarts && echarts.getInstanceByDom(el);
    if (!inst || !el.querySelector('canvas')) { out[el.dataset.chart] = -1; return; }
    let n = 0;
    (inst.getOption().series || []).forEach(s => { n += (s.data || []).length; });
    out[el.dataset.chart] = n;
  });
  return out;
})()`

// open loads a page and returns its charts' data counts.
func (b *browser) open(t *testing.T, u string) map[string]int {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
	counts, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]int](chartData))
	if err != nil {
		t.Fatalf("charts of %s: %v", u, err)
	}
	return counts
}

// checkPage asserts that the page drew every chart it was expected to, with
// data, logged no error and fetched only from allowed.
func (b *browser) checkPage(t *testing.T, u string, want []string, allowed func(string) bool) map[string]int {
	t.Helper()
	counts := b.open(t, u)
	for _, name := range want {
		if _, ok := counts[name]; !ok {
			t.Errorf("%s: no chart %s (have %v)", u, name, counts)
		}
	}
	for name, n := range counts {
		if n <= 0 {
			t.Errorf("%s: chart %s holds no data (%d)", u, name, n)
		}
	}
	requests, errs := b.take()
	for _, e := range errs {
		t.Errorf("%s: %s", u, e)
	}
	for _, r := range requests {
		if !allowed(r) {
			t.Errorf("%s: request left the machine: %s", u, r)
		}
	}
	if len(requests) == 0 {
		t.Errorf("%s: no request recorded; the recorder is broken", u)
	}
	return counts
}

// localOnly allows requests to the test server (and in-page data: URLs).
func localOnly(base string) func(string) bool {
	return func(r string) bool {
		if strings.HasPrefix(r, "data:") || r == "about:blank" {
			return true
		}
		u, err := url.Parse(r)
		return err == nil && u.Hostname() == "127.0.0.1" && strings.HasPrefix(r, base+"/")
	}
}

func TestBrowserPages(t *testing.T) {
	b := newBrowser(t)
	base := startServer(t)
	allowed := localOnly(base)
	var paths []string
	for p := range chartPages {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		b.checkPage(t, base+p, chartPages[p], allowed)
	}
	// A console query with numbers draws its result.
	b.checkPage(t, base+"/sql?"+url.Values{"q": {"select province, count(*) as n from documents group by province"}}.Encode(), []string{"sql-result"}, allowed)
	// Every reader, through the list.
	b.open(t, base+"/documents")
	links, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('table[data-table=documents] a')].map(a => a.href)`))
	if err != nil || len(links) == 0 {
		t.Fatalf("document links: %v %v", links, err)
	}
	for _, l := range links {
		b.checkPage(t, l, nil, allowed)
		marks, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('article[data-reader] mark[data-indicator]').length`))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d highlighted indicators", l, marks)
	}
	// The SQL console in the browser: a refused write shows its error.
	b.take()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/sql"),
		chromedp.SetValue(chromedp.CSS("textarea[name=q]"), "create table x(a int)"),
		chromedp.Submit(chromedp.CSS("#console")),
		chromedp.WaitVisible(chromedp.CSS("[data-error]")),
	)
	if err != nil {
		t.Errorf("console in the browser: %v", err)
	}
}

// TestBrowserFilterAndDrillDown checks that a filter changes the charts and
// that clicking an indicator point opens its sentence.
func TestBrowserFilterAndDrillDown(t *testing.T) {
	b := newBrowser(t)
	base := startServer(t)
	all := b.checkPage(t, base+"/themes", nil, localOnly(base))
	one := b.checkPage(t, base+"/themes?"+url.Values{"province": {"山东省"}}.Encode(), nil, localOnly(base))
	if one["themes-heatmap"] >= all["themes-heatmap"] {
		t.Errorf("filter 山东省: heatmap keeps %d of %d cells", one["themes-heatmap"], all["themes-heatmap"])
	}

	// A heatmap cell leads to the sentences behind it.
	cell, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](`(() => {
	  const el = document.querySelector('[data-chart="themes-heatmap"]');
	  el.scrollIntoView();
	  const inst = echarts.getInstanceByDom(el);
	  const d = inst.getOption().series[0].data.find(d => d.value[2] > 0);
	  const p = inst.convertToPixel({seriesIndex: 0}, d.value.slice(0, 2));
	  const r = el.getBoundingClientRect();
	  return [r.left + p[0], r.top + p[1]];
	})()`))
	if err != nil || len(cell) != 2 {
		t.Fatalf("locate a heatmap cell: %v %v", cell, err)
	}
	cellCtx, cancelCell := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancelCell()
	if err := chromedp.Do(cellCtx, chromedp.MouseClickXY(cell[0], cell[1], chromedp.ButtonLeft)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(cellCtx, chromedp.WaitVisible(chromedp.CSS("table[data-table=sentences] mark"))); err != nil {
		t.Errorf("clicking a heatmap cell did not lead to marked sentences: %v", err)
	}
	b.take()

	// A key term leads to its use over years and its sentences.
	b.checkPage(t, base+"/terms", []string{"terms-keyness"}, localOnly(base))
	termLink, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('table[data-table=keyness] a').href`))
	if err != nil {
		t.Fatal(err)
	}
	b.checkPage(t, termLink, []string{"term-usage"}, localOnly(base))
	kwic, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('table[data-table=kwic] tr').length`))
	if err != nil || kwic == 0 {
		t.Errorf("%s: no concordance lines (%v)", termLink, err)
	}

	b.checkPage(t, base+"/indicators", []string{"indicators-years"}, localOnly(base))
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	// The CSV download holds one row per point of the chart.
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`(async () => {
	  const fig = document.getElementById('fig-indicators-years');
	  const text = await (await fetch(fig.querySelector('a.csv').href)).text();
	  const inst = echarts.getInstanceByDom(fig.querySelector('[data-chart]'));
	  let n = 0;
	  inst.getOption().series.forEach(s => { n += s.data.length; });
	  return [text.trim().split('\n').length - 1, n];
	})()`, chromedp.EvalAwaitPromise))
	if err != nil || len(rows) != 2 || rows[0] != rows[1] || rows[0] == 0 {
		t.Errorf("indicators-years: CSV rows vs chart points %v (%v)", rows, err)
	}
	// Where the first point of the first series is drawn, in page pixels.
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
	  const el = document.querySelector('[data-chart="indicators-years"]');
	  el.scrollIntoView();
	  const inst = echarts.getInstanceByDom(el);
	  const d = inst.getOption().series[0].data[0];
	  const p = inst.convertToPixel({seriesIndex: 0}, d.value);
	  const r = el.getBoundingClientRect();
	  return [r.left + p[0], r.top + p[1]];
	})()`))
	if err != nil || len(xy) != 2 {
		t.Fatalf("locate a point: %v %v", xy, err)
	}
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(xy[0], xy[1], chromedp.ButtonLeft)); err != nil {
		t.Fatal(err)
	}
	var loc string
	for i := 0; i < 100; i++ { // wait for the navigation the click starts
		loc, err = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err == nil && strings.Contains(loc, "/documents/") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(loc, "/documents/") || !strings.Contains(loc, "#s-") {
		t.Fatalf("clicking a point led to %q, want a sentence of a document", loc)
	}
	id := loc[strings.Index(loc, "#")+1:]
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("article[data-reader] mark[data-indicator]"))); err != nil {
		t.Fatal(err)
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.getElementById(`+fmt.Sprintf("%q", id)+`) && document.getElementById(`+fmt.Sprintf("%q", id)+`).querySelector('mark[data-indicator]') !== null`))
	if err != nil || !found {
		t.Errorf("%s: sentence %s with a highlighted figure not found (%v)", loc, id, err)
	}
}

// TestBrowserExport opens the static export from file:// and checks that
// every page draws its charts with no request beyond the export folder.
func TestBrowserExport(t *testing.T) {
	b := newBrowser(t)
	dir := t.TempDir()
	if err := dashboard.Export(context.Background(), openStore(t), dir); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(files) < 5 {
		t.Fatalf("export wrote %d pages (%v)", len(files), err)
	}
	for _, asset := range []string{"echarts.min.js", "app.js", "style.css", "LICENSE-echarts.txt"} {
		if _, err := os.Stat(filepath.Join(dir, "assets", asset)); err != nil {
			t.Errorf("export lacks assets/%s", asset)
		}
	}
	inDir := func(r string) bool {
		return strings.HasPrefix(r, "file://"+dir+"/") || strings.HasPrefix(r, "data:")
	}
	want := map[string][]string{
		"index.html":      {"overview-heatmap", "overview-tokens"},
		"themes.html":     {"themes-heatmap", "themes-province", "themes-radar", "themes-residual"},
		"terms.html":      {"terms-a", "terms-b", "terms-keyness", "terms-network"},
		"indicators.html": {"indicators-years", "indicators-provinces"},
		"documents.html":  nil,
	}
	// Every top page, and the first page of each kind with parameters
	// (documents-*.html, indicators-*.html, document-*.html ...): the
	// others are the same templates with other rows.
	kinds := map[string]bool{}
	for _, f := range files {
		name := filepath.Base(f)
		kind, _, hasParams := strings.Cut(strings.TrimSuffix(name, ".html"), "-")
		if hasParams && kinds[kind] {
			continue
		}
		if hasParams {
			kinds[kind] = true
		}
		b.checkPage(t, "file://"+f, want[name], inDir)
		delete(want, name)
	}
	for name := range want {
		t.Errorf("export lacks %s", name)
	}
	csvs, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(csvs) == 0 {
		t.Error("export wrote no chart data")
	}
}

// TestScreenshot writes a PNG of a page (the themes page unless
// -screenshot-page says otherwise) for the README when run with
// -screenshot=FILE.
func TestScreenshot(t *testing.T) {
	if *screenshot == "" {
		t.Skip("run with -screenshot=FILE to write a picture of the themes page")
	}
	b := newBrowser(t)
	var base string
	if *screenshotDB != "" {
		store, err := queries.OpenStore(context.Background(), *screenshotDB)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { store.Close() })
		base = serve(t, store)
	} else {
		base = startServer(t)
	}
	b.checkPage(t, base+*screenshotPage, nil, localOnly(base))
	shot := chromedp.CaptureScreenshot()
	if *screenshotFull {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(b.ctx, shot)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(*screenshot), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
