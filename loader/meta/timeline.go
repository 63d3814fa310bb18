package meta

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The notice's timeline — the year it was written in, when no date says
// so — is decided by weighing every piece of evidence the text gives at
// once, not by the first rule that fires. Each rule that reads a year off
// the text (the latest 截至 date, a year reported in full, the year the
// title names, the years the text names as past …) is a cue: it names a
// year and carries a weight (timelineTable, data in the lexicon). The year
// with the highest total wins when it reaches the table's threshold; below
// it, or on a tie between two years, the year stays unknown rather than
// guessed. The cues weighed are recorded in metadata_sources (field
// "timeline"); rules are read heaviest first, and those that could no
// longer change the outcome are not read (weigh).

// cue is one piece of evidence for the year of writing.
type cue struct {
	name string // a key of timelineTable.weights
	year int    // 0: evidence that the notice has no such year
}

// timelineTable is a scored rule table: the weight of each cue and the
// total a year needs to be taken. It is data: the timeline section of
// data/meta_lexicon.yaml.
type timelineTable struct {
	weights      map[string]float64
	unknownBelow float64
}

// cueSources is the metadata source recorded when a cue carries the
// decision; its keys are every cue the inference knows.
var cueSources = map[string]string{
	// the year of a month and day (monthDayRules)
	"url": SrcMonthDayURL,
	// the publication date of a notice whose text gives none (published)
	"url_date":         SrcURL,
	"as_of":            SrcMonthDayAsOf,
	"plan_start":       SrcMonthDayPeriod,
	"part_of_year":     SrcMonthDayAsOf,
	"report_year":      SrcMonthDayReport,
	"full_year_review": SrcMonthDayReview,
	"review_phrase":    SrcMonthDayReview,
	"present":          SrcMonthDayPresent,
	"last_year_base":   SrcMonthDayReview,
	"title_review":     SrcMonthDayReview,
	"event_year":       SrcMonthDayEvent,
	"title_year":       SrcMonthDayTitle,
	"period_end":       SrcMonthDayPeriod,
	"text_years":       SrcMonthDayTextYears,
	// the year a dated notice reviews (datedReviewRules)
	"early_full_year":   SrcBody,
	"period_ended":      SrcBody,
	"dated_as_of":       SrcBody,
	"last_year_account": SrcBody,
	"this_year":         SrcBody,
	"now_word":          SrcBody,
	"now_late":          SrcBody,
	"study_none":        "",
	"plan_issue":        SrcBody,
	"plan_relay":        SrcPlanRelay,
	"last_year_named":   SrcBody,
	"last_year_word":    SrcBody,
	"january":           SrcPublished,
	"study":             SrcBody,
	"published_year":    SrcPublished,
	// the year a notice without a date reviews (undatedReviewRules)
	"held_event":         SrcEventYear,
	"report_of_year":     SrcReportYear,
	"as_of_year":         SrcBody,
	"year_in_part":       SrcBody,
	"year_after_full":    SrcThisYearAfter,
	"one_named_year":     SrcBody,
	"latest_reviewed":    SrcBody,
	"text_years_undated": SrcTextYears,
}

// newTimelineTable checks a table as data/meta_lexicon.yaml gives it
// (timeline: unknown_below, cues): every cue the inference knows needs a
// weight (0 turns it off), and no other.
func newTimelineTable(unknownBelow *float64, cues map[string]float64) (*timelineTable, error) {
	if unknownBelow == nil {
		return nil, fmt.Errorf("timeline: unknown_below is missing")
	}
	for name, w := range cues {
		if _, ok := cueSources[name]; !ok {
			return nil, fmt.Errorf("timeline: unknown cue %q", name)
		}
		if w < 0 {
			return nil, fmt.Errorf("timeline: cue %q has a negative weight", name)
		}
	}
	for name := range cueSources {
		if _, ok := cues[name]; !ok {
			return nil, fmt.Errorf("timeline: cue %q has no weight", name)
		}
	}
	return &timelineTable{weights: cues, unknownBelow: *unknownBelow}, nil
}

// decision is the outcome of weighing cues: the year taken (0: unknown),
// the source of its strongest cue, and every cue weighed.
type decision struct {
	year   int
	src    string
	scores map[int]float64
	cues   []cue
}

