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
	genericPlace      map[string]bool
	periodNames       []string
	timeline          *timelineTable
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
	}
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
