package meta

import (
	"strings"

	"github.com/policylens/policylens/loader/gazetteer"
)

// PlaceShares are the shares of a unit's mentions its most-named division
// must hold for the text to be about that division rather than the whole
// unit: a city's share of its province's mentions, a county's of its
// city's; Scoped when the text's own scope words speak for a unit of that
// level (全市 for a city, 全县 for a county).
type PlaceShares struct {
	City         float64 `yaml:"city"`
	CityScoped   float64 `yaml:"city_scoped"`
	County       float64 `yaml:"county"`
	CountyScoped float64 `yaml:"county_scoped"`
	// Title is what a mention in the title counts for (one in the text
	// counts 1); Scoped what a mention of a unit of the level the scope
	// words speak for counts (商丘 in a text that says 我市).
	Title  float64 `yaml:"title"`
	Scoped float64 `yaml:"scoped"`
	// ShortCounty is what a county's short name counts for (溧水 for
	// 溧水区): less than a full name, being more often something else.
	ShortCounty float64 `yaml:"short_county"`
}

// placeTally is the places a text names, each mention resolved to one
// unit.
type placeTally struct {
	mentions []placeMention
	scope    scopeWords // the levels the text's scope words speak for
}

// placeMention is one mention of a unit.
type placeMention struct {
	place   gazetteer.Place
	at      int  // byte offset in title, dateline and text
	inTitle bool // in the title
	short   bool // by a county's short name
}

// placeWeights is how much each unit is named, its divisions included.
type placeWeights struct {
	n     map[gazetteer.Place]float64
	first map[gazetteer.Place]int // offset of the first mention
}

func (w *placeWeights) add(p gazetteer.Place, at int, n float64) {
	if _, ok := w.first[p]; !ok {
		w.first[p] = at
	}
	w.n[p] += n
}

// better orders units by weight, then by the first mention.
func (w *placeWeights) better(a, b gazetteer.Place) bool {
	if w.n[a] != w.n[b] {
		return w.n[a] > w.n[b]
	}
	return w.first[a] < w.first[b]
}

// weigh adds up the mentions: each counts for its unit and the units above
// it (a county's for its city and province), as much as shares say.
func (t *placeTally) weigh(shares PlaceShares) *placeWeights {
	w := &placeWeights{n: map[gazetteer.Place]float64{}, first: map[gazetteer.Place]int{}}
	for _, m := range t.mentions {
		c := m.place
		n := 1.0
		if m.inTitle {
			n = shares.Title
		}
		if m.short {
			n *= shares.ShortCounty
		}
		// 我市 speaks for a city, or for a municipality (天津市).
		if c.Level == gazetteer.LevelCity && t.scope.city || c.Level == gazetteer.LevelCounty && t.scope.speaksFor(c.County) ||
			c.Level == gazetteer.LevelProvince && t.scope.city && strings.HasSuffix(c.Province, "市") {
			n *= shares.Scoped
		}
		w.add(unitOf(c, gazetteer.LevelProvince), m.at, n)
		if c.Level != gazetteer.LevelProvince && c.City != "" && c.City != c.Province {
			w.add(unitOf(c, gazetteer.LevelCity), m.at, n)
		}
		if c.Level == gazetteer.LevelCounty {
			w.add(unitOf(c, gazetteer.LevelCounty), m.at, n)
		}
	}
	return w
}

// unitOf is the unit of level at or above p (p itself when of that level).
func unitOf(p gazetteer.Place, level string) gazetteer.Place {
	switch level {
	case gazetteer.LevelProvince:
		return gazetteer.Place{Province: p.Province, Level: level}
	case gazetteer.LevelCity:
		return gazetteer.Place{Province: p.Province, City: p.City, Level: level}
	}
	return gazetteer.Place{Province: p.Province, City: p.City, County: p.County, Level: level}
}

// aboutPlace is the most specific division a text without a named issuer
// is about (某某新闻网讯 近年来，X县全力推进…), weighing all the places it
// names in one decision (see placeTally and decide).
func (in *inference) aboutPlace() (gazetteer.Place, bool) {
	p, ok := in.placeTally().decide(in.lx.PlaceShares)
	if !ok {
		return p, false
	}
	return in.fullPlace(p), true
}