// rule is a cue not yet read off the text: eval reads it and reports the
// cue it finds, if any; names are the cues it can yield.
type rule struct {
	names []string
	eval  func() (cue, bool)
}

// year is a rule that yields the cue name for the year f returns (none
// when f returns 0).
func year(name string, f func() int) rule {
	return rule{names: []string{name}, eval: func() (cue, bool) {
		y := f()
		return cue{name, y}, y != 0
	}}
}

// bound is the most a rule can add to a year.
func (t *timelineTable) bound(r rule) float64 {
	b := 0.0
	for _, n := range r.names {
		b = max(b, t.weights[n])
	}
	return b
}

// weigh reads the rules, heaviest first, and weighs the cues they find
// (decide). It stops reading once the leading year is past the
// threshold and ahead of every other by more than the rules left could
// add: the outcome is the same as reading them all, at the cost of the
// old cascade, which stopped at its first match.
func (t *timelineTable) weigh(rules []rule) decision {
	order := make([]rule, len(rules))
	copy(order, rules)
	sort.SliceStable(order, func(i, j int) bool { return t.bound(order[i]) > t.bound(order[j]) })
	left := 0.0
	for _, r := range order {
		left += t.bound(r)
	}
	var cues []cue
	scores := map[int]float64{}
	for _, r := range order {
		first, second := 0.0, 0.0
		for _, s := range scores {
			if s > first {
				first, second = s, first
			} else if s > second {
				second = s
			}
		}
		if first >= t.unknownBelow && first-second > left {
			break
		}
		left -= t.bound(r)
		if t.bound(r) == 0 {
			continue // a cue the table turns off is not read
		}
		if c, ok := r.eval(); ok {
			cues = append(cues, c)
			scores[c.year] += t.weights[c.name]
		}
	}
	return t.decide(cues)
}

// decide weighs cues: each adds its weight to its year. The best year is
// taken when its total reaches the threshold and no other year ties it.
func (t *timelineTable) decide(cues []cue) decision {
	d := decision{scores: map[int]float64{}, cues: cues}
	for _, c := range cues {
		d.scores[c.year] += t.weights[c.name]
	}
	best, bestScore, tie := 0, 0.0, false
	for y, s := range d.scores {
		switch {
		case s > bestScore:
			best, bestScore, tie = y, s, false
		case s == bestScore && s > 0:
			tie = true
		}
	}
	if tie || bestScore < t.unknownBelow {
		return d
	}
	d.year = best
	top := 0.0
	for _, c := range cues {
		if c.year == best && t.weights[c.name] > top {
			top, d.src = t.weights[c.name], cueSources[c.name]
		}
	}
	return d
}

// noteTimeline records a decision's cues in the sources under "timeline",
// after those of an earlier decision of the same notice (the year of its
// month and day, then the year it reviews): "month_day 2023: event_year
// (16); 2022: text_years (2) | reviewed 2023: now_late (32)".
func (in *inference) noteTimeline(what string, d decision) {
	note := what + " " + d.String()
	if len(d.cues) == 0 {
		note = what + ": no cue"
	}
	if prev := in.m.Sources["timeline"]; prev != "" {
		note = prev + " | " + note
	}
	in.set("timeline", note)
}

// String renders the cues weighed, strongest year first, for
// metadata_sources: "2023: event_year 8; 2022: text_years 2".
func (d decision) String() string {
	if len(d.cues) == 0 {
		return ""
	}
	years := make([]int, 0, len(d.scores))
	for y := range d.scores {
		years = append(years, y)
	}
	sort.Slice(years, func(i, j int) bool {
		if d.scores[years[i]] != d.scores[years[j]] {
			return d.scores[years[i]] > d.scores[years[j]]
		}
		return years[i] > years[j]
	})
	var b strings.Builder
	for i, y := range years {
		if i > 0 {
			b.WriteString("; ")
		}
		if y == 0 {
			b.WriteString("none:")
		} else {
			fmt.Fprintf(&b, "%d:", y)
		}
		for _, c := range d.cues {
			if c.year == y {
				fmt.Fprintf(&b, " %s", c.name)
			}
		}
		fmt.Fprintf(&b, " (%g)", d.scores[y])
	}
	if d.year == 0 && d.src == "" {
		b.WriteString("; unknown")
	}
	return b.String()
}

