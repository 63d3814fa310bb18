package dashboard_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// chartImage is what imagesOfCharts finds of one chart's PNG and SVG.
type chartImage struct {
	Name      string `json:"name"`
	PNG       []int  `json:"png"`       // width, height from the IHDR chunk; nil when not a PNG
	Box       []int  `json:"box"`       // the chart's width, height on screen
	SVG       bool   `json:"svg"`       // the SVG is an <svg> of the chart's size
	SVGTexts  int    `json:"svgTexts"`  // <text> elements in the SVG
	DrawnText int    `json:"drawnText"` // texts drawn on the canvas
	Links     int    `json:"links"`     // PNG and SVG links beside the chart
}

// imagesOfCharts makes the PNG and the SVG of every chart of the open page
// with policylens.image, the function behind the download links, and
// describes them.
const imagesOfCharts = `(async () => {
  const out = [];
  for (const el of document.querySelectorAll('[data-chart]')) {
    const inst = echarts.getInstanceByDom(el);
    if (!inst) continue;
    const fig = el.closest('figure');
    const links = fig ? fig.querySelectorAll('a[data-image][data-chart-id="' + el.id + '"]').length : 0;
    const png = new DataView(await (await policylens.image(el.id, 'png')).arrayBuffer());
    const isPNG = png.byteLength > 24 && png.getUint32(0) === 0x89504e47 && png.getUint32(12) === 0x49484452;
    const svg = await (await policylens.image(el.id, 'svg')).text();
    // Read as text: a DOMParser document would apply the page's CSP to
    // the SVG's style attributes.
    const root = /^<svg[^>]*\swidth="([0-9.]+)"/.exec(svg);
    const drawn = inst.getZr().storage.getDisplayList(true).filter(d => d.type === 'tspan' && !d.ignore && !d.invisible && String(d.style.text || '').trim() !== '').length;
    out.push({name: el.dataset.chart,
      png: isPNG ? [png.getUint32(16), png.getUint32(20)] : null,
      box: [el.clientWidth, el.clientHeight],
      svg: !!root && Math.round(parseFloat(root[1])) === el.clientWidth,
      svgTexts: (svg.match(/<text[\s>]/g) || []).length,
      drawnText: drawn,
      links: links});
  }
  return JSON.stringify(out);
})()`

// TestBrowserChartImages checks the PNG and SVG downloads of every chart of
// every page at 31 provinces: each chart has both links; the PNG is the
// chart at twice its size; the SVG is the chart at its size with the texts
// the screen shows (a word cloud's words included). A click on a link
// saves the file.
func TestBrowserChartImages(t *testing.T) {
	b := newBrowser(t)
	base := startNational(t)
	var pages []string
	for p := range nationalPages {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	pages = append(pages, "/sql?q=select+province%2C+count(*)+as+n+from+documents+group+by+province")
	seen := 0
	for _, p := range pages {
		b.open(t, base+p)
		ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
		if p == "/terms" {
			time.Sleep(2 * time.Second) // the word clouds place their words one by one
		}
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](imagesOfCharts, chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var imgs []chartImage
		if err := json.Unmarshal([]byte(raw), &imgs); err != nil {
			t.Fatal(err)
		}
		for _, c := range imgs {
			seen++
			if c.Links != 2 && c.Name != "sql-result" {
				t.Errorf("%s %s: %d image links, want PNG and SVG", p, c.Name, c.Links)
			}
			if len(c.PNG) != 2 || c.PNG[0] != 2*c.Box[0] || c.PNG[1] != 2*c.Box[1] {
				t.Errorf("%s %s: PNG %v for a chart of %v", p, c.Name, c.PNG, c.Box)
			}
			if !c.SVG {
				t.Errorf("%s %s: not an SVG of the chart's size", p, c.Name)
			}
			if c.SVGTexts < c.DrawnText*9/10 || c.DrawnText == 0 {
				t.Errorf("%s %s: the SVG holds %d texts, the screen %d", p, c.Name, c.SVGTexts, c.DrawnText)
			}
		}
		_, errs := b.take()
		for _, e := range errs {
			t.Errorf("%s: %s", p, e)
		}
	}
	if seen < 12 {
		t.Errorf("only %d charts checked", seen)
	}

	// The link saves the file.
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
		return chromedp.Void{}, err
	})); err != nil {
		t.Fatal(err)
	}
	b.open(t, base+"/")
	for _, kind := range []string{"png", "svg"} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#fig-overview-heatmap a[data-image=`+kind+`]`))); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "overview-heatmap."+kind)
		var info os.FileInfo
		for i := 0; i < 100; i++ {
			if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
				info = fi
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if info == nil {
			files, _ := os.ReadDir(dir)
			t.Errorf("clicking the %s link saved no %s (folder holds %v)", kind, path, files)
		}
	}
}
