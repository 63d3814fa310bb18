package dashboard

import (
	"encoding/json"
	"errors"
	"math/big"
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

// Console limits: a query that needs more is one for `policylens sql`.
const (
	consoleTimeout = 10 * time.Second
	consoleMaxRows = 1000
)

// example is a ready-made query of the console.
type example struct {
	Label, SQL string
}

// consoleExamples are the views behind the charts and a few questions.
var consoleExamples = []example{
	{"语料概览（corpus_overview）", "SELECT * FROM corpus_overview ORDER BY province, year"},
	{"主题强度（theme_intensity）", "SELECT province, year, label, hits, tokens, round(per_10k, 2) AS per_10k\nFROM theme_intensity ORDER BY province, year, theme_order"},
	{"省份侧重检验（theme_by_province）", "SELECT province, label, round(per_10k, 2) AS per_10k, round(residual, 2) AS residual\nFROM theme_by_province ORDER BY residual DESC"},
	{"高频词（term_frequency）", "SELECT province, year, term, n, round(per_10k, 2) AS per_10k\nFROM term_frequency ORDER BY n DESC LIMIT 50"},
	{"数值指标（indicator_facts）", "SELECT province, kind, year, metric, value, unit, qualifier, surface, sentence\nFROM indicator_facts ORDER BY province, year"},
	{"目标与实绩（5G基站）", "SELECT province, year, kind, value, unit, surface\nFROM indicator_facts WHERE canonical_metric = '5G基站' ORDER BY province, year, kind"},
	{"指标目录（indicator_metrics）", "SELECT * FROM indicator_metrics ORDER BY provinces DESC, indicators DESC"},
	{"文档（document_stats）", "SELECT doc_id, file, title, province, level, doc_type, published, tokens, indicators FROM document_stats"},
}

type consoleData struct {
	Query    string
	Examples []example
	Result   *queries.Result
	Cells    [][]string
	Error    string
	Elapsed  string
	CSV      string
	JSON     string
	Limit    int
	Timeout  string
	Chart    *chartView // a quick bar chart when the result has numbers
}

// consolePage runs query (when not empty) in the sandbox and shows the
// result or the error. It reports whether the query failed, so that the
// handler can answer 400.
func consolePage(r request, query string) (*page, bool) {
	p := &page{Name: "console", Title: "SQL 控制台", Nav: "sql", Site: r.site}
	d := &consoleData{Query: query, Examples: consoleExamples, Limit: consoleMaxRows, Timeout: consoleTimeout.String()}
	p.Data = d
	if query == "" {
		return p, false
	}
	res, err := queries.RunSandboxed(r.ctx, r.db, query, queries.SandboxLimits{Timeout: consoleTimeout, MaxRows: consoleMaxRows})
	if err != nil {
		d.Error = consoleError(err)
		return p, true
	}
	d.Result = res
	d.Elapsed = res.Elapsed.Round(time.Millisecond).String()
	for _, row := range res.Rows {
		cells := make([]string, len(row))
		for j, v := range row {
			cells[j] = queries.FormatValue(v)
		}
		d.Cells = append(d.Cells, cells)
	}
	if c, err := resultChart(res); err == nil && c != nil {
		d.Chart = p.chart(c)
	}
	d.CSV = "/sql.csv?" + with(nil, "q", query).Encode()
	d.JSON = "/sql.json?" + with(nil, "q", query).Encode()
	return p, false
}

// consoleError puts the sandbox's reason in Chinese words around its own
// (English, precise) message.
func consoleError(err error) string {
	switch {
	case errors.Is(err, queries.ErrQueryRefused):
		return "查询被拒绝（控制台只读，不能写入、不能访问文件）：" + err.Error()
	case errors.Is(err, queries.ErrQueryTimeout):
		return "查询超时（上限 " + consoleTimeout.String() + "）：" + err.Error()
	}
	return "查询出错：" + err.Error()
}

// resultChartRows caps the bars of a result chart.
const resultChartRows = 200

// resultChart draws a quick bar chart of a console result: the first
// non-numeric column as categories (else the row number), up to three
// numeric columns as series. It returns nil when no column is numeric.
func resultChart(res *queries.Result) (*chartView, error) {
	if len(res.Rows) == 0 {
		return nil, nil
	}
	label := -1
	var values []int
	for j := range res.Columns {
		if _, ok := number(res.Rows[0][j]); ok {
			if len(values) < 3 {
				values = append(values, j)
			}
		} else if label < 0 {
			label = j
		}
	}
	if len(values) == 0 {
		return nil, nil
	}
	rows := res.Rows
	if len(rows) > resultChartRows {
		rows = rows[:resultChartRows]
	}
	var cats []string
	for i, row := range rows {
		if label >= 0 {
			cats = append(cats, queries.FormatValue(row[label]))
		} else {
			cats = append(cats, strconv.Itoa(i+1))
		}
	}
	b := charts.NewBar()
	b.SetGlobalOptions(initOpts("sql-result"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "20", ContainLabel: opts.Bool(true)}),
		charts.WithDataZoomOpts(opts.DataZoom{Type: "inside"}),
	)
	b.SetXAxis(cats)
	var header []string
	if label >= 0 {
		header = append(header, res.Columns[label])
	}
	for _, j := range values {
		var data []opts.BarData
		for _, row := range rows {
			v, _ := number(row[j])
			data = append(data, opts.BarData{Value: v})
		}
		b.AddSeries(res.Columns[j], data)
		header = append(header, res.Columns[j])
	}
	c, err := newChart("sql-result", "结果图表", "320px", b, nil)
	if err != nil {
		return nil, err
	}
	c.Note = "第一个文本列为类别，前三个数值列为系列"
	return c, nil
}

// number reads a numeric result value.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int8:
		return float64(x), true
	case int16:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint8:
		return float64(x), true
	case uint16:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float32:
		return float64(x), true
	case float64:
		return x, true
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f, true
	case json.Number: // HUGEINT and DECIMAL, exact in the result
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}
