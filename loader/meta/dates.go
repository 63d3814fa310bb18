package meta

import (
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

// ParseDate reads the first full date in s (2022-10-21, 2022年10月21日,
// 2022/10/21, 2022.10.21) and reports whether it found a valid one.
func ParseDate(s string) (time.Time, bool) {
	for _, m := range fullDateRe.FindAllStringSubmatch(s, -1) {
		if t, ok := mkDate(m[1], m[2], m[3]); ok {
			return t, true
		}
	}
	return time.Time{}, false
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
