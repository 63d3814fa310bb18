package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Levels and document types, as the loader names them.
const (
	levelProvince = "province"
	levelCity     = "city"
	levelCounty   = "county"

	typeConference = "工作会议"
	typeWorkPoints = "工作要点"
	typeInspection = "巡察整改通报"
	typeArticle    = "署名文章"
	typeNews       = "新闻"
)

// gen builds one notice: its parts first, the file text at the end.
type gen struct {
	r     *rand.Rand
	year  int // publication year
	level string
	prov  province
	loc   locality
	used  map[int]bool // templates already used in this notice

	truth Truth
	inds  []TruthIndicator

	// Parts that render assembles into a file.
	format   string    // txt, md, html
	pubTime  time.Time // publication time shown on the page
	dateLine bool      // the page shows a 发布时间 line (txt); md and html always carry a date
	source   string    // 来源 shown in the date line and the page chrome
	byline   string    // author line of a signed article
	paras    []string  // article paragraphs
	tail     []string  // signature, date and contact lines after the article
	site     string    // the site that carries the page, for chrome
}

func newGen(r *rand.Rand, year int) *gen {
	return &gen{r: r, year: year, used: map[int]bool{}}
}

func (g *gen) intn(n int) int { return g.r.IntN(n) }

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// chance reports true with probability p.
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// compose picks the notice's type, place and years and writes its parts.
func (g *gen) compose() {
	x := g.intn(100)
	switch {
	case x < 34:
		g.place(g.chance(0.85))
		g.conference()
	case x < 48:
		g.place(g.chance(0.75))
		g.workPoints()
	case x < 60:
		g.county()
		g.inspection()
	case x < 73:
		g.place(true)
		g.article()
	default:
		y := g.intn(100)
		switch {
		case y < 65:
			g.place(true)
		case y < 82:
			g.place(false)
		default:
			g.county()
		}
		g.news()
	}
	g.truth.Title = strings.TrimSpace(g.truth.Title)
	g.truth.Published = time.Date(g.pubTime.Year(), g.pubTime.Month(), g.pubTime.Day(), 0, 0, 0, 0, time.UTC)
	if g.format == "" {
		g.format = g.pickFormat(70, 15)
	}
}

// place sets a provincial notice (provincial) or a city notice.
func (g *gen) place(provincial bool) {
	if provincial {
		g.prov = provinces[g.intn(len(provinces))]
		g.level = levelProvince
		g.truth.Issuer = g.prov.Full + "通信管理局"
	} else {
		g.loc = localities[g.intn(len(localities))]
		g.prov = provinceByFull(g.loc.Prov)
		g.level = levelCity
		g.truth.City = g.loc.City
		g.truth.Issuer = g.loc.CityShort + "工业和信息化局"
	}
	g.truth.Province = g.prov.Full
	g.truth.Level = g.level
}

// county sets a county notice.
func (g *gen) county() {
	g.loc = localities[g.intn(len(localities))]
	g.prov = provinceByFull(g.loc.Prov)
	g.level = levelCounty
	g.truth.Province, g.truth.City, g.truth.County = g.prov.Full, g.loc.City, g.loc.County
	g.truth.Level = g.level
	g.truth.Issuer = g.loc.County + "工业和信息化局"
}

func (g *gen) pickFormat(txt, md int) string {
	x := g.intn(100)
	switch {
	case x < txt:
		return "txt"
	case x < txt+md:
		return "md"
	}
	return "html"
}

// scope is how the notice refers to its own area: 全省, 全区, 全市, 全县.
func (g *gen) scope() string {
	switch g.level {
	case levelCity:
		if strings.HasSuffix(g.loc.CityShort, "州") {
			return "全州"
		}
		return "全市"
	case levelCounty:
		if strings.HasSuffix(g.loc.County, "市") {
			return "全市"
		}
		if strings.HasSuffix(g.loc.County, "旗") {
			return "全旗"
		}
		return "全县"
	}
	switch {
	case strings.HasSuffix(g.prov.Full, "自治区"):
		return "全区"
	case strings.HasSuffix(g.prov.Full, "市"):
		return "全市"
	}
	return "全省"
}

