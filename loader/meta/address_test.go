package meta

import (
	"testing"
	"time"
)

// TestDateOfAddress reads dates off page addresses in the shapes that say
// a date and nothing else, and none off content ids and hosts.
func TestDateOfAddress(t *testing.T) {
	now := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		addr string
		want string // yyyy-mm-dd, yyyy-mm (no day), "" none
	}{
		{"http://www.cqn.com.cn/cj/content/2019-11/11/content_7754495.htm", "2019-11-11"},
		{"http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/2020-01/14/content_5469014.htm", "2020-01-14"},
		{"http://www.cctime.com/html/2019-1-4/1428414.htm", "2019-01-04"},
		{"https://henan.gov.cn/2020/07-31/1747331.html", "2020-07-31"},
		{"https://x.gov.cn/2021/09/12/a.html", "2021-09-12"},
		{"http://hycomm.cn/politics/2020_07_21_558438.shtml", "2020-07-21"},
		{"https://dhzw.gzzx.gov.cn/cf134/tazj/202006/t20200606_105696.htm", "2020-06-06"},
		{"https://gx.cri.cn/chinanews/20200629/1da530fe-e752.html", "2020-06-29"},
		{"http://sc.people.com.cn/n2/2021/0912/c379470-34910100.html", "2021-09-12"},
		{"http://casmita.com/news/202211/28/10359.html", "2022-11-28"},
		{"https://m.yybnet.net/sichuan/news/202106/11465343.html", "2021-06"},
		{"http://shaodong.gov.cn/shaodong/ldhd/202205/ef4d9447f46147c996ede4739c6b59e3.shtml", "2022-05"},
		// content ids, hosts and year folders alone are not dates
		{"http://m.getprofitprime.com//Site/CN/News/x/20220214020734634461.htm", ""},
		{"http://funxun.com/news/35/2020729101450.html", ""},
		{"https://m.c114.com.cn/w16-1249208.html", ""},
		{"http://20200101.example.cn/a.html", ""},
		{"http://221.176.159.209:9001/kfsrmzfwz/szfbgswj202303312213/content_1765914644077813760.html", ""},
		{"https://gdca.miit.gov.cn/xwdt/gzdt/art/2021/art_ad34c426ba1641479f995e7b61b185b8.html", ""},
		{"http://px.jiangxiwuliu.com/html/zcxw/sjxw/2020/10075.html", ""},
		{"http://x.cn/news/20191399/1.html", ""},     // month 13
		{"http://x.cn/news/20190230/1.html", ""},     // 30 February
		{"http://x.cn/news/20811231/1.html", ""},     // after next year: an id
		{"http://x.cn/news/202113/1.html", ""},       // month 13
		{"http://x.cn/2019-11/45/content_1.htm", ""}, // day 45
	} {
		a, ok := dateOfAddress(tt.addr, now)
		got := ""
		switch {
		case ok && a.day != 0:
			got = time.Date(a.year, time.Month(a.month), a.day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		case ok:
			got = time.Date(a.year, time.Month(a.month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		}
		if got != tt.want {
			t.Errorf("dateOfAddress(%q) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

// TestAddressYearOf dates a month and day by the page's address: the day
// falls on or before the page.
func TestAddressYearOf(t *testing.T) {
	for _, tt := range []struct {
		a           addressDate
		mo, d, want int
	}{
		{addressDate{2024, 9, 18}, 9, 18, 2024},
		{addressDate{2024, 9, 18}, 9, 17, 2024},
		{addressDate{2024, 9, 18}, 9, 19, 2023},
		{addressDate{2023, 1, 5}, 12, 28, 2022},
		{addressDate{2021, 6, 0}, 6, 3, 2021},
		{addressDate{2021, 6, 0}, 7, 1, 2020},
	} {
		if got := tt.a.yearOf(tt.mo, tt.d); got != tt.want {
			t.Errorf("%v.yearOf(%d, %d) = %d, want %d", tt.a, tt.mo, tt.d, got, tt.want)
		}
	}
}
