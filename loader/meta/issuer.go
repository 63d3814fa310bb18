package meta

import (
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/loader/gazetteer"
)

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
func (lx *Lexicon) findOrgs(s string, g *gazetteer.Gazetteer) []org {
	var out []org
	for _, m := range g.Scan(s) {
		rest := s[m.End:]
		sm := lx.orgSuffixRe.FindStringSubmatchIndex(rest)
		if sm == nil {
			continue
		}
		suffix := rest[sm[2]:sm[3]]
		if suffix == "委" && startsWithAny(rest[sm[1]:], lx.NotAfterWei) {
			continue
		}
		cands := usableCandidates(m.Candidates)
		if len(cands) == 0 {
			continue
		}
		c := cands[0]
		name := c.Name()
		if body, ok := lx.LeaderOffices[suffix]; ok {
			// 山东省省长 (not 山东省长期): the leader's title must repeat
			// the unit's own suffix, 主席 only for autonomous regions.
			if suffix == "主席" {
				if !strings.HasSuffix(c.Name(), "自治区") {
					continue
				}
			} else if !strings.HasSuffix(c.Name(), strings.TrimSuffix(suffix, "长")) {
				continue
			}
			suffix = body
		} else if suffix == "管局" {
			// 山东管局 is the provincial communications administration.
			if c.Level != gazetteer.LevelProvince {
				continue
			}
			suffix = "通信管理局"
		}
		if full, ok := lx.OrgAbbreviations[suffix]; ok {
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
func (lx *Lexicon) orgOfLine(line string, g *gazetteer.Gazetteer) (org, bool) {
	l := strings.TrimSpace(line)
	if utf8.RuneCountInString(l) > 40 || strings.ContainsAny(l, "，。,；;：:") {
		return org{}, false
	}
	l = strings.TrimPrefix(l, "中共")
	l = strings.TrimPrefix(l, "中国共产党")
	orgs := lx.findOrgs(l, g)
	if len(orgs) == 0 || orgs[0].Start != 0 {
		return org{}, false
	}
	return orgs[0], true
}
