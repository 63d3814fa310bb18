package dashboard

import (
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/policylens/policylens/queries"
)

// kwicLimit caps the sentences of one concordance page, and kwicWidth is
// the characters of context on each side of the term.
const (
	kwicLimit = 500
	kwicWidth = 30
)

// kwicLine is one occurrence of a term in a sentence, split around it; a
// second term (with=) is marked in the context.
type kwicLine struct {
	queries.ConcordanceLine
	kwicSpan
	MarkedLeft, MarkedRight template.HTML // the context, escaped, with= marked
	Href                    string        // the reader at the sentence
	sortLeft                string        // left context reversed, for sorting by it
}

// kwicSpan is one occurrence of a term with its context as plain text.
type kwicSpan struct {
	Left, Match, Right string
}

type kwicData struct {
	Term, Also string
	Selection  selection
	Lines      []kwicLine
	Total      int64 // sentences that match, the limit aside
	Shown      int   // sentences shown
	Limit      int
	Sort       string
	Sorts      []option   // Value is the link
	TermHref   string     // the term's page (use over years, first use)
	SearchHref string     // every matching sentence, paged and downloadable (full-text search)
	Table      *chartView // the lines as CSV, and the SQL behind them (no chart drawn)
}

// kwicSorts are the orders of a concordance: as the documents run, by the
// words before the term (read backwards) or after it.
var kwicSorts = []option{
	{Value: "", Label: "文档顺序"},
	{Value: "left", Label: "按左侧语境"},
	{Value: "right", Label: "按右侧语境"},
}

// kwicPage is the keyword-in-context concordance of a term (term=) in a
// selection (sel=, as on the terms page) of the filtered documents, or of
// the sentences holding two terms (with=): the sentences behind a word,
// bar or edge of the terms charts. Each line links to the reader at its
// sentence.
func kwicPage(r request) (*page, error) {
	bar, facets, err := facetsBar(r, r.site.Href("kwic"))
	if err != nil {
		return nil, err
	}
	base := parseFilter(r.query)
	d := &kwicData{
		Term:  strings.TrimSpace(r.query.Get("term")),
		Also:  strings.TrimSpace(r.query.Get("with")),
		Limit: kwicLimit,
		Sort:  r.query.Get("sort"),
	}
	sel, f := resolveSelection(r.query.Get("sel"), base, selectionChoices(facets))
	d.Selection = sel
	title := "上下文检索（KWIC）"
	if d.Term != "" {
		title = "「" + d.Term + "」的上下文"
		if d.Also != "" {
			title = "「" + d.Term + "」与「" + d.Also + "」同句"
		}
	}
	p := &page{Name: "kwic", Title: title, Nav: "terms", Site: r.site, Filter: bar}
	bar.Hidden = map[string]string{}
	for _, k := range []string{"term", "with", "sel", "sort"} {
		if v := r.query.Get(k); v != "" {
			bar.Hidden[k] = v
		}
	}
	if d.Term != "" {
		var lines []queries.ConcordanceLine
		if d.Also != "" {
			lines, err = queries.PairConcordance(r.ctx, r.db, f, d.Term, d.Also, kwicLimit)
		} else {
			lines, err = queries.Concordance(r.ctx, r.db, f, d.Term, kwicLimit)
		}
		if err != nil {
			return nil, err
		}
		d.Shown = len(lines)
		if len(lines) > 0 {
			d.Total = lines[0].Total
		}
		width := kwicWidth
		if d.Also != "" {
			width = math.MaxInt32 // the whole sentence, so that both terms show
		}
		d.Lines = kwicLines(r, lines, d.Term, d.Also, width)
		switch d.Sort {
		case "left":
			sort.SliceStable(d.Lines, func(i, j int) bool { return d.Lines[i].sortLeft < d.Lines[j].sortLeft })
		case "right":
			sort.SliceStable(d.Lines, func(i, j int) bool { return d.Lines[i].Right < d.Lines[j].Right })
		default:
			d.Sort = ""
		}
		var rows [][]string
		for _, l := range d.Lines {
			rows = append(rows, []string{itoa(l.DocID), strconv.Itoa(l.SentenceNo), l.Province, l.City, l.County,
				strconv.Itoa(l.Year), l.Title, l.Left, l.Match, l.Right})
		}
		query := "Concordance"
		if d.Also != "" {
			query = "PairConcordance"
		}
		t := &chartView{Name: "kwic-lines", Title: title}
		d.Table = p.attach(r, t.table([]string{"doc_id", "sentence_no", "province", "city", "county", "year", "title", "left", "term", "right"}, rows), query, "")
		if !r.site.static { // offline the term pages are left out (see keynessChart)
			tq := filterQuery(base)
			tq.Set("term", d.Term)
			if sel.Key != "all" {
				tq.Set("a", sel.Key)
			}
			d.TermHref = r.site.Page("terms", tq) + "#term"
			if len(f.ExcludeProvinces) == 0 { // the search page has no "all but" selection
				sq := filterQuery(f)
				phrase := `"` + d.Term + `"`
				if d.Also != "" {
					phrase += ` "` + d.Also + `"`
				}
				sq.Set("q", phrase)
				d.SearchHref = r.site.Page("search", sq)
			}
		}
	}
	for _, s := range kwicSorts {
		if r.site.static {
			break // one order offline: every sort would be another file
		}
		d.Sorts = append(d.Sorts, option{Value: r.site.Page("kwic", with(r.query, "sort", s.Value)), Label: s.Label, Selected: s.Value == d.Sort})
	}
	p.Data = d
	return p, nil
}

// kwicLines splits each sentence around every occurrence of term, keeping
// width characters of context on each side; also is marked in the context.
// Each line links to the reader at its sentence, both terms marked there.
func kwicLines(r request, lines []queries.ConcordanceLine, term, also string, width int) []kwicLine {
	var out []kwicLine
	var extra []string
	if also != "" {
		extra = []string{also}
	}
	for _, l := range lines {
		href := readerLink(r, l.DocID, l.SentenceNo, term, also)
		for _, k := range kwic(l.Text, term, width) {
			out = append(out, kwicLine{ConcordanceLine: l, kwicSpan: k, Href: href,
				MarkedLeft: markTerms(k.Left, extra), MarkedRight: markTerms(k.Right, extra), sortLeft: reverse(k.Left)})
		}
	}
	return out
}

// kwic splits text around every occurrence of term, keeping width runes of
// context on each side.
func kwic(text, term string, width int) []kwicSpan {
	if term == "" {
		return nil
	}
	var out []kwicSpan
	runes := []rune(text)
	t := []rune(term)
	for i := 0; i+len(t) <= len(runes); i++ {
		if string(runes[i:i+len(t)]) != term {
			continue
		}
		from := max(0, i-width)
		to := min(len(runes), i+len(t)+width)
		out = append(out, kwicSpan{Left: string(runes[from:i]), Match: term, Right: string(runes[i+len(t) : to])})
		i += len(t) - 1
	}
	return out
}

// reverse returns s with its characters in reverse order.
func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
