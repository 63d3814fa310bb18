package dashboard

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/policylens/policylens/queries"
)

type documentsData struct {
	Docs    []docLink
	Total   int64 // documents the list's filters select, on every page
	From    int   // 1-based position of the first row shown
	Pager   pager
	Columns []docColumn
	More    docFilters
	Choices docChoices
	Facets  []facetGroup
	Export  exportLinks
}

type docLink struct {
	queries.DocumentRow
	Href string
}

// docColumn is a column of the document list: its header, and the link
// that sorts by it (ascending first, or descending for counts and dates;
// again to reverse).
type docColumn struct {
	Key, Label string
	Href       string // "" offline
	Sorted     string // "asc", "desc" or "" when the list is not sorted by it
	Num        bool
}

// docFilters are the list's own filters, beyond the filter bar: text in
// the title, file, issuer or body, the place, the issuer, the reviewed and
// plan years and a publication date range (YYYY-MM-DD).
type docFilters struct {
	Text, Place, Issuer string
	Reviewed, Plan      int
	PubFrom, PubTo      string
}

// docChoices are the values the list's selects offer.
type docChoices struct {
	Places, Issuers []string
	Years           []int
}

// docField is a sortable field of the list: its header and its first
// direction; the server sorts (queries.DocSortKeys).
type docField struct {
	key, label string
	desc       bool // the first click sorts descending
	num        bool
}

// docFields are the columns of the list, every metadata field sortable.
var docFields = []docField{
	{"title", "标题", false, false},
	{"province", "省份", false, false},
	{"place", "地区", false, false},
	{"level", "层级", false, false},
	{"type", "类型", false, false},
	{"issuer", "发布机关", false, false},
	{"published", "发布日期", true, false},
	{"year", "年份", true, true},
	{"reviewed", "回顾年", true, true},
	{"plan", "部署年", true, true},
	{"chars", "字数", true, true},
	{"tokens", "词数", true, true},
	{"sentences", "句子", true, true},
	{"indicators", "指标（实绩/目标）", true, true},
	{"file", "文件", false, false},
}

// parseDocFilters reads the list's own filters from the query; malformed
// years and dates are ignored.
func parseDocFilters(q url.Values) docFilters {
	f := docFilters{
		Text:   strings.TrimSpace(q.Get("q")),
		Place:  strings.TrimSpace(q.Get("place")),
		Issuer: strings.TrimSpace(q.Get("issuer")),
	}
	f.Reviewed, _ = strconv.Atoi(q.Get("reviewed"))
	f.Plan, _ = strconv.Atoi(q.Get("plan"))
	for _, d := range []struct {
		key string
		to  *string
	}{{"pub_from", &f.PubFrom}, {"pub_to", &f.PubTo}} {
		if v := q.Get(d.key); isDate(v) {
			*d.to = v
		}
	}
	return f
}

// isDate reports whether s is a YYYY-MM-DD date.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// params writes the list's own filters as query parameters.
func (f docFilters) params() map[string]string {
	out := map[string]string{}
	set := func(k, v string) {
		if v != "" {
			out[k] = v
		}
	}
	set("q", f.Text)
	set("place", f.Place)
	set("issuer", f.Issuer)
	if f.Reviewed != 0 {
		set("reviewed", strconv.Itoa(f.Reviewed))
	}
	if f.Plan != 0 {
		set("plan", strconv.Itoa(f.Plan))
	}
	set("pub_from", f.PubFrom)
	set("pub_to", f.PubTo)
	return out
}

