package meta

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/policylens/policylens/data"
)

// Lexicon holds the word lists the metadata inference reads a notice with
// (data/meta_lexicon.yaml): organisation words, the words by which a text
// speaks for its own unit, and the words around dates and years. They are
// data so that they are edited without touching Go; the file's digest is
// part of the loader's resources version, so an edited list rebuilds the
// metadata on the next load. The grammar around the words stays in Go.
type Lexicon struct {
	OrgSuffixes      []string          `yaml:"org_suffixes"`
	LeaderOffices    map[string]string `yaml:"leader_offices"`
	OrgAbbreviations map[string]string `yaml:"org_abbreviations"`
	NotAfterWei      []string          `yaml:"not_after_wei"`
	LevelOrgSuffixes []string          `yaml:"level_org_suffixes"`
	LevelOrgOpeners  []string          `yaml:"level_org_openers"`
	SourceFields     []string          `yaml:"source_fields"`

	GenericPlaces []string `yaml:"generic_places"`
	OperatorAfter []string `yaml:"operator_after"`
	ScopeWords    struct {
		County   []string `yaml:"county"`
		District []string `yaml:"district"`
		City     []string `yaml:"city"`
		Province []string `yaml:"province"`
	} `yaml:"scope_words"`

	PlanPeriods    map[string]int `yaml:"plan_periods"`
	Recent         []string       `yaml:"recent"`
	AsOfOpeners    []string       `yaml:"as_of_openers"`
	DeadlineModals []string       `yaml:"deadline_modals"`
	YearBases      []string       `yaml:"year_bases"`
	DueBy          []string       `yaml:"due_by"`
	DueByMids      []string       `yaml:"due_by_mids"`
	RangeDashes    []string       `yaml:"range_dashes"`
	RelayWords     []string       `yaml:"relay_words"`
	PlanNames      []string       `yaml:"plan_names"`
	AccountWords   []string       `yaml:"account_words"`
	AccountAfterYi []string       `yaml:"account_after_yi"`

	DeadlineWords []string `yaml:"deadline_words"`
	BaseWords     []string `yaml:"base_words"`
	SinceWords    []string `yaml:"since_words"`
	PlanWords     []string `yaml:"plan_words"`
	AheadWords    []string `yaml:"ahead_words"`
	AheadMids     []string `yaml:"ahead_mids"`
	AsOfWords     []string `yaml:"as_of_words"`
	AgendaWorks   []string `yaml:"agenda_works"`
	AgendaWords   []string `yaml:"agenda_words"`
	GoalWords     []string `yaml:"goal_words"`
	LeadVerbs     []string `yaml:"lead_verbs"`
	PastLeadWords []string `yaml:"past_lead_words"`
	ForwardWords  []string `yaml:"forward_words"`
	ForwardModals []string `yaml:"forward_modals"`
	ForwardVerbs  []string `yaml:"forward_verbs"`
	PresentWords  []string `yaml:"present_words"`
	ThisYearWords []string `yaml:"this_year_words"`
	EventWords    []string `yaml:"event_words"`
	EventHosts    []string `yaml:"event_hosts"`

	AuthorTitles         []string `yaml:"author_titles"`
	NotAuthorWords       []string `yaml:"not_author_words"`
	PolicyTitleEnds      []string `yaml:"policy_title_ends"`
	InspectionWords      []string `yaml:"inspection_words"`
	StudyWords           []string `yaml:"study_words"`
	KeyPointsWords       []string `yaml:"key_points_words"`
	SignedWords          []string `yaml:"signed_words"`
	ReportTitleWords     []string `yaml:"report_title_words"`
	ConferenceNames      []string `yaml:"conference_names"`
	ConferenceTitleNames []string `yaml:"conference_title_names"`

	// NowWords say how things stand at the time of writing (目前, 现已);
	// HorizonTaskWords set out tasks in a sentence naming a span of years
	// ahead without a modal (三年内新建…).
	NowWords         []string `yaml:"now_words"`
	HorizonTaskWords []string `yaml:"horizon_task_words"`

	// The words inside the year and date expressions (see the file for
	// each); the expressions are built from them in ParseLexicon.
	ReviewVerbs         []string `yaml:"review_verbs"`
	AheadSentenceWords  []string `yaml:"ahead_sentence_words"`
	TaskLeads           []string `yaml:"task_leads"`
	TaskGoalWords       []string `yaml:"task_goal_words"`
	TaskVerbs           []string `yaml:"task_verbs"`
	ThisYearTimes       []string `yaml:"this_year_times"`
	ThisYearTimesBefore []string `yaml:"this_year_times_before"`
	WholeYearWords      []string `yaml:"whole_year_words"`
	NextYearWords       []string `yaml:"next_year_words"`
	MetGoalVerbs        []string `yaml:"met_goal_verbs"`
	TitleWorks          []string `yaml:"title_works"`
	TitleReviewParts    []string `yaml:"title_review_parts"`
	TitleReviewWords    []string `yaml:"title_review_words"`
	TitlePlanWords      []string `yaml:"title_plan_words"`
	GovReportNames      []string `yaml:"gov_report_names"`
	ConferenceYearWords []string `yaml:"conference_year_words"`
	ReportTitles        []string `yaml:"report_titles"`
	PlanTitleWords      []string `yaml:"plan_title_words"`
	DoneVerbs           []string `yaml:"done_verbs"`
	TitleTargetLeads    []string `yaml:"title_target_leads"`
	IssueVerbs          []string `yaml:"issue_verbs"`
	IssuedPlanWords     []string `yaml:"issued_plan_words"`
	PeriodSpans         []string `yaml:"period_spans"`
	DateFields          []string `yaml:"date_fields"`
	DatelineLabels      []string `yaml:"dateline_labels"`
	BulletinSubjects    []string `yaml:"bulletin_subjects"`
	BulletinWords       []string `yaml:"bulletin_words"`
	BareBulletinWords   []string `yaml:"bare_bulletin_words"`
	EventMeetingWords   []string `yaml:"event_meeting_words"`
	TargetVerbs         []string `yaml:"target_verbs"`
	SinceOpeners        []string `yaml:"since_openers"`
	SinceEnds           []string `yaml:"since_ends"`

	// Timeline is the scored rule table that weighs the evidence of a
	// notice's timeline (timeline.go): a weight per cue, and the total a
	// year needs to be taken.
	Timeline struct {
		UnknownBelow *float64           `yaml:"unknown_below"`
		Cues         map[string]float64 `yaml:"cues"`
	} `yaml:"timeline"`

	// Compiled once when the lexicon is parsed, never per notice.
	orgSuffixRe   *regexp.Regexp
	levelOrgRe    *regexp.Regexp
	sourceFieldRe *regexp.Regexp
	// authorRe is a signed article's credit: an office holder named in a
	// byline (福建省通信管理局党组书记、局长  张三) or at the end of the
	// text (（作者系福建省通信管理局党组书记、局长张三）). A reporter's
	// credit (作者：记者 李四) names no office and does not count.
	authorRe *regexp.Regexp
	// policyRe is a policy document's title: it ends on what it is
	// (…实施方案, …若干措施（试行）).
	policyRe *regexp.Regexp
	// rectifyRe is a rectification report: 巡察…整改, 整改落实情况的通报.
	rectifyRe *regexp.Regexp
	// inspectionYearRe finds the year in the sentence that says when an
	// inspection took place (2021年…巡察).
	inspectionYearRe *regexp.Regexp
	// conferenceRe is a year's work conference: 2025年…工作会议.
	conferenceRe *regexp.Regexp
	// conferenceTitleRe is a work conference without a year in the title:
	// 江苏省通信管理局召开全省信息通信行业工作会议.
	conferenceTitleRe *regexp.Regexp

	// The year and date expressions of years.go and meta.go, built from
	// the lists above by compileYearExpressions.
	//
	// reviewPhraseRe and planPhraseRe are a lead's review or plan of a
	// year: 回顾2023年, 部署2024年 (展望2035年 is an outlook, not the year
	// whose tasks a notice sets out).
	reviewPhraseRe, planPhraseRe *regexp.Regexp
	// aheadRe marks a sentence about the work ahead: 2023年，全市将新建…;
	// 2024年是…关键之年; 2023年全区工作的总体要求是….
	aheadRe *regexp.Regexp
	// thisYearAheadRe is a task for the year of publication (今年力争新增…,
	// 年内将建成…; a mid-year report's tasks for the rest of its year count
	// too: 下半年，各地要…, 确保全年新建…), nextYearAheadRe one for the year
	// after (明年将…). Their anchors are in every match: a text without
	// any cannot match, and matches reach at most 20 characters and a word
	// (under 128 bytes) from them (matchNear).
	thisYearAheadRe, nextYearAheadRe           *regexp.Regexp
	thisYearAheadAnchors, nextYearAheadAnchors []string
	// titleReviewRe and titlePlanRe are a title's own account of its years:
	// 2021年工作总结及2022年工作打算 reviews 2021 and plans 2022.
	titleReviewRe, titlePlanRe *regexp.Regexp
	// govReportRe is a government work report of year Y (2022年珠海市斗门区
	// 政府工作报告): like a work conference, it plans Y and reviews Y-1.
	govReportRe *regexp.Regexp
	// monthDeadlineRe is a month named as a deadline with a plan word near
	// it: 10月末计划完工, 力争12月底前完成, 计划于11月底.
	monthDeadlineRe *regexp.Regexp
	// metGoalRe is a goal said to be met: 实现…全覆盖目标, 完成年度目标.
	metGoalRe *regexp.Regexp
	// reportYearRe is an annual report or bulletin of a year, named with it:
	// 《2024年河北省信息通信行业发展报告》, 2024年度《广西互联网发展报告》,
	// 《浙江省互联网发展报告2021》, 2023年统计公报. Such a report comes out in
	// the year after the one it covers. (A government work report, given in
	// the year it plans, is not one.) Every match holds one of ReportTitles.
	reportYearRe *regexp.Regexp
	// planWordRe is a title naming a plan; doneRe one reporting a plan's
	// target met (提前完成“十四五”…).
	planWordRe, doneRe *regexp.Regexp
	// titleTargetRe is a target year a title names: 到2022年投资200亿元,
	// 力争2023年底建成….
	titleTargetRe *regexp.Regexp
	// issuedRe is an opening reporting a plan's issue (印发了《…》),
	// issuedPlanRe a five-year plan issued by name (《…“十四五”规划》).
	issuedRe, issuedPlanRe *regexp.Regexp
	// prevPeriodRe is an account of a five-year period: “十三五”期间.
	prevPeriodRe *regexp.Regexp
	// dateFieldRe is a page's date field at the start of a line of the
	// text (发布日期：, 成文日期：, 发表时间:); datelineRe a date label
	// anywhere in a page's date line (时间：2024-07-08).
	dateFieldRe, datelineRe *regexp.Regexp
	// conferenceYear is a year's work conference or key points named with
	// the year: 2024年全省信息通信行业工作会议.
	conferenceYear *regexp.Regexp
	// asOfDateRe is a 截至 date with a year: 截至2024年10月底, 截至2018年底.
	asOfDateRe *regexp.Regexp
	// bulletinRe is a bulletin's title: …整改工作情况的通报, …通报.
	bulletinRe *regexp.Regexp
	// deadlineYearRe is a year named as a deadline or a goal (到2025年,
	// 力争2022年), not one the text reports on.
	deadlineYearRe *regexp.Regexp
	// asOfMonthRe is progress up to a month of the present year: 截至4月底.
	asOfMonthRe *regexp.Regexp
	// targetYearRe is a year a target is set for with 在: 在2025年达到80%,
	// 在2022年底前实现 (a plan's wording: no 了 after the verb).
	targetYearRe *regexp.Regexp
	// eventNameRe is an event named with its year: 2023重庆市数字乡村…推进会,
	// 2020中国福建互联网大会, 2024年世界互联网大会.
	eventNameRe *regexp.Regexp
	// sinceClauseRe is an account running from a year to the present with
	// words between: 自2022年芜湖数据中心集群启动建设以来, 从2019年开始.
	// sinceStarts (an opener and a year's first digits) are in every match.
	sinceClauseRe *regexp.Regexp
	sinceStarts   []string

	genericPlace map[string]bool
	periodNames  []string
	timeline     *timelineTable
}

