package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/policylens/policylens/data"
)

// Lexicon holds the word lists the extractor reads a clause with
// (data/lexicon.yaml): the markers of plans and of things done, the words
// that date a figure, the scope words, and the words trimmed off metric
// phrases. They are data so that they are edited without touching Go; the
// file's digest is part of the loader's resources version.
type Lexicon struct {
	Future    []string `yaml:"future"`
	NotFuture []string `yaml:"not_future"`
	// PlanNouns plan the figures of their own clause only (规划).
	PlanNouns       []string       `yaml:"plan_nouns"`
	ObtainWords     []string       `yaml:"obtain_words"`
	Funds           []string       `yaml:"funds"`
	WillVerbs       []string       `yaml:"will_verbs"`
	NotModalYao     []string       `yaml:"not_modal_yao"`
	Past            []string       `yaml:"past"`
	TargetRefs      []string       `yaml:"target_refs"`
	CompletionWords []string       `yaml:"completion_words"`
	Now             []string       `yaml:"now"`
	YearParts       []string       `yaml:"year_parts"`
	ThisYear        []string       `yaml:"this_year"`
	LastYear        []string       `yaml:"last_year"`
	NextYear        []string       `yaml:"next_year"`
	Bases           []string       `yaml:"bases"`
	BaseAfter       []string       `yaml:"base_after"`
	Periods         map[string]int `yaml:"periods"`
	National        []string       `yaml:"national"`
	Own             []string       `yaml:"own"`
	ProvinceWords   []string       `yaml:"province_words"`
	OtherBodies     []string       `yaml:"other_bodies"`
	NotScopeBefore  []string       `yaml:"not_scope_before"`
	PlaceNotScope   []string       `yaml:"place_not_scope_before"`
	NotScopeAfter   []string       `yaml:"not_scope_after"`
	Benchmarks      []string       `yaml:"benchmarks"`
	GenericPlaces   []string       `yaml:"generic_places"`
	CarryOpeners    []string       `yaml:"carry_openers"`
	Facilities      []string       `yaml:"facilities"`
	Events          []string       `yaml:"events"`
	Attendance      []string       `yaml:"attendance"`
	MetricLead      []string       `yaml:"metric_lead"`
	MetricTrail     []string       `yaml:"metric_trail"`
	ChangePrefixes  []string       `yaml:"change_prefixes"`
	ChangeWords     []string       `yaml:"change_words"`
	MetricStop      []string       `yaml:"metric_stop"`
	Reporting       []string       `yaml:"reporting"`
	Continuations   []string       `yaml:"continuations"`
	JoinWords       []string       `yaml:"join_words"`
	EventUnits      []string       `yaml:"event_units"`
	StructureNouns  []string       `yaml:"structure_nouns"`
	StructureVerbs  []string       `yaml:"structure_verbs"`
	OperatorGroups  []string       `yaml:"operator_groups"`
	OperatorNew     []string       `yaml:"operator_new"`
	PlanGenre       []string       `yaml:"plan_genre"`
	PlanDocEnds     []string       `yaml:"plan_doc_ends"`
	RelayVerbs      []string       `yaml:"relay_verbs"`

	// The number grammar's words around a figure (numbers.go).
	OperatorNouns []string `yaml:"operator_nouns"`
	ActorVerbs    []string `yaml:"actor_verbs"`
	Elevation     []string `yaml:"elevation"`
	ChangeVerbs   []string `yaml:"change_verbs"`
	GrowthVerbs   []string `yaml:"growth_verbs"`
	SubjectLeads  []string `yaml:"subject_leads"`
	EventVerbs    []string `yaml:"event_verbs"`
	// OperatorBrands and OperatorBrandNot tell an operator's local branch
	// named by its place (湖北移动, 梅州移动公司): see placeMarks.
	OperatorBrands   []string `yaml:"operator_brands"`
	OperatorBrandNot []string `yaml:"operator_brand_not"`
	// QualifiersBefore and QualifiersAfter map a qualifier (at_least,
	// at_most, over, approx) to the words that write it before a number
	// (不少于) or after its unit (以上).
	QualifiersBefore map[string][]string `yaml:"qualifiers_before"`
	QualifiersAfter  map[string][]string `yaml:"qualifiers_after"`

	// The words that say what a figure measures and whether a review is of
	// the reviewed year (extract.go).
	LevelEnds        []string `yaml:"level_ends"`
	GrowthWords      []string `yaml:"growth_words"`
	IncrementWords   []string `yaml:"increment_words"`
	IncrementEnds    []string `yaml:"increment_ends"`
	TotalWords       []string `yaml:"total_words"`
	ReviewAnchors    []string `yaml:"review_anchors"`
	ReviewBeforeYear []string `yaml:"review_before_year"`
	ReviewAfterYear  []string `yaml:"review_after_year"`

	// Words of the labels (label.go): a place's facility, a target met or
	// quoted, a clause's opener.
	FacilityVerbs []string `yaml:"facility_verbs"`
	MetVerbs      []string `yaml:"met_verbs"`
	MetNotAfter   []string `yaml:"met_not_after"`
	TargetSet     []string `yaml:"target_set"`
	TargetMet     []string `yaml:"target_met"`
	ClauseOpeners []string `yaml:"clause_openers"`
	ListVerbs     []string `yaml:"list_verbs"`
	// EstimateWords are the future markers that estimate (预计), and
	// DeadlineModals the ones that make the year after them a deadline.
	EstimateWords  []string `yaml:"estimate_words"`
	DeadlineModals []string `yaml:"deadline_modals"`

	// Words that end a metric phrase (extract.go) and the words after a
	// quoted target.
	ComparisonCuts   []string `yaml:"comparison_cuts"`
	ClauseCuts       []string `yaml:"clause_cuts"`
	QuotedTargetEnds []string `yaml:"quoted_target_ends"`

	// cues finds every marker of a sentence in one pass.
	cues *wordIndex
	// prefixQuals and suffixQuals are the qualifier words, longest first.
	prefixQuals, suffixQuals []qualWord
}

