package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/text"
)

// Extractor finds numeric indicators in sentences. It holds only read-only
// state after New, so one Extractor serves many goroutines.
type Extractor struct {
	cat   *Catalogue
	units *Units
	lex   *Lexicon
	gaz   *gazetteer.Gazetteer
	// now and attendance are the lexicon's lists of the same names, tested
	// on every sentence in one pass each.
	now, attendance phraseSet
	// keepCues makes kindOf record every figure's kind cues (training
	// dumps only: a load has no use for them).
	keepCues bool
}

// Option configures an Extractor.
type Option func(*Extractor)

// WithUnits makes the Extractor read units from the catalogue u instead of
// the one built into the binary (data/units.yaml).
func WithUnits(u *Units) Option {
	return func(e *Extractor) {
		if u != nil {
			e.units = u
		}
	}
}

// WithLexicon makes the Extractor read clauses with the word lists l
// instead of the ones built into the binary (data/lexicon.yaml).
func WithLexicon(l *Lexicon) Option {
	return func(e *Extractor) {
		if l != nil {
			e.lex = l
		}
	}
}

// WithGazetteer makes the Extractor tell places apart with g instead of
// the built-in gazetteer.
func WithGazetteer(g *gazetteer.Gazetteer) Option {
	return func(e *Extractor) {
		if g != nil {
			e.gaz = g
		}
	}
}

// New returns an Extractor that names metrics from the catalogue c (nil
// means no canonical names); without options it reads with the built-in
// unit catalogue, lexicon and gazetteer.
func New(c *Catalogue, opts ...Option) *Extractor {
	e := &Extractor{cat: c, units: DefaultUnits()}
	for _, o := range opts {
		o(e)
	}
	if e.lex == nil {
		e.lex = DefaultLexicon()
	}
	if e.gaz == nil {
		e.gaz = gazetteer.Default()
	}
	e.now = newPhraseSet(e.lex.Now)
	e.attendance = newPhraseSet(e.lex.Attendance)
	return e
}

// Doc is a notice as the extractor sees it: its sentences with their parts,
// its timeline (the years that tell what an undated figure refers to) and
// its place (which tells its own figures from another place's).
type Doc struct {
	Sentences []text.Sentence
	// Title is the notice's title ("" when unknown): its genre (…行动计划,
	// …工作要点) says whether the notice sets out a plan.
	Title                  string
	ReviewedYear, PlanYear int
	// Published is the publication date; zero if unknown.
	Published time.Time
	// Province, City and County are the notice's own place (full names;
	// empty or "unknown" when not known); Level is province, city or county.
	Province, City, County, Level string
}

// Indicator is one numeric indicator: a figure, what it counts, and whether
// it is an achievement or a target for which year.
type Indicator struct {
	// SentenceNo is the sentence the figure is in (text.Sentence.No).
	SentenceNo int
	// Start and End are rune offsets of the figure within the sentence text.
	Start, End int
	// Surface is the figure as written, qualifiers included (超31万个).
	Surface string
	// Metric is a short phrase from the sentence naming what is counted.
	Metric string
	// Canonical is the catalogue name of the metric, or "".
	Canonical string
	// Measure is total, increment, rate, growth, rank or count.
	Measure string
	// Value is the normalised number (24.2万 → 242000); for a range, its lower end.
	Value float64
	// ValueMax is the upper end of a range when HasMax.
	ValueMax float64
	HasMax   bool
	// Unit is the counting unit after normalisation (个, 元, %, 位次 …).
	Unit string
	// Qualifier is exact, over, at_least, approx, at_most or range.
	Qualifier string
	// Kind is achievement, target or other.
	Kind string
	// Year is the year the figure refers to; 0 if unknown.
	Year int
	// Scope says whose figure it is: own (the notice's own place), national
	// (全国, 工信部, 国家) or other (another place, an operator group, a
	// benchmark). ScopePlace names the place or body for other (广州市).
	Scope      string
	ScopePlace string
	// Met reports a target quoted as met: its sentence says it was
	// completed (完成…不少于23万个的目标, 超额完成年度目标(3万个)).
	Met bool
	// cues are the kind model's cues of the figure (kind.go).
	cues kindCues
}

