package dashboard

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

// termsLimit is how many top terms each selection shows.
const termsLimit = 20

// kwicLimit caps the concordance lines of a term.
const kwicLimit = 100

// selection is one side of the terms comparison: all documents, one
// province ("province:山东省") or one year ("year:2025"), within the
// filter bar's documents.
type selection struct {
	Key   string
	Label string
}

type termsData struct {
	A, B     selectionView
	Choices  []selection
	Keyness  *chartView
	KeyTerms []keyTermView
	Network  *chartView
	Term     string // the term looked up, "" for none
	Usage    *chartView
	First    []queries.TermUse // per province, earliest first use first
	KWIC     []kwicLine
}

type keyTermView struct {
	queries.KeyTerm
	Side string // the selection where the term is more frequent
	Href string // the term's page
}

// kwicLine is one concordance line split around the term.
type kwicLine struct {
	queries.ConcordanceLine
	Left, Match, Right string
	Href               string
}

type selectionView struct {
	selection
	Terms []queries.TermRow
	Chart *chartView
}

// termsPage puts the top terms of two selections side by side.
func termsPage(r request) (*page, error) {
	p := &page{Name: "terms", Title: "高频词语比较", Nav: "terms", Site: r.site}
	bar, facets, err := facetsBar(r, r.site.Href("terms"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
	base := parseFilter(r.query)
	d := &termsData{Choices: []selection{{Key: "all", Label: "全部文档"}}}
	provinces := queries.FacetValues(facets, "province")
	for _, prov := range provinces {
		d.Choices = append(d.Choices, selection{Key: "province:" + prov, Label: prov})
	}
	for _, prov := range provinces {
		d.Choices = append(d.Choices, selection{Key: "rest:" + prov, Label: prov + "以外"})
	}
	for _, y := range queries.FacetYears(facets) {
		d.Choices = append(d.Choices, selection{Key: "year:" + strconv.Itoa(y), Label: strconv.Itoa(y) + "年"})
	}
	defA, defB := "all", "all"
	if len(provinces) > 0 {
		defA = "province:" + provinces[0]
	}
	if len(provinces) > 1 {
		defB = "province:" + provinces[1]
	}
	bar.Hidden = map[string]string{}
	var filters [2]queries.Filter
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
		filters[i] = f
		terms, err := queries.TopTerms(r.ctx, r.db, f, termsLimit)
		if err != nil {
			return nil, err
		}
		name := "terms-" + side.param
		c, err := termsChart(name, sel.Label, terms)
		if err != nil {
			return nil, err
		}
		c.Note = []string{"选择 A", "选择 B"}[i]
		var rows [][]string
		for _, t := range terms {
			rows = append(rows, []string{t.Term, itoa(t.N), itoa(t.Documents), ftoa(t.Per10k)})
		}
		*side.view = selectionView{selection: sel, Terms: terms,
			Chart: p.attach(r, c.table([]string{"term", "n", "documents", "per_10k"}, rows), "TopTerms", "term_frequency")}
	}
	if err := keynessChart(r, p, d, filters[0], filters[1]); err != nil {
		return nil, err
	}
	if err := networkChart(r, p, d, filters[0]); err != nil {
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

// keynessChart ranks the terms that set A apart from B and draws them as
// diverging bars of the log ratio, A to the right.
func keynessChart(r request, p *page, d *termsData, a, b queries.Filter) error {
	keys, err := queries.Keyness(r.ctx, r.db, a, b, termsLimit)
	if err != nil {
		return err
	}
	var cats []string
	var data []opts.BarData
	var links []string
	var rows [][]string
	for _, k := range keys {
		side := d.A.Label
		color := "#1f6feb"
		if k.LogRatio < 0 {
			side, color = d.B.Label, "#e12d39"
		}
		href := r.site.Page("terms", with(r.query, "term", k.Term))
		d.KeyTerms = append(d.KeyTerms, keyTermView{KeyTerm: k, Side: side, Href: href})
		cats = append(cats, k.Term)
		data = append(data, opts.BarData{Name: k.Term, Value: round2(k.LogRatio), ItemStyle: &opts.ItemStyle{Color: color}})
		links = append(links, href)
		rows = append(rows, []string{k.Term, itoa(k.A), itoa(k.B), ftoa(k.APer10k), ftoa(k.BPer10k), ftoa(k.LL), ftoa(k.LogRatio)})
	}
	if len(keys) == 0 {
		return nil
	}
	ch := charts.NewBar()
	ch.SetGlobalOptions(initOpts("terms-keyness"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "log2 比值"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "70", Top: "10", Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	ch.SetXAxis(cats)
	ch.AddSeries("log2 比值", data)
	ch.XYReversal()
	c, err := newChart("terms-keyness", "关键性："+d.A.Label+"（蓝，向右）对比 "+d.B.Label+"（红，向左）", strconv.Itoa(60+24*max(len(keys), 5))+"px", ch, [][]string{links})
	if err != nil {
		return err
	}
	c.Note = "按对数似然值 G² 排序；G² > 3.84 即 p < 0.05。点击词语查看用法"
	d.Keyness = p.attach(r, c.table([]string{"term", "a_n", "b_n", "a_per_10k", "b_per_10k", "ll", "log_ratio"}, rows), "Keyness", "")
	return nil
}

// networkSize is how many top terms the co-occurrence network shows, and
// networkEdges how many of their pairs.
const (
	networkSize  = 30
	networkEdges = 80
)

// networkChart draws the top terms of selection A as a network: a node per
// term sized by frequency, an edge per pair sharing sentences.
func networkChart(r request, p *page, d *termsData, f queries.Filter) error {
	top := d.A.Terms
	if len(top) < networkSize {
		var err error
		if top, err = queries.TopTerms(r.ctx, r.db, f, networkSize); err != nil {
			return err
		}
	}
	if len(top) == 0 {
		return nil
	}
	pairs, err := queries.TermCooccurrence(r.ctx, r.db, f, networkSize, networkEdges)
	if err != nil {
		return err
	}
	maxN := float64(top[0].N)
	var nodes []opts.GraphNode
	var links []string
	for _, t := range top {
		size := 10 + 30*float64(t.N)/math.Max(maxN, 1)
		nodes = append(nodes, opts.GraphNode{Name: t.Term, Value: float32(t.N), SymbolSize: math.Round(size)})
		links = append(links, r.site.Page("terms", with(r.query, "term", t.Term)))
	}
	var edges []opts.GraphLink
	var rows [][]string
	for _, pr := range pairs {
		edges = append(edges, opts.GraphLink{Source: pr.Source, Target: pr.Target, Value: float32(pr.Sentences)})
		rows = append(rows, []string{pr.Source, pr.Target, itoa(pr.Sentences)})
	}
	g := charts.NewGraph()
	g.SetGlobalOptions(initOpts("terms-network"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	g.AddSeries("共现", nodes, edges,
		charts.WithGraphChartOpts(opts.GraphChart{Layout: "circular", Roam: opts.Bool(true), FocusNodeAdjacency: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: "source", Curveness: 0.3, Opacity: opts.Float(0.5)}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
	)
	c, err := newChart("terms-network", d.A.Label+"：高频词共现网络", "520px", g, [][]string{links})
	if err != nil {
		return err
	}
	c.Note = "连线表示两个词出现在同一句中，越粗共现越多；点击词语查看用法"
	d.Network = p.attach(r, c.table([]string{"source", "target", "sentences"}, rows), "TermCooccurrence", "")
	return nil
}

// termLookup shows one term: its use over years by province, where it was
// first used, and its sentences in context.
func termLookup(r request, p *page, d *termsData, f queries.Filter) error {
	uses, err := queries.TermUsage(r.ctx, r.db, f, d.Term)
	if err != nil {
		return err
	}
	var years []int
	seen := map[int]bool{}
	var provinces []string
	first := map[string]queries.TermUse{}
	var rows [][]string
	for _, u := range uses {
		if !seen[u.Year] {
			seen[u.Year] = true
			years = append(years, u.Year)
		}
		if _, ok := first[u.Province]; !ok {
			provinces = append(provinces, u.Province)
			first[u.Province] = u
		}
		rows = append(rows, []string{u.Province, strconv.Itoa(u.Year), itoa(u.N), itoa(u.Tokens), ftoa(u.Per10k), u.FirstPublished})
	}
	sort.Ints(years)
	line := charts.NewLine()
	line.SetGlobalOptions(initOpts("term-usage"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Name: "每万词"}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "30", ContainLabel: opts.Bool(true)}),
	)
	line.SetXAxis(yearLabels(years))
	var links [][]string
	for _, prov := range provinces {
		var data []opts.LineData
		var l []string
		for _, y := range years {
			var v any = nil
			for _, u := range uses {
				if u.Province == prov && u.Year == y {
					v = round2(u.Per10k)
				}
			}
			data = append(data, opts.LineData{Value: v})
			l = append(l, r.site.Page("documents", filterQuery(queries.Filter{Provinces: []string{prov}, YearFrom: y, YearTo: y})))
		}
		line.AddSeries(prov, data, charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(true)}))
		links = append(links, l)
	}
	c, err := newChart("term-usage", "「"+d.Term+"」在各省份、各年份的使用（每万词）", "320px", line, links)
	if err != nil {
		return err
	}
	d.Usage = p.attach(r, c.table([]string{"province", "year", "n", "tokens", "per_10k", "first_published"}, rows), "TermUsage", "term_frequency")
	for _, prov := range provinces {
		if first[prov].FirstPublished != "" {
			d.First = append(d.First, first[prov])
		}
	}
	sort.SliceStable(d.First, func(i, j int) bool { return d.First[i].FirstPublished < d.First[j].FirstPublished })

	lines, err := queries.Concordance(r.ctx, r.db, f, d.Term, kwicLimit)
	if err != nil {
		return err
	}
	for _, l := range lines {
		for _, k := range kwic(l.Text, d.Term, 24) {
			k.ConcordanceLine = l
			k.Href = r.site.Doc(l.DocID, l.SentenceNo)
			if len(d.KWIC) < kwicLimit {
				d.KWIC = append(d.KWIC, k)
			}
		}
	}
	return nil
}

// kwic splits text around every occurrence of term, keeping width runes of
// context on each side.
func kwic(text, term string, width int) []kwicLine {
	var out []kwicLine
	if term == "" {
		return nil
	}
	runes := []rune(text)
	t := []rune(term)
	for i := 0; i+len(t) <= len(runes); i++ {
		if string(runes[i:i+len(t)]) != term {
			continue
		}
		from := max(0, i-width)
		to := min(len(runes), i+len(t)+width)
		out = append(out, kwicLine{Left: string(runes[from:i]), Match: term, Right: string(runes[i+len(t) : to])})
		i += len(t) - 1
	}
	return out
}

// resolveSelection turns a selection key into its label and the filter it
// adds to the base filter; unknown keys mean all documents.
func resolveSelection(key string, base queries.Filter, choices []selection) (selection, queries.Filter) {
	f := base
	kind, value, _ := strings.Cut(key, ":")
	switch kind {
	case "province":
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
	return selection{Key: key, Label: value}, f
}

// termsChart draws one selection's top terms as horizontal bars, the most
// frequent on top.
func termsChart(name, label string, terms []queries.TermRow) (*chartView, error) {
	b := charts.NewBar()
	b.SetGlobalOptions(initOpts(name),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "每万词"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "60", Top: "10", Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	var cats []string
	var data []opts.BarData
	for _, t := range terms {
		cats = append(cats, t.Term)
		data = append(data, opts.BarData{Name: t.Term, Value: round2(t.Per10k)})
	}
	b.SetXAxis(cats)
	b.AddSeries(label, data)
	b.XYReversal()
	return newChart(name, label, strconv.Itoa(60+24*max(len(terms), 5))+"px", b, nil)
}
