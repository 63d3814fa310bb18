package extract

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader/text"
)

// TestNumerals reads whole numerals: Arabic, Chinese, financial and their
// mixes, in every order of magnitudes the language allows.
func TestNumerals(t *testing.T) {
	for s, want := range map[string]string{
		"二十四": "24", "一百零五": "105", "三万五千": "35000", "万亿": "1e12", "两千": "2000", "十": "10", "十五": "15",
		"二百三十亿": "2.3e10", "一千二百万": "1.2e7", "三百五": "350", "一万三": "13000", "九十二万四": "924000",
		"3万4000": "34000", "5万4千6百": "54600", "25万6千": "256000", "一千零十二": "1012", "零十": "10",
		"一百零十万": "1100000", "拾万零五十六": "100056", "壹佰贰拾": "120", "四万万": "4e8", "一万五千亿": "1.5e12",
		"四亿五千六百四十二万零一十五": "456420015", "10万万": "1e9", "4.78万亿": "4.78e12", "11.64万": "116400",
		"八十六点五亿": "8.65e9", "一点二万": "12000", "两千万点五五四四": "20000000.5544", "四百亿点零五零": "40000000000.05",
		"1,650": "1650", "４，５６５": "4565", ".5": "0.5", "7 万5 千4 百": "75400", "一百 五 十 二": "152",
		"二十几万": "200000", "五百余万": "5000000", "500多亿": "5e10", "十 余 万": "100000", "千三": "1300",
		"2千零30万": "20300000", "1,100.9亿": "110090000000", "一千五百零几万": "15000000", "七十八万五佰零六": "780506",
		"四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二": "4569831148725382",
		"八千 三百 八十五 万 二千 三百 二十六 点三三":       "83852326.33", "零点五": "0.5", "俩千": "2000",
	} {
		rs := []rune(s)
		c, ok, _ := readNumeral(rs, rs, DefaultUnits(), 0)
		wd, _ := strconv.ParseFloat(want, 64)
		if !ok || c.end != len(rs) || c.val.float() != wd {
			t.Errorf("readNumeral(%s) = %v (%d of %d runes), %v; want %s", s, c.val.float(), c.end, len(rs), ok, want)
		}
	}
	// Refused whole, and skipped whole so that no tail is read.
	for _, s := range []string{"十四五", "三五", "一二", "十百", "3万4", "3万400", "二〇二四", "五兆六十二亿", "两两", "百千"} {
		rs := []rune(s)
		if c, ok, skip := readNumeral(rs, rs, DefaultUnits(), 0); ok || skip != len(rs) {
			t.Errorf("readNumeral(%s) = %v, %v, skip %d; want refused whole", s, c.val.float(), ok, skip)
		}
	}
	// A full-width comma separates thousands only between full-width
	// digits; between ASCII digits it separates clauses.
	rs := []rune("20，300")
	if c, ok, _ := readNumeral(rs, rs, DefaultUnits(), 0); !ok || c.val.float() != 20 {
		t.Errorf("readNumeral(20，300) = %v, %v; want 20", c.val.float(), ok)
	}
}

