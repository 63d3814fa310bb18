package extract

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/loader/text"
)

// w is an expected indicator: surface, value, unit, qualifier, kind, year;
// max is set for ranges.
type w struct {
	surface string
	value   float64
	unit    string
	qual    string
	kind    string
	year    int
	max     float64
}

func (x w) String() string {
	s := fmt.Sprintf("%s=%g%s/%s/%s/%d", x.surface, x.value, x.unit, x.qual, x.kind, x.year)
	if x.max != 0 {
		s += fmt.Sprintf("~%g", x.max)
	}
	return s
}

func got(in Indicator) w {
	x := w{in.Surface, in.Value, in.Unit, in.Qualifier, in.Kind, in.Year, 0}
	if in.HasMax {
		x.max = in.ValueMax
	}
	return x
}

func sameW(a, b w) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(y)) }
	return a.surface == b.surface && near(a.value, b.value) && near(a.max, b.max) && a.unit == b.unit &&
		a.qual == b.qual && a.kind == b.kind && a.year == b.year
}

var (
	review = text.Review
	plan   = text.Plan
	other  = text.Other
	y2024  = text.Years{Reviewed: 2024, Plan: 2025}
	y2022  = text.Years{Reviewed: 2022, Plan: 2023}
)

func testExtractor(t testing.TB) *Extractor {
	c, err := LoadCatalogue("../../data/metrics.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return New(c)
}

func TestSentence(t *testing.T) {
	tests := []struct {
		s     string
		part  text.Part
		years text.Years
		want  []w
	}{
		// Seeds' shapes.
		{"深入开展“信号升格”专项行动,开通5G基站24.2万个,提前完成省政府下达的年度任务。", review, y2024,
			[]w{{"24.2万个", 242000, "个", "exact", "achievement", 2024, 0}}},
		{"加快“5G+工业互联网”融合应用规模发展,新增5G虚拟专网1600余个,居全国第3位;", review, y2024,
			[]w{{"1600余个", 1600, "个", "over", "achievement", 2024, 0}, {"第3位", 3, "位次", "exact", "other", 2024, 0}}},
		{"对金融、出行等领域1.28余万款APP开展检测,违规APP及时处置率达到100%。", review, y2024,
			[]w{{"1.28余万款", 12800, "款", "over", "achievement", 2024, 0}, {"100%", 100, "%", "exact", "achievement", 2024, 0}}},
		{"加快“双万兆”网络发展,建成5G基站超31万个、智算总规模达70EFLOPS。", plan, text.Years{Reviewed: 2025, Plan: 2026},
			[]w{{"超31万个", 310000, "个", "over", "target", 2026, 0}, {"70EFLOPS", 70, "EFLOPS", "exact", "target", 2026, 0}}},
		{"2021年，全省信息技术产业规模突破万亿元大关，同比增长27.3%，增速创五年新高。", review, text.Years{Reviewed: 2021, Plan: 2022},
			[]w{{"突破万亿元", 1e12, "元", "over", "achievement", 2021, 0}, {"27.3%", 27.3, "%", "exact", "achievement", 2021, 0}}},
		{"深化“放管服”改革，压缩行政服务和审批事项办理时限50%~70%。", review, y2022,
			[]w{{"50%~70%", 50, "%", "range", "achievement", 2022, 70}}},
		{"全省电信业务总量和收入均居全国第三,“双万兆”网络加速布局。", review, y2024,
			[]w{{"第三", 3, "位次", "exact", "other", 2024, 0}}},
		{"打造工业互联网聚集平台，举办“5G﹢工业互联网”工作现场会两场，推动经验复制推广。", review, y2022,
			[]w{{"两场", 2, "场", "exact", "other", 2022, 0}}},
		{"2022年实现农村5G广覆盖,目前行政村覆盖率可达80%以上。", review, y2022,
			[]w{{"80%以上", 80, "%", "at_least", "achievement", 2022, 0}}},

		// Other provinces, achievements.
		{"全年新建5G基站3.2万个，累计达到12.5万个，每万人拥有5G基站数达21.6个。", review, y2024, []w{
			{"3.2万个", 32000, "个", "exact", "achievement", 2024, 0},
			{"12.5万个", 125000, "个", "exact", "achievement", 2024, 0},
			{"21.6个", 21.6, "个/万人", "exact", "achievement", 2024, 0}}},
		{"千兆宽带用户达到456.7万户，同比增长35.2%。", review, y2024, []w{
			{"456.7万户", 4567000, "户", "exact", "achievement", 2024, 0},
			{"35.2%", 35.2, "%", "exact", "achievement", 2024, 0}}},
		{"全省电信业务收入完成1085.6亿元，同比增长3.8%，增速高于全国平均水平1.2个百分点。", review, y2024, []w{
			{"1085.6亿元", 108560000000, "元", "exact", "achievement", 2024, 0},
			{"3.8%", 3.8, "%", "exact", "achievement", 2024, 0},
			{"1.2个百分点", 1.2, "个百分点", "exact", "achievement", 2024, 0}}},
		{"蜂窝物联网终端用户数突破1.2亿户。", review, y2024, []w{{"突破1.2亿户", 1.2e8, "户", "over", "achievement", 2024, 0}}},
		{"数据中心在用标准机架超过30万架，算力总规模达到15EFLOPS。", review, y2024, []w{
			{"超过30万架", 300000, "架", "over", "achievement", 2024, 0},
			{"15EFLOPS", 15, "EFLOPS", "exact", "achievement", 2024, 0}}},
		{"累计拦截诈骗电话2300万次、诈骗短信1.5亿条，处置涉诈域名网址4.6万个。", review, y2024, []w{
			{"2300万次", 2.3e7, "次", "exact", "achievement", 2024, 0},
			{"1.5亿条", 1.5e8, "条", "exact", "achievement", 2024, 0},
			{"4.6万个", 46000, "个", "exact", "achievement", 2024, 0}}},
		{"用户申诉处理满意率达98.5%以上。", review, y2024, []w{{"98.5%以上", 98.5, "%", "at_least", "achievement", 2024, 0}}},
		{"建成5G工厂26家，打造5G应用标杆项目近500个。", review, y2024, []w{
			{"26家", 26, "家", "exact", "achievement", 2024, 0},
			{"近500个", 500, "个", "approx", "achievement", 2024, 0}}},
		{"全年受理用户申诉1.2万件，同比下降15%左右。", review, y2024, []w{
			{"1.2万件", 12000, "件", "exact", "achievement", 2024, 0},
			{"15%左右", 15, "%", "approx", "achievement", 2024, 0}}},
		{"光缆线路总长度达到368万公里。", review, y2024, []w{{"368万公里", 3.68e6, "公里", "exact", "achievement", 2024, 0}}},
		{"IPv6活跃用户数达6500万，占网民比例超过75%。", review, y2024, []w{
			{"6500万", 6.5e7, "户", "exact", "achievement", 2024, 0},
			{"超过75%", 75, "%", "over", "achievement", 2024, 0}}},
		{"5G用户普及率达到百分之六十五。", review, y2024, []w{{"百分之六十五", 65, "%", "exact", "achievement", 2024, 0}}},
		// A change is two figures: the value it started from (the year
		// before) and the value it reached.
		{"移动网络IPv6流量占比从9%提升至62%。", review, y2024, []w{
			{"9%", 9, "%", "exact", "achievement", 2023, 0}, {"62%", 62, "%", "exact", "achievement", 2024, 0}}},
		{"全年新增5G基站1.5万余个。", review, y2024, []w{{"1.5万余个", 15000, "个", "over", "achievement", 2024, 0}}},
		{"网络建设投资完成二百三十亿元。", review, y2024, []w{{"二百三十亿元", 2.3e10, "元", "exact", "achievement", 2024, 0}}},
		{"1-11月，全省电信业务总量同比增长17.5%。", review, y2024, []w{{"17.5%", 17.5, "%", "exact", "achievement", 2024, 0}}},
		{"全省软件业务收入是2020年的3倍，宽带接入速率翻一番。", review, y2024, []w{
			{"3倍", 3, "倍", "exact", "achievement", 2024, 0},
			{"翻一番", 2, "倍", "exact", "achievement", 2024, 0}}},
		{"开展应急通信保障任务350余次，出动保障人员1.2万人次。", review, y2024, []w{
			{"350余次", 350, "次", "over", "achievement", 2024, 0},
			{"1.2万人次", 12000, "人次", "exact", "achievement", 2024, 0}}},
		{"电信业务总量居全国第5位，电信业务收入排名全国第四。", review, y2024, []w{
			{"第5位", 5, "位次", "exact", "other", 2024, 0},
			{"第四", 4, "位次", "exact", "other", 2024, 0}}},
		{"全省共有增值电信业务经营者1,650家，较上年增加12.5%。", review, y2024, []w{
			{"1,650家", 1650, "家", "exact", "achievement", 2024, 0},
			{"12.5%", 12.5, "%", "exact", "achievement", 2024, 0}}},
		{"５Ｇ基站达到２．８万个，占全国的1/9。", review, y2024, []w{
			{"２．８万个", 28000, "个", "exact", "achievement", 2024, 0},
			{"1/9", 11.11, "%", "exact", "achievement", 2024, 0}}},
		{"全省建成5G基站2-3万个。", review, y2024, []w{{"2-3万个", 20000, "个", "range", "achievement", 2024, 30000}}},
		{"截至2023年底，全省累计建成5G基站18.3万个。", plan, y2024, []w{{"18.3万个", 183000, "个", "exact", "achievement", 2023, 0}}},
		{"组织召开全省5G发展推进会3次、专题培训12期。", review, y2024, []w{
			{"3次", 3, "次", "exact", "other", 2024, 0},
			{"12期", 12, "期", "exact", "other", 2024, 0}}},
		{"青岛进入全国10个试点城市行列。", review, y2024, []w{{"10个", 10, "个", "exact", "achievement", 2024, 0}}},
		{"不到3成的企业完成改造，覆盖不少于200家企业。", review, y2024, []w{
			{"不到3成", 30, "%", "at_most", "achievement", 2024, 0},
			{"不少于200家", 200, "家", "at_least", "achievement", 2024, 0}}},
		{"全市5G基站总数约为1.1万个，同比净增2000个以下。", review, y2024, []w{
			{"约为1.1万个", 11000, "个", "approx", "achievement", 2024, 0},
			{"2000个以下", 2000, "个", "at_most", "achievement", 2024, 0}}},

		{"5G基站占比超过四成，流量平均资费降至0.5元/GB。", review, y2024, []w{
			{"超过四成", 40, "%", "over", "achievement", 2024, 0},
			{"0.5元/GB", 0.5, "元/GB", "exact", "achievement", 2024, 0}}},
		// A count before a structure noun that no document sets out is one.
		{"全市已建成5G基站2000个，建成15个重点工程。", review, y2024, []w{
			{"2000个", 2000, "个", "exact", "achievement", 2024, 0},
			{"15个", 15, "个", "exact", "achievement", 2024, 0}}},
		// Composite units, written with a slash or implied by 每万人.
		{"移动电话普及率为122.6部/百人，户均流量超过19G/户/月，每万人拥有5G基站数18个。", review, y2024, []w{
			{"122.6部/百人", 122.6, "部/百人", "exact", "achievement", 2024, 0},
			{"超过19G/户/月", 19, "G/户/月", "over", "achievement", 2024, 0},
			{"18个", 18, "个/万人", "exact", "achievement", 2024, 0}}},
		{"全省电信业务收入从2019年的1100亿元增长至2022年的1450亿元，年均增长9.6%。", review, y2024, []w{
			{"1100亿元", 1.1e11, "元", "exact", "achievement", 2019, 0},
			{"1450亿元", 1.45e11, "元", "exact", "achievement", 2022, 0},
			// A growth rate takes the year of the figure that grew.
			{"9.6%", 9.6, "%", "exact", "achievement", 2022, 0}}},
		{"工信部等10部门联合印发方案，5G用户数较2020年增长3倍。", review, y2024, []w{
			{"3倍", 3, "倍", "exact", "achievement", 2024, 0}}},
		{"2024年，全省将新建5G基站2万个。", review, y2024, []w{{"2万个", 20000, "个", "exact", "target", 2024, 0}}},
		{"近日获悉，截至10月底，全市累计建成5G基站8300余个，100%的行政村通5G。", other, y2024, []w{
			{"8300余个", 8300, "个", "over", "achievement", 2024, 0},
			{"100%", 100, "%", "exact", "achievement", 2024, 0}}},
		{"5G基站数量连续四年居全国第一，提升至第5位。", review, y2024, []w{
			{"第一", 1, "位次", "exact", "other", 2024, 0},
			{"第5位", 5, "位次", "exact", "other", 2024, 0}}},
		{"全年共召开党组会议20次、理论学习中心组学习12次。", review, y2024, []w{
			{"20次", 20, "次", "exact", "other", 2024, 0},
			{"12次", 12, "次", "exact", "other", 2024, 0}}},

		{"全国5G基站总数达到337.7万个，我省5G基站达到24.2 万个。", review, y2024, []w{
			{"337.7万个", 3377000, "个", "exact", "achievement", 2024, 0},
			{"24.2 万个", 242000, "个", "exact", "achievement", 2024, 0}}},
		{"建成数十个应用场景，近千个项目落地。", review, y2024, []w{
			{"近千个", 1000, "个", "approx", "achievement", 2024, 0}}},

		{"检测APP3.4万款，七个项目入围全国试点示范，全省十个项目在全国赛获奖。", review, y2024, []w{
			{"3.4万款", 34000, "款", "exact", "achievement", 2024, 0},
			{"七个", 7, "个", "exact", "achievement", 2024, 0},
			{"十个", 10, "个", "exact", "achievement", 2024, 0}}},
		{"在2023年办理携号转网64.5万人次的基础上，力争资费公示率保持在96%-100%。", plan, y2024, []w{
			{"64.5万人次", 645000, "人次", "exact", "achievement", 2023, 0},
			{"96%-100%", 96, "%", "range", "target", 2025, 100}}},

		// Decimals and whole percentages in Chinese numerals.
		{"全市规模以上工业企业完成工业总产值八十六点五亿元，同比增长百分之十二点三；", review, y2022, []w{
			{"八十六点五亿元", 8.65e9, "元", "exact", "achievement", 2022, 0},
			{"百分之十二点三", 12.3, "%", "exact", "achievement", 2022, 0}}},
		{"城区5G网络覆盖率达到百分之九十八点五，行政村4G网络覆盖率保持百分之百。", review, y2022, []w{
			{"百分之九十八点五", 98.5, "%", "exact", "achievement", 2022, 0},
			{"百分之百", 100, "%", "exact", "achievement", 2022, 0}}},
		{"全省千兆用户达到一点二万户，实现两点一线式巡检。", review, y2022, []w{
			{"一点二万户", 12000, "户", "exact", "achievement", 2022, 0}}},
		// Negative growth: 同比增长-3.5%; ranges and dates keep their dash.
		{"固定语音业务收入同比增长-3.5%，1-11月全省建成5G基站2-3万个。", review, y2022, []w{
			{"-3.5%", -3.5, "%", "exact", "achievement", 2022, 0},
			{"2-3万个", 20000, "个", "range", "achievement", 2022, 30000}}},
		{"在海拔5200米的珠峰大本营开通5G基站，铺设光缆120公里。", review, y2022, []w{
			{"120公里", 120, "公里", "exact", "achievement", 2022, 0}}},
		// 300+个, 万余个, 千余家, 增长一倍.
		{"全省打造5G应用场景300+个，新建5G基站万余个，处置涉诈域名千余个。", review, y2022, []w{
			{"300+个", 300, "个", "over", "achievement", 2022, 0},
			{"万余个", 10000, "个", "over", "achievement", 2022, 0},
			{"千余个", 1000, "个", "over", "achievement", 2022, 0}}},
		{"千兆宽带用户同比增长一倍，IPv6流量提高近一倍，一个项目获奖。", review, y2022, []w{
			{"一倍", 1, "倍", "exact", "achievement", 2022, 0},
			{"近一倍", 1, "倍", "approx", "achievement", 2022, 0}}},
		{"坚持“1+3+9”体系，惠及千家万户，推进5G+工业互联网。", review, y2022, nil},
		// The operators a notice names are actors, not a count.
		{"组织3家基础电信企业和铁塔公司建立周调度机制，累计协调解决站址难题260余个。", review, y2022, []w{
			{"260余个", 260, "个", "over", "achievement", 2022, 0}}},
		{"全市新增5家电信企业获得增值电信业务许可。", review, y2022, []w{
			{"5家", 5, "家", "exact", "achievement", 2022, 0}}},

		// Traditional characters.
		{"全港已建成5G基站約2.8萬個，覆蓋率超過99%。", review, y2024, []w{
			{"約2.8萬個", 28000, "个", "approx", "achievement", 2024, 0},
			{"超過99%", 99, "%", "over", "achievement", 2024, 0}}},
		{"會議強調，力爭新建5G基站1.2萬個。", review, y2024, []w{{"1.2萬個", 12000, "个", "exact", "target", 2025, 0}}},

		// Targets.
		{"力争全年新建5G基站2万个以上，5G用户普及率达到80%。", plan, y2024, []w{
			{"2万个以上", 20000, "个", "at_least", "target", 2025, 0},
			{"80%", 80, "%", "exact", "target", 2025, 0}}},
		{"到2027年，全省算力规模超过50EFLOPS。", review, y2024, []w{{"超过50EFLOPS", 50, "EFLOPS", "over", "target", 2027, 0}}},
		{"全年电信业务收入增长5%左右。", plan, y2024, []w{{"5%左右", 5, "%", "approx", "target", 2025, 0}}},
		{"确保涉诈电话卡处置率不低于95%。", review, y2024, []w{{"不低于95%", 95, "%", "at_least", "target", 2025, 0}}},
		{"2025年底前实现重点场所5G网络覆盖率达到95%。", review, y2024, []w{{"95%", 95, "%", "exact", "target", 2025, 0}}},
		{"我局将新建5G基站5000个，推动千兆用户突破500万户。", review, y2024, []w{
			{"5000个", 5000, "个", "exact", "target", 2025, 0},
			{"突破500万户", 5e6, "户", "over", "target", 2025, 0}}},
		{"超额完成年度新建5G基站1万个的目标任务。", review, y2024, []w{{"1万个", 10000, "个", "exact", "target", 2024, 0}}},
		// The share of a target that was met is a result.
		{"全年新建5G基站3.9万个，完成年度目标的130%。", review, y2024, []w{
			{"3.9万个", 39000, "个", "exact", "achievement", 2024, 0},
			{"130%", 130, "%", "exact", "achievement", 2024, 0}}},
		{"其中上半年新建1873个，完成年度目标任务的62.4%，5G建设目标完成率居全省第2位。", review, y2024, []w{
			{"1873个", 1873, "个", "exact", "achievement", 2024, 0},
			{"62.4%", 62.4, "%", "exact", "achievement", 2024, 0},
			{"第2位", 2, "位次", "exact", "other", 2024, 0}}},
		{"确保年度目标完成率达到100%。", plan, y2024, []w{{"100%", 100, "%", "exact", "target", 2025, 0}}},
		// A qualifier before a 分别 list holds for every figure in it.
		{"固定宽带和手机流量平均资费同比下降分别超过20%和30%。", review, y2024, []w{
			{"超过20%", 20, "%", "over", "achievement", 2024, 0},
			{"30%", 30, "%", "over", "achievement", 2024, 0}}},
		{"城区、县城和乡镇5G覆盖率分别达到约95%、85%和60%。", review, y2024, []w{
			{"约95%", 95, "%", "approx", "achievement", 2024, 0},
			{"85%", 85, "%", "approx", "achievement", 2024, 0},
			{"60%", 60, "%", "approx", "achievement", 2024, 0}}},
		{"5G基站超过3万个和千兆用户200万户。", review, y2024, []w{
			{"超过3万个", 30000, "个", "over", "achievement", 2024, 0},
			{"200万户", 2e6, "户", "exact", "achievement", 2024, 0}}},
		// Latin units keep their spelling.
		{"平均下载速率分别达到48.2Mbps和41.6Mbps，省际出口带宽达到35.2Tbps。", review, y2024, []w{
			{"48.2Mbps", 48.2, "Mbps", "exact", "achievement", 2024, 0},
			{"41.6Mbps", 41.6, "Mbps", "exact", "achievement", 2024, 0},
			{"35.2Tbps", 35.2, "Tbps", "exact", "achievement", 2024, 0}}},
		{"固定宽带用户平均可用下载速率达到35.6Mbit/s。", review, y2024, []w{
			{"35.6Mbit/s", 35.6, "Mbps", "exact", "achievement", 2024, 0}}},
		// A 以上 figure running into its noun restricts it: 20户以上自然村.
		{"完成500个行政村4G基站建设，20户以上自然村4G网络覆盖率达到95%。", plan, y2024, []w{
			{"500个", 500, "个", "exact", "target", 2025, 0},
			{"95%", 95, "%", "exact", "target", 2025, 0}}},
		{"固定宽带接入用户达到848万户，其中1000Mbps及以上接入速率的用户为126万户，占总用户数的14.9%。", review, y2024, []w{
			{"848万户", 8.48e6, "户", "exact", "achievement", 2024, 0},
			{"126万户", 1.26e6, "户", "exact", "achievement", 2024, 0},
			{"14.9%", 14.9, "%", "exact", "achievement", 2024, 0}}},
		{"5G用户占比达到60%及以上。", review, y2024, []w{{"60%及以上", 60, "%", "at_least", "achievement", 2024, 0}}},
		{"实现95%以上的乡镇镇域5G覆盖。", review, y2022, []w{{"95%以上", 95, "%", "at_least", "achievement", 2022, 0}}},
		{"目前全省已建成5G基站15万个。", plan, y2024, []w{{"15万个", 150000, "个", "exact", "achievement", 2024, 0}}},
	}
	e := testExtractor(t)
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			var gotW []string
			ok := true
			ins := e.Sentence(tt.s, tt.part, tt.years)
			for i, in := range ins {
				gotW = append(gotW, got(in).String())
				if i >= len(tt.want) || !sameW(got(in), tt.want[i]) {
					ok = false
				}
			}
			if !ok || len(ins) != len(tt.want) {
				var wantS []string
				for _, x := range tt.want {
					wantS = append(wantS, x.String())
				}
				t.Errorf("\n got %s\nwant %s", strings.Join(gotW, "  "), strings.Join(wantS, "  "))
			}
		})
	}
}

