package dashboard

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/policylens/policylens/queries"
)

// defaultBasis is the year a page's year range and year axis use when the
// URL does not say: the year a notice reviews, so that "反诈 in 2024" means
// the notices that report on 2024's work (published mostly in 2025).
const defaultBasis = queries.YearReviewed

// yearBases are the choices of the filter bar's year basis, labelled as an
// analyst says them.
var yearBases = []option{
	{Value: queries.YearReviewed, Label: "回顾年（总结哪一年的工作）"},
	{Value: queries.YearPlan, Label: "部署年（部署哪一年的任务）"},
	{Value: queries.YearPublished, Label: "发布年份"},
}

// parseFilter reads the filter bar from a page's query: province (repeated),
// level, type, from, to, has_theme, basis (reviewed, plan, published; the
// year that from, to and every year axis mean). Unknown or malformed values
// select nothing special: a bad year is ignored rather than an error.
func parseFilter(q url.Values) queries.Filter {
	f := queries.Filter{YearBasis: defaultBasis}
	switch b := q.Get("basis"); b {
	case queries.YearReviewed, queries.YearPlan, queries.YearPublished:
		f.YearBasis = b
	}
	for _, p := range q["province"] {
		if p = strings.TrimSpace(p); p != "" {
			f.Provinces = append(f.Provinces, p)
		}
	}
	f.Level = strings.TrimSpace(q.Get("level"))
	f.DocType = strings.TrimSpace(q.Get("type"))
	f.YearFrom, _ = strconv.Atoi(q.Get("from"))
	f.YearTo, _ = strconv.Atoi(q.Get("to"))
	f.Theme = strings.TrimSpace(q.Get("has_theme"))
	return f
}

// filterQuery writes a filter back as query parameters, so that links keep
// the view a user is looking at.
func filterQuery(f queries.Filter) url.Values {
	q := url.Values{}
	for _, p := range f.Provinces {
		q.Add("province", p)
	}
	if f.Level != "" {
		q.Set("level", f.Level)
	}
	if f.DocType != "" {
		q.Set("type", f.DocType)
	}
	if f.YearFrom != 0 {
		q.Set("from", strconv.Itoa(f.YearFrom))
	}
	if f.YearTo != 0 {
		q.Set("to", strconv.Itoa(f.YearTo))
	}
	if f.Theme != "" {
		q.Set("has_theme", f.Theme)
	}
	if f.YearBasis != "" && f.YearBasis != defaultBasis {
		q.Set("basis", f.YearBasis)
	}
	return q
}

// with returns a copy of q with key set to value (removed when "").
func with(q url.Values, key, value string) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	if value == "" {
		out.Del(key)
	} else {
		out.Set(key, value)
	}
	return out
}

// filterBar is what the filter form shows: the choices and the current
// values.
type filterBar struct {
	Action    string
	Provinces []option
	Levels    []option
	Types     []option
	Themes    []option
	Years     []int
	From, To  int
	Bases     []option          // the year basis
	Hidden    map[string]string // other parameters of the page to keep
	Problem   string            // why the filter selects nothing, "" when it selects something
}

// option is one choice of a select element.
type option struct {
	Value, Label string
	Selected     bool
}

func newFilterBar(action string, facets []queries.Facet, f queries.Filter) *filterBar {
	fb := &filterBar{Action: action, Years: queries.FacetYears(facets), From: f.YearFrom, To: f.YearTo}
	for _, b := range yearBases {
		b.Selected = b.Value == f.YearBasis
		fb.Bases = append(fb.Bases, b)
	}
	for _, p := range queries.FacetValues(facets, "province") {
		sel := false
		for _, want := range f.Provinces {
			sel = sel || want == p
		}
		fb.Provinces = append(fb.Provinces, option{Value: p, Label: p, Selected: sel})
	}
	for _, l := range queries.FacetValues(facets, "level") {
		fb.Levels = append(fb.Levels, option{Value: l, Label: levelLabel(l), Selected: l == f.Level})
	}
	for _, t := range queries.FacetValues(facets, "doc_type") {
		fb.Types = append(fb.Types, option{Value: t, Label: t, Selected: t == f.DocType})
	}
	for _, fc := range facets {
		if fc.Field == "theme" {
			fb.Themes = append(fb.Themes, option{Value: fc.Value, Label: fc.Label, Selected: fc.Value == f.Theme})
		}
	}
	return fb
}

// param is one query parameter, for hidden form fields.
type param struct{ Key, Value string }

