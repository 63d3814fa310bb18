package extract

import "strings"

// This file types the evidence a figure's kind is decided on: which marker
// decides its mood (a modal, a past aspect marker, a deadline, a year
// before or after the notice's own) and where it stands (the figure's
// clause, after it, an earlier clause, a later one), the part of the
// notice, a target named in a review, the mood the paragraph and the
// notice lean to. Each cue is a kind of evidence, never a word: the words
// behind each are the lexicon's lists (data/lexicon.yaml).
//
// kindOf decides on part of them (planned); the whole set is written, per
// figure, by TestKindDump for testdata/kindmodel/train.py, which learns a
// linear model on them from the labelled dev notices and scores it set by
// set, each set held out in turn. That is how a change to the decision is
// judged: by the sets it was not tuned on.

// Kind cues (bit positions of kindCues).
const (
	kcBias           = iota
	kcOwnFuture      // the nearest marker before the figure in its clause is a modal (力争, 将建成)
	kcOwnPast        // … is a marker of something done (已, 累计, 截至)
	kcOwnDeadline    // … is a deadline still ahead (到2025年, 2025年底前)
	kcOwnYearAhead   // … is a year after the notice's own (2027年，…)
	kcOwnYearBehind  // … is a year or deadline before the notice's own
	kcAfterFuture    // no marker before it in its clause; one after it plans
	kcAfterPast      // … one after it reports (10个单位已全部签订)
	kcEarlierFuture  // the nearest marker is in an earlier clause and plans
	kcEarlierPast    // … and reports
	kcEarlierYear    // that marker is a year or deadline (not a word)
	kcNone           // no marker in the sentence
	kcLe             // 了 right before the figure (建设了近350个)
	kcMixed          // the figure's clause has markers of both moods before it
	kcPlanPart       // the sentence is in the notice's plan part (or the notice only plans)
	kcReviewPart     // the sentence is in the notice's review part
	kcNoneInPlan     // no marker, in the plan part
	kcCarriedBy      // the paragraph opened on a deadline, or an earlier sentence of it planned
	kcCarriedAhead   // the paragraph opened on a year after the notice's own
	kcCarriedBehind  // … on a year before it
	kcQuoted         // a target named as such (年度目标(3万个), …的目标任务)
	kcQuotedMet      // … said to be met (超额完成, 提前完成)
	kcEstimate       // the deciding modal is an estimate (预计, 预期)
	kcEvent          // a count of events (meetings, checks)
	kcPlansAhead     // the notice reviews one year and plans a later one
	kcNoPublished    // the publication date is unknown
	kcSentenceFuture // the sentence has a modal anywhere
	kcSentencePast   // the sentence has a marker of something done anywhere
	kcLaterFuture    // the nearest marker in a later clause plans (…，力争年底全部完成)
	kcLaterPast      // … reports
	kcLaterYearAhead // a year after the notice's own later in the sentence (…，在2025年达到80%)
	kcTargetAfter    // a target word later in the sentence (…等建设目标, …的建设要求)
	kcAtLeast        // a floor: 以上, 不低于, 至少 (at_least)
	kcOver           // 超, 超过, 余 (over)
	kcPlansOnly      // the notice plans and reviews no year
	kcDocPlans       // the notice's sentences so far plan more than they report
	kcDocReports     // … report more than they plan
	kcParaPlans      // the paragraph's sentences so far plan more than they report
	kcParaReports    // … report more than they plan
	nKindCues
)

// kindCueNames name the cues in training dumps.
var kindCueNames = [nKindCues]string{
	"bias", "own_future", "own_past", "own_deadline", "own_year_ahead", "own_year_behind",
	"after_future", "after_past", "earlier_future", "earlier_past", "earlier_year", "none", "le",
	"mixed", "plan_part", "review_part", "none_in_plan", "carried_by", "carried_ahead",
	"carried_behind", "quoted", "quoted_met", "estimate", "event", "plans_ahead", "no_published",
	"sentence_future", "sentence_past", "later_future", "later_past", "later_year_ahead",
	"target_after", "at_least", "over", "plans_only", "doc_plans", "doc_reports",
	"para_plans", "para_reports",
}

// kindCues is the set of cues of one figure, as a bit set.
type kindCues uint64

func (c *kindCues) set(k int) { *c |= 1 << uint(k) }

func (c kindCues) has(k int) bool { return c&(1<<uint(k)) != 0 }

// String lists the cues by name, for training dumps and tests.
func (c kindCues) String() string {
	var b strings.Builder
	for k := 0; k < nKindCues; k++ {
		if c.has(k) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(kindCueNames[k])
		}
	}
	return b.String()
}