// qualWord is a word that qualifies a figure, and its qualifier.
type qualWord struct {
	s, q string
}

// qualifierNames are the qualifiers a figure may take besides exact and range.
var qualifierNames = []string{"approx", "at_least", "at_most", "over"}

// qualWords flattens a qualifier map into its words, longest first (of two
// words ending or starting at one place the longer wins); a word listed
// under two qualifiers or an unknown qualifier is an error.
func qualWords(name string, m map[string][]string) ([]qualWord, error) {
	var out []qualWord
	seen := map[string]string{}
	for q := range m {
		if !slices.Contains(qualifierNames, q) {
			return nil, fmt.Errorf("%s: unknown qualifier %q (%s)", name, q, strings.Join(qualifierNames, ", "))
		}
	}
	for _, q := range qualifierNames {
		for _, w := range m[q] {
			if w == "" {
				return nil, fmt.Errorf("%s: %s: empty word", name, q)
			}
			if p, ok := seen[w]; ok {
				return nil, fmt.Errorf("%s: %q is both %s and %s", name, w, p, q)
			}
			seen[w] = q
			out = append(out, qualWord{w, q})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("list %q is missing or empty", name)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return utf8.RuneCountInString(out[i].s) > utf8.RuneCountInString(out[j].s)
	})
	return out, nil
}

// cue classes found by the sentence scan.
const (
	cueFuture = iota
	cuePast
	cueNow
	cueThisYear
	cueLastYear
	cueNextYear
	cueNational
	cueOwn
	cueOtherBody
	cueBenchmark
	cueTargetRef
	cueYearPart
	cueNotFuture
	cueWill // 将, decided by the verb after it
	cueYao  // 要, decided by the word around it
	cuePlanNoun
	nCueClasses
)

