package synth

import (
	"fmt"
	"strings"
	"time"
)

// conference writes a work-conference report: 召开Y年工作会议, a review of
// Y-1 (会议指出) and a plan for Y (会议强调, 会议要求).
func (g *gen) conference() {
	y := g.year
	g.truth.DocType = typeConference
	g.truth.ReviewedYear, g.truth.PlanYear = y-1, y
	issuer := g.truth.Issuer
	if g.level == levelProvince {
		g.truth.Title = g.pick([]string{
			fmt.Sprintf("%s召开%d年工作会议", issuer, y),
			fmt.Sprintf("%s管局召开%d年工作会议", g.prov.Short, y),
			fmt.Sprintf("%s%d年工作会议召开", issuer, y),
			fmt.Sprintf("%s召开%d年全面从严治党暨业务工作会议", issuer, y),
		})
	} else {
		g.truth.Title = g.pick([]string{
			fmt.Sprintf("%s召开%d年工作会议", issuer, y),
			fmt.Sprintf("%s召开%d年全市工业和信息化工作会议", issuer, y),
		})
	}
	meet := g.date(y, 1, 3)
	g.pubTime = meet
	g.dateLine = true
	if g.chance(0.3) {
		g.dateLine = false // the year comes from the title, the day from the first line
	} else if g.chance(0.4) {
		g.pubTime = meet.AddDate(0, 0, 1)
	}
	g.source = issuer

	chief := g.person()
	g.paras = append(g.paras, fmt.Sprintf("%s%s，%s召开%d年工作会议，%s。局党组书记、局长%s%s，%s参加会议。",
		mdText(meet), g.pick([]string{"", "上午", "下午"}), issuer, y,
		g.pick([]string{
			fmt.Sprintf("回顾总结%d年工作情况，安排部署%d年重点任务", y-1, y),
			fmt.Sprintf("总结%d年工作，分析面临的形势，部署%d年工作", y-1, y),
		}),
		chief, g.pick([]string{"主持会议并讲话", "出席会议并讲话"}),
		g.pick([]string{"局领导班子成员、各处室主要负责同志、全局干部职工", "全局党员干部职工"})))
	if g.chance(0.4) {
		g.paras = append(g.paras, fmt.Sprintf("会议传达了省政府领导有关批示要求，各处室主要负责同志汇报了%d年工作打算。", y))
	}

	// Review of y-1.
	var rb strings.Builder
	switch g.intn(3) {
	case 0:
		fmt.Fprintf(&rb, "会议指出，%d年，全局上下深入落实党中央决策部署和部省工作安排，%s，%s。", y-1, g.pick(fillers[topicApps]), g.pick(closers))
	case 1:
		rb.WriteString("会议指出，一年来，在工业和信息化部党组的坚强领导下，全局上下紧密团结、锐意进取，" + g.pick(closers) + "。")
	default:
		fmt.Fprintf(&rb, "会议认为，%d年%s信息通信业发展取得新成效，%s。", y-1, g.scope(), g.pick(closers))
	}
	style := g.intn(2)
	together := g.chance(0.5) // points run on in one paragraph, as in many reports
	no := 0
	points := []string{}
	if g.chance(0.5) {
		head := "全面从严治党纵深推进。"
		if style == 0 {
			head = ordinals[no] + "是" + head
		}
		points = append(points, head+g.pick(partyFillers)+"，"+g.pick(partyFillers)+"。")
		no++
	}
	for _, t := range g.topicOrder(3 + g.intn(3)) {
		points = append(points, g.reviewPoint(no, t, 1+g.intn(3), y-1, style))
		no++
	}
	if together {
		rb.WriteString(strings.Join(points, ""))
		g.paras = append(g.paras, rb.String())
	} else {
		g.paras = append(g.paras, rb.String())
		g.paras = append(g.paras, points...)
	}

	// Plan for y.
	g.paras = append(g.paras, fmt.Sprintf("会议%s，%d年是%s。全局上下要坚持以习近平新时代中国特色社会主义思想为指导，%s，推动行业高质量发展。",
		g.pick([]string{"强调", "要求", "明确"}), y, yearPhrase(y), g.pick(fillers[topicGovern]))+g.prose(0.9, 0.7))
	pstyle := g.intn(3)
	for i, t := range g.topicOrder(2 + g.intn(4)) {
		g.paras = append(g.paras, g.planPoint(i, t, g.intn(3), y, pstyle))
	}
	g.paras = append(g.paras, "会议要求，全局党员干部要再接再厉、攻坚克难、勇毅前行。一是要提高站位、胸怀全局，"+
		g.pick(partyFillers)+"。二是要改进作风、狠抓落实，以一往无前的闯劲、一抓到底的拼劲推动各项工作落地见效。"+
		strings.Join(demands[:g.intn(len(demands)+1)], ""))
	if g.chance(0.4) {
		s := fmt.Sprintf("会议通报表彰了%d年度先进集体和先进个人。", y-1)
		if g.chance(0.5) {
			s += g.figureOf(&ignoreTmpl, partReview, y) + "。"
		}
		g.paras = append(g.paras, s)
	}
}