// Document extracts the indicators of every sentence of a notice. Sentences
// that are page chrome, or say who attended a meeting, are skipped.
func (e *Extractor) Document(d Doc) []Indicator {
	ctx := newDocContext(d.ReviewedYear, d.PlanYear, d.Published)
	ctx.place = placeOf(d)
	ctx.planGenre = e.planGenre(d.Title)
	if ctx.achievementYear != d.ReviewedYear && d.ReviewedYear > 0 && e.anchoredReview(d.Sentences, d.ReviewedYear) {
		ctx.achievementYear = d.ReviewedYear
	}
	var out []Indicator
	para, paraYear, sectionYear, semiYear, prevYear := -1, 0, 0, 0, 0
	paraBy, sectionBy, moodBy := false, false, false
	var last *Indicator // the last figure of the paragraph so far
	// Sentences that plan and that report, in the notice and in the
	// paragraph so far.
	docPlans, docReports, paraPlans, paraReports := 0, 0, 0, 0
	// heading holds the sentences that are a short line of their own
	// without a full stop: a title or a heading.
	heading := map[int]bool{}
	// short holds the sentences that are a short paragraph of their own,
	// full stop or not (1.信息基础设施加快建设。).
	short := map[int]bool{}
	for i, s := range d.Sentences {
		alone := (i == 0 || d.Sentences[i-1].Para != s.Para) && (i+1 == len(d.Sentences) || d.Sentences[i+1].Para != s.Para)
		t := strings.TrimSpace(s.Text)
		if alone && utf8.RuneCountInString(t) <= 40 {
			short[s.No] = true
			if !strings.HasSuffix(t, "。") {
				heading[s.No] = true
			}
		}
	}
	underItem := false // the paragraph before was a numbered heading (1.信息基础设施加快建设。)
	for _, s := range d.Sentences {
		if s.Para != para {
			para, paraYear, last, semiYear, prevYear, paraBy, moodBy = s.Para, 0, nil, 0, 0, false, false
			paraPlans, paraReports = 0, 0
			// A numbered item (1.…, （2）…), and the text under a numbered
			// heading, goes on with the section its heading paragraph
			// opened (“十三五”期间，… then 1.实现…); any other paragraph
			// starts afresh.
			item := subItem(s.Text)
			if item || underItem {
				paraYear, paraBy = sectionYear, sectionBy
			} else {
				sectionYear, sectionBy = 0, false
			}
			underItem = item && short[s.No]
		}
		st := sentenceState{paraYear: paraYear, semiYear: semiYear, by: paraBy || moodBy,
			docLean: lean(docPlans, docReports), paraLean: lean(paraPlans, paraReports)}
		simp := text.Simplify(s.Text)
		if e.now.in(simp) {
			st.paraYear, st.by = 0, false
		}
		if text.IsChromeSimplified(simp) || e.attendance.in(simp) {
			semiYear = 0
			continue
		}
		if last != nil && strings.HasPrefix(strings.TrimLeft(s.Text, " 　"), "其中") {
			// 其中，5G用户…: part of the figure before, of its scope and its
			// year.
			st.scope, st.scopePlace = last.Scope, last.ScopePlace
			if last.Kind == "achievement" && last.Year > 0 {
				st.paraYear = last.Year
			}
		} else if prevYear > 0 && anyPrefix(strings.TrimLeft(simp, " 　"), e.lex.Continuations) {
			// 2023年度…评测结果发布。其中，青岛市…位列第1名; 会上发布了
			// 2024年度《…报告》。报告显示，…: the year of the sentence
			// before, which had no figure of its own, for this sentence and
			// the rest of the paragraph.
			st.paraYear = prevYear
			paraYear = prevYear
		}
		inds, marks := e.sentence(s.No, s.Text, simp, s.Part, st, &ctx)
		first := utf8.RuneCountInString(s.Text)
		if len(inds) > 0 {
			first = inds[0].Start
		}
		// A sentence that plans (…提出江苏将建成超过25.5万个5G基站。) makes
		// the unmarked figures of the sentences after it in its paragraph
		// due too (5G网络实现…，行政村5G通达率大于90%); one that reports
		// what was done ends that.
		// An estimate (预计全年实现…) reports on a year, and an item ended by
		// ； (今年8月将实现…；宽带普及率51.5%) has its own predicate: neither
		// carries.
		f, p := marks.moodsOf()
		if p {
			moodBy = false
		} else if f && !marks.estimates(e.lex) && endsSentence(s.Text) {
			moodBy = true
		}
		switch {
		case f && !p:
			docPlans++
			paraPlans++
		case p && !f:
			docReports++
			paraReports++
		}
		if y, by := marks.opening(first, e.lex); y > 0 {
			// 2020年，…; 截至2020年底，…; 去年，…; “十三五”期间，…: the
			// year dates the rest of the paragraph; 到2025年，… makes its
			// unmarked figures due, when that deadline is still ahead of
			// the notice (到2023年底，… in a review of 2023 reports).
			by = by && ctx.deadlineAhead(y)
			paraYear, sectionYear = y, y
			paraBy, sectionBy = by, by
		}
		// A sentence ended by ； goes on in the next: its time adverbial
		// (…了解到：“十四五”期间，全市…；建成…) dates that one too.
		semiYear = 0
		if strings.HasSuffix(strings.TrimSpace(s.Text), "；") || strings.HasSuffix(strings.TrimSpace(s.Text), ";") {
			if y := marks.lastAdverbialYear(); y > 0 {
				semiYear = y
			} else {
				semiYear = st.semiYear
			}
		}
		prevYear = 0
		if len(inds) > 0 {
			out = append(out, inds...)
			last = &out[len(out)-1]
		} else {
			prevYear = marks.firstYear()
		}
	}
	return dropRepeats(out, heading)
}

