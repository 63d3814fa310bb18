package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/policylens/policylens/loader/hanzi"
)

func TestSupported(t *testing.T) {
	for path, want := range map[string]bool{
		"a.txt": true, "b.MD": true, "c.markdown": true, "d.html": true, "e.HTM": true, "f.docx": true,
		"g.pdf": false, "h.txt.meta.yaml": false, "i.doc": false, "noext": false, "j.yaml": false,
	} {
		if got := Supported(path); got != want {
			t.Errorf("Supported(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestDecode(t *testing.T) {
	const text = "山东省通信管理局召开2025年工作会议，开通5G基站24.2万个。\n"
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
	tests := []struct {
		name, enc string
		data      []byte
	}{
		{"utf-8", "utf-8", []byte(text)},
		{"utf-8 bom", "utf-8-bom", append([]byte{0xEF, 0xBB, 0xBF}, text...)},
		{"gb18030", "gb18030", gbk},
		{"utf-16le bom", "utf-16le", append([]byte{0xFF, 0xFE}, le...)},
		{"utf-16be bom", "utf-16be", append([]byte{0xFE, 0xFF}, be...)},
		{"utf-16le no bom", "utf-16le", []byte("\x41\x00\x42\x00\x0a\x00\x43\x00\x44\x00")},
	}
	// UTF-8 with one bad byte stays UTF-8, with a warning.
	long := strings.Repeat(text, 100)
	damaged := []byte(long[:200] + "\xff" + long[200:])
	if doc, err := Parse("x.txt", damaged); err != nil || doc.Encoding != "utf-8" || len(doc.Warnings) == 0 {
		t.Errorf("damaged UTF-8: %v %+v", err, doc)
	}
	for _, tt := range tests {
		doc, err := Parse("x.txt", tt.data)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if doc.Encoding != tt.enc {
			t.Errorf("%s: encoding %q, want %q", tt.name, doc.Encoding, tt.enc)
		}
		if tt.name != "utf-16le no bom" && !strings.Contains(doc.Text+doc.Title, "开通5G基站24.2万个") {
			t.Errorf("%s: text %q", tt.name, doc.Text)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty.txt", nil, "empty file"},
		{"blank.txt", []byte(" \n\t\r\n"), "empty file"},
		{"pdf.txt", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "PDF"},
		{"zip.html", []byte("PK\x03\x04\x14\x00\x00\x00"), "zip archive"},
		{"nul.txt", []byte("abc\x00\x00\x01\x02\x00def\x00\x00\x00\x00"), "binary file"},
		{"ctrl.txt", bytes.Repeat([]byte{0x01, 0x02, 0x03, 'a'}, 100), "binary file"},
		{"latin1.txt", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e"), "unknown encoding"},
		{"shiftjis.txt", []byte("\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67"), "unknown encoding"},
		{"bad.docx", []byte("not a zip at all"), "invalid .docx"},
		{"odd.txt", []byte{0xFF, 0xFE, 0x41}, "odd number of bytes"},
		{"bom-only.txt", []byte{0xEF, 0xBB, 0xBF, ' ', '\n'}, "empty file"},
		{"utf16-blank.txt", []byte{0xFF, 0xFE, ' ', 0, '\n', 0}, "empty file"},
		{"empty.docx", emptyDocx(), "empty file"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.name, tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%s) error = %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := Parse("x.txt", []byte{}); !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty: %v", err)
	}
	if _, err := Parse("x.txt", []byte("\x89PNG\r\n")); !errors.Is(err, ErrBinary) {
		t.Errorf("PNG should be ErrBinary: %v", err)
	}
	if _, err := Parse("x.txt", []byte("caf\xe9 \xe8")); !errors.Is(err, ErrUnknownEncoding) {
		t.Errorf("Latin-1 should be ErrUnknownEncoding: %v", err)
	}
}

func TestChromeLines(t *testing.T) {
	page := strings.Join([]string{
		"网站首页", "新闻中心", "通知公告", "政策法规",
		"您的位置：首页 > 新闻中心",
		"山东管局召开2025年工作会议",
		"来源：山东省通信管理局   发布时间：2025-01-23   浏览量：1024 次",
		"A+A-", "分享",
		"1月22日下午，山东省通信管理局召开2025年工作会议，回顾总结2024年工作情况，安排部署2025年重点任务。",
		"会议指出，2024年开通5G基站24.2万个，提前完成省政府下达的年度任务。",
		"一、加强组织领导",
		"会议要求，全局党员干部要再接再厉、攻坚克难、勇毅前行，推动行业高质量发展。",
		"【返回顶部】 【关闭窗口】 【打印本页】",
		"meeting-2025.jpg",
		"编辑：李四",
		"相关推荐",
		"山东管局开展网络安全检查",
		"[返回首页](//www.example.cn/)｜[新闻](//www.example.cn/news)",
		"<https://www.example.cn/art/2025/1/23/art_1.html>",
		"Copyright © 2025 山东省通信管理局 All Rights Reserved",
		"鲁ICP备05000000号-1  鲁公网安备 37010202000000号",
	}, "\n")
	doc, err := Parse("x.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "山东管局召开2025年工作会议" {
		t.Errorf("title %q", doc.Title)
	}
	wantBody := "1月22日下午，山东省通信管理局召开2025年工作会议，回顾总结2024年工作情况，安排部署2025年重点任务。\n" +
		"会议指出，2024年开通5G基站24.2万个，提前完成省政府下达的年度任务。\n" +
		"一、加强组织领导\n" +
		"会议要求，全局党员干部要再接再厉、攻坚克难、勇毅前行，推动行业高质量发展。"
	if doc.Text != wantBody {
		t.Errorf("text:\n%s\nwant:\n%s", doc.Text, wantBody)
	}
	if len(doc.Byline) != 2 || !strings.Contains(doc.Byline[0], "发布时间：2025-01-23") || doc.Byline[1] != "编辑：李四" {
		t.Errorf("byline %q", doc.Byline)
	}
	if len(doc.URLs) != 3 || doc.URLs[2] != "https://www.example.cn/art/2025/1/23/art_1.html" {
		t.Errorf("urls %q", doc.URLs)
	}
}

func TestMiddleLinesKept(t *testing.T) {
	// Short headings inside the article are article text, even in a row.
	page := "工作总结\n" +
		"2024年全省信息通信业持续健康发展，各项工作取得明显成效，圆满完成年度目标任务。\n" +
		"一、网络建设\n二、行业监管\n三、安全保障\n" +
		"全年新建5G基站2万个，千兆光网覆盖持续扩大，行业监管和安全保障能力不断增强。\n"
	doc, err := Parse("x.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"一、网络建设", "二、行业监管", "三、安全保障"} {
		if !strings.Contains(doc.Text, h) {
			t.Errorf("heading %q dropped:\n%s", h, doc.Text)
		}
	}
}

func TestHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>福建省通信管理局召开2024年工作会议_福建省通信管理局</title>
<style>p{color:red}</style><script>alert("x")</script></head><body>
<nav><a>首页</a><a>新闻</a><a>公开</a></nav>
<div class="article"><h1>福建省通信管理局召开2024年工作会议</h1>
<p class="info">发布时间：2024-01-30</p>
<p>1月29日，福建省通信管理局召开2024年工作会议，总结2023年工作&amp;部署2024年任务。</p>
<p>会议指出，2023年全省新建5G基站<span>2.1</span>万个。<br>累计建成5G基站9万个。</p>
<table><tr><td>指标</td><td>数值</td></tr></table>
</div><div id="share-box">分享到：微信</div>
<footer>版权所有 福建省通信管理局</footer></body></html>`
	doc, err := Parse("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "html" || doc.Title != "福建省通信管理局召开2024年工作会议" {
		t.Errorf("format %q title %q", doc.Format, doc.Title)
	}
	want := "1月29日，福建省通信管理局召开2024年工作会议，总结2023年工作&部署2024年任务。\n" +
		"会议指出，2023年全省新建5G基站2.1万个。\n累计建成5G基站9万个。\n指标 数值"
	if doc.Text != want {
		t.Errorf("text:\n%q\nwant:\n%q", doc.Text, want)
	}
	if len(doc.Byline) != 1 || doc.Byline[0] != "发布时间：2024-01-30" {
		t.Errorf("byline %q", doc.Byline)
	}
	// An ASP.NET page wraps everything in a form.
	doc, err = Parse("form.html", []byte(`<html><body><form id="form1"><div class="content"><p>1月29日，福建省通信管理局召开2024年工作会议，总结2023年工作。</p></div></form></body></html>`))
	if err != nil || !strings.Contains(doc.Text, "福建省通信管理局召开2024年工作会议") {
		t.Errorf("page in a form: %v %q", err, doc.Text)
	}
	// A page saved by a browser notes its address in a comment.
	doc, err = Parse("saved.html", []byte("<!DOCTYPE html>\n<!-- saved from url=(0058)http://www.ybq.gov.cn/art/2022/3/5/art_1229_5873412.html -->\n"+
		`<html><head><title>渝北区5G网络建设跑出加速度</title></head><body><p>2021年，渝北区全年新建5G基站2315个，累计建成5G基站7426个。</p></body></html>`))
	if err != nil || !slices.Contains(doc.URLs, "http://www.ybq.gov.cn/art/2022/3/5/art_1229_5873412.html") {
		t.Errorf("saved page URL: %v %q", err, doc.URLs)
	}
	// A whole page saved as .txt is HTML.
	doc, err = Parse("page.txt", []byte(page))
	if err != nil || doc.Format != "html" || !strings.Contains(doc.Text, "累计建成5G基站9万个") {
		t.Errorf("page saved as .txt: %v %q", err, doc)
	}
}

func TestFrontMatter(t *testing.T) {
	src := "---\ntitle: \"标题\"\ndate: 2022-01-27 09:52:31 +0800\nProvince: 福建\ntags: [a, b]\nempty:\n---\n正文第一段，说明情况。\n"
	doc, err := Parse("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"title": "标题", "date": "2022-01-27 09:52:31 +0800", "province": "福建", "tags": "a,b"}
	for k, v := range want {
		if doc.Front[k] != v {
			t.Errorf("front[%s] = %q, want %q", k, doc.Front[k], v)
		}
	}
	if doc.Title != "标题" || doc.Text != "正文第一段，说明情况。" {
		t.Errorf("title %q text %q", doc.Title, doc.Text)
	}
	// Invalid YAML: a warning, the body stays.
	doc, err = Parse("b.md", []byte("---\ntitle: [oops\n---\n正文第一段，说明情况。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0], "invalid front matter") || doc.Text != "正文第一段，说明情况。" {
		t.Errorf("warnings %q text %q", doc.Warnings, doc.Text)
	}
	// Hugo's TOML front matter.
	doc, err = Parse("d.md", []byte("+++\ntitle = \"标题\"\ndate = 2023-05-06T08:00:00+08:00\ntags = [\"a\", \"b\"]\n+++\n正文第一段，说明情况。\n"))
	if err != nil || doc.Front["title"] != "标题" || doc.Front["date"] != "2023-05-06T08:00:00+08:00" || doc.Front["tags"] != "a,b" || doc.Text != "正文第一段，说明情况。" {
		t.Errorf("TOML front matter: %v %v %q", err, doc.Front, doc.Text)
	}
	// A rule without a closing one is not front matter.
	doc, err = Parse("c.md", []byte("---\n正文第一段，说明情况，内容较长需要保留下来。\n"))
	if err != nil || !strings.Contains(doc.Text, "正文第一段") {
		t.Errorf("no closing rule: %v %q", err, doc.Text)
	}
}

func TestTraditionalAndPinyin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"陝西省通信管理局召開工作會議", "陕西省通信管理局召开工作会议"},
		{"信息通信業(yè)保持穩定", "信息通信业保持稳定"},
		{"電信業（yè）務收入", "电信业务收入"},
		{"行業(háng yè)反詐", "行业反诈"},
		{"業(ye4)務", "业务"},
		{"移動應用(APP)治理", "移动应用(APP)治理"},
		{"10G PON(光纖)端口", "10G PON(光纤)端口"},
		{"一目瞭然", "一目了然"},
		{"简体文本不变，5G基站24.2万个。", "简体文本不变，5G基站24.2万个。"},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSeedsUnchangedByConversion(t *testing.T) {
	paths, _ := filepath.Glob("../../data/notices/*")
	if len(paths) == 0 {
		t.Skip("no seeds")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(data); hanzi.ToSimplified(s) != s {
			t.Errorf("%s: simplified text changed by ToSimplified", p)
		}
	}
}

func TestDocx(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>江西省通信管理局召开</w:t></w:r><w:r><w:t>2024年工作会议</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">1月20日，江西省通信管理局召开2024年工作会议，</w:t></w:r><w:r><w:tab/><w:t>新建5G基站1万个。</w:t></w:r></w:p>` +
		`</w:body></w:document>`))
	zw.Close()
	doc, err := Parse("a.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "docx" || doc.Title != "江西省通信管理局召开2024年工作会议" || doc.Text != "1月20日，江西省通信管理局召开2024年工作会议， 新建5G基站1万个。" {
		t.Errorf("docx: %q %q %q", doc.Format, doc.Title, doc.Text)
	}
	var empty bytes.Buffer
	zw = zip.NewWriter(&empty)
	zw.Create("other.xml")
	zw.Close()
	if _, err := Parse("b.docx", empty.Bytes()); err == nil || !strings.Contains(err.Error(), "word/document.xml") {
		t.Errorf("docx without document.xml: %v", err)
	}
}

func TestReadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	asDir := filepath.Join(dir, "folder.txt")
	if err := os.Mkdir(asDir, 0o755); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "gone.txt")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.md")
	os.WriteFile(empty, nil, 0o644)
	for _, p := range []string{asDir, dangling, empty, filepath.Join(dir, "missing.html"), filepath.Join(dir, "x.pdf")} {
		_, err := Read(p)
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("Read(%s) error %v should name the file", p, err)
		}
	}
}