// TestNumberClasses holds one sentence for every class of number issue 9
// names, read through Sentence as the loader reads it.
func TestNumberClasses(t *testing.T) {
	type fig struct {
		surface string
		value   float64
		max     float64
		unit    string
		qual    string
	}
	tests := []struct {
		s    string
		want []fig
	}{
		// A digit after a magnitude is colloquial: the next lower place.
		{"全市新增用户一万三户。", []fig{{"一万三户", 13000, 0, "户", "exact"}}},
		{"累计建成九十二万四个。", []fig{{"九十二万四个", 924000, 0, "个", "exact"}}},
		// Mixed forms read whole.
		{"新增端口3万4000个，接入5万4千6百户，覆盖25万6千人。", []fig{
			{"3万4000个", 34000, 0, "个", "exact"}, {"5万4千6百户", 54600, 0, "户", "exact"}, {"25万6千人", 256000, 0, "人", "exact"}}},
		// Approximate forms: never a bare magnitude.
		{"服务用户二十几万户，培训十几万人次，投资五百余万元。", []fig{
			{"二十几万户", 200000, 0, "户", "over"}, {"十几万人次", 100000, 0, "人次", "over"}, {"五百余万元", 5e6, 0, "元", "over"}}},
		{"投入资金七十八万五佰零六元。", []fig{{"七十八万五佰零六元", 780506, 0, "元", "exact"}}},
		{"户均资费下降十多元，用户数达一千多万户。", []fig{{"十多元", 10, 0, "元", "over"}, {"一千多万户", 1e7, 0, "户", "over"}}},
		{"完成投资约200亿元左右。", []fig{{"约200亿元左右", 2e10, 0, "元", "approx"}}},
		// Signs.
		{"固定语音业务收入负3.9%，资费降幅为-22.2%。", []fig{{"负3.9%", -3.9, 0, "%", "exact"}, {"-22.2%", -22.2, 0, "%", "exact"}}},
		{"固定语音业务收入同比增长-3.5%。", []fig{{"-3.5%", -3.5, 0, "%", "exact"}}},
		// 零十.
		{"共办结一千零十二个。", []fig{{"一千零十二个", 1012, 0, "个", "exact"}}},
		// Full-width digits and separators.
		{"完成投资４，５６５万元。", []fig{{"４，５６５万元", 45650000, 0, "元", "exact"}}},
		// Financial numerals.
		{"处罚款壹拾贰万元，合同金额拾万零五十六元。", []fig{{"壹拾贰万元", 120000, 0, "元", "exact"}, {"拾万零五十六元", 100056, 0, "元", "exact"}}},
		// Fractions, mixed fractions, shares of a whole.
		{"产业总产值约占全国的1/6。", []fig{{"1/6", 16.67, 0, "%", "approx"}}},
		{"占全国1/8，约三分之一，产值是去年的一又二分之一倍。", []fig{
			{"1/8", 12.5, 0, "%", "exact"}, {"约三分之一", 33.33, 0, "%", "approx"}, {"一又二分之一倍", 1.5, 0, "倍", "exact"}}},
		// A leading decimal point.
		{"每GB资费降至.5元。", []fig{{".5元", 0.5, 0, "元", "exact"}}},
		// 成.
		{"覆盖率八点五成，普及率9.5成，占比三成半，超过七成以上。", []fig{
			{"八点五成", 85, 0, "%", "exact"}, {"9.5成", 95, 0, "%", "exact"}, {"三成半", 35, 0, "%", "exact"}, {"超过七成以上", 70, 0, "%", "at_least"}}},
		// Decimals on either side of a magnitude.
		{"收入11.64万元，规模达八十六点五亿元，用户一点二万户。", []fig{
			{"11.64万元", 116400, 0, "元", "exact"}, {"八十六点五亿元", 8.65e9, 0, "元", "exact"}, {"一点二万户", 12000, 0, "户", "exact"}}},
		// Per mille and per ten thousand.
		{"申诉率千分之三，万分之五，百万分之一。", []fig{
			{"千分之三", 3, 0, "‰", "exact"}, {"万分之五", 5, 0, "‱", "exact"}, {"百万分之一", 0.0001, 0, "%", "exact"}}},
		// Bandwidth: 万G, G after a bandwidth cue, 兆 as mega.
		{"互联网出口带宽达9.6万G，省际带宽达到1200G。", []fig{{"9.6万G", 96000, 0, "G", "exact"}, {"1200G", 1200, 0, "G", "exact"}}},
		{"用户接入带宽提升至500兆。", []fig{{"500兆", 500, 0, "兆", "exact"}}},
		{"全县互联网出口带宽达620千兆位，移动互联网用户接入流量达38.4亿G。", []fig{
			{"620千兆位", 620, 0, "G", "exact"}, {"38.4亿G", 3.84e9, 0, "G", "exact"}}},
		{"家庭宽带速率达到1000Mbps，出口带宽2.5万兆。", []fig{{"1000Mbps", 1000, 0, "Mbps", "exact"}, {"2.5万兆", 25000, 0, "兆", "exact"}}},
		// A 万 figure directly followed by its noun; the noun implies the unit.
		{"为63.5万老年用户提供适老化服务，5G用户突破1200万。", []fig{
			{"63.5万", 635000, 0, "人", "exact"}, {"突破1200万", 1.2e7, 0, "户", "over"}}},
		// Unitless indices.
		{"新建数据中心PUE降低到1.3以下，电能利用效率达1.25。", []fig{{"1.3以下", 1.3, 0, "", "at_most"}, {"1.25", 1.25, 0, "", "exact"}}},
		// Money written with a sign before the number.
		{"单价$20，另付￥300。", []fig{{"$20", 20, 0, "美元", "exact"}, {"￥300", 300, 0, "元", "exact"}}},
		// Magnitudes that begin a unit end the number.
		{"装机一百千瓦，距离2.3千米，提高1.5百分点。", []fig{
			{"一百千瓦", 100, 0, "千瓦", "exact"}, {"2.3千米", 2.3, 0, "千米", "exact"}, {"1.5百分点", 1.5, 0, "个百分点", "exact"}}},
		// Ranges keep working.
		{"建成5G基站2-3万个，时限压缩50%~70%，规模20 - 100个。", []fig{
			{"2-3万个", 20000, 30000, "个", "range"}, {"50%~70%", 50, 70, "%", "range"}, {"20 - 100个", 20, 100, "个", "range"}}},
	}
	e := testExtractor(t)
	for _, tt := range tests {
		ins := e.Sentence(tt.s, text.Review, y2024)
		var got, want []string
		for _, in := range ins {
			g := fig{in.Surface, in.Value, 0, in.Unit, in.Qualifier}
			if in.HasMax {
				g.max = in.ValueMax
			}
			got = append(got, fmt.Sprint(g))
		}
		for _, w := range tt.want {
			want = append(want, fmt.Sprint(w))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s\n got %v\nwant %v", tt.s, got, want)
		}
	}
}