// workPoints writes 工作要点 for year Y with a short review of Y-1.
func (g *gen) workPoints() {
	y := g.year
	g.truth.DocType = typeWorkPoints
	g.truth.ReviewedYear, g.truth.PlanYear = y-1, y
	issuer := g.truth.Issuer
	area := g.prov.Full
	if g.level == levelCity {
		area = g.loc.CityShort
	}
	g.truth.Title = g.pick([]string{
		fmt.Sprintf("%s%d年工作要点", issuer, y),
		fmt.Sprintf("%s%d年信息通信业工作要点", area, y),
	})
	g.pubTime = g.date(y, 1, 3)
	g.source = issuer
	g.dateLine = g.chance(0.6)

	g.paras = append(g.paras, fmt.Sprintf("为深入贯彻落实党中央、国务院决策部署，扎实做好%d年%s信息通信业各项工作，%s研究制定了本工作要点。", y, g.scope(), issuer))
	ts := g.topicOrder(2)
	g.paras = append(g.paras, fmt.Sprintf("%d年，%s信息通信业%s，%s。%s，%s。",
		y-1, g.scope(), g.pick(fillers[ts[0]]), g.figuresOr(ts[0], 1+g.intn(3), partReview, y-1),
		g.pick(fillers[ts[1]]), g.figuresOr(ts[1], 1+g.intn(2), partReview, y-1)))
	g.paras = append(g.paras, fmt.Sprintf("%d年%s信息通信业工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，%s，推动行业高质量发展。",
		y, g.scope(), g.distractor(y)))
	if g.chance(0.7) {
		var goals []string
		for _, t := range g.topicOrder(2) {
			if f := g.figures(t, 1+g.intn(2), partPlan, y); f != "" {
				goals = append(goals, f)
			}
		}
		if len(goals) > 0 {
			g.paras = append(g.paras, "主要预期目标是："+strings.Join(goals, "，")+"。")
		}
	}
	for i, t := range g.topicOrder(3 + g.intn(3)) {
		g.paras = append(g.paras, ordinals[i]+"、"+g.pick(planHeads[t]))
		fs := append([]string(nil), fillers[t]...)
		g.r.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
		for j := range min(1+g.intn(3), len(fs)-1) {
			var b strings.Builder
			fmt.Fprintf(&b, "（%s）%s。%s", ordinals[j], fs[j], g.pick(subFillers))
			if k := g.intn(3); k > 0 {
				year, explicit := y, g.chance(0.15)
				if explicit {
					year = g.horizon(y)
				}
				if f := g.figuresJoined(t, k, partPlan, year, sameSentence(explicit)); f != "" {
					b.WriteString(g.lead(f, year, explicit) + f)
				}
			}
			b.WriteString("。")
			g.paras = append(g.paras, b.String())
		}
	}
	if !g.dateLine || g.chance(0.5) {
		g.tail = []string{issuer, ymdText(g.pubTime)}
	}
}