// ParseLexicon parses a lexicon in the format of data/meta_lexicon.yaml,
// checks that no list is missing or empty, and compiles what the
// inference matches with.
func ParseLexicon(b []byte) (*Lexicon, error) {
	l := &Lexicon{}
	if err := yaml.Unmarshal(b, l); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	for name, n := range l.sizes() {
		if n == 0 {
			return nil, fmt.Errorf("list %q is missing or empty", name)
		}
	}
	for p, y := range l.PlanPeriods {
		if y < 1950 || y > 2100 || p == "" {
			return nil, fmt.Errorf("plan_periods: %q: year %d", p, y)
		}
	}
	offices := make([]string, 0, len(l.LeaderOffices))
	for t := range l.LeaderOffices {
		offices = append(offices, t)
	}
	l.orgSuffixRe = regexp.MustCompile(`^(?:省|市|县|区)?(` + alternation(append(offices, l.OrgSuffixes...), true) + `)`)
	l.levelOrgRe = regexp.MustCompile(`(?:^|[^\p{Han}]|` + alternation(l.LevelOrgOpeners, false) + `)(省|市|州|盟|县|区)(` +
		alternation(l.LevelOrgSuffixes, true) + `)`)
	l.sourceFieldRe = regexp.MustCompile(`(?:` + alternation(l.SourceFields, false) + `)\s*[:：]\s*([^\s:：|｜]+)`)
	l.authorRe = regexp.MustCompile(`(` + alternation(l.AuthorTitles, true) + `)[、\s]*\p{Han}{2,4}\s*[)）]?\s*$`)
	l.policyRe = regexp.MustCompile(`(` + alternation(l.PolicyTitleEnds, true) + `)\s*([（(][^）)]{0,20}[）)])?$`)
	l.rectifyRe = regexp.MustCompile(`(` + alternation(l.InspectionWords, true) + `)[^。\n]{0,20}整改|整改(进展|落实|工作)?情况的?(通报|报告)`)
	l.inspectionYearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年[^。；\n]{0,60}?(` + alternation(l.InspectionWords, true) + `)`)
	l.conferenceRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年(?:度)?[^。，,\n]{0,16}?(` + alternation(l.ConferenceNames, true) + `)`)
	titleNames := alternation(l.ConferenceTitleNames, true)
	l.conferenceTitleRe = regexp.MustCompile(`召开[^。，,]{0,30}(` + titleNames + `)|(` + titleNames + `)(召开|在\S{2,6}召开)?$`)
	l.compileYearExpressions()
	l.genericPlace = map[string]bool{}
	for _, w := range l.GenericPlaces {
		l.genericPlace[w] = true
	}
	for p := range l.PlanPeriods {
		l.periodNames = append(l.periodNames, p)
	}
	t, err := newTimelineTable(l.Timeline.UnknownBelow, l.Timeline.Cues)
	if err != nil {
		return nil, err
	}
	l.timeline = t
	slices.Sort(l.periodNames)
	return l, nil
}

