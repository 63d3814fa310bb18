package meta

import (
	"iter"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The year rules look at every year a notice writes (2024年) with the
// words just before and after it. Running a dozen regular expressions over
// the whole text for that was a fifth of a load's CPU: none has a literal
// prefix, so Go's regexp steps its automaton through every byte of the
// text, once per expression and per question. Instead a notice's text is
// scanned once for its years (yearMention: four digits 19xx or 20xx,
// optional spaces, 年), and each rule checks the few words around each of
// them. Each scanner matches exactly what the expression named in its
// comment matches, with Go's leftmost-first semantics (a match consumes
// the text it covers); yearscan_test.go keeps those expressions and checks
// the scanners against them on every notice of the test and dev sets,
// synthetic notices and random strings.

// isSpace reports whether b is a byte \s matches in a Go regular
// expression: tab, newline, form feed, carriage return and space.
func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// spaceBefore is the start of the run of \s bytes that ends at i.
func spaceBefore(s string, i int) int {
	for i > 0 && isSpace(s[i-1]) {
		i--
	}
	return i
}

// spaceAfter is the end of the run of \s bytes that starts at i.
func spaceAfter(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// endsWithAny reports whether s ends with one of words.
func endsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// startsWithAny reports whether s starts with one of words.
func startsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// occurrences yields the offset of each occurrence of w in s, in order.
func occurrences(s, w string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for off := 0; ; {
			i := strings.Index(s[off:], w)
			if i < 0 || !yield(off+i) {
				return
			}
			off += i + len(w)
		}
	}
}

// yearDigits reads d, four bytes, as a year (?:19|20)\d{2}.
func yearDigits(d string) (int, bool) {
	if !(d[0] == '1' && d[1] == '9' || d[0] == '2' && d[1] == '0') || !isDigit(d[2]) || !isDigit(d[3]) {
		return 0, false
	}
	return int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0'), true
}

// yearMention is a year written as ((?:19|20)\d{2})\s*年: its value, the
// offset of its digits and the offset just after its 年.
type yearMention struct {
	year, start, after int
}

// textScan is what the year rules need of one text, computed once.
type textScan struct {
	mentions   []yearMention
	statements []yearStatement
}

// scanMemo holds the scans of the last few texts: the inference of one
// notice asks about its text (and its title and text) many times, from
// functions that take the text. A scan depends on the lexicon too, so
// each is kept with the lexicon that made it.
var scanMemo struct {
	sync.Mutex
	texts [8]string
	lexes [8]*Lexicon
	scans [8]*textScan
	next  int
}

// scanOf is the scan of text, from the memo when it is one of the last
// few texts scanned. Callers only read it.
func (lx *Lexicon) scanOf(text string) *textScan {
	m := &scanMemo
	m.Lock()
	for i, t := range m.texts {
		if m.scans[i] != nil && m.lexes[i] == lx && len(t) == len(text) && t == text {
			sc := m.scans[i]
			m.Unlock()
			return sc
		}
	}
	m.Unlock()
	sc := &textScan{mentions: scanMentions(text)}
	sc.statements = lx.scanYearStatements(text, sc.mentions)
	m.Lock()
	m.texts[m.next], m.lexes[m.next], m.scans[m.next] = text, lx, sc
	m.next = (m.next + 1) % len(m.texts)
	m.Unlock()
	return sc
}

// scanMentions lists the years of s written as ((?:19|20)\d{2})\s*年, in
// order. The digits are the four before 年 and the spaces between: a year
// preceded by more digits (12024年) counts, as it does for the expressions.
func scanMentions(s string) []yearMention {
	var out []yearMention
	for j := range occurrences(s, "年") {
		k := spaceBefore(s, j)
		if k < 4 {
			continue
		}
		if y, ok := yearDigits(s[k-4 : k]); ok {
			out = append(out, yearMention{year: y, start: k - 4, after: j + len("年")})
		}
	}
	return out
}

// prefixedYears is the set of years of sc written right after one of
// words, then optionally one of mids, then \s*: the years the expression
// (?:words)(?:mids)?\s*((?:19|20)\d{2})\s*年 finds. (No word ends with 年
// or a digit, so no match covers another.)
func prefixedYears(s string, sc *textScan, words, mids []string) map[int]bool {
	ys := map[int]bool{}
	for _, m := range sc.mentions {
		if prefixedBy(s, m.start, words, mids) {
			ys[m.year] = true
		}
	}
	return ys
}

// prefixedBy reports whether s[:i] ends with one of words, optionally one
// of mids, and \s*.
func prefixedBy(s string, i int, words, mids []string) bool {
	before := s[:spaceBefore(s, i)]
	if endsWithAny(before, words) {
		return true
	}
	for _, mid := range mids {
		if rest, ok := strings.CutSuffix(before, mid); ok && endsWithAny(rest, words) {
			return true
		}
	}
	return false
}

// deadlineYears: (?:到|至|力争|确保|计划|争取|预计|目标)\s*((?:19|20)\d{2})\s*年.
func (lx *Lexicon) deadlineYears(text string) map[int]bool {
	return prefixedYears(text, lx.scanOf(text), lx.DeadlineWords, nil)
}

// baseYears: (?:较|比|同比|相比|与)\s*((?:19|20)\d{2})\s*年.
func (lx *Lexicon) baseYears(text string) map[int]bool {
	return prefixedYears(text, lx.scanOf(text), lx.BaseWords, nil)
}

// sinceIssuedYears: ((?:19|20)\d{2})\s*年\s*(?:以来|来|印发|出台|发布|颁布|制定).
func (lx *Lexicon) sinceIssuedYears(text string) map[int]bool {
	ys := map[int]bool{}
	for _, m := range lx.scanOf(text).mentions {
		if startsWithAny(text[spaceAfter(text, m.after):], lx.SinceWords) {
			ys[m.year] = true
		}
	}
	return ys
}

// goalYears: ((?:19|20)\d{2})\s*年[^，,。；;：:\n]{0,16}?(?:目标|任务). A
// match runs on to its goal word and so may cover a later year
// (2020年和2021年目标 names 2020 only), as the expression's does.
func (lx *Lexicon) goalYears(text string) map[int]bool {
	ys := map[int]bool{}
	end := 0
	for _, m := range lx.scanOf(text).mentions {
		if m.start < end {
			continue
		}
		i := m.after
		for n := 0; ; n++ {
			if startsWithAny(text[i:], lx.GoalWords) {
				ys[m.year] = true
				end = i + len("目标")
				break
			}
			if n == 16 || i >= len(text) {
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if strings.ContainsRune("，,。；;：:\n", r) {
				break
			}
			i += size
		}
	}
	return ys
}

// planPhraseYears: (?:部署|安排部署|研究部署|谋划|明确)(?:了)?\s*((?:19|20)\d{2})\s*年.
func (lx *Lexicon) planPhraseYears(text string) map[int]bool {
	return prefixedYears(text, lx.scanOf(text), lx.PlanWords, []string{"了"})
}

// agendaYears: ((?:19|20)\d{2})\s*年(?:度)?(?:工作|重点工作)?(?:打算|思路|…|发展目标).
func (lx *Lexicon) agendaYears(text string) map[int]bool {
	ys := map[int]bool{}
	for _, m := range lx.scanOf(text).mentions {
		rest := text[m.after:]
		for _, du := range []string{"", "度"} {
			for _, w := range lx.AgendaWorks {
				if r, ok := strings.CutPrefix(rest, du+w); ok && startsWithAny(r, lx.AgendaWords) {
					ys[m.year] = true
				}
			}
		}
	}
	return ys
}

// namedAheadYears: (?:力争|确保|计划|争取|目标是)(?:到|在|于)?\s*((?:19|20)\d{2})\s*年.
func (lx *Lexicon) namedAheadYears(text string) map[int]bool {
	return prefixedYears(text, lx.scanOf(text), lx.AheadWords, lx.AheadMids)
}

// asOfYears lists the years of 截至\s*((?:19|20)\d{2})\s*年 in text, in
// order.
func (lx *Lexicon) asOfYears(text string) []int {
	var out []int
	for _, m := range lx.scanOf(text).mentions {
		if prefixedBy(text, m.start, lx.AsOfWords, nil) {
			out = append(out, m.year)
		}
	}
	return out
}

// partOfYearMatch is a match of partOfYearRe: its year and the text after
// the year's digits to the match's end (年上半年, 年1-4月).
type partOfYearMatch struct {
	year int
	tail string
}

// partsOfYears lists the matches of partOfYearRe in text:
// ((?:19|20)\d{2})\s*年\s*(?:上半年|前三季度|[一二三]季度|第[一二三]季度|
// 1?\d\s*[-—至~]\s*1?\d\s*月|1?\d\s*月), the alternatives tried in that
// order. (A match ends in a month or a quarter and holds no four digits, so
// none covers a later year.)
func (lx *Lexicon) partsOfYears(text string) []partOfYearMatch {
	var out []partOfYearMatch
	for _, m := range lx.scanOf(text).mentions {
		if end := partEnd(text, spaceAfter(text, m.after)); end >= 0 {
			out = append(out, partOfYearMatch{year: m.year, tail: text[m.start+4 : end]})
		}
	}
	return out
}

// partEnd is where the part of a year that starts at i ends, -1 when none
// does.
func partEnd(s string, i int) int {
	rest := s[i:]
	for _, w := range []string{"上半年", "前三季度"} {
		if strings.HasPrefix(rest, w) {
			return i + len(w)
		}
	}
	for _, q := range []string{"", "第"} {
		if r, ok := strings.CutPrefix(rest, q); ok && startsWithAny(r, []string{"一", "二", "三"}) && strings.HasPrefix(r[len("一"):], "季度") {
			return i + len(q) + len("一季度")
		}
	}
	// 1?\d\s*[-—至~]\s*1?\d\s*月
	for _, a := range monthDigits(s, i) {
		a = spaceAfter(s, a)
		for _, dash := range []string{"-", "—", "至", "~"} {
			if !strings.HasPrefix(s[a:], dash) {
				continue
			}
			for _, b := range monthDigits(s, spaceAfter(s, a+len(dash))) {
				if b = spaceAfter(s, b); strings.HasPrefix(s[b:], "月") {
					return b + len("月")
				}
			}
		}
	}
	// 1?\d\s*月
	for _, a := range monthDigits(s, i) {
		if a = spaceAfter(s, a); strings.HasPrefix(s[a:], "月") {
			return a + len("月")
		}
	}
	return -1
}

// monthDigits lists where 1?\d starting at i can end, in the order the
// expression tries them (the 1 taken first).
func monthDigits(s string, i int) []int {
	var out []int
	if i+1 < len(s) && s[i] == '1' && isDigit(s[i+1]) {
		out = append(out, i+2)
	}
	if i < len(s) && isDigit(s[i]) {
		out = append(out, i+1)
	}
	return out
}

// periodRangeFirsts lists the first years of the spans of periodRangeRe
// in text: ((?:19|20)\d{2})\s*年?\s*(?:-|—|–|－|~|～|至|到)\s*((?:19|20)\d{2})\s*年.
// A span's first year may close the span before (2019年至2020年至2021年
// is one span, 2019–2020), as the expression's matches do not overlap.
func (lx *Lexicon) periodRangeFirsts(text string) []int {
	var out []int
	end := 0
	for _, m := range lx.scanOf(text).mentions {
		p := spaceBefore(text, m.start)
		dash := ""
		for _, d := range lx.RangeDashes {
			if strings.HasSuffix(text[:p], d) {
				dash = d
				break
			}
		}
		if dash == "" {
			continue
		}
		q := spaceBefore(text, p-len(dash))
		if strings.HasSuffix(text[:q], "年") {
			q = spaceBefore(text, q-len("年"))
		}
		if q < 4 {
			continue
		}
		y, ok := yearDigits(text[q-4 : q])
		if !ok || q-4 < end {
			continue
		}
		out = append(out, y)
		end = m.after
	}
	return out
}

// The punctuation that opens a sentence on a year (yearLeadRe): after a
// stop, or a reporting verb (the lexicon's lead_verbs) and its comma. They
// are the grammar of the expression, not a word list.
var (
	leadStops  = []string{"。", "！", "？", "；"}
	leadPuncts = []string{"，", ",", "：", ":"}
	numerals   = "一二三四五六七八九十"
)

// leadStart is where the match of yearLeadRe for the year whose digits
// start at d begins, -1 when the year does not open a sentence:
//
//	(?:^|[。！？；\n]|(?:强调|…|说)[，,：:]\s*|(?:本报讯|讯|电)\s)\s*
//	(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])?\s*
//	((?:19|20)\d{2})\s*年
//
// The match begins at the leftmost place any of its openings allows.
func (lx *Lexicon) leadStart(s string, d int) int {
	best := -1
	take := func(i int) {
		if best < 0 || i < best {
			best = i
		}
	}
	// opening reports the openings that end before the spaces that end at
	// p (where the list number or the year begins).
	opening := func(p int) {
		w := spaceBefore(s, p)
		if w == 0 {
			take(0)
			return
		}
		before := s[:w]
		if i := strings.IndexByte(s[w:p], '\n'); i >= 0 {
			take(w + i)
		}
		if endsWithAny(before, leadStops) {
			take(w - len("。"))
		}
		for _, pu := range leadPuncts {
			if rest, ok := strings.CutSuffix(before, pu); ok {
				for _, v := range lx.LeadVerbs {
					if strings.HasSuffix(rest, v) {
						take(len(rest) - len(v))
					}
				}
			}
		}
		if w < p {
			switch {
			case strings.HasSuffix(before, "本报讯"):
				take(w - len("本报讯"))
			case strings.HasSuffix(before, "讯"), strings.HasSuffix(before, "电"):
				take(w - len("讯"))
			}
		}
	}
	opening(d)
	if i := listNumberStart(s, spaceBefore(s, d)); i >= 0 {
		opening(i)
	}
	return best
}

// listNumberStart is where a list number (一、, （二）, 3.) ending at e
// begins, -1 when none ends there.
func listNumberStart(s string, e int) int {
	before := s[:e]
	runStart := func(in func(r rune) bool) int {
		i := len(before)
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(before[:i])
			if !in(r) {
				break
			}
			i -= size
		}
		return i
	}
	isNumeral := func(r rune) bool { return strings.ContainsRune(numerals, r) }
	isASCIIDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	switch {
	case strings.HasSuffix(before, "、"):
		body := len(before) - len("、")
		before = before[:body]
		if i := runStart(isNumeral); i < body {
			return i
		}
		if i := runStart(isASCIIDigit); i < body {
			return i
		}
	case strings.HasSuffix(before, "."):
		body := len(before) - 1
		before = before[:body]
		if i := runStart(isASCIIDigit); i < body {
			return i
		}
	case strings.HasSuffix(before, ")"), strings.HasSuffix(before, "）"):
		_, size := utf8.DecodeLastRuneInString(before)
		body := len(before) - size
		before = before[:body]
		i := runStart(func(r rune) bool { return isNumeral(r) || isASCIIDigit(r) })
		if i < body {
			if strings.HasSuffix(before[:i], "（") {
				return i - len("（")
			}
			if strings.HasSuffix(before[:i], "(") {
				return i - 1
			}
		}
	}
	return -1
}

// pastLead reports whether a sentence of text opens on the year gone by:
// (?:^|[。！？；\n])\s*(?:过去的?一年|一年来|去年以来|去年，).
func (lx *Lexicon) pastLead(text string) bool {
	for _, w := range lx.PastLeadWords {
		for j := range occurrences(text, w) {
			k := spaceBefore(text, j)
			if k == 0 || strings.IndexByte(text[k:j], '\n') >= 0 || endsWithAny(text[:k], leadStops) {
				return true
			}
		}
	}
	return false
}

// looksForward reports whether text closes on the way ahead (forwardRe).
func (lx *Lexicon) looksForward(text string) bool {
	if containsAny(text, lx.ForwardWords) {
		return true
	}
	for _, w := range lx.ForwardModals {
		for j := range occurrences(text, w) {
			if startsWithAny(text[j+len(w):], lx.ForwardVerbs) {
				return true
			}
		}
	}
	return false
}

// matchNear reports whether re matches s, running it only on the parts of
// s around the occurrences of anchors: exact for an expression without ^,
// $ or \b each of whose matches contains one of anchors and reaches at
// most reach bytes before and after it.
func matchNear(re *regexp.Regexp, s string, anchors []string, reach int) bool {
	var spans [][2]int
	for _, a := range anchors {
		for j := range occurrences(s, a) {
			spans = append(spans, [2]int{max(0, j-reach), min(len(s), j+len(a)+reach)})
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	for k := 0; k < len(spans); {
		lo, hi := spans[k][0], spans[k][1]
		for k++; k < len(spans) && spans[k][0] <= hi; k++ {
			hi = max(hi, spans[k][1])
		}
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo--
		}
		for hi < len(s) && !utf8.RuneStart(s[hi]) {
			hi++
		}
		if re.MatchString(s[lo:hi]) {
			return true
		}
	}
	return false
}

// eventYear is the year of eventYearRe's first match in text, 0 when none:
// (?:(?:举行|召开|开幕|举办)的|在)\s*((?:19|20)\d{2})\s*年?[^，。,]{0,16}?(?:大会|…|年会).
// The year is any four digits 19xx or 20xx after one of eventHosts (年
// may not follow: 2020中国福建互联网大会).
func (lx *Lexicon) eventYear(text string) int {
	if !containsAny(text, lx.EventWords) {
		return 0
	}
	for i := 0; i+4 <= len(text); i++ {
		y, ok := yearDigits(text[i : i+4])
		if !ok {
			continue
		}
		if !endsWithAny(text[:spaceBefore(text, i)], lx.EventHosts) {
			continue
		}
		// Taking 年 when it is there reaches every event word not
		// taking it would.
		j := spaceAfter(text, i+4)
		if strings.HasPrefix(text[j:], "年") {
			j += len("年")
		}
		for n := 0; ; n++ {
			if startsWithAny(text[j:], lx.EventWords) {
				return y
			}
			if n == 16 || j >= len(text) {
				break
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if r == '，' || r == '。' || r == ',' {
				break
			}
			j += size
		}
	}
	return 0
}

// prevPeriods is prevPeriodRe's matches in text.
func (lx *Lexicon) prevPeriods(text string) [][]string {
	if !containsAny(text, lx.periodNames) {
		return nil
	}
	return lx.prevPeriodRe.FindAllStringSubmatch(text, -1)
}
