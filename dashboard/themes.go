package dashboard

import (
	"math"
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
	Stressed                       []queries.ProvinceTheme // residual > 2
	Understated                    []queries.ProvinceTheme // residual < -2
	Trend, Map                     *chartView
	Theme                          string // label of the theme of the trend and the map
	ThemeLinks                     []option
	Scripts                        []string // map geometry the map chart needs
	Version                        queries.ThemeFileVersion
}

// themesPage compares theme intensity (keyword hits per 10,000 tokens)
// across provinces and years.
func themesPage(r request) (*page, error) {
	p := &page{Name: "themes", Title: "主题强度比较", Nav: "themes", Site: r.site}
	bar, _, err := facetsBar(r, r.site.Href("themes"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
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
	d := &themesData{Themes: themes, Cells: byProv}
	var labels []string
	for _, t := range themes {
		labels = append(labels, t.Label)
	}

	// Heatmap: rows are province and year, columns themes.
	var rowsLabels []string
	rowIndex := map[string]int{}
	var maxV float64
	var data []opts.HeatMapData
	var links []string
	var table [][]string
	for _, c := range cells {
		row := c.Province + " " + yearText(c.Year)
		if _, ok := rowIndex[row]; !ok {
			rowIndex[row] = len(rowsLabels)
			rowsLabels = append(rowsLabels, row)
		}
		v := round2(c.Per10k)
		maxV = math.Max(maxV, v)
		data = append(data, opts.HeatMapData{Name: row + " · " + c.Label, Value: []any{indexOf(labels, c.Label), rowIndex[row], v}})
		links = append(links, themeLink(r, c.Theme, queries.Filter{Provinces: []string{c.Province}, YearFrom: c.Year, YearTo: c.Year}))
		table = append(table, []string{c.Province, strconv.Itoa(c.Year), c.Theme, c.Label, itoa(c.Hits), itoa(c.Tokens), ftoa(c.Per10k)})
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(initOpts("themes-heatmap"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipHeat")}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: labels, AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 30}, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: rowsLabels, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: 0, Max: float32(math.Max(maxV, 1)), Orient: "horizontal", Left: "center", Bottom: "0",
			Text: []string{"高", "低"}, InRange: &opts.VisualMapInRange{Color: []string{"#f0f4f8", "#fadb5f", "#e12d39"}}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "20", Top: "10", Bottom: "60", ContainLabel: opts.Bool(true)}),
	)
	hm.AddSeries("每万词命中", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	height := strconv.Itoa(160+36*len(rowsLabels)) + "px"
	c, err := newChart("themes-heatmap", "主题强度：省份 × 年份（每万词命中次数）", height, hm, [][]string{links})
	if err != nil {
		return nil, err
	}
	c.Note = "颜色越深，该省该年越强调该主题；点击格子查看原句"
	d.Heatmap = p.attach(r, c.table([]string{"province", "year", "theme", "label", "hits", "tokens", "per_10k"}, table), "ThemeByProvinceYear", "theme_intensity")

	// Per-province comparison: grouped bars, radar and residuals.
	var provinces []string
	seen := map[string]bool{}
	for _, c := range byProv {
		if !seen[c.Province] {
			seen[c.Province] = true
			provinces = append(provinces, c.Province)
		}
	}
	value := func(prov, label string) queries.ProvinceTheme {
		for _, c := range byProv {
			if c.Province == prov && c.Label == label {
				return c
			}
		}
		return queries.ProvinceTheme{Province: prov, Label: label}
	}
	var provTable [][]string
	for _, c := range byProv {
		provTable = append(provTable, []string{c.Province, c.Theme, c.Label, itoa(c.Hits), itoa(c.Tokens), ftoa(c.Per10k), ftoa(c.Expected), ftoa(c.Residual)})
		if c.Residual > 2 {
			d.Stressed = append(d.Stressed, c)
		} else if c.Residual < -2 {
			d.Understated = append(d.Understated, c)
		}
	}
	provHeader := []string{"province", "theme", "label", "hits", "tokens", "per_10k", "expected", "residual"}

	bars := charts.NewBar()
	bars.SetGlobalOptions(initOpts("themes-province"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 30}}),
		charts.WithYAxisOpts(opts.YAxis{Name: "每万词"}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "10", Bottom: "10", ContainLabel: opts.Bool(true)}),
	)
	bars.SetXAxis(labels)
	var barLinks [][]string
	for _, prov := range provinces {
		var bd []opts.BarData
		var l []string
		for i, label := range labels {
			bd = append(bd, opts.BarData{Value: round2(value(prov, label).Per10k)})
			l = append(l, themeLink(r, themes[i].Theme, withProvince(f, prov)))
		}
		bars.AddSeries(prov, bd)
		barLinks = append(barLinks, l)
	}
	c, err = newChart("themes-province", "各省份的主题强度（全部年份）", "380px", bars, barLinks)
	if err != nil {
		return nil, err
	}
	d.Bars = p.attach(r, c.table(provHeader, provTable), "ThemeByProvince", "theme_by_province")

	radar := charts.NewRadar()
	var indicators []*opts.Indicator
	for _, label := range labels {
		m := 0.0
		for _, prov := range provinces {
			m = math.Max(m, value(prov, label).Per10k)
		}
		indicators = append(indicators, &opts.Indicator{Name: label, Max: float32(math.Max(math.Ceil(m*1.1), 1))})
	}
	radar.SetGlobalOptions(initOpts("themes-radar"),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: indicators, Shape: "polygon"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
	)
	// A click on a province's shape opens its notices (a radar click names
	// the province, not one theme).
	var radarLinks [][]string
	for _, prov := range provinces {
		var vals []float64
		for _, label := range labels {
			vals = append(vals, round2(value(prov, label).Per10k))
		}
		radar.AddSeries(prov, []opts.RadarData{{Name: prov, Value: vals}})
		pf := f
		pf.Provinces = []string{prov}
		radarLinks = append(radarLinks, []string{r.site.Page("documents", filterQuery(pf))})
	}
	c, err = newChart("themes-radar", "主题侧重雷达图", "420px", radar, radarLinks)
	if err != nil {
		return nil, err
	}
	d.Radar = p.attach(r, c.table(provHeader, provTable), "ThemeByProvince", "theme_by_province")

	res := charts.NewHeatMap()
	var resData []opts.HeatMapData
	var resLinks []string
	for _, c := range byProv {
		resData = append(resData, opts.HeatMapData{Name: c.Province + " · " + c.Label, Value: []any{indexOf(labels, c.Label), indexOf(provinces, c.Province), round2(c.Residual)}})
		resLinks = append(resLinks, themeLink(r, c.Theme, withProvince(f, c.Province)))
	}
	res.SetGlobalOptions(initOpts("themes-residual"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts("policylens.tipHeat")}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: labels, AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 30}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: provinces}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: -4, Max: 4, Orient: "horizontal", Left: "center", Bottom: "0",
			Text: []string{"更强调", "较少提及"}, InRange: &opts.VisualMapInRange{Color: []string{"#2680c2", "#f0f4f8", "#e12d39"}}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "20", Top: "10", Bottom: "60", ContainLabel: opts.Bool(true)}),
	)
	res.AddSeries("标准化残差", resData, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	c, err = newChart("themes-residual", "侧重检验：卡方调整标准化残差", strconv.Itoa(170+40*len(provinces))+"px", res, [][]string{resLinks})
	if err != nil {
		return nil, err
	}
	c.Note = "大于 2：该省比其他省份更强调该主题（约 5% 显著水平）；小于 -2：更少提及"
	d.Residual = p.attach(r, c.table(provHeader, provTable), "ThemeByProvince", "theme_by_province")

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

// themeTrend draws one theme's intensity over the years, a line per
// province.
func themeTrend(r request, p *page, d *themesData, cells []queries.ThemeCell, theme queries.Theme) error {
	if theme.Theme == "" {
		return nil
	}
	var years []int
	seenY := map[int]bool{}
	var provinces []string
	seenP := map[string]bool{}
	var rows [][]string
	for _, c := range cells {
		if c.Theme != theme.Theme {
			continue
		}
		if !seenY[c.Year] {
			seenY[c.Year] = true
			years = append(years, c.Year)
		}
		if !seenP[c.Province] {
			seenP[c.Province] = true
			provinces = append(provinces, c.Province)
		}
		rows = append(rows, []string{c.Province, strconv.Itoa(c.Year), c.Theme, c.Label, itoa(c.Hits), itoa(c.Tokens), ftoa(c.Per10k)})
	}
	sort.Ints(years)
	line, links := provinceYearLines("themes-trend", provinces, years, func(prov string, y int) (float64, string, bool) {
		link := themeLink(r, theme.Theme, queries.Filter{Provinces: []string{prov}, YearFrom: y, YearTo: y})
		for _, c := range cells {
			if c.Theme == theme.Theme && c.Province == prov && c.Year == y {
				return c.Per10k, link, true
			}
		}
		return 0, link, false
	})
	c, err := newChart("themes-trend", "「"+theme.Label+"」的年度变化（每万词）", "320px", line, links)
	if err != nil {
		return err
	}
	d.Trend = p.attach(r, c.table([]string{"province", "year", "theme", "label", "hits", "tokens", "per_10k"}, rows), "ThemeByProvinceYear", "theme_intensity")
	return nil
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
