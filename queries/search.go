package queries

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Search is a parsed full-text search over sentences. In words mode it is
// a conjunction of clauses, each a disjunction of phrases that a sentence
// must (or, negated, must not) contain as written; in regex mode it is one
// regular expression (RE2 syntax, as DuckDB's regexp_matches and Go's
// regexp read it).
//
// The words syntax is the one search boxes use: words and "quoted
// phrases" separated by spaces must all occur (AND); OR (or |) between two
// of them makes either do; a leading - or NOT excludes a phrase:
//
//	5G 千兆          both
//	5G OR 千兆       either
//	"断卡行动" -通报   the phrase, and not 通报
type Search struct {
	Text    string     // as typed
	Regex   bool       // regex mode
	Clauses [][]string // words mode: each literal '+' or '-' and the phrase
	Pattern string     // regex mode
	re      *regexp.Regexp
}

// ErrBadSearch wraps every reason a search cannot run, for a 400 and a
// message that says what to change.
var ErrBadSearch = errors.New("search")

// Limits on a search, so that one request cannot make the scan arbitrarily
// expensive.
const (
	maxSearchLen      = 200 // characters of the search text
	maxSearchLiterals = 16
)

// ParseSearch parses a search in words mode or, with regex, as a regular
// expression. An empty search is an error, and so is one that only
// excludes: it would list every sentence.
func ParseSearch(text string, regex bool) (Search, error) {
	text = strings.TrimSpace(text)
	s := Search{Text: text, Regex: regex}
	if text == "" {
		return s, fmt.Errorf("%w: 请输入要检索的词语", ErrBadSearch)
	}
	if utf8.RuneCountInString(text) > maxSearchLen {
		return s, fmt.Errorf("%w: 检索式过长（最多 %d 字）", ErrBadSearch, maxSearchLen)
	}
	if regex {
		re, err := regexp.Compile(text)
		if err != nil {
			return s, fmt.Errorf("%w: 正则表达式无效：%v", ErrBadSearch, err)
		}
		if re.MatchString("") {
			return s, fmt.Errorf("%w: 正则表达式会匹配空文本，请写得更具体", ErrBadSearch)
		}
		s.Pattern, s.re = text, re
		return s, nil
	}
	toks := searchTokens(text)
	var clause []string
	or, neg := false, false
	literals, positive := 0, false
	flush := func() {
		if len(clause) > 0 {
			s.Clauses = append(s.Clauses, clause)
			clause = nil
		}
	}
	for _, t := range toks {
		switch {
		case !t.quoted && (t.text == "OR" || t.text == "|"):
			or = true
			continue
		case !t.quoted && (t.text == "AND" || t.text == "&"):
			continue
		case !t.quoted && t.text == "NOT":
			neg = true
			continue
		}
		phrase := t.text
		if !t.quoted && strings.HasPrefix(phrase, "-") && len(phrase) > 1 {
			neg, phrase = true, phrase[1:]
		}
		if phrase == "" {
			continue
		}
		if !or {
			flush()
		}
		sign := "+"
		if neg {
			sign = "-"
		} else {
			positive = true
		}
		clause = append(clause, sign+phrase)
		literals++
		or, neg = false, false
	}
	flush()
	switch {
	case literals == 0:
		return s, fmt.Errorf("%w: 请输入要检索的词语", ErrBadSearch)
	case literals > maxSearchLiterals:
		return s, fmt.Errorf("%w: 检索词过多（最多 %d 个）", ErrBadSearch, maxSearchLiterals)
	case !positive:
		return s, fmt.Errorf("%w: 至少需要一个要包含的词（只有排除词会列出全部句子）", ErrBadSearch)
	}
	return s, nil
}

type searchToken struct {
	text   string
	quoted bool
}

