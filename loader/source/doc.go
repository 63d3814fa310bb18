// Package source reads notices from disk and turns them into clean article
// text.
//
// Formats: .txt, .md/.markdown (YAML front matter), .html/.htm and .docx
// (word/document.xml). Content refines the extension: a .txt that starts
// with front matter is md, one holding a whole page is html, and text or
// markdown carrying HTML paragraphs (a Jekyll post) is stripped of them.
//
// Encodings: UTF-8 with or without BOM, UTF-16LE/BE with BOM (or clearly
// without), GB18030/GBK (accepted only when nearly every two-byte character
// is in GB2312, so Big5, Shift-JIS and Latin-1 are not misread), and Big5
// when an HTML page declares it. Anything else is an error naming the file
// ("unknown encoding"); binary, empty and unreadable files are errors too.
//
// Cleaning: every line is NFC-normalised, converted to simplified characters
// (OpenCC tables, see loader/hanzi) and stripped of pinyin annotations
// (業(yè)). Page chrome is dropped by general line rules rather than per-site
// ones: scripts, styles, nav/footer/aside and elements whose class names
// furniture; lines that are all link text; breadcrumbs, share and print
// buttons, 返回顶部, 浏览量, image names, link lists, WeChat furniture; runs
// of short menu-like lines above or below the article; everything after a
// footer marker (相关推荐, 网友评论, 版权所有, ICP, 公网安备 …) that follows
// the last paragraph. The title line is kept in Document.Title (on a plain
// page, the headline above the 来源/发布时间 dateline; a column label such
// as 【地方动态】 is dropped from it), and metadata lines (来源/发布时间
// datelines, also written date first as portals do: 2021-04-16 08:45
// 来源：…; a WeChat account line: 温州经信 2024-01-18 17:30 浙江; a
// speech's 2023年2月8日在…会议上; 编辑 credits, a signed article's author line
// such as 福建省通信管理局党组书记、局长  张三 or （作者系…）) in
// Document.Byline, so that Text reads as the article.
//
// A saved page's own address (<link rel=canonical>, og:url, or the
// "saved from url" comment browsers write) is kept in Document.URLs.
//
// Limits: Limits bounds each notice (file size, text size); a file over the
// size is refused before it is read, a .docx is read in place and only its
// text parts are inflated, refused by their declared size and ratio before
// inflating and by the bytes they really yield. ReadIn reads through an
// os.Root, so neither a notice nor its sidecar can be a link leading out of
// the data folder. FileName gives names that are not UTF-8 a readable form.
//
// Overrides: YAML front matter, and a sidecar file PATH.meta.yaml (or
// PATH.meta.yml) beside the notice. Both end up in Document.Front; the
// sidecar wins and is also kept in Document.Sidecar so that package meta can
// say where each field came from.
package source
