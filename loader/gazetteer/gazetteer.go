// Package gazetteer knows China's administrative divisions — provinces,
// prefecture-level cities and county-level units — by their full and short
// names, so that a place named in a notice can be placed in the hierarchy
// (博兴县 → 滨州市 → 山东省).
//
// The data is data/gazetteer (china-division@2.7.0, the National Bureau of
// Statistics' 2023 division codes, WTFPL), compacted by gen.go into
// divisions.tsv and embedded.
package gazetteer

//go:generate go run gen.go

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed divisions.tsv
var divisionsTSV string

// Levels of a Place.
const (
	LevelProvince = "province"
	LevelCity     = "city"
	LevelCounty   = "county"
)

// Place is one administrative unit with the names of the units above it.
// City is "" for county-level units directly under a province (仙桃市) and for
// provinces; for districts of a municipality (北京市东城区) City is the
// municipality itself.
type Place struct {
	Province string // full name: 山东省
	City     string // full name: 滨州市
	County   string // full name: 博兴县
	Level    string // province, city or county
	Code     string // statistical division code (synthetic below 71/81/82)
}

// Name is the full name of the unit itself.
func (p Place) Name() string {
	switch p.Level {
	case LevelCounty:
		return p.County
	case LevelCity:
		return p.City
	}
	return p.Province
}

// Candidate is a Place reached through one particular name.
type Candidate struct {
	Place
	Short bool // reached by a short name (滨州, 黔东南州) rather than the full name
}

// Match is a place name found in a text. Start and End are byte offsets.
type Match struct {
	Start, End int
	Name       string
	Candidates []Candidate // most likely first: provinces, then cities, then counties; full names before short ones
}

// Gazetteer indexes the divisions by name.
type Gazetteer struct {
	byName    map[string][]Candidate
	lens      map[rune][]int // first rune of a name -> byte lengths of names starting with it, longest first
	first     []uint64       // bitset over the BMP: runes that start a name (a cheap test before the map)
	pairs     []uint64       // bitset over pairBit: the first two runes of names longer than one (a false hit only costs the lookups it saves)
	provinces []Place
	places    []Place           // every unit, in code order
	byNames   map[string]string // province|city|county -> code (see Code)
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
)

// Default returns the gazetteer built from the embedded data. It is built once
// and shared; a Gazetteer is read-only and safe for concurrent use.
func Default() *Gazetteer {
	defaultOnce.Do(func() { defaultG = build(divisionsTSV) })
	return defaultG
}

type row struct{ level, code, name, parent string }

func build(tsv string) *Gazetteer {
	var rows []row
	for _, line := range strings.Split(tsv, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			continue
		}
		rows = append(rows, row{f[0], f[1], f[2], f[3]})
	}
	provName := map[string]string{}
	cityName := map[string]string{}
	cityProv := map[string]string{}
	for _, r := range rows {
		switch r.level {
		case LevelProvince:
			provName[r.code] = r.name
		case LevelCity:
			cityName[r.code] = r.name
			cityProv[r.code] = r.parent
		}
	}
	g := &Gazetteer{byName: map[string][]Candidate{}, lens: map[rune][]int{}, pairs: make([]uint64, pairBits/64)}
	provShort := map[string]bool{}
	for _, r := range rows {
		if r.level != LevelProvince {
			continue
		}
		p := Place{Province: r.name, Level: LevelProvince, Code: r.code}
		g.provinces = append(g.provinces, p)
		g.places = append(g.places, p)
		g.add(r.name, p, false)
		for _, s := range provinceShortNames(r.name) {
			g.add(s, p, true)
			provShort[s] = true
		}
	}
	for _, r := range rows {
		switch r.level {
		case LevelCity:
			if isPlaceholderCity(r.name) {
				continue
			}
			p := Place{Province: provName[r.parent], City: r.name, Level: LevelCity, Code: r.code}
			g.places = append(g.places, p)
			g.add(r.name, p, false)
			for _, s := range cityShortNames(r.name) {
				g.add(s, p, true) // 吉林 is 吉林省 first (see the sort below), then 吉林市
			}
		case LevelCounty:
			prov := provName[cityProv[r.parent]]
			city := cityName[r.parent]
			switch {
			case city == "市辖区" || city == "县":
				city = prov // districts and counties of a municipality
			case isPlaceholderCity(city):
				city = "" // county-level units directly under the province
			}
			p := Place{Province: prov, City: city, County: r.name, Level: LevelCounty, Code: r.code}
			g.places = append(g.places, p)
			g.add(r.name, p, false)
			for _, s := range countyShortNames(r.name) {
				if provShort[s] {
					continue
				}
				g.add(s, p, true)
			}
		}
	}
	sort.SliceStable(g.places, func(i, j int) bool { return g.places[i].Code < g.places[j].Code })
	g.byNames = make(map[string]string, len(g.places))
	for _, p := range g.places {
		k := placeKey(p.Province, p.City, p.County)
		if _, dup := g.byNames[k]; !dup {
			g.byNames[k] = p.Code
		}
	}
	levelRank := map[string]int{LevelProvince: 0, LevelCity: 1, LevelCounty: 2}
	for name, cs := range g.byName {
		sort.SliceStable(cs, func(i, j int) bool {
			if cs[i].Short != cs[j].Short {
				return !cs[i].Short
			}
			return levelRank[cs[i].Level] < levelRank[cs[j].Level]
		})
		r, size := utf8.DecodeRuneInString(name)
		g.lens[r] = append(g.lens[r], len(name))
		if size < len(name) {
			r2, _ := utf8.DecodeRuneInString(name[size:])
			g.pairs[pairBit(r, r2)/64] |= 1 << (pairBit(r, r2) % 64)
		}
	}
	g.first = make([]uint64, 0x10000/64)
	for r, ls := range g.lens {
		if r < 0x10000 {
			g.first[r/64] |= 1 << (r % 64)
		}
		sort.Sort(sort.Reverse(sort.IntSlice(ls)))
		out := ls[:0]
		for i, l := range ls {
			if i == 0 || l != ls[i-1] {
				out = append(out, l)
			}
		}
		g.lens[r] = out
	}
	return g
}

