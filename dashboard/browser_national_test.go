package dashboard_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

var (
	nationalOnce  sync.Once
	nationalStore *queries.Store
	nationalErr   error
)

// startNational serves the dashboard over querytest.NationalDB: 300
// synthetic notices from all 31 provinces and some cities and counties.
func startNational(t *testing.T) string {
	t.Helper()
	path := querytest.NationalDB(t)
	nationalOnce.Do(func() {
		nationalStore, nationalErr = queries.OpenStore(context.Background(), path)
	})
	if nationalErr != nil {
		t.Fatal(nationalErr)
	}
	return serve(t, nationalStore)
}

// nationalPages are the chart pages checked at 31 provinces, with the
// charts each must draw.
var nationalPages = map[string][]string{
	"/":                        {"overview-heatmap", "overview-tokens"},
	"/themes":                  {"themes-heatmap", "themes-province", "themes-radar", "themes-residual", "themes-trend", "themes-map"},
	"/themes?theme=anti_fraud": {"themes-trend", "themes-map"},
	"/terms":                   {"terms-a", "terms-b", "terms-cloud-a", "terms-cloud-b", "terms-keyness", "terms-network"},
	"/terms?term=5G":           {"term-usage", "term-provinces"},
	// Small selections must not stretch.
	"/themes?province=山东省": {"themes-heatmap", "themes-province", "themes-radar", "themes-residual", "themes-trend", "themes-map"},
	"/?level=city":         {"overview-heatmap", "overview-tokens"},
	"/sql?q=select+province%2C+count(*)+as+documents%2C+sum(tokens)+as+tokens+from+documents+group+by+province": {"sql-result"},
}

// chartLayout is what inspectCharts measures of one chart as drawn.
type chartLayout struct {
	Name    string   `json:"name"`
	Types   string   `json:"types"`   // series types, comma-separated
	Points  int      `json:"points"`  // data items of all series
	Height  float64  `json:"height"`  // the container's height
	Bottom  float64  `json:"bottom"`  // lowest drawn pixel
	Overlap []string `json:"overlap"` // pairs of texts whose boxes intersect
	Axes    []struct {
		Axis       string  `json:"axis"`
		Categories int     `json:"categories"`
		Labels     int     `json:"labels"` // labels drawn (not hidden)
		Band       float64 `json:"band"`   // pixels per category
		Horizontal bool    `json:"horizontal"`
	} `json:"axes"`
	Legend struct {
		Height       float64 `json:"height"`
		OverlapsPlot bool    `json:"overlapsPlot"`
	} `json:"legend"`
}

