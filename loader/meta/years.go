package meta

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The expressions below say what the year rules look for. Those run over a
// whole text (yearLeadRe, agendaRe, namedAheadRe, the year sets of
// namedYears and textNow, …) are run through the scanners of yearscan.go,
// which find exactly what they find, at a fraction of the cost; the tests
// of yearscan_test.go hold each scanner to its expression, so a change to
// one of these expressions needs the same change to its scanner.
var (
	// agendaRe names the tasks of a year: 2024年工作打算, 2024年重点任务.
	agendaRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年(?:度)?(?:工作|重点工作)?(?:打算|思路|计划安排|安排|重点任务|目标任务|主要任务|工作任务|主要目标|预期目标|发展目标)`)
	// yearLeadRe is a sentence that opens with a year (after an optional
	// list number, or a reporting clause such as 会议强调，): 2022年，全区…;
	// 2023年是…; 2021年以来…; 会议要求，2024年要….
	yearLeadRe = regexp.MustCompile(`(?:^|[。！？；\n]|(?:强调|要求|指出|明确|提出|表示|认为|介绍|透露|获悉|了解到|显示|表明|据悉|据统计|称|说)[，,：:]\s*|(?:本报讯|讯|电)\s)\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])?\s*((?:19|20)\d{2})\s*年`)
	// namedAheadRe is a target for a named year inside a sentence:
	// 力争2022年底千兆宽带用户突破50万户.
	namedAheadRe = regexp.MustCompile(`(?:力争|确保|计划|争取|目标是)(?:到|在|于)?\s*((?:19|20)\d{2})\s*年`)
	// openYearRe is a sentence that opens on a year as the present (2026年
	// 是“十五五”规划的开局之年): the notice is of that year.
	openYearRe = regexp.MustCompile(`(?:^|[。！？；\n])\s*((?:19|20)\d{2})\s*年是`)
	// pastLeadRe is a sentence that opens on the year gone by.
	pastLeadRe = regexp.MustCompile(`(?:^|[。！？；\n])\s*(?:过去的?一年|一年来|去年以来|去年，)`)
	// asOfRe is a progress report's reference date: 截至2024年6月底.
	asOfRe = regexp.MustCompile(`截至\s*((?:19|20)\d{2})\s*年`)
	// thisYearRe is progress in the year of publication.
	thisYearRe = regexp.MustCompile(`今年以来|今年上半年|今年前三季度|今年一季度|年初以来`)
	// forwardRe is the way ahead as a signed article or a report closes on
	// it: 下一步, 今后, 山东将持续…, 要进一步…. A bare 将 or 要 is not
	// enough: 将 is also "to put" (将信用体系机制深度赋能…).
	forwardRe = regexp.MustCompile(`下一步|今后|未来|新的一年|展望|(?:将|要)(?:继续|持续|进一步|坚持|坚定|全力|加快|着力|大力|深入|不断|始终|切实|努力|奋力|聚焦|围绕|锚定|更加|全面|积极|力争)`)
)

// monthAhead reports a deadline of a month still to come in the month of
// publication (published in October: 10月末计划完工, 12月底前将…): a task
// for the publication year.
func (lx *Lexicon) monthAhead(text string, pubMonth int) bool {
	if !strings.Contains(text, "月底") && !strings.Contains(text, "月末") {
		return false // the expression cannot match: skip the scan
	}
	for _, m := range lx.monthDeadlineRe.FindAllStringSubmatch(text, -1) {
		v := m[1]
		if v == "" {
			v = m[2]
		}
		if mo, _ := strconv.Atoi(v); mo >= pubMonth && mo <= 12 {
			return true
		}
	}
	return false
}

// yearStatement is a sentence that opens with a year.
type yearStatement struct {
	year  int
	ahead bool // about the work ahead (将, 要, 力争, …之年), not work done
	since bool // Y年以来: an account from Y up to the time of writing
	part  bool // Y年上半年, Y年1-4月: an account of part of the year
}

// yearStatements lists the sentences of text that open with a year, in
// order.
func (lx *Lexicon) yearStatements(text string) []yearStatement { return lx.scanOf(text).statements }

// scanYearStatements finds the statements among the years text mentions:
// those yearLeadRe matches (see leadStart).
func (lx *Lexicon) scanYearStatements(text string, mentions []yearMention) []yearStatement {
	var out []yearStatement
	for _, ym := range mentions {
		begin := lx.leadStart(text, ym.start)
		if begin < 0 {
			continue
		}
		y := ym.year
		rest := text[ym.after:]
		if strings.HasPrefix(rest, "以来") {
			out = append(out, yearStatement{year: y, since: true})
			continue
		}
		if strings.HasPrefix(rest, "底") || strings.HasPrefix(rest, "末") || strings.HasPrefix(rest, "前") {
			continue // 2025年底前 is a deadline, not the subject
		}
		sent := rest
		if i := strings.IndexAny(sent, "。！？；\n"); i >= 0 {
			sent = sent[:i]
		}
		// 会议要求，2022年全市新建…: a demand sets out work ahead.
		lead := text[begin:ym.start]
		demand := strings.Contains(lead, "要求") || strings.Contains(lead, "提出") || strings.Contains(lead, "明确")
		part := partOfYearRe.MatchString(text[ym.start:min(len(text), ym.after+24)])
		// 2022年，累计完成…，实现“三网至少覆盖一网”…目标: a goal met is
		// an account, not the work ahead.
		if strings.Contains(sent, "目标") {
			sent = lx.metGoalRe.ReplaceAllString(sent, "")
		}
		out = append(out, yearStatement{year: y, ahead: demand || lx.aheadRe.MatchString(sent), part: part})
	}
	return out
}

// reviews reports whether text gives an account of year y: a sentence
// opening on it (2022年，全区…; 2022年以来), or on the year gone by (一年来,
// 过去一年) when y is the year before the one it plans.
func (lx *Lexicon) reviews(text string, y int, pastMeansY bool) bool {
	for _, st := range lx.yearStatements(text) {
		if st.year == y && !st.ahead {
			return true
		}
	}
	return pastMeansY && lx.pastLead(text)
}

// plannedYear is the year text sets out tasks for: the earliest year, not
// before from (0: any), named by 部署2024年…, 2024年工作打算 or a sentence
// opening on it about the work ahead (2023年，全市将新建…). 0 when none.
func (lx *Lexicon) plannedYear(text string, from int) int {
	best := 0
	take := func(y int) {
		if y >= from && (best == 0 || y < best) {
			best = y
		}
	}
	for _, ys := range []map[int]bool{lx.planPhraseYears(text), lx.agendaYears(text)} {
		for y := range ys {
			take(y)
		}
	}
	for _, st := range lx.yearStatements(text) {
		if st.ahead {
			take(st.year)
		}
	}
	return best
}

// years works out the year the notice reviews and the year it plans for.
//
//   - A work conference or key points for year Y (召开2026年工作会议) plans Y
//     and reviews Y-1; explicit phrases (总结2025年工作, 部署2026年工作)
//     override that. Key points review Y-1 only when they give an account
//     of it (2022年，全区…).
//   - A rectification report reviews its own year (or the year before,
//     when that is the year it talks about) and plans none.
//   - A policy plans its publication year and reviews none.
//   - Other notices (signed articles, news, reports) published in year P
//     review the year before when they talk about it (2021年以来 in a 2022
//     article), else P (截至2024年6月底 names it). A study session or party
//     meeting reviews a year only when it names one.
//   - They plan the year they set out tasks for (2023年，全市将…; 部署2024年
//     工作). Without a named year, a signed article or a report that closes
//     on the way ahead (下一步, 将继续…) plans P; a news item's
//     下一步…将 line sets out no year's tasks, and plans none.
func (in *inference) years() {
	lx := in.lx
	lead := in.lead
	text := in.doc.Text
	rev, plan := 0, 0
	revSrc, planSrc := "", ""
	if m := lx.reviewPhraseRe.FindStringSubmatch(lead); m != nil {
		rev, _ = strconv.Atoi(m[1])
		revSrc = SrcBody
	}
	if m := lx.planPhraseRe.FindStringSubmatch(lead); m != nil {
		plan, _ = strconv.Atoi(m[1])
		planSrc = SrcBody
	}
	// The title's own account wins: 2021年工作总结及2022年工作打算.
	if m := lx.titleReviewRe.FindStringSubmatch(in.m.Title); m != nil {
		rev, _ = strconv.Atoi(m[1])
		revSrc = SrcTitle
	}
	if m := lx.titlePlanRe.FindStringSubmatch(in.m.Title); m != nil && !containsAny(in.m.Title, lx.KeyPointsWords) {
		plan, _ = strconv.Atoi(m[1])
		planSrc = SrcTitle
	}
	if m := lx.govReportRe.FindStringSubmatch(in.m.Title + "\n" + strings.Join(in.doc.Byline, "\n")); m != nil && rev == 0 && plan == 0 {
		y, _ := strconv.Atoi(m[1])
		rev, revSrc, plan, planSrc = y-1, SrcTitle, y, SrcTitle
	} else if strings.Contains(lead, "政府工作报告") && plan == 0 && !in.m.Published.IsZero() && in.m.Published.Month() <= time.April {
		// A government work report is given in the first months of the year
		// it plans, on the year before.
		y := in.m.Published.Year()
		plan, planSrc = y, SrcPublished
		if rev == 0 {
			rev, revSrc = y-1, SrcPublished
		}
	}
	src := SrcBody
	if lx.conferenceYear.MatchString(in.m.Title) {
		src = SrcTitle
	}
	P := 0
	if !in.m.Published.IsZero() {
		P = in.m.Published.Year()
	}
	switch {
	case in.m.DocType == TypeConference || in.m.DocType == TypeKeyPoints || (lx.conferenceYear.MatchString(lead) && rev == 0 && plan == 0):
		y, ysrc := in.leadYear(), src
		if y == 0 && plan != 0 {
			y, ysrc = plan, planSrc
		}
		if y == 0 && P != 0 && in.m.DocType == TypeConference {
			// No year named: the conference plans the year it is held in,
			// or the next one when it is held in November or December.
			y, ysrc = P, SrcPublished
			if in.m.Published.Month() >= time.November {
				y++
			}
		}
		if y != 0 {
			if plan == 0 {
				plan, planSrc = y, ysrc
			}
			// Key points, and a notice that only names a conference or key
			// points (下发《2020年…工作要点》), review the year before only
			// when they give an account of it; such a notice otherwise
			// reviews what other notices do (今年以来… in October).
			quoted := in.m.DocType != TypeConference && in.m.DocType != TypeKeyPoints
			switch {
			case rev != 0:
			case in.m.DocType == TypeConference:
				rev, revSrc = y-1, ysrc
			case lx.reviews(text, y-1, true):
				rev, revSrc = y-1, SrcBody
			case quoted && P != 0:
				rev, revSrc, _, _ = in.otherYears(P, 0, "", plan, planSrc)
			}
		}
	case in.m.DocType == TypePolicy:
		// A policy sets out tasks from its publication on and reviews nothing.
		if plan == 0 && P != 0 {
			plan, planSrc = P, SrcPublished
		}
	case in.m.DocType == TypeRectification:
		plan, planSrc = 0, SrcDefault
		if rev == 0 {
			// The year of the inspection it reports on: the year the text
			// talks about, when that is the publication year or the one
			// before (a report published in January on last year's work).
			y := lx.inspectionYear(text)
			if y == 0 {
				y = lx.mostMentioned(text)
			}
			switch {
			case P != 0 && y == P-1:
				rev, revSrc = y, SrcBody
			case P != 0:
				rev, revSrc = P, SrcPublished
			case y != 0:
				rev, revSrc = y, SrcBody
			}
		}
	default:
		rev, revSrc, plan, planSrc = in.otherYears(P, rev, revSrc, plan, planSrc)
	}
	if end, prevEnd, ok := in.planPeriod(P); ok && in.m.DocType != TypeConference && in.m.DocType != TypeKeyPoints {
		// A plan over several years (“十四五”规划, 三年行动方案(2022—2024年),
		// 到2022年投资200亿元) sets out tasks for the year it ends in; it
		// reviews the period before when it gives an account of it.
		plan, planSrc = end, SrcPlanPeriod
		if prevEnd > 0 && (rev == 0 || in.m.DocType == TypePolicy) {
			rev, revSrc = prevEnd, SrcPlanPeriod
		} else if rev >= end {
			rev, revSrc = 0, SrcDefault
		}
	}
	if rev != 0 && revSrc != SrcTitle && revSrc != SrcPlanPeriod && in.relaysPlanOnly() {
		// 印发了《…行动计划》…到2025年…: a news item on a plan just issued
		// sets out the plan's years and gives no account of any.
		rev, revSrc = 0, SrcPlanRelay
	}
	if v, s, ok := in.over("reviewed_year"); ok {
		rev, revSrc = atoiYear(v), s
	}
	if v, s, ok := in.over("plan_year"); ok {
		plan, planSrc = atoiYear(v), s
	}
	in.m.ReviewedYear, in.m.PlanYear = rev, plan
	if rev != 0 || revSrc == SrcPlanRelay {
		in.set("reviewed_year", revSrc)
	} else {
		in.set("reviewed_year", SrcDefault)
	}
	if rev == 0 && plan == 0 {
		in.warn("reviewed and planned year unknown")
	}
	if plan != 0 {
		in.set("plan_year", planSrc)
	} else if planSrc != "" {
		in.set("plan_year", planSrc)
	} else {
		in.set("plan_year", SrcDefault)
	}
}

// otherYears is years for signed articles, news, reports and bulletins:
// rev and plan come in as found by explicit phrases in the opening (0 when
// none).
func (in *inference) otherYears(P, rev int, revSrc string, plan int, planSrc string) (int, string, int, string) {
	lx := in.lx
	text := in.doc.Text
	// A comparison's base (比2018年增加541万兆) talks about no year's work.
	counts := lx.yearCounts(text, true)
	study := in.m.DocType == TypeNews && containsAny(in.m.Title, lx.StudyWords)
	if plan == 0 {
		if y := lx.plannedYear(text, P); y != 0 {
			plan, planSrc = y, SrcBody
		} else if P != 0 {
			// 今年以来 looks back, not ahead.
			t := strings.ReplaceAll(in.m.Title+"\n"+text, "今年以来", "")
			switch {
			case matchNear(lx.thisYearAheadRe, t, lx.thisYearAheadAnchors, 128), lx.monthAhead(t, int(in.m.Published.Month())):
				plan, planSrc = P, SrcBody
			case matchNear(lx.nextYearAheadRe, t, lx.nextYearAheadAnchors, 128):
				plan, planSrc = P+1, SrcBody
			default:
				// 力争2022年底…: a named year's target, this year's or the
				// next (a five-year goal names no year's tasks).
				for y := range lx.namedAheadYears(t) {
					if (y == P || y == P+1) && (plan == 0 || y < plan) {
						plan, planSrc = y, SrcBody
					}
				}
			}
		}
	}
	if P == 0 {
		// Without a publication date, only what the text says of itself:
		// a year it gives an account of (2022年，全区…; 截至2024年10月底),
		// and the year it sets out tasks for. The year it names most is no
		// evidence (a plan names its target years most).
		if plan == 0 {
			// 力争2020年…, 确保2022年…: the earliest year named as a goal.
			for y := range lx.namedAheadYears(text) {
				if plan == 0 || y < plan {
					plan, planSrc = y, SrcBody
				}
			}
		}
		if rev == 0 {
			dec := lx.timeline.weigh(in.undatedReviewRules(plan))
			in.noteTimeline("reviewed", dec)
			rev, revSrc = dec.year, dec.src
		}
		if plan == 0 {
			// 截至2020年底…《规划》提出到2025年…: a relayed plan's last
			// deadline, after the year the text stands in when it says.
			if y := lx.latestDeadline(text); y > rev {
				plan, planSrc = y, SrcBody
			}
		}
		return rev, revSrc, plan, planSrc
	}
	if rev == 0 {
		dec := lx.timeline.weigh(in.datedReviewRules(P, counts, study))
		in.noteTimeline("reviewed", dec)
		rev, revSrc = dec.year, dec.src
	}
	if plan == 0 {
		// 到2025年，全省5G基站总数将突破18万个: a news item on a plan's
		// targets plans the last year they are due by.
		if y := lx.latestDeadline(text); y >= P {
			plan, planSrc = y, SrcBody
		}
	}
	if plan == 0 && (in.m.DocType == TypeSigned || in.m.DocType == TypeReport) && lx.looksForward(text) {
		if counts[P+1] > 0 && rev == P {
			plan, planSrc = P+1, SrcBody
		} else {
			plan, planSrc = P, SrcPublished
		}
	}
	if end := lx.horizonEnd(text, in.m.Published); end != 0 && (plan == 0 || plan == P) {
		// 三年内新建5个综合局房 in May 2020: the plan runs to 2022.
		plan, planSrc = end, SrcHorizon
	}
	return rev, revSrc, plan, planSrc
}

// thisYearPartRe is a part of the present year reported so far (今年一季度,
// 今年1-4月): a year reported in full beside it is the year before.
var thisYearPartRe = regexp.MustCompile(`今年(?:上半年|前三季度|[一二三]季度|第[一二三]季度|前\d{1,2}个月|1?\d\s*[-—至~]\s*1?\d\s*月)`)

// namedYears lists the years text names as the time of what it says: not
// a deadline or a goal (到2025年, 力争2022年), not the end of a span, not a
// comparison base (较2020年, 比2018年), not the start of an account up to
// now (2019年以来) or the date of a document's issue (2019年印发).
func (lx *Lexicon) namedYears(text string) []int {
	deadline, base, since, from, target := lx.deadlineYears(text), lx.baseYears(text), lx.sinceIssuedYears(text), lx.sinceClauseYears(text), lx.targetYears(text)
	var out []int
	for _, y := range lx.distinctYears(text, false) {
		if !deadline[y] && !base[y] && !since[y] && !from[y] && !target[y] {
			out = append(out, y)
		}
	}
	return out
}

// textNow is the earliest year a text can have been written in, judged by
// the years it names as past: the latest year it gives an account of (not
// a deadline, a goal, a span's end, a comparison base or the start of a
// run 以来), the year after the latest base of a comparison (比2018年增加 →
// 2019), and the first year of a plan period it relays when it speaks of
// 今年 (今年以来…印发了《…三年行动计划(2020—2022年)》 → 2020). 0 when it
// names no such year: deadlines (到2025年) and 以来 starts alone name none.
func (lx *Lexicon) textNow(text string) int {
	goal := lx.goalYears(text)
	now := 0
	for _, y := range lx.namedYears(text) {
		if !goal[y] {
			now = max(now, y)
		}
	}
	for y := range lx.baseYears(text) {
		now = max(now, y+1)
	}
	if containsAny(text, lx.PresentWords) {
		for _, y := range lx.periodRangeFirsts(text) {
			now = max(now, y)
		}
	}
	return now
}

// goalYearRe is a year named with its goal or task: 提前完成了2020年150万
// 公里目标 names the year the goal was due, not the present.
var goalYearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年[^，,。；;：:\n]{0,16}?(?:目标|任务)`)

