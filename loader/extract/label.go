package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/text"
)

// This file labels each figure with its kind, year and scope by reading
// its clause: the time expressions (2023年, 到2025年, 截至10月, 今年, 目前,
// “十四五”…), the aspect and modal markers (已, 累计已, 超额完成; 将, 力争,
// 计划, 预计, 确保…) and the scope words (全国, 工信部, another place the
// gazetteer knows) before it in its sentence, against the notice's timeline
// (docContext), which is resolved once per notice. The word lists are data
// (Lexicon).

// Kinds of time expression.
const (
	tIn     = iota // 2023年，… / 2023年全省…: the year the figure is in
	tBy            // 到2025年, 2025年底前, 力争2025年: the year it is due
	tAsOf          // 截至2024年底: the year it stands at
	tRange         // 2019至2022年: the last year of the span
	tSince         // 2021年以来, “十四五”以来: up to the time of writing
	tBase          // 较2020年, 比上年, 较“十三五”末: a comparison base, not the figure's year
	tNow           // 目前, 截至10月, 上半年: the time of writing
	tRel           // 今年, 去年, 明年: relative to the notice's year
	tPeriod        // “十四五”期间: the last year of the plan period
)

// timeMark is a time expression in a sentence.
type timeMark struct {
	start, end int // rune span
	kind       int
	year       int
	// adverbial reports a mark that is the whole of a short clause of its
	// own (2021年，… / 截至2023年底，…): it dates the clauses after it.
	adverbial bool
	// periodStart is the year before a plan period begins (2020 for
	// 十四五), for the base of a change over the period.
	periodStart int
	// topic reports a year the sentence is about (2020年是…之年).
	topic bool
	// yearToDate reports part of a year up to a month (2021年1-4月,
	// 2021年第一季度, 2024年10月底).
	yearToDate bool
	// changeEnd reports the year a change reached (由…发展到2022年的…):
	// the time of the clauses about that change after it too (年均增长9.6%).
	changeEnd bool
}

// moodMark is a modal (future) or aspect (past) marker.
type moodMark struct {
	pos    int
	future bool
	// local reports a word of planning that is no modal (规划): it decides
	// the figures of its own clause only, and says nothing of the sentence.
	local bool
}

// scopeMark is a word that says whose figures follow.
type scopeMark struct {
	start, end int
	scope      string // own, national, other, or benchmark
	place      string
}

// sentenceMarks are the markers of one sentence, in text order.
type sentenceMarks struct {
	times  []timeMark
	moods  []moodMark
	scopes []scopeMark
	// inherited is the scope a sentence opening with 其中 takes from the
	// sentence before it ("" for own).
	inherited, inheritedPlace string
	// rs is the sentence the marks were read from.
	rs []rune
	// carriedBy reports a paragraph that opened on a deadline (到2025年，…):
	// its figures without a marker of their own are due, not done.
	carriedBy bool
	// docLean and paraLean are the moods the notice and the paragraph lean
	// to before this sentence (sentenceState).
	docLean, paraLean int
}

// openingYear is the year a sentence opens on as a bare time adverbial or
// as its topic (2020年，…; 截至2020年底，…; 2020年是…; 去年，…; “十三五”时期，…),
// which dates the undated figures of the rest of its paragraph; 0 when it
// opens on none.
//
// The year may come after a reporting clause without figures (记者4月23日
// 从…获悉，2020年，…): firstFigure is where the sentence's first figure
// starts (its length when it has none).
func (m *sentenceMarks) openingYear(firstFigure int, lx *Lexicon) int {
	y, _ := m.opening(firstFigure, lx)
	return y
}

// opening is openingYear and whether the sentence opens on a deadline
// (到2025年，…).
func (m *sentenceMarks) opening(firstFigure int, lx *Lexicon) (int, bool) {
	y, i := m.openingMark(firstFigure, lx)
	return y, y > 0 && m.times[i].kind == tBy
}

func (m *sentenceMarks) openingMark(firstFigure int, lx *Lexicon) (int, int) {
	rs := m.rs
	for i, t := range m.times {
		if t.start >= firstFigure {
			return 0, 0
		}
		dates := t.year > 0 && t.kind != tBase && t.kind != tSince
		if i == 0 && t.start <= 3 {
			if dates && (t.adverbial || t.topic) {
				return t.year, i
			}
			if t.kind != tNow {
				return 0, 0
			}
			continue // 近日获悉，…
		}
		// 记者4月23日从省经信厅获悉，2020年，…: the time is a clause of its
		// own after one that only says where the news comes from.
		if dates && t.kind != tNow && t.adverbial && t.start == minorStart(rs, t.start) && afterReporting(rs[:t.start], lx) {
			return t.year, i
		}
	}
	return 0, 0
}

// afterReporting reports text ending with a clause that only says where
// the news comes from (记者4月23日从省经信厅获悉，).
func afterReporting(before []rune, lx *Lexicon) bool {
	s := strings.TrimRight(string(before), "，,：: ")
	if s == string(before) {
		return false
	}
	for _, w := range lx.Reporting {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// moodsOf reports whether a sentence has a future marker and whether it
// has a marker of something done.
func (m *sentenceMarks) moodsOf() (future, past bool) {
	for _, md := range m.moods {
		if md.local {
			continue
		}
		if md.future {
			future = true
		} else {
			past = true
		}
	}
	return future, past
}

// estimates reports a sentence with an estimate (预计, 预期) among its
// future markers.
func (m *sentenceMarks) estimates(lex *Lexicon) bool {
	for _, md := range m.moods {
		if md.future && anyAt(m.rs, md.pos, lex.EstimateWords) {
			return true
		}
	}
	return false
}

// endsSentence reports a sentence ended by a full stop, not by ； or a
// line break.
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "。") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "!")
}

// firstYear is the year of the first time expression of a sentence that
// dates what it says (not a base or a start), 0 when none.
func (m *sentenceMarks) firstYear() int {
	for _, t := range m.times {
		if t.year > 0 && t.kind != tBase && t.kind != tSince {
			return t.year
		}
	}
	return 0
}

// lastAdverbialYear is the year of the last bare time adverbial of a
// sentence (…了解到：“十四五”期间，全市…), 0 when it has none.
func (m *sentenceMarks) lastAdverbialYear() int {
	for i := len(m.times) - 1; i >= 0; i-- {
		if t := m.times[i]; t.adverbial && t.year > 0 && t.kind != tBase && t.kind != tSince {
			return t.year
		}
	}
	return 0
}