// inspectCharts measures every chart of the open page from what ECharts
// drew: the boxes of every visible text (axis labels, cell labels, legend,
// visual map), each category axis's labels, the legend's box against the
// plot's, and the lowest pixel drawn.
const inspectCharts = `(() => {
  const out = [];
  const visible = e => { for (let x = e; x; x = x.parent || x.__hostTarget) { if (x.ignore || x.invisible) return false; } return true; };
  // The box of an element on the canvas, cut to its clip paths (a
  // scrolling legend clips the entries of its other pages).
  const box = e => {
    const r = e.getBoundingRect().clone();
    if (e.transform) r.applyTransform(e.transform);
    (e.__clipPaths || []).forEach(cp => {
      const c = cp.getBoundingRect().clone();
      if (cp.transform) c.applyTransform(cp.transform);
      const x = Math.max(r.x, c.x), y = Math.max(r.y, c.y);
      r.width = Math.min(r.x + r.width, c.x + c.width) - x;
      r.height = Math.min(r.y + r.height, c.y + c.height) - y;
      r.x = x; r.y = y;
    });
    return r;
  };
  const meet = (a, b) => a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height;
  document.querySelectorAll('[data-chart]').forEach(el => {
    const inst = window.echarts && echarts.getInstanceByDom(el);
    if (!inst) { out.push({name: el.dataset.chart, points: -1}); return; }
    const m = inst.getModel();
    const opt = inst.getOption();
    const types = (opt.series || []).map(s => s.type);
    let points = 0;
    (opt.series || []).forEach(s => { points += (s.data || []).length; });
    const texts = [];
    let bottom = 0;
    inst.getZr().storage.getDisplayList(true).forEach(d => {
      if (!visible(d)) return;
      const r = box(d);
      if (r.height > 0 && r.width > 0) bottom = Math.max(bottom, r.y + r.height);
      if (r.width > 0 && r.height > 0 && d.type === 'tspan' && String(d.style.text || '').trim() !== '') texts.push({t: d.style.text, r: r, owner: d.parent});
    });
    const overlap = [];
    if (!types.some(t => t === 'graph' || t === 'wordCloud')) {
      for (let i = 0; i < texts.length && overlap.length < 5; i++) {
        for (let j = i + 1; j < texts.length && overlap.length < 5; j++) {
          if (texts[i].owner !== texts[j].owner && meet(texts[i].r, texts[j].r)) overlap.push(texts[i].t + ' × ' + texts[j].t);
        }
      }
    }
    const axes = [];
    ['xAxis', 'yAxis'].forEach(kind => {
      m.eachComponent(kind, a => {
        if (a.get('type') !== 'category' || !a.axis) return;
        const view = inst.getViewOfComponentModel(a);
        let labels = 0;
        view && view.group.traverse(e => { if (e.anid && String(e.anid).startsWith('label_') && visible(e)) labels++; });
        axes.push({axis: kind + a.componentIndex + (a.get('position') ? ':' + a.get('position') : ''),
          categories: a.getCategories().length, labels: labels, band: a.axis.getBandWidth(), horizontal: a.axis.isHorizontal()});
      });
    });
    const legend = {height: 0, overlapsPlot: false};
    const lg = m.getComponent('legend');
    if (lg && lg.get('show') !== false) {
      const v = inst.getViewOfComponentModel(lg);
      const r = v.group.getBoundingRect().clone();
      if (v.group.transform) r.applyTransform(v.group.transform);
      legend.height = r.height;
      const plots = [];
      m.eachComponent('grid', g => g.coordinateSystem && plots.push(g.coordinateSystem.getRect()));
      m.eachComponent('radar', rd => { const c = rd.coordinateSystem; c && plots.push({x: c.cx - c.r, y: c.cy - c.r, width: 2 * c.r, height: 2 * c.r}); });
      legend.overlapsPlot = plots.some(p => meet(p, r));
    }
    out.push({name: el.dataset.chart, types: types.join(','), points: points, height: el.clientHeight,
      bottom: bottom, overlap: overlap, axes: axes, legend: legend});
  });
  return JSON.stringify(out);
})()`

// Bounds of a readable chart at 31 provinces.
const (
	maxChartHeight = 1400 // px: a chart taller than this is a wall, not a chart
	maxBottomSlack = 60   // px of empty box below the lowest thing drawn
	maxBand        = 60   // px per category: more is a stretched chart
	maxLegend      = 40   // px: a taller legend wraps instead of scrolling
)

// TestBrowserReadableAtNationalScale opens every chart page over a corpus
// of all 31 provinces in Chromium and checks, from the boxes ECharts drew,
// that each chart is readable: drawn with data; no two texts overlapping;
// every category of an axis labelled; a legend of one line that leaves the
// plot alone; and a height that fits its rows.
func TestBrowserReadableAtNationalScale(t *testing.T) {
	b := newBrowser(t)
	base := startNational(t)
	for page, want := range nationalPages {
		b.open(t, base+page)
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](inspectCharts))
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		var got []chartLayout
		if err := json.Unmarshal([]byte(raw), &got); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		byName := map[string]chartLayout{}
		for _, c := range got {
			byName[c.Name] = c
		}
		for _, name := range want {
			if _, ok := byName[name]; !ok {
				t.Errorf("%s: no chart %s", page, name)
			}
		}
		for _, c := range got {
			for _, p := range checkLayout(c) {
				t.Errorf("%s: %s: %s", page, c.Name, p)
			}
		}
		_, errs := b.take()
		for _, e := range errs {
			t.Errorf("%s: %s", page, e)
		}
	}
}