// sinceIssuedYearRe is a year that starts an account running to the
// present (2019年以来) or dates a document's issue (2019年印发《…》): neither
// is the time the notice reports on.
var sinceIssuedYearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*(?:以来|来|印发|出台|发布|颁布|制定)`)

// baseYearRe is a year named as the base of a comparison: 较2020年, 比2018年.
var baseYearRe = regexp.MustCompile(`(?:较|比|同比|相比|与)\s*((?:19|20)\d{2})\s*年`)

// reportsYear reports whether text gives an account of year y as a whole:
// a mention of it that is not a base (比2023年), a deadline (到2023年) or a
// part of it up to a date (2023年1-4月, 截至2023年10月底).
func (lx *Lexicon) reportsYear(text string, y int) bool {
	ys := strconv.Itoa(y)
	for off := 0; ; {
		i := strings.Index(text[off:], ys)
		if i < 0 {
			return false
		}
		j := off + i
		off = j + len(ys)
		rest := strings.TrimLeft(text[off:], " ")
		if !strings.HasPrefix(rest, "年") || (j > 0 && text[j-1] >= '0' && text[j-1] <= '9') {
			continue
		}
		rest = strings.TrimPrefix(rest, "年")
		before := text[max(0, j-6):j]
		if strings.HasSuffix(before, "比") || strings.HasSuffix(before, "较") || strings.HasSuffix(before, "与") ||
			strings.HasSuffix(before, "到") || strings.HasSuffix(before, "至") || strings.HasSuffix(before, "截至") ||
			strings.HasSuffix(before, "力争") || strings.HasSuffix(before, "确保") || lx.endsRange(text[:j]) {
			continue
		}
		if strings.HasPrefix(rest, "同期") || strings.HasPrefix(rest, "以来") || strings.HasPrefix(rest, "底前") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); r >= '0' && r <= '9' || strings.HasPrefix(rest, "上半年") || strings.HasPrefix(rest, "前三季度") || strings.HasPrefix(rest, "一季度") {
			continue
		}
		return true
	}
}

// periodEndedIn reports text giving an account of a five-year plan period
// that ended in year y (“十三五”期间, “十三五”时期).
func (lx *Lexicon) periodEndedIn(text string, y int) bool {
	if !containsAny(text, lx.periodNames) {
		return false // prevPeriodRe cannot match: skip the scan
	}
	for _, m := range lx.prevPeriodRe.FindAllStringSubmatch(text, -1) {
		if lx.PlanPeriods[m[1]] == y {
			return true
		}
	}
	return false
}

// asOfYear is the latest year of a 截至 date in text (截至2024年10月底 →
// 2024), 0 when there is none.
func (lx *Lexicon) asOfYear(text string) int {
	best := 0
	for _, y := range lx.asOfYears(text) {
		if y > best {
			best = y
		}
	}
	return best
}

// reportYear is the year covered by the annual reports text names, when
// they all cover the same one; 0 otherwise.
func (lx *Lexicon) reportYear(text string) int {
	y := 0
	if !containsAny(text, lx.ReportTitles) {
		return 0 // reportYearRe cannot match: skip the scan
	}
	for _, m := range lx.reportYearRe.FindAllStringSubmatch(text, -1) {
		v := m[1]
		if v == "" {
			v = m[2]
		}
		n, _ := strconv.Atoi(v)
		if y != 0 && n != y {
			return 0
		}
		y = n
	}
	return y
}

// eventYearRe is an event held at the time of writing and named with its
// year: 在25日举行的2020中国福建互联网大会上.
var eventYearRe = regexp.MustCompile(`(?:(?:举行|召开|开幕|举办)的|在)\s*((?:19|20)\d{2})\s*年?[^，。,]{0,16}?(?:大会|论坛|峰会|博览会|展览会|发布会|年会)`)

// presentRe is the text speaking of the time of writing (今年一季度, 截至
// 目前), apart from the years it names.
var presentRe = regexp.MustCompile(`今年以来|今年上半年|今年前三季度|今年一季度|年初以来|截至目前|截止目前|目前|今年`)

// partOfYear reports text naming part of year y up to a date (2019年上半年,
// 2021年1-4月, 2024年10月底, 2023年一季度).
func (lx *Lexicon) partOfYear(text string, y int) bool {
	for _, m := range lx.partsOfYears(text) {
		if m.year == y {
			return true
		}
	}
	return false
}

// latestPartOfYear is the latest year text names a part of (2023年上半年,
// 2023年1-4月, 2023年一季度) and the last month of that part; 0, 0 when it
// names none.
func (lx *Lexicon) latestPartOfYear(text string) (year, month int) {
	for _, p := range lx.partsOfYears(text) {
		y, m := p.year, partEndMonth(p.tail)
		if m > 0 && (y > year || y == year && m > month) {
			year, month = y, m
		}
	}
	return year, month
}

// partEndMonth is the last month of a part of a year as written after 年:
// 上半年 → 6, 前三季度 → 9, 一季度 → 3, 1-4月 → 4, 10月 → 10.
func partEndMonth(s string) int {
	switch {
	case strings.Contains(s, "上半年"):
		return 6
	case strings.Contains(s, "三季度"):
		return 9
	case strings.Contains(s, "二季度"):
		return 6
	case strings.Contains(s, "一季度"):
		return 3
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), "月")
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] >= '0' && s[i] <= '9'; i-- {
		n = int(s[i]-'0')*pow10(len(s)-1-i) + n
	}
	if n < 1 || n > 12 {
		return 0
	}
	return n
}

func pow10(n int) int {
	p := 1
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// partOfYearRe is a year named with a part of it up to a date.
var partOfYearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*(?:上半年|前三季度|[一二三]季度|第[一二三]季度|1?\d\s*[-—至~]\s*1?\d\s*月|1?\d\s*月)`)