// placeInfo is the notice's own place, to tell its figures from another
// place's.
type placeInfo struct {
	province, city, county, level string
}

// scanMarks finds the time expressions, mood markers and scope words of a
// sentence (simplified runes).
func (e *Extractor) scanMarks(rs []rune, quoted []bool, ctx *docContext) sentenceMarks {
	m := sentenceMarks{rs: rs}
	lex := e.lex
	// The last region word and whether it named whose figure follows: the
	// next one in its list (京津冀、长三角) goes the same way.
	bodyEnd, bodyCounts := -1, true
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		// A year: four digits and 年.
		if r == '年' && i >= 4 && !quoted[i] {
			if tm, ok := yearMark(rs, i, lex); ok {
				m.times = append(m.times, tm)
				if tm.kind == tAsOf || tm.kind == tSince || tm.yearToDate {
					// 截至2024年底, 2021年以来, 2021年1-4月: reported up to a
					// date, so done.
					m.moods = append(m.moods, moodMark{pos: tm.start, future: false})
				}
				i = tm.end - 1
				continue
			}
			// Not a year: 年底前, 年内 … are words of the lexicon.
		}
		// 《…三年行动计划(2020—2022年)》称，…: what a plan sets out.
		if r == '》' && e.relaysPlan(rs, i) {
			m.moods = append(m.moods, moodMark{pos: i, future: true})
		}
		if quoted[i] && r != '十' {
			continue
		}
		// 截至10月, 截止9月底: the time of writing.
		if (hasAt(rs, i, "截至") || hasAt(rs, i, "截止")) && monthAt(rs, i+2) > i+2 {
			end := monthAt(rs, i+2)
			m.times = append(m.times, timeMark{start: i, end: end, kind: tNow, year: ctx.writingYear(monthOf(rs[i+2 : end])), adverbial: isAdverbial(rs, i, end)})
			m.moods = append(m.moods, moodMark{pos: i, future: false})
			i = end - 1
			continue
		}
		// 1-9月, 1至11月, 前7个月: year to date, reported up to a month
		// gone by, so done (as 2021年1-4月 is).
		if end := yearToDate(rs, i); end > i {
			m.times = append(m.times, timeMark{start: i, end: end, kind: tNow, year: ctx.writingYear(monthOf(rs[i:end])), adverbial: isAdverbial(rs, i, end)})
			m.moods = append(m.moods, moodMark{pos: i, future: false})
			i = end - 1
			continue
		}
		// Plan periods: “十四五”期间, 十四五以来, 较“十三五”末.
		if r == '十' {
			if tm, ok := periodMark(rs, i, lex); ok {
				m.times = append(m.times, tm)
				if tm.kind == tSince {
					m.moods = append(m.moods, moodMark{pos: i, future: false})
				}
				i = tm.end - 1
				continue
			}
		}
		n, class := lex.cues.at(rs, i)
		if n == 0 {
			continue
		}
		end := i + n
		switch class {
		case cueFuture:
			if obtainsFunds(rs, i, end, lex) {
				break // 争取衔接资金9.56亿元: money brought in
			}
			m.moods = append(m.moods, moodMark{pos: i, future: true})
		case cuePast:
			if hasAt(rs, i, "已") && (endsWith(rs, i, "不") || endsWith(rs, i, "而")) {
				break
			}
			m.moods = append(m.moods, moodMark{pos: i, future: false})
		case cueWill:
			if anyAt(rs, end, lex.WillVerbs) {
				m.moods = append(m.moods, moodMark{pos: i, future: true})
			}
		case cueYao:
			if !yaoInWord(rs, i, lex) {
				m.moods = append(m.moods, moodMark{pos: i, future: true})
			}
		case cueNow:
			m.times = append(m.times, timeMark{start: i, end: end, kind: tNow, year: ctx.writingYear(monthOf(rs[i:end])), adverbial: isAdverbial(rs, i, end)})
			m.moods = append(m.moods, moodMark{pos: i, future: false})
		case cueYearPart:
			m.times = append(m.times, timeMark{start: i, end: end, kind: tNow, year: ctx.writingYear(monthOf(rs[i:end])), adverbial: isAdverbial(rs, i, end)})
		case cueNotFuture:
			// 争取中央资金: not a modal; skip the phrase.
		case cuePlanNoun:
			m.moods = append(m.moods, moodMark{pos: i, future: true, local: true})
		case cueThisYear, cueLastYear, cueNextYear:
			if anyBefore(rs, i, lex.Bases) || anyAt(rs, end, lex.BaseAfter) {
				// 比上年增长, 较去年同期, 按照上年不变价: a base.
				m.times = append(m.times, timeMark{start: i, end: end, kind: tBase})
				break
			}
			if class == cueThisYear && hasAt(rs, end, "以来") {
				m.times = append(m.times, timeMark{start: i, end: end + 2, kind: tNow, year: ctx.writingYear(0)})
				m.moods = append(m.moods, moodMark{pos: i, future: false})
				break
			}
			off := 0
			switch class {
			case cueLastYear:
				off = -1
				m.moods = append(m.moods, moodMark{pos: i, future: false})
			case cueNextYear:
				off = 1
				m.moods = append(m.moods, moodMark{pos: i, future: true})
			}
			y := 0
			if ctx.now > 0 {
				y = ctx.now + off
			}
			m.times = append(m.times, timeMark{start: i, end: end, kind: tRel, year: y, adverbial: isAdverbial(rs, i, end)})
		case cueNational:
			if e.scopeWordCounts(rs, i, end) {
				m.scopes = append(m.scopes, scopeMark{start: i, end: end, scope: "national"})
			}
		case cueOwn:
			sm := scopeMark{start: i, end: end, scope: "own"}
			if ctx.place.level != gazetteer.LevelProvince && ctx.place.province != "" &&
				anyAt(rs, i, lex.ProvinceWords) {
				// 全省 in a city or county notice is the province.
				sm.scope, sm.place = "other", ctx.place.province
			}
			if e.scopeWordCounts(rs, i, end) {
				m.scopes = append(m.scopes, sm)
			}
		case cueOtherBody:
			// 到京津冀、长三角、粤港澳大湾区等枢纽节点…: like a place, a
			// region after a preposition or before a facility says where or
			// to whom, not whose figure.
			counts := e.scopeWordCounts(rs, i, end) && !anyBefore(rs, i, e.lex.PlaceNotScope) && !e.facilityAfter(rs, end)
			if bodyEnd >= 0 && i-bodyEnd == 1 && strings.ContainsRune("、和及与", rs[bodyEnd]) {
				counts = bodyCounts
			}
			bodyEnd, bodyCounts = end, counts
			if counts {
				m.scopes = append(m.scopes, scopeMark{start: i, end: end, scope: "other", place: string(rs[i:end])})
			}
		case cueBenchmark:
			m.scopes = append(m.scopes, scopeMark{start: i, end: end, scope: "benchmark", place: benchmarkPlace(rs, i, end)})
		}
		i = end - 1
	}
	if e.gaz != nil && ctx.place.province != "" {
		m.scopes = append(m.scopes, e.placeMarks(rs, quoted, ctx)...)
		sortScopes(m.scopes)
	}
	return m
}

