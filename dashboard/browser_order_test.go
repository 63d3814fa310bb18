package dashboard_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/policylens/policylens/loader/gazetteer"
)

// placeCharts are the charts whose categories are provinces, by page.
var placeCharts = map[string][]string{
	"/":              {"overview-heatmap", "overview-tokens"},
	"/themes":        {"themes-heatmap", "themes-residual"},
	"/terms?term=5G": {"term-provinces"},
}

// TestBrowserAdministrativeOrder checks that every chart with a row per
// province lists them in the administrative order analysts know (by
// division code: 北京市, 天津市, 河北省 … 新疆维吾尔自治区), not by the
// Unicode order of their names.
func TestBrowserAdministrativeOrder(t *testing.T) {
	b := newBrowser(t)
	base := startNational(t)
	rank := map[string]int{}
	for i, p := range gazetteer.Default().Provinces() {
		rank[p.Province] = i
	}
	const categories = `(name => {
	  const inst = echarts.getInstanceByDom(document.querySelector('[data-chart="' + name + '"]'));
	  const o = inst.getOption();
	  return [].concat(o.yAxis || [], o.xAxis || []).filter(a => a.type === 'category' && (a.data || []).some(c => /省|市|自治区/.test(c)))[0].data;
	})`
	for page, names := range placeCharts {
		b.open(t, base+page)
		for _, name := range names {
			ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](categories+`('`+name+`')`))
			cancel()
			if err != nil {
				t.Fatalf("%s %s: %v", page, name, err)
			}
			if len(got) != 31 {
				t.Errorf("%s %s: %d provinces, want 31", page, name, len(got))
			}
			for i := 1; i < len(got); i++ {
				if rank[got[i-1]] > rank[got[i]] {
					t.Errorf("%s %s: %s before %s, against the administrative order: %v", page, name, got[i-1], got[i], got)
					break
				}
			}
		}
	}
}
