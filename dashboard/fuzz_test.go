package dashboard

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policylens/policylens/queries"
)

// FuzzHighlight feeds the reader arbitrary text and offsets: it must not
// panic, and no markup may come from the text.
func FuzzHighlight(f *testing.F) {
	f.Add("开通5G基站24.2万个<script>。", 0, 10, 2, 9)
	f.Add("", -1, 5, 7, 3)
	f.Add("a&b\n<c>", 1, 1, 0, 100)
	f.Fuzz(func(t *testing.T, body string, s0, s1, i0, i1 int) {
		if !utf8.ValidString(body) {
			return
		}
		word := ""
		if r := []rune(body); len(r) > 2 {
			word = string(r[1:3])
		}
		out := string(highlight(body,
			[]queries.Sentence{{No: 0, Start: s0, End: s1, Part: "review"}},
			[]queries.DocIndicator{{IndicatorID: 1, Start: i0, End: i1, Kind: "target"}},
			themeWord{Word: word, Theme: "t", Label: "l"}))
		rest := out
		for _, tag := range []string{`<span class="s part-review" id="s-0">`, "</span>", `<mark class="target" data-indicator="1" title="`, `<mark class="theme" data-theme="t" title="主题：l">`, "</mark>", "<br>"} {
			rest = strings.ReplaceAll(rest, tag, "")
		}
		// What is left is escaped text and the end of the mark's opening tag.
		rest = strings.ReplaceAll(rest, `">`, "")
		if strings.ContainsAny(rest, "<>") {
			t.Errorf("markup leaked from %q: %s", body, out)
		}
	})
}

// FuzzKWIC checks that every concordance line puts the context back
// together into a piece of the sentence.
func FuzzKWIC(f *testing.F) {
	f.Add("建设5G基站，5G应用", "5G")
	f.Add("aaa", "aa")
	f.Fuzz(func(t *testing.T, text, term string) {
		if !utf8.ValidString(text) || !utf8.ValidString(term) {
			return // DuckDB text is always valid UTF-8
		}
		for _, k := range kwic(text, term, 5) {
			if k.Match != term || !strings.Contains(text, k.Left+k.Match+k.Right) {
				t.Errorf("kwic(%q, %q) = %+v", text, term, k)
			}
		}
	})
}

// FuzzParseFilter reads arbitrary query strings: no panic, and writing the
// filter back and reading it again gives the same filter.
func FuzzParseFilter(f *testing.F) {
	f.Add("province=山东省&province=浙江省&level=county&from=2022&to=x")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		a := parseFilter(q)
		b := parseFilter(filterQuery(a))
		if strings.Join(a.Provinces, "|") != strings.Join(b.Provinces, "|") || a.Level != b.Level || a.DocType != b.DocType || a.YearFrom != b.YearFrom || a.YearTo != b.YearTo || a.Theme != b.Theme {
			t.Errorf("round trip of %q: %+v then %+v", raw, a, b)
		}
	})
}