// documentsPage lists the notices with their metadata, one page at a time:
// the filter bar and the list's own filters narrow it on the server, a
// column header sorts by that field (sort= and dir= in the URL; newest
// first by default), page= turns the pages, and the facets beside the
// list count the selected notices by each metadata field, each value a
// link that filters by it.
func documentsPage(r request) (*page, error) {
	p := &page{Name: "documents", Title: "文档", Nav: "documents", Site: r.site}
	bar, _, err := facetsBar(r, r.site.Href("documents"))
	if err != nil {
		return nil, err
	}
	p.Filter = bar
	f := parseFilter(r.query)
	d := &documentsData{More: parseDocFilters(r.query)}
	key, dir := r.query.Get("sort"), r.query.Get("dir")
	var field *docField
	for i := range docFields {
		if docFields[i].key == key {
			field = &docFields[i]
		}
	}
	if field != nil {
		if dir != "asc" && dir != "desc" {
			dir = map[bool]string{true: "desc", false: "asc"}[field.desc]
		}
	} else {
		key, dir = "", ""
	}
	pg := pageOf(r.query, docsPageSize)
	list := d.More.list(key, dir == "desc", pg)
	// The facets run beside the list: with text to look for, each reads
	// every body, and DuckDB scans the bodies of 100,000 notices (one row
	// group) on one thread, so the two take one scan's time on two cores.
	var facets []queries.FacetCount
	facetsDone := make(chan error, 1)
	go func(list queries.DocList) {
		var err error
		facets, err = queries.DocumentFacets(r.ctx, r.db, f, list, facetValues)
		facetsDone <- err
	}(list)
	docs, total, err := queries.Documents(r.ctx, r.db, f, list)
	if ferr := <-facetsDone; err == nil {
		err = ferr
	}
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 && pg.Offset > 0 { // past the last page: the last page
		pg.Offset = int(max(total-1, 0)) / pg.Limit * pg.Limit
		list.Page = pg
		if docs, total, err = queries.Documents(r.ctx, r.db, f, list); err != nil {
			return nil, err
		}
	}
	d.Total, d.From = total, pg.Offset+1
	d.Facets = facetGroups(r, "documents", docFacetFields, facets)
	for _, fc := range facets {
		switch fc.Field {
		case "place":
			d.Choices.Places = append(d.Choices.Places, fc.Value)
		case "issuer":
			d.Choices.Issuers = append(d.Choices.Issuers, fc.Value)
		case "reviewed_year", "plan_year":
			if y, err := strconv.Atoi(fc.Value); err == nil {
				d.Choices.Years = append(d.Choices.Years, y)
			}
		}
	}
	d.Choices.Years = uniqueSorted(d.Choices.Years)
	for _, f := range docFields {
		col := docColumn{Key: f.key, Label: f.label, Num: f.num}
		if f.key == key {
			col.Sorted = dir
		}
		if !r.site.static { // one order offline: every sort would be another file
			next := map[bool]string{true: "desc", false: "asc"}[f.desc]
			if f.key == key {
				next = map[string]string{"asc": "desc", "desc": "asc"}[dir]
			}
			col.Href = r.site.Page("documents", with(with(with(r.query, "sort", f.key), "dir", next), "page", ""))
		}
		d.Columns = append(d.Columns, col)
	}
	bar.Hidden = d.More.params()
	if key != "" {
		bar.Hidden["sort"], bar.Hidden["dir"] = key, dir
	}
	for _, doc := range docs {
		d.Docs = append(d.Docs, docLink{DocumentRow: doc, Href: r.site.Doc(doc.DocID, -1)})
	}
	d.Pager = newPager(r, "documents", pg, total)
	d.Export = p.export(r, "documents")
	p.Data = d
	return p, nil
}

// docsPageSize is the rows of one page of the document list.
const docsPageSize = 100

// facetValues is how many values each facet shows.
const facetValues = 12

// list turns the list's own filters, a sort and a page into the query's
// terms.
func (f docFilters) list(sort string, desc bool, pg queries.Page) queries.DocList {
	return queries.DocList{Text: f.Text, Place: f.Place, Issuer: f.Issuer, Reviewed: f.Reviewed, Plan: f.Plan,
		PubFrom: f.PubFrom, PubTo: f.PubTo, Sort: sort, Desc: desc, Page: pg}
}

func uniqueSorted(v []int) []int {
	sort.Ints(v)
	out := v[:0]
	for i, x := range v {
		if i == 0 || x != v[i-1] {
			out = append(out, x)
		}
	}
	return out
}

