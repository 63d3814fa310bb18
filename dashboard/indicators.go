package dashboard

import (
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
	Targets     []targetView
	TargetPager pager
	ByYear      *chartView
	ByProvince  *chartView
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
	points, total, err := queries.IndicatorSeries(r.ctx, r.db, f, d.Metric, "", pg)
	if err != nil {
		return nil, err
	}
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
	for _, tr := range targets {
		tv := targetView{TargetResult: tr, TargetHref: r.site.Doc(tr.TargetDocID, tr.TargetSentenceNo)}
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

	// The charts draw one level of place (the filter's, else provinces) and
	// one measure (measure=, else the metric's most frequent), so that
	// provinces, cities and counties, and totals and increments, never share
	// an axis; the tables list every figure.
	rf := f
	if rf.Level == "" {
		rf.Level = "province"
	}
	cells, err := queries.IndicatorRollup(r.ctx, r.db, rf, d.Metric, r.query.Get("measure"))
	if err != nil {
		return nil, err
	}
	if r.query.Get("measure") == "" {
		cells = mostFrequentMeasure(cells)
	}
	if d.ByYear, err = indicatorChart(r, p, d, cells, "indicators-years", "按年份（指标所指年份）",
		func(c queries.RollupRow) string { return yearText(c.Year) }, true); err != nil {
		return nil, err
	}
	if d.ByProvince, err = indicatorChart(r, p, d, cells, "indicators-provinces", "按省份",
		func(c queries.RollupRow) string { return c.Province }, false); err != nil {
		return nil, err
	}
	p.Data = d
	return p, nil
}

// indicatorChart draws one metric's rolled-up cells against one axis
// (years or provinces, in the rows' order: provinces administrative, years
// ascending), a series per kind, each mark the median of its cell.
func indicatorChart(r request, p *page, d *indicatorsData, cells []queries.RollupRow, name, title string,
	key func(queries.RollupRow) string, sortCats bool) (*chartView, error) {
	var cats []string
	seen := map[string]bool{}
	var table [][]string
	for _, c := range cells {
		if k := key(c); !seen[k] {
			seen[k] = true
			cats = append(cats, k)
		}
		table = append(table, []string{c.Level, c.Province, strconv.Itoa(c.Year), c.Kind, c.Measure, c.Unit,
			itoa(c.N), ftoa(c.Median), ftoa(c.Min), ftoa(c.Max), c.Surface, itoa(c.DocID), strconv.Itoa(c.SentenceNo)})
	}
	if sortCats {
		sort.Strings(cats)
	}
	header := []string{"level", "province", "year", "kind", "measure", "unit", "n", "median", "min", "max", "median_surface", "doc_id", "sentence_no"}
	sc := charts.NewScatter()
	sc.SetGlobalOptions(initOpts(name),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipPoint")}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: cats}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: d.Unit, Scale: opts.Bool(true), AxisLabel: &opts.AxisLabel{Formatter: opts.FuncOpts("policylens.wan")}}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "30", ContainLabel: opts.Bool(true)}),
	)
	sc.SetXAxis(cats)
	var links [][]string
	for _, kind := range kinds {
		var data []opts.ScatterData
		var l []string
		for _, c := range cells {
			if c.Kind != kind {
				continue
			}
			label := c.Province + " " + yearText(c.Year) + "年：中位数（" + itoa(c.N) + " 项）"
			data = append(data, opts.ScatterData{Name: label, Value: []any{key(c), c.Median}, SymbolSize: 14, Symbol: symbolFor(kind)})
			l = append(l, r.site.Doc(c.DocID, c.SentenceNo))
		}
		if len(data) == 0 {
			continue
		}
		sc.AddSeries(kindLabel(kind), data)
		links = append(links, l)
	}
	c, err := newChart(name, d.Metric+" · "+title, "380px", sc, links)
	if err != nil {
		return nil, err
	}
	if len(cells) > 0 {
		c.Note = levelLabel(cells[0].Level) + " · " + measureLabel(cells[0].Measure) + "：每个点是一个省份、年份的中位数（圆点为实绩、三角为目标）；点击查看最接近中位数的原句"
	}
	c = p.attach(r, c.table(header, table), "IndicatorRollup", "indicator_facts")
	if c.SQLRun != "" {
		c.SQLRun = r.site.Console("SELECT * FROM indicator_facts WHERE coalesce(canonical_metric, metric) = '" + sqlQuote(d.Metric) + "' ORDER BY province, year")
	}
	return c, nil
}

// mostFrequentMeasure keeps the cells of the measure with the most figures
// (total, increment ...), so that one chart never mixes measures.
func mostFrequentMeasure(cells []queries.RollupRow) []queries.RollupRow {
	n := map[string]int64{}
	for _, c := range cells {
		n[c.Measure] += c.N
	}
	best := ""
	for m, k := range n {
		if best == "" || k > n[best] || (k == n[best] && m < best) {
			best = m
		}
	}
	var out []queries.RollupRow
	for _, c := range cells {
		if c.Measure == best {
			out = append(out, c)
		}
	}
	return out
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
