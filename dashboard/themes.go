package dashboard

import (
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

type themesData struct {
	Themes                         []queries.Theme
	Cells                          []queries.ProvinceTheme
	Heatmap, Bars, Radar, Residual *chartView
	Stressed                       []queries.ProvinceTheme // residual > 2 with enough data, strongest first
	Understated                    []queries.ProvinceTheme // residual < -2 with enough data, strongest first
	Sparse                         int                     // cells whose expected hits are below minExpected
	MinExpected                    float64
	Shown                          seriesChoice // the provinces drawn as their own series
	YearLinks                      []option     // the heatmap by single years (filter links)
	Trend, Map                     *chartView
	Theme                          string // label of the theme of the trend and the map
	ThemeLinks                     []option
	Scripts                        []string // map geometry the map chart needs
	Version                        queries.ThemeFileVersion
}

// minExpected is the expected count below which the chi-square residual
// of a cell is not trusted: the normal approximation behind "beyond ±2 is
// significant at about 5%" needs expected counts of 5 or more (Cochran's
// rule). Such cells are drawn apart and never called significant.
const minExpected = 5.0

// significant reports whether a province-theme cell's residual may be
// stated as a finding: beyond ±2 with an expected count of at least
// minExpected.
func significant(c queries.ProvinceTheme) bool {
	return c.Expected >= minExpected && math.Abs(c.Residual) > 2
}

// themesPage compares theme intensity (keyword hits per 10,000 tokens)
// across provinces and years.
func themesPage(r request) (*page, error) {
	p := &page{Name: "themes", Title: "主题强度比较", Nav: "themes", Site: r.site}
	bar, facets, err := facetsBar(r, r.site.Href("themes"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
	if bar.Problem != "" {
		return p, nil
	}
	f := parseFilter(r.query)
	themes, err := queries.Themes(r.ctx, r.db)
	if err != nil {
		return nil, err
	}
	cells, err := queries.ThemeByProvinceYear(r.ctx, r.db, f)
	if err != nil {
		return nil, err
	}
	byProv, err := queries.ThemeByProvince(r.ctx, r.db, f)
	if err != nil {
		return nil, err
	}
	d := &themesData{Themes: themes, Cells: byProv, MinExpected: minExpected}
	provinces, docs := themeProvinces(byProv)
	d.Shown = chooseSeries(r, provinces, docs)
	if !r.site.static {
		// Offline, a themes page per year and theme would multiply the
		// export by the years; the server draws any year on request.
		d.YearLinks = yearLinks(r, "themes", facets, f, "#fig-themes-heatmap")
	}
	for _, c := range byProv {
		switch {
		case c.Expected < minExpected:
			d.Sparse++
		case c.Residual > 2:
			d.Stressed = append(d.Stressed, c)
		case c.Residual < -2:
			d.Understated = append(d.Understated, c)
		}
	}
	sort.SliceStable(d.Stressed, func(i, j int) bool { return d.Stressed[i].Residual > d.Stressed[j].Residual })
	sort.SliceStable(d.Understated, func(i, j int) bool { return d.Understated[i].Residual < d.Understated[j].Residual })

	if d.Heatmap, err = themesHeatmap(r, p, themes, byProv, provinces); err != nil {
		return nil, err
	}
	if d.Bars, err = themesBars(r, p, themes, byProv, d.Shown); err != nil {
		return nil, err
	}
	if d.Radar, err = themesRadar(r, p, themes, byProv, d.Shown); err != nil {
		return nil, err
	}
	if d.Residual, err = themesResidual(r, p, themes, byProv, provinces); err != nil {
		return nil, err
	}
	theme := chosenTheme(r, p, d)
	if err := themeTrend(r, p, d, cells, theme); err != nil {
		return nil, err
	}
	if err := themeMap(r, p, d, byProv, theme); err != nil {
		return nil, err
	}
	if d.Version, err = queries.ThemeVersion(r.ctx, r.db); err != nil {
		return nil, err
	}
	p.Data = d
	return p, nil
}

// themeProvinces lists the provinces of the per-province rows in their
// order (administrative) with each one's documents.
func themeProvinces(byProv []queries.ProvinceTheme) ([]string, map[string]int64) {
	var provinces []string
	docs := map[string]int64{}
	for _, c := range byProv {
		if _, ok := docs[c.Province]; !ok {
			provinces = append(provinces, c.Province)
		}
		docs[c.Province] = max(docs[c.Province], c.Documents)
	}
	return provinces, docs
}

// themeLabels are the labels of the themes, in file order.
func themeLabels(themes []queries.Theme) []string {
	var labels []string
	for _, t := range themes {
		labels = append(labels, t.Label)
	}
	return labels
}

// provinceThemeHeader is the CSV header of the per-province theme charts.
var provinceThemeHeader = []string{"province", "theme", "label", "documents", "hits", "tokens", "per_10k", "expected", "residual"}

// provinceThemeRow is a CSV row of the per-province theme charts; a sum of
// provinces (其他) has no residual.
func provinceThemeRow(c queries.ProvinceTheme) []string {
	residual := ""
	if !math.IsNaN(c.Residual) {
		residual = ftoa(c.Residual)
	}
	return []string{c.Province, c.Theme, c.Label, itoa(c.Documents), itoa(c.Hits), itoa(c.Tokens), ftoa(c.Per10k), ftoa(c.Expected), residual}
}

// themesHeatmap draws theme intensity as a province × theme heatmap over
// the filtered years, a row per province in administrative order, the
// theme names above and below; a cell opens its sentences.
func themesHeatmap(r request, p *page, themes []queries.Theme, byProv []queries.ProvinceTheme, provinces []string) (*chartView, error) {
	if len(byProv) == 0 {
		return nil, nil
	}
	labels := themeLabels(themes)
	f := parseFilter(r.query)
	var maxV float64
	var data []opts.HeatMapData
	var links []string
	var table [][]string
	for _, c := range byProv {
		v := round2(c.Per10k)
		maxV = math.Max(maxV, v)
		data = append(data, opts.HeatMapData{Name: c.Province + " · " + c.Label, Value: []any{indexOf(labels, c.Label), indexOf(provinces, c.Province), v}})
		links = append(links, themeLink(r, c.Theme, withProvince(f, c.Province)))
		table = append(table, provinceThemeRow(c))
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(initOpts("themes-heatmap"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipHeat")}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: labels, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: provinces, Inverse: opts.Bool(true), AxisLabel: allLabels(), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: 0, Max: float32(math.Max(maxV, 1)), Orient: "horizontal", Left: "center", Bottom: "0",
			Text: []string{"高", "低"}, InRange: &opts.VisualMapInRange{Color: []string{"#f0f4f8", "#fadb5f", "#e12d39"}}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "20", Top: "44", Bottom: "86", ContainLabel: opts.Bool(true)}),
	)
	hm.AddSeries("每万词命中", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), FontSize: 11}))
	c, err := newChart("themes-heatmap", "主题强度：省份 × 主题（每万词命中次数，所选年份合计）", rowsHeight(len(provinces), 210),
		edit(hm, wrapLabels("xAxis", 96), categoriesTopAndBottom), [][]string{links})
	if err != nil {
		return nil, err
	}
	c.Note = "颜色越深，该省越强调该主题；点击格子查看原句"
	return p.attach(r, c.table(provinceThemeHeader, table), "ThemeByProvince", "theme_by_province"), nil
}

