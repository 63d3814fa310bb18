package dashboard

import (
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"slices"
	"sort"
	"strconv"

	"github.com/policylens/policylens/queries"
)

// maxSeries is how many provinces a chart with a series per province draws
// by default: more lines, bars or radar shapes than this cannot be told
// apart. The others are summed into one series, 其他.
const maxSeries = 6

// showParam is the parameter that chooses the provinces drawn as their own
// series (repeated), the chooser above those charts.
const showParam = "show"

// seriesChoice is which provinces the many-series charts of a page draw as
// their own series; the rest are summed as 其他.
type seriesChoice struct {
	Shown   []string // in the order of the rows (administrative)
	Rest    []string // summed as 其他
	Choices []option // every province, Selected when shown: the chooser
	Chosen  bool     // from the show parameter rather than by default
	Hidden  []param  // the page's other parameters, kept by the chooser
}

// chooseSeries picks the provinces drawn on their own: those of the show
// parameter, else the maxSeries with the most documents (all of them when
// there are at most maxSeries+1), kept in the order of provinces.
func chooseSeries(r request, provinces []string, documents map[string]int64) seriesChoice {
	var s seriesChoice
	want := r.query[showParam]
	for _, p := range want {
		if slices.Contains(provinces, p) {
			s.Chosen = true
		}
	}
	shown := map[string]bool{}
	switch {
	case s.Chosen:
		for _, p := range want {
			shown[p] = true
		}
	case len(provinces) <= maxSeries+1:
		for _, p := range provinces {
			shown[p] = true
		}
	default:
		byDocs := slices.Clone(provinces)
		sort.SliceStable(byDocs, func(i, j int) bool { return documents[byDocs[i]] > documents[byDocs[j]] })
		for _, p := range byDocs[:maxSeries] {
			shown[p] = true
		}
	}
	for _, p := range provinces {
		if shown[p] {
			s.Shown = append(s.Shown, p)
		} else {
			s.Rest = append(s.Rest, p)
		}
		s.Choices = append(s.Choices, option{Value: p, Label: p, Selected: shown[p]})
	}
	for k, vs := range r.query {
		if k == showParam {
			continue
		}
		for _, v := range vs {
			s.Hidden = append(s.Hidden, param{k, v})
		}
	}
	sort.SliceStable(s.Hidden, func(i, j int) bool { return s.Hidden[i].Key < s.Hidden[j].Key })
	return s
}

// Others is the name of the series of the provinces not shown.
func (s seriesChoice) Others() string {
	return "其他（" + strconv.Itoa(len(s.Rest)) + " 省合计）"
}

// names are the series in drawing order: the shown provinces, then 其他.
func (s seriesChoice) names() []string {
	out := slices.Clone(s.Shown)
	if len(s.Rest) > 0 {
		out = append(out, s.Others())
	}
	return out
}

// seriesOf is the series a province's figures go to.
func (s seriesChoice) seriesOf(province string) string {
	if slices.Contains(s.Rest, province) {
		return s.Others()
	}
	return province
}

// filterOf narrows f to the documents of a series: one province, or the
// provinces summed as 其他.
func (s seriesChoice) filterOf(name string, f queries.Filter) queries.Filter {
	if len(s.Rest) > 0 && name == s.Others() {
		f.Provinces = slices.Clone(s.Rest)
		return f
	}
	return withProvince(f, name)
}

// note says which provinces are summed, under the charts that sum them.
func (s seriesChoice) note() string {
	if len(s.Rest) == 0 {
		return ""
	}
	how := "按文档数取前 " + strconv.Itoa(len(s.Shown)) + " 个省份"
	if s.Chosen {
		how = "显示所选的 " + strconv.Itoa(len(s.Shown)) + " 个省份"
	}
	return how + "，其余 " + strconv.Itoa(len(s.Rest)) + " 个省份合并为「其他」（命中与词数相加后计算）；可在「显示省份」中另选"
}

