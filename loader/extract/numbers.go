package extract

import (
	"math"
	"math/big"
	"slices"
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
	classifier      bool // the unit is a measure word that may precede its noun
	event           bool // the unit counts events (次, 场, 期)
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
// notNounStart are characters that, right after a figure, begin a verb or
// a conjunction rather than the noun counted.
const notNounStart = "增同较比占居位排分均已全是为达和与及或共累新实完提降减超突约近左以获在被将等中"

func isRangeSep(r rune) bool {
	switch r {
	case '-', '~', '～', '〜', '—', '–', '―', '至', '到', '－':
		return true
	}
	return false
}

// scanner reads the figures of one sentence: rs is the sentence simplified
// rune for rune, orig as written.
type scanner struct {
	rs, orig []rune
	u        *Units
	lex      *Lexicon
	masked   []bool // inside quotes, titles or a web address
}

// scan finds the figures of a sentence.
func (u *Units) scan(lex *Lexicon, rs, orig []rune) []figure {
	s := scanner{rs: rs, orig: orig, u: u, lex: lex}
	var out []figure
	for i := 0; i < len(rs); {
		if !startsNumber(rs, i) {
			i++
			continue
		}
		if s.masked == nil {
			s.masked = quoteMask(rs)
			maskURLs(rs, s.masked)
		}
		if s.masked[i] {
			i = numeralRunEnd(rs, i)
			continue
		}
		f, next, ok := s.readFigure(i)
		if ok && (bad(f.value) || bad(f.valueMax)) {
			ok, next = false, f.end
		}
		if ok {
			f, ok = signed(rs, f)
			if !ok {
				next = f.end
			}
		}
		if !ok {
			// Resume past the whole numeral run, so that no tail of a
			// refused number is read as one of its own (a financial
			// numeral that is part of a word, 队伍, is only one rune).
			if run := numeralRunEnd(rs, i); next < run && (!isFinancial(rs[i]) || financialStart(rs, i)) {
				next = run
			}
			i = max(next, i+1)
			continue
		}
		if n := len(out); n > 0 && fromTo(s.lex, rs, out[n-1], f) {
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
	return distributeQualifier(rs, u.dropThresholds(rs, dropConditions(s.lex, rs, out)))
}

// startsNumber reports a rune that may begin a figure.
func startsNumber(rs []rune, i int) bool {
	r := rs[i]
	return isDigit(r) || isCNNumeral(r) || r == '翻' || r == '半' || (isPoint(r) && isDigit(at(rs, i+1))) ||
		(r == '俩' && (smallExp(at(rs, i+1)) > 1 || bigExp(at(rs, i+1)) > 0))
}

// signed applies a sign written before a figure: 负3.9%, -22.2%,
// 同比增长-3.5%. A minus after a digit, a letter or another minus is a
// dash (2020-2025, 5G-A); a signed range is refused rather than half read.
func signed(rs []rune, f figure) (figure, bool) {
	if f.start != f.numStart || f.rank {
		return f, true
	}
	p := at(rs, f.start-1)
	switch {
	case p == '负':
	case isMinus(p):
		pp := at(rs, f.start-2)
		if isDigit(pp) || isLatin(pp) || isMinus(pp) || isPoint(pp) {
			return f, true
		}
		if f.chinese {
			return f, false // -五: a dash or a sign, not a figure either way
		}
	default:
		return f, true
	}
	if f.hasMax {
		return f, false
	}
	f.value, f.start = -f.value, f.start-1
	return f, true
}

// maskURLs marks web addresses (http://…, www.…): their digits are
// paths, queries and encodings (%20), never figures.
func maskURLs(rs []rune, mask []bool) {
	for i := 0; i < len(rs); i++ {
		if r := rs[i]; (r != 'h' && r != 'w' && r != 'W') || (!hasAt(rs, i, "http") && !hasAt(rs, i, "www.") && !hasAt(rs, i, "WWW.")) {
			continue
		}
		j := i
		for j < len(rs) && rs[j] < 0x2e80 && !isSpace(rs[j]) && rs[j] != '\t' {
			mask[j] = true
			j++
		}
		i = j
	}
}

// readFigure reads one figure whose number starts at rs[i]. On failure next
// says where scanning resumes (0 for the default: past the numeral run).
func (s *scanner) readFigure(i int) (f figure, next int, ok bool) {
	rs := s.rs
	r := rs[i]
	prev := at(rs, i-1)

	// 翻一番, 翻两番, 翻番: multiples.
	if r == '翻' {
		j := i + 1
		n := 1
		if d, ok := cnDigitOf(at(rs, j)); ok && d > 0 && d < 5 {
			n = d
			j++
		}
		if at(rs, j) != '番' {
			return f, i + 1, false
		}
		return figure{start: i, end: j + 1, numStart: i, value: math.Pow(2, float64(n)), unit: "倍", qual: "exact", chinese: true}, 0, true
	}
	// 半数: half; 半成: five per cent (but 半成品 are goods).
	if r == '半' {
		switch {
		case hasAt(rs, i, "半数"):
			f = figure{start: i, end: i + 2, numStart: i, value: 50, unit: "%", qual: "exact", chinese: true}
		case hasAt(rs, i, "半成") && !isHan(at(rs, i+2)):
			f = figure{start: i, end: i + 2, numStart: i, value: 5, unit: "%", qual: "exact", chinese: true}
		default:
			return f, i + 1, false
		}
		return s.finish(f), 0, true
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
	// Paths, addresses, formulas and encodings: /2, @3, 2^5, q=30, %20.
	if strings.ContainsRune("@/_#\\^=%&兆几", prev) ||
		((prev == '-' || isPoint(prev)) && (isLatin(at(rs, i-2)) || isDigit(at(rs, i-2)) || isCNNumeral(at(rs, i-2)))) ||
		(isPoint(r) && (isDigit(prev) || isLatin(prev) || isPoint(prev) || isCNNumeral(prev))) {
		return f, 0, false
	}
	// 2^-1, 1.1^+23, 12.32e+14: exponents, not numbers of their own.
	if k := skipSigns(rs, i); k < i && (at(rs, k-1) == '^' || ((at(rs, k-1) == 'e' || at(rs, k-1) == 'E') && isDigit(at(rs, k-2)))) {
		return f, 0, false
	}
	// The numerator of 三分 之一 or the fraction of 三百五 又 三分之一,
	// written apart: part of a number already refused, not one of its own.
	if k := skipSpacesBack(rs, i); (at(rs, k-1) == '之' && at(rs, skipSpacesBack(rs, k-1)-1) == '分') ||
		(at(rs, k-1) == '又' && startsNumber(rs, max(skipSpacesBack(rs, k-1)-1, 0))) {
		return f, 0, false
	}
	// A value after a label colon is page furniture (浏览量:656 次).
	if k := skipSpacesBack(rs, i); at(rs, k-1) == ':' || at(rs, k-1) == '：' {
		if isDigit(r) {
			return f, 0, false
		}
	}

	// 百分之九十五, 千分之三, 万分之五, 百万分之一.
	if f, next, ok, is := s.perMille(i); is {
		return f, next, ok
	}

	c, ok, skip := readNumeral(rs, s.orig, s.u, i)
	if !ok {
		return f, skip, false
	}
	// Fractions: 三分之一, 16分之5, 一又二分之一.
	if f, next, ok, is := s.fraction(i, c); is {
		return f, next, ok
	}
	// A bare magnitude (万, 万万, 千) is a figure only after a qualifier or
	// before 余/多: 突破万亿元, 近千个, 万余个 — never 千家万户 or 万 alone.
	if c.bare && s.lex.prefixQual(rs, i) == "" && !c.over && !hasAnyAt(rs, c.end, "余", "多") {
		return f, c.end, false
	}

	// Ordinals and ranks: 第七届 is no figure, 居全国第3位 is a rank.
	if prev == '第' {
		return readRank(rs, i, c, s.u)
	}
	// 进入全国前十位, 增速排全市前3: a rank of at most N (前三季度 is a time).
	if prev == '前' {
		if f, ok := readTopRank(rs, i, c, s.u.RankVerbs); ok {
			return f, 0, true
		}
	}

	f = figure{start: i, numStart: i, value: c.val.float(), qual: "exact", chinese: c.chinese}
	if c.over {
		f.qual = "over"
	}
	j := c.end

	// 1/9: a fraction of Arabic integers, a share of a whole.
	if !c.chinese && at(rs, j) == '/' && isDigit(at(rs, j+1)) && !c.decimal && !c.mag {
		d, ok, _ := readNumeral(rs, s.orig, s.u, j+1)
		if !ok || d.chinese || d.mag || d.decimal || d.val.isZero() || at(rs, d.end) == '/' || isLatin(at(rs, d.end)) ||
			!c.val.less(d.val) || d.val.float() > 1000 {
			return f, 0, false
		}
		return s.quotient(f, new(big.Rat).Quo(c.val.rat(), d.val.rat()), d.end)
	}

	// Ranges: 50%~70%, 2-3万个, 2至3万个.
	firstPct := ""
	k := j
	if at(rs, k) == '%' || at(rs, k) == '％' {
		firstPct = "%"
		k++
	}
	if sp := skipSpaces(rs, k, 2); sp > k && !c.chinese && isRangeSep(at(rs, sp)) && isSpace(at(rs, sp+1)) {
		k = sp // 20 - 100个
	}
	n := k + 1
	if k > j && isSpace(at(rs, k-1)) {
		n = skipSpaces(rs, n, 2)
	}
	if isRangeSep(at(rs, k)) && (isDigit(at(rs, n)) == !c.chinese || (c.chinese && isCNNumeral(at(rs, n)))) {
		if d, ok, _ := readNumeral(rs, s.orig, s.u, n); ok && d.chinese == c.chinese && !d.bare {
			lo, hi := c.val, d.val
			if d.magExp > 0 && !c.mag && !c.chinese {
				// 2-3万个: the magnitude of the upper bound applies to both.
				lo = c.val.shift(d.magExp)
			}
			if lo.less(hi) {
				f.value, f.valueMax, f.hasMax, f.qual = lo.float(), hi.float(), true, "range"
				j = d.end
				if firstPct != "" && at(rs, j) != '%' && at(rs, j) != '％' {
					return f, 0, false
				}
			}
		}
	}

	// 九成, 8.5成, 八点五成, 三成半, 七成六: tenths, as a percentage.
	if f, next, ok, is := s.tenths(f, c, j); is {
		return f, next, ok
	}

	// The unit, after a few spaces on messy pages (5 万个).
	u := skipSpaces(rs, j, maxGap)
	if at(rs, u) == '余' || at(rs, u) == '多' {
		if f.qual == "exact" {
			f.qual = "over"
		}
		u++
	} else if (at(rs, u) == '+' || at(rs, u) == '＋') && !c.chinese && !f.hasMax {
		// 300+个, as online articles write "more than".
		if _, _, ok := s.u.match(rs, u+1); ok {
			if f.qual == "exact" {
				f.qual = "over"
			}
			u++
		}
	}
	e, unit, ue, ok := s.u.matchPrice(rs, u)
	if ok && len(e.Cues) > 0 && !c.mag && (!cued(rs, minorStart(rs, i), i, e) || techName(rs, c, ue)) {
		ok = false // 5G, 2.6G, 700M: technology names
	}
	if sym, k, isSym := s.u.symbolBefore(rs, i); !ok && isSym && !c.chinese {
		// $20, ￥300: the unit written before the number.
		e, unit, ue, ok = sym, sym.Unit, j, true
		f.start = k
	}
	if !ok {
		return s.noUnit(f, c, acronym)
	}
	f.unit, f.end, f.classifier, f.event = unit, ue, e.Classifier, e.Event
	if acronym && (c.chinese || f.hasMax || !(c.mag || e.Classifier || e.Unit == "%")) {
		return f, ue, false
	}
	// 一吨半, 两米半: and a half.
	if e.Kind == "measure" && at(rs, ue) == '半' && !isHan(at(rs, ue+1)) && c.val.isInt() && !f.hasMax {
		f.value, f.end = c.val.float()+0.5, ue+1
	}

	if c.chinese {
		// 数十个, 几百家: vague amounts, not figures.
		if strings.ContainsRune("数几", prev) {
			return f, ue, false
		}
		// 一个, 一场 are articles — but 增长一倍 is a multiple, 一吨 and
		// 一美元 are amounts; 千家万户, 千行百业 are idioms — but 万余个,
		// 千余家 are amounts.
		if !c.mag && c.val.isInt() && c.val.less(decInt(2)) && e.Kind == "count" {
			return f, ue, false
		}
		if !c.mag && c.val.less(decInt(2)) && e.Kind == "multiple" && !growthBefore(s.lex, rs, i) {
			return f, ue, false
		}
		if c.bare && s.lex.prefixQual(rs, i) == "" && f.qual != "over" {
			return f, ue, false
		}
	}
	f = s.finish(f)
	if c.chinese && !c.mag && f.value < 100 && f.classifier && f.prenominal && f.qual == "exact" &&
		!eventVerbBefore(s.lex, rs, i) && !clauseOpens(s.lex, rs, i) {
		// 三个运营商, 两个维护: small prenominal numbers enumerate, they do not report.
		return f, ue, false
	}
	return f, 0, true
}

// techName reports bandwidth letters that name a technology even in a
// clause about bandwidth: a mobile generation (速率是4G的10倍), or letters
// running on into a name (5G-A, 10G PON, 5G+).
func techName(rs []rune, c core, end int) bool {
	if c.val.isInt() && c.val.less(decInt(10)) && !c.chinese {
		return true
	}
	n := at(rs, end)
	return isLatin(n) || isDigit(n) || n == '-' || n == '+' || n == '＋' || (n == ' ' && isLatin(at(rs, end+1)))
}

// noUnit decides a number followed by no unit: a 万/亿 figure closing its
// clause (用户达1.2亿。) or running into its noun (63.5万老年用户), whose
// unit the noun implies, and a plain number of an index measured without
// a unit (PUE降低到1.3以下). Other bare numbers are names, codes or dates.
func (s *scanner) noUnit(f figure, c core, acronym bool) (figure, int, bool) {
	rs := s.rs
	j := c.end
	if f.hasMax {
		j = f.end
		if j < c.end {
			j = c.end
		}
	}
	next := at(rs, j)
	suffix := hasAnyAt(rs, j, "以上", "以下", "以内", "左右")
	switch {
	case c.mag && !f.hasMax && !c.chinese && isHan(next) && !suffix:
		// 63.5万老年用户
		if strings.ContainsRune(notNounStart, next) || next == '的' {
			return f, 0, false
		}
		f.unit = s.u.impliedUnit(rs, f.start, j)
		if f.unit == "" {
			return f, 0, false
		}
	case c.mag && !f.hasMax && (!isHan(next) || suffix) && !isLatin(next) && !isDigit(next):
		f.unit = s.u.impliedUnit(rs, f.start, j)
	case !c.chinese && !c.mag && (!isHan(next) || suffix) && !isLatin(next) && s.u.unitless(rs, f.start):
		// PUE降低到1.3以下: an index without a unit.
	default:
		return f, 0, false
	}
	if acronym && f.unit == "" && !s.u.unitless(rs, f.start) {
		return f, j, false
	}
	if e, ok := s.u.Lookup(f.unit); ok {
		f.classifier, f.event = e.Classifier, e.Event
	}
	f.end = max(f.end, j)
	return s.finish(f), 0, true
}

// perMille reads 百分之九十五, 千分之三, 万分之五 and 百万分之一 at rs[i]: a
// share of a power of ten, stored as %, ‰ or ‱ as written, or as % for
// rarer denominators. is reports whether rs[i] begins one.
func (s *scanner) perMille(i int) (f figure, next int, ok, is bool) {
	rs := s.rs
	k, exp := i, 0
	for {
		if e := smallExp(at(rs, k)); e > 1 {
			exp += e
		} else if e := bigExp(at(rs, k)); e > 0 {
			exp += e
		} else {
			break
		}
		k++
	}
	if k == i || !hasAt(rs, k, "分之") {
		return f, 0, false, false
	}
	n := skipSpaces(rs, k+2, maxGap)
	c, ok, skip := readNumeral(rs, s.orig, s.u, n)
	if !ok {
		if skip <= n {
			skip = n + 1
		}
		return f, skip, false, true
	}
	// 百分之百; any other numerator that is a bare magnitude is not a number.
	if c.bare && !(exp == 2 && c.end == n+1 && smallExp(rs[n]) == 2) {
		return f, c.end, false, true
	}
	if isLatin(at(rs, c.end)) || c.over {
		return f, c.end, false, true // 百分之15K
	}
	v, unit := c.val, "%"
	switch exp {
	case 2:
	case 3:
		unit = "‰"
	case 4:
		unit = "‱"
	default:
		v = v.shift(2 - exp)
	}
	f = figure{start: i, end: c.end, numStart: i, value: v.float(), unit: unit, qual: "exact", chinese: c.chinese}
	return s.finish(f), 0, true, true
}

// fraction reads N分之M and its mixed form W又N分之M after the number c at
// rs[i]: 三分之一, 16分之5, 一又二分之一, 三百五十又3分之1. With a unit after
// it the value is the quotient (五分之一个); without one it is a share of a
// whole, as a percentage to two decimals (三分之一 → 33.33 %). is reports
// whether the number begins a fraction.
func (s *scanner) fraction(i int, c core) (f figure, next int, ok, is bool) {
	rs := s.rs
	whole := dec{}
	den := c
	k := skipSpaces(rs, c.end, maxGap)
	if at(rs, k) == '又' {
		n := skipSpaces(rs, k+1, maxGap)
		if !isDigit(at(rs, n)) && !isCNNumeral(at(rs, n)) {
			return f, 0, false, false
		}
		d, ok, skip := readNumeral(rs, s.orig, s.u, n)
		if !ok {
			return f, skip, false, true
		}
		if !c.val.isInt() || c.over || c.bare {
			return f, numeralRunEnd(rs, i), false, true
		}
		whole, den = c.val, d
		k = skipSpaces(rs, d.end, maxGap)
		if !hasAt(rs, k, "分之") {
			return f, numeralRunEnd(rs, i), false, true
		}
	} else if !hasAt(rs, k, "分之") {
		return f, 0, false, false
	}
	n := skipSpaces(rs, k+2, maxGap)
	negNum := at(rs, n) == '负' || (isMinus(at(rs, n)) && isDigit(at(rs, n+1)))
	if negNum {
		n++
	}
	num, ok, skip := readNumeral(rs, s.orig, s.u, n)
	switch {
	case !ok:
		return f, max(skip, n+1), false, true
	case den.val.isZero() || !den.val.isInt() || den.over || num.over || num.bare || isLatin(at(rs, num.end)):
		return f, max(num.end, numeralRunEnd(rs, i)), false, true
	case !num.val.isInt() && !powerOfTen(den.val):
		// 五百分之2.2: a decimal over anything but 百, 千, 万 is no fraction.
		return f, max(num.end, numeralRunEnd(rs, i)), false, true
	}
	nv := num.val
	if negNum {
		nv = nv.neg()
	}
	q := new(big.Rat).Quo(nv.rat(), den.val.rat())
	q.Add(q, whole.rat())
	f = figure{start: i, numStart: i, qual: "exact", chinese: c.chinese && den.chinese && num.chinese}
	f, next, ok = s.quotient(f, q, num.end)
	return f, next, ok, true
}

// quotient closes a fraction ending at rs[end] whose value is q: with a
// unit after it the value is the quotient (五分之一个, 1/2个); without one
// it is a share of a whole, a percentage to two decimals (三分之一 → 33.33,
// 1/8 → 12.5).
func (s *scanner) quotient(f figure, q *big.Rat, end int) (figure, int, bool) {
	rs := s.rs
	f.end = end
	if e, ue, ok := s.u.match(rs, skipSpaces(rs, end, maxGap)); ok && len(e.Cues) == 0 && e.Kind != "share" {
		if d, exact := ratDec(q); exact {
			f.value = d.float()
		} else {
			f.value = ratFloat(q)
		}
		f.unit, f.end, f.classifier, f.event = e.Unit, ue, e.Classifier, e.Event
		return s.finish(f), 0, true
	}
	d, ok := roundRat(q.Mul(q, big.NewRat(100, 1)), 2)
	if !ok {
		return f, end, false
	}
	f.value, f.unit = d.float(), "%"
	return s.finish(f), 0, true
}

func powerOfTen(d dec) bool { return d.norm().m == 1 }

// tenths reads 成 after the number c: 九成 is 90 %, 8.5成 85 %, 三成半
// 35 %, 七成六 76 %. A 成 that begins a word (成立, 成为, 成效) is no unit.
func (s *scanner) tenths(f figure, c core, j int) (figure, int, bool, bool) {
	rs := s.rs
	k := skipSpaces(rs, j, maxGap)
	if at(rs, k) != '成' || c.mag || f.hasMax || c.over || c.bare || c.val.isZero() || decInt(10).less(c.val) {
		return f, 0, false, false
	}
	v := c.val.shift(1)
	end := k + 1
	if at(rs, end) == '半' {
		v, _ = v.add(dec{5, 0})
		end++
	} else if d, ok := cnDigitOf(at(rs, end)); ok && c.val.isInt() && !isCNNumeral(at(rs, end+1)) && !isDigit(at(rs, end+1)) {
		v, _ = v.add(decInt(int64(d)))
		end++
	}
	if isHan(at(rs, end)) && !hasAnyAt(rs, end, "以上", "以下", "左右", "多", "余", "的", "上下") {
		return f, 0, false, true
	}
	if n := skipSpaces(rs, end, maxGap); n > end && (isCNNumeral(at(rs, n)) || isDigit(at(rs, n))) {
		return f, numeralRunEnd(rs, n), false, true // 七成 六: not one figure
	}
	if decInt(100).less(v) {
		return f, 0, false, true
	}
	f.value, f.unit, f.end = v.float(), "%", end
	return s.finish(f), 0, true, true
}

// dropConditions drops the figures that are no indicators by where they
// stand: the handful of operators a notice names as actors
// (组织3家基础电信企业), and figures that restrict the noun they precede
// rather than count it — 20户以上自然村4G网络覆盖率达到95%, 100人以上企业
// 上云率达到60%, 1000Mbps及以上接入速率的用户为126万户 — recognised as a
// 以上/以下 figure running straight into its noun, with another figure
// later in the same clause.
func dropConditions(lex *Lexicon, rs []rune, figs []figure) []figure {
	out := figs[:0]
	for k, f := range figs {
		cond := false
		// 组织3家基础电信企业…: the handful of operators a notice names
		// are actors, not a count of anything achieved.
		if f.unit == "家" && f.value <= 5 && f.qual == "exact" && hasAnyAt(rs, f.end, lex.OperatorNouns...) && endsWithAny(rs, f.start, lex.ActorVerbs...) {
			continue
		}
		// 海拔5200米: where something stands, not what was done.
		if f.unit == "米" && endsWithAny(rs, f.start, lex.Elevation...) {
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

// dropThresholds drops the thresholds inside a metric's definition, which
// the conventions do not count (the count they qualify is the indicator):
// a figure bounded by 以上/以下, or by a prefix such as 超过 or 不低于 and
// 的, that runs into the noun it restricts (30户以上自然村, 500万元以上的
// 项目, 收入超过2000万元的企业), when
//   - its unit measures the size of a thing (Units.Size: 户, 人), it is
//     bounded by 以上/以下 and runs straight into a noun that unit does not
//     count (1000户以上用户 counts users, 30户以上自然村 says which
//     villages), or
//   - its unit is money, a measure or a size unit, and another figure of
//     its clause counts the noun: before it (134个30户以上自然村, 100个投资
//     500万元以上的项目) or after it; after it only for the prefix form.
//
// A measure word counts the noun it runs into (20家以上企业) and a share is
// a share of it (98%以上的乡镇): neither is a threshold.
func (u *Units) dropThresholds(rs []rune, figs []figure) []figure {
	out := figs[:0]
	for k, f := range figs {
		if !u.threshold(rs, figs, k) && !u.rankOfOther(rs, figs, k) && !u.inDefinition(rs, f) {
			out = append(out, f)
		}
	}
	return out
}

// inDefinition reports a figure inside brackets that define the noun
// before them — bound it or equate it (规模以上企业(年收入达到500万元以上),
// 1.2万P(1P约等于每秒1000万亿次的计算速度)): part of a definition, not a
// figure reported. The words are Units.Definitions.
func (u *Units) inDefinition(rs []rune, f figure) bool {
	open := -1
	for k := f.start - 1; k >= 0 && k >= f.start-40; k-- {
		if rs[k] == ')' || rs[k] == '）' {
			return false
		}
		if rs[k] == '(' || rs[k] == '（' {
			open = k
			break
		}
	}
	if open < 1 || !isHan(rs[open-1]) && !isLatin(rs[open-1]) {
		return false
	}
	for k := f.end; k < len(rs) && k < f.end+40; k++ {
		if rs[k] == '(' || rs[k] == '（' {
			return false
		}
		if rs[k] == ')' || rs[k] == '）' {
			return containsAny(string(rs[open+1:k]), u.Definitions...)
		}
	}
	return false
}

// rankOfOther reports a rank that is no rank of the figure's subject: the
// holder of a rank named as a base (距第3名差距, 为第二名的1.79倍), or the
// rank that defines what a count before it counts (6项排名第一, 13项位居
// 全国前三: the count of items is the figure).
func (u *Units) rankOfOther(rs []rune, figs []figure, k int) bool {
	f := figs[k]
	if !f.rank {
		return false
	}
	if at(rs, f.end) == '的' || endsWithAny(rs, f.start, u.RankBases...) {
		return true
	}
	for j := k - 1; j >= 0; j-- {
		g := figs[j]
		if g.rank || !g.classifier {
			continue
		}
		// 5G基站11998个(排名全省第3位): an aside ranks the figure itself.
		between := rs[g.end:f.start]
		return len(between) <= 6 && nextDelim(rs, g.end, f.start) < 0 && !strings.ContainsAny(string(between), "(（") &&
			containsAny(string(between), u.RankVerbs...)
	}
	return false
}

// threshold reports whether figs[k] is a threshold (see dropThresholds).
func (u *Units) threshold(rs []rune, figs []figure, k int) bool {
	f := figs[k]
	// 以上 and 以下 bound a noun after them; a prefix (超过30户的) only
	// with 的, and only where a later figure of the clause counts the
	// noun: 突破1200万大关 is a figure reached, and 在…不低于569万户的基础
	// 上 and 完成…不少于23万个的目标 are figures too.
	n := f.end
	if at(rs, n) == '的' {
		n++
	}
	suffix := endsWith(rs, f.end, "以上") || endsWith(rs, f.end, "以下")
	prefix := n > f.end && f.start < f.numStart && (f.qual == "over" || f.qual == "at_least" || f.qual == "at_most")
	if !suffix && !prefix || f.rank || f.hasMax {
		return false
	}
	if next := at(rs, n); !isHan(next) || strings.ContainsRune(notNounStart, next) {
		return false
	}
	e, ok := u.Lookup(f.unit)
	if !ok {
		return false
	}
	size := slices.Contains(u.Size, f.unit)
	if size && suffix && n == f.end {
		// 30户以上自然村; 覆盖699.5万户以上的能力 is no threshold.
		after := string(rs[n:min(minorEnd(rs, n), n+8)])
		for noun, unit := range u.Implied {
			if unit == f.unit && strings.Contains(after, noun) {
				return false
			}
		}
		return true
	}
	if !size && e.Kind != "money" && e.Kind != "measure" {
		return false
	}
	cs := minorStart(rs, f.start)
	for j, g := range figs {
		if j == k || minorStart(rs, g.start) != cs {
			continue
		}
		if j > k || suffix && g.prenominal {
			return true
		}
	}
	return false
}

func isMinus(r rune) bool { return r == '-' || r == '－' || r == '−' }

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

// fromTo reports whether figures a and b read 从a（verb）至b, the verb
// one of the lexicon's change_verbs.
func fromTo(lex *Lexicon, rs []rune, a, b figure) bool {
	if a.hasMax || a.rank || b.rank || b.hasMax || (a.unit != b.unit && a.unit != "") {
		return false
	}
	if !endsWith(rs, a.numStart, "从") && !endsWith(rs, a.numStart, "由") {
		return false
	}
	between := string(rs[a.end:b.start])
	for _, to := range []string{"至", "到", "为"} {
		if v, ok := strings.CutSuffix(between, to); ok && (v == "" || slices.Contains(lex.ChangeVerbs, v)) {
			return true
		}
	}
	return false
}

// bad reports a value no indicator has: infinite or not a number (a run of
// hundreds of digits).
func bad(v float64) bool { return math.IsInf(v, 0) || math.IsNaN(v) }

// growthBefore reports a verb of growth right before the number at rs[i],
// past a prefix qualifier: 增长一倍, 提高近一倍.
func growthBefore(lex *Lexicon, rs []rune, i int) bool {
	_, n := lex.prefixQualSpan(rs, i)
	return endsWithAny(rs, i-n, lex.GrowthVerbs...)
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
func clauseOpens(lex *Lexicon, rs []rune, i int) bool {
	k := i
	for k > 0 && !strings.ContainsRune("，,；;：:。！？!?", rs[k-1]) {
		k--
	}
	head := string(rs[k:i])
	for changed := true; changed; {
		changed = false
		for _, w := range lex.SubjectLeads {
			if strings.HasPrefix(head, w) {
				head = head[len(w):]
				changed = true
			}
		}
	}
	return strings.TrimSpace(head) == ""
}

// skipSigns returns the index of the first of the signs (+, -) right
// before rs[i].
func skipSigns(rs []rune, i int) int {
	for i > 0 && (rs[i-1] == '+' || isMinus(rs[i-1])) {
		i--
	}
	return i
}

func skipSpacesBack(rs []rune, i int) int {
	for i > 0 && (rs[i-1] == ' ' || rs[i-1] == '\u3000') {
		i--
	}
	return i
}

// eventVerbBefore reports a verb that introduces a count of events right
// before the number (开展三次, 举办两场).
func eventVerbBefore(lex *Lexicon, rs []rune, i int) bool {
	for _, v := range lex.EventVerbs {
		if endsWith(rs, i, v) {
			return true
		}
	}
	return false
}

// readRank handles a number after 第: a rank (居全国第3位, 位居第三, 保持
// 全国第一) or an ordinal that is no figure (第七届, 连续第二年, 第一方阵,
// 全国第一个).
func readRank(rs []rune, i int, c core, u *Units) (figure, int, bool) {
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
		// 居全国第3位, 排名第一; 保持全国第一, 出货量全省第二: a rank verb
		// shortly before, or a scope word right before 第.
		ranked := containsAny(before, u.RankVerbs...) || endsWithAny(rs, i-1, u.RankScopes...) || u.rankListItem(rs, i-1)
		if ranked && (!isHan(next) || strings.ContainsRune("、和与及", next)) {
			isRank = true
		}
	}
	if !isRank || c.mag || c.decimal || c.over || c.val.less(decInt(1)) {
		return figure{}, j, false
	}
	f := figure{start: i - 1, end: end, numStart: i, value: c.val.float(), unit: "位次", qual: "exact", chinese: c.chinese, rank: true}
	return f, 0, true
}

// rankListItem reports 第 at rs[k] that goes on a list of ranks its clause
// opened (分别位于全国第6、第14和第4位, 排名分别为第十五和第四): the item
// after 、 or 和 is a rank like the first.
func (u *Units) rankListItem(rs []rune, k int) bool {
	if !strings.ContainsRune("、和及与", at(rs, k-1)) {
		return false
	}
	clause := string(rs[scopeClauseStart(rs, k):k])
	if containsAny(clause, u.RankVerbs...) {
		return true
	}
	for _, w := range u.RankScopes {
		if strings.Contains(clause, w+"第") {
			return true
		}
	}
	return false
}

// readTopRank reads a number after 前 as a rank of at most that number
// when a rank verb comes shortly before it in its clause (进入全国前十位,
// 增速排全市前3) and no noun follows (前三季度, 前10个月 are times).
func readTopRank(rs []rune, i int, c core, verbs []string) (figure, bool) {
	if c.mag || c.decimal || c.over || c.val.less(decInt(1)) {
		return figure{}, false
	}
	end := c.end
	next := at(rs, end)
	if next == '位' || next == '名' {
		end++
	} else if isHan(next) && !strings.ContainsRune("、和与及", next) {
		return figure{}, false
	}
	lo := max(minorStart(rs, i-1), i-1-8)
	if !containsAny(string(rs[lo:i-1]), verbs...) {
		return figure{}, false
	}
	return figure{start: i - 1, end: end, numStart: i, value: c.val.float(), unit: "位次", qual: "at_most", chinese: c.chinese, rank: true}, true
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// prefixQual returns the qualifier written right before rs[i], if any
// (the lexicon's qualifiers_before).
func (l *Lexicon) prefixQual(rs []rune, i int) string {
	q, _ := l.prefixQualSpan(rs, i)
	return q
}

func (l *Lexicon) prefixQualSpan(rs []rune, i int) (string, int) {
	for _, p := range l.prefixQuals {
		if endsWith(rs, i, p.s) {
			return p.q, utf8.RuneCountInString(p.s)
		}
	}
	return "", 0
}

// finish adds the qualifiers around a figure and notes whether it is
// prenominal.
func (s *scanner) finish(f figure) figure {
	rs := s.rs
	if q, n := s.lex.prefixQualSpan(rs, f.numStart); q != "" {
		// 近 in 最近, 附近 is no qualifier.
		if !(n == 1 && (endsWith(rs, f.numStart, "最近") || endsWith(rs, f.numStart, "附近"))) {
			f.start = f.numStart - n
			if f.qual == "exact" || f.qual == "over" {
				f.qual = q
			}
		}
	}
	// 约占全国的1/6, 约占总量的三成: the 约 of the verb qualifies the share.
	if f.qual == "exact" && f.unit == "%" && f.start == f.numStart &&
		strings.Contains(string(rs[minorStart(rs, f.start):f.start]), "约占") {
		f.qual = "approx"
	}
	for _, sq := range s.lex.suffixQuals {
		if hasAt(rs, f.end, sq.s) {
			f.end += utf8.RuneCountInString(sq.s)
			if f.qual == "exact" || (f.qual == "over" && sq.q == "at_least") {
				f.qual = sq.q
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
	f.prenominal = f.classifier && (isLatin(next) || (isHan(next) && !strings.ContainsRune(notNounStart, next)))
	return f
}

// quoteMask marks the runes inside paired quotes and title brackets:
// slogans, names and titles whose numbers are no indicators. A quotation
// that runs over a clause break (“到2025年，我市5G基站数量将超过7000个，
// …”) is someone's words, whose figures are reported like any other: it
// is not marked, though a name quoted inside it (‘十四五’) is.
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
				if !speech(rs[asciiOpen+1 : i]) {
					for k := asciiOpen; k <= i; k++ {
						mask[k] = true
					}
				}
				asciiOpen = -1
			}
			continue
		}
		for s := len(stack) - 1; s >= 0; s-- {
			if closer(stack[s].r) == r {
				if stack[s].r == '《' || stack[s].r == '〈' || !speech(rs[stack[s].i+1:i]) {
					for k := stack[s].i; k <= i; k++ {
						mask[k] = true
					}
				}
				stack = stack[:s]
				break
			}
		}
	}
	return mask
}

// speech reports quoted text that runs over a clause break: someone's
// words rather than a name or a slogan.
func speech(in []rune) bool {
	return strings.ContainsAny(string(in), "，,；;。！？!?")
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