// inspection writes a county bureau's report on rectification after a
// 巡察 (inspection tour): progress so far, and plans without a plan year.
func (g *gen) inspection() {
	y := g.year
	g.truth.DocType = typeInspection
	g.truth.ReviewedYear = y
	county := g.loc.County
	committee := g.pick([]string{"市委", "县委"})
	if strings.HasSuffix(g.loc.City, "自治州") || strings.HasSuffix(g.loc.CityShort, "州") {
		committee = g.pick([]string{"州委", "县委"})
	}
	term := g.pick([]string{"十", "十一", "十二", "十三", "十四"})
	round := chineseInt(1+g.intn(4), false)
	g.truth.Title = fmt.Sprintf("%s工业和信息化局党组关于%s届%s第%s轮巡察整改进展情况的通报", county, term, committee, round)
	start := g.date(y, 2, 4)
	end := start.AddDate(0, 0, 30+g.intn(30))
	feedback := end.AddDate(0, 0, 20+g.intn(30))
	g.pubTime = feedback.AddDate(0, 0, 60+g.intn(60))
	if last := time.Date(y, 12, 28, 10, 0, 0, 0, time.UTC); g.pubTime.After(last) {
		g.pubTime = last
	}
	g.site = county + "纪委监委网站"
	g.source = g.site
	g.dateLine = true
	g.format = "txt"
	if g.chance(0.25) {
		g.format = "html"
	}

	field := g.pick([]string{"5G建设及推广应用领域", "信息化建设领域", "数字经济发展领域"})
	g.paras = append(g.paras,
		fmt.Sprintf("根据%s统一部署，%s至%s，%s第%s轮巡察专项巡察组对%s%s开展了巡察。%s，%s巡察组反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。",
			committee, ymdText(start), mdText(end), committee, round, county, field, mdText(feedback), committee),
		"一、整改工作基本情况",
		"对照"+committee+"专项巡察组反馈的意见和整改工作要求，局党组高度重视，提升政治站位，将整改工作作为一项严肃的政治任务来抓。",
		"（一）统一思想认识。按照“坚持问题导向、突出整改落实、推动各项工作、完善制度机制”的原则，直面问题，剖析原因，查找症结，全面推进整改落实。",
		"（二）加强组织领导。迅速成立以分管副县长为组长、局党组书记为副组长的整改落实工作领导小组，领导小组办公室设在县工信局。",
		"二、反馈意见整改进展情况")
	problems := []string{
		"学习贯彻习近平总书记关于网络强国重要思想不到位", "推动5G应用场景建设进展缓慢", "统筹推进5G产业工作存在盲区",
		"在优化5G发展环境方面力度需进一步加大", "公共资源免费开放执行不到位", "政策宣传方面还需进一步提高",
		"牵头部门主动作为不够", "部分项目未按要求年内启动",
	}
	topics := []int{topicNetwork, topicApps, topicService, topicGovern, topicCompute}
	for s := range 2 + g.intn(2) {
		g.paras = append(g.paras, fmt.Sprintf("（%s）关于%s问题", ordinals[s], g.pick(problems)))
		for k := range 1 + g.intn(3) {
			g.paras = append(g.paras, fmt.Sprintf("%d.针对“%s”问题", k+1, g.pick(problems)))
			var b strings.Builder
			b.WriteString("整改进展情况：")
			b.WriteString(g.prose(0.6, 0.3))
			b.WriteString(g.pick(fillers[topicEvents]))
			t := topics[g.intn(len(topics))]
			if g.chance(0.75) {
				if f := g.figures(t, 1+g.intn(2), partReview, y); f != "" {
					b.WriteString("，" + f)
				}
			}
			b.WriteString("。")
			if g.chance(0.4) {
				if f := g.figures(topicEvents, 1, partReview, y); f != "" {
					fmt.Fprintf(&b, "%d月份%s。", 5+g.intn(4), f)
				}
			}
			if g.chance(0.1) {
				fmt.Fprintf(&b, "印发《%s推进5G建设及应用实施方案》（%s字〔%d〕%d号）。", county, county[:3], y, 10+g.intn(150))
			}
			g.paras = append(g.paras, b.String())
		}
	}
	g.paras = append(g.paras, "三、今后整改工作打算",
		"（一）加强政策学习研究推进5G产业发展。深入研究学习国家、省、市5G建设的相关政策，有效引导产业健康发展。")
	p := "（二）推动5G行业应用快速发展。打造行业领先的5G应用样板"
	if g.chance(0.3) {
		year := y + g.intn(2)
		if f := g.figures(topicNetwork, 1, partPlan, year); f != "" {
			p += fmt.Sprintf("，力争到%d年底%s", year, f)
		}
	}
	g.paras = append(g.paras, p+"。",
		fmt.Sprintf("欢迎广大干部群众对巡察整改情况进行监督。如有意见建议，请及时向我们反映。联系方式：%s-%07d；邮政地址：%s%s%d号；电子邮箱：%s@163.com",
			g.loc.Area, 2000000+g.intn(7000000), county, g.pick([]string{"人民路", "行政中心", "博城二路", "新华路", "政府街"}), 1+g.intn(499),
			g.pick([]string{"gxj", "gxjxxh", "xgxj", "gyxxh"})+fmt.Sprint(100+g.intn(900))))
	g.tail = []string{"中共" + county + "工业和信息化局党组", ymdText(g.pubTime.AddDate(0, 0, -g.intn(2)))}
}