type readerData struct {
	Doc        queries.Document
	Meta       []metaRow
	Sources    []queries.MetadataSource
	Themes     []queries.DocTheme
	Indicators []queries.DocIndicator
	// PageIndicators are the indicators in the page shown: a notice of
	// 200 MB holds 190,000, which in one table were 38 MB of HTML and
	// 1.8 GB of memory on every page.
	PageIndicators []queries.DocIndicator
	Body           template.HTML
	Copies         []queries.DocumentCopy // reprints recorded as copies of this notice
	ThemeChart     *chartView
	Marked         []string // terms the link asked to mark (hl=)
	Parts          map[string]int
	Back           string // the document list
	// Pages split a long notice (more than readerPageChars characters)
	// at sentence boundaries; empty for a notice shown whole.
	Pages []readerPage
}

// readerPage is one page of a long notice in the reader.
type readerPage struct {
	N             int
	Href          string // "" offline, where a long notice shows its first page
	Current       bool
	FirstSentence int
}

// readerPageChars is about how many characters one page of the reader
// shows: a notice of several megabytes would otherwise be one page of
// tens of megabytes of HTML.
const readerPageChars = 200_000

// pageIndicators returns the indicators (in text order) that start in
// the runes [from, to) of a page; to < 0 means the end.
func pageIndicators(inds []queries.DocIndicator, from, to int) []queries.DocIndicator {
	i := sort.Search(len(inds), func(k int) bool { return inds[k].Start >= from })
	j := len(inds)
	if to >= 0 {
		j = i + sort.Search(len(inds)-i, func(k int) bool { return inds[i+k].Start >= to })
	}
	return inds[i:j]
}

// readerSpan is the runes [from, to) of a page and its first sentence.
type readerSpan struct {
	from, to      int
	firstSentence int
}

// readerPages splits a body of n runes into pages of about
// readerPageChars at sentence starts; there is always one.
func readerPages(sentences []queries.Sentence, n int) []readerSpan {
	pages := []readerSpan{{from: 0, to: n}}
	for _, s := range sentences {
		last := &pages[len(pages)-1]
		if s.Start > last.from && s.Start-last.from >= readerPageChars && s.Start < n {
			last.to = s.Start
			pages = append(pages, readerSpan{from: s.Start, to: n, firstSentence: s.No})
		}
	}
	return pages
}

// metaRow is one metadata field of the reader: its value and where the
// loader found it.
type metaRow struct {
	Field, Label, Value string
	Href                string // the documents sharing the value, "" offline
	Source              string // raw source, "" when the field is not inferred
	SourceLabel         string
}

// sourceLabels says in Chinese where a metadata field came from (the
// sources package loader/meta records).
var sourceLabels = map[string]string{
	"front_matter": "文件头信息（YAML）",
	"sidecar":      "旁注文件",
	"发布时间":         "发布时间 / 来源行",
	"byline":       "作者署名",
	"title":        "标题",
	"issuer":       "由发布机关推断",
	"signature":    "文末落款",
	"url":          "网页地址",
	"file_name":    "文件名",
	"path":         "文件路径",
	"body":         "正文",
	"default":      "默认值（未能推断）",
	"published":    "由发布日期推断",
}

