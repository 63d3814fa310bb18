package dashboard

import (
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

type documentsData struct {
	Docs  []docLink
	Sort  string
	Sorts []option
}

type docLink struct {
	queries.DocumentRow
	Href string
}

// documentSorts are the orders the list offers, by query value.
var documentSorts = []option{
	{Value: "", Label: "发布日期"},
	{Value: "province", Label: "省份"},
	{Value: "year", Label: "年份"},
	{Value: "tokens", Label: "篇幅"},
	{Value: "indicators", Label: "指标数"},
	{Value: "title", Label: "标题"},
}

// documentsPage lists the notices with their metadata.
func documentsPage(r request) (*page, error) {
	p := &page{Name: "documents", Title: "文档", Nav: "documents", Site: r.site}
	bar, _, err := facetsBar(r, r.site.Href("documents"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
	docs, err := queries.Documents(r.ctx, r.db, parseFilter(r.query))
	if err != nil {
		return nil, err
	}
	d := &documentsData{Sort: r.query.Get("sort")}
	less := map[string]func(a, b queries.DocumentRow) bool{
		"province":   func(a, b queries.DocumentRow) bool { return a.Province < b.Province },
		"year":       func(a, b queries.DocumentRow) bool { return a.Year > b.Year },
		"tokens":     func(a, b queries.DocumentRow) bool { return a.Tokens > b.Tokens },
		"indicators": func(a, b queries.DocumentRow) bool { return a.Indicators > b.Indicators },
		"title":      func(a, b queries.DocumentRow) bool { return a.Title < b.Title },
	}[d.Sort]
	if less != nil {
		sort.SliceStable(docs, func(i, j int) bool { return less(docs[i], docs[j]) })
	}
	for _, s := range documentSorts {
		if r.site.static {
			break // one order offline: every sort would be another file
		}
		d.Sorts = append(d.Sorts, option{Value: r.site.Page("documents", with(r.query, "sort", s.Value)), Label: s.Label, Selected: s.Value == d.Sort})
	}
	if d.Sort != "" {
		bar.Hidden = map[string]string{"sort": d.Sort}
	}
	for _, doc := range docs {
		d.Docs = append(d.Docs, docLink{DocumentRow: doc, Href: r.site.Doc(doc.DocID, -1)})
	}
	p.Data = d
	return p, nil
}

type readerData struct {
	Doc        queries.Document
	Sources    []queries.MetadataSource
	Themes     []queries.DocTheme
	Indicators []queries.DocIndicator
	Body       template.HTML
	Copies     []queries.DocumentCopy // reprints recorded as copies of this notice
	ThemeChart *chartView
}

// errBadID is a malformed document id in the URL.
var errBadID = errors.New("document id is not a number")

// documentPage shows one notice with its indicators highlighted.
func documentPage(r request) (*page, error) {
	id, err := strconv.ParseInt(r.id, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("%w: %q", errBadID, r.id)
	}
	doc, err := queries.GetDocument(r.ctx, r.db, id)
	if err != nil {
		return nil, err
	}
	p := &page{Name: "document", Title: doc.Title, Nav: "documents", Site: r.site}
	d := &readerData{Doc: doc}
	if d.Sources, err = queries.DocumentSources(r.ctx, r.db, id); err != nil {
		return nil, err
	}
	if d.Copies, err = queries.DocumentCopies(r.ctx, r.db, id); err != nil {
		return nil, err
	}
	if d.Themes, err = queries.DocumentThemes(r.ctx, r.db, id); err != nil {
		return nil, err
	}
	if d.Indicators, err = queries.DocumentIndicators(r.ctx, r.db, id); err != nil {
		return nil, err
	}
	sentences, err := queries.DocumentSentences(r.ctx, r.db, id)
	if err != nil {
		return nil, err
	}
	themes, err := queries.Themes(r.ctx, r.db)
	if err != nil {
		return nil, err
	}
	var words []themeWord
	for _, t := range themes {
		for _, w := range strings.Split(t.Keywords, "、") {
			words = append(words, themeWord{Word: w, Theme: t.Theme, Label: t.Label})
		}
	}
	d.Body = highlight(doc.Body, sentences, d.Indicators, words...)
	if len(d.Themes) > 0 {
		b := charts.NewBar()
		b.SetGlobalOptions(initOpts("document-themes"),
			charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
			charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "每万词"}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
			charts.WithGridOpts(opts.Grid{Left: "10", Right: "60", Top: "10", Bottom: "10", ContainLabel: opts.Bool(true)}),
		)
		var cats []string
		var data []opts.BarData
		var rows [][]string
		for _, t := range d.Themes {
			cats = append(cats, t.Label)
			data = append(data, opts.BarData{Value: round2(t.Per10k)})
			rows = append(rows, []string{t.Theme, t.Label, itoa(t.Hits), ftoa(t.Per10k)})
		}
		b.SetXAxis(cats)
		b.AddSeries("每万词命中", data)
		b.XYReversal()
		c, err := newChart("document-themes", "本文的主题强度", strconv.Itoa(50+28*len(cats))+"px", b, nil)
		if err != nil {
			return nil, err
		}
		c.CSV = r.site.CSV("document", c.Name, url.Values{"id": {strconv.FormatInt(id, 10)}})
		c.Query = "DocumentThemes"
		c.SQL, _ = queries.QueryText("DocumentThemes")
		d.ThemeChart = p.chart(c.table([]string{"theme", "label", "hits", "per_10k"}, rows))
	}
	p.Data = d
	return p, nil
}

// themeWord is a keyword of a theme, to mark in the reader.
type themeWord struct {
	Word, Theme, Label string
}

// highlight renders a body as HTML: each sentence in a span with id s-N
// (so #s-N links land on it), each indicator in a <mark> whose title gives
// metric, value, unit, kind and year, and each theme keyword that no
// indicator covers in a <mark class="theme">. All text is escaped; only the
// tags written here are markup. Offsets are runes of body.
func highlight(body string, sentences []queries.Sentence, inds []queries.DocIndicator, words ...themeWord) template.HTML {
	runes := []rune(body)
	n := len(runes)
	clamp := func(i int) int { return min(max(i, 0), n) }
	var b strings.Builder
	text := func(from, to int) {
		from, to = clamp(from), clamp(to)
		if from >= to {
			return
		}
		s := template.HTMLEscapeString(string(runes[from:to]))
		b.WriteString(strings.ReplaceAll(s, "\n", "<br>\n"))
	}

	// Marks: indicators first (sorted by start, overlapping ones dropped),
	// then keywords where no mark is yet, longest keywords first.
	type span struct {
		start, end int
		open       string
	}
	var marks []span
	taken := make([]bool, n)
	free := func(from, to int) bool {
		for i := from; i < to; i++ {
			if taken[i] {
				return false
			}
		}
		return true
	}
	add := func(from, to int, open string) {
		for i := from; i < to; i++ {
			taken[i] = true
		}
		marks = append(marks, span{from, to, open})
	}
	sort.SliceStable(inds, func(i, j int) bool { return inds[i].Start < inds[j].Start })
	for _, in := range inds {
		if in.Start >= 0 && in.End > in.Start && in.End <= n && free(in.Start, in.End) {
			add(in.Start, in.End, fmt.Sprintf(`<mark class="%s" data-indicator="%d" title="%s">`,
				template.HTMLEscapeString(in.Kind), in.IndicatorID, template.HTMLEscapeString(markTitle(in))))
		}
	}
	if len(words) > 0 {
		sort.SliceStable(words, func(i, j int) bool { return len(words[i].Word) > len(words[j].Word) })
		runeAt := make([]int, len(body)+1) // byte offset of a rune -> rune offset
		r := 0
		for i := range body {
			runeAt[i] = r
			r++
		}
		runeAt[len(body)] = r
		for _, w := range words {
			if w.Word == "" {
				continue
			}
			open := fmt.Sprintf(`<mark class="theme" data-theme="%s" title="%s">`,
				template.HTMLEscapeString(w.Theme), template.HTMLEscapeString("主题："+w.Label))
			for off := 0; off < len(body); {
				i := strings.Index(body[off:], w.Word)
				if i < 0 {
					break
				}
				from := runeAt[off+i]
				to := from + len([]rune(w.Word))
				if to <= n && free(from, to) {
					add(from, to, open)
				}
				off += i + len(w.Word)
			}
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })

	mark := func(from, to int) { // text with marks inside [from, to)
		pos := from
		for _, m := range marks {
			if m.start < from || m.end > to {
				continue
			}
			text(pos, m.start)
			b.WriteString(m.open)
			text(m.start, m.end)
			b.WriteString("</mark>")
			pos = m.end
		}
		text(pos, to)
	}
	pos := 0
	for _, s := range sentences {
		start, end := clamp(s.Start), clamp(s.End)
		if start < pos || end <= start {
			continue
		}
		mark(pos, start)
		fmt.Fprintf(&b, `<span class="s part-%s" id="s-%d">`, template.HTMLEscapeString(s.Part), s.No)
		mark(start, end)
		b.WriteString("</span>")
		pos = end
	}
	mark(pos, n)
	return template.HTML(b.String())
}

// markTitle is the hover text of a highlighted indicator.
func markTitle(m queries.DocIndicator) string {
	metric := m.Metric
	if m.CanonicalMetric != "" && m.CanonicalMetric != m.Metric {
		metric += "（" + m.CanonicalMetric + "）"
	}
	value := ftoa(m.Value)
	if m.ValueMax != nil {
		value += "–" + ftoa(*m.ValueMax)
	}
	year := "年份未知"
	if m.Year != 0 {
		year = strconv.Itoa(m.Year) + "年"
	}
	return fmt.Sprintf("%s：%s %s · %s · %s · %s", metric, value, m.Unit, kindLabel(m.Kind), year, qualifierLabel(m.Qualifier))
}
