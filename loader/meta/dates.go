package meta

import (
	"net/url"
	"regexp"
	"strconv"
	"time"
)

var (
	// fullDateRe matches 2022-10-21, 2022/10/21, 2022.10.21, 2022年10月21日.
	fullDateRe = regexp.MustCompile(`((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日)?`)
	// compactDateRe matches 20220127 between non-digits (URLs, file names).
	compactDateRe = regexp.MustCompile(`(?:^|\D)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\D|$)`)
	// urlPathDateRe matches /2022/01/27/ or /202201/t20220127_ style paths.
	urlPathDateRe = regexp.MustCompile(`/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\D|$)`)
	// monthDayRe matches 1月22日 without a year.
	monthDayRe = regexp.MustCompile(`(?:^|[^\d年])(\d{1,2})月(\d{1,2})日`)
)

// hanDateRe matches dates in Chinese numerals, as formal documents sign
// them: 二〇二二年十月二十日.
var hanDateRe = regexp.MustCompile(`([〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日`)

// ParseDate reads the first full date in s (2022-10-21, 2022年10月21日,
// 2022/10/21, 2022.10.21, 二〇二二年十月二十日) and reports whether it
// found a valid one.
func ParseDate(s string) (time.Time, bool) {
	for _, m := range fullDateRe.FindAllStringSubmatch(s, -1) {
		if t, ok := mkDate(m[1], m[2], m[3]); ok {
			return t, true
		}
	}
	for _, m := range hanDateRe.FindAllStringSubmatch(s, -1) {
		if t, ok := mkDateInt(hanDigits(m[1]), hanNumber(m[2]), hanNumber(m[3])); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

var hanDigit = map[rune]int{'〇': 0, '○': 0, '零': 0, 'Ｏ': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// hanDigits reads digit by digit: 二〇二二 → 2022.
func hanDigits(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + hanDigit[r]
	}
	return n
}

// hanNumber reads a number up to 99 written with 十: 十 → 10, 二十一 → 21.
func hanNumber(s string) int {
	tens, n, seenTen := 0, 0, false
	for _, r := range s {
		if r == '十' {
			if seenTen {
				return 0
			}
			seenTen = true
			tens = n
			if tens == 0 {
				tens = 1
			}
			n = 0
			continue
		}
		n = hanDigit[r]
	}
	if seenTen {
		return tens*10 + n
	}
	return n
}

// dateInPath reads a date from a URL or file name: path segments
// (/2022/01/27/) or eight digits standing alone (t20220127_).
func dateInPath(s string) (time.Time, bool) {
	for _, re := range []*regexp.Regexp{urlPathDateRe, compactDateRe} {
		for _, m := range re.FindAllStringSubmatch(s, -1) {
			if t, ok := mkDate(m[1], m[2], m[3]); ok {
				return t, true
			}
		}
	}
	for _, m := range fullDateRe.FindAllStringSubmatch(s, -1) {
		if t, ok := mkDate(m[1], m[2], m[3]); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

func mkDate(ys, ms, ds string) (time.Time, bool) {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	return mkDateInt(y, m, d)
}

func mkDateInt(y, m, d int) (time.Time, bool) {
	if y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2月30日
		return time.Time{}, false
	}
	return t, true
}

// addressDate is a date a page's address gives (the notice's address, from
// sources.csv or the page): day is 0 when the address gives only a year
// and month (/202106/11465343.html).
type addressDate struct{ year, month, day int }

var (
	// addrFullRe: 2019-11-11, 2019/11/11, 2019_07_21, 2019-1-4,
	// 2020/07-31, as path segments or the start of a file name.
	addrFullRe = regexp.MustCompile(`(?:^|/)((?:19|20)\d{2})([-/_])(\d{1,2})([-/_])(\d{1,2})(?:[/_.?#-]|$)`)
	// addrCompactRe: eight digits standing alone (t20191111_, /20200629/).
	addrCompactRe = regexp.MustCompile(`(?:^|\D)((?:19|20)\d{2})(\d{2})(\d{2})(?:\D|$)`)
	// addrYearMMDDRe: a year folder, then a month-and-day folder
	// (/n2/2021/0912/c379470-….html).
	addrYearMMDDRe = regexp.MustCompile(`/((?:19|20)\d{2})/(\d{2})(\d{2})/`)
	// addrMonthDirRe: a year-and-month folder (/2019-11/, /202312/); the
	// segment after it is a day (/2019-11/11/) or a content id.
	addrMonthDirRe = regexp.MustCompile(`/((?:19|20)\d{2})-?(\d{2})/([^/?#]+)`)
	addrDayRe      = regexp.MustCompile(`^(\d{1,2})$`)
)

// dateOfAddress reads the date a page's address gives, in the shapes that
// say a date and nothing else: YYYY-MM-DD, YYYY/MM/DD, YYYY_MM_DD,
// YYYYMMDD standing alone, YYYY/MMDD, and a YYYY-MM or YYYYMM folder
// followed by a day folder (a full date) or a content id (year and month
// only). The host, and digit runs of other lengths (content ids such as
// 20220214020734634461 or 2020729101450), give none. Years run from 1995
// to now and one year on: a content id that happens to read as a date of
// 2081 is not one.
func dateOfAddress(addr string, now time.Time) (addressDate, bool) {
	p := addr
	if u, err := url.Parse(addr); err == nil && u.Host != "" {
		p = u.EscapedPath()
		if u.RawQuery != "" {
			p += "?" + u.RawQuery
		}
	}
	last := now.Year() + 1
	ok := func(y, m, d int) bool {
		if y < 1995 || y > last {
			return false
		}
		if d == 0 {
			return m >= 1 && m <= 12
		}
		_, valid := mkDateInt(y, m, d)
		return valid
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	for _, m := range addrFullRe.FindAllStringSubmatch(p, -1) {
		if ok(atoi(m[1]), atoi(m[3]), atoi(m[5])) {
			return addressDate{atoi(m[1]), atoi(m[3]), atoi(m[5])}, true
		}
	}
	for _, m := range addrCompactRe.FindAllStringSubmatch(p, -1) {
		if ok(atoi(m[1]), atoi(m[2]), atoi(m[3])) {
			return addressDate{atoi(m[1]), atoi(m[2]), atoi(m[3])}, true
		}
	}
	for _, m := range addrYearMMDDRe.FindAllStringSubmatch(p, -1) {
		if ok(atoi(m[1]), atoi(m[2]), atoi(m[3])) {
			return addressDate{atoi(m[1]), atoi(m[2]), atoi(m[3])}, true
		}
	}
	for _, m := range addrMonthDirRe.FindAllStringSubmatch(p, -1) {
		y, mo := atoi(m[1]), atoi(m[2])
		if !ok(y, mo, 0) {
			continue
		}
		if d := addrDayRe.FindStringSubmatch(m[3]); d != nil {
			if ok(y, mo, atoi(d[1])) {
				return addressDate{y, mo, atoi(d[1])}, true
			}
			continue
		}
		return addressDate{y, mo, 0}, true
	}
	return addressDate{}, false
}

// yearOf is the year of a day (month mo, day d) at or before the address
// date: the year of the address, or the one before when the day falls
// later in the year than the address (a page of 5 January reporting 12月
// 28日). A page is posted on or after the day it reports.
func (a addressDate) yearOf(mo, d int) int {
	switch {
	case mo < a.month, mo == a.month && (a.day == 0 || d <= a.day):
		return a.year
	}
	return a.year - 1
}