// readerMeta lists the document's metadata with the source of each
// inferred field.
func readerMeta(doc queries.Document, sources []queries.MetadataSource) []metaRow {
	src := map[string]string{}
	for _, s := range sources {
		src[s.Field] = s.Source
	}
	rows := []metaRow{
		{Field: "title", Label: "标题", Value: doc.Title},
		{Field: "doc_type", Label: "文档类型", Value: doc.DocType},
		{Field: "province", Label: "省份", Value: doc.Province},
		{Field: "city", Label: "市", Value: doc.City},
		{Field: "county", Label: "县（区）", Value: doc.County},
		{Field: "level", Label: "层级", Value: levelLabel(doc.Level)},
		{Field: "issuer", Label: "发布机关", Value: doc.Issuer},
		{Field: "published", Label: "发布日期", Value: doc.Published},
		{Field: "reviewed_year", Label: "回顾年", Value: yearText(doc.ReviewedYear)},
		{Field: "plan_year", Label: "部署年", Value: yearText(doc.PlanYear)},
		{Field: "year", Label: "比较用年份", Value: yearText(doc.Year), Source: "derived", SourceLabel: "发布年份，缺失时取部署年或回顾年"},
	}
	var out []metaRow
	for _, r := range rows {
		if (r.Field == "city" || r.Field == "county") && r.Value == "" && src[r.Field] == "" {
			continue
		}
		if r.Value == "" {
			r.Value = "未知"
		}
		if r.Source == "" {
			r.Source = src[r.Field]
			r.SourceLabel = sourceLabels[r.Source]
			if r.SourceLabel == "" {
				r.SourceLabel = r.Source
			}
		}
		out = append(out, r)
	}
	return out
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
	d.Meta = readerMeta(doc, d.Sources)
	if !r.site.static { // offline every value would be another list file
		for i, m := range d.Meta {
			key, value := map[string]string{"province": "province", "doc_type": "type", "level": "level", "issuer": "issuer",
				"reviewed_year": "reviewed", "plan_year": "plan", "year": "from", "city": "place", "county": "place"}[m.Field], ""
			switch m.Field {
			case "province", "doc_type", "issuer", "city", "county":
				value = m.Value
			case "level":
				value = doc.Level
			case "reviewed_year", "plan_year", "year":
				if y := map[string]int{"reviewed_year": doc.ReviewedYear, "plan_year": doc.PlanYear, "year": doc.Year}[m.Field]; y != 0 {
					value = strconv.Itoa(y)
				}
			}
			if key == "" || value == "" || value == "未知" || value == "unknown" {
				continue
			}
			q := url.Values{key: {value}}
			if key == "from" {
				q.Set("to", value)
			}
			d.Meta[i].Href = r.site.Page("documents", q)
		}
	}
	d.Back = r.site.Href("documents")
	var hits []themeWord
	for _, t := range r.query["hl"] {
		if t = strings.TrimSpace(t); t != "" && len(d.Marked) < 5 {
			d.Marked = append(d.Marked, t)
			hits = append(hits, themeWord{Word: t, Hit: true})
		}
	}
	d.Parts = map[string]int{}
	for _, s := range sentences {
		d.Parts[s.Part]++
	}
	pages := readerPages(sentences, utf8.RuneCountInString(doc.Body))
	cur := 0
	if n, err := strconv.Atoi(r.query.Get("page")); err == nil && n >= 1 && n <= len(pages) {
		cur = n - 1
	}
	if len(pages) > 1 {
		for i, pg := range pages {
			q := url.Values{}
			if i > 0 {
				q.Set("page", strconv.Itoa(i+1))
			}
			href := ""
			if !r.site.static {
				href = "/documents/" + strconv.FormatInt(id, 10)
				if len(q) > 0 {
					href += "?" + q.Encode()
				}
			}
			d.Pages = append(d.Pages, readerPage{N: i + 1, Href: href, Current: i == cur, FirstSentence: pg.firstSentence})
		}
	}
	pg := pages[cur]
	d.PageIndicators = pageIndicators(d.Indicators, pg.from, pg.to)
	if d.Body, _, err = highlightRange(r.ctx, doc.Body, pg.from, pg.to, sentences, d.Indicators, append(hits, words...)...); err != nil {
		return nil, err
	}
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
		var links []string
		for _, t := range d.Themes {
			links = append(links, "#theme-"+t.Theme) // reader.js brings out the theme's words
			cats = append(cats, t.Label)
			data = append(data, opts.BarData{Value: round2(t.Per10k)})
			rows = append(rows, []string{t.Theme, t.Label, itoa(t.Hits), ftoa(t.Per10k)})
		}
		b.SetXAxis(cats)
		b.AddSeries("每万词命中", data)
		b.XYReversal()
		c, err := newChart("document-themes", "本文的主题强度", strconv.Itoa(50+28*len(cats))+"px", b, [][]string{links})
		if err != nil {
			return nil, err
		}
		c.Note = "点击柱子在正文中突出该主题的关键词"
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
	Hit                bool // a searched term (hl=): marked before any keyword
}

// highlight renders a body as HTML: each sentence in a span with id s-N
// (so #s-N links land on it), each indicator in a <mark> whose title gives
// metric, value, unit, kind and year, and each theme keyword that no
// indicator covers in a <mark class="theme">. All text is escaped; only the
// tags written here are markup. Offsets are runes of body.
func highlight(body string, sentences []queries.Sentence, inds []queries.DocIndicator, words ...themeWord) template.HTML {
	h, _, _ := highlightRange(context.Background(), body, 0, -1, sentences, inds, words...)
	return h
}