// yearSum is a series' count (hits, occurrences) and tokens in a year.
type yearSum struct{ n, tokens int64 }

// per10k is the sum's count per 10,000 tokens.
func (y *yearSum) per10k() float64 { return per10k(y.n, y.tokens) }

// sumByYear adds up rows of a province, a year, a count and tokens into
// the chosen series by year, and lists the series that have any, in
// drawing order.
func (s seriesChoice) sumByYear(rows int, row func(i int) (province string, year int, n, tokens int64)) ([]string, map[string]map[int]*yearSum) {
	at := map[string]map[int]*yearSum{}
	for i := 0; i < rows; i++ {
		province, year, n, tokens := row(i)
		name := s.seriesOf(province)
		if at[name] == nil {
			at[name] = map[int]*yearSum{}
		}
		sum := at[name][year]
		if sum == nil {
			sum = &yearSum{}
			at[name][year] = sum
		}
		sum.n += n
		sum.tokens += tokens
	}
	var names []string
	for _, name := range s.names() {
		if at[name] != nil {
			names = append(names, name)
		}
	}
	return names, at
}

// provinceThemes are the per-province theme figures of one series.
type provinceThemes struct {
	name  string
	cells map[string]queries.ProvinceTheme // by theme id
}

// cell is the series' figures for a theme (zero when it has none).
func (p provinceThemes) cell(theme string) queries.ProvinceTheme {
	if c, ok := p.cells[theme]; ok {
		return c
	}
	return queries.ProvinceTheme{Province: p.name, Theme: theme}
}

// series groups per-province theme rows into the chosen series: a shown
// province's rows as they are, the others' summed (hits, tokens, documents
// and expected hits add up; a residual does not, so 其他 has none).
func (s seriesChoice) series(rows []queries.ProvinceTheme) []provinceThemes {
	by := map[string]*provinceThemes{}
	for _, c := range rows {
		name := s.seriesOf(c.Province)
		ps := by[name]
		if ps == nil {
			ps = &provinceThemes{name: name, cells: map[string]queries.ProvinceTheme{}}
			by[name] = ps
		}
		if name == c.Province {
			ps.cells[c.Theme] = c
			continue
		}
		sum := ps.cells[c.Theme]
		sum.Province, sum.Theme, sum.Label, sum.Order = name, c.Theme, c.Label, c.Order
		sum.Documents += c.Documents
		sum.Hits += c.Hits
		sum.Tokens += c.Tokens
		sum.Expected += c.Expected
		sum.Per10k = per10k(sum.Hits, sum.Tokens)
		sum.Residual = math.NaN()
		ps.cells[c.Theme] = sum
	}
	var out []provinceThemes
	for _, name := range s.names() {
		if ps := by[name]; ps != nil {
			out = append(out, *ps)
		}
	}
	return out
}

// provinceYearLines is a line chart of values per 10,000 tokens, one line
// per series (a province or 其他) over years, its legend scrolling on one
// line; point gives a series' value and link for a year, ok=false where it
// has none (the line skips the gap).
func provinceYearLines(name string, series []string, years []int, point func(series string, year int) (v float64, link string, ok bool)) (*charts.Line, [][]string) {
	line := charts.NewLine()
	line.SetGlobalOptions(initOpts(name),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(scrollLegend()),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: allLabels()}),
		charts.WithYAxisOpts(opts.YAxis{Name: "每万词"}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "30", Top: "60", Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	line.SetXAxis(yearLabels(years))
	var links [][]string
	for _, s := range series {
		var data []opts.LineData
		var l []string
		for _, y := range years {
			var value any
			v, link, ok := point(s, y)
			if ok {
				value = round2(v)
			}
			data = append(data, opts.LineData{Value: value})
			l = append(l, link)
		}
		line.AddSeries(s, data, charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(true), ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2}))
		links = append(links, l)
	}
	return line, links
}
