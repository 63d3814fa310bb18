package extract

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/policylens/policylens/data"
)

// Unit is one entry of the unit catalogue (data/units.yaml): a unit the
// number grammar reads after a figure, the form stored for it and what it
// measures.
type Unit struct {
	// Unit is the normalised form stored in indicators.unit (个, %, G).
	Unit string `yaml:"unit"`
	// Forms are the spellings read in a simplified sentence.
	Forms []string `yaml:"forms"`
	// Kind is count, share, multiple, money or measure.
	Kind string `yaml:"kind"`
	// Classifier marks a measure word that may precede its noun (2个项目).
	Classifier bool `yaml:"classifier"`
	// Event marks counts of events (会议3次).
	Event bool `yaml:"event"`
	// Quantity and Factor say what a money, share or measure unit measures
	// and its size in that quantity's base unit (公里: length, 1000).
	Quantity string  `yaml:"quantity"`
	Factor   float64 `yaml:"factor"`
	// Symbols are signs written before the number ($20, ￥300).
	Symbols []string `yaml:"symbols"`
	// Block lists words that begin with a form and are no unit (部门).
	Block []string `yaml:"block"`
	// Cues, when set, are words one of which the figure's clause must name
	// unless the number carries 万 or 亿 (带宽 for G, T, 兆).
	Cues []string `yaml:"cues"`
}

// Units is the unit catalogue: the units, the indices measured without a
// unit, and the units nouns imply for figures that leave theirs out.
type Units struct {
	Units []Unit `yaml:"units"`
	// Unitless are index names (PUE) whose plain numbers are figures.
	Unitless []string `yaml:"unitless"`
	// Implied maps a noun to the unit a 万/亿 figure of it leaves out
	// (用户达6500万 → 户).
	Implied map[string]string `yaml:"implied"`
	// Per are the denominators of a composite unit written after a slash
	// (部/百人, G/户/月), longest first once parsed.
	Per []string `yaml:"per"`
	// PerCapita maps a phrase of a figure's clause that counts per so many
	// people (每万人拥有5G基站数18个) to the denominator its count unit takes
	// (个/万人).
	PerCapita map[string]string `yaml:"per_capita"`
	// Times is the suffix that makes a measure word a count of
	// occurrences (574台次, 384辆次 → 台次, 辆次), and TimesBlock the
	// words that begin with it and say something else (3个次级节点).
	Times      string   `yaml:"times"`
	TimesBlock []string `yaml:"times_block"`
	// Size are the units that measure the size of a thing (30户以上自然村,
	// 100人以上企业): bounded and running into a noun they do not count
	// (Implied), such a figure is a threshold of a metric's definition.
	Size []string `yaml:"size"`
	// RankVerbs say where something ranks: before 前N they make it a rank
	// of at most N (进入全国前十位), and after a count they make the rank
	// part of what the count counts (6项排名第一). RankBases name the
	// holder of a rank as a base (距第3名差距): no rank of the subject.
	RankVerbs []string `yaml:"rank_verbs"`
	RankBases []string `yaml:"rank_bases"`
	// RankScopes are the scope words that make 第N right after them a rank
	// (保持全国第一, 出货量全省第二) without a rank verb.
	RankScopes []string `yaml:"rank_scopes"`
	// Definitions are the words of brackets that define the noun before
	// them (年收入达到500万元以上, 1P约等于…): no figure inside is reported.
	Definitions []string `yaml:"definitions"`
	// TimeSpans are the words after 个 that make it part of a span of time
	// (3个月, 5个工作日): no unit.
	TimeSpans []string `yaml:"time_spans"`
	// PricePer are the characters a price may be per, after 元/ or 元每
	// (30元每月, 0.1元/条), besides Latin letters (0.5元/GB).
	PricePer []string `yaml:"price_per"`

	byFirst map[rune][]unitForm // forms by first rune, longest first
	symbols []unitForm          // symbols, longest first
	byName  map[string]*Unit
	implied []string // nouns of Implied, longest first
	// perCapita are the phrases of PerCapita, longest first.
	perCapita []string
	// pricePer is PricePer as one string of characters.
	pricePer string
}

type unitForm struct {
	form []rune
	u    *Unit
}

var unitKinds = map[string]bool{"count": true, "share": true, "multiple": true, "money": true, "measure": true}

// LoadUnits reads and parses a unit catalogue file.
func LoadUnits(path string) (*Units, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("unit catalogue: %w", err)
	}
	u, err := ParseUnits(b)
	if err != nil {
		return nil, fmt.Errorf("unit catalogue %s: %w", path, err)
	}
	return u, nil
}