// TestNumbersNotRead lists numerals that must yield nothing rather than
// part of themselves: tiers, idioms, vague amounts, words with financial
// numerals, technology names.
func TestNumbersNotRead(t *testing.T) {
	e := testExtractor(t)
	for _, s := range []string{
		"建设千兆光网、万兆园区，提供百兆宽带。",
		"推动万物互联，服务千家万户，赋能千行百业。",
		"建成几百个站点，数十个应用。",
		"队伍建设，陆续开展，收拾干净，放肆不得，登陆部队。",
		"部署700M和2.6G网络，推进5G-A。",
		"5G网络速率远超4G，带宽提升至10G PON，速率达5G+水平。",
		"五兆六十二亿个，两百点两个。",
		"十四五时期，二〇二四年。",
		"访问https://a.cn/x?q=30%25%2020%获取。",
		"“一”和“五个”。",
		"半成品三成立。",
	} {
		if ins := e.Sentence(s, text.Review, y2024); len(ins) > 0 {
			var gs []string
			for _, in := range ins {
				gs = append(gs, got0(in))
			}
			t.Errorf("%s\n  extracted %s", s, strings.Join(gs, ", "))
		}
	}
}

// TestDecimalRoundTrip writes many decimals as a notice would — plain,
// with 万 and 亿, with separators, in full width — reads each back and
// requires the value to be the double closest to the decimal written,
// bit for bit: no float artefacts (116399.99999999999 for 11.64万).
func TestDecimalRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	e := New(nil)
	mags := []struct {
		s   string
		exp int
	}{{"", 0}, {"万", 4}, {"亿", 8}, {"万亿", 12}, {"千万", 7}}
	for n := 0; n < 20000; n++ {
		intDigits := 1 + rng.IntN(6)
		places := rng.IntN(5)
		var digits strings.Builder
		digits.WriteByte(byte('1' + rng.IntN(9)))
		for k := 1; k < intDigits; k++ {
			digits.WriteByte(byte('0' + rng.IntN(10)))
		}
		written := digits.String()
		if places > 0 {
			var frac strings.Builder
			for k := 0; k < places; k++ {
				frac.WriteByte(byte('0' + rng.IntN(10)))
			}
			written += "." + frac.String()
		}
		m := mags[rng.IntN(len(mags))]
		s := written
		if rng.IntN(4) == 0 {
			s = toFullWidth(s)
		}
		sentence := "完成投资" + s + m.s + "元。"
		want, err := strconv.ParseFloat(written+"e"+strconv.Itoa(m.exp), 64)
		if err != nil {
			t.Fatal(err)
		}
		ins := e.Sentence(sentence, text.Review, y2024)
		if len(ins) != 1 || ins[0].Value != want {
			t.Fatalf("%s: got %+v, want value %v exactly", sentence, ins, want)
		}
	}
	// Chinese decimals too.
	for s, want := range map[string]string{"八十六点五亿": "8.65e9", "十一点六四万": "116400", "九十九点九九": "99.99",
		"六十四点一亿": "6.41e9", "零点零七": "0.07", "一千零二十四点三三万": "10243300"} {
		ins := e.Sentence("完成投资"+s+"元。", text.Review, y2024)
		w, _ := strconv.ParseFloat(want, 64)
		if len(ins) != 1 || ins[0].Value != w {
			t.Errorf("%s: got %+v, want %v", s, ins, w)
		}
	}
}

func toFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r - '0' + '０'
		case r == '.':
			return '．'
		}
		return r
	}, s)
}

// TestDecimal checks the exact arithmetic the reader builds values with.
func TestDecimal(t *testing.T) {
	d, ok := dec{1164, -2}.add(dec{0, 0})
	if !ok || d.shift(4).float() != 116400 {
		t.Errorf("11.64万 = %v", d.shift(4).float())
	}
	if _, ok := (dec{1 << 62, 0}).add(dec{1 << 62, 0}); ok {
		t.Error("overflowing sum accepted")
	}
	if _, ok := (dec{1, 0}).add(dec{1, -30}); ok {
		t.Error("sum needing 31 digits accepted")
	}
	if q, ok := ratDec(big.NewRat(1, 8)); !ok || q.float() != 0.125 {
		t.Errorf("1/8 = %v, %v", q.float(), ok)
	}
	if _, ok := ratDec(big.NewRat(1, 3)); ok {
		t.Error("1/3 read as a terminating decimal")
	}
	if q, ok := roundRat(big.NewRat(200, 3), 2); !ok || q.float() != 66.67 {
		t.Errorf("2/3 of 100 to two places = %v, %v", q.float(), ok)
	}
	for _, c := range []struct {
		a, b dec
		less bool
	}{{dec{3, 1}, dec{2, 0}, false}, {dec{2, 0}, dec{3, 1}, true}, {dec{15, -1}, dec{2, 0}, true},
		{dec{1, 30}, dec{1, -30}, false}, {dec{-5, 0}, dec{1, -3}, true}, {dec{7, 0}, dec{7, 0}, false}} {
		if got := c.a.less(c.b); got != c.less {
			t.Errorf("%v < %v = %v", c.a, c.b, got)
		}
	}
	if v := (dec{6409999999999999, -6}).float(); v != 6409999999.999999 {
		t.Errorf("float = %v", v)
	}
}