func (g *Gazetteer) add(name string, p Place, short bool) {
	if utf8.RuneCountInString(name) < 2 {
		return
	}
	for _, c := range g.byName[name] {
		if c.Code == p.Code {
			return
		}
	}
	g.byName[name] = append(g.byName[name], Candidate{Place: p, Short: short})
}

func isPlaceholderCity(name string) bool {
	return name == "市辖区" || name == "县" || strings.HasSuffix(name, "直辖县级行政区划")
}

// ethnicNames are the group names that autonomous units carry between the
// place name and 自治区/自治州/自治县/自治旗, longest first where one is a
// prefix of another's tail.
var ethnicNames = []string{
	"达斡尔族", "鄂伦春族", "鄂温克族", "俄罗斯族", "乌孜别克族", "柯尔克孜族", "塔吉克族", "塔塔尔族", "维吾尔族", "哈萨克族",
	"柯尔克孜", "塔吉克", "维吾尔", "哈萨克", "乌孜别克", "塔塔尔", "达斡尔", "鄂伦春", "鄂温克",
	"土家族", "布依族", "朝鲜族", "傈僳族", "拉祜族", "纳西族", "景颇族", "仫佬族", "撒拉族", "毛南族", "仡佬族",
	"东乡族", "阿昌族", "普米族", "德昂族", "保安族", "裕固族", "独龙族", "赫哲族", "门巴族", "珞巴族", "基诺族",
	"布朗族", "哈尼族", "高山族", "蒙古族", "锡伯族",
	"蒙古", "锡伯", "各族",
	"回族", "藏族", "苗族", "彝族", "壮族", "满族", "侗族", "瑶族", "白族", "傣族", "黎族", "佤族", "畲族", "水族",
	"土族", "羌族", "怒族", "京族",
}

func stripEthnic(s string) string {
	for {
		trimmed := false
		for _, e := range ethnicNames {
			if strings.HasSuffix(s, e) && utf8.RuneCountInString(s)-utf8.RuneCountInString(e) >= 2 {
				s = strings.TrimSuffix(s, e)
				trimmed = true
				break
			}
		}
		if !trimmed {
			return s
		}
	}
}

func provinceShortNames(full string) []string {
	for _, suf := range []string{"特别行政区", "自治区", "省", "市"} {
		if strings.HasSuffix(full, suf) {
			return []string{stripEthnic(strings.TrimSuffix(full, suf))}
		}
	}
	return nil
}

func cityShortNames(full string) []string {
	switch {
	case strings.HasSuffix(full, "自治州"):
		base := stripEthnic(strings.TrimSuffix(full, "自治州"))
		return []string{base, base + "州"}
	case strings.HasSuffix(full, "地区"):
		return []string{strings.TrimSuffix(full, "地区")}
	case strings.HasSuffix(full, "盟"), strings.HasSuffix(full, "市"):
		_, size := utf8.DecodeLastRuneInString(full)
		if base := full[:len(full)-size]; utf8.RuneCountInString(base) >= 2 {
			return []string{base}
		}
	}
	return nil
}

func countyShortNames(full string) []string {
	for _, suf := range []string{"自治县", "自治旗"} {
		if strings.HasSuffix(full, suf) {
			base := stripEthnic(strings.TrimSuffix(full, suf))
			return []string{base, base + strings.TrimPrefix(suf, "自治")}
		}
	}
	for _, suf := range []string{"县", "市", "区"} {
		if strings.HasSuffix(full, suf) {
			base := strings.TrimSuffix(full, suf)
			if utf8.RuneCountInString(base) >= 2 && !strings.HasSuffix(base, "新") && !strings.HasSuffix(base, "城") {
				return []string{base}
			}
		}
	}
	return nil
}

