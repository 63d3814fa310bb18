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
	if bar.Problem != "" {
		return p, nil
	}
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

	header := []string{"province", "year", "documents", "tokens", "sentences", "indicators", "chars"}
	var table [][]string
	for _, row := range rows {
		table = append(table, []string{row.Province, strconv.Itoa(row.Year), itoa(row.Documents), itoa(row.Tokens), itoa(row.Sentences), itoa(row.Indicators), itoa(row.Chars)})
	}
	if d.Heatmap, err = overviewHeatmap(r, p, rows, provinces, years); err != nil {
		return nil, err
	}
	if d.Heatmap != nil {
		d.Heatmap.table(header, table)
	}
	if d.TokenBars, err = overviewTokens(r, p, rows, provinces, years); err != nil {
		return nil, err
	}
	if d.TokenBars != nil {
		d.TokenBars.table(header, table)
	}
	p.Data = d
	return p, nil
}

// overviewHeatmap draws the documents of each province (rows, in the
// order of the query: administrative) and year (columns); a cell opens
// its documents.
func overviewHeatmap(r request, p *page, rows []queries.CorpusRow, provinces []string, years []int) (*chartView, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	yl := yearLabels(years)
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(initOpts("overview-heatmap"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: yl, AxisLabel: allLabels(), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: provinces, Inverse: opts.Bool(true), AxisLabel: allLabels(), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: 0, Max: float32(maxDocs(rows)), Orient: "horizontal", Left: "center", Bottom: "0",
			InRange: &opts.VisualMapInRange{Color: []string{"#e6f6ff", "#1f6feb"}}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "20", Top: "28", Bottom: "56", ContainLabel: opts.Bool(true)}),
	)
	var cells []opts.HeatMapData
	var links []string
	for _, row := range rows {
		cells = append(cells, opts.HeatMapData{Name: row.Province + " " + yearText(row.Year),
			Value: []any{indexOf(yl, yearText(row.Year)), indexOf(provinces, row.Province), row.Documents}})
		q := filterQuery(queries.Filter{Provinces: []string{row.Province}, YearFrom: row.Year, YearTo: row.Year})
		links = append(links, r.site.Page("documents", q))
	}
	hm.AddSeries("文档数", cells, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), FontSize: 11}))
	c, err := newChart("overview-heatmap", "各省份、各年份的文档数", rowsHeight(len(provinces), 120), edit(hm, categoriesTopAndBottom), [][]string{links})
	if err != nil {
		return nil, err
	}
	c.Note = "点击格子查看对应文档"
	return p.attach(r, c, "CorpusOverview", "corpus_overview"), nil
}

// overviewTokens draws each province's tokens as a horizontal bar, stacked
// by year; a segment opens the documents of its province and year.
func overviewTokens(r request, p *page, rows []queries.CorpusRow, provinces []string, years []int) (*chartView, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(initOpts("overview-tokens"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(scrollLegend()),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "词数", AxisLabel: &opts.AxisLabel{Formatter: opts.FuncOpts("policylens.wan")}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: allLabels()}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "50", Top: legendTop, Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	bar.SetXAxis(provinces)
	var links [][]string
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
		bar.AddSeries(yearText(y), data, charts.WithBarChartOpts(opts.BarChart{Stack: "tokens"}))
		links = append(links, l)
	}
	bar.XYReversal()
	c, err := newChart("overview-tokens", "各省份的词数（按年份堆叠）", rowsHeight(len(provinces), 90), bar, links)
	if err != nil {
		return nil, err
	}
	return p.attach(r, c, "CorpusOverview", "corpus_overview"), nil
}

// axes returns the provinces, in the order of the rows (administrative),
// and the years (ascending) of the overview rows.
func axes(rows []queries.CorpusRow) ([]string, []int) {
	seenProv := map[string]bool{}
	seenYear := map[int]bool{}
	var provinces []string
	var years []int
	for _, r := range rows {
		if !seenProv[r.Province] {
			seenProv[r.Province] = true
			provinces = append(provinces, r.Province)
		}
		if !seenYear[r.Year] {
			seenYear[r.Year] = true
			years = append(years, r.Year)
		}
	}
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
