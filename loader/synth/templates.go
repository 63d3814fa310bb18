package synth

// Topic groups: a paragraph of a notice talks about one of them.
const (
	topicNetwork = iota
	topicCompute
	topicApps
	topicService
	topicSecurity
	topicGovern
	topicEvents
	numTopics
)

// tmpl is one kind of indicator and the ways notices phrase it. In each
// phrasing "{n}" stands for the figure with its measure word (24.2万个,
// 95%以上, 两场).
type tmpl struct {
	metric  string   // the gold metric: a short name of what is counted
	unit    string   // the gold unit after normalisation
	mw      string   // the measure word written after the number
	uk      unitKind // count, percentage, Latin unit or rank
	topic   int
	prov    vspec    // figures in provincial notices
	local   vspec    // figures in city and county notices; zero: not used there
	ach     []string // phrasings of an achievement
	tgt     []string // phrasings of a target (plan part)
	past    []string // phrasings of a past target quoted in a review
	kind    string   // fixed kind (other, ignore); empty: by part
	scope   string   // whose figure: national for the country's; empty: the notice's own
	quals   string   // allowed qualifiers (see amountOpts); empty: default mix
	chinese bool     // small figures may be written in Chinese numerals
	full    bool     // a rate that is often exactly 100%
	from    int      // first year the figure is reported (5G-A from 2024); 0: any
	grow    bool     // the figure grows with 5G deployment: scaled down before 2023
}