// scopeWordCounts reports whether a scope word at rs[i:end] names whose
// figures follow, rather than a comparison or rank of the notice's own
// (居全国第3位, 占全国的12%, 高于全国平均).
func (e *Extractor) scopeWordCounts(rs []rune, i, end int) bool {
	return !anyBefore(rs, i, e.lex.NotScopeBefore) && !anyAt(rs, end, e.lex.NotScopeAfter)
}

// benchmarkPlace names the body a benchmark refers to: 全国 in 全国平均水平.
func benchmarkPlace(rs []rune, i, end int) string {
	w := string(rs[max(0, i-4):end])
	for _, p := range []string{"全国", "全省", "全市", "全县", "全区"} {
		if strings.Contains(w, p) {
			return p + "平均"
		}
	}
	return "平均水平"
}

// placeMarks are the places the gazetteer finds in a sentence: the notice's
// own (own scope) or another (other scope, with the place's full name).
func (e *Extractor) placeMarks(rs []rune, quoted []bool, ctx *docContext) []scopeMark {
	s := string(rs)
	var out []scopeMark
	// Byte offsets of the matches, mapped to rune offsets as we go.
	ri, bi := 0, 0
	toRune := func(b int) int {
		for bi < b && ri < len(rs) {
			bi += len(string(rs[ri]))
			ri++
		}
		return ri
	}
	prevEnd, prevCounts := -1, true
	for _, m := range e.gaz.Scan(s) {
		start := toRune(m.Start)
		end := toRune(m.End)
		if start < len(quoted) && quoted[start] {
			continue
		}
		if containsString(e.lex.GenericPlaces, string(rs[start:end])) {
			continue
		}
		c, ok := pickCandidate(m.Candidates, ctx.place)
		if !ok {
			continue
		}
		// In a list (在沈阳、大连建设…) every name shares the context of
		// the first: a list that opens with a preposition or a verb names
		// where or to whom, not whose figure.
		counts := e.scopeWordCounts(rs, start, end) && !anyBefore(rs, start, e.lex.PlaceNotScope)
		if prevEnd >= 0 && start-prevEnd == 1 && strings.ContainsRune("、和及与", rs[prevEnd]) {
			counts = prevCounts
		} else if strings.ContainsRune("、和及与", at(rs, start-1)) && anyAt(rs, scopeClauseStart(rs, start), e.lex.PlaceNotScope) {
			counts = false
		}
		prevEnd, prevCounts = end, counts
		if !counts || e.facilityAfter(rs, end) || e.operatorBranch(rs, end) {
			continue
		}
		sm := scopeMark{start: start, end: end, scope: "other", place: c.Name()}
		if ctx.isOwn(c.Place) {
			sm.scope, sm.place = "own", ""
		}
		out = append(out, sm)
	}
	return out
}

// operatorBranch reports an operator's brand right after a place name
// (湖北移动公司已为武汉…, 梅州移动5G站点): the place names the branch, not
// whose figure follows; 广西移动电话用户 is the place's own.
func (e *Extractor) operatorBranch(rs []rune, end int) bool {
	for _, b := range e.lex.OperatorBrands {
		if hasAt(rs, end, b) {
			return !anyAt(rs, end+utf8.RuneCountInString(b), e.lex.OperatorBrandNot)
		}
	}
	return false
}

