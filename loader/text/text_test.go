package text

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"full stops", "开通5G基站24.2万个。新增5G虚拟专网1600余个。", []string{"开通5G基站24.2万个。", "新增5G虚拟专网1600余个。"}},
		{"closing quote stays", "他说：“要抓落实。”随后散会。", []string{"他说：“要抓落实。”", "随后散会。"}},
		{"closing bracket stays", "完成任务（详见附件。）下一句！", []string{"完成任务（详见附件。）", "下一句！"}},
		{"semicolons ascii and full width", "居全国第3位;新打造项目650余个；签约14亿元", []string{"居全国第3位;", "新打造项目650余个；", "签约14亿元"}},
		{"question and exclamation", "怎么办？干！好!", []string{"怎么办？", "干！", "好!"}},
		{"line breaks without punctuation", "一、整改工作基本情况\r\n\r\n对照要求，局党组高度重视", []string{"一、整改工作基本情况", "对照要求，局党组高度重视"}},
		{"spaces trimmed", "  \u3000会议指出，一年来成绩显著。   \n\t", []string{"会议指出，一年来成绩显著。"}},
		{"repeated terminators", "真的吗？！是的……。好", []string{"真的吗？！", "是的……。", "好"}},
		{"decimal point is no terminator", "资费公示率达99.99%。", []string{"资费公示率达99.99%。"}},
		{"empty", "", nil},
		{"only punctuation and space", " 。\n ", []string{"。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.body, Years{})
			var texts []string
			rs := []rune(tt.body)
			for i, s := range got {
				texts = append(texts, s.Text)
				if s.No != i {
					t.Errorf("sentence %d has No %d", i, s.No)
				}
				if string(rs[s.Start:s.End]) != s.Text {
					t.Errorf("offsets [%d,%d) give %q, text is %q", s.Start, s.End, string(rs[s.Start:s.End]), s.Text)
				}
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.body, texts, tt.want)
			}
		})
	}
}

func TestSplitParagraphs(t *testing.T) {
	got := Split("甲。乙。\n丙。\r\n丁", Years{})
	want := []int{0, 0, 1, 2}
	for i, s := range got {
		if s.Para != want[i] {
			t.Errorf("sentence %q: para %d, want %d", s.Text, s.Para, want[i])
		}
	}
}

// partsOf returns "text=part" for sentences whose text starts with a marker
// character, to keep expectations short.
func parts(body string, y Years) map[string]Part {
	m := map[string]Part{}
	for _, s := range Split(body, y) {
		m[s.Text] = s.Part
	}
	return m
}

func TestPartsWorkConference(t *testing.T) {
	body := `某省通信管理局召开2025年工作会议
发布时间:2025-02-10 09:00
2月8日,某省通信管理局召开2025年工作会议,总结2024年工作,部署2025年重点任务。局领导出席会议。
会议指出,2024年,全局上下真抓实干。一是网络建设提速。新建5G基站3.1万个。二是服务持续优化。
会议强调,2025年是“十四五”规划收官之年。一是加快建设。新建5G基站2万个。
会议要求,全局干部要改进作风。
会议通报了先进集体名单。
【打印本页】 【关闭窗口】`
	got := parts(body, Years{Reviewed: 2024, Plan: 2025})
	want := map[string]Part{
		"某省通信管理局召开2025年工作会议":    Other,
		"发布时间:2025-02-10 09:00": Other,
		"2月8日,某省通信管理局召开2025年工作会议,总结2024年工作,部署2025年重点任务。": Other,
		"局领导出席会议。":                Other,
		"会议指出,2024年,全局上下真抓实干。":    Review,
		"新建5G基站3.1万个。":            Review,
		"二是服务持续优化。":               Review,
		"会议强调,2025年是“十四五”规划收官之年。": Plan,
		"新建5G基站2万个。":              Plan,
		"会议要求,全局干部要改进作风。":         Plan,
		"会议通报了先进集体名单。":            Other,
		"【打印本页】 【关闭窗口】":           Other,
	}
	for text, p := range want {
		if got[text] != p {
			t.Errorf("%q: part %q, want %q", text, got[text], p)
		}
	}
}