// templates is the indicator template set. Phrasings avoid qualifier words
// (超, 约, 以上 …) outside "{n}" so the qualifier in the truth is the one
// rendered.
var templates = []tmpl{
	{metric: "5G基站", unit: "个", mw: "个", topic: topicNetwork, from: 2019, grow: true,
		prov: vspec{8000, 300000, 1, "万"}, local: vspec{30, 900, 0, ""},
		ach:  []string{"开通5G基站{n}", "新建5G基站{n}", "新建开通5G基站{n}", "建成并开通5G基站{n}", "全年新增5G基站{n}", "5G基站新增{n}"},
		tgt:  []string{"新建5G基站{n}", "力争全年新建5G基站{n}", "新增5G基站{n}", "建成5G基站{n}", "全年计划开通5G基站{n}"},
		past: []string{"提前完成省政府下达的新建5G基站{n}的年度任务", "完成年初确定的新建5G基站{n}的目标"}},
	{metric: "5G基站总数", unit: "个", mw: "个", topic: topicNetwork, from: 2019, grow: true,
		prov: vspec{50000, 450000, 2, "万"}, local: vspec{300, 6000, 0, ""},
		ach: []string{"累计建成5G基站{n}", "5G基站总数达到{n}", "5G基站总数达{n}", "累计开通5G基站{n}"},
		tgt: []string{"5G基站总数达到{n}", "累计建成5G基站{n}"}},
	{metric: "5G-A基站", unit: "个", mw: "个", topic: topicNetwork, from: 2024,
		prov: vspec{500, 9000, 0, ""},
		ach:  []string{"开通5G-A基站{n}", "部署5G-A基站{n}"},
		tgt:  []string{"新建5G-A基站{n}", "力争开通5G-A基站{n}"}},
	{metric: "10G PON端口", unit: "个", mw: "个", topic: topicNetwork, from: 2020, grow: true,
		prov: vspec{50000, 800000, 1, "万"}, local: vspec{500, 20000, 0, ""},
		ach: []string{"新增10G PON端口{n}", "10G PON端口达到{n}", "部署10G PON端口{n}"},
		tgt: []string{"新增10G PON端口{n}", "新建10G PON端口{n}"}},
	{metric: "千兆光网覆盖户数", unit: "户", mw: "户", topic: topicNetwork, from: 2020, grow: true,
		prov: vspec{100000, 30000000, 1, "万"},
		ach:  []string{"千兆光网覆盖{n}", "千兆光网覆盖家庭达到{n}", "千兆光网具备覆盖{n}的能力"},
		tgt:  []string{"千兆光网覆盖家庭达到{n}", "千兆光网新增覆盖{n}"}},
	{metric: "千兆宽带用户", unit: "户", mw: "户", topic: topicNetwork, from: 2020, grow: true,
		prov: vspec{100000, 10000000, 1, "万"}, local: vspec{2000, 90000, 0, ""},
		ach: []string{"千兆宽带用户达到{n}", "千兆宽带用户净增{n}", "发展千兆宽带用户{n}"},
		tgt: []string{"千兆宽带用户达到{n}", "新发展千兆宽带用户{n}"}},
	{metric: "5G移动电话用户", unit: "户", mw: "户", topic: topicNetwork, from: 2019, grow: true,
		prov: vspec{500000, 90000000, 1, "万"},
		ach:  []string{"5G移动电话用户达到{n}", "5G用户数达{n}", "5G移动电话用户净增{n}"},
		tgt:  []string{"5G用户数达到{n}"}},
	{metric: "光缆线路", unit: "公里", mw: "公里", topic: topicNetwork,
		prov: vspec{10000, 300000, 1, "万"}, local: vspec{200, 5000, 0, ""},
		ach: []string{"新建光缆线路{n}", "光缆线路总长度达到{n}", "新增光缆线路长度{n}"},
		tgt: []string{"新建光缆线路{n}"}},
	{metric: "行政村通5G比例", unit: "%", uk: ukPct, topic: topicNetwork, full: true, from: 2021,
		prov: vspec{60, 99.9, 1, ""}, local: vspec{50, 99, 0, ""}, quals: "eeeellaa",
		ach: []string{"行政村通5G比例达到{n}", "实现{n}的行政村通5G", "行政村5G通达率达{n}", "行政村覆盖率可达{n}"},
		tgt: []string{"行政村通5G比例达到{n}", "实现{n}的行政村通5G"}},
	{metric: "乡镇5G覆盖率", unit: "%", uk: ukPct, topic: topicNetwork, full: true, from: 2020,
		prov: vspec{80, 99.9, 1, ""}, quals: "eeeell",
		ach: []string{"乡镇镇区5G网络覆盖率达到{n}", "{n}的乡镇镇域实现5G覆盖"},
		tgt: []string{"乡镇镇区5G网络覆盖率达到{n}"}},
	{metric: "IPv6活跃用户占比", unit: "%", uk: ukPct, topic: topicNetwork,
		prov: vspec{55, 92, 2, ""}, quals: "eeela",
		ach: []string{"IPv6活跃用户占比达到{n}", "IPv6活跃用户数占比提升至{n}"},
		tgt: []string{"IPv6活跃用户占比达到{n}"}},
	{metric: "移动网络IPv6流量占比", unit: "%", uk: ukPct, topic: topicNetwork,
		prov: vspec{25, 75, 1, ""}, quals: "eeela",
		ach: []string{"移动网络IPv6流量占比提升至{n}", "移动网络IPv6流量占比达{n}"},
		tgt: []string{"移动网络IPv6流量占比达到{n}"}},
	{metric: "老旧小区通信改造", unit: "个", mw: "个", topic: topicNetwork,
		prov: vspec{100, 1500, 0, ""}, local: vspec{5, 80, 0, ""}, chinese: true,
		ach: []string{"完成老旧小区通信改造{n}", "完成{n}老旧小区通信设施改造"},
		tgt: []string{"完成老旧小区通信改造{n}"}},
	{metric: "涉及居民", unit: "户", mw: "户", topic: topicNetwork,
		prov: vspec{20000, 500000, 1, "万"},
		ach:  []string{"涉及居民{n}", "惠及居民{n}"}},
	{metric: "新建铁塔共享率", unit: "%", uk: ukPct, topic: topicNetwork,
		prov: vspec{80, 99, 1, ""}, quals: "eeell",
		ach: []string{"新建铁塔共享率达到{n}", "新建铁塔共享率达{n}"},
		tgt: []string{"新建铁塔共享率保持在{n}"}},
	{metric: "数据中心标准机架", unit: "架", mw: "架", topic: topicCompute,
		prov: vspec{50000, 800000, 1, "万"}, local: vspec{500, 20000, 0, ""},
		ach: []string{"数据中心标准机架达到{n}", "在用数据中心标准机架{n}", "在用标准机架总数达{n}"},
		tgt: []string{"新增数据中心标准机架{n}", "数据中心标准机架规模达到{n}"}},
	{metric: "智算规模", unit: "EFLOPS", mw: "EFLOPS", uk: ukTech, topic: topicCompute, from: 2022, grow: true,
		prov: vspec{2, 120, 1, ""}, quals: "eeeeoa",
		ach: []string{"智算规模达{n}", "智算总规模达{n}", "智能算力规模达到{n}"},
		tgt: []string{"智算总规模达{n}", "智能算力规模达到{n}"}},
	{metric: "算力总规模", unit: "EFLOPS", mw: "EFLOPS", uk: ukTech, topic: topicCompute, from: 2021, grow: true,
		prov: vspec{5, 200, 1, ""}, quals: "eeeoa",
		ach: []string{"算力总规模达到{n}", "全省算力总规模{n}"},
		tgt: []string{"算力总规模达到{n}"}},
	{metric: "5G虚拟专网", unit: "个", mw: "个", topic: topicApps, from: 2020, grow: true,
		prov: vspec{200, 8000, 0, ""}, local: vspec{5, 200, 0, ""},
		ach: []string{"新增5G虚拟专网{n}", "建成5G行业虚拟专网{n}", "5G行业虚拟专网达到{n}"},
		tgt: []string{"新增5G虚拟专网{n}", "建成5G行业虚拟专网{n}"}},
	{metric: "5G应用创新案例", unit: "个", mw: "个", topic: topicApps, chinese: true, from: 2019,
		prov: vspec{50, 2000, 0, ""}, local: vspec{3, 60, 0, ""},
		ach: []string{"培育5G应用创新案例{n}", "打造5G融合应用典型案例{n}", "培育5G融合应用案例{n}"},
		tgt: []string{"培育5G应用创新案例{n}"}},
	{metric: "5G典型应用", unit: "个", mw: "个", topic: topicApps, from: 2020, grow: true,
		prov: vspec{500, 8000, 0, ""},
		ach:  []string{"形成5G典型应用{n}", "新打造典型应用项目{n}"},
		tgt:  []string{"实现工业等重点领域5G典型应用{n}", "打造5G典型应用场景{n}"}},
	{metric: "工业互联网标识注册量", unit: "个", mw: "个", topic: topicApps, from: 2020, grow: true,
		prov: vspec{100000000, 5000000000, 2, "亿"}, quals: "eeeoa",
		ach: []string{"工业互联网标识注册量达到{n}", "工业互联网标识解析注册量{n}"},
		tgt: []string{"工业互联网标识注册量达到{n}"}},
	{metric: "全国赛获奖项目", unit: "个", mw: "个", topic: topicApps, chinese: true,
		prov: vspec{3, 60, 0, ""}, quals: "eeeoo",
		ach: []string{"全省{n}项目在全国赛获奖", "{n}项目获全国决赛奖项"}},
	{metric: "入选国家试点示范项目", unit: "个", mw: "个", topic: topicApps, chinese: true,
		prov: vspec{3, 50, 0, ""}, quals: "eeeoo",
		ach: []string{"{n}项目入选国家级试点示范", "{n}项目入围全国试点示范"}},
	{metric: "项目签约金额", unit: "元", mw: "元", topic: topicApps,
		prov: vspec{200000000, 8000000000, 1, "亿"},
		ach:  []string{"项目签约金额{n}", "带动签约金额{n}"}},
	{metric: "信息通信业固定资产投资", unit: "元", mw: "元", topic: topicGovern,
		prov: vspec{2000000000, 30000000000, 1, "亿"},
		ach:  []string{"完成信息通信业固定资产投资{n}", "行业固定资产投资完成{n}"},
		tgt:  []string{"完成信息通信业固定资产投资{n}"}},
	{metric: "电信业务收入", unit: "元", mw: "元", topic: topicGovern,
		prov: vspec{10000000000, 250000000000, 1, "亿"}, quals: "eeeeoa",
		ach: []string{"电信业务收入完成{n}", "实现电信业务收入{n}"},
		tgt: []string{"电信业务收入达到{n}"}},
	{metric: "电信业务收入增长", unit: "%", uk: ukPct, topic: topicGovern,
		prov: vspec{1, 12, 1, ""}, quals: "eeeeo",
		ach: []string{"电信业务收入同比增长{n}", "电信业务收入增速达{n}"},
		tgt: []string{"电信业务收入增长{n}"}},
	{metric: "电信业务总量增长", unit: "%", uk: ukPct, topic: topicGovern,
		prov: vspec{5, 30, 1, ""}, quals: "eeeeo",
		ach: []string{"电信业务总量同比增长{n}", "电信业务总量增速为{n}"}},
	{metric: "数字经济核心产业增加值增长", unit: "%", uk: ukPct, topic: topicGovern,
		prov: vspec{5, 20, 1, ""}, quals: "eeeo",
		ach: []string{"数字经济核心产业增加值同比增长{n}", "助力全省数字经济核心产业增长{n}"}},
	{metric: "全国排名", unit: "位次", uk: ukRank, topic: topicGovern, kind: "other",
		prov: vspec{1, 9, 0, ""},
		ach:  []string{"5G基站总数居全国第{n}位", "千兆光网建设水平位居全国第{n}", "网站备案率稳居全国第{n}位", "电信业务收入排名全国第{n}位", "5G虚拟专网数量居全国第{n}位", "移动网络质量评测排名全国第{n}"}},
	{metric: "资费公示率", unit: "%", uk: ukPct, topic: topicService, full: true,
		prov: vspec{95, 99.99, 2, ""}, quals: "eeeel",
		ach: []string{"资费公示率达{n}", "全省资费公示率达到{n}"},
		tgt: []string{"资费公示率保持在{n}"}},
	{metric: "受理用户申诉", unit: "件", mw: "件", topic: topicService,
		prov: vspec{500, 30000, 0, ""}, local: vspec{20, 900, 0, ""},
		ach: []string{"受理用户申诉{n}", "依法受理电信用户申诉{n}", "处理用户申诉{n}"}},
	{metric: "用户申诉量下降", unit: "%", uk: ukPct, topic: topicService,
		prov: vspec{3, 40, 1, ""}, quals: "eeeo",
		ach: []string{"用户申诉量同比下降{n}", "用户申诉率同比下降{n}"},
		tgt: []string{"用户申诉率下降{n}"}},
	{metric: "携号转网", unit: "人次", mw: "人次", topic: topicService,
		prov: vspec{10000, 800000, 1, "万"},
		ach:  []string{"办理携号转网{n}", "为用户办理携号转网业务{n}"}},
	{metric: "助老关爱活动", unit: "场", mw: "场", topic: topicService, chinese: true,
		prov: vspec{200, 30000, 0, ""}, local: vspec{3, 60, 0, ""},
		ach: []string{"开展助老关爱活动{n}", "组织“银龄”助老活动{n}", "开展适老化服务进社区活动{n}"}},
	{metric: "助老服务人次", unit: "人次", mw: "人次", topic: topicService,
		prov: vspec{10000, 600000, 0, "万"},
		ach:  []string{"服务老年用户{n}", "惠及老年人{n}"}},
	{metric: "爱心专席覆盖率", unit: "%", uk: ukPct, topic: topicService, full: true,
		prov: vspec{90, 99.9, 1, ""}, quals: "eeeel",
		ach: []string{"爱心专席覆盖率达到{n}", "营业厅爱心专席覆盖率达{n}"}},
	{metric: "适老化改造网站和APP", unit: "个", mw: "个", topic: topicService,
		prov: vspec{20, 600, 0, ""},
		ach:  []string{"推动{n}网站和APP完成适老化改造", "完成{n}网站和APP适老化改造"},
		tgt:  []string{"推动{n}网站和APP完成适老化改造"}},
	{metric: "处置涉诈号码", unit: "个", mw: "个", topic: topicSecurity,
		prov: vspec{10000, 2000000, 1, "万"},
		ach:  []string{"处置涉诈号码{n}", "关停涉诈号码{n}"}},
	{metric: "涉诈电话卡", unit: "张", mw: "张", topic: topicSecurity,
		prov: vspec{10000, 1000000, 1, "万"},
		ach:  []string{"关停涉诈电话卡{n}", "清理涉诈高风险电话卡{n}"}},
	{metric: "拦截诈骗电话", unit: "次", mw: "次", topic: topicSecurity,
		prov: vspec{100000, 50000000, 1, "万"},
		ach:  []string{"拦截涉诈电话{n}", "累计拦截诈骗电话{n}"}},
	{metric: "反诈预警短信", unit: "条", mw: "条", topic: topicSecurity,
		prov: vspec{100000, 90000000, 1, "万"},
		ach:  []string{"发送反诈预警短信{n}", "推送预警提示短信{n}"}},
	{metric: "APP检测", unit: "款", mw: "款", topic: topicSecurity,
		prov: vspec{5000, 50000, 2, "万"},
		ach:  []string{"对{n}APP开展检测", "检测APP{n}", "完成{n}APP技术检测"},
		tgt:  []string{"完成{n}APP技术检测"}},
	{metric: "违规APP处置率", unit: "%", uk: ukPct, topic: topicSecurity, full: true,
		prov: vspec{95, 99.9, 1, ""}, quals: "eeeel",
		ach: []string{"违规APP及时处置率达到{n}", "问题APP整改率达{n}"}},
	{metric: "信息通信保障任务", unit: "次", mw: "次", topic: topicSecurity, chinese: true,
		prov: vspec{5, 80, 0, ""}, local: vspec{2, 20, 0, ""},
		ach: []string{"完成{n}重大活动通信保障任务", "圆满完成{n}信息通信保障任务", "完成重要通信保障任务{n}"}},
	{metric: "应急保障人员", unit: "人次", mw: "人次", topic: topicSecurity,
		prov: vspec{1000, 90000, 0, ""},
		ach:  []string{"出动应急保障人员{n}", "累计出动抢修人员{n}"}},
	{metric: "网络安全漏洞", unit: "个", mw: "个", topic: topicSecurity,
		prov: vspec{200, 20000, 0, ""},
		ach:  []string{"通报处置网络安全漏洞{n}", "督促整改网络安全漏洞{n}"}},
	{metric: "增值电信业务经营许可证", unit: "张", mw: "张", topic: topicGovern,
		prov: vspec{100, 3000, 0, ""},
		ach:  []string{"核发增值电信业务经营许可证{n}", "新核发增值电信业务经营许可证{n}"}},
	{metric: "网站备案", unit: "个", mw: "个", topic: topicGovern,
		prov: vspec{10000, 400000, 1, "万"},
		ach:  []string{"完成网站备案{n}", "办理网站备案{n}"}},
	{metric: "审批时限压缩", unit: "%", uk: ukPct, topic: topicGovern,
		prov: vspec{20, 60, 0, ""}, quals: "eerrrla",
		ach: []string{"压缩行政审批事项办理时限{n}", "审批办理时限压缩{n}"},
		tgt: []string{"审批办理时限再压缩{n}"}},
	{metric: "违法违规案件", unit: "件", mw: "件", topic: topicGovern, chinese: true,
		prov: vspec{20, 900, 0, ""}, local: vspec{2, 40, 0, ""},
		ach: []string{"查处违法违规案件{n}", "依法查处电信违法案件{n}"}},
	{metric: "检查企业", unit: "家", mw: "家", topic: topicGovern,
		prov: vspec{30, 2000, 0, ""}, local: vspec{5, 90, 0, ""},
		ach: []string{"检查企业{n}", "对{n}企业开展个人信息保护检查"}},
	{metric: "联合整治工作", unit: "项", mw: "项", topic: topicGovern, chinese: true,
		prov: vspec{5, 60, 0, ""},
		ach:  []string{"配合开展{n}联合整治工作", "牵头开展专项整治{n}"}},
	{metric: "工作现场会", unit: "场", mw: "场", topic: topicEvents, kind: "other", chinese: true,
		prov: vspec{2, 8, 0, ""}, local: vspec{2, 5, 0, ""}, quals: "eeeeo",
		ach: []string{"召开“5G+工业互联网”工作现场会{n}", "举办现场推进会{n}"}},
	{metric: "专题培训", unit: "期", mw: "期", topic: topicEvents, kind: "other", chinese: true,
		prov: vspec{2, 30, 0, ""}, local: vspec{2, 12, 0, ""}, quals: "eeeeo",
		ach: []string{"举办专题培训{n}", "组织开展业务培训{n}"}},
	{metric: "调研活动", unit: "次", mw: "次", topic: topicEvents, kind: "other", chinese: true,
		prov: vspec{3, 40, 0, ""}, local: vspec{3, 20, 0, ""}, quals: "eeeoo",
		ach: []string{"开展调研活动{n}", "深入基层调研{n}"}},
	{metric: "专题会议", unit: "次", mw: "次", topic: topicEvents, kind: "other", chinese: true,
		prov: vspec{2, 20, 0, ""}, local: vspec{2, 12, 0, ""}, quals: "eeeo",
		ach: []string{"召开专题会议{n}", "组织专题学习{n}"}},
	{metric: "全国5G基站总数", unit: "个", mw: "个", topic: topicNetwork, kind: "achievement", scope: "national", from: 2019, grow: true,
		prov: vspec{1000000, 4800000, 1, "万"}, quals: "eeeo",
		ach: []string{"同期全国5G基站总数达到{n}", "全国累计建成5G基站{n}"}},
	{metric: "千兆宽带用户增长倍数", unit: "倍", mw: "倍", topic: topicNetwork, from: 2021,
		prov: vspec{1.2, 5, 1, ""}, quals: "eeeo",
		ach: []string{"千兆宽带用户数较上年增长{n}", "千兆宽带用户规模增长{n}"}},
	{metric: "数字经济规模", unit: "元", mw: "元", topic: topicGovern,
		prov: vspec{1000000000000, 6000000000000, 1, "万亿"}, quals: "eeeoa",
		ach: []string{"数字经济总量达到{n}", "数字经济规模达{n}"},
		tgt: []string{"数字经济规模达到{n}"}},
	{metric: "全国试点城市", unit: "个", mw: "个", topic: topicApps, kind: "achievement", scope: "national",
		prov: vspec{8, 30, 0, ""}, quals: "e",
		ach: []string{"进入全国{n}融合应用试点城市行列", "入选全国{n}“千兆城市”试点"}},
}

// ignoreTmpl is a borderline count the gold marks ignore.
var ignoreTmpl = tmpl{metric: "交流发言人数", unit: "名", mw: "名", topic: topicEvents, kind: "ignore", chinese: true,
	prov: vspec{3, 9, 0, ""}, quals: "e",
	ach: []string{"{n}同志代表先进集体和个人作了交流发言", "{n}同志作交流发言"}}

// byTopic indexes templates by topic, for provincial and local notices.
var byTopic, byTopicLocal = func() (p, l [numTopics][]int) {
	for i, t := range templates {
		p[t.topic] = append(p[t.topic], i)
		if t.local.hi > 0 {
			l[t.topic] = append(l[t.topic], i)
		}
	}
	return p, l
}()