// themesBars compares the chosen provinces' theme intensity as grouped
// bars, the other provinces summed as 其他; a bar opens its sentences.
func themesBars(r request, p *page, themes []queries.Theme, byProv []queries.ProvinceTheme, shown seriesChoice) (*chartView, error) {
	if len(byProv) == 0 {
		return nil, nil
	}
	f := parseFilter(r.query)
	bars := charts.NewBar()
	bars.SetGlobalOptions(initOpts("themes-province"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(scrollLegend()),
		charts.WithYAxisOpts(opts.YAxis{Name: "每万词"}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "10", Top: "60", Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	bars.SetXAxis(themeLabels(themes))
	var links [][]string
	var table [][]string
	for _, s := range shown.series(byProv) {
		var bd []opts.BarData
		var l []string
		for _, t := range themes {
			c := s.cell(t.Theme)
			bd = append(bd, opts.BarData{Value: round2(c.Per10k)})
			l = append(l, themeLink(r, t.Theme, shown.filterOf(s.name, f)))
			table = append(table, provinceThemeRow(c))
		}
		bars.AddSeries(s.name, bd)
		links = append(links, l)
	}
	c, err := newChart("themes-province", "各省份的主题强度（所选年份合计）", "400px", edit(bars, wrapLabels("xAxis", 84)), links)
	if err != nil {
		return nil, err
	}
	c.Note = shown.note()
	return p.attach(r, c.table(provinceThemeHeader, table), "ThemeByProvince", "theme_by_province"), nil
}

// themesRadar draws the chosen provinces' theme profile as a radar, the
// other provinces summed as 其他; a shape opens its province's notices.
func themesRadar(r request, p *page, themes []queries.Theme, byProv []queries.ProvinceTheme, shown seriesChoice) (*chartView, error) {
	if len(byProv) == 0 {
		return nil, nil
	}
	f := parseFilter(r.query)
	series := shown.series(byProv)
	radar := charts.NewRadar()
	var indicators []*opts.Indicator
	for _, t := range themes {
		m := 0.0
		for _, s := range series {
			m = math.Max(m, s.cell(t.Theme).Per10k)
		}
		indicators = append(indicators, &opts.Indicator{Name: t.Label, Max: float32(math.Max(math.Ceil(m*1.1), 1))})
	}
	radar.SetGlobalOptions(initOpts("themes-radar"),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: indicators, Shape: "polygon", Center: []string{"50%", "56%"}}),
		charts.WithLegendOpts(scrollLegend()),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
	)
	var links [][]string
	var table [][]string
	for _, s := range series {
		var vals []float64
		for _, t := range themes {
			c := s.cell(t.Theme)
			vals = append(vals, round2(c.Per10k))
			table = append(table, provinceThemeRow(c))
		}
		radar.AddSeries(s.name, []opts.RadarData{{Name: s.name, Value: vals}})
		links = append(links, []string{r.site.Page("documents", filterQuery(shown.filterOf(s.name, f)))})
	}
	radius := func(option map[string]any) {
		for _, rc := range components(option, "radar") {
			rc["radius"] = "62%"
		}
	}
	c, err := newChart("themes-radar", "主题侧重雷达图", "440px", edit(radar, radius), links)
	if err != nil {
		return nil, err
	}
	c.Note = shown.note()
	return p.attach(r, c.table(provinceThemeHeader, table), "ThemeByProvince", "theme_by_province"), nil
}

// themesResidual draws the chi-square adjusted standardised residual of
// every province and theme as a heatmap; cells whose expected hits are
// below minExpected are drawn grey, apart from the colour scale, since
// their residual means nothing.
func themesResidual(r request, p *page, themes []queries.Theme, byProv []queries.ProvinceTheme, provinces []string) (*chartView, error) {
	if len(byProv) == 0 {
		return nil, nil
	}
	labels := themeLabels(themes)
	f := parseFilter(r.query)
	var trusted, sparse []opts.HeatMapData
	var trustedLinks, sparseLinks []string
	var table [][]string
	for _, c := range byProv {
		item := opts.HeatMapData{Name: c.Province + " · " + c.Label, Value: []any{indexOf(labels, c.Label), indexOf(provinces, c.Province), round2(c.Residual)}}
		link := themeLink(r, c.Theme, withProvince(f, c.Province))
		if c.Expected < minExpected {
			sparse = append(sparse, item)
			sparseLinks = append(sparseLinks, link)
		} else {
			trusted = append(trusted, item)
			trustedLinks = append(trustedLinks, link)
		}
	}
	// The CSV lists the rows in the order the series draw them.
	for _, want := range []bool{false, true} {
		for _, c := range byProv {
			if (c.Expected < minExpected) == want {
				table = append(table, provinceThemeRow(c))
			}
		}
	}
	res := charts.NewHeatMap()
	res.SetGlobalOptions(initOpts("themes-residual"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipResidual")}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: labels}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: provinces, Inverse: opts.Bool(true), AxisLabel: allLabels()}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: -4, Max: 4, Orient: "horizontal", Left: "center", Bottom: "0",
			Text: []string{"更强调", "较少提及"}, InRange: &opts.VisualMapInRange{Color: []string{"#2680c2", "#f0f4f8", "#e12d39"}}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "20", Top: "44", Bottom: "86", ContainLabel: opts.Bool(true)}),
	)
	res.AddSeries("标准化残差", trusted, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), FontSize: 11}))
	res.AddSeries("期望值不足 5", sparse, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), FontSize: 11, Color: "#9aa5b1"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#f5f7fa", BorderColor: "#d9e2ec", BorderWidth: 1}))
	// The colour scale is for trusted residuals only.
	pinScale := func(option map[string]any) {
		for _, vm := range components(option, "visualMap") {
			vm["seriesIndex"] = 0
		}
	}
	c, err := newChart("themes-residual", "侧重检验：卡方调整标准化残差", rowsHeight(len(provinces), 210),
		edit(res, wrapLabels("xAxis", 96), categoriesTopAndBottom, pinScale), [][]string{trustedLinks, sparseLinks})
	if err != nil {
		return nil, err
	}
	c.Note = "大于 2：该省比其他省份更强调该主题（约 5% 显著水平）；小于 -2：更少提及；灰色格子期望命中不足 5 次，不作判断"
	return p.attach(r, c.table(provinceThemeHeader, table), "ThemeByProvince", "theme_by_province"), nil
}