// highlightCheckEvery is how many sentences highlightRange renders between
// looks at its context.
const highlightCheckEvery = 256

// highlightRange renders the runes [from, to) of body (to < 0: to the
// end) as highlight does, in time linear in the body, stopping when ctx
// is done. It also returns the work it did (characters and marks
// visited), which a test holds to linear growth.
func highlightRange(ctx context.Context, body string, from, to int, sentences []queries.Sentence, inds []queries.DocIndicator, words ...themeWord) (template.HTML, int64, error) {
	runes := []rune(body)
	n := len(runes)
	if to < 0 || to > n {
		to = n
	}
	from = min(max(from, 0), to)
	var work int64
	clamp := func(i int) int { return min(max(i, from), to) }
	var b strings.Builder
	text := func(a, z int) {
		a, z = clamp(a), clamp(z)
		if a >= z {
			return
		}
		work += int64(z - a)
		s := template.HTMLEscapeString(string(runes[a:z]))
		b.WriteString(strings.ReplaceAll(s, "\n", "<br>\n"))
	}

	// Marks: indicators first (sorted by start, overlapping ones dropped),
	// then keywords where no mark is yet, longest keywords first. taken
	// covers [from, to) only.
	type span struct {
		start, end int
		open       string
	}
	var marks []span
	taken := make([]bool, to-from)
	free := func(a, z int) bool {
		for i := a; i < z; i++ {
			work++
			if taken[i-from] {
				return false
			}
		}
		return true
	}
	add := func(a, z int, open string) {
		for i := a; i < z; i++ {
			taken[i-from] = true
		}
		marks = append(marks, span{a, z, open})
	}
	sort.SliceStable(inds, func(i, j int) bool { return inds[i].Start < inds[j].Start })
	for _, in := range inds {
		work++
		if in.Start >= from && in.End > in.Start && in.End <= to && free(in.Start, in.End) {
			add(in.Start, in.End, fmt.Sprintf(`<mark class="%s" data-indicator="%d" title="%s">`,
				template.HTMLEscapeString(in.Kind), in.IndicatorID, template.HTMLEscapeString(markTitle(in))))
		}
	}
	if len(words) > 0 {
		sort.SliceStable(words, func(i, j int) bool {
			if words[i].Hit != words[j].Hit {
				return words[i].Hit
			}
			return len(words[i].Word) > len(words[j].Word)
		})
		// The part of the body on this page, and the rune offset of each
		// of its bytes.
		part := string(runes[from:to])
		runeAt := make([]int, len(part)+1)
		r := from
		for i := range part {
			runeAt[i] = r
			r++
		}
		runeAt[len(part)] = r
		work += int64(len(part))
		for _, w := range words {
			if w.Word == "" {
				continue
			}
			open := fmt.Sprintf(`<mark class="theme" data-theme="%s" title="%s">`,
				template.HTMLEscapeString(w.Theme), template.HTMLEscapeString("主题："+w.Label))
			if w.Hit {
				open = `<mark class="hit" title="检索词">`
			}
			wl := utf8.RuneCountInString(w.Word)
			for off := 0; off < len(part); {
				i := strings.Index(part[off:], w.Word)
				if i < 0 {
					break
				}
				a := runeAt[off+i]
				z := a + wl
				if z <= to && free(a, z) {
					add(a, z, open)
				}
				off += i + len(w.Word)
			}
			if err := ctx.Err(); err != nil {
				return "", work, err
			}
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })

	// The marks are visited once, in order, across all sentences.
	next := 0
	mark := func(a, z int) { // text with marks inside [a, z)
		pos := a
		for next < len(marks) && marks[next].start < a {
			next++ // a mark that straddles a sentence boundary is not drawn
			work++
		}
		for next < len(marks) && marks[next].end <= z {
			m := marks[next]
			next++
			work++
			text(pos, m.start)
			b.WriteString(m.open)
			text(m.start, m.end)
			b.WriteString("</mark>")
			pos = m.end
		}
		text(pos, z)
	}
	pos := from
	for i, s := range sentences {
		work++
		if i%highlightCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return "", work, err
			}
		}
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
	mark(pos, to)
	return template.HTML(b.String()), work, nil
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
