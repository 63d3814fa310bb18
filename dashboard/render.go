package dashboard

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/policylens/policylens/queries"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// request is what a page builder needs: the database, how to link, the
// page's query parameters and path parameter.
type request struct {
	ctx context.Context
	db  *sql.DB
	// sandbox runs users' own queries (the console only).
	sandbox *queries.Store
	site    *site
	query   url.Values
	id      string // path parameter (document id)
}

// page is what the layout template renders.
type page struct {
	Name   string // template file without .html
	Title  string
	Nav    string // active nav entry
	Site   *site
	Filter *filterBar // nil: the page has no filter bar
	Charts []*chartView
	// Exports are the complete downloads of the page's paginated tables,
	// by table name (queries.*Table).
	Exports map[string]exportLinks
	Data    any
	Version string
	// Stale, when set, says why the newest database file could not be
	// opened: the page shows the data of the previous one, and says so.
	Stale string
	CSRF  string // token of the page's state-changing forms (server only)
}

// chart registers a chart with the page (for the CSV download) and returns it.
func (p *page) chart(c *chartView) *chartView {
	p.Charts = append(p.Charts, c)
	return c
}

// export registers a paginated table's complete downloads with the page
// and returns them, for the template.
func (p *page) export(r request, table string) exportLinks {
	if p.Exports == nil {
		p.Exports = map[string]exportLinks{}
	}
	l := tableExports(r, table)
	p.Exports[table] = l
	return l
}

// findChart returns the page's chart with name, or nil.
func (p *page) findChart(name string) *chartView {
	for _, c := range p.Charts {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// renderer parses the templates once (or on every render in dev mode,
// from dir on disk).
type renderer struct {
	dev  bool
	dir  string
	mu   sync.Mutex
	sets map[string]*template.Template
}

func newRenderer(dev bool) *renderer {
	return &renderer{dev: dev, dir: "dashboard/templates", sets: map[string]*template.Template{}}
}

func (r *renderer) lookup(name string) (*template.Template, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t, ok := r.sets[name]; ok && !r.dev {
		return t, nil
	}
	var files fs.FS
	if r.dev {
		files = os.DirFS(r.dir)
	} else {
		sub, err := fs.Sub(templateFiles, "templates")
		if err != nil {
			return nil, err
		}
		files = sub
	}
	t, err := template.New("layout.html").Funcs(funcs).ParseFS(files, "layout.html", name+".html")
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	r.sets[name] = t
	return t, nil
}

// render executes the page's template into a byte slice, so that a
// template error never leaves half a page on the wire.
func (r *renderer) render(p *page) ([]byte, error) {
	t, err := r.lookup(p.Name)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		return nil, fmt.Errorf("render %s: %w", p.Name, err)
	}
	return buf.Bytes(), nil
}

var funcs = template.FuncMap{
	"wan": wan,
	"wanp": func(v *float64) string {
		if v == nil {
			return ""
		}
		return wan(*v)
	},
	"wan64":        func(v int64) string { return wan(float64(v)) },
	"num":          num,
	"f2":           func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) },
	"kindLabel":    kindLabel,
	"qualLabel":    qualifierLabel,
	"partLabel":    partLabel,
	"measureLabel": measureLabel,
	"statusLabel":  statusLabel,
	"reasonLabel":  reasonLabel,
	"scopeLabel":   scopeLabel,
	"pct": func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
	},
	"levelLabel": levelLabel,
	"yearText":   yearText,
	"list":       func(v ...any) []any { return v },
}

// wan writes a number the Chinese way, with 万 or 亿 for large values.
func wan(v float64) string {
	a := math.Abs(v)
	trim := func(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }
	switch {
	case a >= 1e12:
		return trim(v/1e12) + "万亿"
	case a >= 1e8:
		return trim(v/1e8) + "亿"
	case a >= 1e4:
		return trim(v/1e4) + "万"
	}
	return trim(v)
}

// num writes an integer with thousands separators.
func num(v int64) string {
	s := strconv.FormatInt(v, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func yearText(y int) string {
	if y == 0 {
		return "未知"
	}
	return strconv.Itoa(y)
}

func kindLabel(kind string) string {
	switch kind {
	case "achievement":
		return "实绩"
	case "target":
		return "目标"
	case "other":
		return "其他"
	}
	return kind
}

// statusLabel names a target's status (targets_vs_results.status).
func statusLabel(s string) string {
	switch s {
	case "met":
		return "已完成"
	case "not_met":
		return "未完成"
	case "unreported":
		return "尚无报告"
	case "ambiguous":
		return "存疑"
	}
	return s
}

// reasonLabel says why a target's result was chosen
// (targets_vs_results.reason).
func reasonLabel(r string) string {
	switch r {
	case "latest_result":
		return "取最新发布的报告"
	case "only_result":
		return "唯一报告"
	case "met_statement":
		return "文中称已完成目标"
	case "conflicting_results":
		return "同日报告不一致或与完成表述矛盾"
	case "no_result":
		return "无同口径实绩"
	}
	return r
}

// scopeLabel names whose figure an indicator is.
func scopeLabel(s string) string {
	switch s {
	case "own":
		return "本地"
	case "national":
		return "全国"
	case "other":
		return "他处"
	}
	return s
}

func qualifierLabel(q string) string {
	switch q {
	case "exact":
		return "确数"
	case "over":
		return "超过"
	case "at_least":
		return "不少于"
	case "approx":
		return "约"
	case "at_most":
		return "不超过"
	case "range":
		return "区间"
	}
	return q
}

func measureLabel(m string) string {
	switch m {
	case "total":
		return "总量"
	case "increment":
		return "新增"
	case "rate":
		return "比率"
	case "growth":
		return "增速"
	case "rank":
		return "排名"
	case "count":
		return "计数"
	}
	return m
}

func partLabel(p string) string {
	switch p {
	case "review":
		return "回顾"
	case "plan":
		return "部署"
	case "other":
		return "其他"
	}
	return p
}

func levelLabel(l string) string {
	switch l {
	case "province":
		return "省级"
	case "city":
		return "市级"
	case "county":
		return "县级"
	case "unknown":
		return "未知"
	}
	return l
}