func TestSidecar(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.txt")
	os.WriteFile(p, []byte("标题行\n正文第一段，说明有关情况，内容足够长以便当作正文保留。\n"), 0o644)
	os.WriteFile(p+".meta.yaml", []byte("Province: 山东\ntitle: 新标题\n"), 0o644)
	doc, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Front["province"] != "山东" || doc.Sidecar["province"] != "山东" || doc.Title != "新标题" {
		t.Errorf("front %v sidecar %v title %q", doc.Front, doc.Sidecar, doc.Title)
	}
	os.WriteFile(p+".meta.yaml", []byte("province: [unclosed\n"), 0o644)
	doc, err = Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0], "n.txt.meta.yaml") {
		t.Errorf("invalid sidecar warnings %q", doc.Warnings)
	}
}

func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../../data/notices/*")
	corpus, _ := filepath.Glob("../testdata/corpus/*/*")
	for _, p := range append(seeds, corpus...) {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(filepath.Base(p), data)
		}
	}
	f.Add("a.html", []byte("<html><script>"))
	f.Add("a.md", []byte("---\n: :\n---\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := Parse(name, data)
		if err != nil {
			if doc != nil {
				t.Fatal("document and error")
			}
			return
		}
		if strings.ContainsRune(doc.Text, 0) {
			t.Fatal("NUL in text")
		}
		for _, l := range strings.Split(doc.Text, "\n") {
			if l != strings.TrimSpace(l) {
				t.Fatalf("untrimmed line %q", l)
			}
		}
	})
}