// Params lists the current filter as query parameters, so that another
// form on the page (the terms selections) keeps the filter.
func (fb *filterBar) Params() []param {
	var out []param
	for _, p := range fb.Provinces {
		if p.Selected {
			out = append(out, param{"province", p.Value})
		}
	}
	for _, l := range fb.Levels {
		if l.Selected {
			out = append(out, param{"level", l.Value})
		}
	}
	for _, t := range fb.Types {
		if t.Selected {
			out = append(out, param{"type", t.Value})
		}
	}
	for _, t := range fb.Themes {
		if t.Selected {
			out = append(out, param{"has_theme", t.Value})
		}
	}
	for _, b := range fb.Bases {
		if b.Selected && b.Value != defaultBasis {
			out = append(out, param{"basis", b.Value})
		}
	}
	if fb.From != 0 {
		out = append(out, param{"from", strconv.Itoa(fb.From)})
	}
	if fb.To != 0 {
		out = append(out, param{"to", strconv.Itoa(fb.To)})
	}
	return out
}

// yearLinks are links that narrow the filter to each single year of the
// facets inside the filter's range, and one for the whole range; the link
// of the current choice is Selected.
func yearLinks(r request, page string, facets []queries.Facet, f queries.Filter, fragment string) []option {
	years := queries.FacetYears(facets)
	if len(years) < 2 {
		return nil
	}
	single := f.YearFrom != 0 && f.YearFrom == f.YearTo
	all := f
	if single {
		all.YearFrom, all.YearTo = 0, 0
	}
	label := "全部年份"
	if !single && (f.YearFrom != 0 || f.YearTo != 0) {
		label = "所选年份"
	}
	out := []option{{Value: r.site.Page(page, keep(r.query, filterQuery(all))) + fragment, Label: label, Selected: !single}}
	for _, y := range years {
		if (f.YearFrom != 0 && !single && y < f.YearFrom) || (f.YearTo != 0 && !single && y > f.YearTo) {
			continue
		}
		one := f
		one.YearFrom, one.YearTo = y, y
		out = append(out, option{Value: r.site.Page(page, keep(r.query, filterQuery(one))) + fragment, Label: strconv.Itoa(y), Selected: single && y == f.YearFrom})
	}
	return out
}

// keep returns the filter parameters of fq with the page's other
// parameters of q (its choices beyond the filter bar) kept.
func keep(q url.Values, fq url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		if !filterKeys[k] {
			out[k] = append([]string(nil), v...)
		}
	}
	for k, v := range fq {
		out[k] = v
	}
	return out
}

// filterKeys are the parameters of the filter bar.
var filterKeys = map[string]bool{"province": true, "level": true, "type": true, "from": true, "to": true, "has_theme": true, "basis": true}

// filterProblem says in Chinese why a filter selects no document, naming
// what it asks for, or "" when it selects some.
func filterProblem(f queries.Filter, facets []queries.Facet, documents int64) string {
	if f.YearFrom != 0 && f.YearTo != 0 && f.YearFrom > f.YearTo {
		return "起始年份 " + strconv.Itoa(f.YearFrom) + " 晚于截止年份 " + strconv.Itoa(f.YearTo) + "，没有文档能同时满足。请调整年份范围。"
	}
	if documents > 0 {
		return ""
	}
	var parts []string
	if len(f.Provinces) > 0 {
		parts = append(parts, "省份 "+strings.Join(f.Provinces, "、"))
	}
	if f.Level != "" {
		parts = append(parts, "层级 "+levelLabel(f.Level))
	}
	if f.DocType != "" {
		parts = append(parts, "文档类型 "+f.DocType)
	}
	if f.Theme != "" {
		label := f.Theme
		for _, fc := range facets {
			if fc.Field == "theme" && fc.Value == f.Theme {
				label = fc.Label
			}
		}
		parts = append(parts, "涉及主题 "+label)
	}
	switch {
	case f.YearFrom != 0 && f.YearFrom == f.YearTo:
		parts = append(parts, "年份 "+strconv.Itoa(f.YearFrom))
	case f.YearFrom != 0 && f.YearTo != 0:
		parts = append(parts, "年份 "+strconv.Itoa(f.YearFrom)+"–"+strconv.Itoa(f.YearTo))
	case f.YearFrom != 0:
		parts = append(parts, "年份 "+strconv.Itoa(f.YearFrom)+" 及以后")
	case f.YearTo != 0:
		parts = append(parts, "年份 "+strconv.Itoa(f.YearTo)+" 及以前")
	}
	return "没有同时满足这些条件的文档：" + strings.Join(parts, "；") + "。请放宽筛选条件，或点「清除」。"
}
