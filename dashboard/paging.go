package dashboard

import (
	"net/url"
	"strconv"

	"github.com/policylens/policylens/queries"
)

// pageOf reads page= (from 1) from a query into a queries.Page of size
// rows; a missing or malformed page is the first.
func pageOf(q url.Values, size int) queries.Page {
	n, err := strconv.Atoi(q.Get("page"))
	if err != nil || n < 1 {
		n = 1
	}
	const maxPage = 1 << 20 // far past any corpus; keeps the offset an int32
	return queries.Page{Offset: (min(n, maxPage) - 1) * size, Limit: size}
}

// pager is what a paginated table shows under it: which rows these are of
// how many, and links to the other pages.
type pager struct {
	From, To    int   // 1-based rows shown
	Total       int64 // rows of every page
	Page, Pages int
	Prev, Next  string // "" at the ends (and offline)
	First, Last string
}

// newPager links the pages of a table on page name (parameter page=),
// keeping the request's other parameters.
func newPager(r request, name string, pg queries.Page, total int64) pager {
	return newPagerParam(r, name, "page", pg, total)
}

// newPagerParam is newPager for a table whose page is in parameter param,
// for a page with more than one table.
func newPagerParam(r request, name, param string, pg queries.Page, total int64) pager {
	p := pager{Total: total, Page: pg.Offset/pg.Limit + 1, Pages: int((total + int64(pg.Limit) - 1) / int64(pg.Limit))}
	p.From, p.To = pg.Offset+1, int(min(int64(pg.Offset+pg.Limit), total))
	if total == 0 {
		p.From = 0
	}
	if r.site.static {
		return p
	}
	link := func(n int) string { return r.site.Page(name, with(r.query, param, strconv.Itoa(n))) }
	if p.Page > 1 {
		p.Prev, p.First = link(p.Page-1), link(1)
	}
	if p.Page < p.Pages {
		p.Next, p.Last = link(p.Page+1), link(p.Pages)
	}
	return p
}

// More reports whether the table shows fewer rows than the result has.
func (p pager) More() bool { return p.Total > int64(p.To-p.From+1) || p.Pages > 1 }

// facetGroup is one metadata field of the list's facets: its values with
// their counts, each a link that filters the list by it (or, for the
// value already chosen, a link that drops it).
type facetGroup struct {
	Field, Label string
	Values       []facetValue
	Distinct     int64 // distinct values of the field among the listed documents
}

type facetValue struct {
	Value    string
	Label    string
	N        int64
	Href     string
	Selected bool
}

// facetField is one facet: the field the query counts by, its label and
// the query parameter that filters by it.
type facetField struct{ field, label, param string }

// docFacetFields are the document list's facets, in the order shown.
var docFacetFields = []facetField{
	{"province", "省份", "province"},
	{"place", "地区（市、县）", "place"},
	{"level", "层级", "level"},
	{"doc_type", "类型", "type"},
	{"issuer", "发布机关", "issuer"},
	{"year", "发布年份", "year"},
	{"reviewed_year", "回顾年", "reviewed"},
	{"plan_year", "部署年", "plan"},
}

// facetLabels turn the stored values of some facets into what the page
// shows.
var facetLabels = map[string]func(string) string{
	"level": levelLabel, "kind": kindLabel, "measure": measureLabel, "scope": scopeLabel,
}

// facetGroups arranges facet counts for a list page (documents or
// indicators), each value a link to the page filtered by it, or, for the
// value chosen, without it. Offline the values are shown without links.
func facetGroups(r request, pageName string, fields []facetField, facets []queries.FacetCount) []facetGroup {
	var out []facetGroup
	for _, ff := range fields {
		g := facetGroup{Field: ff.field, Label: ff.label}
		for _, fc := range facets {
			if fc.Field != ff.field {
				continue
			}
			g.Distinct = fc.Values
			v := facetValue{Value: fc.Value, Label: fc.Value, N: fc.Documents}
			if label := facetLabels[ff.field]; label != nil {
				v.Label = label(fc.Value)
			}
			q := with(with(r.query, "page", ""), "tpage", "")
			switch ff.param {
			case "year": // publication year: the filter bar's range on that basis
				v.Selected = q.Get("from") == fc.Value && q.Get("to") == fc.Value && q.Get("basis") == queries.YearPublished
				if v.Selected {
					q = with(with(with(q, "from", ""), "to", ""), "basis", "")
				} else {
					q = with(with(with(q, "from", fc.Value), "to", fc.Value), "basis", queries.YearPublished)
				}
			case "province":
				v.Selected = len(q["province"]) == 1 && q.Get("province") == fc.Value
				if v.Selected {
					q = with(q, "province", "")
				} else {
					q = with(q, "province", fc.Value)
				}
			default:
				v.Selected = q.Get(ff.param) == fc.Value
				if v.Selected {
					q = with(q, ff.param, "")
				} else {
					q = with(q, ff.param, fc.Value)
				}
			}
			if !r.site.static {
				v.Href = r.site.Page(pageName, q)
			}
			g.Values = append(g.Values, v)
		}
		if len(g.Values) > 0 {
			out = append(out, g)
		}
	}
	return out
}