// ParseLexicon parses a lexicon in the format of data/lexicon.yaml and
// checks that the lists the extractor cannot do without are there.
func ParseLexicon(b []byte) (*Lexicon, error) {
	l := &Lexicon{}
	if err := yaml.Unmarshal(b, l); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	for name, list := range map[string][]string{
		"future": l.Future, "past": l.Past, "now": l.Now, "national": l.National, "own": l.Own,
		"metric_lead": l.MetricLead, "metric_trail": l.MetricTrail,
		"operator_nouns": l.OperatorNouns, "actor_verbs": l.ActorVerbs, "elevation": l.Elevation,
		"change_verbs": l.ChangeVerbs, "growth_verbs": l.GrowthVerbs, "subject_leads": l.SubjectLeads,
		"event_verbs": l.EventVerbs,
		"level_ends":  l.LevelEnds, "growth_words": l.GrowthWords, "increment_words": l.IncrementWords,
		"increment_ends": l.IncrementEnds, "total_words": l.TotalWords, "review_anchors": l.ReviewAnchors,
		"review_before_year": l.ReviewBeforeYear, "review_after_year": l.ReviewAfterYear,
		"facility_verbs": l.FacilityVerbs, "met_verbs": l.MetVerbs, "met_not_after": l.MetNotAfter,
		"target_set": l.TargetSet, "target_met": l.TargetMet, "clause_openers": l.ClauseOpeners,
		"list_verbs": l.ListVerbs, "comparison_cuts": l.ComparisonCuts, "clause_cuts": l.ClauseCuts,
		"quoted_target_ends": l.QuotedTargetEnds, "estimate_words": l.EstimateWords,
		"deadline_modals": l.DeadlineModals,
	} {
		if len(list) == 0 {
			return nil, fmt.Errorf("list %q is missing or empty", name)
		}
	}
	for p, y := range l.Periods {
		if y < 1950 || y > 2100 || utf8.RuneCountInString(p) < 2 {
			return nil, fmt.Errorf("period %q: year %d", p, y)
		}
	}
	var err error
	if l.prefixQuals, err = qualWords("qualifiers_before", l.QualifiersBefore); err != nil {
		return nil, err
	}
	if l.suffixQuals, err = qualWords("qualifiers_after", l.QualifiersAfter); err != nil {
		return nil, err
	}
	// A word in two lists takes the class of the first here (the index
	// keeps the order words are added in among words of one length), so
	// the order is fixed, never a map's: 明年 and 来年 are the next year
	// (a time and a future marker both), 现已 is now, 年内 and 下半年 are
	// future markers before they are parts of this year.
	l.cues = newWordIndex()
	for _, c := range []struct {
		class int
		list  []string
	}{
		{cueNextYear, l.NextYear}, {cueNow, l.Now}, {cueFuture, l.Future}, {cuePast, l.Past},
		{cueThisYear, l.ThisYear}, {cueLastYear, l.LastYear}, {cueYearPart, l.YearParts},
		{cueNational, l.National}, {cueOwn, l.Own}, {cueOtherBody, l.OtherBodies},
		{cueBenchmark, l.Benchmarks}, {cueTargetRef, l.TargetRefs}, {cueNotFuture, l.NotFuture},
		{cuePlanNoun, l.PlanNouns},
	} {
		for _, w := range c.list {
			l.cues.add(w, c.class)
		}
	}
	// 将 and 计划 are modal only before a verb: 将新建, 计划投入 — not 将
	// 信用体系…赋能, 完成年度计划的97.7%.
	l.cues.add("将", cueWill)
	l.cues.add("计划", cueWill)
	l.cues.add("要", cueYao)
	l.cues.sort()
	// The change prefixes are stripped longest first (较去年同期 before
	// 较去年); the metric strip lists apply in the file's order.
	sort.SliceStable(l.ChangePrefixes, func(i, j int) bool { return len(l.ChangePrefixes[i]) > len(l.ChangePrefixes[j]) })
	return l, nil
}

// DefaultLexicon is the lexicon built into the binary (data/lexicon.yaml).
func DefaultLexicon() *Lexicon {
	l, err := ParseLexicon(data.Lexicon)
	if err != nil {
		panic("built-in lexicon: " + err.Error())
	}
	return l
}

// wordIndex finds the words of a list at each position of a sentence,
// longest first, indexed by first rune.
type wordIndex struct {
	byFirst map[rune][]indexedWord
}

type indexedWord struct {
	word  []rune
	class int
}

func newWordIndex() *wordIndex { return &wordIndex{byFirst: map[rune][]indexedWord{}} }

func (x *wordIndex) add(w string, class int) {
	rs := []rune(w)
	if len(rs) == 0 {
		return
	}
	x.byFirst[rs[0]] = append(x.byFirst[rs[0]], indexedWord{rs, class})
}

func (x *wordIndex) sort() {
	for _, ws := range x.byFirst {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i].word) > len(ws[j].word) })
	}
}

// at returns the longest word of the index at rs[i] and its class.
func (x *wordIndex) at(rs []rune, i int) (n, class int) {
	for _, w := range x.byFirst[rs[i]] {
		if hasRunesAt(rs, i, w.word) {
			return len(w.word), w.class
		}
	}
	return 0, 0
}

func hasRunesAt(rs []rune, i int, w []rune) bool {
	if i < 0 || i+len(w) > len(rs) {
		return false
	}
	for k, r := range w {
		if rs[i+k] != r {
			return false
		}
	}
	return true
}

// anyAt reports whether one of words starts at rs[i].
func anyAt(rs []rune, i int, words []string) bool {
	for _, w := range words {
		if hasAt(rs, i, w) {
			return true
		}
	}
	return false
}

// anyBefore reports whether rs[:i] ends with one of words.
func anyBefore(rs []rune, i int, words []string) bool {
	for _, w := range words {
		if endsWith(rs, i, w) {
			return true
		}
	}
	return false
}