// TestNotIndicators lists text that holds numbers but no indicator.
func TestNotIndicators(t *testing.T) {
	for _, s := range []string{
		"2024年12月31日，局党组召开会议。",
		"深入推进“断卡行动2.0”，坚决做到“两个维护”。",
		"立足工信部“1﹢3﹢9”政策体系要求。",
		"印发《实施方案》(博建字〔2022〕133号)。",
		"举办第七届“绽放杯”山东区域赛，连续第二年名列前茅。",
		"全面贯彻党的二十大和二十届二中、三中全会精神。",
		"圆满完成庆祝建党100周年等保障任务。",
		"持续推进行业安全生产专项整治三年行动。",
		"稳步推进农村4GL900升级5GNR900、2.6G+700M双层网络覆盖。",
		"建设5G和10G PON网络，推进IPv6规模部署，发展5G-A、F5G-A。",
		"联系方式:0543-2395991;邮政地址:博兴县博城二路399号;电子邮箱:bxgxjxxh@163.com",
		"备案号:鲁ICP备19044984号-1",
		"来源:博兴县纪委监委网站      发布时间:2022-10-21       浏览量:656 次",
		"大幅提升我局在省级12345政务服务便民热线中的指标排名。",
		"一以贯之服务千家万户，全力以赴赋能千行百业。",
		"围绕万兆光网、千兆城市建设，落实“十四五”规划。",
		"《实施方案》明确了7项重点任务。",
		"《规划》明确了18项主要指标、7个重点工程。",
		"《实施方案》同时提出强化规划衔接、扩大资源开放、加强设施保护等6项保障措施。",
		"四项重点目标：",
		"截至10月末，三家基础电信企业的移动电话用户总数达到。",
		"中国移动、中国联通、中国电信3家通信运营商将实现重点区域覆盖。",
		"落实铁塔公司及三个运营商的主体责任，一体推进“三不腐”。",
		"6-10月份组织专题学习。",
		"协调将《专项规划(2020-2035)》纳入国土空间规划。",
		"推进700MHz频段和3.5GHz频段5G网络建设。",
		"执行GB/T 22239-2019标准，通过ISO27001认证。",
		"前三季度，一季度，上半年，近三年，五年来。",
		"发布时间:2026-02-12 17:29",
		"《中国网信》2022年第3期。",
		"走在全国第一方阵，纳入第一议题。",
		"一是要提高站位，二是要增强主动。",
		"成立由一名省委常委同志任总协调的专班。",
		"聊城新闻网 2006-2023 版权所有",
		"中国移动、中国电信、中国联通三家基础电信企业参加。",
		"开展信息无障碍能力“六提升”行动，落实暖心服务“十件实事”。",
		"举办2020中国网络诚信大会、2021山东网络文明周。",
		"拨打12321举报，访问www.12321.cn。",
		"工信部等十部门联合印发，受3号台风影响，60岁以上老年人，14亿人民。",
		"7×24小时服务，办理时限1个月，3个工作日内办结。",
		"1.5G网络建设。2.千兆光网建设。(3)算力建设。4、安全保障。",
		"截至2023.12.31，Wi-Fi 6和R18标准，推进4K/8K超高清。",
		"发布《5G应用“扬帆”行动计划（2021-2023年）》，推进“1+N”体系。",
		"上午9时30分，在3楼会议室召开，23:59截止。",
		"获评全国第一批试点，全国前五，一季度，1季度。",
		"请登录http://www.miit.gov.cn/n1146290/index.html查看。",
		"&#12345;&nbsp;",
	} {
		if got := testExtractor(t).Sentence(s, review, y2024); len(got) > 0 {
			var gs []string
			for _, in := range got {
				gs = append(gs, got0(in))
			}
			t.Errorf("%s\n  extracted %s", s, strings.Join(gs, ", "))
		}
	}
}