// Lookup returns every place known by name (full or short), most likely first.
// The slice is shared: do not modify it.
func (g *Gazetteer) Lookup(name string) []Candidate {
	return g.byName[name]
}

// Province returns the provincial-level unit with the given full or short
// name (山东省, 山东, 内蒙古, 香港).
func (g *Gazetteer) Province(name string) (Place, bool) {
	for _, c := range g.byName[name] {
		if c.Level == LevelProvince {
			return c.Place, true
		}
	}
	return Place{}, false
}

// Provinces lists the provincial-level units in code order.
func (g *Gazetteer) Provinces() []Place {
	return append([]Place(nil), g.provinces...)
}

// Places lists every unit (provinces, prefectures, county-level units) in
// division-code order, the administrative order analysts know: 北京市 before
// 天津市 … 新疆维吾尔自治区, each province before its prefectures and each
// prefecture before its counties. The loader writes it as the places table.
func (g *Gazetteer) Places() []Place {
	return append([]Place(nil), g.places...)
}

// Parent is the division code of the unit directly above p: the prefecture
// of a county (or the province, for county-level units directly under one
// and for the districts of a municipality), the province of a prefecture;
// "" for a province.
func (p Place) Parent() string {
	switch p.Level {
	case LevelCity:
		return p.Code[:2]
	case LevelCounty:
		if p.City == "" || p.City == p.Province {
			return p.Code[:2]
		}
		return p.Code[:4]
	}
	return ""
}

// Code returns the division code of the unit a notice was placed in by its
// full names (as documents.province, city and county hold them): the county
// when it is known, else the city, else the province; "" when not even the
// province is known. A city or county the gazetteer does not know under
// that province falls back to the unit above it.
func (g *Gazetteer) Code(province, city, county string) string {
	for _, k := range []string{placeKey(province, city, county), placeKey(province, city, ""), placeKey(province, "", "")} {
		if c, ok := g.byNames[k]; ok {
			return c
		}
	}
	return ""
}

func placeKey(province, city, county string) string {
	return province + "|" + city + "|" + county
}

// Scan finds place names in text, leftmost-longest, without overlaps. It
// looks up only the name lengths that start with each rune, so the cost is
// linear in the text.
func (g *Gazetteer) Scan(text string) []Match {
	var out []Match
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r < 0x10000 && g.first[r/64]&(1<<(r%64)) == 0 {
			i += size
			continue
		}
		if l, cs := g.longestAt(text, i, r); l > 0 && !(weak(cs) && g.strongWithin(text, i+size, i+l)) {
			out = append(out, Match{Start: i, End: i + l, Name: text[i : i+l], Candidates: cs})
			i += l
			continue
		}
		i += size
	}
	return out
}

// longestAt returns the byte length and candidates of the longest name
// starting at text[i:], whose first rune is r; 0 when none does.
func (g *Gazetteer) longestAt(text string, i int, r rune) (int, []Candidate) {
	// Most runes that start a name are not followed by the second rune of
	// any: then only a one-rune name can start here.
	_, size := utf8.DecodeRuneInString(text[i:])
	pair := false
	if i+size < len(text) {
		r2, _ := utf8.DecodeRuneInString(text[i+size:])
		b := pairBit(r, r2)
		pair = g.pairs[b/64]&(1<<(b%64)) != 0
	}
	for _, l := range g.lens[r] {
		if i+l > len(text) || l > size && !pair {
			continue
		}
		if cs, ok := g.byName[text[i:i+l]]; ok {
			return l, cs
		}
	}
	return 0, nil
}

// pairBits is the size of the pairs bitset.
const pairBits = 1 << 20

// pairBit is the bit of the pairs bitset for a name's first two runes.
func pairBit(r1, r2 rune) uint32 {
	return (uint32(r1)*0x9e3779b1 ^ uint32(r2)*0x85ebca6b) % pairBits
}

// weak reports a name known only as the short name of county-level units
// (立山 for 立山区): too often part of ordinary words.
func weak(cs []Candidate) bool {
	for _, c := range cs {
		if !c.Short || c.Level != LevelCounty {
			return false
		}
	}
	return true
}

// strongWithin reports whether a name that is not weak starts at a rune
// boundary in text[from:to] — 成立山东省 is 山东省, not 立山.
func (g *Gazetteer) strongWithin(text string, from, to int) bool {
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if l, cs := g.longestAt(text, i, r); l > 0 && !weak(cs) {
			return true
		}
		i += size
	}
	return false
}