// localName is the place name used in running text.
func (g *gen) localName() string {
	switch g.level {
	case levelCity:
		return g.loc.CityShort
	case levelCounty:
		return g.loc.County
	}
	return g.prov.Short
}

func (g *gen) person() string {
	s := g.pick(surnames) + g.pick(givenChars)
	if g.chance(0.6) {
		s += g.pick(givenChars)
	}
	return s
}

// date draws a day in the given months of year.
func (g *gen) date(year int, fromMonth, toMonth int) time.Time {
	m := fromMonth + g.intn(toMonth-fromMonth+1)
	d := 1 + g.intn(28)
	return time.Date(year, time.Month(m), d, 8+g.intn(10), g.intn(60), g.intn(60), 0, time.UTC)
}

func mdText(t time.Time) string { return fmt.Sprintf("%d月%d日", int(t.Month()), t.Day()) }

func ymdText(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// --- indicators -----------------------------------------------------------

// part selects which phrasings a figure uses and its kind.
type part int

const (
	partReview part = iota // an achievement
	partPlan               // a target
	partPast               // a past target quoted in a review
)

// figure renders template ti as a clause and records its truth.
func (g *gen) figure(ti int, p part, year int) string {
	return g.figureOf(&templates[ti], p, year)
}

func (g *gen) figureOf(t *tmpl, p part, year int) string {
	spec := t.prov
	if g.level != levelProvince && t.local.hi > 0 {
		spec = t.local
	}
	phrases, kind := t.ach, "achievement"
	switch p {
	case partPlan:
		phrases, kind = t.tgt, "target"
	case partPast:
		phrases, kind = t.past, "target"
	}
	if t.kind != "" {
		kind = t.kind
	}
	ph := g.pick(phrases)
	i := strings.Index(ph, "{n}")
	before := ph[:i]
	noPrefix := false
	for _, v := range []string{"达", "达到", "至", "为", "在"} {
		if strings.HasSuffix(before, v) {
			noPrefix = true
		}
	}
	if t.grow {
		// Deployment figures were small in the first years of 5G.
		f := min(max(float64(year-2018)/5, 0.08), 1)
		spec.lo *= f
		spec.hi *= f
		if spec.mag == "万" && spec.hi < 30000 {
			spec.mag, spec.dec = "", 0
		}
	}
	quals := t.quals
	if p == partPlan && t.uk != ukRank && g.chance(0.08) {
		quals = "r" // targets are often ranges: 新建5G基站2-3万个
	}
	a := render(g.r, spec, t.uk, t.mw, amountOpts{quals: quals, chinese: t.chinese, noPrefix: noPrefix})
	if t.full && g.chance(0.15) {
		a = amount{text: "100%", value: 100, qual: qExact}
	}
	s := before + a.text + ph[i+3:]
	scope := t.scope
	if scope == "" {
		scope = "own"
	}
	in := TruthIndicator{Kind: kind, Year: year, Metric: t.metric, Value: a.value, Unit: t.unit, Qualifier: a.qual, Surface: s, Scope: scope}
	if a.hasMax {
		in.ValueMax, in.HasMax = a.valueMax, true
	}
	g.inds = append(g.inds, in)
	if p == partReview && t.uk == ukCount && t.kind == "" && !a.hasMax && g.chance(0.1) {
		// 开通5G基站24.2万个，同比增长12.5%: the growth is a second figure.
		gr := render(g.r, vspec{1, 60, 1, ""}, ukPct, "", amountOpts{quals: "eeeo"})
		gs := "同比增长" + gr.text
		g.inds = append(g.inds, TruthIndicator{Kind: kind, Year: year, Metric: t.metric + "增长", Value: gr.value, Unit: "%", Qualifier: gr.qual, Surface: gs, Scope: scope})
		s += "，" + gs
	}
	return s
}

// choose picks up to k unused templates of topic with phrasings for p.
func (g *gen) choose(topic, k int, p part, year int) []int {
	pool := byTopic[topic]
	if g.level != levelProvince {
		pool = byTopicLocal[topic]
	}
	var cand []int
	for _, ti := range pool {
		t := &templates[ti]
		if g.used[ti] || year < t.from {
			continue
		}
		if (p == partPlan && len(t.tgt) == 0) || (p == partPast && len(t.past) == 0) {
			continue
		}
		if p != partReview && t.kind != "" {
			continue
		}
		cand = append(cand, ti)
	}
	var out []int
	for len(out) < k && len(cand) > 0 {
		j := g.intn(len(cand))
		out = append(out, cand[j])
		g.used[cand[j]] = true
		cand = slices.Delete(cand, j, j+1)
	}
	return out
}

// figures renders up to k figures of topic joined as one run of clauses.
func (g *gen) figures(topic, k int, p part, year int) string {
	return g.figuresJoined(topic, k, p, year, []string{"，", "、", "，", "；"})
}

// figuresJoined is figures with a choice of joiners; a run governed by a
// leading 到2030年 must stay in one sentence, so it is joined without "；".
func (g *gen) figuresJoined(topic, k int, p part, year int, joiners []string) string {
	tis := g.choose(topic, k, p, year)
	var b strings.Builder
	for j, ti := range tis {
		if j > 0 {
			b.WriteString(g.pick(joiners))
		}
		b.WriteString(g.figure(ti, p, year))
	}
	return b.String()
}

// --- filler text ----------------------------------------------------------

var reviewHeads = [numTopics][]string{
	{"行业发展保持平稳有序", "信息基础设施建设提速升级", "网络基础持续夯实", "“双千兆”网络加速布局"},
	{"算力基础设施加快布局", "算力网络建设取得新进展", "数据中心集约发展成效明显"},
	{"赋能千行百业成效显著", "融合应用走深向实", "5G应用规模化发展加快推进"},
	{"为民服务水平稳步提升", "用户权益保护持续加强", "电信服务质量不断改善"},
	{"安全保障能力不断强化", "网络和数据安全防线更加牢固", "防范治理电信网络诈骗成效明显"},
	{"行业监管效能持续提升", "营商环境不断优化", "行业运行稳中有进"},
	{"工作机制更加健全", "协同联动持续深化"},
}

var planHeads = [numTopics][]string{
	{"加快建设新型信息基础设施", "持续推进网络强基", "推动“双千兆”网络协同发展"},
	{"统筹推进算力基础设施建设", "加快构建算力网络体系"},
	{"深化5G融合应用", "赋能新型工业化", "推动融合应用规模发展"},
	{"提升信息通信服务水平", "切实维护用户合法权益"},
	{"筑牢网络和数据安全防线", "纵深推进防范治理电信网络诈骗"},
	{"持续优化营商环境", "提升行业治理能力"},
	{"强化工作统筹", "加强队伍建设"},
}

var fillers = [numTopics][]string{
	{"深入开展“信号升格”专项行动", "持续推进“双千兆”网络协同发展", "加快推进农村及偏远地区网络覆盖", "推动基础电信企业加大网络投资力度", "深化电信基础设施共建共享", "高铁高速沿线实现5G网络连续覆盖"},
	{"统筹推进算力基础设施布局", "推动数据中心绿色低碳发展", "积极融入全国一体化算力网络", "加快推进算力互联互通"},
	{"深入实施“5G+工业互联网”融合应用", "“点”上打造应用标杆，“线”上推进跨行业融合，“面”上推动规模化应用", "推动龙头企业数字化转型经验复制推广", "促进实体经济与数字经济深度融合"},
	{"持续推进“提速降费”", "深入开展“我为群众办实事”实践活动", "扎实推进信息无障碍和适老化改造", "持续推广“来电免打扰”服务", "着力提升用户获得感、幸福感、安全感"},
	{"纵深推进防范治理电信网络诈骗", "深入开展APP侵害用户权益专项整治", "圆满完成重要节点的通信安全保障任务", "不断提升行业网络安全防护水平", "持续加强用户个人信息保护"},
	{"深化“放管服”改革", "纵深推进“高效办成一件事”", "持续优化营商环境", "严肃查处违法违规行为", "维护行业正常市场秩序"},
	{"建立健全工作专班机制", "加强部门协同配合", "强化督促检查"},
}

var partyFillers = []string{
	"坚定拥护“两个确立”、坚决做到“两个维护”",
	"扎实开展党纪学习教育",
	"一体推进“三不腐”建设",
	"持之以恒纠“四风”树新风",
	"严格落实中央八项规定及其实施细则精神",
	"牢牢守住廉洁、保密、安全、质量“四条红线”",
	"深化模范机关创建，当好“三个表率”",
	"巩固深化主题教育成果",
}

var closers = []string{
	"为全省经济社会发展提供了有力支撑",
	"行业高质量发展迈出坚实步伐",
	"各项工作取得新进展新成效",
	"有力服务了地方经济社会发展大局",
}

// distractor returns a sentence (no end mark) whose numbers are not
// indicators: ordinals, anniversaries, slogans, technology names, document
// numbers, hotlines and dates.
func (g *gen) distractor(year int) string {
	switch g.intn(16) {
	case 0:
		ed := year - 2017
		if ed < 1 {
			ed = 1
		}
		n := fmt.Sprint(ed)
		if g.chance(0.6) {
			n = chineseInt(ed, false)
		}
		return fmt.Sprintf("举办第%s届“绽放杯”5G应用征集大赛%s区域赛", n, g.prov.Short)
	case 1:
		return "以实际行动坚定拥护“两个确立”、坚决做到“两个维护”"
	case 2:
		return "持续推进安全生产专项整治三年行动，安全生产形势总体稳定"
	case 3:
		plan := "十四五"
		if year < 2021 {
			plan = "十三五"
		}
		return fmt.Sprintf("印发《%s信息通信业“%s”发展规划》（%s通信管〔%d〕%d号）", g.prov.Short, plan, g.prov.Abbr, year, 10+g.intn(190))
	case 4:
		return "推动700M、2.6G、4.9G等多频段协同组网，加快4G网络向NR900升级"
	case 5:
		return "加快推进IPv6规模部署和应用，推动10G PON和FTTR部署"
	case 6:
		return "畅通12300电信用户申诉受理渠道，在12345政务服务便民热线考核中保持前列"
	case 7:
		return "深入推进“断卡行动2.0”，全力做好12381涉诈预警劝阻短信系统运营"
	case 8:
		return "立足工信部“1﹢3﹢9”政策体系要求，以新发展理念创新行业监管手段"
	case 9:
		return fmt.Sprintf("%d月%d日召开的全省推进会对相关工作作了专题部署", 3+g.intn(8), 1+g.intn(28))
	case 10:
		return "开展“3·15”国际消费者权益日宣传，推进“六提升”行动"
	case 11:
		return "实施“双千兆”网络协同发展行动计划（2021—2023年）"
	case 12:
		switch {
		case year == 2019:
			return "圆满完成庆祝新中国成立70周年活动通信保障任务"
		case year == 2021:
			return "圆满完成庆祝建党100周年等重大活动通信保障任务"
		case year == 2022:
			return "圆满完成党的二十大等重大活动通信保障任务"
		case year == 2024:
			return "圆满完成庆祝新中国成立75周年活动通信保障任务"
		}
		return "圆满完成全国“两会”等重大活动通信保障任务"
	case 13:
		return "连续第二年在工信部移动网络质量评测中名列前茅"
	case 14:
		return "推进“5G+智慧城市”建设，打造“一网通办”“一网统管”应用"
	}
	if year >= 2023 {
		return "深入学习贯彻党的二十大和二十届二中、三中全会精神"
	}
	return "深入学习贯彻党的十九大和十九届历次全会精神"
}

// yearPhrase says what the plan year is, as conference reports do.
func yearPhrase(y int) string {
	switch y {
	case 2019:
		return "新中国成立70周年，是决胜全面建成小康社会关键之年"
	case 2020:
		return "全面建成小康社会和“十三五”规划收官之年"
	case 2021:
		return "中国共产党成立100周年，也是“十四五”开局之年"
	case 2022:
		return "党的二十大召开之年，是实施“十四五”规划承上启下的关键之年"
	case 2023:
		return "全面贯彻落实党的二十大精神的开局之年"
	case 2024:
		return "新中国成立75周年，是实现“十四五”规划目标任务的关键一年"
	case 2025:
		return "“十四五”规划收官之年"
	case 2026:
		return "中国共产党建党105周年，是“十五五”规划的开局之年"
	}
	return "推动行业高质量发展的关键之年"
}

// horizon is a later year a target may name (到2025年).
func (g *gen) horizon(plan int) int {
	switch {
	case plan < 2020:
		return 2020
	case plan < 2025:
		return 2025
	case plan < 2030:
		if g.chance(0.5) {
			return 2030
		}
		return plan + 1 + g.intn(2)
	}
	return plan + 1
}

var ordinals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// reviewPoint writes one numbered point of a review: a heading, filler and
// k achievements of topic.
func (g *gen) reviewPoint(no int, topic, k, year int, style int) string {
	var b strings.Builder
	head := g.pick(reviewHeads[topic])
	switch style {
	case 0:
		b.WriteString(ordinals[no] + "是" + head + "。")
	case 1:
		b.WriteString(head + "。")
	}
	b.WriteString(g.prose(0.8, 0.4))
	b.WriteString(g.pick(fillers[topic]))
	if f := g.figures(topic, k, partReview, year); f != "" {
		b.WriteString("，" + g.pick([]string{"", "", "全年", g.scope()}) + f)
	}
	b.WriteString("。")
	if g.chance(0.35) {
		if f := g.figures(topicEvents, 1, partReview, year); f != "" {
			b.WriteString(g.pick(fillers[topicEvents]) + "，" + f + "。")
		}
	}
	if topic == topicNetwork && g.chance(0.2) {
		if f := g.figures(topicNetwork, 1, partPast, year); f != "" {
			b.WriteString(g.pick([]string{"", "全年"}) + f + "。")
		}
	}
	if g.chance(0.4) {
		b.WriteString(g.distractor(year) + "。")
	}
	return b.String()
}

// planPoint writes one point of a plan with k targets of topic.
func (g *gen) planPoint(no int, topic, k, plan int, style int) string {
	var b strings.Builder
	head := g.pick(planHeads[topic])
	switch style {
	case 0:
		b.WriteString(ordinals[no] + "是" + head + "。")
	case 1:
		b.WriteString(ordinals[no] + "要" + head + "。")
	case 2:
		b.WriteString(head + "。")
	}
	b.WriteString(g.prose(0.8, 0.4))
	b.WriteString(g.pick(fillers[topic]))
	if k > 0 && g.chance(0.12) {
		// An achievement quoted in a plan: 在2024年开通5G基站24.2万个的基础上.
		if f := g.figures(topic, 1, partReview, plan-1); f != "" {
			fmt.Fprintf(&b, "，在%d年%s的基础上", plan-1, f)
		}
	}
	if k > 0 {
		year := plan
		explicit := g.chance(0.15)
		if explicit {
			year = g.horizon(plan)
		}
		if f := g.figuresJoined(topic, k, partPlan, year, sameSentence(explicit)); f != "" {
			b.WriteString(g.lead(f, year, explicit) + f)
		}
	}
	b.WriteString("。")
	return b.String()
}

// topicOrder draws n distinct indicator topics.
func (g *gen) topicOrder(n int) []int {
	ts := []int{topicNetwork, topicCompute, topicApps, topicService, topicSecurity, topicGovern}
	g.r.Shuffle(len(ts), func(i, j int) { ts[i], ts[j] = ts[j], ts[i] })
	if n > len(ts) {
		n = len(ts)
	}
	return ts[:n]
}

// lead is the words before a run of targets: "，力争", "，到2025年，全省" …
// It never repeats a word the run already starts with.
func (g *gen) lead(f string, year int, explicit bool) string {
	if explicit {
		return fmt.Sprintf("，到%d年，%s", year, g.scope())
	}
	for _, w := range []string{"力争", "全年", "确保", "新建", "新增"} {
		if strings.HasPrefix(f, w) {
			return "，"
		}
	}
	return g.pick([]string{"，", "，力争", "，全年", "，确保"})
}

// figuresOr renders figures like figures, or a filler clause when the
// topic has no unused template left.
func (g *gen) figuresOr(topic, k int, p part, year int) string {
	if f := g.figures(topic, k, p, year); f != "" {
		return f
	}
	return g.pick(closers)
}

// prose is general policy language without figures, to give notices the
// length and texture of real ones.
var prose = []string{
	"坚持以人民为中心的发展思想，着力解决人民群众急难愁盼问题，推动信息通信服务更加普惠、更加便捷",
	"坚持系统观念，统筹发展和安全，统筹当前和长远，推动各项工作协调并进",
	"聚焦行业发展的重点难点问题，深入调查研究，精准施策发力，推动政策举措落地见效",
	"充分发挥部省桥梁纽带作用，加强与地方政府部门的沟通协调，形成齐抓共管的工作格局",
	"坚持问题导向和目标导向相结合，以钉钉子精神抓好各项任务落实",
	"强化监管能力建设，创新监管方式手段，提升监管的精准性和有效性",
	"深化行业协同联动，推动基础电信企业、铁塔公司和互联网企业共同发力",
	"健全完善工作机制，压紧压实各方责任，确保各项工作有序推进",
	"积极营造公开透明、稳定可预期的营商环境，激发市场主体活力",
	"加强干部队伍建设，提升干部队伍专业素养和履职能力",
	"坚持守正创新，以改革的思路和办法破解发展难题",
	"深入开展调查研究，摸清底数、找准症结，有针对性地制定工作措施",
	"坚持虚事实做、实事细做，宏观着眼、微观着手，增强工作成果的可视性、可感性",
	"跟踪新热点、掌握新趋势，研究新情况、解决新问题，推动打造发展新优势",
}

// demands are the items of 会议要求 after the first two.
var demands = []string{
	"三是要加强学习、提升能力，立足本职岗位，加强政策法律法规、业务技术知识等的学习，勤于思考、勇于创新、敢于担当。",
	"四是要掌握规律、讲求方法，注意增强工作的前瞻性、系统性、条理性，突出重点、抓住关键，以重点突破带动整体推进。",
	"五是要守牢底线、廉洁自律，严守政治纪律和政治规矩，营造风清气正的良好政治生态。",
}

// prose returns up to two sentences of prose, each with its probability.
func (g *gen) prose(p1, p2 float64) string {
	s := ""
	if g.chance(p1) {
		s = g.pick(prose) + "。"
		if g.chance(p2) {
			s += g.pick(prose) + "。"
		}
	}
	return s
}

// sameSentence returns the joiners for a run of figures: without "；" when
// a leading phrase (到2030年) governs them all.
func sameSentence(explicit bool) []string {
	if explicit {
		return []string{"，", "、"}
	}
	return []string{"，", "、", "，", "；"}
}