// moodCand is a marker that may decide a figure's mood: a modal or aspect
// marker, or a time expression read against the notice's own year.
type moodCand struct {
	pos    int
	future bool
	// local reports a word of planning that decides its own clause only.
	local bool
	// time reports a time expression (a deadline, a year), not a word.
	time bool
	// deadline reports a deadline (到2025年).
	deadline bool
}

// Where the deciding marker of a figure stands.
const (
	slotNone = iota
	slotOwn
	slotAfter
	slotEarlier
)

// moodCands collects the markers that may decide a figure's mood, in the
// order of marks.moods then marks.times.
func (e *Extractor) moodCands(rs []rune, f figure, marks *sentenceMarks, ctx *docContext) []moodCand {
	cands := make([]moodCand, 0, len(marks.moods)+len(marks.times))
	for _, m := range marks.moods {
		cands = append(cands, moodCand{pos: m.pos, future: m.future, local: m.local})
	}
	sentenceFuture, _ := marks.moodsOf()
	for _, t := range marks.times {
		if t.start >= f.start || !governs(rs, t, f) {
			continue
		}
		now := ctx.now
		switch t.kind {
		case tBy:
			// A deadline read as past only on the year an undated notice
			// reviews is weak evidence: a modal in the sentence overrules it.
			if ctx.reviewedPast(t.year) && sentenceFuture {
				continue
			}
			cands = append(cands, moodCand{pos: t.start, future: ctx.deadlineAhead(t.year), time: true, deadline: true})
		case tIn, tRange, tPeriod:
			switch {
			case now > 0 && t.year != now:
				cands = append(cands, moodCand{pos: t.start, future: t.year > now, time: true})
			case ctx.reviewedPast(t.year) && !sentenceFuture:
				// “十三五”期间… in an undated notice that reviews 2020 and
				// plans to 2025: the year reviewed is done.
				cands = append(cands, moodCand{pos: t.start, time: true})
			}
		}
	}
	return cands
}

// deadlineAhead reports whether a deadline (到2023年底, 2023年底前) is still
// ahead of the notice: not before the publication year. Without a
// publication date the notice's year is inferred: a deadline in or before
// the year it reviews is past (到2023年底…达到 in a review of 2023 is what
// was reached), unless that year is also the year it plans (a report on
// this year's work so far); in a notice that reviews no year, an earlier
// deadline of a plan (到2020年底 in a plan to 2022) is no account of the
// past either.
func (c *docContext) deadlineAhead(year int) bool {
	if c.reviewedPast(year) {
		return false
	}
	return c.now == 0 || year >= c.now || c.pub == 0 && c.reviewed == 0
}

// reviewedPast reports a year an undated notice gives an account of: in or
// before the year it reviews, and not the year it plans.
func (c *docContext) reviewedPast(year int) bool {
	return c.pub == 0 && c.reviewed > 0 && year <= c.reviewed && year != c.plan
}

// decidingMood picks the nearest decisive marker of a figure: in its own
// clause before it, else after it (10个单位已全部签订) unless a new
// predicate intervenes, else in an earlier clause of its sentence.
func decidingMood(rs []rune, f figure, cands []moodCand) (moodCand, int) {
	cs, ce := minorStart(rs, f.start), minorEnd(rs, f.end)
	best, bestAfter, bestEarlier := -1, -1, -1
	for i, c := range cands {
		switch {
		case c.pos >= cs && c.pos < f.start:
			if best < 0 || c.pos > cands[best].pos {
				best = i
			}
		case c.pos >= f.end && c.pos < ce && !newPredicate(rs[f.end:c.pos]):
			if bestAfter < 0 || c.pos < cands[bestAfter].pos {
				bestAfter = i
			}
		case c.pos < cs && !c.local:
			if bestEarlier < 0 || c.pos > cands[bestEarlier].pos {
				bestEarlier = i
			}
		}
	}
	switch {
	case best >= 0:
		return cands[best], slotOwn
	case bestAfter >= 0:
		return cands[bestAfter], slotAfter
	case bestEarlier >= 0:
		return cands[bestEarlier], slotEarlier
	}
	return moodCand{}, slotNone
}

