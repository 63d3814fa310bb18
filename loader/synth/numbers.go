package synth

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Qualifier values, as in the gold README.
const (
	qExact   = "exact"
	qOver    = "over"
	qAtLeast = "at_least"
	qApprox  = "approx"
	qAtMost  = "at_most"
	qRange   = "range"
)

// amount is one generated figure: how it reads and what it means.
type amount struct {
	text     string  // the figure as written, with measure word: 超24.2万个, 95%以上, 两场
	value    float64 // normalised value
	valueMax float64 // upper end of a range
	hasMax   bool
	qual     string
}

// vspec says how to draw a figure for one metric at one level.
type vspec struct {
	lo, hi float64 // range of the normalised value
	dec    int     // decimals allowed in the written mantissa (before 万/亿)
	mag    string  // "", "万", "亿": the magnitude word the figure is written with
}

// unitKind tells percentages and plain measure words apart.
type unitKind int

const (
	ukCount unitKind = iota // a measure word after the number: 个, 户, 元 (with 亿)
	ukPct                   // a percentage
	ukTech                  // a unit written in Latin letters: EFLOPS
	ukRank                  // 第N位
)

var magValue = map[string]float64{"": 1, "万": 1e4, "亿": 1e8, "万亿": 1e12}

// mantissa draws a written mantissa in [lo, hi]/mag with up to dec
// decimals and returns it as ASCII decimal text without trailing zeros.
func mantissa(r *rand.Rand, s vspec) string {
	m := magValue[s.mag]
	lo, hi := s.lo/m, s.hi/m
	dec := 0
	if s.dec > 0 {
		dec = r.IntN(s.dec + 1)
	}
	scale := 1.0
	for range dec {
		scale *= 10
	}
	a, b := int64(math.Ceil(lo*scale)), int64(math.Floor(hi*scale))
	if b < a {
		b = a
	}
	k := a + r.Int64N(b-a+1)
	if k <= 0 {
		k = 1
	}
	t := strconv.FormatInt(k, 10)
	if dec > 0 {
		for len(t) <= dec {
			t = "0" + t
		}
		t = t[:len(t)-dec] + "." + t[len(t)-dec:]
		t = strings.TrimRight(strings.TrimRight(t, "0"), ".")
	}
	return t
}

