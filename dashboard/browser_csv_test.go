package dashboard_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserEveryChartMatchesItsCSV opens every page in Chromium and, for
// each chart on it, compares the number of values the chart draws with the
// number of data rows its CSV download holds: the download is the chart's
// data, not an approximation of it.
func TestBrowserEveryChartMatchesItsCSV(t *testing.T) {
	b := newBrowser(t)
	base := startServer(t)
	var paths []string
	for p, charts := range chartPages {
		if len(charts) > 0 {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	// Values drawn per chart: data items that are not empty or NaN (a map
	// lists every region, with NaN where the chart has no value).
	const drawn = `(() => {
	  const out = {};
	  document.querySelectorAll('figure.chart').forEach(fig => {
	    const el = fig.querySelector('[data-chart]');
	    const inst = el && window.echarts && echarts.getInstanceByDom(el);
	    const a = fig.querySelector('a.csv');
	    if (!inst || !a) return;
	    let n = 0;
	    (inst.getOption().series || []).forEach(s => {
	      const data = s.type === 'graph' ? (s.links || s.edges || []).concat(s.data || []) : (s.data || []);
	      data.forEach(d => {
	        let v = (d !== null && typeof d === 'object' && !Array.isArray(d)) ? d.value : d;
	        if (s.type === 'radar') { n += (v || []).length; return; }
	        if (Array.isArray(v)) v = v[v.length - 1];
	        if (v === null || v === undefined || v === '' || v === '-' || (typeof v === 'number' && isNaN(v))) return;
	        n++;
	      });
	    });
	    out[el.dataset.chart] = [String(n), a.href];
	  });
	  return out;
	})()`
	for _, p := range paths {
		b.open(t, base+p)
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string][]string](drawn))
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, name := range chartPages[p] {
			c, ok := got[name]
			if !ok {
				t.Errorf("%s: chart %s has no CSV link or no drawing", p, name)
				continue
			}
			rows := csvDataRows(t, c[1])
			if c[0] != rows {
				t.Errorf("%s: chart %s draws %s values, its CSV holds %s rows", p, name, c[0], rows)
			}
		}
	}
}

// csvDataRows fetches a CSV download and counts its data rows.
func csvDataRows(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	recs, err := csv.NewReader(resp.Body).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: %v", u, err)
	}
	return strconv.Itoa(len(recs) - 1)
}

// TestBrowserFilterChangesEveryPage sets the filter bar to one province on
// every page with charts and checks that the charts change, and that the
// filter is kept in the URL the page links to.
func TestBrowserFilterChangesEveryPage(t *testing.T) {
	b := newBrowser(t)
	base := startServer(t)
	const series = `JSON.stringify([...document.querySelectorAll('[data-chart]')].map(el => {
	  const inst = window.echarts && echarts.getInstanceByDom(el);
	  return inst ? (inst.getOption().series || []).map(s => s.data) : null;
	}))`
	for p, charts := range chartPages {
		if len(charts) == 0 {
			continue
		}
		u, err := url.Parse(base + p)
		if err != nil {
			t.Fatal(err)
		}
		b.open(t, u.String())
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		all, err := chromedp.Run(ctx, chromedp.Evaluate[string](series))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("province", "福建省")
		u.RawQuery = q.Encode()
		b.open(t, u.String())
		ctx, cancel = context.WithTimeout(b.ctx, 30*time.Second)
		one, err := chromedp.Run(ctx, chromedp.Evaluate[string](series))
		kept, err2 := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll('select[name=province] option')].some(o => o.selected && o.value === '福建省')`))
		cancel()
		if err != nil || err2 != nil {
			t.Fatal(err, err2)
		}
		if one == all {
			t.Errorf("%s: filtering to 福建省 changed no chart", p)
		}
		if !kept {
			t.Errorf("%s: the filter bar does not show the chosen province", p)
		}
	}
	b.take()
}