var slogans = []string{
	"以新发展理念走好高质量发展新路子",
	"奋力谱写信息通信业高质量发展新篇章",
	"加快建设网络强省 赋能数字经济发展",
	"坚持系统观念 推动行业现代化",
	"以高水平安全护航高质量发展",
	"扎实推进新型工业化 筑牢数字经济底座",
	"守正创新 勇毅前行 推动信息通信业再上新台阶",
	"聚力“双千兆” 赋能千行百业",
}

var articleHeads = [][2]string{
	{"融入大局", "推动行业生态持续向好"},
	{"数字赋能", "做大做强数字经济"},
	{"监管转型", "提升信息通信服务能力"},
	{"安全发展", "服务社会治理现代化"},
	{"网络强基", "夯实数字底座"},
	{"为民服务", "增强人民群众获得感"},
}

// article writes a signed article by the head of a communications
// administration, reviewing Y-1 and usually setting out Y.
func (g *gen) article() {
	y := g.year
	g.truth.DocType = typeArticle
	g.truth.ReviewedYear = y - 1
	issuer := g.truth.Issuer
	g.truth.Title = g.pick(slogans)
	g.pubTime = g.date(y, 1, 4)
	g.format = g.pickFormat(40, 40)
	g.source = "人民邮电报"
	g.dateLine = true
	name := g.person()
	if g.chance(0.5) {
		g.byline = issuer + "党组书记、局长  " + name
	} else {
		g.tail = append(g.tail, "（作者系"+issuer+"党组书记、局长"+name+"）")
	}
	if g.chance(0.5) {
		g.paras = append(g.paras, fmt.Sprintf("近日，%s党组书记、局长%s在《人民邮电报》发表署名文章。全文如下：", issuer, name))
	}
	g.paras = append(g.paras, fmt.Sprintf("%d年以来，%s认真贯彻落实习近平总书记关于网络强国的重要思想，%s，以行业监管创新推动数字经济发展。",
		y-1, issuer, g.distractor(y-1)))
	heads := append([][2]string(nil), articleHeads...)
	g.r.Shuffle(len(heads), func(i, j int) { heads[i], heads[j] = heads[j], heads[i] })
	for i, t := range g.topicOrder(3 + g.intn(3)) {
		h := heads[i%len(heads)]
		var b strings.Builder
		fmt.Fprintf(&b, "聚焦%s，%s。", h[0], h[1])
		b.WriteString(g.prose(0.8, 0.4))
		b.WriteString(g.pick(fillers[t]))
		if f := g.figures(t, g.intn(4), partReview, y-1); f != "" {
			b.WriteString("，" + f)
		}
		b.WriteString("。")
		if g.chance(0.4) {
			b.WriteString(g.distractor(y-1) + "。")
		}
		g.paras = append(g.paras, b.String())
	}
	if g.chance(0.8) {
		g.truth.PlanYear = y
		g.paras = append(g.paras, fmt.Sprintf("%d年是%s，%s将继续坚持以习近平新时代中国特色社会主义思想为指导，增强信息通信服务供给能力，助力%s高质量发展。",
			y, yearPhrase(y), issuer, g.prov.Short))
		roles := []string{"新一轮数字经济发展的使能者", "信息化和工业化深度融合的推动者", "市场秩序和用户权益的维护者", "国家治理和社会管理的支撑者", "地方经济社会发展的服务者"}
		for i, t := range g.topicOrder(2 + g.intn(3)) {
			var b strings.Builder
			fmt.Fprintf(&b, "争做%s。%s", roles[i%len(roles)], g.pick(fillers[t]))
			if f := g.figures(t, g.intn(3), partPlan, y); f != "" {
				b.WriteString("，" + f)
			}
			b.WriteString("。")
			g.paras = append(g.paras, b.String())
		}
	}
	g.tail = append(g.tail, "（文章来源：人民邮电报）")
}