func TestPartsRectificationReport(t *testing.T) {
	body := `当前位置:首页 > 巡察整改
某县民政局党组关于巡察整改进展情况的通报
一、整改工作基本情况
局党组高度重视整改工作。
二、反馈意见整改进展情况
1.针对“服务不到位”问题。
整改进展情况:开展培训3期,覆盖200人次。
三、今后整改工作打算
(一)巩固成果。持续开展培训。
欢迎广大干部群众监督。联系方式:0543-1234567;`
	got := parts(body, Years{Reviewed: 2023})
	want := map[string]Part{
		"局党组高度重视整改工作。":           Review,
		"整改进展情况:开展培训3期,覆盖200人次。": Review,
		"三、今后整改工作打算":             Plan,
		"持续开展培训。":                Plan,
		"欢迎广大干部群众监督。":            Other,
		"联系方式:0543-1234567;":     Other,
		"当前位置:首页 > 巡察整改":         Other,
	}
	for text, p := range want {
		if got[text] != p {
			t.Errorf("%q: part %q, want %q", text, got[text], p)
		}
	}
}

func TestPartsArticle(t *testing.T) {
	body := `近日,省委书记在杂志发表署名文章。
近年来,我省深入推进网络强国建设。建成5G基站8万个。
2022年,全省数字经济规模突破3万亿元。
2023年是全面贯彻党的二十大精神的开局之年。全省将新建5G基站1万个。
编辑:张三`
	got := parts(body, Years{Reviewed: 2022, Plan: 2023})
	want := map[string]Part{
		"近日,省委书记在杂志发表署名文章。":       Other,
		"建成5G基站8万个。":              Review,
		"2022年,全省数字经济规模突破3万亿元。":   Review,
		"2023年是全面贯彻党的二十大精神的开局之年。": Plan,
		"全省将新建5G基站1万个。":           Plan,
		"编辑:张三":                   Other,
	}
	for text, p := range want {
		if got[text] != p {
			t.Errorf("%q: part %q, want %q", text, got[text], p)
		}
	}
}

func TestPartsYearHeadings(t *testing.T) {
	body := "某县工信局工作总结\n一、2023年重点工作完成情况\n新建5G基站386个。\n二、2024年重点工作\n计划新建5G基站300个。"
	got := parts(body, Years{Reviewed: 2023, Plan: 2024})
	if got["新建5G基站386个。"] != Review || got["计划新建5G基站300个。"] != Plan {
		t.Errorf("year headings: %v", got)
	}
}

func TestPartsTraditional(t *testing.T) {
	body := "會議指出，2023年，全市新建5G基站1,200個。\n會議強調，2024年全市將新建5G基站800個以上。"
	got := parts(body, Years{Reviewed: 2023, Plan: 2024})
	if got["會議指出，2023年，全市新建5G基站1,200個。"] != Review || got["會議強調，2024年全市將新建5G基站800個以上。"] != Plan {
		t.Errorf("traditional cues: %v", got)
	}
	if Simplify("萬個％５Ｇ") != "万个％5G" {
		t.Errorf("Simplify = %q", Simplify("萬個％５Ｇ"))
	}
}

func TestPartsFutureVerbOpensPlan(t *testing.T) {
	body := "过去一年,成绩显著。做好工作,责任重大。我局将持续深化改革。建成基站2万个。"
	got := parts(body, Years{Reviewed: 2021, Plan: 2022})
	if got["我局将持续深化改革。"] != Plan || got["建成基站2万个。"] != Plan {
		t.Errorf("future-tense opening did not start the plan: %v", got)
	}
	if got["做好工作,责任重大。"] != Review {
		t.Errorf("review did not carry forward: %v", got)
	}
}

// A plan over several years that reviews no year: a year opening a
// paragraph of its targets is a milestone, still the plan; 以来 looks back.
func TestPartsPlanMilestones(t *testing.T) {
	body := "六盘水市新型基础设施建设三年行动方案(2022—2024年)\n一、主要目标\n2022年,全市新建5G基站2600个以上。\n到2024年,全市累计建成5G基站1万个。\n2016年以来,全市实施电信普遍服务试点项目。"
	got := parts(body, Years{Plan: 2024})
	if got["2022年,全市新建5G基站2600个以上。"] != Plan || got["到2024年,全市累计建成5G基站1万个。"] != Plan {
		t.Errorf("milestones left the plan: %v", got)
	}
	if got["2016年以来,全市实施电信普遍服务试点项目。"] != Review {
		t.Errorf("以来 did not look back: %v", got)
	}
}