// latestDeadline is the latest year text names as a target's deadline (到
// 2025年, 力争2022年, 2022年底前), 0 when it names none.
func (lx *Lexicon) latestDeadline(text string) int {
	best := 0
	forEachYear(text, func(y, start, after int) {
		if y <= best {
			return
		}
		before := strings.TrimRight(text[:start], " ")
		rest := strings.TrimLeft(text[after:], " ")
		due := strings.HasPrefix(rest, "底前") || strings.HasPrefix(rest, "年底前") || lx.dueBefore(before) || lx.targetIn(before, rest)
		if due {
			best = y
		}
	})
	return best
}

// dueBefore reports text (what precedes a year) ending on a word that makes
// the year a deadline: 力争, 确保, 争取, 计划, 到.
func (lx *Lexicon) dueBefore(before string) bool {
	before = strings.TrimRight(before, " ")
	// 力争至2023年底, 确保在2022年: a plan word, then a preposition.
	for _, p := range lx.DueByMids {
		if t := strings.TrimSuffix(before, p); t != before {
			before = strings.TrimRight(t, " ")
			break
		}
	}
	return endsWithAny(before, lx.DueBy)
}

// latestPastYear is the latest year text names other than as a deadline or
// a span's end, 0 when it names none.
func (lx *Lexicon) latestPastYear(text string) int {
	deadline := lx.deadlineYears(text)
	best := 0
	for y := range lx.yearCounts(text, false) {
		if !deadline[y] && y > best {
			best = y
		}
	}
	return best
}

