package dashboard_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserProvinceChooser uses the filter bar's province chooser as a
// person would at 31 provinces: type part of a name, press Enter or tick a
// box, see the choice as chips, remove one, submit; the page then shows
// just the chosen provinces and the chooser still shows them.
func TestBrowserProvinceChooser(t *testing.T) {
	b := newBrowser(t)
	base := startNational(t)
	b.open(t, base+"/themes")
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	chips := func() []string {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('form.filter .ms-chip')].map(c => c.firstChild.textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('form.filter select[name=province]').hidden && !!document.querySelector('form.filter .ms-search')`))
	if err != nil || !hidden {
		t.Fatalf("the province select is not replaced by the searchable chooser (%v)", err)
	}
	const search = `form.filter .ms-search`
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(search), "山东"), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	// Typing 广 leaves the two provinces whose names hold it.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(search), "广")); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('form.filter .ms-list li[role=option]')].filter(li => !li.hidden).map(li => li.textContent)`))
	if err != nil || strings.Join(shown, ",") != "广东省,广西壮族自治区" && strings.Join(shown, ",") != "广西壮族自治区,广东省" {
		t.Errorf("searching 广 lists %v (%v)", shown, err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.Search(`//form[contains(@class,"filter")]//li[not(@hidden)]/label[text()="广东省"]`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(search), kb.Backspace+"福建"), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if got := chips(); len(got) != 3 || !contains(got, "山东省") || !contains(got, "广东省") || !contains(got, "福建省") {
		t.Fatalf("chips after choosing three provinces: %v", got)
	}
	// Remove 福建省 with its chip's ×.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.Search(`//form[contains(@class,"filter")]//span[@class="ms-chip"][starts-with(.,"福建省")]/button`))); err != nil {
		t.Fatal(err)
	}
	if got := chips(); len(got) != 2 {
		t.Fatalf("chips after removing one: %v", got)
	}
	if err := chromedp.Do(ctx, chromedp.Submit(chromedp.CSS(`form.filter`))); err != nil {
		t.Fatal(err)
	}
	var loc string
	for i := 0; i < 100; i++ {
		loc, err = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err == nil && strings.Contains(loc, "province=") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	got := u.Query()["province"]
	if len(got) != 2 || !contains(got, "山东省") || !contains(got, "广东省") {
		t.Fatalf("submitted provinces %v (%s)", got, loc)
	}
	counts := b.checkPage(t, loc, []string{"themes-heatmap"}, localOnly(base))
	if counts["themes-heatmap"] == 0 {
		t.Error("no heatmap for the two chosen provinces")
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`echarts.getInstanceByDom(document.querySelector('[data-chart="themes-heatmap"]')).getOption().yAxis[0].data`))
	if err != nil || len(rows) != 2 {
		t.Errorf("heatmap rows for two provinces: %v (%v)", rows, err)
	}
	if got := chips(); len(got) != 2 {
		t.Errorf("after submitting, the chooser shows %v", got)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestBrowserImpossibleFilters checks that a filter that cannot select
// anything says so in Chinese instead of drawing empty charts, and that the
// form warns about an inverted year range before it is sent.
func TestBrowserImpossibleFilters(t *testing.T) {
	b := newBrowser(t)
	base := startNational(t)
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	for _, tc := range []struct {
		query url.Values
		want  string
	}{
		{url.Values{"from": {"2025"}, "to": {"2020"}}, "起始年份 2025 晚于截止年份 2020"},
		{url.Values{"province": {"山东省"}, "type": {"不存在的类型"}}, "没有同时满足这些条件的文档：省份 山东省；文档类型 不存在的类型"},
	} {
		for _, page := range []string{"/", "/themes", "/terms", "/indicators"} {
			u := base + page + "?" + tc.query.Encode()
			counts := b.open(t, u)
			msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('[data-problem]') || {}).textContent || ''`))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("%s: says %q, want %q", u, msg, tc.want)
			}
			if len(counts) != 0 {
				t.Errorf("%s: draws charts %v for a filter that selects nothing", u, counts)
			}
			_, errs := b.take()
			for _, e := range errs {
				t.Errorf("%s: %s", u, e)
			}
		}
	}
	// In the form, an inverted range is pointed out and not sent.
	b.open(t, base+"/themes")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
	  for (const [name, v] of [['from', '2025'], ['to', '2020']]) {
	    const sel = document.querySelector('form.filter select[name=' + name + ']');
	    sel.value = v;
	    sel.dispatchEvent(new Event('change'));
	  }
	  return true;
	})()`)); err != nil {
		t.Fatal(err)
	}
	warn, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const p = document.querySelector('form.filter .filter-problem'); return p && !p.hidden ? p.textContent : ''; })()`))
	if err != nil || !strings.Contains(warn, "起始年份 2025 晚于截止年份 2020") {
		t.Errorf("inverted years in the form: warning %q (%v)", warn, err)
	}
	sent, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const f = document.querySelector('form.filter'); const e = new Event('submit', {cancelable: true}); f.dispatchEvent(e); return !e.defaultPrevented; })()`))
	if err != nil || sent {
		t.Errorf("the form with inverted years is sent (%v)", err)
	}
}