// chosenTheme is the theme of the trend and the map: the theme parameter
// (the page's theme links), else the filter bar's 涉及主题, else the first
// theme. It records the choice in the filter form and the theme links.
func chosenTheme(r request, p *page, d *themesData) queries.Theme {
	if len(d.Themes) == 0 {
		return queries.Theme{}
	}
	theme := d.Themes[0]
	want := r.query.Get("theme")
	if want == "" {
		want = parseFilter(r.query).Theme
	}
	for _, t := range d.Themes {
		if t.Theme == want {
			theme = t
		}
	}
	d.Theme = theme.Label
	// Only a theme chosen on the page is kept when the filter bar is
	// submitted; otherwise the bar's 涉及主题 keeps choosing it.
	if p.Filter != nil && r.query.Get("theme") != "" {
		p.Filter.Hidden = map[string]string{"theme": theme.Theme}
	}
	for _, t := range d.Themes {
		d.ThemeLinks = append(d.ThemeLinks, option{Value: r.site.Page("themes", with(r.query, "theme", t.Theme)), Label: t.Label, Selected: t.Theme == theme.Theme})
	}
	return theme
}

// themeTrend draws one theme's intensity over the years, a line per chosen
// province and one for the others summed.
func themeTrend(r request, p *page, d *themesData, cells []queries.ThemeCell, theme queries.Theme) error {
	if theme.Theme == "" {
		return nil
	}
	var years []int
	var mine []queries.ThemeCell
	for _, c := range cells {
		if c.Theme != theme.Theme {
			continue
		}
		mine = append(mine, c)
		if !slices.Contains(years, c.Year) {
			years = append(years, c.Year)
		}
	}
	if len(mine) == 0 {
		return nil
	}
	sort.Ints(years)
	f := parseFilter(r.query)
	names, at := d.Shown.sumByYear(len(mine), func(i int) (string, int, int64, int64) {
		return mine[i].Province, mine[i].Year, mine[i].Hits, mine[i].Tokens
	})
	var rows [][]string
	for _, name := range names {
		for _, y := range years {
			if s := at[name][y]; s != nil {
				rows = append(rows, []string{name, strconv.Itoa(y), theme.Theme, theme.Label, itoa(s.n), itoa(s.tokens), ftoa(s.per10k())})
			}
		}
	}
	line, links := provinceYearLines("themes-trend", names, years, func(name string, y int) (float64, string, bool) {
		cell := d.Shown.filterOf(name, f)
		cell.YearFrom, cell.YearTo = y, y
		s := at[name][y]
		if s == nil {
			return 0, "", false
		}
		return s.per10k(), themeLink(r, theme.Theme, cell), true
	})
	c, err := newChart("themes-trend", "「"+theme.Label+"」的年度变化（每万词）", "360px", line, links)
	if err != nil {
		return err
	}
	c.Note = d.Shown.note()
	d.Trend = p.attach(r, c.table([]string{"province", "year", "theme", "label", "hits", "tokens", "per_10k"}, rows), "ThemeByProvinceYear", "theme_intensity")
	return nil
}

// per10k is hits per 10,000 tokens, 0 without tokens.
func per10k(hits, tokens int64) float64 {
	if tokens == 0 {
		return 0
	}
	return 10000 * float64(hits) / float64(tokens)
}

// themeLink is where a mark of a themes chart leads: the sentences behind
// it on the server; offline, where one page per cell would be too many,
// the documents behind it.
func themeLink(r request, theme string, f queries.Filter) string {
	if r.site.static {
		return r.site.Page("documents", filterQuery(f))
	}
	return r.site.Page("theme-sentences", with(filterQuery(f), "theme", theme))
}

// withProvince narrows a filter to one province, keeping the rest.
func withProvince(f queries.Filter, province string) queries.Filter {
	f.Provinces = []string{province}
	return f
}