// searchTokens splits a words-mode search into words and quoted phrases
// (straight or Chinese quotes); an unclosed quote runs to the end.
func searchTokens(text string) []searchToken {
	var out []searchToken
	var b strings.Builder
	var quote rune
	closing := map[rune]rune{'"': '"', '“': '”', '「': '」'}
	emit := func(quoted bool) {
		if b.Len() > 0 || quoted {
			out = append(out, searchToken{b.String(), quoted})
			b.Reset()
		}
	}
	for _, r := range text {
		switch {
		case quote != 0:
			if r == quote {
				emit(true)
				quote = 0
			} else {
				b.WriteRune(r)
			}
		case closing[r] != 0 && b.Len() == 0:
			quote = closing[r]
		case closing[r] != 0 && b.String() == "-":
			b.Reset()
			out = append(out, searchToken{"NOT", false})
			quote = closing[r]
		case unicode.IsSpace(r) || r == '\u3000':
			emit(false)
		default:
			b.WriteRune(r)
		}
	}
	emit(quote != 0)
	return out
}

// Matches reports whether a text matches the search, as the SQL macro
// sentence_matches decides it (the tests check one against the other).
func (s Search) Matches(text string) bool {
	if s.Regex {
		return s.re != nil && s.re.MatchString(text)
	}
	if len(s.Clauses) == 0 {
		return false
	}
	for _, c := range s.Clauses {
		ok := false
		for _, l := range c {
			if strings.Contains(text, l[1:]) == (l[0] == '+') {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// Highlights returns the byte spans [start, end) of text to mark: every
// occurrence of a phrase the search looks for, or every match of the
// regular expression; sorted, without overlaps.
func (s Search) Highlights(text string) [][2]int {
	var spans [][2]int
	if s.Regex {
		if s.re != nil {
			for _, m := range s.re.FindAllStringIndex(text, -1) {
				if m[1] > m[0] {
					spans = append(spans, [2]int{m[0], m[1]})
				}
			}
		}
		return spans
	}
	for _, c := range s.Clauses {
		for _, l := range c {
			if l[0] != '+' {
				continue
			}
			p := l[1:]
			for i := 0; ; {
				j := strings.Index(text[i:], p)
				if j < 0 {
					break
				}
				spans = append(spans, [2]int{i + j, i + j + len(p)})
				i += j + len(p)
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp[0] < out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], sp[1])
			continue
		}
		out = append(out, sp)
	}
	return out
}

func (s Search) args() []any {
	mode := "words"
	if s.Regex {
		mode = "regex"
	}
	clauses := s.Clauses
	if clauses == nil {
		clauses = [][]string{}
	}
	return append([]any{sql.Named("mode", mode), sql.Named("clauses", clauses), sql.Named("pattern", s.Pattern)}, s.prefilterArgs()...)
}

// maxPrefilter is how many phrases the prefilter of a search holds
// ($must1 … $must4 in the queries).
const maxPrefilter = 4

// prefilter is up to maxPrefilter phrases one of which every match
// contains (none when no phrase is certain), for the queries to test with
// plain contains before the macro sentence_matches, which evaluates its
// clauses per sentence (or runs the regular expression) and costs several
// times more; the result is the same. In words mode it is the clause of
// positive phrases only with the fewest phrases (the one with the longest
// shortest phrase among equals); in regex mode a literal the expression
// cannot match without (requiredLiteral).
func (s Search) prefilter() []string {
	if s.Regex {
		if lit := requiredLiteral(s.Pattern); lit != "" {
			return []string{lit}
		}
		return nil
	}
	var best []string
	shortest := func(c []string) int {
		n := math.MaxInt
		for _, p := range c {
			n = min(n, len(p))
		}
		return n
	}
	for _, c := range s.Clauses {
		if len(c) > maxPrefilter || slices.ContainsFunc(c, func(l string) bool { return l[0] != '+' }) {
			continue
		}
		var phrases []string
		for _, l := range c {
			phrases = append(phrases, l[1:])
		}
		if best == nil || len(phrases) < len(best) || (len(phrases) == len(best) && shortest(phrases) > shortest(best)) {
			best = phrases
		}
	}
	return best
}

// prefilterArgs binds the prefilter to $must1 … $must4: NULL for the
// unused ones ($must1 the empty string when there is none).
func (s Search) prefilterArgs() []any {
	p := s.prefilter()
	args := make([]any, maxPrefilter)
	for i := range args {
		var v sql.NullString
		if i < len(p) {
			v = sql.NullString{String: p[i], Valid: true}
		} else if i == 0 {
			v = sql.NullString{Valid: true} // '': no prefilter
		}
		args[i] = sql.Named(fmt.Sprintf("must%d", i+1), v)
	}
	return args
}

// requiredLiteral returns the longest literal that every match of the
// regular expression contains, "" when it cannot tell: a literal of the
// expression itself, or of a sequence at its top (through groups), matched
// case-sensitively. [0-9.]+万个 needs 万个; a|b, x*, (?i)ab need none.
func requiredLiteral(pattern string) string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return ""
	}
	re = re.Simplify()
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	lit := func(r *syntax.Regexp) string {
		if r.Op == syntax.OpLiteral && r.Flags&syntax.FoldCase == 0 {
			return string(r.Rune)
		}
		return ""
	}
	if re.Op != syntax.OpConcat {
		return lit(re)
	}
	best := ""
	for _, sub := range re.Sub {
		for sub.Op == syntax.OpCapture {
			sub = sub.Sub[0]
		}
		if l := lit(sub); len(l) > len(best) {
			best = l
		}
	}
	return best
}

// SearchHit is one sentence that matches a search, with its document.
type SearchHit struct {
	DocID                  int64
	SentenceNo             int
	Title                  string
	Province, City, County string
	Year                   int // on the filter's year basis; 0 when unknown
	Published              string
	Text                   string
}

// SearchSentences returns one page of the sentences of the filtered
// documents that match s, newest documents first, and how many match in
// all.
func SearchSentences(ctx context.Context, db *sql.DB, f Filter, s Search, pg Page) ([]SearchHit, int64, error) {
	args := append(f.args(), s.args()...)
	args = append(args, pg.args()...)
	var total int64
	rows, err := selectRows(ctx, db, "SearchSentences", func(r *sql.Rows, v *SearchHit) error {
		var year sql.NullInt64
		err := r.Scan(&v.DocID, &v.SentenceNo, &v.Title, &v.Province, &v.City, &v.County, &year, &v.Published, &v.Text, &total)
		v.Year = nullInt(year)
		return err
	}, args...)
	return rows, total, err
}

// SearchCount is how many sentences (and documents) of one province and
// year match a search.
type SearchCount struct {
	Province  string
	Year      int // 0 when unknown
	Sentences int64
	Documents int64
}

// SearchPage returns what the search page shows, from one scan of the
// sentences: one page of the matches of s in the filtered documents (as
// SearchSentences), the matches counted by province and year (provinces
// in administrative order), and how many sentences match in all.
func SearchPage(ctx context.Context, db *sql.DB, f Filter, s Search, pg Page) ([]SearchHit, []SearchCount, int64, error) {
	args := append(f.args(), s.args()...)
	args = append(args, pg.args()...)
	type row struct {
		part string
		hit  SearchHit
		cnt  SearchCount
	}
	rows, err := selectRows(ctx, db, "SearchPage", func(r *sql.Rows, v *row) error {
		var ord int64
		var docID, sentenceNo, year, sentences, documents sql.NullInt64
		var title, city, county, published, text sql.NullString
		var province string
		err := r.Scan(&v.part, &ord, &docID, &sentenceNo, &title, &province, &city, &county, &year, &published, &text, &sentences, &documents)
		if v.part == "hit" {
			v.hit = SearchHit{DocID: docID.Int64, SentenceNo: nullInt(sentenceNo), Title: nullString(title), Province: province,
				City: nullString(city), County: nullString(county), Year: nullInt(year), Published: nullString(published), Text: nullString(text)}
		} else {
			v.cnt = SearchCount{Province: province, Year: nullInt(year), Sentences: sentences.Int64, Documents: documents.Int64}
		}
		return err
	}, args...)
	if err != nil {
		return nil, nil, 0, err
	}
	var hits []SearchHit
	var counts []SearchCount
	var total int64
	for _, r := range rows {
		if r.part == "hit" {
			hits = append(hits, r.hit)
		} else {
			counts = append(counts, r.cnt)
			total += r.cnt.Sentences
		}
	}
	return hits, counts, total, nil
}
