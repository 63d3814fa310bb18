package extract

import (
	"math"
	"strings"
	"unicode/utf8"
)

// figure is a number found in a sentence, with its unit and qualifier,
// before the metric, kind and year are decided.
type figure struct {
	start, end      int // rune span of the surface in the sentence
	numStart        int // first rune of the number itself (after a prefix qualifier)
	value, valueMax float64
	hasMax          bool
	unit            string
	qual            string
	chinese         bool // written only in Chinese numerals
	rank            bool
	prenominal      bool // the unit is followed by the noun it counts (2个项目)
}

var cnDigit = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var cnSmall = map[rune]float64{'十': 10, '百': 100, '千': 1000}
var cnBig = map[rune]float64{'万': 1e4, '亿': 1e8}

func isCNNumeral(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

func digitVal(r rune) int {
	if r >= '０' && r <= '９' {
		return int(r - '０')
	}
	return int(r - '0')
}

func isLatin(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

// isHan reports a CJK ideograph.
func isHan(r rune) bool {
	return (r >= 0x4e00 && r <= 0x9fff) || (r >= 0x3400 && r <= 0x4dbf) || (r >= 0xf900 && r <= 0xfaff)
}

func at(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

func hasAt(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// endsWith reports whether rs[:i] ends with s.
func endsWith(rs []rune, i int, s string) bool {
	j := i
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		j--
		if j < 0 || j >= len(rs) || rs[j] != r {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}

// parseArabic reads digits with optional thousands separators and decimals
// at rs[i]. digits is the count of integer digits.
func parseArabic(rs []rune, i int) (v float64, end int, digits int, ok bool) {
	j := i
	var intPart float64
	for j < len(rs) {
		r := rs[j]
		if isDigit(r) {
			intPart = intPart*10 + float64(digitVal(r))
			digits++
			j++
			continue
		}
		// 1,234,567: a comma followed by exactly three digits.
		if r == ',' && digits > 0 && isDigit(at(rs, j+1)) && isDigit(at(rs, j+2)) && isDigit(at(rs, j+3)) && !isDigit(at(rs, j+4)) {
			intPart = intPart*1000 + float64(digitVal(rs[j+1])*100+digitVal(rs[j+2])*10+digitVal(rs[j+3]))
			digits += 3
			j += 4
			continue
		}
		break
	}
	if digits == 0 {
		return 0, i, 0, false
	}
	v = intPart
	if (at(rs, j) == '.' || at(rs, j) == '．') && isDigit(at(rs, j+1)) {
		j++
		scale := 0.1
		for j < len(rs) && isDigit(rs[j]) {
			v += float64(digitVal(rs[j])) * scale
			scale /= 10
			j++
		}
	}
	return v, j, digits, true
}

// parseChinese reads a run of Chinese numerals at rs[i]. bare reports a run
// that starts with a magnitude (万, 千) and so has no digit of its own.
func parseChinese(rs []rune, i int) (v float64, end int, bare bool, ok bool) {
	j := i
	for j < len(rs) && isCNNumeral(rs[j]) {
		j++
	}
	if j == i {
		return 0, i, false, false
	}
	v, ok = cnValue(rs[i:j])
	_, b1 := cnBig[rs[i]]
	b2 := rs[i] == '百' || rs[i] == '千'
	if ok && at(rs, j) == '点' && !(j == i+1 && rs[i] == '两') && !strings.ContainsAny(string(rs[i:j]), "万亿") {
		// 八十六点五亿, 九十八点五: decimals written out, digit by digit,
		// then the magnitude they carry.
		frac, scale, k := 0.0, 0.1, j+1
		for k < len(rs) && rs[k] != '两' {
			d, isD := cnDigit[rs[k]]
			if !isD {
				break
			}
			frac += float64(d) * scale
			scale /= 10
			k++
		}
		if k > j+1 {
			v += frac
			j = k
			if m, e := magnitude(rs, j); e > j && (at(rs, j) == '万' || at(rs, j) == '亿') {
				v *= m
				j = e
			}
		}
	}
	return v, j, b1 || b2, ok
}

// cnValue evaluates Chinese numerals: 二十四 24, 一百零五 105, 三万五千 35000,
// 万亿 1e12. Runs such as 十四五 (two digits in a row) are invalid.
func cnValue(run []rune) (float64, bool) {
	for _, big := range []rune{'亿', '万'} {
		for k := len(run) - 1; k >= 0; k-- {
			if run[k] != big {
				continue
			}
			left, right := 1.0, 0.0
			if k > 0 {
				l, ok := cnValue(run[:k])
				if !ok {
					return 0, false
				}
				left = l
			}
			if k+1 < len(run) {
				r, ok := cnValue(run[k+1:])
				if !ok || r >= cnBig[big] {
					return 0, false
				}
				right = r
			}
			return left*cnBig[big] + right, true
		}
	}
	sec, num := 0.0, -1
	last := math.Inf(1)
	zero := false
	for idx, r := range run {
		if d, ok := cnDigit[r]; ok {
			if d == 0 {
				num = -1
				zero = true
				continue
			}
			if num >= 0 {
				return 0, false
			}
			num = d
			continue
		}
		u, ok := cnSmall[r]
		if !ok || u >= last {
			return 0, false
		}
		n := float64(num)
		if num < 0 {
			if idx != 0 {
				return 0, false
			}
			n = 1
		}
		sec += n * u
		num = -1
		last = u
		zero = false
	}
	if num >= 0 {
		if zero || last == 10 || math.IsInf(last, 1) {
			sec += float64(num)
		} else {
			// 三百五 (350) is colloquial; treat as the next lower unit.
			sec += float64(num) * last / 10
		}
	}
	return sec, true
}

// magnitude reads 万, 亿, 千万, 万亿 … after an Arabic number.
func magnitude(rs []rune, i int) (mult float64, end int) {
	mult, end = 1, i
	for end < len(rs) {
		switch rs[end] {
		case '万':
			mult *= 1e4
		case '亿':
			mult *= 1e8
		case '千':
			mult *= 1e3
		case '百':
			mult *= 1e2
		default:
			return mult, end
		}
		end++
	}
	return mult, end
}

// Units, longest first within each group, with their normalised names.
var unitTable = func() []unitEntry {
	var us []unitEntry
	add := func(norm string, surfaces ...string) {
		for _, s := range surfaces {
			us = append(us, unitEntry{[]rune(s), norm})
		}
	}
	add("个百分点", "个百分点", "百分点")
	add("%", "%", "％")
	add("‰", "‰")
	add("平方公里", "平方公里")
	add("平方米", "平方米")
	add("皮长公里", "皮长公里")
	add("芯公里", "芯公里")
	add("标准机架", "个标准机架", "标准机架")
	add("千瓦时", "千瓦时")
	add("人次", "人次")
	add("场次", "场次")
	add("架次", "架次")
	add("家次", "家次")
	add("批次", "批次")
	add("户次", "户次")
	add("公里", "公里")
	add("千米", "千米")
	add("千瓦", "千瓦")
	add("兆瓦", "兆瓦")
	add("美元", "美元")
	for _, s := range strings.Split("元 个 家 户 人 名 位 项 件 场 次 期 款 套 台 部 支 条 座 所 张 份 批 篇 处 起 类 种 宗 笔 封 辆 架 艘 颗 根 杆 站 栋 幢 块 轮 米 亩 吨 倍", " ") {
		add(s, s)
	}
	// Latin units keep their conventional spelling (Gbps, not GBPS; the
	// catalogue's units are written so); FLOPS is written in capitals.
	for _, p := range []string{"E", "P", "T"} {
		add(p+"FLOPS", p+"FLOPS", p+"Flops")
	}
	for _, p := range []string{"T", "G", "M"} {
		add(p+"bps", p+"bps", p+"BPS", p+"b/s", p+"bit/s")
	}
	for _, s := range []string{"TB", "PB", "EB", "GB", "MW", "GW"} {
		add(s, s)
	}
	add("km", "km")
	add("kW", "kW", "KW")
	// Longest first so 个百分点 wins over 个, 人次 over 人.
	for i := 1; i < len(us); i++ {
		for j := i; j > 0 && len(us[j].surface) > len(us[j-1].surface); j-- {
			us[j], us[j-1] = us[j-1], us[j]
		}
	}
	return us
}()

type unitEntry struct {
	surface []rune
	norm    string
}

// unitWordBlock lists words that begin with a one-character unit.
var unitWordBlock = map[rune][]string{
	'部': {"部门", "部署", "部分", "部委"},
	'台': {"台风", "台账", "台区", "台湾"},
	'所': {"所有", "所属", "所在", "所辖"},
	'处': {"处理", "处置", "处室", "处级"},
	'位': {"位于", "位居", "位列"},
	'起': {"起草", "起来", "起步"},
	'座': {"座谈"},
	'期': {"期间", "期末", "期限", "期待"},
	'条': {"条例", "条件"},
	'张': {"张贴"},
	'批': {"批准", "批复", "批示"},
	'名': {"名称", "名单", "名列"},
	'场': {"场景", "场所", "场地"},
	'项': {"项目"},
	'件': {"件事"},
	'次': {"次数", "次全会", "次会议", "次全体会议", "次代表大会", "次党代会"},
	'类': {"类型"},
	'种': {"种类"},
	'家': {"家庭", "家用"},
	'人': {"人民", "人员", "人才", "人口", "人工"},
	'站': {"站点"},
	'米': {"米粮"},
}

// classifiers are counting units that precede the noun they count.
var classifiers = map[string]bool{}

func init() {
	for _, s := range strings.Split("个 家 户 人 名 位 项 件 场 次 期 款 套 台 部 支 条 座 所 张 份 批 篇 处 起 类 种 宗 笔 封 辆 架 艘 颗 根 杆 站 栋 幢 块 轮", " ") {
		classifiers[s] = true
	}
}

// notNounStart are characters that, right after a figure, begin a verb or
// a conjunction rather than the noun counted.
const notNounStart = "增同较比占居位排分均已全是为达和与及或共累新实完提降减超突约近左以获在被将等中"

// eventUnits count events (meetings, trainings, inspections).
var eventUnits = map[string]bool{"次": true, "场": true, "期": true, "场次": true, "轮": true, "批次": true}

// unitsByFirst indexes unitTable by first rune, longest first.
var unitsByFirst = func() map[rune][]unitEntry {
	m := map[rune][]unitEntry{}
	for _, u := range unitTable {
		m[u.surface[0]] = append(m[u.surface[0]], u)
	}
	return m
}()

// matchUnit finds a unit at rs[i].
func matchUnit(rs []rune, i int) (norm string, end int, ok bool) {
	if i >= len(rs) {
		return "", i, false
	}
	for _, u := range unitsByFirst[rs[i]] {
		if !hasAt(rs, i, string(u.surface)) {
			continue
		}
		e := i + len(u.surface)
		if isLatin(u.surface[0]) && isLatin(at(rs, e)) {
			continue
		}
		// Durations are no indicators: 3个月, 5个工作日, 24个小时.
		if u.norm == "个" && (hasAt(rs, e, "月") || hasAt(rs, e, "工作日") || hasAt(rs, e, "小时") || hasAt(rs, e, "星期")) {
			return "", i, false
		}
		// A unit character that begins a word is no unit: 10部门, 3台风.
		if len(u.surface) == 1 {
			for _, w := range unitWordBlock[u.surface[0]] {
				if hasAt(rs, i, w) {
					return "", i, false
				}
			}
		}
		// Prices: 0.5元/GB, 30元每月.
		if u.norm == "元" || u.norm == "美元" {
			if sep := at(rs, e); sep == '/' || sep == '每' {
				k := e + 1
				for k < len(rs) && k < e+4 && (isLatin(rs[k]) || strings.ContainsRune("月年日户人次分钟秒条", rs[k])) {
					k++
				}
				if k > e+1 {
					return u.norm + "/" + string(rs[e+1:k]), k, true
				}
			}
		}
		return u.norm, e, true
	}
	return "", i, false
}

// Qualifiers written before a number, longest first.
var prefixQuals = []struct {
	s, q string
}{
	{"不少于", "at_least"}, {"不低于", "at_least"}, {"不超过", "at_most"}, {"不高于", "at_most"},
	{"不到", "at_most"}, {"不足", "at_most"}, {"超过", "over"}, {"突破", "over"}, {"接近", "approx"},
	{"将近", "approx"}, {"大约", "approx"}, {"约为", "approx"}, {"至少", "at_least"}, {"最少", "at_least"},
	{"最多", "at_most"}, {"至多", "at_most"}, {"多于", "over"}, {"高于", "over"}, {"大于", "over"},
	{"少于", "at_most"}, {"低于", "at_most"}, {"超", "over"}, {"逾", "over"}, {"约", "approx"}, {"近", "approx"},
}

// Qualifiers written after the unit.
var suffixQuals = []struct {
	s, q string
}{
	{"及以上", "at_least"}, {"及以下", "at_most"}, {"以上", "at_least"}, {"以下", "at_most"}, {"以内", "at_most"}, {"左右", "approx"},
}

func isRangeSep(r rune) bool {
	switch r {
	case '-', '~', '～', '〜', '—', '–', '―', '至', '到', '－':
		return true
	}
	return false
}

// core is a bare number with its magnitude.
type core struct {
	start, end int
	value      float64
	chinese    bool
	bare       bool // Chinese run starting with a magnitude (万亿)
	mag        bool // carries 万/亿… (Arabic magnitude or Chinese big unit)
	over       bool // 余 or 多 inside (30余万)
	digits     int
	decimal    bool
	mult       float64 // the magnitude applied to the written number
}

// readCore reads a number and its magnitude at rs[i].
func readCore(rs []rune, i int) (c core, ok bool) {
	if i >= len(rs) {
		return c, false
	}
	c.start = i
	c.mult = 1
	r := rs[i]
	var j int
	switch {
	case isDigit(r):
		v, e, d, ok := parseArabic(rs, i)
		if !ok {
			return c, false
		}
		if d > 15 {
			// Identity, licence and account numbers, never a quantity.
			return c, false
		}
		c.value, c.digits, j = v, d, e
		c.decimal = e > i+d
		// 24.2 万个 on messy pages.
		if at(rs, j) == ' ' && (at(rs, j+1) == '万' || at(rs, j+1) == '亿') {
			j++
		}
		if at(rs, j) == '余' || at(rs, j) == '多' {
			if m, e2 := magnitude(rs, j+1); e2 > j+1 {
				c.over, c.mag, c.value, c.mult, j = true, true, c.value*m, m, e2
			}
		}
		if m, e2 := magnitude(rs, j); e2 > j {
			c.mag, c.value, c.mult, j = true, c.value*m, c.mult*m, e2
		}
	case isCNNumeral(r):
		v, e, bare, ok := parseChinese(rs, i)
		if !ok {
			return c, false
		}
		c.value, c.chinese, c.bare, j = v, true, bare, e
		for k := i; k < e; k++ {
			if rs[k] == '万' || rs[k] == '亿' {
				c.mag = true
			}
		}
		if at(rs, j) == '余' || at(rs, j) == '多' {
			if m, e2 := magnitude(rs, j+1); e2 > j+1 && m >= 1e4 {
				c.over, c.mag, c.value, j = true, true, c.value*m, e2
			}
		}
	default:
		return c, false
	}
	// 万兆, 千兆: technology names, not magnitudes.
	if c.mag && at(rs, j) == '兆' {
		return c, false
	}
	c.end = j
	return c, true
}

// runEnd is where a rejected number's run of digits, letters and joining
// punctuation ends, so that its tail is not read as a number of its own.
func runEnd(rs []rune, i int) int {
	j := i
	for j < len(rs) {
		r := rs[j]
		if isDigit(r) || isLatin(r) || strings.ContainsRune(".-/:_@,．－：", r) || isCNNumeral(r) {
			j++
			continue
		}
		break
	}
	if j == i {
		j++
	}
	return j
}

// scan finds the figures of a sentence.
func scan(rs []rune) []figure {
	var quoted []bool
	var out []figure
	for i := 0; i < len(rs); {
		r := rs[i]
		if !isDigit(r) && !isCNNumeral(r) && r != '翻' {
			i++
			continue
		}
		if quoted == nil {
			quoted = quoteMask(rs)
		}
		if quoted[i] {
			i = runEnd(rs, i)
			continue
		}
		f, next, ok := readFigure(rs, i)
		if ok && (bad(f.value) || bad(f.valueMax)) {
			ok, next = false, f.end
		}
		if !ok {
			if next <= i {
				next = runEnd(rs, i)
			}
			i = next
			continue
		}
		if isMinus(at(rs, f.numStart-1)) && f.start == f.numStart && !f.chinese && !f.hasMax &&
			endsWithAny(rs, f.numStart-1, "增长", "增速", "增幅", "增长率", "为", "达", "达到", "至") {
			// 同比增长-3.5%: a fall, written as negative growth.
			f.value, f.start = -f.value, f.start-1
		}
		if n := len(out); n > 0 && fromTo(rs, out[n-1], f) {
			// 从9%提升至84%: one change, written as a range.
			// The range is stored low to high whichever way the change went.
			p := &out[n-1]
			p.valueMax, p.hasMax, p.qual, p.end = f.value, true, "range", f.end
			if p.valueMax < p.value {
				p.value, p.valueMax = p.valueMax, p.value
			}
			if p.unit == "" {
				p.unit = f.unit
			}
			p.prenominal = f.prenominal
		} else {
			out = append(out, f)
		}
		i = f.end
	}
	return distributeQualifier(rs, dropConditions(rs, out))
}

// dropConditions removes counts of the operators a notice names as actors
// (组织3家基础电信企业), and figures that restrict the noun they precede
// rather than count it — 20户以上自然村4G网络覆盖率达到95%, 100人以上企业
// 上云率达到60%, 1000Mbps及以上接入速率的用户为126万户 — recognised as a
// 以上/以下 figure running straight into its noun, with another figure
// later in the same clause.
func dropConditions(rs []rune, figs []figure) []figure {
	out := figs[:0]
	for k, f := range figs {
		cond := false
		// 组织3家基础电信企业…: the handful of operators a notice names
		// are actors, not a count of anything achieved.
		if f.unit == "家" && f.value <= 5 && f.qual == "exact" && hasAnyAt(rs, f.end, operatorNouns...) && endsWithAny(rs, f.start, actorVerbs...) {
			continue
		}
		// 海拔5200米: where something stands, not what was done.
		if f.unit == "米" && endsWithAny(rs, f.start, "海拔", "海拔高度", "平均海拔") {
			continue
		}
		next := at(rs, f.end)
		if isHan(next) && next != '的' && !strings.ContainsRune(notNounStart, next) &&
			(endsWith(rs, f.end, "以上") || endsWith(rs, f.end, "以下")) &&
			k+1 < len(figs) && minorStart(rs, figs[k+1].start) <= f.start {
			cond = true
		}
		if !cond {
			out = append(out, f)
		}
	}
	return out
}

func isMinus(r rune) bool { return r == '-' || r == '－' || r == '−' }

// operatorNouns name the telecom operators and the tower company.
var operatorNouns = []string{"基础电信企业", "基础电信运营企业", "电信运营商", "运营商", "电信企业", "通信运营企业", "通信企业"}

// actorVerbs bring in the operators as actors: 组织3家基础电信企业.
var actorVerbs = []string{"组织", "协调", "联合", "会同", "督促", "指导", "要求", "召集", "约谈", "推动", "携手", "带领", "与", "和", "及", "指导全省", "组织全省", "召开"}

func endsWithAny(rs []rune, i int, words ...string) bool {
	for _, w := range words {
		if endsWith(rs, i, w) {
			return true
		}
	}
	return false
}

func hasAnyAt(rs []rune, i int, words ...string) bool {
	for _, w := range words {
		if hasAt(rs, i, w) {
			return true
		}
	}
	return false
}

// distributeQualifier carries a prefix qualifier over a 分别 list: 同比下降
// 分别超过20%和30% says "more than" of both figures.
func distributeQualifier(rs []rune, figs []figure) []figure {
	for k := 0; k < len(figs); k++ {
		f := figs[k]
		if f.start == f.numStart || f.qual == "exact" || f.qual == "range" || f.rank {
			continue
		}
		if !strings.Contains(string(rs[minorStart(rs, f.start):f.start]), "分别") {
			continue
		}
		for j := k + 1; j < len(figs); j++ {
			g := &figs[j]
			between := string(rs[figs[j-1].end:g.start])
			if g.qual != "exact" || g.unit != f.unit || g.rank || g.start != g.numStart ||
				(between != "和" && between != "、" && between != "及" && between != "与") {
				break
			}
			g.qual = f.qual
		}
	}
	return figs
}

// changeVerbs join the two ends of 从X提升至Y.
var changeVerbs = []string{"", "提升", "提高", "增长", "增加", "上升", "下降", "降低", "减少", "扩大", "缩小", "压缩", "缩短", "升", "降", "增", "减"}

// fromTo reports whether figures a and b read 从a（verb）至b.
func fromTo(rs []rune, a, b figure) bool {
	if a.hasMax || a.rank || b.rank || b.hasMax || (a.unit != b.unit && a.unit != "") {
		return false
	}
	if !endsWith(rs, a.numStart, "从") && !endsWith(rs, a.numStart, "由") {
		return false
	}
	between := string(rs[a.end:b.start])
	for _, v := range changeVerbs {
		if between == v+"至" || between == v+"到" || between == v+"为" {
			return true
		}
	}
	return false
}

// bad reports a value no indicator has: infinite or not a number (a run of
// hundreds of digits).
func bad(v float64) bool { return math.IsInf(v, 0) || math.IsNaN(v) }

// readFigure reads one figure whose number starts at rs[i]. On failure next
// says where scanning resumes (0 for the default).
func readFigure(rs []rune, i int) (f figure, next int, ok bool) {
	r := rs[i]
	prev := at(rs, i-1)

	// 翻一番, 翻两番, 翻番: multiples.
	if r == '翻' {
		j := i + 1
		n := 1
		if d, ok := cnDigit[at(rs, j)]; ok && d > 0 && d < 5 {
			n = d
			j++
		}
		if at(rs, j) != '番' {
			return f, i + 1, false
		}
		return figure{start: i, end: j + 1, numStart: i, value: math.Pow(2, float64(n)), unit: "倍", qual: "exact", chinese: true}, 0, true
	}

	// Numbers glued to letters are names: 5G, NR900, IPv6, 4GL900, 163.com.
	// An acronym of three capitals before a counted figure is a noun
	// (检测APP3.4万款), checked once the unit is known.
	acronym := false
	if isLatin(prev) {
		if !upperRun(rs, i) {
			return f, 0, false
		}
		acronym = true
	}
	if prev == '@' || prev == '/' || prev == '_' || prev == '#' || prev == '\\' ||
		((prev == '-' || prev == '.') && (isLatin(at(rs, i-2)) || isDigit(at(rs, i-2)))) {
		return f, 0, false
	}
	// A value after a label colon is page furniture (浏览量:656 次).
	if k := skipSpacesBack(rs, i); at(rs, k-1) == ':' || at(rs, k-1) == '：' {
		if isDigit(r) {
			return f, 0, false
		}
	}

	// 百分之九十五, 千分之三.
	if hasAt(rs, i, "百分之百") {
		f = figure{start: i, end: i + 4, numStart: i, value: 100, unit: "%", qual: "exact", chinese: true}
		return finish(rs, f), 0, true
	}
	if hasAt(rs, i, "百分之") || hasAt(rs, i, "千分之") {
		unit := "%"
		if r == '千' {
			unit = "‰"
		}
		c, ok := readCore(rs, i+3)
		if !ok || c.bare {
			return f, i + 3, false
		}
		f = figure{start: i, end: c.end, numStart: i, value: c.value, unit: unit, qual: "exact", chinese: c.chinese}
		return finish(rs, f), 0, true
	}
	// 半数: half.
	if hasAt(rs, i, "半数") {
		f = figure{start: i, end: i + 2, numStart: i, value: 50, unit: "%", qual: "exact", chinese: true}
		return finish(rs, f), 0, true
	}

	c, ok := readCore(rs, i)
	if !ok {
		return f, 0, false
	}
	if c.chinese && hasAt(rs, c.end, "分之") {
		// 三分之一
		d, ok := readCore(rs, c.end+2)
		if !ok || c.value == 0 || !d.chinese {
			return f, c.end + 2, false
		}
		f = figure{start: i, end: d.end, numStart: i, value: d.value / c.value, unit: "分数", qual: "exact", chinese: true}
		return finish(rs, f), 0, true
	}

	// Ordinals and ranks: 第七届 is no figure, 居全国第3位 is a rank.
	if prev == '第' {
		return readRank(rs, i, c)
	}

	f = figure{start: i, numStart: i, value: c.value, qual: "exact", chinese: c.chinese}
	if c.over {
		f.qual = "over"
	}
	j := c.end

	// 1/9: a fraction of Arabic integers.
	if !c.chinese && at(rs, j) == '/' && isDigit(at(rs, j+1)) && !c.decimal && !c.mag {
		d, ok := readCore(rs, j+1)
		if !ok || d.chinese || d.mag || d.decimal || d.value == 0 || at(rs, d.end) == '/' || isLatin(at(rs, d.end)) ||
			c.value >= d.value || d.value > 1000 {
			return f, 0, false
		}
		f.value, f.unit, f.end = c.value/d.value, "分数", d.end
		return finish(rs, f), 0, true
	}

	// Ranges: 50%~70%, 2-3万个, 2至3万个.
	firstPct := ""
	k := j
	if at(rs, k) == '%' || at(rs, k) == '％' {
		firstPct = "%"
		k++
	}
	if isRangeSep(at(rs, k)) && (isDigit(at(rs, k+1)) == !c.chinese || (c.chinese && isCNNumeral(at(rs, k+1)))) {
		if d, ok := readCore(rs, k+1); ok && d.chinese == c.chinese {
			lo, hi := c.value, d.value
			if d.mag && !c.mag && !c.chinese {
				// 2-3万个: the magnitude of the upper bound applies to both.
				lo = c.value * d.mult
			}
			if lo < hi {
				f.value, f.valueMax, f.hasMax, f.qual = lo, hi, true, "range"
				j = d.end
				if firstPct != "" && at(rs, j) != '%' && at(rs, j) != '％' {
					return f, 0, false
				}
			}
		}
	}

	// 九成, 8成: tenths, as a percentage.
	if at(rs, j) == '成' && !c.mag && !f.hasMax && c.value >= 1 && c.value <= 10 && c.value == math.Trunc(c.value) &&
		!isHan(at(rs, j+1)) {
		f.value, f.unit, f.end = c.value*10, "%", j+1
		return finish(rs, f), 0, true
	}

	// The unit, after at most one space (5 万个 on messy pages).
	u := j
	if at(rs, u) == ' ' && !c.chinese {
		u++
	}
	if at(rs, u) == '余' || at(rs, u) == '多' {
		if f.qual == "exact" {
			f.qual = "over"
		}
		u++
	} else if (at(rs, u) == '+' || at(rs, u) == '＋') && !c.chinese && !f.hasMax {
		// 300+个, as online articles write "more than".
		if _, _, ok := matchUnit(rs, u+1); ok {
			if f.qual == "exact" {
				f.qual = "over"
			}
			u++
		}
	}
	unit, ue, ok := matchUnit(rs, u)
	if !ok {
		// A bare 万/亿 figure at the end of a clause (用户达1.2亿。).
		if c.mag && !f.hasMax && !isHan(at(rs, j)) && !isLatin(at(rs, j)) && !isDigit(at(rs, j)) {
			f.end = j
			return finish(rs, f), 0, true
		}
		return f, 0, false
	}
	f.unit, f.end = unit, ue
	if acronym && (c.chinese || f.hasMax || !(c.mag || classifiers[unit] || unit == "%")) {
		return f, ue, false
	}

	if c.chinese {
		// 数十个, 几百家: vague amounts, not figures.
		if strings.ContainsRune("数几", prev) {
			return f, ue, false
		}
		// 一个, 一场 are articles — but 增长一倍 is a multiple; 千家万户,
		// 千行百业 are idioms — but 万余个, 千余家 are amounts.
		if !c.mag && c.value < 2 && !(unit == "倍" && growthBefore(rs, i)) {
			return f, ue, false
		}
		if c.bare && prefixQual(rs, i) == "" && f.qual != "over" {
			return f, ue, false
		}
	}
	f = finish(rs, f)
	if c.chinese && !c.mag && f.value < 100 && classifiers[f.unit] && f.prenominal && f.qual == "exact" &&
		!eventVerbBefore(rs, i) && !clauseOpens(rs, i) {
		// 三个运营商, 两个维护: small prenominal numbers enumerate, they do not report.
		return f, ue, false
	}
	return f, 0, true
}

// growthBefore reports a verb of growth right before the number at rs[i],
// past a prefix qualifier: 增长一倍, 提高近一倍.
func growthBefore(rs []rune, i int) bool {
	_, n := prefixQualSpan(rs, i)
	return endsWithAny(rs, i-n, "增长", "提高", "提升", "增加", "扩大", "上升")
}

// upperRun reports three or more capital letters right before rs[i], and
// no letter or digit before them (APP, IDC; not IPv6, NR900, 4GL900).
func upperRun(rs []rune, i int) bool {
	j := i
	for j > 0 && rs[j-1] >= 'A' && rs[j-1] <= 'Z' {
		j--
	}
	return i-j >= 3 && !isLatin(at(rs, j-1)) && !isDigit(at(rs, j-1))
}

// clauseOpens reports a number that opens its clause, after at most a scope
// word (全省十个项目在全国赛获奖, 七个项目入围): the subject of the clause,
// a reported count, unlike 及三个运营商的责任.
func clauseOpens(rs []rune, i int) bool {
	k := i
	for k > 0 && !strings.ContainsRune("，,；;：:。！？!?", rs[k-1]) {
		k--
	}
	head := string(rs[k:i])
	for changed := true; changed; {
		changed = false
		for _, w := range []string{"全省", "全市", "全县", "全区", "我省", "我市", "我县", "我区", "共有", "另有", "其中", "累计", "共", "有"} {
			if strings.HasPrefix(head, w) {
				head = head[len(w):]
				changed = true
			}
		}
	}
	return strings.TrimSpace(head) == ""
}

func skipSpacesBack(rs []rune, i int) int {
	for i > 0 && (rs[i-1] == ' ' || rs[i-1] == '\u3000') {
		i--
	}
	return i
}

// eventVerbBefore reports a verb that introduces a count of events right
// before the number (开展三次, 举办两场).
func eventVerbBefore(rs []rune, i int) bool {
	for _, v := range []string{"开展", "举办", "组织", "召开", "举行", "完成", "先后", "累计"} {
		if endsWith(rs, i, v) {
			return true
		}
	}
	return false
}

// readRank handles a number after 第: a rank (居全国第3位, 位居第三) or an
// ordinal that is no figure (第七届, 连续第二年, 第一方阵).
func readRank(rs []rune, i int, c core) (figure, int, bool) {
	j := c.end
	next := at(rs, j)
	isRank := false
	end := j
	if next == '位' || next == '名' {
		isRank = true
		end = j + 1
	} else {
		lo := i - 1 - 8
		if lo < 0 {
			lo = 0
		}
		before := string(rs[lo : i-1])
		if containsAny(before, "居", "列", "排名", "排在", "排位", "名列") && (!isHan(next) || strings.ContainsRune("、和与及", next)) {
			isRank = true
		}
	}
	if !isRank || c.mag || c.decimal || c.value < 1 {
		return figure{}, j, false
	}
	f := figure{start: i - 1, end: end, numStart: i, value: c.value, unit: "位次", qual: "exact", chinese: c.chinese, rank: true}
	return f, 0, true
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// prefixQual returns the qualifier written right before rs[i], if any.
func prefixQual(rs []rune, i int) string {
	q, _ := prefixQualSpan(rs, i)
	return q
}

func prefixQualSpan(rs []rune, i int) (string, int) {
	for _, p := range prefixQuals {
		if endsWith(rs, i, p.s) {
			return p.q, utf8.RuneCountInString(p.s)
		}
	}
	return "", 0
}

// finish adds the qualifiers around a figure and notes whether it is
// prenominal.
func finish(rs []rune, f figure) figure {
	if q, n := prefixQualSpan(rs, f.numStart); q != "" {
		// 近 in 最近, 附近 is no qualifier.
		if !(n == 1 && (endsWith(rs, f.numStart, "最近") || endsWith(rs, f.numStart, "附近"))) {
			f.start = f.numStart - n
			if f.qual == "exact" || f.qual == "over" {
				f.qual = q
			}
		}
	}
	for _, s := range suffixQuals {
		if hasAt(rs, f.end, s.s) {
			f.end += utf8.RuneCountInString(s.s)
			if f.qual == "exact" || (f.qual == "over" && s.q == "at_least") {
				f.qual = s.q
			}
			break
		}
	}
	if (at(rs, f.end) == '余' || at(rs, f.end) == '多') && !isHan(at(rs, f.end+1)) && f.qual == "exact" {
		f.qual = "over"
		f.end++
	}
	// Prenominal: 2个项目获奖, 1.28余万款APP, 95%以上的乡镇 — but not
	// 1100亿元增长至… or 5万个和…, where a verb or conjunction follows.
	n := f.end
	if at(rs, n) == '的' {
		f.prenominal = isHan(at(rs, n+1)) || isLatin(at(rs, n+1))
		return f
	}
	next := at(rs, n)
	f.prenominal = classifiers[f.unit] && (isLatin(next) || (isHan(next) && !strings.ContainsRune(notNounStart, next)))
	return f
}

// quoteMask marks the runes inside paired quotes and title brackets:
// slogans, names and titles whose numbers are no indicators.
func quoteMask(rs []rune) []bool {
	mask := make([]bool, len(rs))
	type open struct {
		r rune
		i int
	}
	var stack []open
	asciiOpen := -1
	for i, r := range rs {
		if closer(r) != 0 {
			stack = append(stack, open{r, i})
			continue
		}
		if r == '"' {
			if asciiOpen < 0 {
				asciiOpen = i
			} else {
				for k := asciiOpen; k <= i; k++ {
					mask[k] = true
				}
				asciiOpen = -1
			}
			continue
		}
		for s := len(stack) - 1; s >= 0; s-- {
			if closer(stack[s].r) == r {
				for k := stack[s].i; k <= i; k++ {
					mask[k] = true
				}
				stack = stack[:s]
				break
			}
		}
	}
	return mask
}

// closer returns the closing mark of an opening quote or title bracket, 0
// for other runes.
func closer(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '「':
		return '」'
	case '『':
		return '』'
	case '《':
		return '》'
	case '〈':
		return '〉'
	case '‘':
		return '’'
	case '﹃':
		return '﹄'
	}
	return 0
}