// sizes is the length of every list and map of the lexicon, by its name in
// the file.
func (l *Lexicon) sizes() map[string]int {
	return map[string]int{
		"org_suffixes": len(l.OrgSuffixes), "leader_offices": len(l.LeaderOffices),
		"org_abbreviations": len(l.OrgAbbreviations), "not_after_wei": len(l.NotAfterWei),
		"level_org_suffixes": len(l.LevelOrgSuffixes), "level_org_openers": len(l.LevelOrgOpeners),
		"source_fields": len(l.SourceFields), "generic_places": len(l.GenericPlaces),
		"operator_after": len(l.OperatorAfter), "scope_words.county": len(l.ScopeWords.County),
		"scope_words.district": len(l.ScopeWords.District), "scope_words.city": len(l.ScopeWords.City),
		"scope_words.province": len(l.ScopeWords.Province), "plan_periods": len(l.PlanPeriods),
		"recent": len(l.Recent), "as_of_openers": len(l.AsOfOpeners), "deadline_modals": len(l.DeadlineModals),
		"year_bases": len(l.YearBases), "due_by": len(l.DueBy), "due_by_mids": len(l.DueByMids),
		"range_dashes": len(l.RangeDashes), "relay_words": len(l.RelayWords), "plan_names": len(l.PlanNames),
		"account_words": len(l.AccountWords), "account_after_yi": len(l.AccountAfterYi),
		"deadline_words": len(l.DeadlineWords), "base_words": len(l.BaseWords), "since_words": len(l.SinceWords),
		"plan_words": len(l.PlanWords), "ahead_words": len(l.AheadWords), "ahead_mids": len(l.AheadMids),
		"as_of_words": len(l.AsOfWords), "agenda_works": len(l.AgendaWorks), "agenda_words": len(l.AgendaWords),
		"goal_words": len(l.GoalWords), "lead_verbs": len(l.LeadVerbs), "past_lead_words": len(l.PastLeadWords),
		"forward_words": len(l.ForwardWords), "forward_modals": len(l.ForwardModals),
		"forward_verbs": len(l.ForwardVerbs), "present_words": len(l.PresentWords),
		"this_year_words": len(l.ThisYearWords), "event_words": len(l.EventWords), "event_hosts": len(l.EventHosts),
		"author_titles": len(l.AuthorTitles), "not_author_words": len(l.NotAuthorWords),
		"policy_title_ends": len(l.PolicyTitleEnds), "inspection_words": len(l.InspectionWords), "study_words": len(l.StudyWords),
		"now_words": len(l.NowWords), "horizon_task_words": len(l.HorizonTaskWords), "timeline.cues": len(l.Timeline.Cues),
		"key_points_words": len(l.KeyPointsWords), "signed_words": len(l.SignedWords),
		"report_title_words": len(l.ReportTitleWords), "conference_names": len(l.ConferenceNames),
		"conference_title_names": len(l.ConferenceTitleNames),
		"review_verbs":           len(l.ReviewVerbs), "ahead_sentence_words": len(l.AheadSentenceWords),
		"task_leads": len(l.TaskLeads), "task_goal_words": len(l.TaskGoalWords), "task_verbs": len(l.TaskVerbs),
		"this_year_times": len(l.ThisYearTimes), "this_year_times_before": len(l.ThisYearTimesBefore),
		"whole_year_words": len(l.WholeYearWords), "next_year_words": len(l.NextYearWords),
		"met_goal_verbs": len(l.MetGoalVerbs), "title_works": len(l.TitleWorks),
		"title_review_parts": len(l.TitleReviewParts), "title_review_words": len(l.TitleReviewWords),
		"title_plan_words": len(l.TitlePlanWords), "gov_report_names": len(l.GovReportNames),
		"conference_year_words": len(l.ConferenceYearWords), "report_titles": len(l.ReportTitles),
		"plan_title_words": len(l.PlanTitleWords), "done_verbs": len(l.DoneVerbs),
		"title_target_leads": len(l.TitleTargetLeads), "issue_verbs": len(l.IssueVerbs),
		"issued_plan_words": len(l.IssuedPlanWords), "period_spans": len(l.PeriodSpans),
		"date_fields": len(l.DateFields), "dateline_labels": len(l.DatelineLabels),
		"bulletin_subjects": len(l.BulletinSubjects), "bulletin_words": len(l.BulletinWords),
		"bare_bulletin_words": len(l.BareBulletinWords), "event_meeting_words": len(l.EventMeetingWords),
		"target_verbs": len(l.TargetVerbs), "since_openers": len(l.SinceOpeners), "since_ends": len(l.SinceEnds),
	}
}

