package dashboard_test

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// termsTermCharts are the charts of the terms page without a looked-up term.
var termsTermCharts = []string{"terms-a", "terms-b", "terms-cloud-a", "terms-cloud-b", "terms-keyness", "terms-network"}

// termsMarkNames returns the names of the data items of a chart (nodes and
// then edges "source|target" for a graph).
func termsMarkNames(t *testing.T, b *browser, chart string) []string {
	t.Helper()
	names, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`(() => {
	  const inst = echarts.getInstanceByDom(document.querySelector('[data-chart="`+chart+`"]'));
	  const out = [];
	  inst.getOption().series.forEach(s => {
	    (s.data || []).forEach(d => out.push(d.name));
	    (s.links || []).forEach(l => out.push(l.source + '|' + l.target));
	  });
	  return out;
	})()`))
	if err != nil {
		t.Fatalf("names of %s: %v", chart, err)
	}
	return names
}

// termsMarkXY finds where mark i of a chart is drawn, in page pixels, after
// scrolling the chart into view: a bar's middle, a word of a cloud, a node
// or the middle of an edge of a graph (edge=true). It waits for the word
// cloud, which lays its words out after a tick.
func termsMarkXY(t *testing.T, b *browser, chart string, i int, edge bool) (x, y float64) {
	t.Helper()
	script := fmt.Sprintf(`(() => {
	  const el = document.querySelector('[data-chart="%s"]');
	  el.scrollIntoView({block: 'center'});
	  const inst = echarts.getInstanceByDom(el);
	  const s = inst.getOption().series[0];
	  const model = inst.getModel().getSeriesByIndex(0);
	  const box = el.getBoundingClientRect();
	  let p = null;
	  if (s.type === 'bar') {
	    const d = s.data[%[2]d];
	    const horizontal = inst.getOption().yAxis[0].type === 'category';
	    p = inst.convertToPixel({seriesIndex: 0}, horizontal ? [d.value / 2, %[2]d] : [%[2]d, d.value / 2]);
	  } else if (s.type === 'graph' && %[3]t) {
	    const line = model.getEdgeData().getItemGraphicEl(%[2]d);
	    const path = line && line.childOfName('line');
	    if (!path) { return null; }
	    const m = path.getComputedTransform();
	    const q = path.pointAt(0.5);
	    p = m ? [m[0] * q[0] + m[2] * q[1] + m[4], m[1] * q[0] + m[3] * q[1] + m[5]] : q;
	  } else {
	    const g = model.getData().getItemGraphicEl(%[2]d);
	    if (!g) { return null; }
	    const r = g.getBoundingRect().clone();
	    const m = g.getComputedTransform();
	    if (m) { r.applyTransform(m); }
	    p = [r.x + r.width / 2, r.y + r.height / 2];
	  }
	  return [box.left + p[0], box.top + p[1]];
	})()`, chart, i, edge)
	for try := 0; try < 50; try++ {
		xy, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](script))
		if err != nil {
			t.Fatalf("locate mark %d of %s: %v", i, chart, err)
		}
		if len(xy) == 2 {
			return xy[0], xy[1]
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("mark %d of %s was never drawn", i, chart)
	return 0, 0
}