// kindCuesOf reads the cues of a figure. partPlan reports a sentence in the
// plan part (or in a notice that only plans), review one in the review
// part; carried is the year its paragraph opened on (0 when none).
func (e *Extractor) kindCuesOf(rs []rune, f figure, marks *sentenceMarks, partPlan, review, event, quoted bool, carried int, ctx *docContext) kindCues {
	var c kindCues
	c.set(kcBias)
	cands := e.moodCands(rs, f, marks, ctx)
	d, slot := decidingMood(rs, f, cands)
	switch slot {
	case slotOwn:
		switch {
		case d.deadline && d.future:
			c.set(kcOwnDeadline)
		case d.time && d.future:
			c.set(kcOwnYearAhead)
		case d.time:
			c.set(kcOwnYearBehind)
		case d.future:
			c.set(kcOwnFuture)
		default:
			c.set(kcOwnPast)
		}
	case slotAfter:
		if d.future {
			c.set(kcAfterFuture)
		} else {
			c.set(kcAfterPast)
		}
	case slotEarlier:
		if d.future {
			c.set(kcEarlierFuture)
		} else {
			c.set(kcEarlierPast)
		}
		if d.time {
			c.set(kcEarlierYear)
		}
	default:
		c.set(kcNone)
		if partPlan {
			c.set(kcNoneInPlan)
		}
	}
	// 建设了近350个: 了 right before a figure is done.
	if k := f.start - 1; k >= 0 && (rs[k] == '了' || (k > 0 && rs[k-1] == '了' && e.lex.prefixQual(rs, f.numStart) != "")) {
		c.set(kcLe)
	}
	cs := minorStart(rs, f.start)
	var fut, past bool
	for _, cd := range cands {
		if cd.pos >= cs && cd.pos < f.start {
			if cd.future {
				fut = true
			} else {
				past = true
			}
		}
	}
	if fut && past {
		c.set(kcMixed)
	}
	sf, sp := marks.moodsOf()
	if sf {
		c.set(kcSentenceFuture)
	}
	if sp {
		c.set(kcSentencePast)
	}
	if partPlan {
		c.set(kcPlanPart)
	}
	if review {
		c.set(kcReviewPart)
	}
	if marks.carriedBy {
		c.set(kcCarriedBy)
	}
	if carried > 0 && ctx.now > 0 && carried != ctx.now {
		if carried > ctx.now {
			c.set(kcCarriedAhead)
		} else {
			c.set(kcCarriedBehind)
		}
	}
	if quoted {
		c.set(kcQuoted)
		if e.saysMet(rs, f) {
			c.set(kcQuotedMet)
		}
	}
	if slot != slotNone && d.future && !d.time && anyAt(rs, d.pos, e.lex.EstimateWords) {
		c.set(kcEstimate)
	}
	if event {
		c.set(kcEvent)
	}
	if ctx.reviewed > 0 && ctx.plan > ctx.reviewed {
		c.set(kcPlansAhead)
	}
	if ctx.pub == 0 {
		c.set(kcNoPublished)
	}
	if ctx.plansOnly {
		c.set(kcPlansOnly)
	}
	switch marks.docLean {
	case 1:
		c.set(kcDocPlans)
	case -1:
		c.set(kcDocReports)
	}
	switch marks.paraLean {
	case 1:
		c.set(kcParaPlans)
	case -1:
		c.set(kcParaReports)
	}
	switch f.qual {
	case "at_least":
		c.set(kcAtLeast)
	case "over":
		c.set(kcOver)
	}
	if future, ok := laterMood(rs, f, marks); ok {
		if future {
			c.set(kcLaterFuture)
		} else {
			c.set(kcLaterPast)
		}
	}
	for _, t := range marks.times {
		if t.start >= f.end && ctx.now > 0 && t.year > ctx.now && (t.kind == tIn || t.kind == tBy || t.kind == tPeriod) {
			c.set(kcLaterYearAhead)
			break
		}
	}
	if hasWordAfter(rs, f.end, e.lex.TargetRefs) {
		c.set(kcTargetAfter)
	}
	return c
}

// laterMood is the mood of the nearest modal or aspect marker in a clause
// after the figure's own (…192个光纤未通村…制定覆盖方案，力争年底全部完成);
// ok is false when there is none.
func laterMood(rs []rune, f figure, marks *sentenceMarks) (future, ok bool) {
	ce := minorEnd(rs, f.end)
	later := -1
	for i, m := range marks.moods {
		if m.pos >= ce && !m.local && (later < 0 || m.pos < marks.moods[later].pos) {
			later = i
		}
	}
	if later < 0 {
		return false, false
	}
	return marks.moods[later].future, true
}

// hasWordAfter reports one of words in rs[from:].
func hasWordAfter(rs []rune, from int, words []string) bool {
	for k := from; k < len(rs); k++ {
		if anyAt(rs, k, words) {
			return true
		}
	}
	return false
}
