package dashboard

import (
	"sort"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

type overviewData struct {
	Documents, Tokens, Sentences, Indicators int64
	Provinces, Years                         int
	Rows                                     []queries.CorpusRow
	Heatmap, TokenBars                       *chartView
}

// overviewPage shows the corpus by province and year.
func overviewPage(r request) (*page, error) {
	p := &page{Name: "overview", Title: "语料概览", Nav: "overview", Site: r.site}
	bar, _, err := facetsBar(r, r.site.Href("overview"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
	f := parseFilter(r.query)
	rows, err := queries.CorpusOverview(r.ctx, r.db, f)
	if err != nil {
		return nil, err
	}
	d := &overviewData{Rows: rows}
	provinces, years := axes(rows)
	d.Provinces, d.Years = len(provinces), len(years)
	for _, row := range rows {
		d.Documents += row.Documents
		d.Tokens += row.Tokens
		d.Sentences += row.Sentences
		d.Indicators += row.Indicators
	}

	// Documents by province and year.
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(initOpts("overview-heatmap"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: yearLabels(years), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: provinces, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: 0, Max: float32(maxDocs(rows)), Orient: "horizontal", Left: "center", Bottom: "0",
			InRange: &opts.VisualMapInRange{Color: []string{"#e6f6ff", "#1f6feb"}}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "20", Top: "20", Bottom: "60", ContainLabel: opts.Bool(true)}),
	)
	var cells []opts.HeatMapData
	var links []string
	var table [][]string
	for _, row := range rows {
		cells = append(cells, opts.HeatMapData{Name: row.Province + " " + yearText(row.Year),
			Value: []any{indexOf(yearLabels(years), yearText(row.Year)), indexOf(provinces, row.Province), row.Documents}})
		q := filterQuery(queries.Filter{Provinces: []string{row.Province}, YearFrom: row.Year, YearTo: row.Year})
		links = append(links, r.site.Page("documents", q))
		table = append(table, []string{row.Province, strconv.Itoa(row.Year), itoa(row.Documents), itoa(row.Tokens), itoa(row.Sentences), itoa(row.Indicators), itoa(row.Chars)})
	}
	hm.AddSeries("文档数", cells, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	c, err := newChart("overview-heatmap", "各省份、各年份的文档数", "360px", hm, [][]string{links})
	if err != nil {
		return nil, err
	}
	c.Note = "点击格子查看对应文档"
	header := []string{"province", "year", "documents", "tokens", "sentences", "indicators", "chars"}
	d.Heatmap = p.attach(r, c.table(header, table), "CorpusOverview", "corpus_overview")

	// Tokens by province, stacked by year.
	bar2 := charts.NewBar()
	bar2.SetGlobalOptions(initOpts("overview-tokens"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Name: "词数", AxisLabel: &opts.AxisLabel{Formatter: opts.FuncOpts("policylens.wan")}}),
	)
	bar2.SetXAxis(provinces)
	var tokenLinks [][]string
	for _, y := range years {
		var data []opts.BarData
		var l []string
		for _, prov := range provinces {
			// A province without notices of the year has no bar, not a zero
			// one: the chart draws exactly the rows of its CSV.
			var v any = "-"
			link := ""
			for _, row := range rows {
				if row.Province == prov && row.Year == y {
					v = row.Tokens
					link = r.site.Page("documents", filterQuery(queries.Filter{Provinces: []string{prov}, YearFrom: y, YearTo: y}))
				}
			}
			data = append(data, opts.BarData{Value: v})
			l = append(l, link)
		}
		bar2.AddSeries(yearText(y), data, charts.WithBarChartOpts(opts.BarChart{Stack: "tokens"}))
		tokenLinks = append(tokenLinks, l)
	}
	c2, err := newChart("overview-tokens", "各省份的词数（按年份堆叠）", "340px", bar2, tokenLinks)
	if err != nil {
		return nil, err
	}
	d.TokenBars = p.attach(r, c2.table(header, table), "CorpusOverview", "corpus_overview")
	p.Data = d
	return p, nil
}

// axes returns the provinces (by documents, most first) and years
// (ascending) of the overview rows.
func axes(rows []queries.CorpusRow) ([]string, []int) {
	docs := map[string]int64{}
	seenYear := map[int]bool{}
	var provinces []string
	var years []int
	for _, r := range rows {
		if _, ok := docs[r.Province]; !ok {
			provinces = append(provinces, r.Province)
		}
		docs[r.Province] += r.Documents
		if !seenYear[r.Year] {
			seenYear[r.Year] = true
			years = append(years, r.Year)
		}
	}
	sort.SliceStable(provinces, func(i, j int) bool { return docs[provinces[i]] > docs[provinces[j]] })
	sort.Ints(years)
	return provinces, years
}

func yearLabels(years []int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = yearText(y)
	}
	return out
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func maxDocs(rows []queries.CorpusRow) int64 {
	var m int64 = 1
	for _, r := range rows {
		if r.Documents > m {
			m = r.Documents
		}
	}
	return m
}