// checkLayout lists what makes a chart hard to read.
func checkLayout(c chartLayout) []string {
	var out []string
	if c.Points <= 0 {
		out = append(out, fmt.Sprintf("drawn without data (%d)", c.Points))
		return out
	}
	if len(c.Overlap) > 0 {
		out = append(out, "overlapping texts: "+strings.Join(c.Overlap, "; "))
	}
	for _, a := range c.Axes {
		if a.Labels < a.Categories {
			out = append(out, fmt.Sprintf("%s labels %d of %d categories", a.Axis, a.Labels, a.Categories))
		}
		if !a.Horizontal && a.Band > maxBand {
			out = append(out, fmt.Sprintf("%s stretched: %.0f px per category", a.Axis, a.Band))
		}
	}
	if c.Legend.Height > maxLegend {
		out = append(out, fmt.Sprintf("legend %.0f px tall (wraps instead of scrolling)", c.Legend.Height))
	}
	if c.Legend.OverlapsPlot {
		out = append(out, "legend covers the plot")
	}
	if c.Height > maxChartHeight {
		out = append(out, fmt.Sprintf("%.0f px tall (at most %d)", c.Height, maxChartHeight))
	}
	if slack := c.Height - c.Bottom; slack > maxBottomSlack && !strings.Contains(c.Types, "wordCloud") && !strings.Contains(c.Types, "graph") && !strings.Contains(c.Types, "map") {
		out = append(out, fmt.Sprintf("%.0f px empty below the drawing", slack))
	}
	return out
}

// TestIndicatorChartsOneLevelOneMeasure checks at 31 provinces that the
// indicator charts never mix place levels or measures: by default the
// highest level with figures and the most frequent measure; the level and
// measure links draw each of the others, alone.
func TestIndicatorChartsOneLevelOneMeasure(t *testing.T) {
	base := startNational(t)
	control := regexp.MustCompile(`(?s)<p class="muted" data-control="chart-level">(.*?)</p>`)
	link := regexp.MustCompile(`<a href="([^"]+)">([^<（]+)（`)
	check := func(path, wantLevel, wantMeasure string) {
		t.Helper()
		for _, chart := range []string{"indicators-years", "indicators-provinces"} {
			recs := pageCSV(t, base, path, "indicators", chart)
			if len(recs) < 2 {
				t.Errorf("%s %s: no rows", path, chart)
				continue
			}
			for _, rec := range recs[1:] {
				if rec[0] != wantLevel || (wantMeasure != "" && rec[4] != wantMeasure) || rec[4] != recs[1][4] {
					t.Errorf("%s %s: row %v, want level %s, measure %s and one measure", path, chart, rec, wantLevel, wantMeasure)
					break
				}
			}
		}
	}
	check("/indicators", "province", "")
	_, page, _ := get(t, base+"/indicators")
	m := control.FindStringSubmatch(page)
	if m == nil || !strings.Contains(m[1], "<b>省级") {
		t.Fatalf("no level choice with 省级 chosen: %v", m)
	}
	levels := map[string]string{"市级": "city", "县级": "county"}
	measures := map[string]string{"新增": "increment", "总量": "total", "比率": "rate"}
	n := 0
	for _, l := range link.FindAllStringSubmatch(m[1], -1) {
		href := html.UnescapeString(l[1])
		if lv, ok := levels[l[2]]; ok {
			check(href, lv, "")
			n++
		}
		if ms, ok := measures[l[2]]; ok {
			check(href, "province", ms)
			n++
		}
	}
	if n < 2 {
		t.Errorf("only %d other levels or measures offered: %s", n, m[1])
	}
}

// pageCSV fetches the CSV of a chart through its download link on the page.
func pageCSV(t *testing.T, base, path, page, chart string) [][]string {
	t.Helper()
	_, body, _ := get(t, base+path)
	m := regexp.MustCompile(`href="(/csv/` + page + `/` + chart + `[^"]*)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s: no CSV link for %s", path, chart)
	}
	status, text, _ := get(t, base+html.UnescapeString(m[1]))
	if status != 200 {
		t.Fatalf("%s: status %d", m[1], status)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", m[1], err)
	}
	return recs
}
