package meta

import (
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/source"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2022-10-21", "2022-10-21"},
		{"发布时间:2026-02-12 17:29", "2026-02-12"},
		{"2022年10月20日", "2022-10-20"},
		{"2022 年 1 月 5 日", "2022-01-05"},
		{"2022/1/5", "2022-01-05"},
		{"2022.01.27", "2022-01-27"},
		{"来源:《中国网信》2022年第3期  2022-06-10 19:16:59", "2022-06-10"},
		{"二〇二二年十月二十日", "2022-10-20"},
		{"二○二三年一月九日", "2023-01-09"},
		{"二〇二四年十二月三十一日", "2024-12-31"},
		{"二〇二四年十三月一日", ""},
		{"2022-02-30", ""},
		{"2022年第3期", ""},
		{"1月22日", ""},
		{"0543-2395991", ""},
	}
	for _, tt := range tests {
		got := ""
		if d, ok := ParseDate(tt.in); ok {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDateInPath(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"https://www.hunan.gov.cn/hnyw/bmdt/202308/t20230815_29446311.html", "2023-08-15"},
		{"http://example.cn/news/2023/06/15/art_1.html", "2023-06-15"},
		{"http://example.cn/art/2025/1/23/art_1.html", "2025-01-23"},
		{"2023-03-15_neimenggu.txt", "2023-03-15"},
		{"20240102-notice.md", "2024-01-02"},
		{"http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201272263633773", ""},
		{"000_19a9d0be758cd336.txt", ""},
		{"notice_12345678.txt", ""},
	}
	for _, tt := range tests {
		got := ""
		if d, ok := dateInPath(tt.in); ok {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("dateInPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindOrgs(t *testing.T) {
	g := gazetteer.Default()
	tests := []struct {
		text, name, province, city, county string
	}{
		{"山东管局召开2025年工作会议", "山东省通信管理局", "山东省", "", ""},
		{"山东省通信管理局召开", "山东省通信管理局", "山东省", "", ""},
		{"广西管局部署", "广西壮族自治区通信管理局", "广西壮族自治区", "", ""},
		{"近日,山东省委书记李干杰在", "山东省委", "山东省", "", ""},
		{"博兴县工业和信息化局党组关于", "博兴县工业和信息化局", "山东省", "滨州市", "博兴县"},
		{"化州市工业和信息化局", "化州市工业和信息化局", "广东省", "茂名市", "化州市"},
		{"黔东南州工业和信息化局", "黔东南苗族侗族自治州工业和信息化局", "贵州省", "黔东南苗族侗族自治州", ""},
		{"滨州市人民政府办公室印发", "滨州市人民政府办公室", "山东省", "滨州市", ""},
		{"重庆市通信管理局", "重庆市通信管理局", "重庆市", "", ""},
		// Short department names are spelled out.
		{"利川市经信局召开", "利川市经济和信息化局", "湖北省", "恩施土家族苗族自治州", "利川市"},
		{"合肥市工信局", "合肥市工业和信息化局", "安徽省", "合肥市", ""},
		{"内蒙古通信管理局", "内蒙古自治区通信管理局", "内蒙古自治区", "", ""},
		{"浙江省经济和信息化厅", "浙江省经济和信息化厅", "浙江省", "", ""},
		{"贵州省大数据发展管理局", "贵州省大数据发展管理局", "贵州省", "", ""},
		{"浙江省省长在《求是》发表署名文章", "浙江省人民政府", "浙江省", "", ""},
		{"山东省委网信办", "山东省委网信办", "山东省", "", ""},
	}
	for _, tt := range tests {
		orgs := testLex.findOrgs(tt.text, g)
		if len(orgs) == 0 {
			t.Errorf("testLex.findOrgs(%q): none", tt.text)
			continue
		}
		o := orgs[0]
		if o.Name != tt.name || o.Place.Province != tt.province || o.Place.City != tt.city || o.Place.County != tt.county {
			t.Errorf("testLex.findOrgs(%q) = %s %+v, want %s %s/%s/%s", tt.text, o.Name, o.Place, tt.name, tt.province, tt.city, tt.county)
		}
	}
	for _, text := range []string{
		"青岛成为北方唯一获批增设城市", // a place, no organisation
		"博兴工业和信息化局",      // county short names are not trusted
		"山东省委托第三方机构开展评估", // 委托 is not 省委
		"工业和信息化部召开会议",    // national, no place
	} {
		if orgs := testLex.findOrgs(text, g); len(orgs) != 0 {
			t.Errorf("testLex.findOrgs(%q) = %+v, want none", text, orgs)
		}
	}
	if o, ok := testLex.orgOfLine("中共博兴县工业和信息化局党组", g); !ok || o.Name != "博兴县工业和信息化局" {
		t.Errorf("signature: %+v %v", o, ok)
	}
	if _, ok := testLex.orgOfLine("欢迎广大干部群众对巡察整改情况进行监督,博兴县工业和信息化局", g); ok {
		t.Error("a sentence is not a signature")
	}
}

func doc(title, text string, byline ...string) *source.Document {
	return &source.Document{Title: title, Text: text, Byline: byline, Front: map[string]string{}}
}

func TestIssuerDecidesPlace(t *testing.T) {
	tests := []struct {
		name                                  string
		d                                     *source.Document
		issuer, province, city, county, level string
	}{
		{"city named first, provincial issuer",
			doc("杭州亚运会通信保障工作总结会召开", "近日,杭州亚运会通信保障工作总结会召开。浙江省通信管理局对杭州、宁波、温州等地的保障工作进行了总结。"),
			"浙江省通信管理局", "浙江省", "", "", "province"},
		{"county issuer in the signature",
			doc("关于5G建设情况的通报", "为推进青岛、济南等地经验在我县推广,现将有关情况通报如下。\n全县新建5G基站100个。\n中共博兴县工业和信息化局党组\n2022年10月20日"),
			"博兴县工业和信息化局", "山东省", "滨州市", "博兴县", "county"},
		{"municipality district",
			doc("东城区人民政府关于推进数字经济发展的意见", "为推进首都数字经济发展,现提出如下意见。"),
			"东城区人民政府", "北京市", "北京市", "东城区", "county"},
		{"no issuer: the province named most",
			doc("全省5G应用大会召开", "大会在济南召开。山东省各地市代表参加。山东5G基站总数居全国前列,山东将继续推进。"),
			"unknown", "山东省", "", "", "province"},
		{"nothing to go on",
			doc("会议召开", "会议强调要抓好落实。"),
			"unknown", "unknown", "", "", "unknown"},
	}
	for _, tt := range tests {
		m := Infer(tt.d, "x.txt", nil)
		if m.Issuer != tt.issuer || m.Province != tt.province || m.City != tt.city || m.County != tt.county || m.Level != tt.level {
			t.Errorf("%s: got %s %s/%s/%s %s, want %s %s/%s/%s %s", tt.name, m.Issuer, m.Province, m.City, m.County, m.Level,
				tt.issuer, tt.province, tt.city, tt.county, tt.level)
		}
	}
	m := Infer(doc("会议召开", "会议强调要抓好落实。"), "x.txt", nil)
	if !strings.Contains(strings.Join(m.Warnings, ";"), "province unknown") {
		t.Errorf("warnings %q lack province unknown", m.Warnings)
	}
}

func TestYears(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	tests := []struct {
		name      string
		d         *source.Document
		published string
		rev, plan int
		docType   string
	}{
		{"conference in the title", doc("山东管局召开2025年工作会议", "1月22日下午,山东省通信管理局召开2025年工作会议。"), "", 2024, 2025, TypeConference},
		{"explicit review and plan", doc("浙江省通信管理局召开工作会议", "2月11日,浙江省通信管理局召开工作会议,总结2025年工作,部署2026年工作。", "发布时间:2026-02-12"), "2026-02-12", 2025, 2026, TypeConference},
		{"rectification reviews its own year", doc("某县工业和信息化局党组关于巡察整改进展情况的通报", "根据市委统一部署,现将整改进展情况予以公布。\n下一步将持续整改。", "发布时间:2022-10-21"), "2022-10-21", 2022, 0, TypeRectification},
		{"signed article reviews the year before", doc("李某某:奋力开创新局面", "近日,某省委书记李某某发表署名文章。\n2021年,全省信息技术产业规模突破万亿元。我们将继续努力。", "2022-06-10 19:16:59"), "2022-06-10", 2021, 2022, TypeSigned},
		{"news late in the year naming next year", doc("某省通信管理局召开座谈会", "今年以来,全省新建5G基站1万个。2024年将继续推进网络建设,部署2024年重点任务。", "发布时间:2023-12-20"), "2023-12-20", 2023, 2024, TypeNews},
		{"conference without a year", doc("江苏省通信管理局召开全省信息通信行业工作会议", "1月25日,江苏省通信管理局召开全省信息通信行业工作会议。会议要求,今年要加快网络建设。", "发布时间:2024-01-26"), "2024-01-26", 2023, 2024, TypeConference},
		{"December conference without a year", doc("某省通信管理局召开全省信息通信行业工作会议", "12月28日,某省通信管理局召开全省信息通信行业工作会议。", "发布时间:2023-12-29"), "2023-12-29", 2023, 2024, TypeConference},
		{"key points plan their year", doc("广东省通信管理局2023年工作要点", "2023年是开局之年。"), "", 0, 2023, TypeKeyPoints},
		// Key points review the year before only when they give an account of it.
		{"key points reviewing the year before", doc("内蒙古自治区2023年信息通信业工作要点", "为扎实做好2023年全区信息通信业各项工作，制定本工作要点。\n2022年，全区信息通信业完成重要通信保障任务17次，主要指标稳中有进。\n2023年全区信息通信业工作的总体要求是：推动行业高质量发展。", "发布时间:2023-02-15"), "2023-02-15", 2022, 2023, TypeKeyPoints},
		{"key points opening on the year gone by", doc("某市2024年信息通信业工作要点", "一年来，全市新建5G基站3000个。\n2024年，全市将新建5G基站2000个。"), "", 2023, 2024, TypeKeyPoints},
		{"key points comparing with the year before", doc("某市2024年信息通信业工作要点", "2024年，全市5G用户数较2023年增长20%。"), "", 0, 2024, TypeKeyPoints},
		// News set out a year's tasks only when they name it or a target for it.
		{"news with a vague next step plans nothing", doc("江西1—10月信息通信业发展情况", "近日，记者从江西省通信管理局获悉，截至2024年10月底，全省5G基站达到10万个。\n下一步，江西省通信管理局将持续推进“提速降费”，实施“双千兆”网络协同发展行动计划（2021—2023年）。", "发布时间:2024-11-20"), "2024-11-20", 2024, 0, TypeNews},
		{"news with a target for this year", doc("某省通信管理局召开千兆光网建设推进会", "截至目前，全区千兆宽带用户达到210万户。\n会议要求，各基础电信企业今年力争新增10G PON端口3万个。", "发布时间:2023-03-15"), "2023-03-15", 2023, 2023, TypeNews},
		{"news with a year's task after a reporting clause", doc("某省通信管理局召开网络安全工作推进会", "会议指出，今年以来，全省处置涉诈域名1万个。会议强调，2024年要加快网络安全体系建设。", "发布时间:2024-03-05"), "2024-03-05", 2024, 2024, TypeNews},
		{"news with a target for next year named mid-sentence", doc("大连市获评全国首批千兆城市", "截至11月底，全市千兆宽带用户达到36.2万户。\n下一步，大连市将深入实施“双千兆”网络协同发展行动，力争2022年底千兆宽带用户突破50万户。", "发布时间：2021-12-10"), "2021-12-10", 2021, 2022, TypeNews},
		{"news relaying a goal plans the year it is due", doc("某市获评千兆城市", "截至11月底，全市千兆宽带用户达到36.2万户。\n下一步，力争到2025年千兆宽带用户突破100万户。", "发布时间：2021-12-10"), "2021-12-10", 2021, 2025, TypeNews},
		{"news with no goal plans no year", doc("某市获评千兆城市", "截至11月底，全市千兆宽带用户达到36.2万户，同比增长20%。", "发布时间：2021-12-10"), "2021-12-10", 2021, 0, TypeNews},
		{"government work report", doc("于都县2023年政府工作报告（摘要）", "一、2022年工作回顾\n过去一年，全县地区生产总值完成386.5亿元，增长5.1%。\n二、2023年主要目标\n全县地区生产总值增长6.5%左右。", "2023年2月8日在于都县第十八届人民代表大会第三次会议上"), "2023-02-08", 2022, 2023, TypeReport},
		{"news with a demand for a named year", doc("某市工业和信息化局召开全市5G发展推进会", "3月1日，某市工业和信息化局召开全市5G发展推进会。会议通报，2021年全市新建5G基站1.7万个。会议要求，2022年全市新建5G基站1万个。", "发布日期：2022-03-02"), "2022-03-02", 2021, 2022, TypeNews},
		{"news with next year's task", doc("某省通信管理局召开网络建设推进会", "今年以来，全省新建5G基站1万个。会议要求，明年要新建5G基站8000个。", "发布时间:2023-12-05"), "2023-12-05", 2023, 2024, TypeNews},
		{"news naming a programme span", doc("某省通信管理局召开服务质量提升推进会", "会议指出，今年以来，全省受理用户申诉下降12%。实施“双千兆”网络协同发展行动计划（2021—2023年）。", "发布时间:2024-08-15"), "2024-08-15", 2024, 0, TypeNews},
		{"mid-year bulletin with tasks for the rest of the year", doc("某市工业和信息化局关于2021年上半年全市5G网络建设情况的通报", "截至6月底，全市累计建成5G基站5862个，完成年度目标任务的62.4%。\n下半年，各县（市、区）要进一步压实属地责任，确保全年新建5G基站3000个。\n某市工业和信息化局\n2021年7月12日"), "2021-07-12", 2021, 2021, TypeBulletin},
		{"review in January of last year's whole-year work plans nothing", doc("某市工业和信息化局关于2021年5G网络建设情况的通报", "2021年，全市全年新建5G基站3000个，完成全年目标任务的120%。", "发布日期：2022年1月15日"), "2022-01-15", 2021, 0, TypeBulletin},
		// A forwarding notice signs above the attachment, not at the end.
		{"forwarding notice signed above its attachment", doc("黑龙江省通信管理局关于印发2022年全省信息通信行业工作要点的通知", "各市（地）通信发展办公室：\n现将《2022年全省信息通信行业工作要点》印发给你们，请认真抓好落实。\n黑龙江省通信管理局\n2022年3月8日\n2022年全省信息通信行业工作要点\n一、主要预期目标\n全年新建5G基站1.2万个。\n二、重点工作任务\n加快千兆城市建设。\n强化行业监管。\n筑牢网络安全防线。"), "2022-03-08", 0, 2022, TypeKeyPoints},
		{"bulletin setting out next year", doc("某市经济和信息化局关于2022年5G发展情况的通报", "2022年，全市新建5G基站1.3万个。\n2023年，全市将新建5G基站1万个以上。", "发布日期：2023年3月15日"), "2023-03-15", 2022, 2023, TypeBulletin},
		// Study sessions and party meetings report study, not a year's work.
		{"study session", doc("湖南省通信管理局党组召开理论学习中心组集体学习会", "5月9日，湖南省通信管理局党组召开理论学习中心组集体学习会，深入学习贯彻党纪学习教育有关要求。\n会议强调，要把党纪学习教育作为当前一项重要政治任务，推动全面从严治党向纵深发展。", "发布时间：2024-05-10"), "2024-05-10", 0, 0, TypeNews},
		{"study session naming this year's work", doc("某省通信管理局党组召开专题学习会", "会议传达学习有关精神。今年以来，全省新建5G基站1万个。会议强调，要抓好落实。", "发布时间：2024-06-10"), "2024-06-10", 2024, 0, TypeNews},
		{"party meeting that deploys next year", doc("某市工业和信息化局召开民主生活会", "会议研究部署2025年工作。", "发布时间：2024-12-20"), "2024-12-20", 0, 2025, TypeNews},
	}
	for _, tt := range tests {
		m := Infer(tt.d, "x.txt", nil)
		pub := ""
		if !m.Published.IsZero() {
			pub = m.Published.Format("2006-01-02")
		}
		if tt.published != "" && pub != tt.published {
			t.Errorf("%s: published %s, want %s", tt.name, pub, tt.published)
		}
		if m.ReviewedYear != tt.rev || m.PlanYear != tt.plan || m.DocType != tt.docType {
			t.Errorf("%s: %s reviewed %d plan %d, want %s %d %d", tt.name, m.DocType, m.ReviewedYear, m.PlanYear, tt.docType, tt.rev, tt.plan)
		}
	}
	// A December conference on next year's work happens the year before.
	m0 := Infer(doc("某省通信管理局召开2024年工作会议", "12月28日,某省通信管理局召开2024年工作会议。"), "x.txt", nil)
	if !m0.Published.Equal(day("2023-12-28")) {
		t.Errorf("December conference published %v", m0.Published)
	}
	// Month-day dates take the conference year.
	m := Infer(doc("山东管局召开2025年工作会议", "1月22日下午,山东省通信管理局召开2025年工作会议。"), "x.txt", nil)
	if !m.Published.Equal(day("2025-01-22")) || m.Sources["published"] != SrcBody {
		t.Errorf("published %v from %s", m.Published, m.Sources["published"])
	}
}

func TestOverrides(t *testing.T) {
	d := doc("山东管局召开2025年工作会议", "1月22日下午,山东省通信管理局召开2025年工作会议。")
	d.Front = map[string]string{"province": "浙江", "date": "2025-02-03", "plan_year": "2026", "reviewed_year": "none", "doc_type": "其他", "issuer": "宁波市通信发展管理办公室"}
	d.Sidecar = map[string]string{"plan_year": "2026"}
	m := Infer(d, "x.txt", nil)
	// The issuer override (a city office) refines the province override.
	if m.Province != "浙江省" || m.City != "宁波市" || m.Level != "city" || m.Sources["province"] != SrcFrontMatter || m.Sources["city"] != SrcIssuer {
		t.Errorf("province %s %s %s from %v", m.Province, m.City, m.Level, m.Sources)
	}
	if m.Published.Format("2006-01-02") != "2025-02-03" || m.Sources["published"] != SrcFrontMatter {
		t.Errorf("published %v from %s", m.Published, m.Sources["published"])
	}
	if m.PlanYear != 2026 || m.Sources["plan_year"] != SrcSidecar {
		t.Errorf("plan %d from %s", m.PlanYear, m.Sources["plan_year"])
	}
	if m.ReviewedYear != 0 || m.DocType != "其他" || m.Issuer != "宁波市通信发展管理办公室" {
		t.Errorf("reviewed %d type %s issuer %s", m.ReviewedYear, m.DocType, m.Issuer)
	}
	// A county override brings its city and province.
	d = doc("会议召开", "会议强调要抓好落实。")
	d.Front = map[string]string{"county": "黎平县"}
	m = Infer(d, "x.txt", nil)
	if m.Province != "贵州省" || m.City != "黔东南苗族侗族自治州" || m.County != "黎平县" || m.Level != "county" {
		t.Errorf("county override: %s/%s/%s %s", m.Province, m.City, m.County, m.Level)
	}
	// A province override keeps the finer place of an issuer inside it.
	d = doc("博兴县工业和信息化局关于5G建设的通报", "全县新建5G基站100个。")
	d.Front = map[string]string{"province": "山东"}
	m = Infer(d, "x.txt", nil)
	if m.Province != "山东省" || m.County != "博兴县" || m.Level != "county" || m.Sources["province"] != SrcFrontMatter || m.Sources["county"] != SrcIssuer {
		t.Errorf("province override with county issuer: %s/%s/%s %s %v", m.Province, m.City, m.County, m.Level, m.Sources)
	}
	// A bad date override warns and falls back to inference.
	d = doc("会议召开", "会议强调要抓好落实。", "发布时间:2024-05-06")
	d.Front = map[string]string{"date": "someday"}
	m = Infer(d, "x.txt", nil)
	if m.Published.Format("2006-01-02") != "2024-05-06" || !strings.Contains(strings.Join(m.Warnings, ";"), "someday") {
		t.Errorf("bad date override: %v %q", m.Published, m.Warnings)
	}
}

func TestInferNil(t *testing.T) {
	m := Infer(nil, "", nil)
	if m.Title != Unknown || m.Province != Unknown || m.Issuer != Unknown {
		t.Errorf("%+v", m)
	}
}

func BenchmarkInfer(b *testing.B) {
	d, err := source.Read("../../data/notices/004_11b0dad92a3b82e3.txt")
	if err != nil {
		b.Skip(err)
	}
	g := gazetteer.Default()
	b.SetBytes(int64(len(d.Text)))
	for i := 0; i < b.N; i++ {
		Infer(d, "004.txt", g)
	}
}

func FuzzInfer(f *testing.F) {
	f.Add("山东管局召开2025年工作会议", "1月22日下午,山东省通信管理局召开2025年工作会议。\n中共博兴县工业和信息化局党组\n2022年10月20日", "发布时间:2022-10-21", "2025年")
	f.Add("", "", "", "")
	f.Fuzz(func(t *testing.T, title, text, byline, date string) {
		d := doc(title, text, byline)
		d.Front["date"] = date
		m := Infer(d, title+".txt", nil)
		if m.Province == "" || m.Level == "" || m.Issuer == "" || m.Title == "" || m.DocType == "" {
			t.Fatalf("empty field: %+v", m)
		}
		if m.Province == Unknown && (m.City != "" || m.County != "") {
			t.Fatalf("city without province: %+v", m)
		}
	})
}

// TestNotices runs whole notices through Parse and Infer: a conference
// whose title names only a city, a rectification report published the year
// after its inspection, a signed article by a provincial standing committee
// member, and prefectures whose names clash with provinces (海南州, 吉林市).
func TestNotices(t *testing.T) {
	tests := []struct {
		page, issuer, province, county, level string
		rev, plan                             int
	}{
		{"2024年全省信息通信行业工作会议在武汉召开\n发布时间：2024-01-25\n1月24日，2024年全省信息通信行业工作会议在武汉召开。会议由湖北省通信管理局主办，总结2023年工作，部署2024年任务。\n会议指出，2023年全省新建5G基站2万个。", "湖北省通信管理局", "湖北省", "", "province", 2023, 2024},
		{"中共宁津县大数据中心党组关于巡察整改进展情况的通报\n来源：宁津县纪委监委 发布时间：2023-01-10\n根据县委统一部署，2022年9月至10月，县委第二巡察组对县大数据中心党组开展了巡察。\n现将整改情况公布如下。\n中共宁津县大数据中心党组\n2023年1月9日", "宁津县大数据中心", "山东省", "宁津县", "county", 2022, 0},
		{"省委常委、宣传部部长张三：推动网信事业高质量发展\n来源：人民网 2023-03-02\n近日，江苏省委常委、宣传部部长张三在《中国网信》发表署名文章。\n2022年，全省网信工作取得新成效。我们将继续努力。", "江苏省委", "江苏省", "", "province", 2022, 2023},
		{"海南藏族自治州人民政府关于5G建设的通知\n各县人民政府：\n为加快海南州5G建设，现通知如下。\n海南藏族自治州人民政府\n2023年6月1日", "海南藏族自治州人民政府", "青海省", "", "city", 0, 2023},
		{"在2021年全省信息通信行业工作会议上的讲话\n（2021年1月20日）\n山西省通信管理局党组书记、局长  王建国\n同志们：\n这次会议的主要任务是，总结2020年工作，部署2021年重点任务。\n过去的一年，全省信息通信行业主要指标好于预期。", "山西省通信管理局", "山西省", "", "province", 2020, 2021},
		{"吉林市人民政府关于推进千兆城市建设的实施意见\n为推进吉林市千兆城市建设，提出如下意见。\n吉林市人民政府\n2023年4月1日", "吉林市人民政府", "吉林省", "", "city", 0, 2023},
	}
	for _, tt := range tests {
		d, err := source.Parse("x.txt", []byte(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		m := Infer(d, "x.txt", nil)
		if m.Issuer != tt.issuer || m.Province != tt.province || m.County != tt.county || m.Level != tt.level || m.ReviewedYear != tt.rev || m.PlanYear != tt.plan {
			t.Errorf("%s: got %s %s %s %s %d %d, want %s %s %s %s %d %d", m.Title, m.Issuer, m.Province, m.County, m.Level, m.ReviewedYear, m.PlanYear,
				tt.issuer, tt.province, tt.county, tt.level, tt.rev, tt.plan)
		}
	}
}

// TestSignedArticles covers the signs of a leader's signed article — an
// author line under the dateline, a （作者系…） credit, a 署名文章 mention —
// and the years it reviews and plans.
func TestSignedArticles(t *testing.T) {
	body := "2024年以来，天津市通信管理局认真贯彻落实习近平总书记关于网络强国的重要思想，以行业监管创新推动数字经济发展。\n" +
		"聚焦网络强基，夯实数字底座。全市新建5G基站5000个，数据中心标准机架达到40余万架。\n"
	ahead := "2025年是“十四五”规划收官之年，天津市通信管理局将继续坚持稳中求进，助力天津高质量发展。\n"
	tests := []struct {
		name, page, title, issuer, source string
		rev, plan                         int
	}{
		{"author line under the dateline", "扎实推进新型工业化 筑牢数字经济底座\n来源:人民邮电报      发布时间:2025-04-16\n天津市通信管理局党组书记、局长  汪军海\n" + body + ahead,
			"扎实推进新型工业化 筑牢数字经济底座", "天津市通信管理局", SrcByline, 2024, 2025},
		{"credit at the end, no plan", "扎实推进新型工业化 筑牢数字经济底座\n发布时间：2025-03-02\n" + body + "（作者系天津市通信管理局党组书记、局长汪军海）\n（文章来源：人民邮电报）",
			"扎实推进新型工业化 筑牢数字经济底座", "天津市通信管理局", SrcByline, 2024, 0},
		{"署名文章 in the opening, closing on the way ahead", "推动网信事业高质量发展\n来源：人民网 2023-03-02\n近日，江苏省委书记张三在《中国网信》发表署名文章。\n2022年，全省网信工作取得新成效。\n江苏将持续深化网络综合治理，奋力开创网信事业新局面。",
			"推动网信事业高质量发展", "江苏省委", SrcBody, 2022, 2023},
	}
	for _, tt := range tests {
		d, err := source.Parse("x.txt", []byte(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		m := Infer(d, "x.txt", nil)
		if m.DocType != TypeSigned || m.Title != tt.title || m.Issuer != tt.issuer || m.Sources["issuer"] != tt.source || m.ReviewedYear != tt.rev || m.PlanYear != tt.plan {
			t.Errorf("%s: %s %q %s (from %s) reviewed %d plan %d, want %s %q %s (from %s) %d %d", tt.name, m.DocType, m.Title, m.Issuer, m.Sources["issuer"], m.ReviewedYear, m.PlanYear,
				TypeSigned, tt.title, tt.issuer, tt.source, tt.rev, tt.plan)
		}
	}
	// A reporter's credit does not make a news item a signed article.
	d, err := source.Parse("x.txt", []byte("全省5G基站突破10万个\n发布时间：2024-11-20\n作者：记者 李四\n截至2024年10月底，江西省5G基站突破10万个，千兆宽带用户达到500万户。"))
	if err != nil {
		t.Fatal(err)
	}
	if m := Infer(d, "x.txt", nil); m.DocType != TypeNews {
		t.Errorf("reporter's byline: %s", m.DocType)
	}
}

// TestIssuerFromSourceLine checks that the publisher a dateline names
// (来源:江西省通信管理局) is the issuer when the title and the text name
// none, also in a UTF-8 file with a BOM.
func TestIssuerFromSourceLine(t *testing.T) {
	pages := map[string]string{
		"txt with BOM":    "\ufeff江西1—10月信息通信业发展情况\n来源:江西省通信管理局      发布时间:2024-11-20       浏览量:4209 次\n截至2024年10月底，全省5G基站总数达到10万个。\n全省千兆宽带用户达到500万户。",
		"md front matter": "---\ntitle: 江西1—10月信息通信业发展情况\ndate: 2024-11-20\nsource: 江西省通信管理局\n---\n截至2024年10月底，全省5G基站总数达到10万个。",
	}
	for name, page := range pages {
		d, err := source.Parse("x.txt", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		m := Infer(d, "x.txt", nil)
		if m.Issuer != "江西省通信管理局" || m.Province != "江西省" || m.Level != "province" {
			t.Errorf("%s: issuer %s %s %s (from %s)", name, m.Issuer, m.Province, m.Level, m.Sources["issuer"])
		}
	}
	// A newspaper is not an issuer; the organisation the text names is.
	d, err := source.Parse("x.txt", []byte("全省5G基站突破10万个\n来源：江西日报  发布时间：2024-11-20\n记者从江西省通信管理局获悉，全省5G基站突破10万个。"))
	if err != nil {
		t.Fatal(err)
	}
	if m := Infer(d, "x.txt", nil); m.Issuer != "江西省通信管理局" || m.Sources["issuer"] != SrcBody {
		t.Errorf("newspaper source: %s from %s", m.Issuer, m.Sources["issuer"])
	}
	// A department named by its level alone belongs to the place of that
	// level the notice is about: the province its newspaper and cities
	// name, the district its title names.
	for _, tt := range []struct{ page, issuer, province, county string }{
		{"我省5G基站总数突破10万个\n2023-04-13 08:05  来源：湖北日报\n4月12日，全省5G网络建设推进会在武汉召开。会议由省通信管理局、省经信厅联合召开。截至3月底，我省5G基站总数达到10.3万个。",
			"湖北省通信管理局", "湖北省", ""},
		{"渝北区5G网络建设跑出加速度\n信息来源：区经济信息委\n2021年，渝北区全年新建5G基站2315个，累计建成5G基站7426个，数量居全市第一。",
			"渝北区经济和信息化委员会", "重庆市", "渝北区"},
	} {
		d, err := source.Parse("x.txt", []byte(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		if m := Infer(d, "x.txt", nil); m.Issuer != tt.issuer || m.Province != tt.province || m.County != tt.county {
			t.Errorf("level-word issuer: %s %s %s (from %s), want %s %s %s", m.Issuer, m.Province, m.County, m.Sources["issuer"], tt.issuer, tt.province, tt.county)
		}
	}
}

// TestTimelineAndSubject checks the notice timeline inferred from the
// strongest evidence the text gives, with its source recorded, and the
// place of a notice that names no issuer: the most specific division it is
// about.
func TestTimelineAndSubject(t *testing.T) {
	tests := []struct {
		name, page             string
		published, pubSrc      string
		rev, plan              int
		province, city, county string
	}{
		{"a wire dateline after the latest 截至 date", "新华社拉萨6月23日电 记者从西藏通信管理局获悉，截至2018年底，西藏固定宽带用户78.2万户。",
			"2019-06-23", SrcMonthDayAsOf, 2018, 0, "西藏自治区", "", ""},
		{"the same day before the as-of month is next year's", "中宏网湖北11月5日电 截至2024年10月底，湖北累计建成5G基站16.38万个。",
			"2024-11-05", SrcMonthDayAsOf, 2024, 0, "湖北省", "", ""},
		{"a spring report on the year before", "第十七届人民代表大会第六次会议隆重开幕\n3月2日上午，镇安县第十七届人民代表大会第六次会议开幕，来自全县各地的代表与会。\n县长向大会作政府工作报告，在回顾2015年工作时说，全年实现生产总值83.91亿元。",
			"2016-03-02", SrcMonthDayReview, 2015, 2016, "陕西省", "商洛市", "镇安县"},
		{"a title's own years", "2021年工作总结及2022年工作打算\n2021年，区工信局对照各项目标任务，实现工业投资105亿元。",
			"", SrcDefault, 2021, 2022, "", "", ""},
		{"a county news item with no named issuer", "黔东南新闻网讯 近年来，黎平县全力推进5G基站建设。截至目前，全县累计建成5G基站476座。",
			"", SrcDefault, 0, 0, "贵州省", "黔东南苗族侗族自治州", "黎平县"},
		{"no evidence of the year: unknown", "据中新网报道，广东省累计建成5G基站超21万座。",
			"", SrcDefault, 0, 0, "广东省", "", ""},
		{"a plan over several years plans its last year and reviews the period before", "市人民政府关于印发鄂州市数字经济发展“十四五”规划的通知\n2023年8月22日\n“十三五”期间，全市认真贯彻落实国家数字经济战略，建成5G基站1200个。到2025年，全市建成5G基站5000个。",
			"2023-08-22", SrcDateline, 2020, 2025, "湖北省", "鄂州市", ""},
		{"a news item on a plan's issue, with the plan's span", "湖北省2022年底新基建规模进入全国第一方阵\n近日，湖北省印发了《湖北省新型基础设施建设三年行动方案(2020-2022年)》，明确提出：到2022年底，全省建成5G基站6万个。",
			"", SrcDefault, 0, 2022, "湖北省", "", ""},
		{"a title reporting a plan's target met plans nothing", "超9.3万个 山西提前完成“十四五”5G基站建设目标\n2023-12-08 10:00 来源：山西日报\n12月7日，从山西省工信厅了解到，截至11月底，全省累计建成5G基站超9.3万个。",
			"2023-12-08", SrcDateline, 2023, 0, "山西省", "", ""},
		{"a wire dateline under a credit line, in a news item on a five-year plan just issued, with an account of last year", "浙江:到2025年数字经济增加值占GDP比重达60%左右\n岳德亮新华社\n新华社杭州7月5日电(记者 岳德亮)到2025年，全省数字经济增加值占GDP比重达到60%左右。\n浙江省政府办公厅近日印发《浙江省数字经济发展“十四五”规划》。截至去年，浙江省数字经济增加值达30218亿元。",
			"2021-07-05", SrcMonthDayPeriod, 2020, 2025, "浙江省", "", ""},
		{"a plan over several years issued on the day of the dateline, with no account", "11月21日，四川省经济和信息化厅联合印发的《四川省算力基础设施高质量发展行动方案(2024—2027年)》对外发布。\n到2027年，算力总规模达到40EFLOPS。",
			"2024-11-21", SrcMonthDayPeriod, 0, 2027, "四川省", "", ""},
		{"a year's report comes out the year after", "通信业发展情况发布会召开\n6月12日，省政府新闻办召开新闻发布会，发布了《2023年浙江省信息通信行业发展报告》。报告显示，2023年全省新建5G基站3.1万个。",
			"2024-06-12", SrcMonthDayReport, 2023, 0, "浙江省", "", ""},
		{"an undated item quoting a year's report reports on the year after", "《安徽省互联网发展报告2022》新闻发布会透露，截至5月底，安徽已建成5G基站8.2万个。",
			"", SrcDefault, 2023, 0, "安徽省", "", ""},
		{"a report of the first months on last year in full, with a figure as of this January", "山东省通信发展情况\n发布时间：2025-02-10\n2024年全省新建5G基站3.5万个，5G基站累计达25万个。截至2025年1月底，全省千兆城市达到12个。",
			"2025-02-10", SrcDateline, 2024, 0, "山东省", "", ""},
		{"a plan period that ended last year, in January", "发布时间：2021-01-20\n记者从省新闻发布会获悉，“十三五”期间，全省光网建设总投资120亿元，建成5G基站9000个。目前全省光纤宽带覆盖所有行政村。",
			"2021-01-20", SrcDateline, 2020, 0, "", "", ""},
		{"progress this year with one year named names it", "今年以来，我市大力推进5G网络建设，2022年新建5G基站1500个，累计建成5G基站6200个。",
			"", SrcDefault, 2022, 0, "", "", ""},
		{"a year one part of this year is reported beside is the year before", "2022年，全市电信业务总量达40.2亿元。今年一季度，全市新建5G基站300个。",
			"", SrcDefault, 2023, 0, "", "", ""},
		{"a wire dateline in the first half on a year reported as a whole", "中新网西宁2月3日电 青海省通信管理局3日介绍，2022年，全省新建5G基站5000个，于2022年4月实现县城5G全覆盖。",
			"2023-02-03", SrcMonthDayReview, 2022, 0, "青海省", "", ""},
		{"a full date opening a later sentence of the opening paragraph", "数字乡村加快建设。2022年3月8日，从省通信管理局获悉，2022年全省将新建5G基站1万个。",
			"2022-03-08", SrcBody, 2022, 2022, "", "", ""},
		{"a month still to come named as a deadline is this year's task", "发布时间：2022-10-09\n国庆假期，施工人员加快立塔速度，项目正在向11月末计划完工日期推进，已铺设光缆500公里。",
			"2022-10-09", SrcDateline, 2022, 2022, "", "", ""},
		{"a press conference after a part of a year reports that year", "7月20日，省政府新闻办召开新闻发布会。2023年上半年，全省新建5G基站1.2万个。",
			"2023-07-20", SrcMonthDayAsOf, 2023, 0, "", "", ""},
		{"a spring item on the first quarter is of that year, not the next", "4月18日，记者从省通信管理局获悉，2023年一季度，全省新建5G基站3000个。",
			"2023-04-18", SrcMonthDayAsOf, 2023, 0, "", "", ""},
		{"a title's task within this year plans the year of publication", "今年内全省5G网络将覆盖半数以上乡镇\n发布日期：2021-07-07\n全省2021年5G网络“强镇兴乡”工程日前已全面动工。",
			"2021-07-07", SrcDateline, 2021, 2021, "", "", ""},
		{"an undated item relaying a plan, with the year it stands in", "我市出台了《某市“十四五”新型基础设施建设规划》。截至2020年底，全市建成5G基站1000个。《规划》提出到2025年建成5G基站7000个。",
			"", SrcDefault, 2020, 2025, "", "", ""},
		{"a year after a source's 称 opens its account", "某省通信管理局称，2022年，全省将新建5G基站3000个。",
			"", SrcDefault, 0, 2022, "", "", ""},
		{"a year whose goal was met is an account, not a plan", "近年来，某县全力推进5G基站建设。2022年，累计完成67座4G基站的优化补点，实现行政村4G网络全覆盖目标。",
			"", SrcDefault, 2022, 0, "", "", ""},
		{"last year's account compared with a named base year", "5月17日，省通信管理局发布我省信息通信业去年“成绩单”。至去年底，全省光缆线路长度达399万公里，比2019年同期提升8.5%。",
			"2021-05-17", SrcMonthDayReview, 2020, 0, "", "", ""},
		{"a comparison base in the opening is not the year of the day", "5月17日，全省光缆线路长度达399万公里，比2019年同期提升8.5%。",
			"", SrcDefault, 2020, 0, "", "", ""},
		{"a date alone on its line under a covering letter", "各县、区人民政府：\n《某市加快5G产业发展三年行动计划(2020—2022年)》已经市政府同意，现印发给你们，请认真贯彻落实。\n2020年7月31日\n某市加快5G产业发展三年行动计划\n为加快5G网络建设，制定本行动计划。",
			"2020-07-31", SrcSignature, 0, 0, "", "", ""},
		{"a deadline after 力争至 is no date reached", "2月7日，某市通信管理局发布二十条。力争至2023年底，全市5G应用渗透率超过30%。",
			"", SrcDefault, 0, 2023, "", "", ""},
		{"a date field the page kept among the opening lines", "红河州工业和信息化局对州人大五次会议第043号建议的答复\n- 发布机构: 红河州工业和信息化局\n- 发布日期: 2025-10-30\n你在会议上提出的建议已转交我局办理，全州已建成5G基站3000个。",
			"2025-10-30", SrcDateline, 2025, 0, "云南省", "红河哈尼族彝族自治州", ""},
		{"a forwarding notice dates itself under the paragraph that forwards", "各县、区人民政府，市人民政府有关部门：\n《某市加快5G产业发展三年行动计划(2020—2022年)》已经市政府同意，现印发给你们，请认真贯彻落实。\n2020年7月31日\n到2020年年底，全市5G基站数量达到1500个。到2022年，5G基站数量达到5000个。",
			"2020-07-31", SrcSignature, 0, 2022, "", "", ""},
		{"a news item on a plan just issued reviews no year", "某省力争2023年底建成5G基站15万个\n发布时间：2021-06-03\n日前，某省通信管理局印发了《某省5G网络建设及应用发展行动计划(2021-2023)》，根据《计划》，2023年底，全省力争建成5G基站15万个。",
			"2021-06-03", SrcDateline, 0, 2023, "", "", ""},
		{"a news item on a plan issued that also gives an account reviews it", "某省印发5G行动计划\n发布时间：2021-06-03\n日前，某省通信管理局印发了《某省5G网络建设行动计划》。截至5月底，全省已建成5G基站4万个；到2023年底，全省建成5G基站15万个。",
			"2021-06-03", SrcDateline, 2021, 2023, "", "", ""},
		{"an undated plan relayed with its deadlines plans the last", "某市加快推进5G通信基础设施建设\n根据《方案》，到2020年年底，全市预计建设7000个5G基站；到2022年，全市5G基站达到2万个。",
			"", SrcDefault, 0, 2022, "", "", ""},
		{"a news item naming a year's key points plans that year and reviews none it gives no account of", "近日，某省5G发展工作领导小组办公室发布关于印发2021年某省5G发展工作要点的通知。通知提出，确保2021年新开通5G基站2.1万个。",
			"", SrcDefault, 0, 2021, "", "", ""},
		{"a dated news item naming a year's key points reviews the year it reports on", "发布时间：2020-10-12\n近日，记者从省工信厅获悉，今年1至8月新增5G基站20842个。今年以来，我省制定出台了《2020年某省5G工作要点》。",
			"2020-10-12", SrcDateline, 2020, 2020, "", "", ""},
		{"a day late in the year dated by the year after a comparison base", "大西北网讯 11月17日，记者从新区管委会了解到，新区已开通5G站点260余个，较2019年增加200个。",
			"2020-11-17", SrcMonthDayTextYears, 2020, 0, "", "", ""},
		{"a day early in the year is not dated by the text's years alone", "1月14日，五位委员与市民在网上交流。全市已开通5G基站1.2万个，较2018年增加1万个。",
			"", SrcDefault, 2019, 0, "", "", ""},
		{"the day a figure is given as of is not the page's", "某市提前超额完成5G网络建设年度任务\n截至12月15日，全市已建成5G基站3002个，较2019年增加2000个。",
			"", SrcDefault, 2020, 0, "", "", ""},
		{"a comparison base is no year the notice reviews", "发布时间：2019-12-06\n会议指出，全区光缆线路长度达到168万公里，互联网省际出口带宽达到2235万兆，比2018年增加了541万兆。",
			"2019-12-06", SrcDateline, 2019, 0, "", "", ""},
		{"a district the opening is about, confirmed by 全区, over a city office quoted in the body", "6月22日，龙岗区5G宏基站7139个建设任务全部完成，在全市率先实现全区5G信号覆盖。\n深圳市工业和信息化局有关负责人表示，深圳市将于7月底完成5G网络全覆盖。",
			"", SrcDefault, 0, 0, "广东省", "深圳市", "龙岗区"},
		{"a city's meeting over a district office that spoke at it", "全市通信基础设施建设推进视频会议召开\n7月27日，全市通信基础设施建设推进视频会议召开。市委常委、副市长出席会议并讲话。\n会议总结了全市通信基础设施建设情况。南郑区政府、市自然资源局、中国移动汉中分公司分别作了交流发言。",
			"", SrcDefault, 0, 0, "陕西省", "汉中市", ""},
		{"a year an account starts from or a document was issued in is not the present", "2019年以来，全省加快5G建设，并于2019年印发《加快5G发展的意见》。目前全省累计建成5G基站5万个。",
			"", SrcDefault, 0, 0, "", "", ""},
	}
	for _, tt := range tests {
		d, err := source.Parse("x.txt", []byte(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		m := Infer(d, "x.txt", nil)
		pub := ""
		if !m.Published.IsZero() {
			pub = m.Published.Format("2006-01-02")
		}
		if pub != tt.published || m.Sources["published"] != tt.pubSrc || m.ReviewedYear != tt.rev || m.PlanYear != tt.plan {
			t.Errorf("%s: published %q (%s) reviews %d plans %d, want %q (%s) %d %d", tt.name, pub, m.Sources["published"],
				m.ReviewedYear, m.PlanYear, tt.published, tt.pubSrc, tt.rev, tt.plan)
		}
		if tt.province != "" && (m.Province != tt.province || m.City != tt.city || m.County != tt.county) {
			t.Errorf("%s: place %s %s %s, want %s %s %s", tt.name, m.Province, m.City, m.County, tt.province, tt.city, tt.county)
		}
	}
}

func TestTextNow(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"the latest year given an account of", "2019年，全市新建5G基站800个。2020年，全市新建5G基站1200个，累计达3000个。", 2020},
		{"a deadline alone names no year", "到2025年，全省5G基站总数将突破18万个。", 0},
		{"no year at all", "全市已建成5G基站3002个，超出计划2个。", 0},
		{"a start of a run up to now names no year", "2016年以来，某盟为266个行政嘎查接入宽带网络。", 0},
		{"the year after a comparison base", "光缆线路长度达到168万公里，提前完成了2020年150万公里目标；出口带宽达到2235万兆，比2018年增加了541万兆。", 2019},
		{"a goal's year is no account", "全省提前完成了2020年建设目标。", 0},
		{"a plan period relayed as this year's starts the present", "今年以来，我市印发了《加快5G产业发展三年行动计划(2020—2022年)》，建成5G基站3002个。", 2020},
		{"a plan period without 今年 says nothing of the present", "《加快5G产业发展三年行动计划(2020—2022年)》提出，到2022年建成5G基站1万个。", 0},
		{"an account later than a base wins", "2021年，全省5G用户达到2000万户，比2019年增长3倍。", 2021},
	}
	for _, tt := range tests {
		if got := testLex.textNow(tt.text); got != tt.want {
			t.Errorf("%s: textNow = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestUndatedNoticeStandsInTheYearItsTextNames(t *testing.T) {
	tests := []struct {
		name, page string
		rev        int
		src        string
	}{
		{"accounts of 2020 with no date", "某市5G建设稳步推进\n全市已建成5G基站3000个，较2019年增加1800个，全市在2020年新增光缆线路1.2万公里。", 2020, SrcTextYears},
		{"only a deadline: no year", "某市5G建设稳步推进\n全市已建成5G基站3000个。到2025年，全市5G基站将达到1万个。", 0, SrcDefault},
	}
	for _, tt := range tests {
		d, err := source.Parse("x.txt", []byte(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		m := Infer(d, "x.txt", nil)
		if m.ReviewedYear != tt.rev || m.Sources["reviewed_year"] != tt.src {
			t.Errorf("%s: reviews %d (%s), want %d (%s)", tt.name, m.ReviewedYear, m.Sources["reviewed_year"], tt.rev, tt.src)
		}
	}
}

func TestLastYearAccount(t *testing.T) {
	for s, want := range map[string]bool{
		"至去年底，全省光缆线路长度达399万公里。": true,
		"截至去年年底，我市已累计建设5G基站。":   true,
		"会议指出。去年，全省新建5G基站3万个。":  true,
		"发布我省信息通信业去年“成绩单”。":     true,
		"比去年同期增长5%。":            false,
		"去年以来，全省加快建设。":          false,
		"全省今年新建5G基站，较去年多1万个。":   false,
	} {
		if got := lastYearAccount(s); got != want {
			t.Errorf("lastYearAccount(%q) = %v, want %v", s, got, want)
		}
	}
}
