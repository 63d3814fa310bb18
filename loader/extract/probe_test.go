package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader/text"
)

// TestPrecisionProbes runs made-up sentences, a few for each class of false
// positive and misread unit or scope that unseen notices showed, through a
// whole-notice extraction, and checks every figure that comes out: its
// surface, value, unit and scope. A row's notice is a city notice of
// 江苏省南京市 unless it says otherwise. The sentences are invented for
// the classes, not copied from the notices the rules were measured on.
func TestPrecisionProbes(t *testing.T) {
	type probe struct {
		class, s string
		// province and city of the notice; empty means 江苏省 / 南京市.
		province, city string
		// want lists surface=value unit scope for each figure, in order.
		want []string
	}
	probes := []probe{
		// Composite units: a measure word with 次, a count per a
		// denominator, a price per a unit of area.
		{class: "composite unit", s: "汛期累计出动应急车辆216辆次、发电机组95台次。",
			want: []string{"216辆次=216 辆次 own", "95台次=95 台次 own"}},
		{class: "composite unit", s: "全市固定宽带家庭普及率为96.3部/百户。",
			want: []string{"96.3部/百户=96.3 部/百户 own"}},
		{class: "composite unit", s: "城区5G基站密度达到12.5个/平方公里。",
			want: []string{"12.5个/平方公里=12.5 个/平方公里 own"}},
		{class: "composite unit", s: "数据中心用地出让价格为42万元/亩。",
			want: []string{"42万元/亩=420000 元/亩 own"}},
		{class: "composite unit", s: "全市建成3个次级骨干节点。",
			want: []string{"3个=3 个 own"}},
		// Computing power written P (for PFLOPS), read where the clause
		// speaks of computing power.
		{class: "unit", s: "全市智能算力规模达到2300P。",
			want: []string{"2300P=2300 P own"}},
		// Measure units: latency, area in hectares and in 方米.
		{class: "unit", s: "全市5G网络端到端时延低于8毫秒。",
			want: []string{"低于8毫秒=8 毫秒 own"}},
		{class: "unit", s: "数据中心项目占地面积12.5公顷。",
			want: []string{"12.5公顷=12.5 公顷 own"}},
		// A region after a preposition, and the rest of its list, says
		// where, not whose figure.
		{class: "scope", s: "全市到京津冀、长三角、成渝地区等枢纽节点网络时延低于20毫秒。",
			want: []string{"低于20毫秒=20 毫秒 own"}},
		{class: "scope", s: "长三角地区5G基站总数达到60万个。",
			want: []string{"60万个=600000 个 other"}},
		// An operator's branch named by a place builds for the notice's
		// place; the place's own industry figures stay the place's.
		{class: "scope", s: "江苏移动今年新建5G基站2000个。",
			want: []string{"2000个=2000 个 own"}},
		{class: "scope", s: "江苏移动电话用户达到1.2亿户。",
			want: []string{"1.2亿户=120000000 户 other"}},
		// A unit the text leaves out, implied by the noun counted.
		{class: "implied unit", s: "全市数据中心标准机架数量达到3.6万。",
			want: []string{"3.6万=36000 架 own"}},
		{class: "implied unit", s: "全市宽带接入端口数达到412.5万。",
			want: []string{"412.5万=4125000 个 own"}},
		// Thresholds inside a metric's definition: the count they qualify
		// is the indicator, the threshold is not.
		{class: "threshold", s: "全市实现15户以上自然村光纤网络全覆盖。",
			want: nil},
		{class: "threshold", s: "今年完成86个50户以上自然村宽带网络建设。",
			want: []string{"86个=86 个 own"}},
		{class: "threshold", s: "扶持200个左右投资1000万元以上的技改项目。",
			want: []string{"200个左右=200 个 own"}},
		{class: "threshold", s: "全市年营业收入超过5000万元的软件企业达到120家。",
			want: []string{"120家=120 家 own"}},
		{class: "threshold", s: "新发展5000户以上千兆宽带用户。",
			want: []string{"5000户以上=5000 户 own"}},
		{class: "threshold", s: "建成30个以上5G应用场景，98%以上的行政村通千兆光网。",
			want: []string{"30个以上=30 个 own", "98%以上=98 % own"}},
		{class: "threshold", s: "在去年发展千兆宽带用户不低于300万户的基础上，今年新增50万户。",
			want: []string{"不低于300万户=3000000 户 own", "50万户=500000 户 own"}},
		{class: "threshold", s: "千兆光网具备覆盖320万户以上的能力。",
			want: []string{"320万户以上=3200000 户 own"}},
		{class: "threshold", s: "全市年营业收入超过1亿元的企业达到35家。",
			want: []string{"35家=35 家 own"}},
		{class: "threshold", s: "全市移动电话用户总数突破800万大关。",
			want: []string{"突破800万=8000000 户 own"}},
		// Brackets that define the noun before them hold no figure; an
		// aside that reports one does.
		{class: "definition", s: "全市规模以上软件企业(年营业收入500万元以上)达到320家。",
			want: []string{"320家=320 家 own"}},
		{class: "definition", s: "智能算力规模达到5EFLOPS(1EFLOPS约等于每秒100亿亿次计算)。",
			want: []string{"5EFLOPS=5 EFLOPS own"}},
		{class: "definition", s: "全市5G基站达到1.2万个(同比增长35%)。",
			want: []string{"1.2万个=12000 个 own", "35%=35 % own"}},
		// Quoted words: a slogan or name holds no figure, someone's words
		// that run over a clause break do.
		{class: "quote", s: "市长表示：“到2026年，全市5G基站将超过9000个，千兆用户达到80万户。”",
			want: []string{"超过9000个=9000 个 own", "80万户=800000 户 own"}},
		{class: "quote", s: "全市深入实施“1+3+9”行动和“十百千”工程。",
			want: nil},
		// Ranks: 前N is a rank of at most N; a rank that defines a count
		// or names the holder of a rank as a base is no rank of the
		// subject; ordinals and 前N of time are no figures.
		{class: "rank", s: "全市千兆宽带用户渗透率进入全省前五位。",
			want: []string{"前五位=5 位次 own"}},
		{class: "rank", s: "全市信息消费增速排全省前3。",
			want: []string{"前3=3 位次 own"}},
		{class: "rank", s: "前三季度全市新建5G基站1200个。",
			want: []string{"1200个=1200 个 own"}},
		{class: "rank", s: "全市8项指标排名全省第一。",
			want: []string{"8项=8 项 own"}},
		{class: "rank", s: "全市新增5G基站数排名全省第一，为第二名的2.3倍。",
			want: []string{"第一=1 位次 own", "2.3倍=2.3 倍 own"}},
		{class: "rank", s: "全市固定宽带下载速率距第2名的差距缩小至0.5Mbps。",
			want: []string{"0.5Mbps=0.5 Mbps own"}},
		{class: "rank", s: "全市5G基站达到8650个(排名全省第2位)。",
			want: []string{"8650个=8650 个 own", "第2位=2 位次 own"}},
		{class: "rank", s: "全市5G基站密度保持全省第一，千兆用户数全省第二。",
			want: []string{"第一=1 位次 own", "第二=2 位次 own"}},
		{class: "rank", s: "全市固定宽带、移动宽带、物联网用户分别位于全省第3、第5和第2位。",
			want: []string{"第3=3 位次 own", "第5=5 位次 own", "第2位=2 位次 own"}},
		{class: "ordinal", s: "我市建成全省第一个5G全连接工厂。",
			want: nil},
		{class: "ordinal", s: "第三届数字经济大会在我市举办。",
			want: nil},
		// The speech's and the plan's own structure, entity descriptors and
		// durations are no figures.
		{class: "structure", s: "会议对下一步工作提出四点要求。",
			want: nil},
		{class: "structure", s: "《行动计划》明确了5项重点任务、18条具体举措。",
			want: nil},
		{class: "descriptor", s: "组织3家基础电信企业召开推进会。",
			want: nil},
		{class: "duration", s: "经过两年多的建设，全市建成5G基站9000个，实施三年行动计划。",
			want: []string{"9000个=9000 个 own"}},
		// Whose figure: the country's, another place's, a group's, a
		// benchmark's.
		{class: "scope", s: "工信部公布的数据显示，全国千兆宽带用户达到1.6亿户。",
			want: []string{"1.6亿户=160000000 户 national"}},
		{class: "scope", s: "全国5G基站总数达到337万个，占移动基站总数的29%。",
			want: []string{"337万个=3370000 个 national", "29%=29 % national"}},
		{class: "scope", s: "浙江省新建5G基站2.1万个，杭州新建8000个。",
			want: []string{"2.1万个=21000 个 other", "8000个=8000 个 other"}},
		{class: "scope", s: "中国移动集团5G基站总数超过190万个。",
			want: []string{"超过190万个=1900000 个 other"}},
		{class: "scope", s: "全市每万人拥有5G基站数高于全国平均水平2.3个。",
			want: []string{"2.3个=2.3 个/万人 other"}},
	}
	e := testExtractor(t)
	y := text.Years{Reviewed: 2024, Plan: 2025}
	for _, p := range probes {
		prov, city := p.province, p.city
		if prov == "" && city == "" {
			prov, city = "江苏省", "南京市"
		}
		level := "city"
		if city == "" {
			level = "province"
		}
		ins := e.Document(Doc{Sentences: text.Split(p.s, y), ReviewedYear: 2024, PlanYear: 2025,
			Published: mustDate("2024-12-20"), Province: prov, City: city, Level: level})
		var got []string
		for _, in := range ins {
			got = append(got, fmt.Sprintf("%s=%s %s %s", in.Surface, strconv.FormatFloat(in.Value, 'f', -1, 64), in.Unit, in.Scope))
		}
		if strings.Join(got, " | ") != strings.Join(p.want, " | ") {
			t.Errorf("%s: %s\n got  %s\n want %s", p.class, p.s, strings.Join(got, " | "), strings.Join(p.want, " | "))
		}
	}
}
