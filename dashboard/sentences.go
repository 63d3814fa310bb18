package dashboard

import (
	"html/template"
	"sort"
	"strings"

	"github.com/policylens/policylens/queries"
)

// themeSentencesLimit caps the sentences of one drill-down page.
const themeSentencesLimit = 200

type themeSentencesData struct {
	Theme     queries.Theme
	Sentences []sentenceView
	Limit     int
	Back      string
}

type sentenceView struct {
	queries.ThemeSentence
	Marked template.HTML
	Href   string
}

// themeSentencesPage shows the sentences behind a cell of the themes
// charts: those of the filtered documents that contain a keyword of the
// theme, keywords highlighted.
func themeSentencesPage(r request) (*page, error) {
	bar, _, err := facetsBar(r, r.site.Href("theme-sentences"))
	if err != nil {
		return nil, err
	}
	themes, err := queries.Themes(r.ctx, r.db)
	if err != nil {
		return nil, err
	}
	d := &themeSentencesData{Limit: themeSentencesLimit, Back: r.site.Page("themes", filterQuery(parseFilter(r.query)))}
	want := r.query.Get("theme")
	for _, t := range themes {
		if t.Theme == want {
			d.Theme = t
		}
	}
	if d.Theme.Theme == "" && len(themes) > 0 {
		d.Theme = themes[0]
	}
	p := &page{Name: "theme-sentences", Title: "主题「" + d.Theme.Label + "」的原句", Nav: "themes", Site: r.site, Filter: bar}
	bar.Hidden = map[string]string{"theme": d.Theme.Theme}
	rows, err := queries.ThemeSentences(r.ctx, r.db, parseFilter(r.query), d.Theme.Theme, themeSentencesLimit)
	if err != nil {
		return nil, err
	}
	for _, s := range rows {
		d.Sentences = append(d.Sentences, sentenceView{ThemeSentence: s, Marked: markTerms(s.Text, s.Keywords), Href: r.site.Doc(s.DocID, s.SentenceNo)})
	}
	p.Data = d
	return p, nil
}

// markTerms escapes text and wraps each occurrence of a term in <mark>;
// where terms overlap the earliest, then longest, wins.
func markTerms(text string, terms []string) template.HTML {
	runes := []rune(text)
	type span struct{ from, to int }
	var spans []span
	for _, term := range terms {
		t := []rune(term)
		if len(t) == 0 {
			continue
		}
		for i := 0; i+len(t) <= len(runes); i++ {
			if string(runes[i:i+len(t)]) == term {
				spans = append(spans, span{i, i + len(t)})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].from != spans[j].from {
			return spans[i].from < spans[j].from
		}
		return spans[i].to > spans[j].to
	})
	var b strings.Builder
	pos := 0
	for _, s := range spans {
		if s.from < pos {
			continue
		}
		b.WriteString(template.HTMLEscapeString(string(runes[pos:s.from])))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(string(runes[s.from:s.to])))
		b.WriteString("</mark>")
		pos = s.to
	}
	b.WriteString(template.HTMLEscapeString(string(runes[pos:])))
	return template.HTML(b.String())
}