// termsClickTo clicks at x, y and waits until the page has navigated to a URL
// containing want; it returns that URL.
func termsClickTo(t *testing.T, b *browser, x, y float64, want string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	before, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y, chromedp.ButtonLeft)); err != nil {
		t.Fatal(err)
	}
	var loc string
	for i := 0; i < 100; i++ {
		l, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === 'complete' ? location.href : ''`))
		if err == nil && l != before && strings.Contains(l, want) {
			loc = l
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if loc == "" {
		t.Fatalf("click at %.0f,%.0f on %s did not lead to a page with %q", x, y, before, want)
	}
	return loc
}

// termsKwicRows returns the keyword and the whole text of every line of the
// concordance table on the open page.
func termsKwicRows(t *testing.T, b *browser) (match, line []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("table[data-table=kwic] td.match"))); err != nil {
		t.Fatalf("no concordance lines: %v", err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](`[...document.querySelectorAll('table[data-table=kwic] tbody tr')].map(tr =>
	  [tr.querySelector('td.match').textContent.trim(), tr.querySelector('td.left').textContent + tr.querySelector('td.match').textContent.trim() + tr.querySelector('td.right').textContent])`))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		match = append(match, r[0])
		line = append(line, r[1])
	}
	return match, line
}

// TestBrowserTerms checks the terms page in Chromium: every chart holds
// data, the CSV of each matches it, the selections and the filter change
// them, and a bar, a word, a keyness bar, a node and an edge each lead to
// their sentences; no request leaves 127.0.0.1 and no error is logged.
func TestBrowserTerms(t *testing.T) {
	b := newBrowser(t)
	base := startServer(t)
	allowed := localOnly(base)
	b.checkPage(t, base+"/terms", termsTermCharts, allowed)

	// The CSV download of each chart holds the chart's marks, in order.
	for _, chart := range termsTermCharts {
		termsCheckCSV(t, b, chart)
	}
	cloudA := termsMarkNames(t, b, "terms-cloud-a")
	barsA := termsMarkNames(t, b, "terms-a")
	if len(cloudA) <= len(barsA) {
		t.Errorf("cloud holds %d words, bars %d: the cloud should show more", len(cloudA), len(barsA))
	}
	// Keyness shows terms of both sides.
	sides, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]int](`(() => {
	  const s = echarts.getInstanceByDom(document.querySelector('[data-chart="terms-keyness"]')).getOption().series[0];
	  return [s.data.filter(d => d.value > 0).length, s.data.filter(d => d.value < 0).length];
	})()`))
	if err != nil || len(sides) != 2 || sides[0] == 0 || sides[1] == 0 {
		t.Errorf("keyness: terms of A and of B %v (%v)", sides, err)
	}

	// Choosing another selection A in the form changes its charts and is
	// kept in the URL.
	choices, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('select[name=a] option')].map(o => o.value)`))
	if err != nil || len(choices) < 3 {
		t.Fatalf("selection choices %v (%v)", choices, err)
	}
	chosen, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`['a', 'b'].map(n => document.querySelector('select[name=' + n + ']').value)`))
	if err != nil || len(chosen) != 2 {
		t.Fatalf("selections A and B: %v (%v)", chosen, err)
	}
	other := ""
	for _, c := range choices {
		if strings.HasPrefix(c, "province:") && !slices.Contains(chosen, c) { // neither A nor B now
			other = c
			break
		}
	}
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("select[name=a]"), other),
		chromedp.Submit(chromedp.CSS("#selections")),
		chromedp.WaitVisible(chromedp.CSS(`[data-chart="terms-network"] canvas`)),
	)
	cancel()
	if err != nil {
		t.Fatalf("submit the selections: %v", err)
	}
	loc, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.href`))
	if u, err := url.Parse(loc); err != nil || u.Query().Get("a") != other {
		t.Errorf("selection A %s not in the URL %s", other, loc)
	}
	b.take()
	b.checkPage(t, loc, termsTermCharts, allowed)
	if got := termsMarkNames(t, b, "terms-cloud-a"); strings.Join(got, ",") == strings.Join(cloudA, ",") {
		t.Errorf("selection A %s: the word cloud did not change", other)
	}

	// The filter bar narrows every selection: a year range changes A.
	b.checkPage(t, base+"/terms?"+url.Values{"from": {"2022"}, "to": {"2022"}}.Encode(), nil, allowed)
	if got := termsMarkNames(t, b, "terms-a"); strings.Join(got, ",") == strings.Join(barsA, ",") {
		t.Errorf("filter 2022: the top terms of A did not change")
	}

	// A bar of A leads to the sentences of its term in A.
	b.open(t, base+"/terms")
	term := termsMarkNames(t, b, "terms-a")[0]
	x, y := termsMarkXY(t, b, "terms-a", 0, false)
	loc = termsClickTo(t, b, x, y, "/kwic?")
	termsCheckKWIC(t, b, loc, term, "", "province:浙江省") // A: the first province in administrative order

	// A word of B's cloud leads to its sentences in B.
	b.open(t, base+"/terms")
	word := termsMarkNames(t, b, "terms-cloud-b")[2]
	x, y = termsMarkXY(t, b, "terms-cloud-b", 2, false)
	loc = termsClickTo(t, b, x, y, "/kwic?")
	termsCheckKWIC(t, b, loc, word, "", "")

	// A keyness bar leads to the term's sentences.
	b.open(t, base+"/terms")
	key := termsMarkNames(t, b, "terms-keyness")[0]
	x, y = termsMarkXY(t, b, "terms-keyness", 0, false)
	loc = termsClickTo(t, b, x, y, "/kwic?")
	termsCheckKWIC(t, b, loc, key, "", "")

	// A node of the network leads to its sentences, an edge to the
	// sentences holding both of its terms (the network of 山东省, whose
	// longest edge is clear of the nodes).
	network := base + "/terms?" + url.Values{"a": {"province:山东省"}}.Encode()
	b.open(t, network)
	nodes := termsMarkNames(t, b, "terms-network")
	x, y = termsMarkXY(t, b, "terms-network", 1, false)
	loc = termsClickTo(t, b, x, y, "/kwic?")
	termsCheckKWIC(t, b, loc, nodes[1], "", "province:山东省")
	b.open(t, network)
	var edges []string
	for _, n := range termsMarkNames(t, b, "terms-network") {
		if strings.Contains(n, "|") {
			edges = append(edges, n)
		}
	}
	// The longest edge: its middle is clear of the nodes.
	longest, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`(() => {
	  const inst = echarts.getInstanceByDom(document.querySelector('[data-chart="terms-network"]'));
	  const edges = inst.getModel().getSeriesByIndex(0).getEdgeData();
	  let best = -1, len = -1;
	  for (let k = 0; k < edges.count(); k++) {
	    const s = edges.getItemGraphicEl(k).childOfName('line').shape;
	    const l = Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
	    if (l > len) { best = k; len = l; }
	  }
	  return best;
	})()`))
	if err != nil || longest < 0 || longest >= len(edges) {
		t.Fatalf("longest edge %d of %d: %v", longest, len(edges), err)
	}
	firstEdge := edges[longest]
	x, y = termsMarkXY(t, b, "terms-network", longest, true)
	loc = termsClickTo(t, b, x, y, "with=")
	pair := strings.SplitN(firstEdge, "|", 2)
	u, _ := url.Parse(loc)
	got := []string{u.Query().Get("term"), u.Query().Get("with")}
	sort.Strings(got)
	sort.Strings(pair)
	if strings.Join(got, "|") != strings.Join(pair, "|") {
		t.Errorf("edge %s opened the sentences of %v", firstEdge, got)
	}
	termsCheckKWIC(t, b, loc, u.Query().Get("term"), u.Query().Get("with"), "province:山东省")

	requests, errs := b.take()
	for _, e := range errs {
		t.Errorf("terms clicks: %s", e)
	}
	for _, r := range requests {
		if !allowed(r) {
			t.Errorf("terms clicks: request left the machine: %s", r)
		}
	}
}

// termsCsvOfChart returns the records (header left out) of the CSV download of
// a chart of the open page.
func termsCsvOfChart(t *testing.T, b *browser, chart string) [][]string {
	t.Helper()
	recs, err := chromedp.Run(b.ctx, chromedp.Evaluate[[][]string](`(async () => {
	  const fig = document.getElementById('fig-`+chart+`');
	  const text = await (await fetch(fig.querySelector('a.csv').href)).text();
	  return text.trim().split('\n').slice(1).map(l => l.split(','));
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s CSV: %v", chart, err)
	}
	return recs
}