// placeTally counts the places a text names: every mention of a unit
// counts for the unit and the units above it (a county's for its city and
// province, from the gazetteer); a name several units share counts for the
// one whose province or city the other mentions support. The title and
// the dateline (来源：湖北日报) count as mentions.
func (in *inference) placeTally() *placeTally {
	lx := in.lx
	text := in.m.Title + "\n" + strings.Join(in.doc.Byline, "\n") + "\n" + in.doc.Text
	ms := in.g.Scan(text)
	// A county's short name is too often a word (新建 for 新建区, 全州 for
	// 全州县): it counts when the text names it again and again (溧水 ×11)
	// and it is no scope word, or before an operator or an office (化州移动).
	named := map[string]int{}
	for _, m := range ms {
		named[m.Name]++
	}
	scopeWord := map[string]bool{}
	for _, l := range [][]string{lx.ScopeWords.County, lx.ScopeWords.District, lx.ScopeWords.City, lx.ScopeWords.Province} {
		for _, w := range l {
			scopeWord[w] = true
		}
	}
	type mention struct {
		cands []gazetteer.Candidate
		at    int
	}
	var resolved []mention
	var ambiguous []mention
	support := map[string]int{} // province and city names, from unambiguous mentions
	// Short names of counties named once or twice count only when two or
	// more of them are of one city (利辛, 涡阳 → 亳州市).
	weak := map[string][]mention{} // by city
	weakNames := map[string]map[string]bool{}
	for _, m := range ms {
		if lx.genericPlace[m.Name] {
			continue
		}
		var cs []gazetteer.Candidate
		for _, c := range m.Candidates {
			if c.Short && c.Level == gazetteer.LevelCounty && !startsWithAny(text[m.End:], lx.OperatorAfter) &&
				(named[m.Name] < 3 || scopeWord[m.Name]) {
				if len(m.Candidates) == 1 && c.City != "" && !scopeWord[m.Name] {
					// They say which city, not which county.
					city := c
					city.County, city.Level, city.Short = "", gazetteer.LevelCity, false
					weak[c.City] = append(weak[c.City], mention{[]gazetteer.Candidate{city}, m.Start})
					if weakNames[c.City] == nil {
						weakNames[c.City] = map[string]bool{}
					}
					weakNames[c.City][c.County] = true
				}
				continue
			}
			cs = append(cs, c)
		}
		if len(cs) == 0 {
			continue
		}
		agree := true
		for _, c := range cs[1:] {
			if c.Province != cs[0].Province {
				agree = false
			}
		}
		if !agree {
			ambiguous = append(ambiguous, mention{cs, m.Start})
			continue
		}
		resolved = append(resolved, mention{cs[:1], m.Start})
		support[cs[0].Province]++
		if len(cs) == 1 && cs[0].City != "" {
			support[cs[0].City]++
		}
	}
	for city, ws := range weak {
		if len(weakNames[city]) >= 2 {
			resolved = append(resolved, ws...)
		}
	}
	// A shared name counts for the unit the rest of the text supports;
	// for none when nothing does, or two units equally.
	for _, m := range ambiguous {
		best, bestS, tie := -1, 0, false
		for i, c := range m.cands {
			s := support[c.Province]*2 + support[c.City]*3
			switch {
			case s > bestS:
				best, bestS, tie = i, s, false
			case s == bestS && s > 0 && m.cands[best].Place != c.Place:
				tie = true
			}
		}
		if best >= 0 && !tie {
			resolved = append(resolved, mention{m.cands[best : best+1], m.at})
		}
	}
	t := &placeTally{scope: lx.scopeOf(in.doc.Text)}
	for _, m := range resolved {
		c := m.cands[0]
		t.mentions = append(t.mentions, placeMention{place: c.Place, at: m.at, inTitle: m.at < len(in.m.Title),
			short: c.Short && c.Level == gazetteer.LevelCounty})
	}
	return t
}

// decide is the place the tally says the text is about. The province
// named most, and clearly (a tie is no decision), is the start; the text
// is about its most-named city when that city holds enough of the
// province's mentions (shares; less when the text's scope words, 全市,
// speak for a city), and about that city's most-named county-level unit
// on the same terms. The place has no code: see fullPlace.
func (t *placeTally) decide(shares PlaceShares) (gazetteer.Place, bool) {
	w := t.weigh(shares)
	var prov, second gazetteer.Place
	for p := range w.n {
		if p.Level != gazetteer.LevelProvince {
			continue
		}
		if prov.Province == "" || w.better(p, prov) {
			prov, second = p, prov
		} else if second.Province == "" || w.better(p, second) {
			second = p
		}
	}
	if prov.Province == "" || w.n[prov] == w.n[second] {
		return gazetteer.Place{}, false
	}
	// share is the share of the unit above a division it must hold.
	share := func(p gazetteer.Place) float64 {
		if p.Level == gazetteer.LevelCity {
			if t.scope.city {
				return shares.CityScoped
			}
			return shares.City
		}
		if t.scope.speaksFor(p.County) {
			return shares.CountyScoped
		}
		return shares.County
	}
	// descend goes from unit to its most-named division, when that holds
	// its share.
	descend := func(unit gazetteer.Place, under func(gazetteer.Place) bool) (gazetteer.Place, bool) {
		var best gazetteer.Place
		found := false
		for p := range w.n {
			if under(p) && (!found || w.better(p, best)) {
				best, found = p, true
			}
		}
		if !found || w.n[best] < share(best)*w.n[unit] {
			return unit, false
		}
		return best, true
	}
	// The cities of the province, and its county-level units under no city
	// (仙桃市) or under the province itself (a municipality's districts).
	next, ok := descend(prov, func(p gazetteer.Place) bool {
		return p.Province == prov.Province && (p.Level == gazetteer.LevelCity ||
			p.Level == gazetteer.LevelCounty && (p.City == "" || p.City == p.Province))
	})
	if !ok {
		return prov, true
	}
	if next.Level == gazetteer.LevelCity {
		if county, ok := descend(next, func(p gazetteer.Place) bool {
			return p.Level == gazetteer.LevelCounty && p.Province == next.Province && p.City == next.City
		}); ok {
			next = county
		}
	}
	return next, true
}

// fullPlace is the gazetteer's entry for a unit (its code too).
func (in *inference) fullPlace(p gazetteer.Place) gazetteer.Place {
	for _, c := range in.g.Lookup(p.Name()) {
		if c.Level == p.Level && c.Province == p.Province && c.City == p.City && c.County == p.County && !c.Short {
			return c.Place
		}
	}
	return p
}