// ParseUnits parses a unit catalogue in the format of data/units.yaml and
// checks it: every unit needs forms and a known kind, no form may belong to
// two units, a quantity needs a positive factor, a block word must begin
// with one of its unit's forms, and an implied unit must be in the
// catalogue.
func ParseUnits(b []byte) (*Units, error) {
	u := &Units{}
	if err := yaml.Unmarshal(b, u); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	u.byFirst = map[rune][]unitForm{}
	u.byName = map[string]*Unit{}
	seen := map[string]string{}
	for i := range u.Units {
		e := &u.Units[i]
		e.Unit = strings.TrimSpace(e.Unit)
		if e.Unit == "" {
			return nil, fmt.Errorf("unit %d: no unit", i+1)
		}
		if u.byName[e.Unit] != nil {
			return nil, fmt.Errorf("unit %q: listed twice", e.Unit)
		}
		if !unitKinds[e.Kind] {
			return nil, fmt.Errorf("unit %q: unknown kind %q (count, share, multiple, money, measure)", e.Unit, e.Kind)
		}
		if len(e.Forms) == 0 {
			return nil, fmt.Errorf("unit %q: no forms", e.Unit)
		}
		if e.Quantity != "" && e.Factor <= 0 {
			return nil, fmt.Errorf("unit %q: quantity %q needs a positive factor", e.Unit, e.Quantity)
		}
		for _, f := range e.Forms {
			f = strings.TrimSpace(f)
			if f == "" {
				return nil, fmt.Errorf("unit %q: empty form", e.Unit)
			}
			if o, dup := seen[f]; dup {
				return nil, fmt.Errorf("form %q belongs to both %q and %q", f, o, e.Unit)
			}
			seen[f] = e.Unit
			r, _ := utf8.DecodeRuneInString(f)
			u.byFirst[r] = append(u.byFirst[r], unitForm{[]rune(f), e})
		}
		for _, sym := range e.Symbols {
			if o, dup := seen[sym]; dup || strings.TrimSpace(sym) == "" {
				return nil, fmt.Errorf("symbol %q of %q is empty or belongs to %q too", sym, e.Unit, o)
			}
			seen[sym] = e.Unit
			u.symbols = append(u.symbols, unitForm{[]rune(sym), e})
		}
		for _, w := range e.Block {
			ok := false
			for _, f := range e.Forms {
				ok = ok || (strings.HasPrefix(w, f) && w != f)
			}
			if !ok {
				return nil, fmt.Errorf("unit %q: block word %q does not begin with one of its forms", e.Unit, w)
			}
		}
		u.byName[e.Unit] = e
	}
	for _, fs := range u.byFirst {
		sort.SliceStable(fs, func(a, b int) bool { return len(fs[a].form) > len(fs[b].form) })
	}
	sort.SliceStable(u.symbols, func(a, b int) bool { return len(u.symbols[a].form) > len(u.symbols[b].form) })
	for noun, unit := range u.Implied {
		if u.byName[unit] == nil {
			return nil, fmt.Errorf("implied unit %q of %q is not in the catalogue", unit, noun)
		}
		u.implied = append(u.implied, noun)
	}
	sortLongestFirst(u.implied)
	for _, d := range u.Per {
		if strings.TrimSpace(d) == "" {
			return nil, fmt.Errorf("per: empty denominator")
		}
	}
	sort.SliceStable(u.Per, func(a, b int) bool { return len(u.Per[a]) > len(u.Per[b]) })
	for phrase, den := range u.PerCapita {
		if strings.TrimSpace(phrase) == "" || strings.TrimSpace(den) == "" {
			return nil, fmt.Errorf("per_capita: empty phrase or denominator (%q: %q)", phrase, den)
		}
		u.perCapita = append(u.perCapita, phrase)
	}
	sortLongestFirst(u.perCapita)
	for _, c := range u.PricePer {
		if utf8.RuneCountInString(c) != 1 {
			return nil, fmt.Errorf("price_per: %q is not one character", c)
		}
	}
	u.pricePer = strings.Join(u.PricePer, "")
	return u, nil
}

// sortLongestFirst orders words longest first, then alphabetically, so
// that a search through them finds the longest match and always the same.
func sortLongestFirst(ws []string) {
	sort.Slice(ws, func(a, b int) bool {
		if la, lb := len(ws[a]), len(ws[b]); la != lb {
			return la > lb
		}
		return ws[a] < ws[b]
	})
}

// defaultUnits is the catalogue built into the binary (data/units.yaml).
var defaultUnits = sync.OnceValue(func() *Units {
	u, err := ParseUnits(data.Units)
	if err != nil {
		panic("built-in unit catalogue: " + err.Error())
	}
	return u
})

// DefaultUnits returns the unit catalogue built into the binary.
func DefaultUnits() *Units { return defaultUnits() }

// Lookup returns the catalogue entry of a normalised unit.
func (u *Units) Lookup(unit string) (Unit, bool) {
	if e := u.byName[unit]; e != nil {
		return *e, true
	}
	return Unit{}, false
}

// match finds the longest unit form at rs[i]. Forms that begin a blocked
// word (10部门, 3号台风), Latin forms running into more letters, and 个
// before a span of time (3个月, 5个工作日) are no unit.
func (u *Units) match(rs []rune, i int) (e *Unit, end int, ok bool) {
	if i >= len(rs) {
		return nil, i, false
	}
	for _, f := range u.byFirst[rs[i]] {
		if !hasRunes(rs, i, f.form) {
			continue
		}
		end := i + len(f.form)
		if isLatin(f.form[len(f.form)-1]) && isLatin(at(rs, end)) {
			continue
		}
		if f.u.Unit == "个" && hasAnyAt(rs, end, u.TimeSpans...) {
			return nil, i, false
		}
		for _, w := range f.u.Block {
			if hasAt(rs, i, w) {
				return nil, i, false
			}
		}
		return f.u, end, true
	}
	return nil, i, false
}