// dropRepeats keeps one of the figures a notice states more than once (a
// title and the body, a summary and its section): the same value, unit,
// kind, year and scope of the same metric, one metric naming the other. It
// keeps the first one stated in the body rather than in a heading line.
func dropRepeats(in []Indicator, heading map[int]bool) []Indicator {
	type key struct {
		value, max        float64
		unit, kind, scope string
		place             string
		year              int
	}
	groups := map[key][][]int{}
	drop := make([]bool, len(in))
	for i, ind := range in {
		k := key{ind.Value, ind.ValueMax, ind.Unit, ind.Kind, ind.Scope, ind.ScopePlace, ind.Year}
		found := false
		for g, members := range groups[k] {
			first := members[0]
			if !sameMetric(in[first], ind) {
				continue
			}
			found = true
			if heading[in[first].SentenceNo] && !heading[ind.SentenceNo] {
				// The body's statement replaces the heading's.
				drop[first] = true
				groups[k][g] = append([]int{i}, members...)
			} else {
				drop[i] = true
				groups[k][g] = append(members, i)
			}
			break
		}
		if !found {
			groups[k] = append(groups[k], []int{i})
		}
	}
	out := in[:0]
	for i, ind := range in {
		if !drop[i] {
			out = append(out, ind)
		}
	}
	return out
}

// sameMetric reports two metric phrases of which one names the other
// (5G基站 in 到2025年将建成5G基站).
func sameMetric(a, b Indicator) bool {
	return a.Metric != "" && b.Metric != "" && (strings.Contains(a.Metric, b.Metric) || strings.Contains(b.Metric, a.Metric))
}