// facilityAfter reports a facility word soon after a place name in its
// clause (郑州国家级互联网骨干直联点): the place says where the facility
// stands, not whose figures follow.
func (e *Extractor) facilityAfter(rs []rune, end int) bool {
	stop := end + 12
	if d := nextDelim(rs, end, len(rs)); d >= 0 && d < stop {
		stop = d
	}
	seg := string(rs[end:min(stop, len(rs))])
	for _, w := range e.lex.Facilities {
		if k := strings.Index(seg, w); k >= 0 {
			// Only before the clause's verb: 广州建成5G基站…数据中心 is
			// still Guangzhou's.
			if !containsAny(seg[:k], e.lex.FacilityVerbs...) {
				return true
			}
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// pickCandidate chooses the reading of a place name: the one in the notice's
// province when there is one, else the most likely; short county names
// (博兴 for 博兴县) are too often ordinary words and are skipped unless they
// are the notice's own.
func pickCandidate(cs []gazetteer.Candidate, own placeInfo) (gazetteer.Candidate, bool) {
	var best *gazetteer.Candidate
	for i := range cs {
		c := &cs[i]
		if c.Province == own.province {
			if best == nil || best.Province != own.province {
				best = c
			}
		} else if best == nil {
			best = c
		}
	}
	if best == nil {
		return gazetteer.Candidate{}, false
	}
	if best.Short && best.Level == gazetteer.LevelCounty && best.County != own.county {
		return gazetteer.Candidate{}, false
	}
	return *best, true
}

// isOwn reports whether a place is the notice's own: the same unit, or (for
// a notice whose own unit is unknown below the province) its province.
func (c *docContext) isOwn(p gazetteer.Place) bool {
	own := c.place
	switch {
	case own.county != "":
		return p.County == own.county && p.City == own.city || p.Level == gazetteer.LevelCounty && p.County == own.county && p.Province == own.province
	case own.city != "":
		return p.Level == gazetteer.LevelCity && p.City == own.city && p.Province == own.province
	}
	return p.Level == gazetteer.LevelProvince && p.Province == own.province
}

// sortScopes orders scope marks by position (place marks are found apart
// from the word marks).
func sortScopes(s []scopeMark) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].start < s[j-1].start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// obtainsFunds reports a future marker at rs[i:end] that is one of the
// obtain words followed, within six characters and before any digit or
// punctuation, by a word for funds (争取衔接资金, 争取中央财政补助资金).
func obtainsFunds(rs []rune, i, end int, lex *Lexicon) bool {
	if !containsString(lex.ObtainWords, string(rs[i:end])) {
		return false
	}
	for k := end; k < len(rs) && k <= end+6; k++ {
		if rs[k] >= '0' && rs[k] <= '9' || strings.ContainsRune("，。；、,;：:", rs[k]) {
			return false
		}
		if anyAt(rs, k, lex.Funds) {
			return true
		}
	}
	return false
}

// yaoInWord reports a 要 at rs[i] that is part of a word (重要, 要求), not
// the modal.
func yaoInWord(rs []rune, i int, lex *Lexicon) bool {
	for _, w := range lex.NotModalYao {
		wr := []rune(w)
		for k, r := range wr {
			if r == '要' && hasRunesAt(rs, i-k, wr) {
				return true
			}
		}
	}
	return false
}

// yearMark reads the year whose 年 is at rs[j] and says what kind of time
// expression it is.
func yearMark(rs []rune, j int, lex *Lexicon) (timeMark, bool) {
	// The digits end right before 年, or one space before it (到 2020 年底,
	// as pages converted from PDF print it).
	d := j
	if at(rs, d-1) == ' ' {
		d--
	}
	if d < 4 {
		return timeMark{}, false
	}
	y := 0
	for k := d - 4; k < d; k++ {
		if !isDigit(rs[k]) {
			return timeMark{}, false
		}
		y = y*10 + digitVal(rs[k])
	}
	start := d - 4
	if isDigit(at(rs, start-1)) || y < 1990 || y > 2100 {
		return timeMark{}, false
	}
	// b is where the words before the year end, past one space.
	b := start
	if at(rs, b-1) == ' ' {
		b--
	}
	tm := timeMark{start: start, end: j + 1, year: y, kind: tIn}
	// The first year of a span (2021年至2023年, 2021年—2023年) dates nothing.
	if k := j + 1; isRangeSep(at(rs, k)) && isDigit(at(rs, k+1)) && isDigit(at(rs, k+4)) {
		return timeMark{}, false
	}
	// Extend over the rest of the expression: 2024年10月底, 2023年上半年.
	end := j + 1
	if e := monthAt(rs, end); e > end {
		end = e
	}
	for _, w := range []string{"上半年", "下半年", "一季度", "前三季度", "第一季度", "年底前", "年末", "年底", "底前", "底", "末", "前", "以来", "全年"} {
		if hasAt(rs, end, w) {
			end += len([]rune(w))
			break
		}
	}
	// 2021年1-4月: the months after a year.
	if e := yearToDate(rs, end); e > end && end == j+1 {
		end = e
	}
	tm.end = end
	tail := string(rs[j+1 : end])
	tm.yearToDate = end > j+1 && (strings.Contains(tail, "月") || strings.Contains(tail, "季度") || strings.Contains(tail, "上半年"))
	switch {
	case endsWithDigitsAndSep(rs, start):
		tm.kind = tRange // 2019至2022年, 2021-2023年: the span ends in y
	case anyBefore(rs, b, lex.Bases) || endsWith(rs, b, "是") && hasAt(rs, j+1, "的"):
		tm.kind = tBase
	case strings.HasSuffix(tail, "以来"):
		tm.kind = tSince
	case endsWith(rs, b, "截至") || endsWith(rs, b, "截止"):
		tm.kind = tAsOf
	case (endsWith(rs, b, "到") || endsWith(rs, b, "至")) && endsChange(rs, b-1, lex):
		// 由2019年的4439座发展到2022年6月底的50678座: the end of a change,
		// not a deadline.
		tm.changeEnd = true
	case strings.HasSuffix(tail, "前") || endsWith(rs, b, "到") || endsWith(rs, b, "至") ||
		anyBefore(rs, b, lex.DeadlineModals):
		tm.kind = tBy
	}
	tm.adverbial = isAdverbial(rs, start, end)
	tm.topic = hasAt(rs, j+1, "是")
	return tm, true
}

// endsChange reports rs[:k] ending with a verb of change (发展, 增长, 提升 …)
// in a clause that names where the change started (由…, 从…): the 到 or 至
// after it leads to the value reached.
func endsChange(rs []rune, k int, lex *Lexicon) bool {
	if !anyBefore(rs, k, lex.ChangeWords) && !endsWith(rs, k, "发展") {
		return false
	}
	clause := rs[minorStart(rs, k):k]
	for _, r := range clause {
		if r == '由' || r == '从' {
			return true
		}
	}
	return false
}

// endsWithDigitsAndSep reports a span's first year and dash before rs[i]:
// 2019至, 2021年—, 2021-.
func endsWithDigitsAndSep(rs []rune, i int) bool {
	k := i - 1
	if k < 0 || !isRangeSep(rs[k]) {
		return false
	}
	k--
	if at(rs, k) == '年' {
		k--
	}
	for n := 0; n < 4; n++ {
		if !isDigit(at(rs, k-n)) {
			return false
		}
	}
	return true
}

// monthAt returns the end of a month expression at rs[i] (10月, 10月底,
// 十月末, 6月份), or i.
func monthAt(rs []rune, i int) int {
	k := i
	for k < len(rs) && k < i+3 && (isDigit(rs[k]) || strings.ContainsRune("一二三四五六七八九十", rs[k])) {
		k++
	}
	if k == i || at(rs, k) != '月' {
		return i
	}
	k++
	for _, w := range []string{"份", "底", "末", "中旬", "上旬", "下旬"} {
		if hasAt(rs, k, w) {
			k += len([]rune(w))
			break
		}
	}
	return k
}

// yearToDate returns the end of a year-to-date expression at rs[i] (1-9月,
// 1至11月, 前7个月, 1—2月份), or i.
func yearToDate(rs []rune, i int) int {
	if hasAt(rs, i, "前") {
		k := i + 1
		for k < len(rs) && (isDigit(rs[k]) || strings.ContainsRune("一二三四五六七八九十", rs[k])) {
			k++
		}
		if k > i+1 && hasAt(rs, k, "个月") {
			return k + 2
		}
		return i
	}
	if !isDigit(rs[i]) || isDigit(at(rs, i-1)) {
		return i
	}
	k := i
	for k < len(rs) && isDigit(rs[k]) {
		k++
	}
	if !isRangeSep(at(rs, k)) && at(rs, k) != '至' {
		return i
	}
	if e := monthAt(rs, k+1); e > k+1 {
		return e
	}
	return i
}

// periodMark reads a plan period at rs[i] (十四五, in quotes or not):
// “十四五”期间 and “十四五”末 date a figure to the period's last year,
// 十四五以来 to the time of writing, and 较“十三五”末 is a base.
func periodMark(rs []rune, i int, lex *Lexicon) (timeMark, bool) {
	if i+2 >= len(rs) || rs[i+2] != '五' {
		return timeMark{}, false
	}
	name := string(rs[i : i+3])
	last, ok := lex.Periods[name]
	if !ok {
		return timeMark{}, false
	}
	start, end := i, i+3
	if strings.ContainsRune("“\"‘「", at(rs, start-1)) {
		start--
	}
	if strings.ContainsRune("”\"’」", at(rs, end)) {
		end++
	}
	tm := timeMark{start: start, end: end, kind: tPeriod, year: last, periodStart: last - 5}
	switch {
	case anyBefore(rs, start, lex.Bases):
		tm.kind = tBase
	case hasAt(rs, end, "以来"):
		tm.kind, tm.end = tSince, end+2
	case hasAt(rs, end, "末") || hasAt(rs, end, "期末"):
		tm.end = end + 1
	}
	tm.adverbial = isAdverbial(rs, start, tm.end)
	return tm, true
}

// isAdverbial reports a time expression that makes up (nearly) the whole of
// its clause: 2021年，… / 截至2023年底，… / 据2019年2月份行业统计数据显示，….
func isAdverbial(rs []rune, start, end int) bool {
	d := nextDelim(rs, end, len(rs))
	if d < 0 {
		return false
	}
	cs := minorStart(rs, start)
	// What the clause says besides the time: a few words (截至, 据…统计
	// 数据显示), no figure.
	before := rs[cs:start]
	if endsWithDigitsAndSep(rs, start) {
		// 2019至2022年: the span's first year is part of the expression.
		before = before[:max(0, len(before)-6)]
		for len(before) > 0 && (isDigit(before[len(before)-1]) || isRangeSep(before[len(before)-1]) || before[len(before)-1] == '年') {
			before = before[:len(before)-1]
		}
	}
	rest := string(before) + string(rs[end:d])
	if utf8.RuneCountInString(rest) > 12 {
		return false
	}
	for _, r := range rest {
		if isDigit(r) {
			return false
		}
	}
	return true
}

// writingYear is the year of a figure dated to the time of writing (目前,
// 截至10月, 1-11月, 上半年): the publication year — or the year before, for
// months that had not yet come when the notice appeared (1-11月 in a
// January notice). month is the last month the expression covers, 0 when
// it names none. Without a publication date it is the year the notice
// reviews.
func (c *docContext) writingYear(month int) int {
	if c.pub == 0 {
		if c.achievementYear == 0 {
			return c.now
		}
		return c.achievementYear
	}
	if month > 0 && c.pubMonth > 0 && month > c.pubMonth {
		return c.pub - 1
	}
	return c.pub
}

// monthOf is the last month a time expression covers: 10 for 截至10月底 and
// 1-10月, 6 for 上半年, 9 for 前三季度; 0 when it names no month.
func monthOf(rs []rune) int {
	s := string(rs)
	switch {
	case strings.Contains(s, "一季度"):
		return 3
	case strings.Contains(s, "上半年"), strings.Contains(s, "二季度"):
		return 6
	case strings.Contains(s, "三季度"):
		return 9
	}
	m := 0
	for i, r := range rs {
		if r != '月' {
			continue
		}
		// The digits (or Chinese numerals) right before 月.
		v, mult := 0, 1
		for k := i - 1; k >= 0 && isDigit(rs[k]); k-- {
			v += digitVal(rs[k]) * mult
			mult *= 10
		}
		if v == 0 && i > 0 {
			if d, ok := cnDigitOf(rs[i-1]); ok && d > 0 {
				v = d
				if i > 1 && rs[i-2] == '十' {
					v += 10
				}
			} else if rs[i-1] == '十' {
				v = 10
			}
		}
		if v >= 1 && v <= 12 {
			m = v
		}
	}
	return m
}

// label decides a figure's kind, year and scope from the marks of its
// sentence. paraYear is the year the sentence's paragraph opened on (0 when
// none); part is the sentence's part of the notice.
func (e *Extractor) label(rs []rune, f figure, marks *sentenceMarks, metric string, part text.Part, paraYear int, ctx *docContext) (kind string, year int, scope, place string, cues kindCues) {
	scope, place = e.scopeOf(rs, f, marks)
	kind, pastTarget, cues := e.kindOf(rs, f, marks, metric, part, paraYear, ctx)
	// An estimate in the review of a notice that also plans a year (预计全年
	// 实现…) is a target for the year reviewed.
	if kind == "target" && part == text.Review && ctx.plan > ctx.reviewed && ctx.reviewed > 0 && estimate(e.lex, rs, f, marks) {
		pastTarget = true
	}
	year = e.yearOf(rs, f, marks, kind, pastTarget, paraYear, ctx)
	return kind, year, scope, place, cues
}

// kindOf decides achievement, target or other. pastTarget reports a target
// quoted in a review (超额完成年度目标(3万个)). Ranks are other, the base a
// plan builds on (在2023年新建10万个的基础上，力争…) is done, a planned figure
// (planned) is a target, and a count of events that is not planned is
// other. cues are the figure's kind cues when the extractor keeps them
// (training dumps), else 0.
func (e *Extractor) kindOf(rs []rune, f figure, marks *sentenceMarks, metric string, part text.Part, carried int, ctx *docContext) (kind string, pastTarget bool, cues kindCues) {
	if f.rank {
		return "other", false, 0
	}
	partPlan := part == text.Plan || part != text.Review && (ctx.plansOnly || ctx.planGenre)
	clause := string(rs[minorStart(rs, f.start):f.start])
	event := f.event && (containsAny(clause, e.lex.Events...) || containsAny(metric, e.lex.Events...)) ||
		containsString(e.lex.EventUnits, f.unit)
	if inBase(rs, f) {
		return "achievement", false, 0
	}
	quoted := !event && e.quotedTarget(rs, f)
	if e.keepCues {
		cues = e.kindCuesOf(rs, f, marks, partPlan, part == text.Review, event, quoted, carried, ctx)
	}
	if quoted {
		// A target quoted in a review is a past one, unless a modal says it
		// is still ahead (预计完成6000个5G基站的建设目标).
		future, ok := e.mood(rs, f, marks, ctx)
		return "target", !partPlan && !(ok && future), cues
	}
	switch {
	case e.planned(rs, f, marks, partPlan, carried, ctx):
		// A planned count of events is a target too (开展检查不少于20次).
		return "target", false, cues
	case event:
		return "other", false, cues
	}
	return "achievement", false, cues
}

// planned decides a figure's mood from the nearest decisive marker (mood);
// else from a paragraph that opened on a
// deadline or on a year before or after the notice's own; else from the
// part of the notice it is in.
func (e *Extractor) planned(rs []rune, f figure, marks *sentenceMarks, partPlan bool, carried int, ctx *docContext) bool {
	if future, ok := e.mood(rs, f, marks, ctx); ok {
		return future
	}
	if marks.carriedBy {
		return true
	}
	if carried > 0 && ctx.now > 0 && carried != ctx.now {
		return carried > ctx.now
	}
	if carried > 0 && ctx.reviewedPast(carried) {
		// “十三五”期间，… in an undated notice that reviews 2020 and plans
		// to 2025: the paragraph gives an account.
		return false
	}
	return partPlan
}

// estimate reports a figure whose nearest future marker before it in its
// sentence is 预计 or 预期.
func estimate(lex *Lexicon, rs []rune, f figure, marks *sentenceMarks) bool {
	best := -1
	for i, m := range marks.moods {
		if m.pos < f.start && !m.local && (best < 0 || m.pos > marks.moods[best].pos) {
			best = i
		}
	}
	if best < 0 || !marks.moods[best].future {
		return false
	}
	pos := marks.moods[best].pos
	return anyAt(rs, pos, lex.EstimateWords)
}

// quotedTarget reports a figure inside a phrase naming a target: 年度目标
// (3万个), 完成1万个的目标任务, 提前完成2020年150万公里目标 — but not how
// much of a target was done (完成年度目标任务的62.4%, 目标完成率130%).
func (e *Extractor) quotedTarget(rs []rune, f figure) bool {
	clause := string(rs[minorStart(rs, f.start):f.start])
	after := string(rs[f.end:minorEnd(rs, f.end)])
	if (f.unit == "%" || f.unit == "倍") && containsAny(clause, e.lex.CompletionWords...) {
		return false
	}
	for _, w := range e.lex.TargetRefs {
		if w == "任务" {
			continue // 任务 alone names tasks, not a figure's target
		}
		if strings.Contains(clause, w) && !strings.Contains(clause, w+"是") && !strings.Contains(clause, w+"为") {
			// 目标是/目标为 introduce a plan, a future marker.
			return true
		}
	}
	if strings.HasPrefix(after, "的") || strings.HasPrefix(after, "”的") || strings.HasPrefix(after, "\"的") {
		return containsAny(after, e.lex.TargetRefs...)
	}
	// 制定了“年度建设开通5G基站2万座以上，完成投资110亿元”目标: a figure
	// inside a quotation named as a target.
	if quotedAs(rs, f, e.lex.TargetRefs) {
		return true
	}
	// 提前完成2020年150万公里目标: the target word right after the figure.
	for _, w := range e.lex.TargetRefs {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	// 完成…26个4G/5G通信基站的建设任务, 远超既定的500亿元投资目标: a
	// completed (or set) target named by the noun phrase the figure opens.
	strong := containsAny(clause, e.lex.TargetSet...)
	if strong || containsAny(clause, e.lex.TargetMet...) {
		for _, w := range e.lex.TargetRefs {
			// A task (任务) counts only when the clause says it was met ahead
			// of time or beyond: 完成…1442个行政村的通光纤任务 counts the
			// villages done.
			if w == "任务" && !strong {
				continue
			}
			if k := strings.Index(after, w); k >= 0 && !containsAny(after[:k], "，", ",", "完成", "实现", "达到", "提升", "增长") {
				return true
			}
		}
	}
	return false
}

// quotedAs reports a figure inside quotation marks (“…”) that the words
// right after the closing mark name as one of words (“…2万座以上…”目标).
func quotedAs(rs []rune, f figure, words []string) bool {
	open := -1
	for k := f.start - 1; k >= 0 && f.start-k <= 60; k-- {
		if rs[k] == '”' {
			return false
		}
		if rs[k] == '“' {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := f.end; k < len(rs) && k-f.end <= 60; k++ {
		switch rs[k] {
		case '“', '。':
			return false
		case '”':
			after := k + 1
			if at(rs, after) == '的' {
				after++
			}
			return anyAt(rs, after, words)
		}
	}
	return false
}

// saysMet reports a quoted target whose clause says it was met: a
// completion word before it (完成, 超额完成, 提前完成, 实现, 达成, 远超) and no
// modal nearer (确保完成… is a plan).
func (e *Extractor) saysMet(rs []rune, f figure) bool {
	clause := rs[scopeClauseStart(rs, f.start):f.start]
	k := -1
	for _, w := range e.lex.MetVerbs {
		if i := strings.LastIndex(string(clause), w); i >= 0 && i > k {
			k = i
		}
	}
	if k < 0 {
		return false
	}
	before := string(clause)[:k]
	return !containsAny(before, e.lex.MetNotAfter...)
}

// mood is the mood of the nearest decisive marker of a figure: a modal or
// aspect marker, or a time expression whose year lies after or before the
// notice's own. Markers in the figure's own clause come first — before it,
// else after it (10个单位已全部签订) — then those of earlier clauses of its
// sentence. ok is false when nothing decides.
func (e *Extractor) mood(rs []rune, f figure, marks *sentenceMarks, ctx *docContext) (future, ok bool) {
	// 建设了近350个: 了 right before a figure is done.
	if k := f.start - 1; k >= 0 && (rs[k] == '了' || (k > 0 && rs[k-1] == '了' && e.lex.prefixQual(rs, f.numStart) != "")) {
		return false, true
	}
	d, slot := decidingMood(rs, f, e.moodCands(rs, f, marks, ctx))
	return d.future, slot != slotNone
}

// newPredicate reports words after a figure that open a predicate of their
// own (覆盖率超80%并将持续跟进建设): a marker after them is theirs, not the
// figure's.
func newPredicate(between []rune) bool {
	for _, r := range between {
		switch r {
		case '并', '且', '还', '又':
			return true
		}
	}
	return false
}

// governs reports whether a time expression before a figure dates it: one
// in the figure's own clause, or in an earlier clause a bare time
// adverbial, a deadline, a year that opens its sentence or its clause
// (…时间表，2019年底全区…确保达到3000座，力争达到6000座) or the year a change
// reached — not a year that dates something else in an earlier clause
// (在2020年办理…的基础上，力争…) or names a programme's year (2022年度…项目).
func governs(rs []rune, t timeMark, f figure) bool {
	if t.kind == tBase {
		return false
	}
	if nextDelim(rs, t.end, f.start) < 0 {
		return true
	}
	switch t.kind {
	case tBy, tNow, tSince, tRel, tAsOf:
		return t.adverbial || t.kind != tAsOf
	}
	return t.adverbial || t.changeEnd || opensSentence(rs, t.start) || (t.start == minorStart(rs, t.start) && at(rs, t.end) != '度') || (endsWith(rs, t.start, "在") && inBase(rs, figure{start: f.start, end: f.start}))
}

// opensSentence reports a time expression that opens its sentence, after
// an item number at most (2023年全省新建5G基站2.6万个，累计达9.3万个; 2.2021年底
// 全区…确保达到4万座，力争达到5万座): the time of the whole sentence, not
// only of its first clause.
func opensSentence(rs []rune, start int) bool {
	k := 0
	skip := func() {
		for k < start && (rs[k] == ' ' || rs[k] == '　' || rs[k] == '\t') {
			k++
		}
	}
	skip()
	if k < start && (rs[k] == '（' || rs[k] == '(') {
		for k < start && rs[k] != '）' && rs[k] != ')' {
			k++
		}
		k++
	} else {
		n := k
		for k < start && (isDigit(rs[k]) || strings.ContainsRune("一二三四五六七八九十", rs[k])) {
			k++
		}
		if k > n && k < start && strings.ContainsRune("、.．", rs[k]) {
			k++
		} else {
			k = n
		}
	}
	skip()
	return k == start
}

// yearOf is the year a figure refers to.
func (e *Extractor) yearOf(rs []rune, f figure, marks *sentenceMarks, kind string, pastTarget bool, paraYear int, ctx *docContext) int {
	// 2019年的1100亿元 dates the figure; 是2020年的3倍 is a base.
	if endsWith(rs, f.start, "年的") && f.unit != "倍" {
		if y := yearBefore(rs, f.start-2); y > 0 {
			return y
		}
	}
	var gov *timeMark
	for i := range marks.times {
		t := &marks.times[i]
		// 达到“十三五”末2倍: a time right before a multiple is its base.
		if f.unit == "倍" && (t.end == f.start || t.end+1 == f.start && rs[t.end] == '的') {
			continue
		}
		if t.start < f.start && governs(rs, *t, f) && (gov == nil || t.start > gov.start) {
			gov = t
		}
	}
	if gov != nil {
		switch gov.kind {
		case tSince:
			if kind == "target" {
				return ctx.targetYear
			}
			return ctx.achievementYear
		case tNow, tRel:
			if gov.year > 0 {
				return gov.year
			}
		case tPeriod:
			// A period's totals reported before it ended (“十四五”期间…
			// in 2024) are as of the time of writing, or of the date they
			// are given as of (截至2024年，“十四五”期间…年均增长20.3%).
			if kind != "target" {
				for _, t := range marks.times {
					if t.kind == tAsOf && t.start < gov.start && t.year < gov.year && governs(rs, t, f) {
						return t.year
					}
				}
			}
			if kind != "target" && ctx.pub > 0 && ctx.pub < gov.year {
				return ctx.pub
			}
			return gov.year
		default:
			return gov.year
		}
	}
	if kind == "target" && pastTarget && ctx.reviewed > 0 {
		return ctx.reviewed
	}
	// 将在8个地市建设1462个4G基站，…，预计今年8月竣工: an undated target
	// takes the deadline its sentence gives after it.
	if kind == "target" {
		if y := deadlineAfter(marks, f); y > 0 {
			return y
		}
	}
	if paraYear > 0 {
		if kind != "target" && (ctx.now == 0 || paraYear <= ctx.now) {
			return paraYear
		}
		if kind == "target" && paraYear >= ctx.now {
			return paraYear
		}
	}
	if kind == "target" {
		return ctx.targetYear
	}
	return ctx.achievementYear
}

// deadlineAfter is the year of the first time expression after a figure
// in its sentence that can date a plan (今年, 明年, 到2025年, 2025年底前),
// 0 when there is none.
func deadlineAfter(marks *sentenceMarks, f figure) int {
	for _, t := range marks.times {
		if t.start < f.end {
			continue
		}
		if t.year > 0 && (t.kind == tBy || t.kind == tRel) {
			return t.year
		}
	}
	return 0
}

// yearBefore reads a four-digit year whose 年 ends right before rs[i].
func yearBefore(rs []rune, i int) int {
	if at(rs, i-1) != '年' {
		return 0
	}
	y := 0
	for k := i - 5; k < i-1; k++ {
		if k < 0 || !isDigit(rs[k]) {
			return 0
		}
		y = y*10 + digitVal(rs[k])
	}
	if y < 1990 || y > 2100 {
		return 0
	}
	return y
}

// scopeOf says whose figure it is: the nearest scope mark before it in its
// own clause; else, when the figure's clause has no subject of its own
// (占移动基站总数的20.9%, 同比增长5%), the mark that opens the clause before
// it, and so on back while clauses carry. A benchmark counts only right
// before the figure (高于全国平均水平11.52个); a national word before a rank
// is what the place ranks in (居全国第3位); places listed before a count of
// them (贵阳、遵义等9个市) are examples, not whose figure it is.
func (e *Extractor) scopeOf(rs []rune, f figure, marks *sentenceMarks) (string, string) {
	scope, place := marks.inherited, marks.inheritedPlace
	if scope == "" {
		scope = "own"
	}
	usable := func(s scopeMark) bool {
		if f.rank && s.scope == "national" {
			return false
		}
		if s.scope == "benchmark" {
			gap := strings.TrimSuffix(strings.TrimSuffix(string(rs[s.end:f.start]), "值"), "水平")
			return len([]rune(gap)) <= 1
		}
		if endsWith(rs, f.start, "等") && s.scope == "other" && s.end <= f.start-1 {
			return false
		}
		// 进入全国20个试点城市行列、工业互联网标识解析注册量逾3亿个: the
		// national word of a list the place joins is the list's only.
		if s.scope == "national" && containsAny(string(rs[scopeClauseStart(rs, s.start):s.start]), e.lex.JoinWords...) &&
			strings.ContainsAny(string(rs[s.end:f.start]), "、0123456789") {
			return false
		}
		return true
	}
	// The figure's own clause.
	cs := scopeClauseStart(rs, f.start)
	found := false
	for _, s := range marks.scopes {
		if s.start >= f.start {
			break
		}
		if s.start >= cs && usable(s) {
			scope, place, found = s.scope, s.place, true
			if s.scope == "benchmark" {
				scope = "other"
			}
		}
	}
	if found {
		return scope, place
	}
	// Else the subject of the nearest earlier clause that has one: a clause
	// without a scope word of its own speaks of the same place or body
	// (全国5G基站总数达到337万个，占移动基站总数的20.9%).
	for end := cs; end > 0; {
		ps := scopeClauseStart(rs, end-1)
		for _, s := range marks.scopes {
			if s.start >= ps && s.start < end && s.scope != "benchmark" && e.opensClause(rs, ps, s.start) && usable(s) {
				// 全国累计建成5G基站129.4万个，累计建成5G基站13.5万个: the
				// same count again is someone else's — the notice's own.
				if f.unit != "%" && f.unit != "个百分点" && f.unit != "倍" && sharesPhrase(rs[s.end:end], rs[cs:f.start], 4) {
					return scope, place
				}
				return s.scope, s.place
			}
		}
		end = ps
	}
	return scope, place
}

// scopeClauseStart is the first rune of the clause holding rs[i], for
// scope: clauses end at commas and stops, not at the enumeration comma 、.
func scopeClauseStart(rs []rune, i int) int {
	for j := i - 1; j >= 0; j-- {
		if strings.ContainsRune("，,；;：:。！？!?", rs[j]) {
			return j + 1
		}
	}
	return 0
}

// opensClause reports a scope mark at rs[i] that is the subject of the
// clause starting at from: at its start, after at most a connective or a
// time word (同期全国…, 其中广州…), or the last of a list that opens it
// (东、中、西部和东北地区…).
func (e *Extractor) opensClause(rs []rune, from, i int) bool {
	head := string(rs[from:i])
	// 进入全国26个试点城市行列，建成…: the place joins a national list; what
	// follows is its own.
	if containsAny(head, e.lex.JoinWords...) {
		return false
	}
	if i-from <= 2 {
		return true
	}
	if slices.Contains(e.lex.ClauseOpeners, head) {
		return true
	}
	if i-from <= 10 && strings.ContainsAny(head, "、和及") {
		for _, r := range head {
			if !isHan(r) && !strings.ContainsRune("、", r) {
				return false
			}
		}
		return !containsAny(head, e.lex.ListVerbs...)
	}
	return false
}

// carries reports a clause rs[from:to] without a subject of its own, which
// takes the scope of the clause before it: it opens with a link word (占,
// 同比, 其中 …) or names nothing before its figure.
func (e *Extractor) carries(rs []rune, from, to int) bool {
	if anyAt(rs, from, e.lex.CarryOpeners) {
		return true
	}
	t := e.trimMetric(string(rs[from:to]))
	return t == "" || e.changeOnly(t)
}

// sharesPhrase reports a run of at least n Chinese characters found in both
// a and b.
func sharesPhrase(a, b []rune, n int) bool {
	if len(a) < n || len(b) < n {
		return false
	}
	sb := string(b)
	for i := 0; i+n <= len(a); i++ {
		ok := true
		for _, r := range a[i : i+n] {
			if !isHan(r) {
				ok = false
				break
			}
		}
		if ok && strings.Contains(sb, string(a[i:i+n])) {
			return true
		}
	}
	return false
}

// relaysPlan reports a plan's name closed at rs[i] (…行动计划(2020—2022年)》,
// 《规划》) followed by a verb that relays what it says (称, 提出, 明确),
// past an aside in brackets ((以下简称《方案》)) and a comma, and not as an
// attribute (…》提出的…目标): what follows is what the plan sets out.
func (e *Extractor) relaysPlan(rs []rune, i int) bool {
	open := -1
	for k := i - 1; k >= 0 && i-k <= 60; k-- {
		if rs[k] == '《' {
			open = k
			break
		}
		if rs[k] == '》' {
			return false
		}
	}
	if open < 0 {
		return false
	}
	name := rs[open+1 : i]
	// The years of the plan's span: 三年行动计划(2020—2022年).
	if n := len(name); n > 0 && (name[n-1] == ')' || name[n-1] == '）') {
		for k := n - 1; k >= 0; k-- {
			if name[k] == '(' || name[k] == '（' {
				name = name[:k]
				break
			}
		}
	}
	if !anyBefore(name, len(name), e.lex.PlanDocEnds) {
		return false
	}
	k := i + 1
	if c := at(rs, k); c == '(' || c == '（' {
		for j := k + 1; j < len(rs) && j-k <= 30; j++ {
			if rs[j] == ')' || rs[j] == '）' {
				k = j + 1
				break
			}
		}
	}
	if c := at(rs, k); c == '，' || c == ',' {
		k++
	}
	// 完成《…方案》提出的…目标 names a target met, not what follows.
	for _, w := range e.lex.RelayVerbs {
		if hasAt(rs, k, w) {
			return at(rs, k+len([]rune(w))) != '的'
		}
	}
	return false
}
