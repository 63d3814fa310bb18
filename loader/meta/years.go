package meta

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	reviewPhraseRe = regexp.MustCompile(`(?:回顾|总结|回顾总结|盘点|通报)(?:了)?\s*((?:19|20)\d{2})\s*年`)
	planPhraseRe   = regexp.MustCompile(`(?:部署|安排部署|研究部署|谋划|展望|明确)(?:了)?\s*((?:19|20)\d{2})\s*年`)
	forwardRe      = regexp.MustCompile(`下一步|今后|将|要|继续|持续|进一步|力争|计划`)
)

// years works out the year the notice reviews and the year it plans for.
//
//   - A work conference or key points for year Y (召开2026年工作会议) plans Y
//     and reviews Y-1; explicit phrases (总结2025年工作, 部署2026年工作)
//     override that.
//   - A rectification report reviews its own year (or the year before,
//     when that is the year it talks about) and plans none.
//   - Other notices (signed articles, news) published in year P review the
//     year before when they talk about it (2021年以来 in a 2022 article), else
//     P; they plan P, or P+1 when they name it.
func (in *inference) years() {
	lead := in.lead
	rev, plan := 0, 0
	revSrc, planSrc := "", ""
	if m := reviewPhraseRe.FindStringSubmatch(lead); m != nil {
		rev, _ = strconv.Atoi(m[1])
		revSrc = SrcBody
	}
	if m := planPhraseRe.FindStringSubmatch(lead); m != nil {
		plan, _ = strconv.Atoi(m[1])
		planSrc = SrcBody
	}
	src := SrcBody
	if conferenceYear.MatchString(in.m.Title) {
		src = SrcTitle
	}
	P := 0
	if !in.m.Published.IsZero() {
		P = in.m.Published.Year()
	}
	switch {
	case in.m.DocType == TypeConference || in.m.DocType == TypeKeyPoints || (conferenceYear.MatchString(lead) && rev == 0 && plan == 0):
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
			if rev == 0 && in.m.DocType != TypeKeyPoints {
				rev, revSrc = y-1, ysrc
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
			y := inspectionYear(in.doc.Text)
			if y == 0 {
				y = mostMentioned(in.doc.Text)
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
		counts := yearCounts(in.doc.Text)
		if P != 0 {
			if rev == 0 {
				month := int(in.m.Published.Month())
				switch {
				case counts[P-1] > 0 && (month <= 9 || counts[P-1] >= counts[P]):
					rev, revSrc = P-1, SrcBody
				case month <= 3 && strings.Contains(in.doc.Text, "去年"):
					rev, revSrc = P-1, SrcBody
				default:
					rev, revSrc = P, SrcPublished
				}
			}
			if plan == 0 && forwardRe.MatchString(in.doc.Text) {
				if counts[P+1] > 0 && planPhraseRe.MatchString(in.doc.Text) || (counts[P+1] > 0 && rev == P) {
					plan, planSrc = P+1, SrcBody
				} else {
					plan, planSrc = P, SrcPublished
				}
			}
		} else if y := mostMentioned(in.doc.Text); y != 0 && rev == 0 {
			rev, revSrc = y, SrcBody
			if plan == 0 && counts[y+1] > 0 {
				plan, planSrc = y+1, SrcBody
			}
		}
	}
	if v, s, ok := in.over("reviewed_year"); ok {
		rev, revSrc = atoiYear(v), s
	}
	if v, s, ok := in.over("plan_year"); ok {
		plan, planSrc = atoiYear(v), s
	}
	in.m.ReviewedYear, in.m.PlanYear = rev, plan
	if rev != 0 {
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

// inspectionYearRe finds the year in the sentence that says when the
// inspection took place: 2022年3月1日至4月30日，市委第一轮巡察组对….
var inspectionYearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年[^。；\n]{0,60}?(巡察|巡视|审计|督查|督察)`)

func inspectionYear(text string) int {
	if m := inspectionYearRe.FindStringSubmatch(text); m != nil {
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
// may be separated from 年 by spaces). It scans for 年 rather than running a
// regular expression over the whole text.
func yearCounts(s string) map[int]int {
	c := map[int]int{}
	for off := 0; ; {
		i := strings.Index(s[off:], "年")
		if i < 0 {
			return c
		}
		j := off + i
		off = j + len("年")
		k := j
		for k > 0 && s[k-1] == ' ' {
			k--
		}
		if k < 4 {
			continue
		}
		d := s[k-4 : k]
		if d[0] < '1' || d[0] > '2' || !isDigits(d) || (k > 4 && s[k-5] >= '0' && s[k-5] <= '9') {
			continue
		}
		y, _ := strconv.Atoi(d)
		if y >= 1949 && y <= 2100 {
			c[y]++
		}
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func mostMentioned(s string) int {
	best, n := 0, 0
	for y, c := range yearCounts(s) {
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