// news writes a news item: progress figures as of a month of Y, a meeting
// or a campaign, often with no figures at all.
func (g *gen) news() {
	y := g.year
	g.truth.DocType = typeNews
	g.truth.ReviewedYear = y
	issuer := g.truth.Issuer
	name := g.localName()
	g.source = issuer
	g.dateLine = true
	kind := g.intn(3)
	if g.level != levelProvince {
		kind = g.intn(2) // regional contests are provincial news
	}
	switch kind {
	case 0:
		periods := []struct {
			name  string
			month int
		}{{"一季度", 3}, {"上半年", 6}, {"前三季度", 9}, {"1—10月", 10}, {"1—11月", 11}}
		p := periods[g.intn(len(periods))]
		g.truth.Title = fmt.Sprintf("%s%s信息通信业发展情况", name, p.name)
		g.pubTime = g.date(y, p.month+1, p.month+1)
		ts := g.topicOrder(3)
		g.paras = append(g.paras, fmt.Sprintf("近日，记者从%s获悉，截至%d年%d月底，%s%s。",
			issuer, y, p.month, g.scope(), g.figuresOr(ts[0], 2+g.intn(2), partReview, y)))
		g.paras = append(g.paras, g.pick(fillers[ts[1]])+"，"+g.figuresOr(ts[1], 1+g.intn(2), partReview, y)+"。")
		if g.level == levelProvince && g.chance(0.4) {
			g.paras = append(g.paras, g.pick(fillers[ts[2]])+"，"+g.figuresOr(topicGovern, 1, partReview, y)+"。")
		}
		if s := g.prose(0.7, 0.5); s != "" {
			g.paras = append(g.paras, "据了解，"+issuer+s)
		}
		g.paras = append(g.paras, "下一步，"+issuer+"将"+g.pick(fillers[ts[2]])+"，"+g.distractor(y)+"。")
	case 1:
		what := g.pick([]string{"5G网络建设", "防范治理电信网络诈骗工作", "信息通信服务质量提升", "网络安全和数据安全工作"})
		g.truth.Title = fmt.Sprintf("%s召开%s推进会", issuer, what)
		g.pubTime = g.date(y, 2, 12)
		g.paras = append(g.paras, fmt.Sprintf("%s，%s召开%s推进会，%s。%s，%s。",
			mdText(g.pubTime.AddDate(0, 0, -g.intn(2))), issuer, what, g.pick(fillers[topicEvents]), g.pick(partyFillers), g.distractor(y)))
		if g.chance(0.4) {
			t := g.topicOrder(1)[0]
			g.paras = append(g.paras, "会议指出，今年以来，"+g.pick(fillers[t])+"，"+g.figuresOr(t, 1, partReview, y)+"。")
		}
		g.paras = append(g.paras, "会议要求，各单位要"+g.pick(fillers[topicGovern])+"，"+g.pick(fillers[topicService])+"，确保各项任务落地见效。")
	default:
		ed := y - 2017
		g.truth.Title = fmt.Sprintf("第%s届“绽放杯”5G应用征集大赛%s区域赛启动", chineseInt(max(ed, 1), false), g.prov.Short)
		g.pubTime = g.date(y, 4, 8)
		g.paras = append(g.paras, fmt.Sprintf("%s，第%s届“绽放杯”5G应用征集大赛%s区域赛在%s启动。%s，%s。",
			mdText(g.pubTime.AddDate(0, 0, -1)), chineseInt(max(ed, 1), false), g.prov.Short, g.prov.Capital, g.pick(fillers[topicApps]), g.distractor(y)))
		g.paras = append(g.paras, "本次大赛由"+issuer+"指导，面向"+g.scope()+"征集5G融合应用项目。")
		if g.chance(0.5) {
			g.paras = append(g.paras, "据介绍，"+g.pick(fillers[topicApps])+"，"+g.figuresOr(topicApps, 1, partReview, y)+"。")
		}
	}
}

// subFillers are the general sentences under a heading of 工作要点.
var subFillers = []string{
	"加强统筹协调，细化工作举措",
	"压实企业主体责任，强化督促检查",
	"完善工作机制，形成工作合力",
	"坚持问题导向，抓好任务落实",
	"强化部门协同，推动政策落地见效",
}
