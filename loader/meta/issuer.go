package meta

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/loader/gazetteer"
)

// orgSuffixRe matches what follows a place name when the two form an
// organisation: 山东省|通信管理局, 博兴县|工业和信息化局, 山东省|委.
// Alternatives are ordered longest first.
var orgSuffixRe = regexp.MustCompile(`^(?:省|市|县|区)?(通信管理局|管局|通信发展管理办公室|通信管理办公室|通信发展办公室|` +
	`工业和信息化(?:局|厅|委员会|委)|经济和信息化(?:局|厅|委员会|委)|经济信息化(?:局|厅|委员会|委)|科技和工业信息化局|` +
	`科技经济信息化局|科技经信局|科技工信局|科工信局|科工局|科技和工业信息发展局|` +
	`工信局|工信厅|工信委|经信局|经信厅|经信委|经济信息委|` +
	`大数据(?:发展)?(?:管理)?局|大数据中心|数据(?:资源)?(?:管理)?局|政务服务和大数据管理局|` +
	`委网信办|网信办|互联网信息办公室|委网络安全和信息化委员会办公室|` +
	`人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|` +
	`发展和改革委员会|发展改革委|发改委|科学技术厅|科学技术局|科技厅|科技局|公安厅|公安局|` +
	`市场监督管理局|市场监管局|纪委监委|纪委|人大常委会|政协|` +
	`省长|市长|县长|区长|州长|主席|委)`)

// orgAbbrev spells out the short names of departments, so that one body
// has one name across notices: 工信局 → 工业和信息化局.
var orgAbbrev = map[string]string{
	"工信局": "工业和信息化局", "工信厅": "工业和信息化厅", "工信委": "工业和信息化委员会",
	"经信局": "经济和信息化局", "经信厅": "经济和信息化厅", "经信委": "经济和信息化委员会",
	"经济信息委": "经济和信息化委员会",
}

// levelOrgRe finds a department named by a bare level word instead of its
// place (会议由省通信管理局主办, 信息来源：区经济信息委): the place is the
// one of that level the notice is about. The level word must not end a
// longer name (全省, 湖北省 and 渝北区 are not bare).
var levelOrgRe = regexp.MustCompile(`(?:^|[^\p{Han}]|由|经|据|和|与|及|同|会同|联合)(省|市|州|盟|县|区)(` +
	`通信管理局|通信发展管理办公室|工业和信息化(?:局|厅|委员会)|经济和信息化(?:局|厅|委员会)|` +
	`工信局|工信厅|工信委|经信局|经信厅|经信委|经济信息委|大数据(?:发展)?(?:管理)?局|网信办)`)

// leaderOffice maps a leader's title after a place name to the body the
// leader heads: 山东省省长 speaks for 山东省人民政府.
var leaderOffice = map[string]string{
	"省长": "人民政府", "市长": "人民政府", "县长": "人民政府", "区长": "人民政府", "州长": "人民政府", "主席": "人民政府",
}

// badAfterWei rejects a bare "委" that starts another word (山东省委托).
var badAfterWei = regexp.MustCompile(`^(托|屈|婉|派|任|靡)`)

// org is an organisation named in the text with the place it belongs to.
type org struct {
	Name  string // normalised: 山东省通信管理局
	Place gazetteer.Place
	Start int // byte offset in the text searched
	Cands []gazetteer.Candidate
}

// findOrgs lists the organisations named in s, in order: a place name from
// the gazetteer directly followed by an organisation suffix. Short names of
// county-level units (博兴 without 县) do not count: too many are words.
func findOrgs(s string, g *gazetteer.Gazetteer) []org {
	var out []org
	for _, m := range g.Scan(s) {
		rest := s[m.End:]
		sm := orgSuffixRe.FindStringSubmatchIndex(rest)
		if sm == nil {
			continue
		}
		suffix := rest[sm[2]:sm[3]]
		if suffix == "委" && badAfterWei.MatchString(rest[sm[1]:]) {
			continue
		}
		cands := usableCandidates(m.Candidates)
		if len(cands) == 0 {
			continue
		}
		c := cands[0]
		name := c.Name()
		switch suffix {
		case "省长", "市长", "县长", "区长", "州长", "主席":
			// 山东省省长 (not 山东省长期): the office word must repeat the
			// unit's own suffix, 主席 only for autonomous regions.
			unit := strings.TrimSuffix(suffix, "长")
			if suffix == "主席" {
				if !strings.HasSuffix(c.Name(), "自治区") {
					continue
				}
			} else if !strings.HasSuffix(c.Name(), unit) {
				continue
			}
			suffix = leaderOffice[suffix]
		case "管局":
			// 山东管局 is the provincial communications administration.
			if c.Level != gazetteer.LevelProvince {
				continue
			}
			suffix = "通信管理局"
		}
		if full, ok := orgAbbrev[suffix]; ok {
			suffix = full
		}
		out = append(out, org{Name: name + suffix, Place: c.Place, Start: m.Start, Cands: cands})
	}
	return out
}

// usableCandidates drops short names of county-level units and of cities
// that are not followed by a unit word, keeping the most likely first.
func usableCandidates(cs []gazetteer.Candidate) []gazetteer.Candidate {
	var out []gazetteer.Candidate
	for _, c := range cs {
		if c.Short && c.Level == gazetteer.LevelCounty {
			continue
		}
		out = append(out, c)
	}
	return out
}

// orgOfLine reads a signature line (中共博兴县工业和信息化局党组) as an
// organisation, or returns false.
func orgOfLine(line string, g *gazetteer.Gazetteer) (org, bool) {
	l := strings.TrimSpace(line)
	if utf8.RuneCountInString(l) > 40 || strings.ContainsAny(l, "，。,；;：:") {
		return org{}, false
	}
	l = strings.TrimPrefix(l, "中共")
	l = strings.TrimPrefix(l, "中国共产党")
	orgs := findOrgs(l, g)
	if len(orgs) == 0 || orgs[0].Start != 0 {
		return org{}, false
	}
	return orgs[0], true
}