// latestReviewed is the latest year a sentence of text opens on to give an
// account of it (2022年，全区…; 2021年以来), 0 when none does.
func (lx *Lexicon) latestReviewed(text string) int {
	best := 0
	for _, st := range lx.yearStatements(text) {
		// 2016年以来… runs up to now: it names no year reviewed.
		if !st.ahead && !st.since && st.year > best {
			best = st.year
		}
	}
	return best
}

// The lexicon's inspectionYearRe finds the year in the sentence that says when the
// inspection took place: 2022年3月1日至4月30日，市委第一轮巡察组对….

func (lx *Lexicon) inspectionYear(text string) int {
	if !containsAny(text, lx.InspectionWords) {
		return 0 // inspectionYearRe cannot match: skip the scan
	}
	if m := lx.inspectionYearRe.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

func atoiYear(v string) int {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), "年"))
	if err != nil || n < 1949 || n > 2100 {
		return 0
	}
	return n
}

// yearCounts counts the mentions of each year written as "2024年" (digits
// may be separated from 年 by spaces), leaving out the years that open a
// span (2021—2023年) and, with noBases, the bases of a comparison
// (比2018年增加).
func (lx *Lexicon) yearCounts(s string, noBases bool) map[int]int {
	c := map[int]int{}
	forEachYear(s, func(y, start, _ int) {
		if !lx.endsRange(s[:start]) && !(noBases && lx.endsBase(s[:start])) {
			c[y]++
		}
	})
	return c
}