// anyPrefix reports whether s starts with one of words.
func anyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// endsWithWord reports whether s ends with one of words.
func endsWithWord(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// subItem reports a paragraph that opens with an item number in Arabic
// digits (1.…, 2、…, （3）…): part of the section above it.
func subItem(s string) bool {
	// The item number is within the first five characters: decode no more.
	rs := make([]rune, 0, 6)
	for _, r := range strings.TrimLeft(s, " 　") {
		if len(rs) == cap(rs) {
			break
		}
		rs = append(rs, r)
	}
	i := 0
	if at(rs, 0) == '（' || at(rs, 0) == '(' {
		i++
	}
	j := i
	for j < len(rs) && isDigit(rs[j]) {
		j++
	}
	if j == i || j-i > 2 {
		return false
	}
	return strings.ContainsRune(".、．）)", at(rs, j)) && !(at(rs, j) == '.' && isDigit(at(rs, j+1)))
}

// sentenceState is what a sentence takes from the sentences before it in
// its paragraph: the year the paragraph opened on (0 when none) and, for a
// sentence opening with 其中, the scope of the figure before.
type sentenceState struct {
	paraYear          int
	by                bool // the paragraph opened on a deadline (到2025年，…)
	semiYear          int  // the time adverbial of the sentence before, when it ended with ；
	scope, scopePlace string
	// docLean and paraLean say which mood the notice's and the paragraph's
	// sentences so far lean to: 1 more plan than report, -1 the reverse.
	docLean, paraLean int
}

// lean is 1 when plans outnumber reports, -1 the reverse, else 0.
func lean(plans, reports int) int {
	switch {
	case plans > reports:
		return 1
	case reports > plans:
		return -1
	}
	return 0
}

func placeOf(d Doc) placeInfo {
	clean := func(s string) string {
		if s == "unknown" {
			return ""
		}
		return s
	}
	p := placeInfo{province: clean(d.Province), city: clean(d.City), county: clean(d.County), level: d.Level}
	if p.level == "" || p.level == "unknown" {
		switch {
		case p.county != "":
			p.level = gazetteer.LevelCounty
		case p.city != "":
			p.level = gazetteer.LevelCity
		default:
			p.level = gazetteer.LevelProvince
		}
	}
	return p
}

var quoteStripper = strings.NewReplacer("“", "", "”", "", "\"", "")

// inBase reports a figure inside 在……的基础上, the achieved base a plan
// builds on.
func inBase(rs []rune, f figure) bool {
	open := -1
	for k := f.start - 1; k >= 0 && k >= f.start-60; k-- {
		if isMajorDelim(rs[k]) || hasAt(rs, k, "基础上") {
			return false
		}
		if rs[k] == '在' {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := f.end; k < len(rs) && k < f.end+60; k++ {
		if isMajorDelim(rs[k]) {
			return false
		}
		if hasAt(rs, k, "的基础上") || hasAt(rs, k, "基础上") {
			return true
		}
	}
	return false
}

// nextDelim is the first clause delimiter in rs[from:to], or -1.
func nextDelim(rs []rune, from, to int) int {
	for k := from; k < to && k < len(rs); k++ {
		if isMinorDelim(rs[k]) {
			return k
		}
	}
	return -1
}

// anchoredReview reports a notice whose review is explicitly of the
// reviewed year (会议指出，一年来… / 总结2023年工作): its undated figures are
// that year's even when it was published late. The words are the
// lexicon's review_anchors, review_before_year and review_after_year.
func (e *Extractor) anchoredReview(ss []text.Sentence, reviewed int) bool {
	y := strconv.Itoa(reviewed) + "年"
	for i, s := range ss {
		t := text.Simplify(s.Text)
		// The notice opens on the year as the topic of its account
		// (记者…获悉，2020年，省经信厅认真履行…).
		if i == 0 && (strings.Contains(t, y+"，") || strings.Contains(t, y+",")) {
			return true
		}
		if containsAny(t, e.lex.ReviewAnchors...) {
			return true
		}
		for _, w := range e.lex.ReviewBeforeYear {
			if strings.Contains(t, w+y) {
				return true
			}
		}
		for _, w := range e.lex.ReviewAfterYear {
			if strings.Contains(t, y+w) {
				return true
			}
		}
	}
	return false
}

// structureCount reports a count of the notice's own parts (《实施方案》明确了
// 7项重点任务, 围绕…4个方面, 四项重点目标：), which is no indicator: a
// structure noun right after the figure, in a clause that says what a
// document sets out, or a heading that ends on a colon.
func (e *Extractor) structureCount(rs []rune, f figure) bool {
	if !anyAt(rs, f.end, e.lex.StructureNouns) {
		return false
	}
	// The clause up to its comma: a list (…、…等6项保障措施) shares its verb.
	cs := scopeClauseStart(rs, f.start)
	if containsAny(string(rs[cs:f.start]), e.lex.StructureVerbs...) {
		return true
	}
	rest := strings.TrimSpace(string(rs[f.end:]))
	return len([]rune(rest)) <= 8 && (strings.HasSuffix(rest, "：") || strings.HasSuffix(rest, ":"))
}

// operatorCount reports the handful of operators a notice names as a group
// (三家基础电信企业的移动电话用户总数, 3家通信运营商将实现…): an entity
// descriptor, not a count of anything achieved, wherever it stands (the
// number reader already drops it after a verb that brings the operators in
// as actors). The words are lexicon lists (operator_groups, operator_new).
func (e *Extractor) operatorCount(rs []rune, f figure) bool {
	return f.unit == "家" && f.value <= 5 && f.qual == "exact" && !f.hasMax &&
		hasAnyAt(rs, f.end, e.lex.OperatorGroups...) && !endsWithAny(rs, f.start, e.lex.OperatorNew...)
}

// Sentence extracts the indicators of one sentence, for tests and fuzzing;
// SentenceNo is 0 and the notice's place is unknown.
func (e *Extractor) Sentence(s string, part text.Part, years text.Years) []Indicator {
	ctx := newDocContext(years.Reviewed, years.Plan, time.Time{})
	inds, _ := e.sentence(0, s, text.Simplify(s), part, sentenceState{}, &ctx)
	return inds
}

// docContext is a notice's timeline and place, resolved once per notice.
type docContext struct {
	reviewed, plan int
	// pub and pubMonth are the publication year and month, 0 when unknown.
	pub, pubMonth int
	// now is the notice's own year: the publication year, else the plan
	// year, else the reviewed year (今年 means it; a year after it is planned,
	// one before it is done).
	now int
	// achievementYear is the year of an undated achievement: the reviewed
	// year, or the publication year when the notice came out after the first
	// quarter of a later year (a mid-year article reports totals as of its
	// date, not of the year it looks back on).
	achievementYear int
	// targetYear is the year of an undated target.
	targetYear int
	// plansOnly reports a notice that sets out a plan and gives no account
	// of any year (an action plan, key points, a news item relaying a plan
	// just issued): a plan year, no year reviewed, and the plan year not
	// before the publication year. Its unmarked figures outside a review
	// part are what the plan sets out.
	plansOnly bool
	// planGenre reports a notice whose title names a plan (…行动计划,
	// …实施方案, …工作要点, …规划): outside the part that reviews, its
	// unmarked figures are what it sets out.
	planGenre bool
	place     placeInfo
}

func newDocContext(reviewed, plan int, published time.Time) docContext {
	c := docContext{reviewed: reviewed, plan: plan}
	pub := 0
	if !published.IsZero() {
		pub = published.Year()
	}
	c.pub = pub
	if pub > 0 {
		c.pubMonth = int(published.Month())
	}
	switch {
	case pub > 0:
		c.now = pub
	case plan > 0 && (reviewed == 0 || plan <= reviewed+1):
		c.now = plan
	default:
		// A plan far beyond the year reviewed (截至2020年底…到2025年…) is
		// not the year of writing.
		c.now = reviewed
	}
	switch {
	case reviewed > 0 && pub > reviewed && published.Month() >= time.April:
		c.achievementYear = pub
	case reviewed > 0:
		c.achievementYear = reviewed
	case pub > 0 && published.Month() < time.April && plan == pub:
		c.achievementYear = pub - 1
	default:
		c.achievementYear = pub
	}
	switch {
	case plan > 0:
		c.targetYear = plan
	case reviewed > 0 && reviewed == pub && published.Month() <= time.September:
		// A mid-year report on this year's progress (截至5月底…): its
		// undated aims (下一步将…) are for the rest of this year.
		c.targetYear = pub
	case reviewed > 0:
		c.targetYear = reviewed + 1
	default:
		c.targetYear = pub
	}
	c.plansOnly = plan > 0 && reviewed == 0 && (pub == 0 || plan >= pub)
	return c
}

// sentence extracts the indicators of the sentence s, given simp, its
// text.Simplify.
func (e *Extractor) sentence(no int, s, simp string, part text.Part, st sentenceState, ctx *docContext) ([]Indicator, *sentenceMarks) {
	orig := []rune(s)
	rs := orig
	if simp != s {
		if r := []rune(simp); len(r) == len(orig) {
			rs = r
		}
	}
	scanRs, scanOrig := e.unquoteTargets(rs, orig)
	figs, roles := e.splitChanges(scanRs, scanOrig, e.units.scan(e.lex, scanRs, scanOrig))
	if len(figs) == 0 && !mayDate(rs) {
		return nil, &sentenceMarks{}
	}
	marks := e.scanMarks(rs, quoteMask(rs), ctx)
	marks.inherited, marks.inheritedPlace = st.scope, st.scopePlace
	marks.carriedBy = st.by
	marks.docLean, marks.paraLean = st.docLean, st.paraLean
	if len(figs) == 0 {
		return nil, &marks
	}
	out := make([]Indicator, 0, len(figs))
	prevMetric, prevEnd := "", -1
	for fi, f := range figs {
		if roles[fi] == changeNone && (e.structureCount(rs, f) || e.operatorCount(rs, f)) {
			continue
		}
		f.unit = e.units.perCapitaUnit(rs, f.start, f.unit)
		metric, pre := e.metricPhrase(rs, f, prevEnd)
		if (metric == "" || roles[fi] == changeFrom) && opensOn(rs, f, "从", "由") {
			// ●5G基站数量：从2020年的3.6万个，…: the clause before names it.
			if m := e.metricBefore(rs, f, prevEnd); m != "" {
				metric = m
			}
		}
		if prevEnd >= 0 && prevMetric != "" {
			switch {
			case e.levelAfterChange(rs, f):
				// 从11%增至60%, …增加到2025年的25万个: the level changed to,
				// of the same metric.
				metric = prevMetric
			case metric == "":
				// 累计达到12.5万个, 居全国第3位: the subject of the figure before.
				metric = prevMetric
			case e.changeOnly(metric):
				// 同比增长4.6%: the change of the figure before.
				if f.unit == "%" || f.unit == "个百分点" || f.unit == "倍" {
					metric = prevMetric + e.changeWord(metric)
				} else {
					metric = prevMetric
				}
			}
		}
		ind := Indicator{
			SentenceNo: no,
			Start:      f.start,
			End:        f.end,
			Surface:    string(orig[f.start:f.end]),
			Metric:     metric,
			Value:      f.value,
			ValueMax:   f.valueMax,
			HasMax:     f.hasMax,
			Unit:       f.unit,
			Qualifier:  f.qual,
		}
		var cm Metric
		var haveCM bool
		if e.cat != nil {
			cm, haveCM = e.cat.Match(metric, f.unit)
			if !haveCM && f.prenominal && pre != "" {
				cm, haveCM = e.cat.Match(pre+metric, f.unit)
			}
		}
		if haveCM {
			ind.Canonical = cm.Name
		}
		ind.Measure = e.measureOf(rs, f, cm, haveCM)
		ind.Kind, ind.Year, ind.Scope, ind.ScopePlace, ind.cues = e.label(rs, f, &marks, metric, part, st.carried(), ctx)
		ind.Met = ind.Kind == "target" && e.quotedTarget(rs, f) && e.saysMet(rs, f)
		if roles[fi] == changeFrom && fi+1 < len(figs) {
			// 从9%提升至84%: the value changed from is done, in the year
			// before the one it changed to (or the year before a plan
			// period it changed over).
			ind.Kind = "achievement"
			k2, y2, _, _, _ := e.label(rs, figs[fi+1], &marks, metric, part, st.carried(), ctx)
			switch y := e.baseYear(rs, f, &marks); {
			case y > 0:
				ind.Year = y
			case k2 == "target" && ctx.reviewed > 0:
				// A plan's starting point: the year it reviews.
				ind.Year = ctx.reviewed
			case k2 == "target" && ctx.pub > 0:
				ind.Year = ctx.pub - 1
			case y2 > 0:
				ind.Year = y2 - 1
			}
		}
		out = append(out, ind)
		prevMetric, prevEnd = metric, f.end
	}
	return out, &marks
}

// unquoteTargets drops the quotation marks around a target quoted by name
// (完成“全年新建3万个5G基站”的目标任务, “2025年农村5G通达率80%以上”的目标),
// whose figures the number reader would otherwise skip as quoted text. It
// returns rs and orig themselves when there is none. The words after the
// quotation are the lexicon's quoted_target_ends.
func (e *Extractor) unquoteTargets(rs, orig []rune) ([]rune, []rune) {
	var cut []int
	for i, r := range rs {
		if r != '“' && r != '"' {
			continue
		}
		j := i + 1
		for j < len(rs) && j-i <= 40 && rs[j] != '”' && rs[j] != '"' && rs[j] != '“' {
			j++
		}
		if j >= len(rs) || j-i > 40 || rs[j] == '“' {
			continue
		}
		after := string(rs[j+1 : min(len(rs), j+5)])
		if !anyPrefix(after, e.lex.QuotedTargetEnds) {
			continue
		}
		if !strings.ContainsFunc(string(rs[i:j]), func(r rune) bool { return isDigit(r) }) {
			continue
		}
		cut = append(cut, i, j)
	}
	if len(cut) == 0 {
		return rs, orig
	}
	rs2, orig2 := append([]rune(nil), rs...), append([]rune(nil), orig...)
	for _, k := range cut {
		rs2[k], orig2[k] = ' ', ' '
	}
	return rs2, orig2
}

// opensOn reports a figure whose clause opens on one of words.
func opensOn(rs []rune, f figure, words ...string) bool {
	c := strings.TrimLeft(string(rs[minorStart(rs, f.start):f.start]), " 　●•·")
	for _, w := range words {
		// A modal may come first (将从11%增至60%).
		if k := strings.Index(c, w); k >= 0 && utf8.RuneCountInString(c[:k]) <= 2 {
			return true
		}
	}
	return false
}

// metricBefore names a figure from the clause before its own, when that
// clause holds no figure (5G基站数量：从2020年的3.6万个).
func (e *Extractor) metricBefore(rs []rune, f figure, prevEnd int) string {
	cs := minorStart(rs, f.start)
	if cs < 2 || prevEnd >= cs {
		return ""
	}
	ps := minorStart(rs, cs-1)
	if prevEnd > ps {
		return ""
	}
	return e.cutClause(e.trimMetric(strings.TrimLeft(string(rs[ps:cs-1]), " 　●•·")))
}

// levelAfterChange reports a figure that is the level a change reached
// (增至60%, 增加到2025年的25万个), not the change.
func (e *Extractor) levelAfterChange(rs []rune, f figure) bool {
	c := string(rs[minorStart(rs, f.start):f.start])
	for _, w := range e.lex.ChangeWords {
		for _, l := range []string{"至", "到"} {
			if k := strings.Index(c, w+l); k >= 0 {
				// Only a year (2025年的) may stand between the link and
				// the figure.
				rest := strings.TrimSuffix(c[k+len(w+l):], "的")
				rest = strings.TrimSuffix(rest, "年")
				// And nothing that names a metric before the change word
				// (规上工业企业上云率提高到70% names its own).
				head := e.trimMetric(c[:k])
				if (allDigits(rest) || rest == "") && (head == "" || strings.ContainsAny(head, "0123456789")) {
					return true
				}
			}
		}
	}
	return false
}

// carried is the year a sentence takes from before it: the clause before
// its ；, else its paragraph's opening.
func (st sentenceState) carried() int {
	if st.semiYear > 0 {
		return st.semiYear
	}
	return st.paraYear
}

// mayDate reports a sentence that may hold a time adverbial for the
// sentences after it (a year, a plan period, 截至, 去年 …), so that one
// without figures is scanned for it too.
func mayDate(rs []rune) bool {
	for i, r := range rs {
		switch r {
		case '年':
			if i >= 4 && isDigit(rs[i-1]) || i > 0 && strings.ContainsRune("去今上明", rs[i-1]) {
				return true
			}
		case '五':
			if i >= 2 && rs[i-2] == '十' {
				return true
			}
		}
	}
	return false
}

// Roles of a figure in a change written as a range.
const (
	changeNone = iota
	changeFrom // the value changed from
	changeTo   // the value changed to
)

// splitChanges splits a change written as a range (从9%提升至84%, 由1200万户
// 增长至3400万户) into the value it changed from and the value it changed
// to: two figures, each with its own year, not a range. roles says which
// figure is which.
func (e *Extractor) splitChanges(rs, orig []rune, figs []figure) (out []figure, roles []int) {
	for _, f := range figs {
		if first, second, ok := e.splitChange(rs, orig, f); ok {
			out, roles = append(out, first, second), append(roles, changeFrom, changeTo)
			continue
		}
		out, roles = append(out, f), append(roles, changeNone)
	}
	return out, roles
}

// splitChange reads the two ends of a range figure that is a change (从9%
// 提升至84%): the number reader stores it low to high, the two ends are
// read again here in the order written.
func (e *Extractor) splitChange(rs, orig []rune, f figure) (first, second figure, ok bool) {
	if !f.hasMax || (!endsWith(rs, f.numStart, "从") && !endsWith(rs, f.numStart, "由")) {
		return f, f, false
	}
	for k := f.numStart + 1; k < f.end; k++ {
		if !strings.ContainsRune("至到为", rs[k]) {
			continue
		}
		as := e.units.scan(e.lex, rs[f.numStart:k], orig[f.numStart:k])
		bs := e.units.scan(e.lex, rs[k+1:f.end], orig[k+1:f.end])
		if len(as) == 0 || len(bs) != 1 || bs[0].end != f.end-k-1 {
			continue
		}
		a, b := as[0], bs[0]
		link := string(rs[f.numStart+a.end : k])
		if link != "" && !containsAny(link, e.lex.ChangeWords...) {
			continue
		}
		first = figure{start: f.start, end: f.numStart + a.end, numStart: f.numStart + a.numStart, value: a.value, unit: a.unit, qual: "exact", chinese: a.chinese}
		if first.unit == "" {
			first.unit = f.unit
		}
		second = b
		second.start, second.end, second.numStart = b.start+k+1, b.end+k+1, b.numStart+k+1
		if second.unit == "" {
			second.unit = f.unit
		}
		return first, second, true
	}
	return f, f, false
}

// baseYear is the year of the value a change started from, when the
// sentence says it: 从2020年的3.6万个, or the year before the plan period
// the change spans (十四五以来, 从9%提升至84% → 2020).
func (e *Extractor) baseYear(rs []rune, f figure, marks *sentenceMarks) int {
	if endsWith(rs, f.numStart, "年的") {
		if y := yearBefore(rs, f.numStart-2); y > 0 {
			return y
		}
	}
	for _, t := range marks.times {
		if t.start < f.start && t.periodStart > 0 && (t.kind == tSince || t.kind == tPeriod) {
			return t.periodStart
		}
	}
	return 0
}

func isMinorDelim(r rune) bool {
	switch r {
	case '，', ',', '；', ';', '：', ':', '、', '。', '！', '？', '!', '?', '\u3000':
		return true
	}
	return false
}

func isMajorDelim(r rune) bool {
	switch r {
	case '；', ';', '。', '！', '？', '!', '?':
		return true
	}
	return false
}

// minorStart is the first rune of the clause that holds rs[i].
func minorStart(rs []rune, i int) int {
	for j := i - 1; j >= 0; j-- {
		if isMinorDelim(rs[j]) {
			return j + 1
		}
	}
	return 0
}

func minorEnd(rs []rune, i int) int {
	for j := i; j < len(rs); j++ {
		if isMinorDelim(rs[j]) {
			return j
		}
	}
	return len(rs)
}

// metricPhrase names what a figure counts: the clause before it, trimmed
// of verbs and links (开通5G基站24.2万个 → 5G基站), or the noun after it
// when the figure precedes its noun (2个项目获奖 → 项目获奖). pre is the
// trimmed clause before the figure. A phrase that is a cut-off clause
// rather than a noun phrase (…作了交流发言, 单位已全部签订) is cut at its
// first verb.
func (e *Extractor) metricPhrase(rs []rune, f figure, prevEnd int) (metric, pre string) {
	from := minorStart(rs, f.start)
	if prevEnd > from && prevEnd <= f.start {
		from = prevEnd
	}
	pre = e.trimMetric(string(rs[from:f.start]))
	if e.bareVerb(pre) {
		// 累计开通6万多个, 建成开通6.7万个5G基站: a verb names nothing.
		pre = ""
	}
	if f.unit != "%" && f.unit != "个百分点" && f.unit != "倍" {
		// 千兆宽带用户比上年增加1.2万户: the change is the measure, not the metric.
		for _, c := range e.lex.ComparisonCuts {
			if k := strings.Index(pre, c); k > 0 {
				pre = pre[:k]
				break
			}
		}
	}
	if f.prenominal || pre == "" {
		a := f.end
		if at(rs, a) == '的' {
			a++
		}
		b := minorEnd(rs, a)
		if b-a > 16 {
			b = a + 16
		}
		if post := e.cutClause(e.trimMetric(string(rs[a:b]))); post != "" {
			return post, pre
		}
	}
	return e.cutClause(pre), pre
}

// bareVerb reports a metric phrase that is only a verb the phrase trimmer
// would strip as a lead (开通, 建成, 完成, 新增).
func (e *Extractor) bareVerb(m string) bool {
	if m == "" {
		return false
	}
	for _, w := range e.lex.MetricLead {
		if m == w {
			return true
		}
	}
	return false
}

// cutClause cuts a metric phrase at the first word that belongs to a
// clause rather than a noun phrase (同志代表先进集体和个人作了交流发 →
// 同志; 单位已全部签订 → 单位).
func (e *Extractor) cutClause(m string) string {
	cut := len(m)
	for _, w := range e.lex.MetricStop {
		if k := strings.Index(m, w); k >= 0 && k < cut {
			cut = k
		}
	}
	// 已 and 代表 inside a noun phrase after the figure start a clause.
	for _, w := range e.lex.ClauseCuts {
		if k := strings.Index(m, w); k > 0 && k < cut {
			cut = k
		}
	}
	return m[:cut]
}

// metricTimeRe is a time phrase at either end of a metric phrase (9月底,
// 截至2023年底, “十四五”期间) and a span of years in brackets
// ((2021-2025)): when, not what.
var (
	metricTimeHeadRe = regexp.MustCompile(`^(?:截至|截止|到|至)?(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:底|末|初|中旬|上旬|下旬)?(?:前)?`)
	metricPeriodRe   = regexp.MustCompile(`[“"]?十[一二三四五]五[”"]?(?:期间|时期|以来|末|初)?`)
	metricSpanRe     = regexp.MustCompile(`[（(]\s*(?:19|20)\d{2}\s*(?:年)?\s*[-—–~至]\s*(?:19|20)\d{2}\s*(?:年)?\s*[)）]`)
)

func (e *Extractor) trimMetric(s string) string {
	s = metricSpanRe.ReplaceAllString(s, "")
	if m := metricPeriodRe.FindStringIndex(s); m != nil && (m[0] == 0 || m[1] == len(s)) && m[1]-m[0] < len(s) {
		s = s[:m[0]] + s[m[1]:]
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '"', '‘', '’', '「', '」', '《', '》', ' ', '\u3000', '（', '）', '(', ')':
			return -1
		}
		return r
	}, s)
	for changed := true; changed && s != ""; {
		changed = false
		// A leading year: 2024年全市将新建…
		if len(s) > 7 && s[4] == 0xe5 && strings.HasPrefix(s[4:], "年") && allDigits(s[:4]) {
			s = s[7:]
			changed = true
		}
		if rest := e.stripPlace(s); rest != s {
			s, changed = rest, true
		}
		if m := metricTimeHeadRe.FindString(s); m != "" && strings.ContainsAny(m, "年月") && len(m) < len(s) {
			s, changed = s[len(m):], true
		}
		for _, w := range e.lex.MetricLead {
			// Not when it would leave a bare suffix (完成率 → 率).
			if strings.HasPrefix(s, w) && utf8.RuneCountInString(s[len(w):]) > 1 {
				s = s[len(w):]
				changed = true
				break
			}
		}
		for _, w := range e.lex.MetricTrail {
			if strings.HasSuffix(s, w) {
				s = s[:len(s)-len(w)]
				changed = true
				break
			}
		}
		// A trailing year (从2019年的 → 从): the base of a change, or the
		// time of the figure.
		if n := len(s); n > 7 && strings.HasSuffix(s, "年") && allDigits(s[n-7:n-3]) {
			s = s[:n-7]
			changed = true
		}
	}
	rs := []rune(s)
	// Drop a trailing year (从2019年的) and a 连续四年 run.
	for changed := true; changed; {
		changed = false
		n := len(rs)
		if n >= 5 && rs[n-1] == '年' && isDigit(rs[n-2]) && isDigit(rs[n-3]) && isDigit(rs[n-4]) && isDigit(rs[n-5]) {
			rs = rs[:n-5]
			changed = true
		}
		if k := strings.LastIndex(string(rs), "连续"); k >= 0 && len(rs) > 0 && rs[len(rs)-1] == '年' {
			rs = []rune(string(rs)[:k])
			changed = true
		}
		if n := len(rs); n > 0 && strings.ContainsRune("从由较的至到", rs[n-1]) {
			rs = rs[:n-1]
			changed = true
		}
	}
	if len(rs) > 16 {
		// Keep the last 16 characters, from a word boundary when one is
		// near (…基础设施累计投资, not 础设施累计投资).
		k := len(rs) - 16
		for j := k; j < len(rs)-4 && j < k+6; j++ {
			if strings.ContainsRune("的和及与、，", rs[j-1]) {
				k = j
				break
			}
		}
		rs = rs[k:]
	}
	return string(rs)
}

// stripPlace drops the full name of a place opening a metric phrase
// (四川省5G基站数量 → 5G基站数量): the place is the indicator's scope, not
// what it counts. Short names stay (四川移动 is an operator).
func (e *Extractor) stripPlace(s string) string {
	ms := e.gaz.Scan(s)
	if len(ms) == 0 || ms[0].Start != 0 || utf8.RuneCountInString(s[ms[0].End:]) < 2 {
		return s
	}
	rest := s[ms[0].End:]
	for _, c := range ms[0].Candidates {
		// A short name too when the notice's own words follow (江西全省…).
		if !c.Short || strings.HasPrefix(rest, "全") || strings.HasPrefix(rest, "省") || strings.HasPrefix(rest, "市") {
			return rest
		}
	}
	return s
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// changeWord is the change a change-only phrase names: 增长 unless it says
// the figure fell.
func (e *Extractor) changeWord(m string) string {
	for _, w := range []string{"下降", "降低", "减少"} {
		if strings.Contains(m, w) {
			return w
		}
	}
	return "增长"
}

// changeOnly reports a metric phrase that names a change but not what
// changes (同比增长27.3%, 同比上升5%): it borrows the subject of the figure
// before it. The words before the change word (同比, 全年, 较上年 …) are
// stripped as whole words, not as a set of characters (which would strip
// 上 from 上升).
func (e *Extractor) changeOnly(m string) bool {
	for changed := true; changed && m != ""; {
		changed = false
		for _, p := range e.lex.ChangePrefixes {
			if strings.HasPrefix(m, p) {
				m = m[len(p):]
				changed = true
			}
		}
	}
	if m == "" {
		return true
	}
	for _, w := range e.lex.ChangeWords {
		if m == w {
			return true
		}
	}
	return false
}

// measureOf says whether a figure is a total, an increment, a rate, a growth
// rate, a rank or a count: cues in the clause first, then the catalogue's
// usual measure, then the unit. The cues are the lexicon's level_ends,
// growth_words, increment_words, increment_ends and total_words.
func (e *Extractor) measureOf(rs []rune, f figure, cm Metric, haveCM bool) string {
	if f.rank {
		return "rank"
	}
	pre := string(rs[minorStart(rs, f.start):f.start])
	switch f.unit {
	case "%", "个百分点", "倍", "‰", "‱":
		if f.unit == "倍" || f.unit == "个百分点" {
			return "growth"
		}
		level := endsWithWord(pre, e.lex.LevelEnds)
		if !level && containsAny(pre, e.lex.GrowthWords...) {
			return "growth"
		}
		if haveCM && (cm.Measure == "growth" || cm.Measure == "rate") {
			return cm.Measure
		}
		return "rate"
	}
	if containsAny(pre, e.lex.IncrementWords...) || endsWithWord(pre, e.lex.IncrementEnds) {
		// 新建5G基站…, 比上年增加1.2万户.
		return "increment"
	}
	if containsAny(pre, e.lex.TotalWords...) {
		return "total"
	}
	if haveCM && cm.Measure != "growth" && cm.Measure != "rank" {
		return cm.Measure
	}
	if f.event {
		return "count"
	}
	return "total"
}

// planGenre reports a title that names a plan (data/lexicon.yaml,
// plan_genre): 关于印发…三年行动计划的通知, 2022年…工作要点.
func (e *Extractor) planGenre(title string) bool {
	t := text.Simplify(title)
	return t != "" && containsAny(t, e.lex.PlanGenre...)
}