// termsCheckCSV checks that the CSV download of a chart names its marks in
// order: the first column, or kind, source and target for the network.
func termsCheckCSV(t *testing.T, b *browser, chart string) {
	t.Helper()
	names := termsMarkNames(t, b, chart)
	var csvNames []string
	for _, r := range termsCsvOfChart(t, b, chart) {
		switch {
		case chart == "terms-network" && r[0] == "node":
			csvNames = append(csvNames, r[1])
		case chart == "terms-network":
			csvNames = append(csvNames, r[1]+"|"+r[2])
		default:
			csvNames = append(csvNames, r[0])
		}
	}
	if len(names) == 0 || strings.Join(names, ",") != strings.Join(csvNames, ",") {
		t.Errorf("%s: chart marks %v, CSV rows %v", chart, names, csvNames)
	}
}

// termsCheckKWIC checks the open concordance page: every line shows the term
// (and also), the selection is the one expected, and a line's link opens
// the reader at a sentence holding the term, marked.
func termsCheckKWIC(t *testing.T, b *browser, loc, term, also, sel string) {
	t.Helper()
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	if u.Query().Get("term") != term {
		t.Errorf("%s: term %q, want %q", loc, u.Query().Get("term"), term)
	}
	if sel != "" && u.Query().Get("sel") != sel {
		t.Errorf("%s: selection %q, want %q", loc, u.Query().Get("sel"), sel)
	}
	match, lines := termsKwicRows(t, b)
	for i := range match {
		if match[i] != term || (also != "" && !strings.Contains(lines[i], also)) {
			t.Errorf("%s: line %d %q does not show %q/%q", loc, i, lines[i], term, also)
		}
	}
	href, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('table[data-table=kwic] td.match a').href`))
	if err != nil {
		t.Fatal(err)
	}
	b.checkPage(t, href, nil, localOnly(u.Scheme+"://"+u.Host))
	frag := href[strings.Index(href, "#")+1:]
	text, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => {
	  const s = document.getElementById(`+strconv.Quote(frag)+`);
	  return s && s.querySelector('mark.hit') ? s.textContent : '';
	})()`))
	if err != nil || !strings.Contains(text, term) {
		t.Errorf("%s: sentence %s does not hold the marked term %q (%q, %v)", href, frag, term, text, err)
	}
}

