//go:build ignore

// gen.go writes the corpus fixtures that are not UTF-8 text: GB18030,
// UTF-16 and Big5 files, a .docx, a UTF-8 file with a BOM and the binary and
// undecodable files of bad/. Run it from this directory: go run gen.go
package main

import (
	"archive/zip"
	"bytes"
	"log"
	"os"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

const gbkCounty = `化州市工业和信息化局关于2023年度5G网络建设情况的通报
各镇人民政府、街道办事处，市直有关单位：
2023年，在茂名市工业和信息化局的指导下，我市加快推进5G网络建设，全年新建5G基站420个，累计建成5G基站1860个，实现各镇镇区5G网络连续覆盖。
一、主要成效。全市行政村光纤通达率达到100%，千兆宽带用户达到5.2万户。
二、存在问题。部分站址选址难、进场难问题仍然存在。
三、下一步工作。2024年，我局将继续推动5G网络向农村延伸，计划新建5G基站300个。
化州市工业和信息化局
2023年12月5日
`

const gbkHTML = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>河南省通信管理局召开2024年全省通信行业工作会议</title></head>
<body><div class="nav">首页 | 新闻中心 | 政务公开 | 网上办事</div>
<div class="article"><h1>河南省通信管理局召开2024年全省通信行业工作会议</h1>
<div class="source">来源：河南省通信管理局　发布日期：2024年1月31日</div>
<p>1月30日，河南省通信管理局召开2024年全省通信行业工作会议，回顾总结2023年工作，安排部署2024年重点任务。</p>
<p>会议指出，2023年全省新建5G基站4.6万个，累计达到18.9万个，郑州国家级互联网骨干直联点扩容至2300G。</p>
<p>会议要求，2024年全省新建5G基站3万个，加快推进郑州国家超算中心应用。</p></div>
<div class="foot">版权所有 河南省通信管理局 豫ICP备05000000号</div></body></html>
`

const utf16LE = `黎平县人民政府办公室关于印发黎平县5G网络建设三年行动方案的通知
各乡镇人民政府、街道办事处，县直各部门：
《黎平县5G网络建设三年行动方案（2023—2025年）》已经县人民政府同意，现印发给你们，请认真抓好贯彻落实。
到2025年，全县累计建成5G基站800个，实现乡镇以上区域5G网络全覆盖，重点行政村5G网络覆盖率达到90%以上。
黎平县人民政府办公室
2023年3月20日
`

const utf16BE = `北京市通信管理局召开2025年工作会议
发布时间：2025-01-24
1月23日，北京市通信管理局召开2025年工作会议，总结2024年工作，部署2025年重点工作。
会议指出，2024年全市累计建成5G基站13.8万个，每万人拥有5G基站数全国领先，万兆光网试点有序推进。
会议要求，2025年要加快建设全球数字经济标杆城市，推进算力基础设施高质量发展。
`

const bomKeyPoints = `广东省通信管理局2023年工作要点
2023年是全面贯彻落实党的二十大精神的开局之年。广东省通信管理局将坚持稳中求进工作总基调，全力推进信息通信业高质量发展。
一、加快网络基础设施建设。全年新建5G基站3万个，推动千兆光网覆盖全部地级以上市城区。
二、深化5G应用。打造5G应用示范项目100个。
三、强化行业监管。持续开展电信网络诈骗治理。
`

const big5Text = `臺灣地區通信業務發展概況
本年度行動通信用戶數持續成長，網路建設穩定推進。
`

const docxParagraphs = `王建国：加快建设网络强省 奋力谱写数字湖北新篇章
来源：《中国网信》2023年第5期 2023-05-20
近日，湖北省委书记王建国在《中国网信》杂志发表署名文章。全文如下：
近年来，湖北深入学习贯彻习近平总书记关于网络强国的重要思想，统筹推进网络综合治理和信息化发展。2022年，全省数字经济规模突破2.2万亿元，建成5G基站8.6万个。
我们将坚定不移推进网络强省建设，加快建设全国数字经济发展高地，为加快建成中部地区崛起的重要战略支点提供有力支撑。`

func main() {
	write("txt/huazhou_gbk.txt", encode(simplifiedchinese.GB18030, gbkCounty))
	write("html/henan_gbk.htm", encode(simplifiedchinese.GBK, gbkHTML))
	write("txt/liping_utf16le.txt", append([]byte{0xFF, 0xFE}, encode(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), utf16LE)...))
	write("txt/beijing_utf16be.txt", append([]byte{0xFE, 0xFF}, encode(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), utf16BE)...))
	write("txt/2023-02-15_guangdong_keypoints.txt", append([]byte{0xEF, 0xBB, 0xBF}, bomKeyPoints...))
	write("docx/hubei_signed_article.docx", docx(docxParagraphs))

	write("bad/empty.txt", nil)
	write("bad/blank.md", []byte("\n   \n\t\n"))
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
	write("bad/image_saved_as.txt", append(png, bytes.Repeat([]byte{0x00, 0xff, 0x13, 0x37}, 64)...))
	write("bad/nul_bytes.html", []byte("<html><body>\x00\x01\x02\x00\x00\x03binary\x00\x00 data\x00</body></html>"))
	write("bad/latin1.txt", encode(charmap.ISO8859_1, "Résumé des activités de l'année: télécommunications, déploiement réseau à Montréal.\n"))
	write("bad/big5_undeclared.txt", encode(traditionalchinese.Big5, big5Text))
	write("bad/not_a_zip.docx", []byte("这不是一个Word文档，只是改了扩展名的文本。"))
	write("bad/odd_utf16.txt", append([]byte{0xFF, 0xFE}, 0x41, 0x00, 0x42))
}

func encode(e encoding.Encoding, s string) []byte {
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		log.Fatal(err)
	}
	return b
}

func write(name string, data []byte) {
	if err := os.WriteFile(name, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

// docx builds a minimal WordprocessingML package: one paragraph per line,
// the first styled as the title, and a core.xml without a title so that the
// title comes from the text.
func docx(text string) []byte {
	var body strings.Builder
	for i, line := range strings.Split(text, "\n") {
		style := ""
		if i == 0 {
			style = `<w:pPr><w:pStyle w:val="Title"/></w:pPr>`
		}
		// Split each paragraph into two runs, as Word does.
		r := []rune(line)
		half := len(r) / 2
		body.WriteString(`<w:p>` + style + `<w:r><w:t xml:space="preserve">` + xmlEscape(string(r[:half])) + `</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>` + xmlEscape(string(r[half:])) + `</w:t></w:r></w:p>`)
	}
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`,
		"docProps/core.xml":   `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title></dc:title><dc:creator>admin</dc:creator></cp:coreProperties>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/core.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			log.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
