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
	Metric     string
	Unit       string
	Metrics    []metricLink
	Points     []pointView
	Targets    []targetView
	ByYear     *chartView
	ByProvince *chartView
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

// indicatorsPage shows one metric across provinces and years, achievements
// and targets as separate series, each point linked to its sentence.
func indicatorsPage(r request) (*page, error) {
	p := &page{Name: "indicators", Title: "数值指标比较", Nav: "indicators", Site: r.site}
	bar, _, err := facetsBar(r, r.site.Href("indicators"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
	f := parseFilter(r.query)
	metrics, err := queries.IndicatorMetrics(r.ctx, r.db, f)
	if err != nil {
		return nil, err
	}
	d := &indicatorsData{Metric: r.query.Get("metric")}
	if d.Metric == "" && len(metrics) > 0 {
		d.Metric = metrics[0].Metric
	}
	bar.Hidden = map[string]string{"metric": d.Metric}
	base := filterQuery(f)
	for i, m := range metrics {
		if i >= 60 && m.Metric != d.Metric {
			continue // the long tail of one-off phrases stays in SQL
		}
		d.Metrics = append(d.Metrics, metricLink{MetricRow: m, Href: r.site.Page("indicators", with(base, "metric", m.Metric)), Active: m.Metric == d.Metric})
		if m.Metric == d.Metric {
			d.Unit = m.Unit
		}
	}
	points, err := queries.IndicatorSeries(r.ctx, r.db, f, d.Metric)
	if err != nil {
		return nil, err
	}
	for _, pt := range points {
		d.Points = append(d.Points, pointView{IndicatorPoint: pt, Href: r.site.Doc(pt.DocID, pt.SentenceNo)})
	}

	targets, err := queries.TargetResults(r.ctx, r.db, f, d.Metric)
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

	var years, provinces []string
	seenY, seenP := map[string]bool{}, map[string]bool{}
	var table [][]string
	for _, pt := range points {
		if y := yearText(pt.Year); !seenY[y] {
			seenY[y] = true
			years = append(years, y)
		}
		if !seenP[pt.Province] {
			seenP[pt.Province] = true
			provinces = append(provinces, pt.Province)
		}
		max := ""
		if pt.ValueMax != nil {
			max = ftoa(*pt.ValueMax)
		}
		table = append(table, []string{pt.Province, pt.City, pt.County, strconv.Itoa(pt.Year), pt.Kind, pt.Measure, pt.Metric,
			ftoa(pt.Value), max, pt.Unit, pt.Qualifier, pt.Surface, pt.File, strconv.Itoa(pt.SentenceNo), pt.Sentence})
	}
	sort.Strings(years)
	header := []string{"province", "city", "county", "year", "kind", "measure", "metric", "value", "value_max", "unit", "qualifier", "surface", "file", "sentence_no", "sentence"}
	q := r.query
	if q.Get("metric") == "" {
		q = with(q, "metric", d.Metric)
	}
	r.query = q

	for _, axis := range []struct {
		name, title string
		cats        []string
		key         func(queries.IndicatorPoint) string
		target      **chartView
	}{
		{"indicators-years", "按年份（指标所指年份）", years, func(pt queries.IndicatorPoint) string { return yearText(pt.Year) }, &d.ByYear},
		{"indicators-provinces", "按省份", provinces, func(pt queries.IndicatorPoint) string { return pt.Province }, &d.ByProvince},
	} {
		sc := charts.NewScatter()
		sc.SetGlobalOptions(initOpts(axis.name),
			charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipPoint")}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
			charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: axis.cats}),
			charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: d.Unit, Scale: opts.Bool(true), AxisLabel: &opts.AxisLabel{Formatter: opts.FuncOpts("policylens.wan")}}),
			charts.WithGridOpts(opts.Grid{Left: "10", Right: "30", ContainLabel: opts.Bool(true)}),
		)
		sc.SetXAxis(axis.cats)
		var links [][]string
		for _, kind := range kinds {
			var data []opts.ScatterData
			var l []string
			for _, pt := range points {
				if pt.Kind != kind {
					continue
				}
				name := pt.Province + pt.City + pt.County + " " + yearText(pt.Year) + "年 · " + measureLabel(pt.Measure) + "：" + pt.Surface
				data = append(data, opts.ScatterData{Name: name, Value: []any{axis.key(pt), pt.Value}, SymbolSize: 14, Symbol: symbolFor(kind)})
				l = append(l, r.site.Doc(pt.DocID, pt.SentenceNo))
			}
			if len(data) == 0 {
				continue
			}
			sc.AddSeries(kindLabel(kind), data)
			links = append(links, l)
		}
		c, err := newChart(axis.name, d.Metric+" · "+axis.title, "380px", sc, links)
		if err != nil {
			return nil, err
		}
		c.Note = "圆点为实绩、三角为目标；点击查看原句"
		*axis.target = p.attach(r, c.table(header, table), "IndicatorSeries", "indicator_facts")
		if c.SQLRun != "" {
			c.SQLRun = r.site.Console("SELECT * FROM indicator_facts WHERE coalesce(canonical_metric, metric) = '" + sqlQuote(d.Metric) + "' ORDER BY province, year")
		}
	}
	p.Data = d
	return p, nil
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