// yearRe is a year in digits, captured: 2024.
const yearRe = `((?:19|20)\d{2})`

// compileYearExpressions builds the year and date expressions from their
// word lists: the words are data, the grammar between them is here. Each
// list keeps the file's order (Go's alternation takes the first word that
// matches).
func (l *Lexicon) compileYearExpressions() {
	alt := func(lists ...[]string) string { return "(?:" + alternation(slices.Concat(lists...), false) + ")" }
	clause := `[^。；！？\n]{0,20}?`
	l.reviewPhraseRe = regexp.MustCompile(alt(l.ReviewVerbs) + `(?:了)?\s*` + yearRe + `\s*年`)
	l.planPhraseRe = regexp.MustCompile(alt(l.PlanWords) + `(?:了)?\s*` + yearRe + `\s*年`)
	// 要 is a verb of the work ahead, not inside 重要, 主要, 需要 or 要求.
	l.aheadRe = regexp.MustCompile(alternation(l.AheadSentenceWords, false) + `|(?:^|[^重主需必只首紧纲摘简提])要(?:[^求点素件闻害]|$)`)
	task := alt(l.TaskLeads, l.TaskGoalWords, l.TaskVerbs)
	lead := alt(l.TaskLeads, l.TaskGoalWords)
	l.thisYearAheadRe = regexp.MustCompile(alt(l.ThisYearTimes, l.ThisYearTimesBefore) + clause + task + `|` +
		lead + clause + alt(l.ThisYearTimes) + `|` + alt(l.TaskLeads) + `(?:实现)?` + alt(l.WholeYearWords))
	l.thisYearAheadAnchors = slices.Concat(l.ThisYearTimes, l.ThisYearTimesBefore, l.WholeYearWords)
	l.nextYearAheadRe = regexp.MustCompile(alt(l.NextYearWords) + clause + task + `|` + lead + clause + alt(l.NextYearWords))
	l.nextYearAheadAnchors = l.NextYearWords
	works := alt(l.TitleWorks) + `?`
	l.titleReviewRe = regexp.MustCompile(yearRe + `\s*年(?:度)?` + alt(l.TitleReviewParts) + `?` + works + alt(l.TitleReviewWords))
	l.titlePlanRe = regexp.MustCompile(yearRe + `\s*年(?:度)?` + works + alt(l.TitlePlanWords))
	l.govReportRe = regexp.MustCompile(yearRe + `\s*年[^。，,\n]{0,24}?` + alt(l.GovReportNames))
	month := alt(l.TaskLeads, l.TaskVerbs)
	l.monthDeadlineRe = regexp.MustCompile(month + `[^。；！？\n]{0,8}?(1?\d)\s*月(?:底|末)|(1?\d)\s*月(?:底|末)(?:前)?[^。；！？\n]{0,4}?` + month)
	l.metGoalRe = regexp.MustCompile(alt(l.MetGoalVerbs) + `[^，,。；]{0,40}?` + alt(l.TaskGoalWords))
	reports := alt(l.ReportTitles)
	l.reportYearRe = regexp.MustCompile(yearRe + `\s*年度?\s*《?[^》《。，,；\n]{0,30}?` + reports +
		`|《[^》《。\n]{0,30}?` + reports + `\s*[（(]?` + yearRe + `\s*年?度?[)）]?》`)
	l.planWordRe = regexp.MustCompile(alternation(l.PlanTitleWords, false))
	l.doneRe = regexp.MustCompile(alternation(l.DoneVerbs, false))
	l.titleTargetRe = regexp.MustCompile(alt(l.TitleTargetLeads) + `\s*` + yearRe + `\s*年`)
	l.issuedRe = regexp.MustCompile(alt(l.IssueVerbs) + `了?《`)
	l.issuedPlanRe = regexp.MustCompile(`《[^》]*?[“"]?(十[一二三四五]五)[”"]?[^》]*?` + alt(l.IssuedPlanWords) + `》`)
	l.prevPeriodRe = regexp.MustCompile(`[“"]?(十[一二三四五]五)[”"]?\s*` + alt(l.PeriodSpans))
	l.dateFieldRe = regexp.MustCompile(`^` + alt(l.DateFields) + `\s*[:：]\s*`)
	l.datelineRe = regexp.MustCompile(`(` + alternation(l.DatelineLabels, false) + `)\s*[:：]?\s*`)
	l.conferenceYear = regexp.MustCompile(yearRe + `\s*年(?:度)?[^。，,\n]{0,16}?` + alt(l.ConferenceYearWords))
	l.asOfDateRe = regexp.MustCompile(alt(l.AsOfOpeners) + `\s*` + yearRe + `\s*年\s*(?:(\d{1,2})\s*月|年?底|年?末)`)
	l.deadlineYearRe = regexp.MustCompile(alt(l.DeadlineWords) + `\s*` + yearRe + `\s*年`)
	l.asOfMonthRe = regexp.MustCompile(alt(l.AsOfOpeners) + `(?:今年)?\s*1?\d\s*月`)
	l.targetYearRe = regexp.MustCompile(`在` + yearRe + `\s*年(?:底|末)?(?:前)?\s*` + alt(l.TargetVerbs) + `[^了]`)
	l.eventNameRe = regexp.MustCompile(yearRe + `\s*(?:年(?:度)?)?[^\d年，。、,；;！？\n]{2,30}?` + alt(l.EventWords, l.EventMeetingWords))
	l.sinceClauseRe = regexp.MustCompile(alt(l.SinceOpeners) + yearRe + `\s*年[^。；，,！？\n]{0,30}?` + alt(l.SinceEnds))
	l.sinceStarts = nil
	for _, o := range l.SinceOpeners {
		l.sinceStarts = append(l.sinceStarts, o+"19", o+"20")
	}
	l.bulletinRe = regexp.MustCompile(`(` + alternation(l.BulletinSubjects, false) + `)的?(` + alternation(l.BulletinWords, false) + `)$|` + alt(l.BareBulletinWords) + `$`)
}

// alternation is a regular-expression alternation of the words, quoted;
// longestFirst orders them so that the longest word that matches wins
// (Go's alternation takes the first that matches), else the file's order
// is kept.
func alternation(words []string, longestFirst bool) string {
	ws := slices.Clone(words)
	if longestFirst {
		slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
	}
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(ws, "|")
}

// DefaultLexicon is the lexicon built into the binary
// (data/meta_lexicon.yaml), parsed once.
var DefaultLexicon = sync.OnceValue(func() *Lexicon {
	l, err := ParseLexicon(data.MetaLexicon)
	if err != nil {
		panic("built-in meta lexicon: " + err.Error())
	}
	return l
})