// TestBrowserSeriesChooser checks the charts with a series per province at
// 31 provinces: by default six provinces and 其他 (the other 25 summed),
// and the provinces the chooser names when it names some; the CSV holds
// exactly what is drawn.
func TestBrowserSeriesChooser(t *testing.T) {
	b := newBrowser(t)
	base := startNational(t)
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	const names = `(name => echarts.getInstanceByDom(document.querySelector('[data-chart="' + name + '"]')).getOption().series.map(s => s.name))`
	for _, tc := range []struct {
		query url.Values
		want  []string
	}{
		{nil, nil},
		{url.Values{"show": {"广东省", "山东省"}}, []string{"山东省", "广东省", "其他（29 省合计）"}},
	} {
		u := base + "/themes?" + tc.query.Encode() + "&" + url.Values{"theme": {"anti_fraud"}}.Encode()
		b.checkPage(t, u, []string{"themes-province", "themes-radar", "themes-trend"}, localOnly(base))
		for _, chart := range []string{"themes-province", "themes-radar", "themes-trend"} {
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](names+`('`+chart+`')`))
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil {
				if len(got) != 7 || got[6] != "其他（25 省合计）" {
					t.Errorf("%s by default: series %v, want six provinces and 其他（25 省合计）", chart, got)
				}
				continue
			}
			// The provinces keep the order of the rows, not of the parameter.
			if strings.Join(got, ",") != strings.Join(tc.want, ",") && strings.Join(got, ",") != "广东省,山东省,其他（29 省合计）" {
				t.Errorf("%s with show=%v: series %v", chart, tc.query["show"], got)
			}
		}
		if r := csvRows(t, b, "themes-province", "s.reduce((n, x) => n + x.data.length, 0)"); r[0] != r[1] || r[0] == 0 {
			t.Errorf("themes-province: %d CSV rows, %d bars", r[0], r[1])
		}
		// The chooser shows the drawn provinces as chosen.
		chosen, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelector('form[data-chooser=series]').querySelectorAll('select[name=show] option:checked').length`))
		if err != nil || chosen != len(tc.want)-1 && tc.want != nil || tc.want == nil && chosen != 6 {
			t.Errorf("chooser for %v shows %d provinces chosen (%v)", tc.query, chosen, err)
		}
	}
}

// TestBrowserWordCloudsFillTogether checks that the two word clouds of the
// terms page are laid out together: in no frame the browser paints is one
// cloud complete while the other is still blank (as when each cloud was
// laid out in one long task, the second after the first).
func TestBrowserWordCloudsFillTogether(t *testing.T) {
	b := newBrowser(t)
	base := startNational(t)
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	// Before the page's own scripts: sample both clouds' drawn words in
	// every animation frame.
	const sampler = `window.__frames = []; (function frame() {
	  const count = n => {
	    const el = window.echarts && document.querySelector('[data-chart="' + n + '"]');
	    const inst = el && echarts.getInstanceByDom(el);
	    if (!inst) return -1;
	    return inst.getZr().storage.getDisplayList(true).filter(d => d.type === 'tspan').length;
	  };
	  const s = [count('terms-cloud-a'), count('terms-cloud-b')];
	  const last = window.__frames[window.__frames.length - 1];
	  if (!last || last[0] !== s[0] || last[1] !== s[1]) window.__frames.push(s);
	  if (window.__frames.length < 1000) requestAnimationFrame(frame);
	})();`
	if err := chromedp.Do(ctx, chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: sampler})
		return chromedp.Void{}, err
	})); err != nil {
		t.Fatal(err)
	}
	counts := b.open(t, base+"/terms")
	want := []int{counts["terms-cloud-a"], counts["terms-cloud-b"]}
	if want[0] <= 0 || want[1] <= 0 {
		t.Fatalf("clouds hold %v words", want)
	}
	var frames [][]int
	for i := 0; i < 100; i++ {
		var err error
		frames, err = chromedp.Run(ctx, chromedp.Evaluate[[][]int](`window.__frames`))
		if err != nil {
			t.Fatal(err)
		}
		if last := frames[len(frames)-1]; last[0] >= want[0]*9/10 && last[1] >= want[1]*9/10 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	last := frames[len(frames)-1]
	if last[0] <= 0 || last[1] <= 0 {
		t.Fatalf("the clouds were never drawn: frames %v", frames)
	}
	for _, f := range frames {
		if (f[0] >= last[0] && f[1] <= 0) || (f[1] >= last[1] && f[0] <= 0) {
			t.Errorf("a frame shows one cloud complete and the other blank: %v (frames %v)", f, frames)
			break
		}
	}
	t.Logf("%d frames while the clouds filled in; last %v", len(frames), last)
}
