package dashboard

import (
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

// termsLimit is how many top terms each selection shows as bars, and
// cloudLimit how many its word cloud holds.
const (
	termsLimit = 20
	cloudLimit = 60
)

// keynessPerSide is how many key terms of each selection the keyness chart
// shows; keynessPool is how many terms by G² it chooses them from.
const (
	keynessPerSide = 12
	keynessPool    = 500
)

// kwicPreview is how many concordance lines the terms page shows for a
// looked-up term; the KWIC page shows more.
const kwicPreview = 20

// llCritical is the G² above which a difference is significant at p < 0.05
// (chi-square, one degree of freedom).
const llCritical = 3.84

// selection is one side of the terms comparison: all documents, one
// province ("province:山东省"), the provinces but one ("rest:山东省") or
// one year ("year:2025"), within the filter bar's documents.
type selection struct {
	Key   string
	Label string
}

type termsData struct {
	A, B     selectionView
	Choices  []selection
	Presets  []option // quick comparisons: Value is the link
	Keyness  *chartView
	KeyTerms []keyTermView
	Network  *chartView
	Term     string // the term looked up, "" for none
	Usage    *chartView
	Spread   *chartView // the term across provinces
	First    []firstUseView
	KWIC     []kwicLine
	KWICAll  int64        // sentences holding the term in all
	KWICHref string       // the full concordance
	Shown    seriesChoice // the provinces the usage chart draws on their own
}

// graphLinks are the pages the nodes and the edges of a network open.
type graphLinks struct {
	Nodes []string `json:"nodes"`
	Edges []string `json:"edges"`
}

type keyTermView struct {
	queries.KeyTerm
	Side  string // the selection where the term is more frequent
	Href  string // the term's page
	Sents string // its sentences in that selection
}

type firstUseView struct {
	queries.FirstUse
	Href string // the reader at the first sentence with the term
}

type selectionView struct {
	selection
	Filter queries.Filter `json:"-"`
	Terms  []termView
	Chart  *chartView
	Cloud  *chartView
}

// termView is a top term with the link to its sentences.
type termView struct {
	queries.TermRow
	Href string
}

// termItem is a data item of a term chart: the plotted value and what the
// tooltip (static/app.js) shows beside it.
type termItem struct {
	Name      string  `json:"name"`
	Value     float64 `json:"value"`
	N         int64   `json:"n"`
	Documents int64   `json:"documents"`
	Per10k    float64 `json:"per10k"`
}

// keyItem is a bar of the keyness chart.
type keyItem struct {
	Name      string          `json:"name"`
	Value     float64         `json:"value"`
	A         int64           `json:"a"`
	B         int64           `json:"b"`
	APer10k   float64         `json:"aPer10k"`
	BPer10k   float64         `json:"bPer10k"`
	LL        float64         `json:"ll"`
	ItemStyle *opts.ItemStyle `json:"itemStyle,omitempty"`
}

// selectionChoices lists the selections the facets allow: all documents,
// each province, each province's complement, each year.
func selectionChoices(facets []queries.Facet) []selection {
	choices := []selection{{Key: "all", Label: "全部文档"}}
	provinces := queries.FacetValues(facets, "province")
	for _, prov := range provinces {
		choices = append(choices, selection{Key: "province:" + prov, Label: prov})
	}
	for _, prov := range provinces {
		choices = append(choices, selection{Key: "rest:" + prov, Label: prov + "以外"})
	}
	for _, y := range queries.FacetYears(facets) {
		choices = append(choices, selection{Key: "year:" + strconv.Itoa(y), Label: strconv.Itoa(y) + "年"})
	}
	return choices
}

// kwicLink links to the concordance of term (and also, when not "") in
// the selection sel of the documents base selects.
func kwicLink(r request, base queries.Filter, sel, term, also string) string {
	q := filterQuery(base)
	q.Set("term", term)
	if also != "" {
		q.Set("with", also)
	}
	if sel != "" && sel != "all" {
		q.Set("sel", sel)
	}
	return r.site.Page("kwic", q)
}

// termsPage compares the terms of two selections: top terms as bars and
// word clouds, keyness, the co-occurrence network of A, and one term's
// use, first notice and concordance.
func termsPage(r request) (*page, error) {
	p := &page{Name: "terms", Title: "词语比较", Nav: "terms", Site: r.site}
	bar, facets, err := facetsBar(r, r.site.Href("terms"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
	if bar.Problem != "" {
		return p, nil
	}
	base := parseFilter(r.query)
	d := &termsData{Choices: selectionChoices(facets)}
	inFilter, err := queries.CorpusOverview(r.ctx, r.db, base)
	if err != nil {
		return nil, err
	}
	defA, defB := defaultSelections(inFilter)
	bar.Hidden = map[string]string{}
	for i, side := range []struct {
		param, def string
		view       *selectionView
	}{{"a", defA, &d.A}, {"b", defB, &d.B}} {
		key := r.query.Get(side.param)
		if key == "" {
			key = side.def
		}
		bar.Hidden[side.param] = key
		sel, f := resolveSelection(key, base, d.Choices)
		v := selectionView{selection: sel, Filter: f}
		terms, err := queries.TopTerms(r.ctx, r.db, f, cloudLimit)
		if err != nil {
			return nil, err
		}
		for _, t := range terms {
			v.Terms = append(v.Terms, termView{TermRow: t, Href: kwicLink(r, base, sel.Key, t.Term, "")})
		}
		note := []string{"选择 A", "选择 B"}[i]
		if len(v.Terms) == 0 { // nothing to draw: the template says so
			*side.view = v
			continue
		}
		if v.Chart, err = termsBarChart(r, p, "terms-"+side.param, note+"："+sel.Label+" 的高频词", v.Terms); err != nil {
			return nil, err
		}
		if v.Cloud, err = termsCloud(r, p, "terms-cloud-"+side.param, note+"："+sel.Label+" 的词云", v.Terms); err != nil {
			return nil, err
		}
		*side.view = v
	}
	if !r.site.static {
		d.Presets = termPresets(r, facets)
	}
	if err := keynessChart(r, p, d, base); err != nil {
		return nil, err
	}
	if err := networkChart(r, p, d, base); err != nil {
		return nil, err
	}
	if d.Term = strings.TrimSpace(r.query.Get("term")); d.Term != "" {
		bar.Hidden["term"] = d.Term
		if err := termLookup(r, p, d, base); err != nil {
			return nil, err
		}
	}
	p.Data = d
	return p, nil
}

// termPresets are the usual comparisons, one click each: every province
// against the rest, the latest year against the one before, and the
// first pairs of provinces.
func termPresets(r request, facets []queries.Facet) []option {
	link := func(a, b string) string {
		q := filterQuery(parseFilter(r.query))
		q.Set("a", a)
		q.Set("b", b)
		if t := r.query.Get("term"); t != "" {
			q.Set("term", t)
		}
		return r.site.Page("terms", q)
	}
	cur := r.query.Get("a") + "|" + r.query.Get("b")
	var out []option
	add := func(a, b, label string) {
		out = append(out, option{Value: link(a, b), Label: label, Selected: cur == a+"|"+b})
	}
	provinces := queries.FacetValues(facets, "province")
	for _, prov := range provinces {
		add("province:"+prov, "rest:"+prov, prov+" 对 其余省份")
	}
	if years := queries.FacetYears(facets); len(years) > 1 {
		y1, y0 := years[len(years)-1], years[len(years)-2]
		add("year:"+strconv.Itoa(y1), "year:"+strconv.Itoa(y0), strconv.Itoa(y1)+"年 对 "+strconv.Itoa(y0)+"年")
	}
	pairs := 0
	for i := 0; i < len(provinces) && pairs < 3; i++ {
		for j := i + 1; j < len(provinces) && pairs < 3; j++ {
			add("province:"+provinces[i], "province:"+provinces[j], provinces[i]+" 对 "+provinces[j])
			pairs++
		}
	}
	return out
}

// termsBarChart draws a selection's top terms as horizontal bars of
// occurrences per 10,000 tokens, the most frequent on top; a bar opens
// the term's sentences in the selection.
func termsBarChart(r request, p *page, name, title string, terms []termView) (*chartView, error) {
	if len(terms) > termsLimit {
		terms = terms[:termsLimit]
	}
	b := charts.NewBar()
	b.SetGlobalOptions(initOpts(name),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: opts.FuncOpts("policylens.tipTerm")}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "每万词"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "60", Top: "10", Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	var cats []string
	var items []termItem
	var links []string
	var rows [][]string
	for _, t := range terms {
		cats = append(cats, t.Term)
		items = append(items, termItem{Name: t.Term, Value: round2(t.Per10k), N: t.N, Documents: t.Documents, Per10k: round2(t.Per10k)})
		links = append(links, t.Href)
		rows = append(rows, []string{t.Term, itoa(t.N), itoa(t.Documents), ftoa(t.Per10k)})
	}
	b.SetXAxis(cats)
	b.AddSeries("每万词", nil)
	b.MultiSeries[0].Data = items
	b.XYReversal()
	c, err := newChart(name, title, strconv.Itoa(60+24*max(len(terms), 5))+"px", b, [][]string{links})
	if err != nil {
		return nil, err
	}
	c.Note = "点击词语查看原句"
	return p.attach(r, c.table([]string{"term", "n", "documents", "per_10k"}, rows), "TopTerms", "term_frequency"), nil
}

// cloudColors colour the words of a cloud by rank, so that the picture is
// the same on every load.
var cloudColors = []string{"#102a43", "#1f6feb", "#0c6b58", "#8d2b0b", "#5b3cc4", "#b44d12", "#2f8132", "#9c1f5a"}

// cloudItem is a word of a word cloud.
type cloudItem struct {
	Name      string          `json:"name"`
	Value     int64           `json:"value"`
	Documents int64           `json:"documents"`
	Per10k    float64         `json:"per10k"`
	TextStyle *opts.TextStyle `json:"textStyle,omitempty"`
}

// termsCloud draws a selection's top terms as a word cloud (the
// echarts-wordcloud extension, served from static/wordcloud), word size by
// occurrences; a word opens its sentences in the selection.
func termsCloud(r request, p *page, name, title string, terms []termView) (*chartView, error) {
	wc := charts.NewWordCloud()
	wc.SetGlobalOptions(initOpts(name),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipTerm")}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	var items []cloudItem
	var links []string
	var rows [][]string
	for i, t := range terms {
		items = append(items, cloudItem{Name: t.Term, Value: t.N, Documents: t.Documents, Per10k: round2(t.Per10k),
			TextStyle: &opts.TextStyle{Color: cloudColors[i%len(cloudColors)]}})
		links = append(links, t.Href)
		rows = append(rows, []string{t.Term, itoa(t.N), itoa(t.Documents), ftoa(t.Per10k)})
	}
	wc.AddSeries("出现次数", nil)
	wc.MultiSeries[0].Data = items
	c, err := newChart(name, title, "340px", edit(wc, cloudLayout), [][]string{links})
	if err != nil {
		return nil, err
	}
	c.Note = "字号按出现次数；点击词语查看原句"
	return p.attach(r, c.table([]string{"term", "n", "documents", "per_10k"}, rows), "TopTerms", "term_frequency"), nil
}

// cloudLayout sets the word cloud options go-echarts does not know: room
// for every word and no random shuffling, so that a cloud looks the same
// on every load; and words placed one by one (layoutAnimation), so that
// two clouds fill in together instead of the second staying blank while
// the first is laid out in one long task.
func cloudLayout(option map[string]any) {
	for _, s := range components(option, "series") {
		for k, v := range map[string]any{
			"shape": "circle", "sizeRange": []int{14, 52}, "rotationRange": []int{0, 0},
			"gridSize": 8, "layoutAnimation": true, "drawOutOfBound": false, "shrinkToFit": true,
			"left": "center", "top": "center", "width": "96%", "height": "96%",
			"textStyle": map[string]any{"fontFamily": "Noto Sans CJK SC, sans-serif", "fontWeight": "bold"},
			"emphasis":  map[string]any{"textStyle": map[string]any{"color": "#e12d39"}},
		} {
			s[k] = v
		}
	}
}

// keynessChart ranks the terms that set A apart from B by log-likelihood
// and draws the strongest of each side as diverging bars of the log
// ratio: A to the right, B to the left, pale where G² is not significant.
// A bar opens the term's sentences in the selection it is typical of.
func keynessChart(r request, p *page, d *termsData, base queries.Filter) error {
	keys, err := queries.Keyness(r.ctx, r.db, d.A.Filter, d.B.Filter, keynessPool)
	if err != nil {
		return err
	}
	var forA, forB []queries.KeyTerm
	for _, k := range keys {
		switch {
		case k.LogRatio > 0 && k.A > 0 && len(forA) < keynessPerSide:
			forA = append(forA, k)
		case k.LogRatio < 0 && k.B > 0 && len(forB) < keynessPerSide:
			forB = append(forB, k)
		}
	}
	chosen := append(forA, forB...)
	if len(chosen) == 0 {
		return nil
	}
	var cats []string
	var items []keyItem
	var links []string
	var rows [][]string
	for _, k := range chosen {
		side, sel, color := d.A.Label, d.A.Key, "#1f6feb"
		if k.LogRatio < 0 {
			side, sel, color = d.B.Label, d.B.Key, "#e12d39"
		}
		if k.LL < llCritical {
			color += "66"
		}
		sents := kwicLink(r, base, sel, k.Term, "")
		// Offline the term's own page is left out: each would bring its
		// charts' concordances along, and the export would grow with
		// provinces times years times terms.
		href := sents
		if !r.site.static {
			href = r.site.Page("terms", with(r.query, "term", k.Term)) + "#term"
		}
		d.KeyTerms = append(d.KeyTerms, keyTermView{KeyTerm: k, Side: side, Sents: sents, Href: href})
		cats = append(cats, k.Term)
		items = append(items, keyItem{Name: k.Term, Value: round2(k.LogRatio), A: k.A, B: k.B,
			APer10k: round2(k.APer10k), BPer10k: round2(k.BPer10k), LL: round2(k.LL), ItemStyle: &opts.ItemStyle{Color: color}})
		links = append(links, sents)
		rows = append(rows, []string{k.Term, itoa(k.A), itoa(k.B), ftoa(k.APer10k), ftoa(k.BPer10k), ftoa(k.LL), ftoa(k.LogRatio)})
	}
	ch := charts.NewBar()
	ch.SetGlobalOptions(initOpts("terms-keyness"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: opts.FuncOpts("policylens.tipKey")}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "log2 比值"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "70", Top: "10", Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	ch.SetXAxis(cats)
	ch.AddSeries("log2 比值", nil)
	ch.MultiSeries[0].Data = items
	ch.XYReversal()
	c, err := newChart("terms-keyness", "关键词："+d.A.Label+"（蓝，向右）对比 "+d.B.Label+"（红，向左）",
		strconv.Itoa(60+24*max(len(chosen), 5))+"px", ch, [][]string{links})
	if err != nil {
		return err
	}
	c.Note = "每侧按对数似然 G² 取前 " + strconv.Itoa(keynessPerSide) + " 个；条长为效应量 log2 比值；浅色表示 G² < 3.84（不显著）；点击查看原句"
	d.Keyness = p.attach(r, c.table([]string{"term", "a_n", "b_n", "a_per_10k", "b_per_10k", "ll", "log_ratio"}, rows), "Keyness", "")
	return nil
}

// networkSize is how many top terms the co-occurrence network shows, and
// networkEdges how many of their pairs.
const (
	networkSize  = 30
	networkEdges = 80
)

// netNode is a node of the co-occurrence network.
type netNode struct {
	Name       string  `json:"name"`
	Value      int64   `json:"value"`
	SymbolSize float64 `json:"symbolSize"`
	Documents  int64   `json:"documents"`
	Per10k     float64 `json:"per10k"`
}

// netEdge is an edge of the co-occurrence network.
type netEdge struct {
	Source    string          `json:"source"`
	Target    string          `json:"target"`
	Value     int64           `json:"value"`
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
}

// networkChart draws the top terms of selection A as a network: a node per
// term sized by frequency, an edge per pair sharing sentences, thicker for
// more. A node opens the term's sentences, an edge the sentences holding
// both terms.
func networkChart(r request, p *page, d *termsData, base queries.Filter) error {
	top := d.A.Terms
	if len(top) > networkSize {
		top = top[:networkSize]
	}
	if len(top) == 0 {
		return nil
	}
	pairs, err := queries.TermCooccurrence(r.ctx, r.db, d.A.Filter, networkSize, networkEdges)
	if err != nil {
		return err
	}
	maxN := float64(top[0].N)
	var maxE int64 = 1
	for _, pr := range pairs {
		maxE = max(maxE, pr.Sentences)
	}
	var nodes []netNode
	var rows [][]string
	links := &graphLinks{}
	for _, t := range top {
		size := 10 + 30*float64(t.N)/math.Max(maxN, 1)
		nodes = append(nodes, netNode{Name: t.Term, Value: t.N, SymbolSize: math.Round(size), Documents: t.Documents, Per10k: round2(t.Per10k)})
		links.Nodes = append(links.Nodes, t.Href)
		rows = append(rows, []string{"node", t.Term, "", itoa(t.N)})
	}
	var edges []netEdge
	for _, pr := range pairs {
		w := 1 + 5*float64(pr.Sentences)/float64(maxE)
		edges = append(edges, netEdge{Source: pr.Source, Target: pr.Target, Value: pr.Sentences, LineStyle: &opts.LineStyle{Width: float32(math.Round(w*10) / 10)}})
		links.Edges = append(links.Edges, kwicLink(r, base, d.A.Key, pr.Source, pr.Target))
		rows = append(rows, []string{"edge", pr.Source, pr.Target, itoa(pr.Sentences)})
	}
	g := charts.NewGraph()
	g.SetGlobalOptions(initOpts("terms-network"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipNet")}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	g.AddSeries("共现", nil, nil,
		charts.WithGraphChartOpts(opts.GraphChart{Layout: "force", Roam: opts.Bool(true), FocusNodeAdjacency: opts.Bool(true),
			Force: &opts.GraphForce{InitLayout: "circular", Repulsion: 300, Gravity: 0.15, EdgeLength: []int{50, 130}}}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: "source", Curveness: 0.15, Opacity: opts.Float(0.5)}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
	)
	g.MultiSeries[0].Data = nodes
	g.MultiSeries[0].Links = edges
	c, err := newChart("terms-network", d.A.Label+"：高频词共现网络", "560px", edit(g, forceAtOnce), nil)
	if err != nil {
		return err
	}
	c.Graph = links
	c.Note = "连线表示两个词出现在同一句中，越粗共现越多（在所选文档中最新的 " + itoa(int64(queries.CooccurrenceSample)) + " 篇里统计）；点击词语查看原句，点击连线查看两词同现的全部句子"
	d.Network = p.attach(r, c.table([]string{"kind", "source", "target", "n"}, rows), "TermCooccurrence", "")
	return nil
}

// forceAtOnce lays a force-directed graph out before it is drawn, rather
// than animating it (go-echarts has no option for it): the network then
// stands still from the start, for reading, clicking and screenshots. The
// layout starts from a circle, so it is the same on every load.
func forceAtOnce(option map[string]any) {
	for _, s := range components(option, "series") {
		if f, ok := s["force"].(map[string]any); ok {
			f["layoutAnimation"] = false
		}
	}
}

// termLookup shows one term: its use over years by province, its weight
// in each province, the first notice of each province using it, and its
// first sentences in context.
func termLookup(r request, p *page, d *termsData, f queries.Filter) error {
	uses, err := queries.TermUsage(r.ctx, r.db, f, d.Term)
	if err != nil {
		return err
	}
	if err := usageChart(r, p, d, f, uses); err != nil {
		return err
	}
	if err := spreadChart(r, p, d, f, uses); err != nil {
		return err
	}
	first, lines, total, err := queries.TermLookup(r.ctx, r.db, f, d.Term, kwicPreview)
	if err != nil {
		return err
	}
	for _, u := range first {
		d.First = append(d.First, firstUseView{FirstUse: u, Href: readerLink(r, u.DocID, u.SentenceNo, d.Term)})
	}
	d.KWICAll = total
	d.KWIC = kwicLines(r, lines, d.Term, "", kwicWidth)
	if len(d.KWIC) > kwicPreview {
		d.KWIC = d.KWIC[:kwicPreview]
	}
	d.KWICHref = kwicLink(r, f, "", d.Term, "")
	return nil
}

// usageChart draws the term per 10,000 tokens over the years, a line per
// chosen province (by default those using it most) and one for the others
// summed; a point opens the term's sentences of that series and year.
func usageChart(r request, p *page, d *termsData, f queries.Filter, uses []queries.TermUse) error {
	if len(uses) == 0 {
		return nil
	}
	var years []int
	var provinces []string
	used := map[string]int64{}
	for _, u := range uses {
		if !slices.Contains(years, u.Year) {
			years = append(years, u.Year)
		}
		if _, ok := used[u.Province]; !ok {
			provinces = append(provinces, u.Province)
		}
		used[u.Province] += u.N
	}
	sort.Ints(years)
	d.Shown = chooseSeries(r, provinces, used)
	names, at := d.Shown.sumByYear(len(uses), func(i int) (string, int, int64, int64) {
		return uses[i].Province, uses[i].Year, uses[i].N, uses[i].Tokens
	})
	var rows [][]string
	for _, name := range names {
		for _, y := range years {
			if s := at[name][y]; s != nil {
				rows = append(rows, []string{name, strconv.Itoa(y), itoa(s.n), itoa(s.tokens), ftoa(s.per10k())})
			}
		}
	}
	line, links := provinceYearLines("term-usage", names, years, func(name string, y int) (float64, string, bool) {
		s := at[name][y]
		if s == nil {
			return 0, "", false
		}
		cell := d.Shown.filterOf(name, f)
		if y != 0 {
			cell.YearFrom, cell.YearTo = y, y
		}
		return s.per10k(), kwicLink(r, cell, "", d.Term, ""), true
	})
	c, err := newChart("term-usage", "「"+d.Term+"」在各年份的使用（每万词，按省份）", "360px", line, links)
	if err != nil {
		return err
	}
	c.Note = "按分词结果计数；点击数据点查看原句"
	if note := d.Shown.note(); note != "" {
		c.Note += "；" + note
	}
	d.Usage = p.attach(r, c.table([]string{"province", "year", "n", "tokens", "per_10k"}, rows), "TermUsage", "term_frequency")
	return nil
}

// spreadChart draws the term per 10,000 tokens of each province over the
// filtered years as horizontal bars, a row per province in administrative
// order; a bar opens the province's sentences with the term.
func spreadChart(r request, p *page, d *termsData, f queries.Filter, uses []queries.TermUse) error {
	type agg struct{ n, tokens int64 }
	by := map[string]*agg{}
	var provinces []string
	for _, u := range uses {
		a := by[u.Province]
		if a == nil {
			a = &agg{}
			by[u.Province] = a
			provinces = append(provinces, u.Province)
		}
		a.n += u.N
		a.tokens += u.Tokens
	}
	if len(provinces) == 0 {
		return nil
	}
	var items []termItem
	var links []string
	var rows [][]string
	for _, prov := range provinces {
		a := by[prov]
		v := per10k(a.n, a.tokens)
		items = append(items, termItem{Name: prov, Value: round2(v), N: a.n, Per10k: round2(v)})
		links = append(links, kwicLink(r, f, "province:"+prov, d.Term, ""))
		rows = append(rows, []string{prov, itoa(a.n), itoa(a.tokens), ftoa(v)})
	}
	b := charts.NewBar()
	b.SetGlobalOptions(initOpts("term-provinces"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: opts.FuncOpts("policylens.tipTerm")}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "每万词"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: allLabels()}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "60", Top: "10", Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	b.SetXAxis(provinces)
	b.AddSeries("每万词", nil, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#0c6b58"}))
	b.MultiSeries[0].Data = items
	b.XYReversal()
	c, err := newChart("term-provinces", "「"+d.Term+"」在各省份的使用（每万词，所选年份合计）", rowsHeight(len(provinces), 60), b, [][]string{links})
	if err != nil {
		return err
	}
	c.Note = "点击柱子查看该省的原句"
	d.Spread = p.attach(r, c.table([]string{"province", "n", "tokens", "per_10k"}, rows), "TermUsage", "term_frequency")
	return nil
}

// defaultSelections picks selections A and B inside the filtered corpus
// (rows of CorpusOverview, ordered by province and year): its first two
// provinces when it holds several, else its two latest years, else all of
// it on both sides.
func defaultSelections(rows []queries.CorpusRow) (a, b string) {
	var provinces []string
	var years []int
	for _, row := range rows {
		if !slices.Contains(provinces, row.Province) {
			provinces = append(provinces, row.Province)
		}
		if row.Year != 0 && !slices.Contains(years, row.Year) {
			years = append(years, row.Year)
		}
	}
	slices.Sort(years)
	switch {
	case len(provinces) > 1:
		return "province:" + provinces[0], "province:" + provinces[1]
	case len(years) > 1:
		return "year:" + strconv.Itoa(years[len(years)-1]), "year:" + strconv.Itoa(years[len(years)-2])
	}
	return "all", "all"
}

// resolveSelection turns a selection key into its label and the filter it
// adds to the base filter; unknown keys mean all documents. A selection is
// always inside the base filter: a province the filter leaves out selects
// nothing.
func resolveSelection(key string, base queries.Filter, choices []selection) (selection, queries.Filter) {
	f := base
	kind, value, _ := strings.Cut(key, ":")
	switch kind {
	case "province":
		if len(f.Provinces) > 0 && !slices.Contains(f.Provinces, value) {
			f.ExcludeProvinces = append(append([]string(nil), f.ExcludeProvinces...), value)
		}
		f.Provinces = []string{value}
	case "rest":
		f.ExcludeProvinces = append(append([]string(nil), f.ExcludeProvinces...), value)
	case "year":
		if y, err := strconv.Atoi(value); err == nil {
			f.YearFrom, f.YearTo = y, y
		} else {
			key = "all"
		}
	default:
		key = "all"
	}
	for _, c := range choices {
		if c.Key == key {
			return c, f
		}
	}
	if key == "all" {
		return selection{Key: "all", Label: "全部文档"}, f
	}
	return selection{Key: key, Label: value}, f
}

// readerLink links to the reader at a sentence; on the server it also asks
// the reader to mark the given terms.
func readerLink(r request, doc int64, sentence int, terms ...string) string {
	link := r.site.Doc(doc, sentence)
	if r.site.static {
		return link
	}
	q := url.Values{}
	for _, t := range terms {
		if t != "" {
			q.Add("hl", t)
		}
	}
	if len(q) == 0 {
		return link
	}
	path, frag, _ := strings.Cut(link, "#")
	link = path + "?" + q.Encode()
	if frag != "" {
		link += "#" + frag
	}
	return link
}
