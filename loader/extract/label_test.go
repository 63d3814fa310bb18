package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader/text"
)

// labelled runs Document over one notice body and renders each figure as
// surface/kind/year/scope[place].
func labelled(t *testing.T, body string, d Doc) string {
	t.Helper()
	e := testExtractor(t)
	d.Sentences = text.Split(body, text.Years{Reviewed: d.ReviewedYear, Plan: d.PlanYear})
	var out []string
	for _, in := range e.Document(d) {
		s := fmt.Sprintf("%s/%s/%d/%s", in.Surface, in.Kind, in.Year, in.Scope)
		if in.ScopePlace != "" {
			s += "[" + in.ScopePlace + "]"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

var (
	guangdong2025 = Doc{ReviewedYear: 2024, PlanYear: 2025, Published: mustDate("2025-01-20"), Province: "广东省", Level: "province"}
	foshanNews    = Doc{ReviewedYear: 2023, Published: mustDate("2023-08-12"), Province: "广东省", City: "佛山市", Level: "city"}
)

// TestScope checks whose figure each is: the notice's own, the country's
// (全国, 工信部), another place's (from the gazetteer) or a benchmark's, and
// the cases where a scope word is not whose figure it is.
func TestScope(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		doc        Doc
		want       string
	}{
		{"national total, and a share carried to it", "同期全国5G基站总数达到117万个，占移动基站总数的20.9%；全省开通5G基站24.2万个。", guangdong2025,
			"117万个/achievement/2024/national 20.9%/achievement/2024/national 24.2万个/achievement/2024/own"},
		{"a national list the province joins", "全省进入全国20个融合应用试点城市行列、5G行业虚拟专网达到1700余个；35个项目在全国赛获奖。", guangdong2025,
			"20个/achievement/2024/national 1700余个/achievement/2024/own 35个/achievement/2024/own"},
		{"the same count again after the national one", "全国累计建成5G基站129.4万个，累计建成5G基站13.5万个左右。", guangdong2025,
			"129.4万个/achievement/2024/national 13.5万个左右/achievement/2024/own"},
		{"another place of the province", "广州累计建成5G基站8万个，同比增长20%。", guangdong2025,
			"8万个/achievement/2024/other[广州市] 20%/achievement/2024/other[广州市]"},
		{"the notice's own city", "佛山累计建成5G基站1.2万个。", foshanNews,
			"1.2万个/achievement/2023/own"},
		{"the province in a city notice", "全省5G基站总数达到30万个，全市5G基站达到1.2万个。", foshanNews,
			"30万个/achievement/2023/other[广东省] 1.2万个/achievement/2023/own"},
		{"a rank in the country is the place's own", "全省5G基站数量居全国第1位。", guangdong2025,
			"第1位/other/2024/own"},
		{"a share of the national total is the place's own", "全省5G基站占全国的12%。", guangdong2025,
			"12%/achievement/2024/own"},
		{"a benchmark right before a figure", "每万人5G基站数44.93个，高于全国平均水平11.52个。", guangdong2025,
			"44.93个/achievement/2024/own 11.52个/achievement/2024/other[全国平均]"},
		{"places that say where, not whose", "在广州、深圳建设5G基站5000个以上。", guangdong2025,
			"5000个以上/achievement/2024/own"},
		{"places listed before a count of them", "全省广州、深圳等9个市中心城区实现千兆光网全覆盖。", guangdong2025,
			"9个/achievement/2024/own"},
		{"其中 takes the scope of the sentence before", "截至10月末，全国移动电话用户总数达16.82亿户。其中，5G移动电话用户达5.24亿户。", foshanNews,
			"16.82亿户/achievement/2022/national 5.24亿户/achievement/2022/national"},
		{"the ministry's count", "济南、青岛入选工信部16个5G应用“扬帆”行动重点城市。", guangdong2025,
			"16个/achievement/2024/national"},
		{"a facility named after a city", "广州数据中心集群新增标准机架2万个，在用机架达到10万个。", guangdong2025,
			"2万个/achievement/2024/own 10万个/achievement/2024/own"},
	} {
		if got := labelled(t, tt.body, tt.doc); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestKindAndYear checks kind and year read from the clause against the
// notice's timeline: tense and aspect, targets quoted in reviews, estimates,
// baselines, plan periods and several target years in one plan.
func TestKindAndYear(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		doc        Doc
		want       string
	}{
		{"done and planned in one plan sentence", "目前全省已建成5G基站20万个，2025年力争达到31万个。", guangdong2025,
			"20万个/achievement/2025/own 31万个/target/2025/own"},
		{"a past target quoted in a review", "会议指出，2024年全省超额完成年度目标(3万个)，提前完成2020年150万公里目标。", guangdong2025,
			"3万个/target/2024/own 150万公里/target/2020/own"},
		{"确保 and 力争: two targets", "会议强调，2025年确保新建5G基站2万个、力争2.5万个。", guangdong2025,
			"2万个/target/2025/own 2.5万个/target/2025/own"},
		{"several target years in one plan", "到2025年，全省5G基站达到31万个；到2027年，达到40万个。", guangdong2025,
			"31万个/target/2025/own 40万个/target/2027/own"},
		{"a 十四五 target without a year", "“十四五”期间，力争全省5G基站达到35万个。", guangdong2025,
			"35万个/target/2025/own"},
		{"a growth rate takes the year of what grew", "2025年，全省5G用户较“十三五”末增长19%。", Doc{ReviewedYear: 2025, Published: mustDate("2026-01-15"), Province: "广东省", Level: "province"},
			"19%/achievement/2025/own"},
		{"a change is two achievements", "5G用户占比从9%提升至84%。", guangdong2025,
			"9%/achievement/2023/own 84%/achievement/2024/own"},
		{"a change over a plan period starts before it", "“十四五”以来，千兆用户由1200万户增长至3400万户。", Doc{ReviewedYear: 2025, Published: mustDate("2026-01-15"), Province: "广东省", Level: "province"},
			"1200万户/achievement/2020/own 3400万户/achievement/2025/own"},
		{"an estimate in a review is a target for the year reviewed", "2024年，预计全年实现电信业务收入2160亿元，同比增长5%。", guangdong2025,
			"2160亿元/target/2024/own 5%/target/2024/own"},
		{"a quarter ahead", "力争一季度电信业务总量增速达到10%左右。", Doc{PlanYear: 2026, Province: "湖北省", Level: "province"},
			"10%左右/target/2026/own"},
		{"money obtained is done", "争取中央财政资金7.7亿元。", Doc{ReviewedYear: 2020, Published: mustDate("2021-05-24"), Province: "广西壮族自治区", Level: "province"},
			"7.7亿元/achievement/2021/own"},
		{"aspect after a counted noun", "10个单位已全部签订完成。", Doc{ReviewedYear: 2022, Published: mustDate("2022-10-21"), Province: "山东省", Level: "province"},
			"10个/achievement/2022/own"},
		{"months not yet come are last year's", "1-11月，全省电信业务总量同比增长17.5%。", guangdong2025,
			"17.5%/achievement/2024/own"},
		{"a target quoted with a modal is still ahead", "截至去年年底，我市已累计建设1.73万个5G基站。沈阳铁塔公司预计完成6000个5G基站的建设目标。", Doc{ReviewedYear: 2021, PlanYear: 2022, Published: mustDate("2022-05-24"), Province: "辽宁省", City: "沈阳市", Level: "city"},
			"1.73万个/achievement/2021/own 6000个/target/2022/own"},
		{"an undated target takes the deadline after it", "第四批建设项目将建设1462个4G基站，覆盖1455个行政村，预计今年8月竣工。", Doc{ReviewedYear: 2019, PlanYear: 2020, Published: mustDate("2019-03-19"), Province: "河南省", Level: "province"},
			"1462个/target/2019/own 1455个/target/2019/own"},
		{"a planning sentence makes the next ones of its paragraph due", "日前《规划》正式发布。提出江苏将建成超过25.5万个5G基站。行政村5G通达率大于90%。", Doc{ReviewedYear: 2021, PlanYear: 2025, Published: mustDate("2021-10-31"), Province: "江苏省", Level: "province"},
			"超过25.5万个/target/2025/own 大于90%/target/2025/own"},
		{"an estimate and an item ended by ； do not carry", "预计全年实现规上工业总产值2160亿元。实现工业投资105亿元。今年8月将实现全市覆盖；固定宽带人口普及率51.5%。", Doc{ReviewedYear: 2021, PlanYear: 2022, Published: mustDate("2021-12-20"), Province: "广东省", Level: "province"},
			"2160亿元/target/2022/own 105亿元/achievement/2021/own 51.5%/achievement/2021/own"},
		{"an undated plan's earlier deadline is still a target", "到2020年底，建设5G基站4000座。到2022年底，5G基站达到10000座。", Doc{PlanYear: 2022, Province: "宁夏回族自治区", Level: "province"},
			"4000座/target/2020/own 10000座/target/2022/own"},
		{"batches are events, not achievements", "全省共完成五批次电信普遍服务试点，六批试点项目已全部验收。", Doc{ReviewedYear: 2021, Published: mustDate("2022-01-20"), Province: "河北省", Level: "province"},
			"五批次/other/2021/own 六批/other/2021/own"},
		{"months gone by are done, in a plan part too", "下一步，本市将持续推进。今年1至9月，新基建完成固定资产投资540.8亿元。", Doc{ReviewedYear: 2021, PlanYear: 2022, Published: mustDate("2021-11-25"), Province: "北京市", Level: "province"},
			"540.8亿元/achievement/2021/own"},
		{"as of now is the publication year", "截至目前，全市累计建成5G基站8300余个。", foshanNews,
			"8300余个/achievement/2023/own"},
		{"last year's prices are no year of the figure", "按照上年不变价计算的电信业务总量同比增长16.8%。", foshanNews,
			"16.8%/achievement/2023/own"},
		{"要 at the very start of a sentence", "要加强督查考核，确保新建5G基站1000个。", guangdong2025,
			"1000个/target/2025/own"},
		{"a plan's contents reported in the news", "根据通知，2019至2022年，全省5G基站规模累计达到3.2万个。", Doc{Province: "贵州省", Level: "province"},
			"3.2万个/target/2022/own"},
		{"规划 plans its own clause, not the clauses after it", "全区按期完成了站址专项规划编制，形成了1200个站址的储备库，规划新建通信基站260个。", foshanNews,
			"1200个/achievement/2023/own 260个/target/2023/own"},
		{"a plan named after the figure", "全市编制1500个新建基站的布局规划。", foshanNews,
			"1500个/target/2023/own"},
		{"按照规划 relays a plan", "按照规划，未来产业园可容纳10万台服务器。", foshanNews,
			"10万台/target/2023/own"},
		{"a planning bureau is a name", "市自然资源和规划局已审批通信基站站址86个。", foshanNews,
			"86个/achievement/2023/own"},
	} {
		if got := labelled(t, tt.body, tt.doc); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestChangeOnly checks the words before a change word are stripped as
// words: strings.TrimLeft with a set of characters made 上升 and 同比上升
// into 升, which is no change word.
func TestChangeOnly(t *testing.T) {
	e := testExtractor(t)
	for m, want := range map[string]bool{
		"上升": true, "同比上升": true, "同比增长": true, "比去年底提高": true, "较上年同期下降": true, "年均增长": true,
		"": true, "5G用户": false, "上网用户": false, "同比增长用户": false,
	} {
		if got := e.changeOnly(m); got != want {
			t.Errorf("changeOnly(%q) = %v, want %v", m, got, want)
		}
	}
	ins := e.Sentence("全省5G用户达到3000万户，同比上升5%。", text.Review, text.Years{Reviewed: 2024})
	if len(ins) != 2 || ins[1].Metric != "5G用户增长" {
		t.Errorf("a change borrows the metric before it: %+v", ins)
	}
}

// TestMetricPhrase checks that a metric is the noun phrase a figure counts,
// not a cut-off clause.
func TestMetricPhrase(t *testing.T) {
	e := testExtractor(t)
	for s, want := range map[string]string{
		"会上，6名同志代表先进集体和个人作了交流发言。":               "同志",
		"涉及租赁费用的10个单位已全部签订完成。":                  "单位",
		"开通5G基站24.2万个。":                         "5G基站",
		"四川省5G基站数量将从2020年的3.6万个，增加到2025年的25万个。": "5G基站数量",
		"5G网络用户普及率，将从11%增至60%。":                 "5G网络用户普及率",
	} {
		ins := e.Sentence(s, text.Review, text.Years{Reviewed: 2024})
		if len(ins) == 0 || ins[0].Metric != want {
			t.Errorf("%s: %+v, want metric %q", s, ins, want)
		}
	}
}

// A figure's metric is the noun phrase it counts, whichever clause names it.
func TestMetricOfChangesAndRates(t *testing.T) {
	e := testExtractor(t)
	cases := []struct {
		s    string
		want []string
	}{
		{"全年完成1962个行政村光纤宽带建设任务，完成率100%。", []string{"行政村光纤宽带建设任务", "完成率"}},
		{"●5G基站数量：从2020年的3.6万个，增加到2025年的25万个", []string{"5G基站数量", "5G基站数量"}},
		{"5G网络用户普及率，将从11%增至60%。", []string{"5G网络用户普及率", "5G网络用户普及率"}},
		{"新培育数字化车间5个以上，规上工业企业上云率提高到70%。", []string{"数字化车间", "规上工业企业上云率"}},
		{"据悉，2021年，江西全省新开通5G基站2.7万个，累计开通6万多个。", []string{"5G基站", "5G基站"}},
		{"预计9月底累计建设完成5G站点1425座。", []string{"5G站点"}},
		{"信息通信基础设施累计投资(2021-2025)达387亿元。", []string{"信息通信基础设施累计投资"}},
		{"“十四五”期间千兆宽带用户数净增422万户。", []string{"千兆宽带用户数"}},
	}
	for _, c := range cases {
		ins := e.Sentence(c.s, text.Plan, text.Years{Reviewed: 2020, Plan: 2025})
		var got []string
		for _, in := range ins {
			got = append(got, in.Metric)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: metrics %q, want %q", c.s, got, c.want)
		}
	}
}

// A figure stated in a title or a bullet and again in the body is one
// indicator: the body's.
func TestRepeatedFigureIsOne(t *testing.T) {
	e := testExtractor(t)
	body := "到2025年将建成5G基站11.4万个\n《规划》要求到2025年，信息通信业收入达到278.1亿元，建成并开通5G基站11.4万个。"
	ss := text.Split(body, text.Years{Plan: 2025})
	ins := e.Document(Doc{Sentences: ss, PlanYear: 2025, Published: mustDate("2022-01-19")})
	n := 0
	for _, in := range ins {
		if in.Value == 114000 {
			n++
			if in.SentenceNo == 0 {
				t.Errorf("kept the heading's statement, want the body's: %+v", in)
			}
		}
	}
	if n != 1 {
		t.Errorf("11.4万个 extracted %d times, want once: %+v", n, ins)
	}
}

// A year after a reporting clause dates the paragraph; 其中 after a sentence
// with a year but no figure takes that year.
func TestYearAfterReportingAndAmongThem(t *testing.T) {
	e := testExtractor(t)
	body := "记者4月23日从省经信厅获悉，2020年，省经信厅认真履行职责。\n全年共建成5G基站29415个。\n2023年度全国网络质量评测结果发布。其中，青岛市网络质量位列第1名，新建5G基站1.2万个。"
	ss := text.Split(body, text.Years{Reviewed: 2020})
	ins := e.Document(Doc{Sentences: ss, ReviewedYear: 2020, Published: mustDate("2021-04-23")})
	want := map[float64]int{29415: 2020, 12000: 2023}
	for _, in := range ins {
		if y, ok := want[in.Value]; ok && in.Year != y {
			t.Errorf("%s: year %d, want %d", in.Surface, in.Year, y)
		}
	}
}

// A sentence quoting a report the sentence before named with its year
// (会上发布了2022年度《…报告》。报告显示，…) takes that year, and so does
// the rest of its paragraph — not the year of publication.
func TestReportYearCarries(t *testing.T) {
	body := "6月1日，全省互联网大会举行，累计建成5G基站8万个。\n会上发布了2022年度《全省互联网发展报告》。报告显示，网民规模突破3000万人；互联网普及率为70%。增值电信企业超2000家。"
	got := labelled(t, body, Doc{ReviewedYear: 2022, Published: mustDate("2023-06-01"), Province: "湖南省", Level: "province"})
	want := "8万个/achievement/2023/own 突破3000万人/achievement/2022/own 70%/achievement/2022/own 超2000家/achievement/2022/own"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// A year that opens its sentence dates all its clauses (2021年底全区…确保
// 达到4万座，力争达到5万座), and the modal words that mark a plan only before
// a verb (计划投入, 将落实) or as a deadline this year (今年内, 到年底) make
// targets.
func TestSentenceYearAndPlanWords(t *testing.T) {
	doc := Doc{ReviewedYear: 2020, Published: mustDate("2020-08-27"), Province: "广西壮族自治区", Level: "province"}
	for _, tt := range []struct{ body, want string }{
		{"2021年底全区5G基站累计规模确保达到4万座，力争达到5万座。", "4万座/target/2021/own 5万座/target/2021/own"},
		{"2019年全区新建5G基站2.6万个，5G基站累计达9.3万个。", "2.6万个/achievement/2019/own 9.3万个/achievement/2019/own"},
		{"方案公布了建设时间表，2021年底全区5G基站确保达到3000座，力争达到6000座。", "3000座/target/2021/own 6000座/target/2021/own"},
		{"截至目前，2019年度国家（第七批）电信普遍服务试点项目，已建成基站6座。", "6座/achievement/2020/own"},
		{"全年计划投入65亿元。", "65亿元/target/2020/own"},
		{"已开工5G基站2.9万个，完成年度计划的97.7%。", "2.9万个/achievement/2020/own 97.7%/achievement/2020/own"},
		{"本次工程将落实专项资金8726.9万元。", "8726.9万元/target/2020/own"},
		{"今年内完成82个行政村4G基站覆盖。", "82个/target/2020/own"},
		{"截至2019年，“十三五”期间全区电信业务总量年均增长20.3%。", "20.3%/achievement/2019/own"},
		{"已实现重点场所高质量覆盖，旅游公路沿线覆盖率超80%并将持续跟进建设。", "超80%/achievement/2020/own"},
		{"年初制定了“年度建设开通5G基站2万座以上，完成投资110亿元”目标，目前已提前完成。", "2万座以上/target/2020/own 110亿元/target/2020/own"},
		{"全区5G基站由2019年的4439座发展到2020年6月底的50678座。", "4439座/achievement/2019/own 50678座/achievement/2020/own"},
	} {
		if got := labelled(t, tt.body, doc); got != tt.want {
			t.Errorf("%s\n got  %s\n want %s", tt.body, got, tt.want)
		}
	}
}

// The text under a numbered heading (1.信息基础设施加快建设。) goes on with
// the section the heading belongs to (“十三五”期间，…).
func TestSectionYearUnderNumberedHeading(t *testing.T) {
	body := "“十三五”期间，全市认真贯彻落实数字经济发展战略。\n1.信息基础设施加快建设。\n通信基础设施持续完善，光缆线路长度达到1.2万公里。\n二、发展目标\n全市建成5G基站5000个。"
	got := labelled(t, body, Doc{ReviewedYear: 2020, PlanYear: 2025, Published: mustDate("2023-08-22"), Province: "湖北省", City: "鄂州市", Level: "city"})
	if !strings.HasPrefix(got, "1.2万公里/achievement/2020/own") {
		t.Errorf("got %s, want the figure under the numbered heading dated 2020", got)
	}
}

// A paragraph that opens on a deadline makes its unmarked figures due, even
// in a notice whose date is unknown; a project's task is a target.
func TestDeadlineParagraphAndTasks(t *testing.T) {
	e := testExtractor(t)
	body := "到2025年,全省建成5G基站13万个。省际互联网出口带宽超过4.5万Gbps。\n项目任务是在全省新增7000个贫困自然村通光纤。"
	ss := text.Split(body, text.Years{})
	ins := e.Document(Doc{Sentences: ss, Province: "贵州省", Level: "province"})
	if len(ins) != 3 {
		t.Fatalf("got %d indicators: %+v", len(ins), ins)
	}
	for _, in := range ins {
		if in.Kind != "target" {
			t.Errorf("%s: kind %s, want target", in.Surface, in.Kind)
		}
	}
	if ins[1].Year != 2025 {
		t.Errorf("%s: year %d, want 2025", ins[1].Surface, ins[1].Year)
	}
}

// A target quoted by name is read inside its quotation marks.
func TestQuotedTargetByName(t *testing.T) {
	e := testExtractor(t)
	ins := e.Sentence("全省提前完成“全年新建3万个5G基站”的目标任务。", text.Review, text.Years{Reviewed: 2022})
	if len(ins) != 1 || ins[0].Value != 30000 || ins[0].Kind != "target" || ins[0].Year != 2022 || !ins[0].Met {
		t.Errorf("got %+v, want the 2022 target of 30000, met", ins)
	}
	// Someone's words quoted over a clause break are no name: their
	// figures are read like any other (the gold conventions list quoted
	// slogans and names as no indicators, not quoted speech).
	if ins := e.Sentence("他说“今年是关键一年，要新建3万个基站”。", text.Review, text.Years{Reviewed: 2022}); len(ins) != 1 || ins[0].Value != 30000 || ins[0].Kind != "target" {
		t.Errorf("a quotation of someone's words: %+v, want the target of 30000", ins)
	}
}

// TestPlanNoticeDefaultsToTargets checks the genre rule: in a notice that
// sets out a plan and reviews no year (an action plan, key points, a news
// item relaying a plan), a figure with no marker of its own outside a
// review part is a target for the plan's horizon; a past marker keeps an
// achievement, and the same clause in a notice that reviews a year stays
// an achievement.
func TestPlanNoticeDefaultsToTargets(t *testing.T) {
	body := "11月21日，四川省印发《算力基础设施高质量发展行动方案(2024—2027年)》。\n计算力方面，算力总规模达到40EFLOPS，其中智能算力占比不低于60%。全省已建成5G基站20万个。"
	plan := Doc{PlanYear: 2027, Province: "四川省", Level: "province"}
	want := "40EFLOPS/target/2027/own 不低于60%/target/2027/own 20万个/achievement/0/own"
	if got := labelled(t, body, plan); got != want {
		t.Errorf("plan notice:\n got %s\nwant %s", got, want)
	}
	review := Doc{ReviewedYear: 2024, PlanYear: 2027, Published: mustDate("2025-01-10"), Province: "四川省", Level: "province"}
	if got := labelled(t, body, review); strings.Contains(got, "40EFLOPS/target") {
		t.Errorf("a notice reviewing a year keeps unmarked figures as achievements: %s", got)
	}
}

// TestFundsObtainedAreNotPlans checks that 争取 before a word for funds is
// money brought in (an achievement of the year reviewed), while 争取 before
// a verb stays a modal.
func TestFundsObtainedAreNotPlans(t *testing.T) {
	e := testExtractor(t)
	for _, c := range []struct{ s, kind string }{
		{"全年争取衔接资金9.56亿元。", "achievement"},
		{"争取中央财政补助资金超过1100万元。", "achievement"},
		{"争取专项债券3亿元。", "achievement"},
		{"争取完成投资9.56亿元。", "target"},
		{"争取新建5G基站3000个。", "target"},
	} {
		ins := e.Sentence(c.s, text.Review, text.Years{Reviewed: 2024})
		if len(ins) != 1 || ins[0].Kind != c.kind {
			t.Errorf("%s: got %+v, want one %s", c.s, ins, c.kind)
		}
	}
}

// TestDeadlineAgainstTimeline checks that a deadline is read against the
// notice's timeline: 到2023年底 in a review of 2023 reports what was reached
// (when the notice is undated, the year it reviews decides; when it is
// dated, its publication year), and a paragraph that opens on a deadline
// already past carries no plan to its unmarked figures. A plan relayed by
// name (《…行动计划(2021—2023年)》称，…) still sets out targets, and so does
// a modal beside the deadline.
func TestDeadlineAgainstTimeline(t *testing.T) {
	undated := Doc{ReviewedYear: 2023, Province: "江西省", Level: "province"}
	dated := Doc{ReviewedYear: 2023, PlanYear: 2024, Published: mustDate("2024-01-20"), Province: "江西省", Level: "province"}
	for _, tt := range []struct {
		name, body string
		doc        Doc
		want       string
	}{
		{"an undated review of the deadline's year", "到2023年底，全省累计建成5G基站10万个，5G用户达到2000万户。", undated,
			"10万个/achievement/2023/own 2000万户/achievement/2023/own"},
		{"a paragraph opening on a deadline gone by", "到2023年底，全省5G基站达到10万个。千兆宽带用户200万户。", dated,
			"10万个/achievement/2023/own 200万户/achievement/2023/own"},
		{"a plan relayed by name", "今年5月，省政府下发《江西省5G发展三年行动计划(2021—2023年)》称，到2023年底，建成5G基站10万个。", undated,
			"10万个/target/2023/own"},
		{"a modal beside the deadline", "到2023年底，全省力争建成5G基站10万个。", undated,
			"10万个/target/2023/own"},
	} {
		if got := labelled(t, tt.body, tt.doc); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestPlanTitleSetsTheDefault checks the genre of a notice named a plan
// (…若干措施, …三年行动计划): its figures without a marker of their own
// outside a review part are targets even when no plan year was inferred,
// while a paragraph dated to the year an undated plan looks back on stays
// an account.
func TestPlanTitleSetsTheDefault(t *testing.T) {
	plan := Doc{Title: "关于促进数字经济高质量发展的若干措施", Province: "广东省", Level: "province"}
	if got, want := labelled(t, "加快建设5G网络，新开通5G基站15万个以上，总数达到30万个以上。", plan),
		"15万个以上/target/0/own 30万个以上/target/0/own"; got != want {
		t.Errorf("plan title:\n got %s\nwant %s", got, want)
	}
	news := plan
	news.Title = "全省数字经济发展成效显著"
	if got := labelled(t, "加快建设5G网络，新开通5G基站15万个以上，总数达到30万个以上。", news); strings.Contains(got, "target") {
		t.Errorf("a news title sets no plan: %s", got)
	}
	review := Doc{Title: "新疆通信管理局印发信息通信行业“十四五”发展规划", ReviewedYear: 2020, PlanYear: 2025, Province: "新疆维吾尔自治区", Level: "province"}
	body := "《规划》对“十三五”期间取得的成就进行了回顾。“十三五”期间，电信业务收入累计额达到1126.8亿元。光纤用户占比达到96.97%。"
	if got, want := labelled(t, body, review), "1126.8亿元/achievement/2020/own 96.97%/achievement/2020/own"; got != want {
		t.Errorf("the review of an undated plan:\n got %s\nwant %s", got, want)
	}
}