func got0(in Indicator) string { return got(in).String() }

func TestMetricAndMeasure(t *testing.T) {
	tests := []struct {
		s                          string
		part                       text.Part
		metric, canonical, measure string
	}{
		{"开通5G基站24.2万个。", review, "5G基站", "5G基站", "total"},
		{"新增5G虚拟专网1600余个。", review, "5G虚拟专网", "5G虚拟专网", "increment"},
		{"全省资费公示率达99.99%。", review, "资费公示率", "资费公示率", "rate"},
		{"智算总规模达70EFLOPS。", plan, "智算总规模", "智算规模", "total"},
		{"助力全省数字经济核心制造业增长超11%。", review, "数字经济核心制造业增长", "数字经济核心制造业增长", "growth"},
		{"建设5G基站5万个、10G PON端口28万个。", review, "5G基站", "5G基站", "total"},
		// A prize is the 绽放杯 only where the text names it.
		{"2个项目获全国二等奖。", review, "项目获全国二等奖", "", "total"},
		{"2个项目获绽放杯全国赛二等奖。", review, "项目获绽放杯全国赛二等奖", "绽放杯获奖项目", "total"},
		{"网站备案率多年稳居全国第2位。", review, "网站备案率", "网站备案率全国排名", "rank"},
		{"数据中心标准机架达到12万架。", review, "数据中心标准机架", "数据中心机架", "total"},
		{"开展调研活动10余次。", review, "调研活动", "", "count"},
		{"千兆宽带用户比上年增加1.2万户。", review, "千兆宽带用户", "千兆宽带用户", "increment"},
		{"每万人拥有5G基站数达到21.6个。", review, "每万人拥有5G基站数", "每万人拥有5G基站数", "rate"},
		{"完成投资12.6亿元，占年度计划的105%。", review, "投资", "", "total"},
	}
	e := testExtractor(t)
	for _, tt := range tests {
		ins := e.Sentence(tt.s, tt.part, y2024)
		if len(ins) == 0 {
			t.Errorf("%s: nothing extracted", tt.s)
			continue
		}
		in := ins[0]
		if in.Metric != tt.metric || in.Canonical != tt.canonical || in.Measure != tt.measure {
			t.Errorf("%s: metric %q canonical %q measure %q, want %q %q %q", tt.s, in.Metric, in.Canonical, in.Measure,
				tt.metric, tt.canonical, tt.measure)
		}
	}
}

