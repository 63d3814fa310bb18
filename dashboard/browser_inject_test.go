package dashboard_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/policylens/policylens/dashboard"
	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

// hostileLabels are theme labels (editable from the dashboard) that tried
// to become code: the old chart code unwrapped "__f__" markers by text
// replacement over the whole option, and a label can try to close the
// script element the option sits in.
var hostileLabels = []string{
	`"__f__",alert(1),1__f__`,
	`</script><script>alert(2)</script><i-x>`,
	`<!--<script>alert(3)</script>`,
	`__f__policylens.wan__f__`,
}

// hostileThemesDB loads the seeds with a theme file whose labels are
// hostileLabels, each with keywords the seeds hit.
func hostileThemesDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	notices := filepath.Join(dir, "notices")
	res := filepath.Join(dir, "res")
	for _, d := range []string{notices, res} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	seeds, _ := filepath.Glob(filepath.Join(querytest.SeedDir(), "*.txt"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(notices, filepath.Base(s)), b, 0o644)
	}
	keywords := []string{"[5G, 基站]", "[反诈, 诈骗]", "[算力, 数据中心]", "[党建, 党员]"}
	var y strings.Builder
	y.WriteString("themes:\n")
	for i, l := range hostileLabels {
		y.WriteString("  - id: evil_" + string(rune('a'+i)) + "\n    label: '" + strings.ReplaceAll(l, "'", "''") + "'\n    keywords: " + keywords[i] + "\n")
	}
	if err := os.WriteFile(filepath.Join(res, "themes.yaml"), []byte(y.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "evil.duckdb")
	if _, err := loader.Load(context.Background(), loader.Options{DataDir: notices, DBPath: db, ResourcesDir: res}); err != nil {
		t.Fatal(err)
	}
	return db
}

// pageProbe is what TestBrowserChartOptionsAreData reads from a page.
type pageProbe struct {
	Text    string   `json:"text"`
	Axis    []string `json:"axis"`
	Tip     string   `json:"tip"`
	Foreign int      `json:"foreign"`
	CSP     []string `json:"csp"`
}

// cspWatch records, in every page the tab opens, the Content-Security-
// Policy violations the page reports.
const cspWatch = `window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));`

// TestBrowserChartOptionsAreData opens the themes page (served, and the
// static export from file://) over a database whose theme labels are
// script: no script may run (no dialog opens), no CSP violation may be
// reported, the charts must draw, and the labels must show as text in the
// page, in the chart and in a tooltip.
func TestBrowserChartOptionsAreData(t *testing.T) {
	b := newBrowser(t)
	store, err := queries.OpenStore(context.Background(), hostileThemesDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	base := serve(t, store)
	site := t.TempDir()
	if err := dashboard.Export(context.Background(), store, site); err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	var dialogs []string
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, e.Message)
			mu.Unlock()
			go chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspWatch}); err != nil {
		t.Fatal(err)
	}

	for _, u := range []string{base + "/themes", base + "/", base + "/documents/1", "file://" + filepath.Join(site, "themes.html")} {
		counts := b.open(t, u)
		if n := counts["themes-heatmap"]; strings.HasSuffix(u, "themes") || strings.HasSuffix(u, "themes.html") {
			if n <= 0 {
				t.Errorf("%s: the heatmap was not drawn (%d points)", u, n)
			}
		}
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		res, err := chromedp.Run(ctx, chromedp.Evaluate[pageProbe](`(() => {
		  const out = {text: document.body.innerText, axis: [], tip: '', foreign: document.querySelectorAll('i-x').length, csp: []};
		  const el = document.querySelector('[data-chart="themes-heatmap"]');
		  const inst = el && echarts.getInstanceByDom(el);
		  if (inst) {
		    const o = inst.getOption();
		    out.axis = [].concat(o.xAxis[0].data || [], o.yAxis[0].data || []).map(String);
		    const data = inst.getOption().series[0].data;
		    const i = data.findIndex(d => d.value[2] > 0);
		    inst.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: i});
		    const tip = el.querySelector('.tip');
		    out.tip = tip ? tip.textContent : '(no tooltip)';
		  }
		  out.csp = window.__csp || [];
		  return out;
		})()`))
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if res.Foreign > 0 {
			t.Errorf("%s: a label became an element", u)
		}
		for _, v := range res.CSP {
			t.Errorf("%s: content security policy violation: %s", u, v)
		}
		if !strings.HasSuffix(u, "themes") && !strings.HasSuffix(u, "themes.html") {
			continue
		}
		for _, l := range hostileLabels {
			if !strings.Contains(res.Text, l) {
				t.Errorf("%s: label %q is not shown as text in the page", u, l)
			}
			found := false
			for _, a := range res.Axis {
				found = found || a == l
			}
			if !found {
				t.Errorf("%s: label %q is not a heatmap row or column (%q)", u, l, res.Axis)
			}
		}
		if !strings.Contains(res.Tip, "：") {
			t.Errorf("%s: the heatmap tooltip did not show: %q", u, res.Tip)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) > 0 {
		t.Errorf("script from theme labels ran: dialogs %q", dialogs)
	}
	_, errs := b.take()
	for _, e := range errs {
		t.Errorf("browser error: %s", e)
	}
}