// matchPrice is match with prices: 0.5元/GB, 30元每月 — a unit of money per
// a unit of something, stored as 元/GB, 元/月.
func (u *Units) matchPrice(rs []rune, i int) (e *Unit, norm string, end int, ok bool) {
	e, end, ok = u.match(rs, i)
	if !ok {
		return nil, "", i, false
	}
	if sep := at(rs, end); e.Kind == "money" && (sep == '/' || sep == '每') {
		// 36万元/亩: a listed denominator, else letters or a unit of time.
		if d, ok := u.perAt(rs, end+1); ok {
			return e, e.Unit + "/" + d, end + 1 + utf8.RuneCountInString(d), true
		}
		k := end + 1
		for k < len(rs) && k < end+4 && (isLatin(rs[k]) || strings.ContainsRune(u.pricePer, rs[k])) {
			k++
		}
		if k > end+1 {
			return e, e.Unit + "/" + string(rs[end+1:k]), k, true
		}
	}
	// 122.6部/百人, 19G/户/月: a count or measure per a number of people,
	// households or a span of time.
	if at(rs, end) == '/' && e.Kind != "share" {
		if d, ok := u.perAt(rs, end+1); ok {
			return e, e.Unit + "/" + d, end + 1 + utf8.RuneCountInString(d), true
		}
	}
	// 574台次, 384辆次: a measure word and the times suffix count
	// occurrences, a composite unit of its own.
	if e.Classifier && !e.Event && u.Times != "" && hasAt(rs, end, u.Times) && !hasAnyAt(rs, end, u.TimesBlock...) {
		return e, e.Unit + u.Times, end + utf8.RuneCountInString(u.Times), true
	}
	return e, e.Unit, end, true
}

// perAt is the denominator of a composite unit (Per) written at rs[i].
func (u *Units) perAt(rs []rune, i int) (string, bool) {
	for _, d := range u.Per {
		if dr := []rune(d); hasRunes(rs, i, dr) && !isLatin(at(rs, i+len(dr))) {
			return d, true
		}
	}
	return "", false
}

// perCapitaUnit is the composite unit of a count in a clause that counts
// per so many people (每万人拥有5G基站数18个 → 个/万人), or unit unchanged.
func (u *Units) perCapitaUnit(rs []rune, start int, unit string) string {
	e := u.byName[unit]
	if e == nil || e.Kind != "count" || e.Event {
		return unit
	}
	clause := string(rs[minorStart(rs, start):start])
	for _, p := range u.perCapita {
		if strings.Contains(clause, p) {
			return unit + "/" + u.PerCapita[p]
		}
	}
	return unit
}

func hasRunes(rs []rune, i int, w []rune) bool {
	if i+len(w) > len(rs) {
		return false
	}
	for k, r := range w {
		if rs[i+k] != r {
			return false
		}
	}
	return true
}

// symbolBefore finds a currency symbol written right before rs[i] ($20,
// ￥300) and returns its unit and where it begins.
func (u *Units) symbolBefore(rs []rune, i int) (*Unit, int, bool) {
	for _, f := range u.symbols {
		if k := i - len(f.form); k >= 0 && hasRunes(rs, k, f.form) {
			return f.u, k, true
		}
	}
	return nil, i, false
}

// cued reports whether the clause rs[from:to] names one of e's cues.
func cued(rs []rune, from, to int, e *Unit) bool {
	if len(e.Cues) == 0 {
		return true
	}
	clause := string(rs[from:to])
	for _, c := range e.Cues {
		if strings.Contains(clause, c) {
			return true
		}
	}
	return false
}

// impliedUnit is the unit the noun of a figure's clause implies: the noun
// right after the figure (63.5万老年用户), else the last listed noun before
// it in its clause (IPv6活跃用户数达6500万).
func (u *Units) impliedUnit(rs []rune, start, end int) string {
	after := string(rs[end:min(minorEnd(rs, end), end+8)])
	best, bestAt := "", -1
	for _, n := range u.implied {
		if k := strings.Index(after, n); k >= 0 && (bestAt < 0 || k < bestAt) {
			best, bestAt = u.Implied[n], k
		}
	}
	if best != "" {
		return best
	}
	before := string(rs[minorStart(rs, start):start])
	for _, n := range u.implied {
		if k := strings.LastIndex(before, n); k > bestAt {
			best, bestAt = u.Implied[n], k
		}
	}
	return best
}

// unitless reports a clause before rs[start] that names an index measured
// without a unit (PUE降低到1.3以下).
func (u *Units) unitless(rs []rune, start int) bool {
	clause := string(rs[minorStart(rs, start):start])
	for _, w := range u.Unitless {
		if strings.Contains(clause, w) {
			return true
		}
	}
	return false
}
