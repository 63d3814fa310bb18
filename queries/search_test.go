package queries_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/policylens/policylens/queries"
)

// TestParseSearch checks the words syntax: spaces AND, OR and | join,
// - and NOT exclude, quotes keep a phrase whole.
func TestParseSearch(t *testing.T) {
	for _, c := range []struct {
		in   string
		want [][]string
	}{
		{"5G", [][]string{{"+5G"}}},
		{"5G 千兆", [][]string{{"+5G"}, {"+千兆"}}},
		{"5G OR 千兆 反诈", [][]string{{"+5G", "+千兆"}, {"+反诈"}}},
		{"5G | 千兆", [][]string{{"+5G", "+千兆"}}},
		{"断卡 -通报", [][]string{{"+断卡"}, {"-通报"}}},
		{"断卡 NOT 通报", [][]string{{"+断卡"}, {"-通报"}}},
		{`"5G 基站" 建成`, [][]string{{"+5G 基站"}, {"+建成"}}},
		{"“信息通信业” AND 高质量", [][]string{{"+信息通信业"}, {"+高质量"}}},
		{`断卡 -"专项行动"`, [][]string{{"+断卡"}, {"-专项行动"}}},
	} {
		s, err := queries.ParseSearch(c.in, false)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if !reflect.DeepEqual(s.Clauses, c.want) {
			t.Errorf("%q: clauses %q, want %q", c.in, s.Clauses, c.want)
		}
	}
	for _, bad := range []struct {
		in    string
		regex bool
	}{{"", false}, {"-通报", false}, {"NOT 通报", false}, {"OR", false}, {"(", true}, {"a*", true}, {strings.Repeat("字", 201), false}} {
		if _, err := queries.ParseSearch(bad.in, bad.regex); !errors.Is(err, queries.ErrBadSearch) {
			t.Errorf("%q (regex %v): want ErrBadSearch, got %v", bad.in, bad.regex, err)
		}
	}
	s, _ := queries.ParseSearch("5G OR 千兆网络", false)
	text := "建成5G基站和千兆网络，5G用户增长"
	var got []string
	for _, sp := range s.Highlights(text) {
		got = append(got, text[sp[0]:sp[1]])
	}
	if strings.Join(got, "|") != "5G|千兆网络|5G" {
		t.Errorf("highlights %q", got)
	}
}

// TestSearchMatchesPlainScan checks that full-text search returns exactly
// the sentences that contain the phrase (and obey AND / OR / NOT, or the
// regular expression), against a plain scan of every sentence in Go, and
// that the counts by province and year add up to the same hits.
func TestSearchMatchesPlainScan(t *testing.T) {
	db := openSeed(t)
	ctx := context.Background()
	type sent struct {
		doc      int64
		no       int
		province string
		text     string
	}
	rows, err := db.Query(`SELECT s.doc_id, s.sentence_no, d.province, s.text FROM sentences s JOIN documents d USING (doc_id)`)
	if err != nil {
		t.Fatal(err)
	}
	var all []sent
	for rows.Next() {
		var s sent
		if err := rows.Scan(&s.doc, &s.no, &s.province, &s.text); err != nil {
			t.Fatal(err)
		}
		all = append(all, s)
	}
	rows.Close()
	if len(all) < 100 {
		t.Fatalf("only %d sentences in the seeds", len(all))
	}
	key := func(doc int64, no int) string { return fmt.Sprintf("%d/%d", doc, no) }
	for _, c := range []struct {
		q     string
		regex bool
		f     queries.Filter
	}{
		{q: "5G"},
		{q: "断卡"},
		{q: "信息通信"},
		{q: "网络安全 OR 数据安全"},
		{q: "5G -基站"},
		{q: `"高质量发展" 行业`},
		{q: "5G基站"},
		{q: `[0-9.]+万个`, regex: true},
		{q: `^会议`, regex: true},
		{q: "5G", f: queries.Filter{Provinces: []string{"山东省"}}},
		// The prefilter: a clause of several phrases, phrases in two
		// clauses, a negated phrase inside an OR, and regular expressions
		// with and without a literal they cannot match without.
		{q: "5G OR 千兆 -基站"},
		{q: "网络 OR 数据 安全 OR 治理 OR 发展"},
		{q: "5G OR -基站 千兆"},
		{q: `(断卡|反诈)行动`, regex: true},
		{q: `(万个)[，。]`, regex: true},
		{q: `(?i)5g基站`, regex: true},
		{q: `基站|千兆`, regex: true},
	} {
		s, err := queries.ParseSearch(c.q, c.regex)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		want := map[string]bool{}
		byProvince := map[string]int64{}
		for _, x := range all {
			if len(c.f.Provinces) > 0 && x.province != c.f.Provinces[0] {
				continue
			}
			contains := s.Matches(x.text)
			if !c.regex && len(s.Clauses) == 1 && len(s.Clauses[0]) == 1 {
				contains = strings.Contains(x.text, c.q) // the plain scan itself, not the parser's reading
			}
			if contains {
				want[key(x.doc, x.no)] = true
				byProvince[x.province]++
			}
		}
		got := map[string]bool{}
		var total int64
		for pg := (queries.Page{Limit: 37}); ; pg.Offset += pg.Limit {
			hits, n, err := queries.SearchSentences(ctx, db, c.f, s, pg)
			if err != nil {
				t.Fatalf("%q: %v", c.q, err)
			}
			if len(hits) == 0 {
				break
			}
			total = n
			for _, h := range hits {
				k := key(h.DocID, h.SentenceNo)
				if got[k] {
					t.Errorf("%q: sentence %s on two pages", c.q, k)
				}
				got[k] = true
			}
		}
		if len(want) == 0 {
			t.Errorf("%q matches nothing in the seeds: not a test", c.q)
		}
		if !reflect.DeepEqual(got, want) || total != int64(len(want)) {
			t.Errorf("%q: search found %d sentences (total %d), the plain scan %d", c.q, len(got), total, len(want))
		}
		_, counts, pageTotal, err := queries.SearchPage(ctx, db, c.f, s, queries.Page{Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if pageTotal != int64(len(want)) {
			t.Errorf("%q: the search page counts %d sentences, the plain scan %d", c.q, pageTotal, len(want))
		}
		gotBy := map[string]int64{}
		for _, cnt := range counts {
			gotBy[cnt.Province] += cnt.Sentences
		}
		if !reflect.DeepEqual(gotBy, byProvince) {
			t.Errorf("%q: counts by province %v, the plain scan %v", c.q, gotBy, byProvince)
		}
		seen := map[string]bool{}
		for i, cnt := range counts {
			if seen[cnt.Province] && counts[i-1].Province != cnt.Province {
				t.Errorf("%q: province %s in two runs of the counts", c.q, cnt.Province)
			}
			seen[cnt.Province] = true
		}
	}
}