// numericDateRe is a date written in digits with dashes, slashes or dots
// (2024-07-08, 2025/09/21), as pages print their own date; timeRe a time
// of day after it.
var (
	numericDateRe = regexp.MustCompile(`((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})`)
	timeOfDayRe   = regexp.MustCompile(`\d{1,2}:\d{2}(?::\d{2})?`)
)

// pageDateLine reads a line that is a page's own date: a date in digits
// (2024-07-08) with at most a time of day, a date label (时间:) and a
// short source name (我苏客户端, Si Chuan Ri Bao·) beside it, and no
// sentence punctuation. A date inside a sentence dates what the sentence
// reports, not the page.
func (lx *Lexicon) pageDateLine(l string) (time.Time, bool) {
	l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "-–—•·*＊● "))
	if l == "" || utf8.RuneCountInString(l) > 48 || strings.ContainsAny(l, "，。；;！？") {
		return time.Time{}, false
	}
	loc := numericDateRe.FindStringSubmatchIndex(l)
	if loc == nil {
		return time.Time{}, false
	}
	t, ok := mkDate(l[loc[2]:loc[3]], l[loc[4]:loc[5]], l[loc[6]:loc[7]])
	if !ok {
		return time.Time{}, false
	}
	rest := l[:loc[0]] + " " + timeOfDayRe.ReplaceAllString(l[loc[1]:], " ")
	if loc := lx.datelineRe.FindStringIndex(rest); loc != nil {
		rest = rest[:loc[0]] + rest[loc[1]:]
	}
	if utf8.RuneCountInString(strings.TrimSpace(rest)) > 20 {
		return time.Time{}, false
	}
	return t, true
}

// sinceClauseYears are the years that open such an account: the start of
// a run up to now names no year the notice is in.
func (lx *Lexicon) sinceClauseYears(text string) map[int]bool {
	if !containsAny(text, lx.sinceStarts) {
		return nil // sinceClauseRe cannot match: skip the scan
	}
	out := map[int]bool{}
	for _, m := range lx.sinceClauseRe.FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[1])
		out[y] = true
	}
	return out
}

// titleYears are the years the title or the opening paragraph names as the
// time of the event it reports: not the base of a comparison, not a
// deadline or target (在2025年达到80%, 到2025年), and none at all when it
// lists years (2021、2022年度电信普遍服务项目: the years of the projects
// named, not of the event).
func (lx *Lexicon) titleYears(head string) []int {
	if yearListRe.MatchString(head) {
		return nil
	}
	due := lx.targetYears(head)
	for _, m := range lx.deadlineYearRe.FindAllStringSubmatch(head, -1) {
		y, _ := strconv.Atoi(m[1])
		due[y] = true
	}
	var out []int
	for _, y := range lx.distinctYears(head, true) {
		if !due[y] {
			out = append(out, y)
		}
	}
	return out
}

var (
	// yearListRe is a list of years: 2021、2022年度, 2019和2020年.
	yearListRe = regexp.MustCompile(`(?:19|20)\d{2}\s*年?\s*(?:、|和|及|与)\s*(?:19|20)\d{2}\s*年`)
)

// openingEventYear is the year of the event the opening names with its
// year (来自2023重庆市数字乡村…推进会的消息), 0 when none or when it names
// events of several years.
func (lx *Lexicon) openingEventYear(head string) int {
	y := 0
	for _, m := range lx.eventNameRe.FindAllStringSubmatchIndex(head, -1) {
		n, _ := strconv.Atoi(head[m[2]:m[3]])
		if lx.endsRange(head[:m[2]]) || lx.dueBefore(head[:m[2]]) || lx.endsBase(head[:m[2]]) {
			continue
		}
		if y != 0 && n != y {
			return 0
		}
		y = n
	}
	return y
}

