package dashboard

import (
	"errors"
	"html/template"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

// searchPageSize is the sentences of one page of search results.
const searchPageSize = 50

type searchData struct {
	Query   string
	Regex   bool
	Error   string // why the search cannot run, for the user
	Hits    []searchHit
	Pager   pager
	Counts  *chartView // sentences by province and year
	Table   []searchCountRow
	Years   []int
	Matched bool // a search ran
	Export  exportLinks
}

type searchHit struct {
	queries.SearchHit
	Marked template.HTML // the sentence with the matches in <mark>
	Href   string
}

// searchCountRow is one province of the counts table: sentences per year.
type searchCountRow struct {
	Province string
	ByYear   []int64 // aligned with searchData.Years
	Total    int64
	Href     string // the province's hits
}

// searchPage is full-text search over the sentences of the filtered
// notices: q= in words mode (phrases, AND / OR / NOT) or, with mode=regex, a
// regular expression; the matches highlighted, one page at a time, with
// the counts by province and year beside them.
func searchPage(r request) (*page, error) {
	p := &page{Name: "search", Title: "全文检索", Nav: "search", Site: r.site}
	bar, _, err := facetsBar(r, r.site.Href("search"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
	f := parseFilter(r.query)
	d := &searchData{Query: strings.TrimSpace(r.query.Get("q")), Regex: r.query.Get("mode") == "regex"}
	p.Data = d
	bar.Hidden = map[string]string{}
	if d.Query != "" {
		bar.Hidden["q"] = d.Query
	}
	if d.Regex {
		bar.Hidden["mode"] = "regex"
	}
	if d.Query == "" {
		return p, nil
	}
	s, err := queries.ParseSearch(d.Query, d.Regex)
	if errors.Is(err, queries.ErrBadSearch) {
		d.Error = strings.TrimPrefix(err.Error(), queries.ErrBadSearch.Error()+": ")
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	d.Matched = true
	pg := pageOf(r.query, searchPageSize)
	hits, counts, total, err := queries.SearchPage(r.ctx, r.db, f, s, pg)
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		d.Hits = append(d.Hits, searchHit{SearchHit: h, Marked: markSpans(h.Text, s.Highlights(h.Text)), Href: r.site.Doc(h.DocID, h.SentenceNo)})
	}
	d.Pager = newPager(r, "search", pg, total)
	d.Export = p.export(r, "search")
	d.Counts, err = searchCountsChart(r, p, d, counts)
	return p, err
}

// markSpans escapes text and wraps the byte spans in <mark>.
func markSpans(text string, spans [][2]int) template.HTML {
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		b.WriteString(template.HTMLEscapeString(text[at:sp[0]]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[sp[0]:sp[1]]))
		b.WriteString("</mark>")
		at = sp[1]
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}

// searchCountsChart draws the matching sentences by province (in
// administrative order), a stacked bar per year, and fills the counts
// table; each bar opens that province's hits.
func searchCountsChart(r request, p *page, d *searchData, counts []queries.SearchCount) (*chartView, error) {
	var provinces []string
	yearSet := map[int]bool{}
	for _, c := range counts {
		if len(provinces) == 0 || provinces[len(provinces)-1] != c.Province {
			provinces = append(provinces, c.Province)
		}
		yearSet[c.Year] = true
	}
	for y := range yearSet {
		d.Years = append(d.Years, y)
	}
	d.Years = uniqueSorted(d.Years)
	var table [][]string
	for _, prov := range provinces {
		row := searchCountRow{Province: prov, ByYear: make([]int64, len(d.Years))}
		for _, c := range counts {
			if c.Province != prov {
				continue
			}
			for i, y := range d.Years {
				if y == c.Year {
					row.ByYear[i] = c.Sentences
				}
			}
			row.Total += c.Sentences
		}
		if !r.site.static {
			row.Href = r.site.Page("search", with(with(r.query, "province", prov), "page", ""))
		}
		d.Table = append(d.Table, row)
	}
	for _, c := range counts {
		table = append(table, []string{c.Province, yearText(c.Year), itoa(c.Sentences), itoa(c.Documents)})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(initOpts("search-counts"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "句数"}),
	)
	bar.SetXAxis(provinces)
	var links [][]string
	for i, y := range d.Years {
		var data []opts.BarData
		var l []string
		for _, row := range d.Table {
			var v any = "-"
			if row.ByYear[i] > 0 {
				v = row.ByYear[i]
			}
			data = append(data, opts.BarData{Value: v})
			l = append(l, row.Href)
		}
		bar.AddSeries(yearText(y), data, charts.WithBarChartOpts(opts.BarChart{Stack: "hits"}))
		links = append(links, l)
	}
	c, err := newChart("search-counts", "匹配句数：按省份与年份", "360px", bar, links)
	if err != nil {
		return nil, err
	}
	c.Note = "点击柱子只看该省的结果"
	return p.attach(r, c.table([]string{"province", "year", "sentences", "documents"}, table), "SearchPage", ""), nil
}