func BenchmarkParseText(b *testing.B) {
	data, err := os.ReadFile("../../data/notices/000_19a9d0be758cd336.txt")
	if err != nil {
		b.Skip(err)
	}
	big := bytes.Repeat(data, 100)
	b.SetBytes(int64(len(big)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse("x.txt", big); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile("../testdata/corpus/html/sichuan_gov_page.html")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse("x.html", data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTitleDetection(t *testing.T) {
	para := "1月20日，湖北省通信管理局召开2024年工作会议，总结2023年工作，部署2024年重点任务。"
	tests := []struct {
		name, page, title, first string
	}{
		{"site name above the headline", "湖北省通信管理局\n首页 > 新闻动态\n湖北省通信管理局召开2024年工作会议\n2024-01-21\n" + para,
			"湖北省通信管理局召开2024年工作会议", para},
		{"section heading below the headline", "湖北省通信管理局2024年工作要点\n一、总体要求\n" + para,
			"湖北省通信管理局2024年工作要点", "一、总体要求"},
		{"no headline, addressee first", "各市、州通信发展管理办公室：\n" + para,
			"", "各市、州通信发展管理办公室："},
		{"long headline", "李干杰:深入践行习近平总书记关于网络强国的重要思想 奋力开创新时代山东网信事业发展新局面\n" + para,
			"李干杰:深入践行习近平总书记关于网络强国的重要思想 奋力开创新时代山东网信事业发展新局面", para},
		// The headline stands above its dateline: a longer line under it
		// (an author line, a lead-in without punctuation) is not the title.
		{"author line under the dateline, longer than the headline", "扎实推进新型工业化 筑牢数字经济底座\n来源:人民邮电报      发布时间:2025-04-16\n天津市通信管理局党组书记、局长  汪军海\n" + para,
			"扎实推进新型工业化 筑牢数字经济底座", para},
		{"subtitle under the dateline", "守正创新 勇毅前行\n发布时间：2024-02-01\n推动信息通信业高质量发展再上新台阶的实践与思考\n" + para,
			"守正创新 勇毅前行", "推动信息通信业高质量发展再上新台阶的实践与思考"},
		{"dateline above the headline", "2024-01-21\n湖北省通信管理局召开2024年工作会议\n" + para,
			"湖北省通信管理局召开2024年工作会议", para},
		// News portals and mirror sites print the date before the source.
		{"date before the source", "首页 > 时政 > 正文\n周明远：加快数字陕西建设 为谱写陕西高质量发展新篇章提供有力支撑\n2021-04-16 08:45:12  来源：《网信陕西》2021年第2期\n" + para,
			"周明远：加快数字陕西建设 为谱写陕西高质量发展新篇章提供有力支撑", para},
		{"date before the source, no time", "河北省5G网络建设推进会在石家庄召开\n2020年6月12日 | 来源：河北日报\n" + para,
			"河北省5G网络建设推进会在石家庄召开", para},
		{"WeChat account line above the headline", "温州经信 2024-01-18 17:30 浙江\n温州市2023年信息通信业发展成绩单出炉\n" + para,
			"温州市2023年信息通信业发展成绩单出炉", para},
		{"report dateline under the headline", "于都县2023年政府工作报告（摘要）\n2023年2月8日在于都县第十八届人民代表大会第三次会议上\n于都县人民政府县长 刘明\n" + para,
			"于都县2023年政府工作报告（摘要）", para},
		{"column label before the headline", "【地方动态】宁夏：5G网络建设跑出加速度\n2021年06月03日 09:12 来源：人民邮电报\n" + para,
			"宁夏：5G网络建设跑出加速度", para},
		{"site name and a date bar above the headline", "湖北省通信管理局\n2024-01-21\n湖北省通信管理局召开2024年工作会议\n发布时间：2024-01-21\n" + para,
			"湖北省通信管理局召开2024年工作会议", para},
		// A date with the publisher and no label, longer than the headline,
		// is a dateline, not the title.
		{"date and publisher without a label", "辽宁通信管理局组织召开通信行业5G网络建设推进会\n2020年5月11日 10:31  辽宁省通信管理局辽宁省通信管理局\n" + para,
			"辽宁通信管理局组织召开通信行业5G网络建设推进会", para},
		// A government disclosure table names the document in a row.
		{"disclosure table above the document", "索 引 号: | 000014349/2023-91150 | 信息分类: | |\n发布机构: | 生成日期: | 2022-12-02 08:54:33 | |\n文 号: | 六盘水府办发〔2022〕10号 | 是否有效: | |\n名 称: | 市人民政府办公室关于印发六盘水市新型基础设施建设三年行动方案(2022—2024年)的通知 |\n" + para,
			"市人民政府办公室关于印发六盘水市新型基础设施建设三年行动方案(2022—2024年)的通知", para},
		{"date, time and a credit", "黑龙江全省行政村100%通光纤\n2019年1月4日 16:11 CCTIME飞象网 作 者:姜玉波\n" + para,
			"黑龙江全省行政村100%通光纤", para},
		{"report dateline after a dash", "2022年某区政府工作报告—全文\n政府工作报告\n-2022年2月23日在珠海市斗门区第五届人民代表大会第二次会议上\n" + para,
			"2022年某区政府工作报告—全文", "政府工作报告"},
	}
	for _, tt := range tests {
		doc, err := Parse("x.txt", []byte(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(doc.Text, "\n")
		if doc.Title != tt.title || first != tt.first {
			t.Errorf("%s: title %q first line %q, want %q %q", tt.name, doc.Title, first, tt.title, tt.first)
		}
	}
}

func emptyDocx() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>`))
	zw.Close()
	return buf.Bytes()
}

// TestAuthorLines checks that a signed article's author credit is taken out
// of the text into Byline, where package meta reads it, and that sentences
// naming an official stay in the text.
func TestAuthorLines(t *testing.T) {
	tests := []struct {
		line   string
		byline bool
	}{
		{"天津市通信管理局党组书记、局长  汪军海", true},
		{"山东省委书记 李干杰", true},
		{"（作者系吉林省通信管理局党组书记、局长宋玉凯）", true},
		{"(作者为广西壮族自治区通信管理局局长)", true},
		{"作者：江西省通信管理局局长 张三", true},
		{"会议由局党组书记、局长张三主持", false},
		{"局党组书记、局长张三出席会议并讲话。", false},
		{"作者：记者 李四", true}, // a reporter's credit is a byline too (bylineRe), just not an author's
		{"一、加强组织领导", false},
	}
	for _, tt := range tests {
		page := "守正创新 勇毅前行\n发布时间：2024-02-01\n2024年以来，全省信息通信业坚持稳中求进工作总基调，各项工作取得新成效。\n" +
			tt.line + "\n全年新建5G基站2万个，千兆光网覆盖持续扩大，行业监管和安全保障能力不断增强。"
		doc, err := Parse("x.txt", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		inBy := slices.Contains(doc.Byline, tt.line)
		inText := strings.Contains(doc.Text, tt.line)
		if inBy != tt.byline || inText == tt.byline {
			t.Errorf("%q: in byline %v, in text %v; want byline %v", tt.line, inBy, inText, tt.byline)
		}
	}
}