func TestIsChrome(t *testing.T) {
	for _, s := range []string{"浏览量:656 次", "Copyright www.x.gov.cn", "鲁ICP备19044984号-1",
		"互联网新闻信息服务许可证37120180030", "【返回顶部】"} {
		if !IsChrome(s) {
			t.Errorf("IsChrome(%q) = false", s)
		}
	}
	for _, s := range []string{"开通5G基站24.2万个", "核发电信业务经营许可证120张"} {
		if IsChrome(s) {
			t.Errorf("IsChrome(%q) = true", s)
		}
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("会议指出，2024年，开通5G基站24.2万个。\n会议强调，2025年是收官之年。")
	f.Add("“”。。\r\n\r\n！？")
	f.Fuzz(func(t *testing.T, body string) {
		rs := []rune(body)
		prev := 0
		for _, s := range Split(body, Years{Reviewed: 2024, Plan: 2025}) {
			if s.Start < prev || s.End <= s.Start || s.End > len(rs) {
				t.Fatalf("bad span [%d,%d) after %d in %d runes", s.Start, s.End, prev, len(rs))
			}
			if string(rs[s.Start:s.End]) != s.Text {
				t.Fatalf("text %q != span %q", s.Text, string(rs[s.Start:s.End]))
			}
			prev = s.End
		}
	})
}

// A sentence announcing its tasks by their number (将统筹实施五大工程) opens
// a plan that the paragraphs listing them continue; the same count done
// (已实施五大工程) opens none.
func TestPartsAnnouncedTasks(t *testing.T) {
	body := "4月19日,从省通信管理局获悉,全省信息通信业将统筹实施五大工程。\n实施农村网络覆盖工程。新建5G基站1万个。\n实施电信普遍服务工程。"
	got := parts(body, Years{Plan: 2021})
	if got["实施农村网络覆盖工程。"] != Plan || got["新建5G基站1万个。"] != Plan || got["实施电信普遍服务工程。"] != Plan {
		t.Errorf("the announced tasks are not the plan: %v", got)
	}
	done := parts("全省已实施五大工程。\n实施农村网络覆盖工程。新建5G基站1万个。", Years{Reviewed: 2021})
	if done["新建5G基站1万个。"] == Plan {
		t.Errorf("tasks done opened a plan: %v", done)
	}
}

// A paragraph opening on part of the plan year gone by (2021年第一季度，…)
// reports progress: an account, even inside a conference's plan.
func TestPartsYearToDateIsAccount(t *testing.T) {
	body := "2021年通信基础设施投资工作会\n2021年第一季度,全市投资完成率为33.22%;项目投资完成率为37.16%。\n2021年,全市要新建5G基站2000个。"
	got := parts(body, Years{Reviewed: 2020, Plan: 2021})
	if got["2021年第一季度,全市投资完成率为33.22%;"] != Review && got["2021年第一季度,全市投资完成率为33.22%;项目投资完成率为37.16%。"] != Review {
		t.Errorf("progress to date is not an account: %v", got)
	}
	if got["2021年,全市要新建5G基站2000个。"] != Plan {
		t.Errorf("the plan year's task is not the plan: %v", got)
	}
}

// A news item that mentions next steps mid-paragraph (…已占32.4%。下一步，…将
// 进一步提高。) goes on reporting in its next paragraph; a 下一步 that opens
// its paragraph still opens the plan.
func TestPartsNextStepMidParagraph(t *testing.T) {
	body := "全市5G终端用户已占32.4%。下一步,覆盖率将进一步提高。\n开展国家级试点示范20个,新申请专利2483项。"
	got := parts(body, Years{Reviewed: 2021})
	if got["下一步,覆盖率将进一步提高。"] != Plan {
		t.Errorf("下一步 did not plan its own paragraph: %v", got)
	}
	if got["开展国家级试点示范20个,新申请专利2483项。"] == Plan {
		t.Errorf("an aside on next steps made the next paragraph plan: %v", got)
	}
	opens := parts("全市5G终端用户已占32.4%。\n下一步,覆盖率将进一步提高。\n开展试点示范20个。", Years{Reviewed: 2021})
	if opens["开展试点示范20个。"] != Plan {
		t.Errorf("下一步 opening a paragraph did not open the plan: %v", opens)
	}
}

// An item of a numbered list ends on a semicolon (7.季度工作总结、报表报送及时率100%；):
// it is no heading, and a heading word in it (工作总结) opens no review.
func TestPartsListItemIsNoHeading(t *testing.T) {
	body := "2022年全省宽带工作要点\n一、工作目标\n6.用户信访处理回复及时率100%;\n7.季度工作总结、报表报送及时率100%;\n8.年度其他重点工作完成及时率100%。"
	got := parts(body, Years{Plan: 2022})
	for _, s := range []string{"7.季度工作总结、报表报送及时率100%;", "8.年度其他重点工作完成及时率100%。"} {
		if got[s] != Plan {
			t.Errorf("%s: part %q, want plan: %v", s, got[s], got)
		}
	}
}