// decValue turns an ASCII mantissa and magnitude into the normalised value.
// Digits are shifted in text, so 24.2万 is exactly 242000.
func decValue(mant, mag string) float64 {
	shift := map[string]int{"": 0, "万": 4, "亿": 8, "万亿": 12}[mag]
	intPart, frac, _ := strings.Cut(mant, ".")
	for shift > 0 && frac != "" {
		intPart += frac[:1]
		frac = frac[1:]
		shift--
	}
	intPart += strings.Repeat("0", shift)
	s := intPart
	if frac != "" {
		s += "." + frac
	}
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// chineseInt writes 1..99 in Chinese numerals; liang uses 两 for a lone 2
// before a measure word (两场).
func chineseInt(n int, liang bool) string {
	switch {
	case n == 2 && liang:
		return "两"
	case n < 10:
		return cnDigits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + cnDigits[n%10]
	case n%10 == 0:
		return cnDigits[n/10] + "十"
	default:
		return cnDigits[n/10] + "十" + cnDigits[n%10]
	}
}

// fullWidth converts ASCII digits and the decimal point to full-width forms.
func fullWidth(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c - '0' + '０')
		case c == '.':
			b.WriteRune('．')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// thousands inserts separators into an integer mantissa: 12345 → 12,345.
func thousands(s string) string {
	if strings.Contains(s, ".") || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Qualifier words, by qualifier and position.
var (
	overPrefix    = []string{"超", "超过", "突破", "逾"}
	atLeastPrefix = []string{"不少于", "不低于"}
	approxPrefix  = []string{"约", "近"}
	atMostPrefix  = []string{"不超过"}
	rangeSeps     = []string{"~", "-", "至", "—"}
)

// amountOpts narrows what render may produce for one phrase.
type amountOpts struct {
	quals    string // allowed qualifiers as letters: e exact, o over, l at_least, a approx, m at_most, r range
	chinese  bool   // small counts may be written in Chinese numerals
	noPrefix bool   // the phrase reads badly with a prefix word (达到超…): suffixes only
}

// render draws a figure for spec and writes it with measure word mw.
func render(r *rand.Rand, s vspec, kind unitKind, mw string, o amountOpts) amount {
	quals := o.quals
	if quals == "" {
		quals = "eeeeeoolaa"
	}
	q := quals[r.IntN(len(quals))]
	if kind == ukRank {
		q = 'e'
	}
	mant := mantissa(r, s)
	mag := s.mag
	if q == 'o' || q == 'a' {
		mant = roundSig(mant, 1+r.IntN(2))
	}
	// Integers only take 余/多 and Chinese numerals.
	isInt := !strings.Contains(mant, ".")

	// unitText is what follows the number: 万个, %, EFLOPS.
	unitText := mag + mw
	switch kind {
	case ukPct:
		unitText = "%"
		if r.IntN(12) == 0 {
			unitText = "％"
		}
	case ukTech:
		unitText = mw
		if r.IntN(3) == 0 {
			unitText = " " + mw
		}
	case ukRank:
		unitText = ""
	}
	numText := mant
	if isInt && mag == "" && kind == ukCount && r.IntN(10) == 0 {
		numText = thousands(mant)
	}
	if r.IntN(40) == 0 {
		numText = fullWidth(numText)
	}
	val := decValue(mant, mag)
	a := amount{value: val, qual: qExact}

	// Notices write small counts (两场, 七个) and round ones with 余
	// (三十余个) in Chinese numerals, larger exact counts in digits.
	useChinese := (o.chinese || kind == ukRank) && isInt && mag == "" && val >= 1 && r.IntN(3) == 0 &&
		(val <= 10 || q == 'o' && val < 100 && int(val)%10 == 0)
	if useChinese {
		numText = chineseInt(int(val), kind != ukRank && mw != "")
	}

	switch q {
	case 'o':
		a.qual = qOver
		canYu := isInt && kind == ukCount && !(useChinese && val <= 10) && mag != "万亿"
		switch {
		case canYu && (o.noPrefix || useChinese || r.IntN(3) == 0):
			// 1600余个, 2万余场, 30余万人次, 三十余个
			if mag != "" && len(mant) >= 2 && r.IntN(2) == 0 {
				a.text = numText + "余" + mag + mw // 30余万人次
			} else {
				a.text = numText + mag + "余" + mw
			}
		case isInt && kind == ukCount && mag == "" && val >= 10 && !useChinese && r.IntN(3) == 0:
			a.text = numText + "多" + mw
		case o.noPrefix:
			a.text = numText + unitText + "以上"
			a.qual = qAtLeast
		default:
			a.text = pick(r, overPrefix) + numText + unitText
		}
	case 'l':
		a.qual = qAtLeast
		if o.noPrefix || r.IntN(2) == 0 {
			a.text = numText + unitText + "以上"
		} else {
			a.text = pick(r, atLeastPrefix) + numText + unitText
		}
	case 'a':
		a.qual = qApprox
		if o.noPrefix || r.IntN(3) == 0 {
			a.text = numText + unitText + "左右"
		} else {
			a.text = pick(r, approxPrefix) + numText + unitText
		}
	case 'm':
		a.qual = qAtMost
		if o.noPrefix || r.IntN(2) == 0 {
			a.text = numText + unitText + "以下"
		} else {
			a.text = pick(r, atMostPrefix) + numText + unitText
		}
	case 'r':
		if useChinese {
			a.text = numText + unitText
			break
		}
		a.qual = qRange
		// The upper end is 10–60 % above the lower one, written the same way.
		f := 1.1 + r.Float64()*0.5
		hi := vspec{lo: val * f, hi: val * (f + 0.2), dec: 0, mag: mag}
		if kind == ukPct && hi.hi > 100 {
			hi.lo, hi.hi = (val+100)/2, 100
		}
		mant2 := mantissa(r, hi)
		v2 := decValue(mant2, mag)
		if v2 <= val || kind == ukPct && v2 > 100 {
			mant2, v2 = mant, val
			a.qual = qExact
			a.text = numText + unitText
			break
		}
		a.valueMax = v2
		a.hasMax = true
		sep := pick(r, rangeSeps)
		switch {
		case kind == ukPct:
			if r.IntN(2) == 0 {
				a.text = mant + "%" + sep + mant2 + "%"
			} else {
				a.text = mant + sep + mant2 + "%"
			}
		default:
			a.text = mant + sep + mant2 + unitText
		}
	default:
		a.text = numText + unitText
	}
	if kind == ukRank {
		a.text = numText
	}
	return a
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// roundSig rounds an integer mantissa of 10 or more down to sig significant
// digits (4703 → 4700 or 4000; 13 → 10), as figures with 余, 多, 约 are
// written.
func roundSig(mant string, sig int) string {
	if strings.Contains(mant, ".") {
		return mant
	}
	if n, err := strconv.Atoi(mant); err != nil || n < 10 {
		return mant
	}
	if len(mant) <= 2 {
		sig = 1
	}
	return mant[:sig] + strings.Repeat("0", len(mant)-sig)
}