func TestDocumentYears(t *testing.T) {
	e := testExtractor(t)
	ss := text.Split("近年来，全省建成5G基站11.1万个。\n2021年，全省排查网站31万家。\n山东将持续推进，新建5G基站2万个。", text.Years{Reviewed: 2021, Plan: 2022})
	mid := Doc{Sentences: ss, ReviewedYear: 2021, PlanYear: 2022, Published: mustDate("2022-06-10")}
	ins := e.Document(mid)
	want := []int{2022, 2021, 2022}
	if len(ins) != 3 {
		t.Fatalf("got %d indicators: %+v", len(ins), ins)
	}
	for i, in := range ins {
		if in.Year != want[i] {
			t.Errorf("%s: year %d, want %d", in.Surface, in.Year, want[i])
		}
	}
	if ins[2].Kind != "target" {
		t.Errorf("%s: kind %s, want target", ins[2].Surface, ins[2].Kind)
	}
	// A work conference in January reviews the previous year.
	early := mid
	early.Published = mustDate("2022-01-20")
	if in := e.Document(early)[0]; in.Year != 2021 {
		t.Errorf("early notice: year %d, want 2021", in.Year)
	}
}

func mustDate(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDocumentLateConferenceAndAttendance(t *testing.T) {
	e := testExtractor(t)
	body := "4月10日，某省通信管理局召开2023年工作会议，全省13个市通信发展办负责人参加会议。\n" +
		"会议指出，一年来，全省新建5G基站2.1万个。\n会议强调，全年新建5G基站1.5万个。"
	y := text.Years{Reviewed: 2022, Plan: 2023}
	ins := e.Document(Doc{Sentences: text.Split(body, y), ReviewedYear: 2022, PlanYear: 2023, Published: mustDate("2023-04-10")})
	var got []string
	for _, in := range ins {
		got = append(got, fmt.Sprintf("%s/%s/%d", in.Surface, in.Kind, in.Year))
	}
	want := "2.1万个/achievement/2022 1.5万个/target/2023"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestDocumentParagraphYear checks that a year a paragraph opens with as a
// bare adverbial (截至2020年底，…; “十三五”时期，…) dates the undated
// achievements after it in that paragraph — across a ； and the sentences
// that follow — in a signed article published late in the next year, while
// other paragraphs and sentences about now keep the publication year.
func TestDocumentParagraphYear(t *testing.T) {
	e := testExtractor(t)
	body := "“十三五”时期，全省信息基础设施实现跨越式发展。截至2020年底，全省累计建成5G基站1.6万个；光纤接入用户达到1185万户。数字经济规模达到8900亿元。目前，全省已建成5G基站2.2万个。\n" +
		"加码布局数字基建，建成并开通5G基站3.1万个。\n" +
		"到2025年，全省5G基站总数达到8万个。"
	y := text.Years{Reviewed: 2020, Plan: 2021}
	ins := e.Document(Doc{Sentences: text.Split(body, y), ReviewedYear: 2020, PlanYear: 2021, Published: mustDate("2021-04-16")})
	var got []string
	for _, in := range ins {
		got = append(got, fmt.Sprintf("%s/%s/%d", in.Surface, in.Kind, in.Year))
	}
	want := "1.6万个/achievement/2020 1185万户/achievement/2020 8900亿元/achievement/2020 2.2万个/achievement/2021 " +
		"3.1万个/achievement/2021 8万个/target/2025"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestDocumentMidYearTarget checks that a mid-year news item on this
// year's progress, which plans no year, dates its undated aims to this
// year, while one published late in the year dates them to the next.
func TestDocumentMidYearTarget(t *testing.T) {
	e := testExtractor(t)
	body := "截至5月底，全区累计建成5G基站5821个。\n下一步将加快5G网络向县城延伸，打造5G应用场景百余个。"
	y := text.Years{Reviewed: 2021}
	for pub, want := range map[string]string{
		"2021-06-03": "5821个/achievement/2021 百余个/target/2021",
		"2021-11-20": "5821个/achievement/2021 百余个/target/2022",
	} {
		ins := e.Document(Doc{Sentences: text.Split(body, y), ReviewedYear: 2021, Published: mustDate(pub)})
		var got []string
		for _, in := range ins {
			got = append(got, fmt.Sprintf("%s/%s/%d", in.Surface, in.Kind, in.Year))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("published %s: got %s, want %s", pub, strings.Join(got, " "), want)
		}
	}
}
