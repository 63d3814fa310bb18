package dashboard

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/policylens/policylens/queries"
)

// pageFunc builds one page from a request.
type pageFunc func(r request) (*page, error)

// pages maps route names to their builders; the reader is "document".
var pages map[string]pageFunc

func init() {
	pages = map[string]pageFunc{
		"overview":        overviewPage,
		"themes":          themesPage,
		"terms":           termsPage,
		"kwic":            kwicPage,
		"indicators":      indicatorsPage,
		"documents":       documentsPage,
		"document":        documentPage,
		"theme-sentences": themeSentencesPage,
		"search":          searchPage,
	}
}

// attach finishes a chart for a page: its CSV link, the SQL of the query
// behind it, and a console link that reads the view by hand.
func (p *page) attach(r request, c *chartView, query, view string) *chartView {
	c.CSV = r.site.CSV(p.Name, c.Name, r.query)
	if !r.site.static {
		c.JSON = "/json/" + strings.TrimPrefix(c.CSV, "/csv/")
	}
	c.Query = query
	if text, err := queries.QueryText(query); err == nil {
		c.SQL = text
	}
	if view != "" {
		c.SQLRun = r.site.Console("SELECT * FROM " + view + " LIMIT 200")
	}
	return p.chart(c)
}

// facetsBar loads the filter bar's choices for a page, and says plainly
// when the filter cannot select anything (bar.Problem): a page then shows
// that sentence instead of empty charts.
func facetsBar(r request, action string) (*filterBar, []queries.Facet, error) {
	facets, err := queries.Facets(r.ctx, r.db, parseFilter(r.query).YearBasis)
	if err != nil {
		return nil, nil, err
	}
	f := parseFilter(r.query)
	bar := newFilterBar(action, facets, f)
	if f.YearFrom != 0 && f.YearTo != 0 && f.YearFrom > f.YearTo {
		bar.Problem = filterProblem(f, facets, 0)
		return bar, facets, nil
	}
	if !f.IsZero() {
		rows, err := queries.CorpusOverview(r.ctx, r.db, f)
		if err != nil {
			return nil, nil, err
		}
		var docs int64
		for _, row := range rows {
			docs += row.Documents
		}
		bar.Problem = filterProblem(f, facets, docs)
	}
	return bar, facets, nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// round2 keeps two decimals for chart values.
func round2(v float64) float64 {
	f, _ := strconv.ParseFloat(fmt.Sprintf("%.2f", v), 64)
	return f
}
