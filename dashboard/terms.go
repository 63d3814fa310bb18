package dashboard

import (
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

// termsLimit is how many top terms each selection shows.
const termsLimit = 20

// selection is one side of the terms comparison: all documents, one
// province ("province:山东省") or one year ("year:2025"), within the
// filter bar's documents.
type selection struct {
	Key   string
	Label string
}

type termsData struct {
	A, B      selectionView
	Choices   []selection
	Provinces []selection // quick links offline
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
	p.Data = d
	return p, nil
}

// resolveSelection turns a selection key into its label and the filter it
// adds to the base filter; unknown keys mean all documents.
func resolveSelection(key string, base queries.Filter, choices []selection) (selection, queries.Filter) {
	f := base
	kind, value, _ := strings.Cut(key, ":")
	switch kind {
	case "province":
		f.Provinces = []string{value}
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
		charts.WithGridOpts(opts.Grid{Left: "100", Right: "40", Top: "10", Bottom: "30"}),
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
