package dashboard

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// assetsHost is where go-echarts would load echarts.min.js from; the
// binary serves it there, so no chart refers to a CDN.
const assetsHost = "/assets/"

// echartsChart is what every go-echarts chart type offers.
type echartsChart interface {
	Validate()
	JSON() map[string]any
}

// chartView is one chart on a page: the options go-echarts built, the
// links its marks open, and its data as a table for the CSV download.
type chartView struct {
	Name   string // data-chart attribute and CSV file name: themes-heatmap
	Title  string
	Note   string
	Height string
	Option json.RawMessage
	Links  [][]string  // Links[series][dataIndex], "" for none
	Graph  *graphLinks // the links of a network's nodes and edges
	CSV    string      // link to the data as CSV
	JSON   string      // link to the data as JSON; "" offline
	Query  string      // name of the query in package queries behind it
	SQL    string      // its text, shown under the chart
	SQLRun string      // console link that runs the view behind it
	header []string
	rows   [][]string
}

// ID is the element id of the chart container.
func (c *chartView) ID() string { return "chart-" + c.Name }

// initOpts are the go-echarts options every chart starts from. Animation
// is off: the charts are for reading figures, and a chart that is drawn at
// once can be clicked and photographed at once.
func initOpts(name string) charts.GlobalOpts {
	init := charts.WithInitializationOpts(opts.Initialization{
		ChartID:    "chart_" + name,
		AssetsHost: assetsHost,
		Width:      "100%",
	})
	return func(bc *charts.BaseConfiguration) {
		init(bc)
		charts.WithAnimation(false)(bc)
	}
}

// renderOption turns a go-echarts chart into the JSON option for
// echarts.setOption. It stays data: the page carries it in a
// <script type="application/json"> element that html/template escapes (see
// Spec), and static/app.js parses it. A formatter (opts.FuncOpts) stays
// the string "__f__NAME__f__"; app.js replaces it with the function NAME
// of its fixed table, so text from documents or the theme file can never
// become code.
func renderOption(c echartsChart) (json.RawMessage, error) {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return nil, fmt.Errorf("chart option: %w", err)
	}
	return b, nil
}

// chartSpec is what app.js needs to draw a chart: the option, the links
// of its marks and its height.
type chartSpec struct {
	Option json.RawMessage `json:"option"`
	Links  [][]string      `json:"links,omitempty"`
	Graph  *graphLinks     `json:"graph,omitempty"`
	Height string          `json:"height,omitempty"`
}

// Spec is the chart as data for the page. The template writes it inside
// <script type="application/json">, where html/template marshals it and
// escapes <, > and &, so no text in it can end the element.
func (c *chartView) Spec() chartSpec {
	return chartSpec{Option: c.Option, Links: c.Links, Graph: c.Graph, Height: c.Height}
}

// newChart builds the view of one chart.
func newChart(name, title, height string, c echartsChart, links [][]string) (*chartView, error) {
	opt, err := renderOption(c)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", name, err)
	}
	return &chartView{Name: name, Title: title, Height: height, Option: opt, Links: links}, nil
}

// table sets the data the CSV download of the chart holds.
func (c *chartView) table(header []string, rows [][]string) *chartView {
	c.header, c.rows = header, rows
	return c
}
