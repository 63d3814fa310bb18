package extract

import "strings"

// core is one number read whole at rs[start:end] — Arabic, Chinese,
// financial or a mix (3万4000, 5万4千6百) — with its magnitude.
type core struct {
	start, end int
	val        dec
	chinese    bool // written in Chinese numerals only
	bare       bool // begins with a magnitude and has no digit of its own (万亿, 千)
	mag        bool // carries 万 or 亿, or 千/百 after Arabic digits
	magExp     int  // the power of ten of a magnitude closing the number (2-3万: 4), else 0
	over       bool // 余, 多 or 几 inside (30余万, 十几万): more than the value
	digits     int  // integer digits of the longest Arabic part
	decimal    bool // has decimal places
}

// cnDigitOf is the value of a Chinese or financial digit.
func cnDigitOf(r rune) (int, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '两', '贰':
		return 2, true
	case '三', '叁':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// smallExp is the power of ten of 十, 百, 千 (and 拾, 佰, 仟).
func smallExp(r rune) int {
	switch r {
	case '十', '拾':
		return 1
	case '百', '佰':
		return 2
	case '千', '仟':
		return 3
	}
	return 0
}

// bigExp is the power of ten of 万 and 亿. 兆 is no magnitude: in telecom
// text it means mega (百兆, 千兆 are bandwidth tiers), and the unit
// catalogue reads it as such.
func bigExp(r rune) int {
	switch r {
	case '万':
		return 4
	case '亿':
		return 8
	}
	return 0
}

// isFinancial reports the financial numerals written in amounts and
// contracts to prevent tampering (壹佰贰拾万元).
func isFinancial(r rune) bool {
	return strings.ContainsRune("壹贰叁肆伍陆柒捌玖拾佰仟", r)
}

// isCNNumeral reports a rune that can begin or continue a Chinese numeral.
func isCNNumeral(r rune) bool {
	return r < 1<<16 && cnNumeralBits[r>>6]&(1<<(r&63)) != 0
}

// cnNumeralBits is the set of Chinese and financial numerals as a bitmap
// over the Basic Multilingual Plane: the scanner asks about every rune of
// every sentence.
var cnNumeralBits = func() (b [1 << 10]uint64) {
	for _, r := range "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟" {
		b[r>>6] |= 1 << (r & 63)
	}
	return b
}()

func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' }

// skipSpaces returns the index after at most max spaces at rs[i].
func skipSpaces(rs []rune, i, max int) int {
	j := i
	for j < len(rs) && j-i < max && isSpace(rs[j]) {
		j++
	}
	if isSpace(at(rs, j)) {
		return i // a longer gap separates, it does not join
	}
	return j
}

// maxGap is the most spaces read inside a figure (24.2 万个, 一百五十  个百分点,
// 一 百 五 十): messy pages and converted PDFs put them there.
const maxGap = 4

// financialWords are words whose first or last character is a financial
// numeral: 收拾, 队伍, 陆地, 大陆, 放肆. A financial numeral is read only in
// a run of two or more numerals, and not as the tail of one of these.
var financialWords = map[rune]string{'拾': "收捡", '伍': "队入退落行", '陆': "大登着内水海新", '肆': "放大"}

// financialStart reports whether the financial numeral at rs[i] begins a
// number: it is not the tail of a word (队伍, 大陆, 收拾) and another
// Chinese numeral follows (肆拾, 壹佰), or it is part of a fraction
// (仟分之贰, 壹又二分之一).
func financialStart(rs []rune, i int) bool {
	if strings.ContainsRune(financialWords[rs[i]], at(rs, i-1)) {
		return false
	}
	return isCNNumeral(at(rs, skipSpaces(rs, i+1, maxGap))) || inFraction(rs, i, i+1)
}

// inFraction reports a numeral rs[start:end] inside a fraction: after 分之,
// or before 分之 or 又.
func inFraction(rs []rune, start, end int) bool {
	n := skipSpaces(rs, end, maxGap)
	return at(rs, skipSpacesBack(rs, start)-1) == '之' || hasAt(rs, n, "分之") || at(rs, n) == '又'
}

// numState is the evaluation state of a Chinese-style numeral: sections of
// digit × 十/百/千 closed by 万 and 亿, in any order the language allows
// (一万五千亿 is 1.5 × 10^12, 四亿五千万 is 4.5 × 10^8, 四万万 is 4 × 10^8).
type numState struct {
	total, section, num dec
	haveNum             bool
	numChinese          bool // the pending number is one Chinese digit
	numDigits           int  // integer digits of a pending Arabic number
	numDecimal          bool
	lastSmall           int  // power of the last 十/百/千 in this section, 99 for none
	lowBig              int  // power of the last 万/亿 applied, 99 for none
	lastUnit            int  // power of the unit right before the pending number, -1 for none
	zero                bool // 零 since the last unit
	tokens              int
	anyDigit            bool
	bareStart           bool
	chinese             bool
	mag, over           bool
	magExp              int
	digits              int
	decimal             bool
	financial, plain    int // financial and other numeral runes
	lastChinese         bool
	lastArabic          bool
}

// readNumeral reads the whole numeral at rs[i], or nothing: a run that is
// not one well-formed number (十四五, 二〇二四, 两百点两, 3万4) is refused
// whole, and skip says where scanning resumes, past the run, so that no
// tail of it is read as a number of its own. orig holds the runes as
// written, for the width of separators (４，５６５ is one number; 20，300
// two). A magnitude that begins a unit of u ends the number (一百千瓦 is
// 100 千瓦, 2.3千克 is 2.3 公斤, 1.5百分点 is 1.5 个百分点).
func readNumeral(rs, orig []rune, u *Units, i int) (c core, ok bool, skip int) {
	if r := at(rs, i); isFinancial(r) && !financialStart(rs, i) {
		return core{}, false, i + 1
	}
	st := numState{lastSmall: 99, lowBig: 99, lastUnit: -1, chinese: true}
	j := i
	fail := func() (core, bool, int) { return core{}, false, numeralRunEnd(rs, i) }
	for {
		k := j
		if st.tokens > 0 {
			if s := skipSpaces(rs, j, maxGap); s > j {
				// Spaces join Chinese numerals (一 百 五 十), a number and its
				// magnitude (1000  万, 7 万5 千4 百), never two Arabic numbers.
				n := at(rs, s)
				if !((st.lastChinese && (isCNNumeral(n) || n == '点' || n == '几' || n == '余' || n == '多')) ||
					(st.lastArabic && (bigExp(n) > 0 || smallExp(n) > 1 || n == '余' || n == '多')) ||
					(st.lastChinese && !st.haveNum && st.lastUnit > 0 && isDigit(n) && magnitudeAfterDigits(rs, s) < st.lastUnit)) {
					break
				}
				k = s
			}
		}
		r := at(rs, k)
		if r == '俩' && st.tokens == 0 && (smallExp(at(rs, k+1)) > 1 || bigExp(at(rs, k+1)) > 0) {
			r = '两' // 俩千: two thousand
		}
		switch {
		case isDigit(r) || (st.tokens == 0 && isPoint(r) && isDigit(at(rs, k+1))):
			if st.haveNum {
				return fail()
			}
			if st.tokens > 0 && st.lastArabic {
				return fail()
			}
			v, e, digits, ok := readArabic(rs, orig, k)
			if !ok {
				return fail()
			}
			if digits > 15 {
				// Identity, licence and account numbers, never a quantity.
				return fail()
			}
			st.num, st.haveNum, st.numChinese, st.numDigits = v, true, false, digits
			st.numDecimal = !v.isInt() || e > k+digits && hasPointIn(rs, k, e)
			st.decimal = st.decimal || st.numDecimal
			st.digits = max(st.digits, digits)
			st.chinese, st.anyDigit = false, true
			st.lastArabic, st.lastChinese = true, false
			st.magExp = 0
			st.plain++
			j = e
		case isCNNumeral(r):
			if isFinancial(r) {
				st.financial++
			} else {
				st.plain++
			}
			if d, isD := cnDigitOf(r); isD {
				if st.haveNum {
					return fail()
				}
				if d == 0 {
					st.zero, st.anyDigit = true, true
				} else {
					st.num, st.haveNum, st.numChinese, st.numDigits = decInt(int64(d)), true, true, 1
					st.anyDigit = true
				}
				st.magExp = 0
			} else if unitAhead(u, rs, k) && (st.haveNum || !st.section.isZero() || !st.total.isZero()) {
				return st.finish(rs, i, k)
			} else if u := smallExp(r); u > 0 {
				if !st.haveNum && st.lastSmall != 99 && !st.zero {
					return fail() // 十百, 二十百
				}
				if u >= st.lastSmall {
					return fail() // 百千, 十十
				}
				n := decInt(1)
				if st.haveNum {
					n = st.num
				} else if st.tokens == 0 && u > 1 {
					st.bareStart = true
				}
				if st.haveNum && !st.numChinese {
					st.mag = true // 5千, 4百 after Arabic digits
					st.magExp += u
				} else {
					st.magExp = 0
				}
				add, ok := n.shift(u).add(st.section)
				if !ok {
					return fail()
				}
				st.section, st.haveNum, st.zero, st.lastSmall, st.lastUnit = add, false, false, u, u
			} else {
				b := bigExp(r)
				x := st.section
				if st.haveNum {
					var ok bool
					if x, ok = x.add(st.num); !ok {
						return fail()
					}
				}
				if x.isZero() && st.total.isZero() {
					if st.anyDigit {
						return fail() // 零万
					}
					x = decInt(1)
					if st.tokens == 0 {
						st.bareStart = true
					}
				}
				var ok bool
				switch {
				case st.lowBig == 99:
					st.total = x.shift(b)
				case b < st.lowBig:
					if !x.less(decInt(1).shift(st.lowBig - b)) {
						return fail()
					}
					st.total, ok = st.total.add(x.shift(b))
					if !ok {
						return fail()
					}
				default:
					st.total, ok = st.total.add(x)
					if !ok {
						return fail()
					}
					st.total = st.total.shift(b)
				}
				st.section, st.haveNum, st.zero, st.lastSmall, st.lowBig, st.lastUnit = dec{}, false, false, 99, b, b
				st.mag, st.magExp = true, st.magExp+b
			}
			st.lastChinese, st.lastArabic = true, false
			j = k + 1
		case r == '几' && st.tokens > 0:
			// 二十几万, 十几个: an unknown last digit, read as "more than".
			if st.haveNum {
				return fail()
			}
			st.num, st.haveNum, st.numChinese, st.numDigits = dec{}, true, true, 1
			st.over = true
			st.lastChinese, st.lastArabic = true, false
			j = k + 1
		case (r == '余' || r == '多') && st.tokens > 0:
			// 三十余万, 500多亿, 十 余 万: more than, before a magnitude; a
			// 余 or 多 after the whole number is the figure's suffix.
			n := skipSpaces(rs, k+1, maxGap)
			if bigExp(at(rs, n)) == 0 || (st.bareStart && !st.anyDigit) {
				return st.finish(rs, i, k)
			}
			st.over = true
			j = n
			continue
		case r == '点' && st.tokens > 0 && st.lastChinese:
			return st.decimals(rs, i, k)
		case r == '兆':
			// 五兆六十二亿: 兆 as 10^12 is not read (it is mega in
			// telecom text); 千兆, 万兆 are bandwidth tiers, not numbers.
			n := skipSpaces(rs, k+1, maxGap)
			if isDigit(at(rs, n)) || isCNNumeral(at(rs, n)) || !st.anyDigit {
				return fail()
			}
			return st.finish(rs, i, k)
		default:
			if st.tokens == 0 {
				return core{}, false, i + 1
			}
			return st.finish(rs, i, k)
		}
		st.tokens++
	}
	return st.finish(rs, i, j)
}

func isPoint(r rune) bool { return r == '.' || r == '．' }

// joinedBySpace reports whether spaces between rune a and rune b may fall
// inside one numeral: between Chinese numerals (一 百 五 十), and between
// digits and a magnitude (1000  万).
func joinedBySpace(a, b rune) bool {
	return (isCNNumeral(a) && isCNNumeral(b)) || (isDigit(a) && (bigExp(b) > 0 || smallExp(b) > 1))
}

// unitAhead reports a unit of more than one rune at rs[k] that begins with
// the magnitude there (千瓦, 千克, 百分点).
func unitAhead(u *Units, rs []rune, k int) bool {
	if u == nil {
		return false
	}
	_, end, ok := u.match(rs, k)
	return ok && end-k > 1
}

// magnitudeAfterDigits is the power of ten of a 十/百/千/万/亿 right after
// the digits at rs[i] (7万 5千: 3), or 99 when none follows, so that a
// space joins the groups of 7万 5千 4百 but not 7万 5G.
func magnitudeAfterDigits(rs []rune, i int) int {
	j := i
	for isDigit(at(rs, j)) {
		j++
	}
	if e := smallExp(at(rs, j)); e > 0 {
		return e
	}
	if e := bigExp(at(rs, j)); e > 0 {
		return e
	}
	return 99
}

func hasPointIn(rs []rune, from, to int) bool {
	for k := from; k < to; k++ {
		if isPoint(rs[k]) {
			return true
		}
	}
	return false
}

// finish closes a numeral ending at rs[end]: the pending number joins the
// sections, as colloquial speech means it after a unit (一万三 is 13000,
// 两千四百五 is 2450, 九十二万四 is 924000; but 一千零五 is 1005).
func (st *numState) finish(rs []rune, start, end int) (core, bool, int) {
	// Trailing spaces are not part of the number.
	for end > start && isSpace(rs[end-1]) {
		end--
	}
	fail := func() (core, bool, int) { return core{}, false, numeralRunEnd(rs, start) }
	if st.financial > 0 && st.financial+st.plain < 2 && !inFraction(rs, start, end) {
		// 收拾, 队伍, 陆地: words, not numerals.
		return core{}, false, end
	}
	v, ok := st.total.add(st.section)
	if !ok {
		return fail()
	}
	if st.haveNum {
		n := st.num
		switch {
		case st.lastUnit <= 0 || st.zero:
			// no unit before it, or 零 in between: the number as written
		case st.numChinese:
			n = n.shift(st.lastUnit - 1)
		case st.numDecimal || st.numDigits != st.lastUnit:
			// 3万4000 spells the lower places out; 3万4 and 3万400 are no
			// numbers anyone writes.
			return fail()
		}
		if v, ok = v.add(n); !ok {
			return fail()
		}
		st.magExp = 0
	}
	return core{
		start: start, end: end, val: v, chinese: st.chinese, bare: st.bareStart && !st.anyDigit,
		mag: st.mag, magExp: st.magExp, over: st.over, digits: st.digits, decimal: st.decimal,
	}, true, 0
}

// decimals reads the places after a Chinese decimal point at rs[k] (点):
// 十五点七, 一千六点五, 两千万点五五四四; a 万 or 亿 after them scales the
// whole (八十六点五亿, 一点二万) when the integer part had none.
func (st *numState) decimals(rs []rune, start, k int) (core, bool, int) {
	fail := func() (core, bool, int) { return core{}, false, numeralRunEnd(rs, start) }
	j := skipSpaces(rs, k+1, maxGap)
	var frac dec
	places := 0
	for ; j < len(rs); j++ {
		d, ok := cnDigitOf(rs[j])
		if !ok || rs[j] == '两' {
			break
		}
		var ok2 bool
		frac, ok2 = frac.add(decInt(int64(d)).shift(-(places + 1)))
		if !ok2 {
			return fail()
		}
		places++
	}
	// 两点 (two o'clock, 两点一线) and a point with no digit after it end
	// the number before the point.
	if places == 0 || (k == start+1 && rs[start] == '两') {
		return st.finish(rs, start, k)
	}
	whole, ok, _ := st.finish(rs, start, k)
	if !ok {
		return fail()
	}
	v, ok2 := whole.val.add(frac)
	if !ok2 {
		return fail()
	}
	whole.decimal = true
	if n := skipSpaces(rs, j, maxGap); bigExp(at(rs, n)) > 0 {
		if st.lowBig != 99 {
			return fail() // 两千万点五亿
		}
		for bigExp(at(rs, n)) > 0 {
			b := bigExp(rs[n])
			v = v.shift(b)
			whole.mag, whole.magExp = true, whole.magExp+b
			n++
		}
		j = n
	} else {
		whole.magExp = 0
	}
	if smallExp(at(rs, j)) > 0 || isDigit(at(rs, j)) {
		return fail()
	}
	if _, isD := cnDigitOf(at(rs, j)); isD {
		return fail()
	}
	whole.val, whole.end = v, j
	return whole, true, 0
}

// readArabic reads Arabic digits at rs[i] with thousands separators
// (1,650; ４，５６５ in full width) and decimal places (2.8, ２．８, .5).
func readArabic(rs, orig []rune, i int) (v dec, end int, digits int, ok bool) {
	j := i
	var m int64
	exp := 0
	groupLead := 0
	overflow := false
	push := func(d int) {
		if m > (1<<62)/10 {
			overflow = true
			return
		}
		m = m*10 + int64(d)
	}
	for j < len(rs) {
		r := rs[j]
		if isDigit(r) {
			push(digitVal(r))
			digits++
			j++
			continue
		}
		// 1,234,567: a comma followed by exactly three digits. A full-width
		// comma separates thousands only between full-width digits with
		// proper groups (４，５６５); elsewhere it separates clauses.
		if (r == ',' || r == '，') && digits > 0 && isDigit(at(rs, j+1)) && isDigit(at(rs, j+2)) && isDigit(at(rs, j+3)) && !isDigit(at(rs, j+4)) {
			if r == '，' {
				if groupLead == 0 {
					groupLead = digits
				}
				if groupLead > 3 || !fullWidth(orig, j-1) || !fullWidth(orig, j+1) {
					break
				}
			}
			for k := 1; k <= 3; k++ {
				push(digitVal(rs[j+k]))
			}
			digits += 3
			j += 4
			continue
		}
		break
	}
	if isPoint(at(rs, j)) && isDigit(at(rs, j+1)) {
		j++
		for j < len(rs) && isDigit(rs[j]) {
			push(digitVal(rs[j]))
			exp--
			j++
		}
	}
	if j == i || overflow || (digits == 0 && exp == 0) {
		return dec{}, i, 0, false
	}
	return dec{m, exp}.norm(), j, digits, true
}

// fullWidth reports a full-width digit at orig[i].
func fullWidth(orig []rune, i int) bool {
	r := at(orig, i)
	return r >= '０' && r <= '９'
}

// numeralRunEnd is where the run of numerals, digits and their joining
// punctuation that starts at rs[i] ends — letters and codes included
// (NR900, 0543-2395991, 2222.2222.22222) — so that no part of a refused
// number is read as a number of its own.
func numeralRunEnd(rs []rune, i int) int {
	j := i
	for j < len(rs) {
		r := rs[j]
		switch {
		case isDigit(r) || isLatin(r) || isCNNumeral(r) || r == '兆' || r == '几':
		case strings.ContainsRune(".-/:_@,．－：／", r) && j > i && (isDigit(rs[j-1]) || isLatin(rs[j-1]) || isCNNumeral(rs[j-1])) &&
			(isDigit(at(rs, j+1)) || isLatin(at(rs, j+1))):
		case r == '分' && at(rs, j+1) == '之' && j > i && (isCNNumeral(rs[j-1]) || isDigit(rs[j-1])):
			j++
		case (r == '点' || r == '又' || r == '余' || r == '多') && j > i &&
			(isDigit(at(rs, j+1)) || isCNNumeral(at(rs, j+1))):
		case isSpace(r) && j > i && joinedBySpace(rs[j-1], at(rs, skipSpaces(rs, j, maxGap))):
		default:
			if j == i {
				return i + 1
			}
			return j
		}
		j++
	}
	return j
}