// TestBrowserTermLookup checks a term's page: its use over years and
// provinces, and the first notice using it linked to its sentence.
func TestBrowserTermLookup(t *testing.T) {
	b := newBrowser(t)
	base := startServer(t)
	b.checkPage(t, base+"/terms?"+url.Values{"term": {"5G"}}.Encode(), append([]string{"term-usage", "term-provinces"}, termsTermCharts...), localOnly(base))
	termsCheckCSV(t, b, "term-provinces")
	// The usage chart has a point per province and year with documents,
	// as its CSV has a row.
	points, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`(() => {
	  const inst = echarts.getInstanceByDom(document.querySelector('[data-chart="term-usage"]'));
	  let n = 0;
	  inst.getOption().series.forEach(s => s.data.forEach(d => { if (d.value !== null && d.value !== undefined) n++; }));
	  return n;
	})()`))
	if rows := termsCsvOfChart(t, b, "term-usage"); err != nil || points == 0 || points != len(rows) {
		t.Errorf("term-usage: %d points, %d CSV rows (%v)", points, len(rows), err)
	}
	x, y := termsMarkXY(t, b, "term-provinces", 0, false)
	prov := termsMarkNames(t, b, "term-provinces")[0]
	loc := termsClickTo(t, b, x, y, "/kwic?")
	termsCheckKWIC(t, b, loc, "5G", "", "province:"+prov)

	b.open(t, base+"/terms?"+url.Values{"term": {"5G"}}.Encode())
	first, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('[data-first-use] a').href`))
	if err != nil || !strings.Contains(first, "/documents/") || !strings.Contains(first, "#s-") {
		t.Fatalf("first use link %q (%v)", first, err)
	}
	b.checkPage(t, first, nil, localOnly(base))
	frag := first[strings.Index(first, "#")+1:]
	text, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById(`+strconv.Quote(frag)+`).textContent`))
	if err != nil || !strings.Contains(text, "5G") {
		t.Errorf("first use: sentence %s lacks the term: %q (%v)", frag, text, err)
	}
}

// TestBrowserDocuments clicks the column headers of the document list
// (the rows follow, and the order is kept in the URL) and a bar of a
// reader's theme chart.
func TestBrowserDocuments(t *testing.T) {
	b := newBrowser(t)
	base := startServer(t)
	b.checkPage(t, base+"/documents", nil, localOnly(base))
	tokens := func() []int {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]int](`(() => {
		  const i = [...document.querySelectorAll('table[data-table=documents] th')].findIndex(th => th.dataset.sort === 'tokens');
		  return [...document.querySelectorAll('table[data-table=documents] tbody tr')].map(tr => +tr.children[i].title);
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, dir := range []string{"desc", "asc"} {
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`th[data-sort=tokens] a`)),
			chromedp.WaitVisible(chromedp.CSS(`th[data-sort=tokens][aria-sort]`)))
		cancel()
		if err != nil {
			t.Fatalf("sort by tokens: %v", err)
		}
		loc, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.href`))
		if !strings.Contains(loc, "sort=tokens") || !strings.Contains(loc, "dir="+dir) {
			t.Errorf("sort not in the URL: %s", loc)
		}
		v := tokens()
		if len(v) < 2 {
			t.Fatalf("%d rows", len(v))
		}
		ok := sort.SliceIsSorted(v, func(i, j int) bool { return v[i] < v[j] })
		if dir == "desc" {
			ok = sort.SliceIsSorted(v, func(i, j int) bool { return v[i] > v[j] })
		}
		if !ok {
			t.Errorf("sorted %s by tokens: %v", dir, v)
		}
	}
	// In a reader, a bar of the theme chart brings out that theme's words.
	b.open(t, base+"/documents")
	reader, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('table[data-table=documents] tbody a').href`))
	if err != nil {
		t.Fatal(err)
	}
	b.checkPage(t, reader, []string{"document-themes"}, localOnly(base))
	x, y := termsMarkXY(t, b, "document-themes", 0, false)
	loc := termsClickTo(t, b, x, y, "#theme-")
	theme := loc[strings.Index(loc, "#theme-")+len("#theme-"):]
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`article[data-reader] mark.theme.on[data-theme="`+theme+`"]`))); err != nil {
		t.Errorf("theme %s: its words were not brought out: %v", theme, err)
	}
	others, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('article[data-reader] mark.theme.on:not([data-theme="`+theme+`"])').length`))
	if err != nil || others != 0 {
		t.Errorf("theme %s: %d words of other themes brought out too (%v)", theme, others, err)
	}
	_, errs := b.take()
	for _, e := range errs {
		t.Error(e)
	}
}
