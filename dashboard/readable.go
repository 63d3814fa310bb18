package dashboard

import (
	"encoding/json"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// Charts stay readable at 31 provinces and hundreds of cities: a chart
// with one row per place grows with its rows instead of squeezing them,
// every category is labelled (interval 0), long labels wrap rather than
// collide, legends scroll on one line, and a chart with more series than
// a reader can tell apart draws the chosen few and sums the rest as 其他.
// The browser test TestBrowserReadableAtNationalScale measures all of it
// from what ECharts draws.

// rowPx is the height of one category row of a chart whose rows are
// places (heatmaps, horizontal bars): room for a 12 px label and a
// figure inside the cell.
const rowPx = 24

// rowsHeight is the height of a chart with n category rows plus fixed
// pixels for its axes, legend and visual map.
func rowsHeight(n, fixed int) string {
	return strconv.Itoa(fixed+rowPx*max(n, 1)) + "px"
}

// scrollLegend is a legend on one line at the top that scrolls when its
// entries do not fit, so that many series never cover the plot.
func scrollLegend() opts.Legend {
	return opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0", Left: "center", Width: "90%"}
}

// legendTop is the grid's top margin below a scrolling legend.
const legendTop = "34"

// allLabels labels every category of an axis.
func allLabels() *opts.AxisLabel {
	return &opts.AxisLabel{Show: opts.Bool(true), Interval: "0"}
}

// edited is a chart whose ECharts option is changed after go-echarts built
// it, for the settings go-echarts has no field for.
type edited struct {
	echartsChart
	edits []func(option map[string]any)
}

// edit wraps a chart with changes to its option.
func edit(c echartsChart, edits ...func(option map[string]any)) edited {
	return edited{echartsChart: c, edits: edits}
}

// JSON returns the option go-echarts built, as plain JSON values, with the
// edits applied.
func (e edited) JSON() map[string]any {
	opt := e.echartsChart.JSON()
	b, err := json.Marshal(opt)
	if err != nil {
		return opt
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return opt
	}
	for _, f := range e.edits {
		f(out)
	}
	return out
}

// components returns the option's components of a kind (xAxis, yAxis,
// series …) as objects, whether go-echarts wrote one or a list.
func components(option map[string]any, kind string) []map[string]any {
	var out []map[string]any
	switch v := option[kind].(type) {
	case map[string]any:
		out = append(out, v)
	case []any:
		for _, c := range v {
			if m, ok := c.(map[string]any); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// wrapLabels makes the labels of the option's axes of a kind (xAxis or
// yAxis) wrap at width pixels instead of running into each other, and
// labels every category.
func wrapLabels(kind string, width int) func(map[string]any) {
	return func(option map[string]any) {
		for _, axis := range components(option, kind) {
			label, _ := axis["axisLabel"].(map[string]any)
			if label == nil {
				label = map[string]any{}
				axis["axisLabel"] = label
			}
			label["interval"] = 0
			label["width"] = width
			label["overflow"] = "break"
			label["lineHeight"] = 14
		}
	}
}

// categoriesTopAndBottom repeats the first x axis of a tall chart at its
// top, so that its column names are in view at either end.
func categoriesTopAndBottom(option map[string]any) {
	axes := components(option, "xAxis")
	if len(axes) == 0 {
		return
	}
	top := map[string]any{}
	for k, v := range axes[0] {
		top[k] = v
	}
	axes[0]["position"] = "bottom"
	top["position"] = "top"
	top["splitArea"] = map[string]any{"show": false}
	option["xAxis"] = []any{axes[0], top}
}

// seriesEdit sets key to value on every series of the option.
func seriesEdit(key string, value any) func(map[string]any) {
	return func(option map[string]any) {
		for _, s := range components(option, "series") {
			s[key] = value
		}
	}
}