// datedReviewRules are the evidence for the year a dated news item, signed
// article or report (published in year P) reviews: mostly P or the year
// before, sometimes none (a study session, a plan just relayed).
func (in *inference) datedReviewRules(P int, counts map[int]int, study bool) []rule {
	lx := in.lx
	text := in.doc.Text
	month := int(in.m.Published.Month())
	when := func(name string, y int, ok func() bool) rule {
		return rule{names: []string{name}, eval: func() (cue, bool) { return cue{name, y}, ok() }}
	}
	return []rule{
		// 2月6日…2023年全省新建5G基站2.6万个…截至2024年1月底: a notice of
		// the first months that reports last year in full reviews it.
		when("early_full_year", P-1, func() bool { return month <= 4 && lx.reportsYear(text, P-1) }),
		// “十三五”期间… in January 2021: the period that just ended.
		when("period_ended", P-1, func() bool { return month <= 4 && lx.periodEndedIn(text, P-1) }),
		year("dated_as_of", func() int {
			if ys := lx.asOfYears(text); len(ys) > 0 && (ys[0] == P || ys[0] == P-1) {
				return ys[0]
			}
			return 0
		}),
		// 5月17日…发布我省信息通信业去年“成绩单”。至去年底，…: an account
		// of last year given in the first half of this one.
		when("last_year_account", P-1, func() bool { return month <= 6 && lastYearAccount(text) }),
		when("this_year", P, func() bool { return containsAny(text, lx.ThisYearWords) }),
		// 目前, 现已, 截至目前: how things stand at the time of writing; late
		// in the year, this year's account.
		when("now_word", P, func() bool { return containsAny(text, lx.NowWords) }),
		when("now_late", P, func() bool { return month >= 9 && containsAny(text, lx.NowWords) }),
		// A study session that gives no account of a year's work.
		when("study_none", 0, func() bool { return study && !lx.reviews(text, P, false) && !lx.reviews(text, P-1, false) }),
		// 11月21日，…印发的《…行动方案(2024—2027年)》对外发布: the news is a
		// plan issued in its first year; it reviews that year when it also
		// says how far things stand (已建成5G基站3.6万个), the year before
		// when it says so of last year (截至去年…), else none.
		{names: []string{"plan_issue", "plan_relay"}, eval: func() (cue, bool) {
			if lx.justIssuedPlanStart(text) != P {
				return cue{}, false
			}
			switch {
			case lastYearAccount(text):
				return cue{"plan_issue", P - 1}, true
			case lx.givesAccount(text):
				return cue{"plan_issue", P}, true
			}
			return cue{"plan_relay", 0}, true
		}},
		when("last_year_named", P-1, func() bool { return counts[P-1] > 0 && (month <= 9 || counts[P-1] >= counts[P]) }),
		when("last_year_word", P-1, func() bool { return month <= 3 && strings.Contains(text, "去年") }),
		// A report of early January that names no year of its own (近日，…
		// 完成第三批电信普遍服务试点项目) is on the year just ended.
		when("january", P-1, func() bool { return month == 1 && counts[P] == 0 && !containsAny(text, lx.PresentWords) }),
		when("study", P, func() bool { return study }), // it names this year's work
		when("published_year", P, func() bool { return true }),
	}
}

// undatedReviewRules are the evidence for the year a notice without a
// publication date reviews, from what its text says of itself (plan: the
// year it sets out tasks for, 0 when none).
func (in *inference) undatedReviewRules(plan int) []rule {
	lx := in.lx
	text := in.doc.Text
	present := containsAny(text, lx.PresentWords)
	return []rule{
		// 在25日举行的2020中国福建互联网大会上: the notice is of the year of
		// the event it reports.
		year("held_event", func() int { return lx.eventYear(text) }),
		// 《浙江省互联网发展报告2021》新闻发布会透露，截至4月底…: the report
		// of a year comes out in the next, which is the present when the text
		// reports on it; else the report's year is the one reviewed.
		year("report_of_year", func() int {
			y := lx.reportYear(text)
			if y != 0 && (present || in.lx.asOfMonthRe.MatchString(text)) {
				y++
			}
			return y
		}),
		year("as_of_year", func() int {
			if present {
				return 0
			}
			return lx.asOfYear(text)
		}),
		// 2019年上半年，全省…: a year reported in part is the present.
		year("year_in_part", func() int {
			if last := lx.latestPastYear(text); last != 0 && last != plan && lx.partOfYear(text, last) {
				return last
			}
			return 0
		}),
		// 2023年，我市电信业务总量达52.8亿元 … 今年一季度，我市…: this year
		// is the one after the last year reported in full.
		year("year_after_full", func() int {
			last := lx.latestPastYear(text)
			if last != 0 && thisYearPartRe.MatchString(text) && !strings.Contains(text, strconv.Itoa(last+1)+"年") && lx.pastYearStatement(text, last) {
				return last + 1
			}
			return 0
		}),
		// 今年以来，…2023年新建5G基站2111个; 2023年，儋州计划新增…，截至
		// 目前…: a text on how far the present has come that names one year
		// names the present.
		year("one_named_year", func() int {
			if !present {
				return 0
			}
			if ys := lx.namedYears(in.m.Title + "\n" + text); len(ys) == 1 {
				return ys[0]
			}
			return 0
		}),
		year("latest_reviewed", func() int {
			if y := lx.latestReviewed(text); plan == 0 || y < plan {
				return y
			}
			return 0
		}),
		// Nothing else says which year the notice is in: the earliest year
		// it can be, by the years it names as past.
		year("text_years_undated", func() int {
			if plan != 0 {
				return 0
			}
			return lx.textNow(in.m.Title + "\n" + text)
		}),
	}
}

