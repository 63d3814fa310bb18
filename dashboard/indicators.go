package dashboard

import (
	"net/url"
	"slices"
	"sort"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

// kinds are the indicator kinds in the order their series are drawn.
var kinds = []string{"achievement", "target", "other"}

type indicatorsData struct {
	Metric      string
	Unit        string
	Metrics     []metricLink
	Points      []pointView
	PointsPager pager
	Facets      []facetGroup // counts of the metric's figures by field, beside the table
	Targets     []targetView
	TargetPager pager
	ByYear      *chartView
	ByProvince  *chartView
	Levels      []option // the place levels the charts can draw (links), the drawn one Selected
	Measures    []option // the measures of that level (links), the drawn one Selected
	PointsExp   exportLinks
	TargetsExp  exportLinks
}

type metricLink struct {
	queries.MetricRow
	Href   string
	Active bool
}

type targetView struct {
	queries.TargetResult
	TargetHref, ResultHref string
	Candidates             []candidateView
}

type candidateView struct {
	queries.TargetCandidate
	Href string
}

type pointView struct {
	queries.IndicatorPoint
	Href string
}

// Rows of one page of the indicators and targets tables, and how many
// metrics the list offers (the long tail of one-off phrases stays in SQL).
const (
	pointsPageSize  = 100
	targetsPageSize = 50
	metricsListed   = 60
)

// indicatorsPage shows one metric across provinces and years, achievements
// and targets as separate series. The charts draw the metric rolled up
// (median per province, year, kind), each mark linked to the figure
// nearest its median; the tables list the figures and the targets one page
// at a time (page= and tpage=), each linked to its sentence.
func indicatorsPage(r request) (*page, error) {
	p := &page{Name: "indicators", Title: "数值指标比较", Nav: "indicators", Site: r.site}
	bar, _, err := facetsBar(r, r.site.Href("indicators"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
	if bar.Problem != "" {
		return p, nil
	}
	f := parseFilter(r.query)
	metrics, err := queries.IndicatorMetrics(r.ctx, r.db, f, metricsListed)
	if err != nil {
		return nil, err
	}
	d := &indicatorsData{Metric: r.query.Get("metric")}
	if d.Metric == "" && len(metrics) > 0 {
		d.Metric = metrics[0].Metric
	}
	bar.Hidden = map[string]string{"metric": d.Metric}
	base := filterQuery(f)
	for _, m := range metrics {
		d.Metrics = append(d.Metrics, metricLink{MetricRow: m, Href: r.site.Page("indicators", with(base, "metric", m.Metric)), Active: m.Metric == d.Metric})
		if m.Metric == d.Metric {
			d.Unit = m.Unit
		}
	}
	q := r.query
	if q.Get("metric") == "" {
		q = with(q, "metric", d.Metric)
	}
	r.query = q

	pg := pageOf(r.query, pointsPageSize)
	sel := parseIndicatorSelect(r.query)
	points, total, err := queries.IndicatorSeries(r.ctx, r.db, f, d.Metric, sel, pg)
	if err != nil {
		return nil, err
	}
	facets, err := queries.IndicatorFacets(r.ctx, r.db, f, d.Metric, sel, facetValues)
	if err != nil {
		return nil, err
	}
	d.Facets = facetGroups(r, "indicators", indicatorFacetFields, facets)
	for _, pt := range points {
		d.Points = append(d.Points, pointView{IndicatorPoint: pt, Href: r.site.Doc(pt.DocID, pt.SentenceNo)})
	}
	d.PointsPager = newPager(r, "indicators", pg, total)
	d.PointsExp = p.export(r, "indicators")

	tpg := pageOf(with(r.query, "page", r.query.Get("tpage")), targetsPageSize)
	targets, ttotal, err := queries.TargetResults(r.ctx, r.db, f, d.Metric, tpg)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(targets))
	for i, t := range targets {
		ids[i] = t.TargetID
	}
	cands, err := queries.TargetCandidates(r.ctx, r.db, ids, d.Metric)
	if err != nil {
		return nil, err
	}
	byTarget := map[int64][]candidateView{}
	for _, c := range cands {
		byTarget[c.TargetID] = append(byTarget[c.TargetID], candidateView{TargetCandidate: c, Href: r.site.Doc(c.ResultDocID, c.ResultSentenceNo)})
	}
	for _, tr := range targets {
		tv := targetView{TargetResult: tr, TargetHref: r.site.Doc(tr.TargetDocID, tr.TargetSentenceNo), Candidates: byTarget[tr.TargetID]}
		if tr.Result != nil {
			tv.ResultHref = r.site.Doc(tr.ResultDocID, tr.ResultSentenceNo)
		}
		d.Targets = append(d.Targets, tv)
	}
	d.TargetPager = newPagerParam(r, "indicators", "tpage", tpg, ttotal)
	d.TargetsExp = p.export(r, "targets")
	if d.Unit == "" && len(points) > 0 {
		d.Unit = points[0].Unit
	}

	// The charts draw one level of place and one measure (see chartCells),
	// so that provinces, cities and counties, and totals and increments,
	// never share an axis; the tables list every figure.
	rf := f
	rf.Level = ""
	all, err := queries.IndicatorRollup(r.ctx, r.db, rf, d.Metric, "")
	if err != nil {
		return nil, err
	}
	cells := chartCells(r, d, f, all)
	if d.ByYear, err = indicatorsByYear(r, p, d, cells); err != nil {
		return nil, err
	}
	if d.ByProvince, err = indicatorsByProvince(r, p, d, cells); err != nil {
		return nil, err
	}
	p.Data = d
	return p, nil
}

// indicatorFacetFields are the facets of the indicators table, in the
// order shown: the filter bar's fields and the figures' own.
var indicatorFacetFields = []facetField{
	{"province", "省份", "province"},
	{"level", "层级", "level"},
	{"doc_type", "文档类型", "type"},
	{"kind", "类别", "kind"},
	{"measure", "口径", "measure"},
	{"unit", "单位", "unit"},
	{"year", "指标年份", "fyear"},
	{"scope", "归属", "scope"},
}

// parseIndicatorSelect reads the indicators table's own fields (kind=,
// measure=, unit=, scope=, fyear=), validated by the page's parameters.
func parseIndicatorSelect(q url.Values) queries.IndicatorSelect {
	y, _ := strconv.Atoi(q.Get("fyear"))
	return queries.IndicatorSelect{Kind: q.Get("kind"), Measure: q.Get("measure"), Unit: q.Get("unit"), Scope: q.Get("scope"), Year: y}
}

// levelOrder is the order the charts prefer place levels in when the
// filter names none: the level with figures that is highest.
var levelOrder = []string{"province", "city", "county", "unknown"}

// measureOrder lists the measures in the order their links are offered.
var measureOrder = []string{"total", "increment", "rate", "growth", "rank", "count"}

// chartCells picks the rolled-up rows the charts draw: one place level
// (the filter's, else the highest level with figures of the metric) and
// one measure (measure=, else the level's most frequent), and records the
// other levels and measures as links with their numbers of figures.
func chartCells(r request, d *indicatorsData, f queries.Filter, all []queries.RollupRow) []queries.RollupRow {
	figures := map[string]int64{}
	for _, c := range all {
		figures[c.Level] += c.N
	}
	level := f.Level
	if level == "" {
		for _, l := range levelOrder {
			if figures[l] > 0 {
				level = l
				break
			}
		}
	}
	for _, l := range levelOrder {
		if figures[l] == 0 && l != level {
			continue
		}
		lf := f
		lf.Level = l
		q := with(with(with(r.query, "measure", ""), "page", ""), "tpage", "")
		d.Levels = append(d.Levels, option{Value: r.site.Page("indicators", keep(q, filterQuery(lf))),
			Label: levelLabel(l) + "（" + itoa(figures[l]) + " 项）", Selected: l == level})
	}
	var atLevel []queries.RollupRow
	perMeasure := map[string]int64{}
	for _, c := range all {
		if c.Level == level {
			atLevel = append(atLevel, c)
			perMeasure[c.Measure] += c.N
		}
	}
	measure := r.query.Get("measure")
	if perMeasure[measure] == 0 {
		measure = ""
		for _, m := range measureOrder {
			if perMeasure[m] > perMeasure[measure] {
				measure = m
			}
		}
	}
	for _, m := range measureOrder {
		if perMeasure[m] > 0 {
			d.Measures = append(d.Measures, option{Value: r.site.Page("indicators", with(with(with(r.query, "measure", m), "page", ""), "tpage", "")),
				Label: measureLabel(m) + "（" + itoa(perMeasure[m]) + " 项）", Selected: m == measure})
		}
	}
	var out []queries.RollupRow
	for _, c := range atLevel {
		if c.Measure == measure {
			out = append(out, c)
		}
	}
	return out
}

// rollupHeader and rollupRow are the CSV of the indicator charts.
var rollupHeader = []string{"level", "province", "year", "kind", "measure", "unit", "n", "median", "min", "max", "median_surface", "doc_id", "sentence_no"}

func rollupRow(c queries.RollupRow) []string {
	return []string{c.Level, c.Province, strconv.Itoa(c.Year), c.Kind, c.Measure, c.Unit,
		itoa(c.N), ftoa(c.Median), ftoa(c.Min), ftoa(c.Max), c.Surface, itoa(c.DocID), strconv.Itoa(c.SentenceNo)}
}

// rollupSeries adds a scatter series per kind (achievements, targets …),
// each mark a cell's median placed by at, and returns the marks' links and
// the CSV rows in the order drawn.
func rollupSeries(r request, sc *charts.Scatter, cells []queries.RollupRow, at func(c queries.RollupRow) []any) ([][]string, [][]string) {
	var links, table [][]string
	for _, kind := range kinds {
		var data []opts.ScatterData
		var l []string
		for _, c := range cells {
			if c.Kind != kind {
				continue
			}
			label := c.Province + " " + yearText(c.Year) + "年：中位数（" + itoa(c.N) + " 项）"
			data = append(data, opts.ScatterData{Name: label, Value: at(c), SymbolSize: 14, Symbol: symbolFor(kind)})
			l = append(l, r.site.Doc(c.DocID, c.SentenceNo))
			table = append(table, rollupRow(c))
		}
		if len(data) == 0 {
			continue
		}
		sc.AddSeries(kindLabel(kind), data)
		links = append(links, l)
	}
	return links, table
}

// rollupNote says what the marks of an indicator chart are.
func rollupNote(cells []queries.RollupRow) string {
	return levelLabel(cells[0].Level) + " · " + measureLabel(cells[0].Measure) + "：每个点是一个省份、年份的中位数（圆点为实绩、三角为目标）；点击查看最接近中位数的原句"
}

// finishRollup attaches an indicator chart to the page with its CSV and a
// console link to the metric's figures.
func finishRollup(r request, p *page, d *indicatorsData, c *chartView, cells []queries.RollupRow, table [][]string) *chartView {
	c.Note = rollupNote(cells)
	c = p.attach(r, c.table(rollupHeader, table), "IndicatorRollup", "indicator_facts")
	if c.SQLRun != "" {
		c.SQLRun = r.site.Console("SELECT * FROM indicator_facts WHERE coalesce(canonical_metric, metric) = '" + sqlQuote(d.Metric) + "' ORDER BY province, year")
	}
	return c
}

// indicatorsByYear draws the chosen level's and measure's medians over
// the years the figures refer to, a series per kind.
func indicatorsByYear(r request, p *page, d *indicatorsData, cells []queries.RollupRow) (*chartView, error) {
	if len(cells) == 0 {
		return nil, nil
	}
	var years []int
	for _, c := range cells {
		if !slices.Contains(years, c.Year) {
			years = append(years, c.Year)
		}
	}
	sort.Ints(years)
	sc := charts.NewScatter()
	sc.SetGlobalOptions(initOpts("indicators-years"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipPoint")}),
		charts.WithLegendOpts(scrollLegend()),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: yearLabels(years), AxisLabel: allLabels()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: d.Unit, Scale: opts.Bool(true), AxisLabel: &opts.AxisLabel{Formatter: opts.FuncOpts("policylens.wan")}}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "30", Top: "60", Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	sc.SetXAxis(yearLabels(years))
	links, table := rollupSeries(r, sc, cells, func(c queries.RollupRow) []any { return []any{yearText(c.Year), c.Median} })
	c, err := newChart("indicators-years", d.Metric+" · 按年份（指标所指年份）", "400px", sc, links)
	if err != nil {
		return nil, err
	}
	return finishRollup(r, p, d, c, cells, table), nil
}

// indicatorsByProvince draws the chosen level's and measure's medians by
// province, a row per province in administrative order (the rows' order),
// the chart growing with them, a series per kind.
func indicatorsByProvince(r request, p *page, d *indicatorsData, cells []queries.RollupRow) (*chartView, error) {
	if len(cells) == 0 {
		return nil, nil
	}
	var provinces []string
	for _, c := range cells {
		if !slices.Contains(provinces, c.Province) {
			provinces = append(provinces, c.Province)
		}
	}
	sc := charts.NewScatter()
	sc.SetGlobalOptions(initOpts("indicators-provinces"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipPoint")}),
		charts.WithLegendOpts(scrollLegend()),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: d.Unit, Scale: opts.Bool(true), AxisLabel: &opts.AxisLabel{Formatter: opts.FuncOpts("policylens.wan")}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: provinces, Inverse: opts.Bool(true), AxisLabel: allLabels(),
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#eef2f6"}}}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "50", Top: legendTop, Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	links, table := rollupSeries(r, sc, cells, func(c queries.RollupRow) []any { return []any{c.Median, c.Province} })
	c, err := newChart("indicators-provinces", d.Metric+" · 按省份", rowsHeight(len(provinces), 90), sc, links)
	if err != nil {
		return nil, err
	}
	return finishRollup(r, p, d, c, cells, table), nil
}

func symbolFor(kind string) string {
	switch kind {
	case "target":
		return "triangle"
	case "other":
		return "rect"
	}
	return "circle"
}

// sqlQuote doubles single quotes for a literal in a console link (the
// console runs it read-only in the sandbox; nothing here is executed by
// the dashboard itself).
func sqlQuote(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '\'' {
			out = append(out, '\'')
		}
		out = append(out, r)
	}
	return string(out)
}