// forEachYear calls fn for every year of s written as four digits and 年
// (2024年, 2024 年), 1949–2100, with the offsets of its digits and of the
// text after 年. It scans for 年 rather than running a regular expression
// over the whole text.
func forEachYear(s string, fn func(y, start, after int)) {
	for off := 0; ; {
		i := strings.Index(s[off:], "年")
		if i < 0 {
			return
		}
		j := off + i
		off = j + len("年")
		k := j
		for k > 0 && s[k-1] == ' ' {
			k--
		}
		if k < 4 || !isDigits(s[k-4:k]) || (k > 4 && s[k-5] >= '0' && s[k-5] <= '9') {
			continue
		}
		if y, _ := strconv.Atoi(s[k-4 : k]); y >= 1949 && y <= 2100 {
			fn(y, k-4, off)
		}
	}
}

// endsRange reports whether before ends with the first year of a span and
// its dash, so that the year after it closes a programme's span
// (行动计划（2021—2023年）) rather than naming a year the notice talks about.
func (lx *Lexicon) endsRange(before string) bool {
	for _, d := range lx.RangeDashes {
		if rest, ok := strings.CutSuffix(before, d); ok {
			rest = strings.TrimSuffix(rest, "年")
			return len(rest) >= 4 && isDigits(rest[len(rest)-4:])
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (lx *Lexicon) mostMentioned(s string) int {
	best, n := 0, 0
	for y, c := range lx.yearCounts(s, false) {
		if c > n || (c == n && y > best) {
			best, n = y, c
		}
	}
	return best
}

func (in *inference) finish() {
	if in.m.Title == "" {
		in.m.Title = Unknown
	}
}

var (
	// periodRangeRe is a plan's span of years: (2022—2025年), 规划期为
	// 2022—2025年, 2019年至2022年.
	periodRangeRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年?\s*(?:-|—|–|－|~|～|至|到)\s*((?:19|20)\d{2})\s*年`)
	// namedPeriodRe is a five-year plan named in a title: “十四五”…规划.
	namedPeriodRe = regexp.MustCompile(`[“"]?(十[一二三四五]五)[”"]?`)
)

// planPeriod is the year a plan over several years ends in, when the
// notice is about one: its title names a plan and its span (十四五, 2022—
// 2024年) or a target year ahead (到2022年…), or its opening reports the
// issue of a plan with its span. prevEnd is the end of the five-year period
// before, when the text gives an account of it (“十三五”期间，…), else 0.
func (in *inference) planPeriod(P int) (end, prevEnd int, ok bool) {
	lx := in.lx
	title := in.m.Title
	start := 0
	ahead := func(y int) bool { return y >= 2000 && (P == 0 || y >= P) }
	if lx.planWordRe.MatchString(title) && !lx.doneRe.MatchString(title) {
		if m := periodRangeRe.FindStringSubmatch(title); m != nil {
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			if b > a && ahead(b) {
				start, end = a, b
			}
		}
		if end == 0 {
			if m := namedPeriodRe.FindStringSubmatch(title); m != nil && ahead(lx.PlanPeriods[m[1]]) {
				end = lx.PlanPeriods[m[1]]
				start = end - 4
			}
		}
	}
	if end == 0 {
		if m := lx.titleTargetRe.FindStringSubmatch(title); m != nil {
			if y, _ := strconv.Atoi(m[1]); ahead(y) && (P == 0 || y > P || lx.planWordRe.MatchString(title)) {
				end = y
			}
		}
	}
	if first := firstSentence(in.doc.Text); end == 0 && lx.issuedRe.MatchString(first) {
		for _, m := range periodRangeRe.FindAllStringSubmatch(first, -1) {
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			if b > a && ahead(b) {
				start, end = a, b
				break
			}
		}
		// 印发《贵州信息通信行业“十四五”规划》: the plan's name gives its
		// period.
		for _, m := range lx.issuedPlanRe.FindAllStringSubmatch(first, -1) {
			if e := lx.PlanPeriods[m[1]]; end == 0 && ahead(e) {
				start, end = e-4, e
			}
		}
	}
	if end == 0 {
		return 0, 0, false
	}
	for _, m := range lx.prevPeriods(in.doc.Text) {
		if e := lx.PlanPeriods[m[1]]; e > 0 && (start == 0 || e < start) && e < end && e > prevEnd {
			prevEnd = e
		}
	}
	return end, prevEnd, true
}

// relaysPlanOnly reports a notice about a plan just issued — its opening
// reports the issue (印发《…实施方案》) and the text comes back to the plan
// (以下简称《方案》, 《规划》提出…), or it forwards the plan (现印发给你们) —
// whose text gives no account of work done: it sets out the plan's years
// and reviews none. A plan mentioned once in passing does not make the
// notice about it.
func (in *inference) relaysPlanOnly() bool {
	lx := in.lx
	switch in.m.DocType {
	case TypeConference, TypeKeyPoints, TypeRectification, TypeSigned, TypeReport:
		return false // accounts by their nature
	}
	text := in.doc.Text
	about := strings.Contains(in.lead, "现印发给你们") ||
		lx.reportsIssue(in.lead) && (strings.Count(text, "《") >= 2 || strings.Contains(text, "以下简称"))
	return about && !lx.givesAccount(text)
}

// reportsIssue reports text that reports a plan, a policy or key points
// issued: 印发了《…行动计划》, 《…“十四五”规划》正式发布.
func (lx *Lexicon) reportsIssue(lead string) bool {
	for i := 0; ; {
		j := strings.Index(lead[i:], "《")
		if j < 0 {
			return false
		}
		open := i + j
		k := strings.Index(lead[open:], "》")
		if k < 0 {
			return false
		}
		name := lead[open+len("《") : open+k]
		i = open + k + len("》")
		if n := utf8.RuneCountInString(name); n < 2 || n > 72 || !containsAny(lastRunes(name, 14), lx.PlanNames) {
			continue
		}
		before := lastRunes(lead[:open], 14)
		if c := strings.LastIndexAny(before, "。，,；\n"); c >= 0 {
			before = before[c:]
		}
		after := firstRunes(lead[i:], 8)
		if c := strings.IndexAny(after, "。，,；\n"); c >= 0 {
			after = after[:c]
		}
		if containsAny(before, lx.RelayWords) || containsAny(after, lx.RelayWords) {
			return true
		}
	}
}

// lastRunes is the last n runes of s; firstRunes the first n.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// givesAccount reports text marking an account of work done (accountWords,
// 已 before one of accountAfterYi).
func (lx *Lexicon) givesAccount(text string) bool {
	if containsAny(text, lx.AccountWords) {
		return true
	}
	for i := strings.Index(text, "已"); i >= 0; {
		rest := strings.TrimPrefix(text[i+len("已"):], "经")
		if startsWithAny(rest, lx.AccountAfterYi) {
			return true
		}
		j := strings.Index(text[i+len("已"):], "已")
		if j < 0 {
			break
		}
		i += len("已") + j
	}
	return false
}