// targetYears are the years text sets a target for with 在 (targetYearRe).
func (lx *Lexicon) targetYears(text string) map[int]bool {
	out := map[int]bool{}
	if !containsAny(text, targetStarts) {
		return out // targetYearRe cannot match: skip the scan
	}
	for _, m := range lx.targetYearRe.FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[1])
		out[y] = true
	}
	return out
}

// targetIn reports a year between before and rest that targetYearRe
// matches: 在|2025年|达到80%.
func (lx *Lexicon) targetIn(before, rest string) bool {
	if !strings.HasSuffix(strings.TrimRight(before, " "), "在") {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "底"), "末")
	rest = strings.TrimLeft(strings.TrimPrefix(rest, "前"), " ")
	return startsWithAny(rest, lx.TargetVerbs) && !strings.HasPrefix(strings.TrimLeft(rest[len(firstRunes(rest, 2)):], " "), "了")
}

// horizonRe is a span of years ahead that tasks are set for: 三年内新建,
// 未来两年, 今后五年.
var horizonRe = regexp.MustCompile(`(?:未来|今后)([二两三四五])年|([二两三四五])年内`)

// horizonEnd is the last year of the span ahead a dated text sets its
// tasks for (三年内 in May 2020 → 2022; 未来两年 in November 2022, when
// the year is nearly out, → 2024), when every such span it names agrees
// and a plan word is in the same sentence; 0 otherwise.
func (lx *Lexicon) horizonEnd(text string, published time.Time) int {
	if published.IsZero() || !containsAny(text, horizonWords) {
		return 0 // horizonRe cannot match: skip the scan
	}
	n := 0
	for _, loc := range horizonRe.FindAllStringSubmatchIndex(text, -1) {
		w := ""
		if loc[2] >= 0 {
			w = text[loc[2]:loc[3]]
		} else {
			w = text[loc[4]:loc[5]]
		}
		k := map[string]int{"二": 2, "两": 2, "三": 3, "四": 4, "五": 5}[w]
		sent := text[max(0, strings.LastIndexAny(text[:loc[0]], "。！？\n")+1):]
		if i := strings.IndexAny(sent, "。！？\n"); i >= 0 {
			sent = sent[:i]
		}
		if before := lastRunes(text[:loc[0]], 2); strings.Contains(before, "过去") || strings.HasSuffix(before, "近") || strings.HasSuffix(before, "前") {
			continue // 过去三年, 近三年: an account, not a span ahead
		}
		if !lx.aheadRe.MatchString(sent) && !containsAny(sent, lx.HorizonTaskWords) {
			continue
		}
		if n != 0 && k != n {
			return 0
		}
		n = k
	}
	if n == 0 {
		return 0
	}
	end := published.Year() + n - 1
	if published.Month() >= time.October {
		end++
	}
	return end
}

var (
	// targetStarts and horizonWords are in every match of targetYearRe
	// and horizonRe (spaces between a word and a year aside, which these
	// texts do not write); Lexicon.sinceStarts are in every match of
	// sinceClauseRe.
	targetStarts = []string{"在19", "在20"}
	horizonWords = []string{"二年", "两年", "三年", "四年", "五年"}
)
