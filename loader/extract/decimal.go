package extract

import (
	"math"
	"math/big"
	"strconv"
)

// dec is an exact decimal m × 10^e. The number reader builds every value
// in it — digits, decimal places, magnitudes (24.2万 is 242 × 10^3) — and
// converts to float64 once, at the end, so that a stored value is the
// double closest to the decimal the text wrote (11.64万 → 116400, never
// 116399.99999999999). An int64 mantissa holds any 18 significant digits;
// a value that would need more is refused, not rounded.
type dec struct {
	m int64
	e int
}

var pow10 = func() [19]int64 {
	var p [19]int64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// float64 powers of ten that are exact (10^22 is the largest).
var fpow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

func decInt(n int64) dec { return dec{m: n} }

func (d dec) isZero() bool { return d.m == 0 }

func (d dec) neg() dec { return dec{-d.m, d.e} }

// shift multiplies by 10^k exactly.
func (d dec) shift(k int) dec {
	if d.m == 0 {
		return dec{}
	}
	return dec{d.m, d.e + k}
}

// scaleTo rewrites d with exponent e <= d.e, reporting false on overflow.
func (d dec) scaleTo(e int) (dec, bool) {
	k := d.e - e
	if k == 0 || d.m == 0 {
		return dec{d.m, e}, true
	}
	if k < 0 || k >= len(pow10) {
		return dec{}, false
	}
	p := pow10[k]
	if d.m > math.MaxInt64/p || d.m < math.MinInt64/p {
		return dec{}, false
	}
	return dec{d.m * p, e}, true
}

// add returns d + o exactly, or false when the sum needs more than 18
// digits.
func (d dec) add(o dec) (dec, bool) {
	if o.m == 0 {
		return d, true
	}
	if d.m == 0 {
		return o, true
	}
	e := min(d.e, o.e)
	a, ok1 := d.scaleTo(e)
	b, ok2 := o.scaleTo(e)
	if !ok1 || !ok2 {
		return dec{}, false
	}
	s := a.m + b.m
	if (s > a.m) != (b.m > 0) {
		return dec{}, false
	}
	return dec{s, e}.norm(), true
}

// norm drops trailing zeros of the mantissa into the exponent.
func (d dec) norm() dec {
	if d.m == 0 {
		return dec{}
	}
	for d.m%10 == 0 {
		d.m /= 10
		d.e++
	}
	return d
}

// less reports d < o exactly.
func (d dec) less(o dec) bool {
	e := min(d.e, o.e)
	a, ok1 := d.scaleTo(e)
	b, ok2 := o.scaleTo(e)
	if ok1 && ok2 {
		return a.m < b.m
	}
	return d.rat().Cmp(o.rat()) < 0
}

// isInt reports a whole number.
func (d dec) isInt() bool { return d.norm().e >= 0 }

// float is the float64 closest to d: the exact fast path when mantissa and
// power of ten are both exact doubles (one correctly rounded operation),
// else strconv's correctly rounded parse.
func (d dec) float() float64 {
	if d.m == 0 {
		return 0
	}
	if d.m < 1<<53 && d.m > -(1<<53) {
		switch {
		case d.e >= 0 && d.e < len(fpow10):
			return float64(d.m) * fpow10[d.e]
		case d.e < 0 && -d.e < len(fpow10):
			return float64(d.m) / fpow10[-d.e]
		}
	}
	f, _ := strconv.ParseFloat(strconv.FormatInt(d.m, 10)+"e"+strconv.Itoa(d.e), 64)
	return f
}

// rat is d as an exact rational.
func (d dec) rat() *big.Rat {
	r := new(big.Rat).SetInt64(d.m)
	if d.e == 0 {
		return r
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(d.e))), nil)
	if d.e > 0 {
		return r.Mul(r, new(big.Rat).SetInt(p))
	}
	return r.Quo(r, new(big.Rat).SetInt(p))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// ratDec writes a rational as a decimal when it terminates within 18 digits.
func ratDec(r *big.Rat) (dec, bool) {
	num, den := new(big.Int).Set(r.Num()), new(big.Int).Set(r.Denom())
	// A fraction in lowest terms terminates iff its denominator is 2^a 5^b;
	// it then needs max(a, b) decimal places.
	two, five := big.NewInt(2), big.NewInt(5)
	a, b := 0, 0
	m := new(big.Int)
	for m.Mod(den, two).Sign() == 0 {
		den.Quo(den, two)
		a++
	}
	for m.Mod(den, five).Sign() == 0 {
		den.Quo(den, five)
		b++
	}
	if den.Cmp(big.NewInt(1)) != 0 {
		return dec{}, false
	}
	places := max(a, b)
	scaled := new(big.Int).Mul(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	scaled.Quo(scaled, r.Denom())
	if !scaled.IsInt64() || places > 40 {
		return dec{}, false
	}
	return dec{scaled.Int64(), -places}.norm(), true
}

// roundRat rounds a rational to places decimal places, halves away from
// zero (1/3 of a whole → 33.33 %, 2/3 → 66.67 %).
func roundRat(r *big.Rat, places int) (dec, bool) {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	x := new(big.Rat).Mul(r, new(big.Rat).SetInt(p))
	num, den := x.Num(), x.Denom()
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	// |rem|*2 >= den rounds away from zero.
	rem.Abs(rem).Mul(rem, big.NewInt(2))
	if rem.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	if !q.IsInt64() {
		return dec{}, false
	}
	return dec{q.Int64(), -places}.norm(), true
}

// ratFloat is the float64 closest to a rational, for a quotient that no
// decimal writes exactly (三百五十又三分之一).
func ratFloat(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}
