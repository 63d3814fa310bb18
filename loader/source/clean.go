package source

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line kinds assigned by classify.
const (
	kindText   = iota
	kindChrome // page furniture: dropped
	kindByline // 来源/发布时间/编辑 lines: dropped from the body, kept for meta
	kindURL    // bare URLs and link lists: dropped, URLs kept
	kindFooter // a line that starts the page footer (相关推荐, 版权所有 ...)
)

var (
	// chromeRe matches short lines of page furniture anywhere in the page.
	chromeRe = regexp.MustCompile(`(?i)^(当前位置|您的位置|你的位置|所在位置|您现在的位置|你现在的位置|现在位置|位置[:：])|返回顶部|返回首页|打印本页|打印此页|关闭窗口|关闭本页|【打印】|【关闭】|【收藏】|【纠错】|分享到|^分享$|^分享至|A\s*\+\s*A\s*-|^字号[:：]|^【?字体[:：]|[【\[]\s*[大中小]\s*[】\]]\s*[【\[]|^(扫一扫|扫描二维码|微信扫一扫|手机扫一扫|在手机上打开)|^(上一篇|下一篇|上一条|下一条)[:：]?|^(浏览量|浏览次数|阅读量|阅读次数|点击数|点击量|访问量)[:：]|^(首页|主页)\s*[>＞»]|[>＞»]\s*(正文|详情)\s*$|^(登录|注册|搜索|设为首页|加入收藏)$|^(图片|视频|附件)\s*[:：]?$` +
		// WeChat and mirror-site furniture.
		`|点击上方.{0,6}关注|点击蓝字|关注我们$|预览时标签不可点|微信扫一扫|关注该公众号|^收录于(合集|话题)|^#\S+(\s+\d+\s*个)?\s*$|^(阅读原文|轻触阅读原文|阅读|在看|点赞|赞|分享|收藏|写留言|留言|赞赏|喜欢作者|知道了|取消|允许|继续滑动看下一个|向上滑动看下一个)$|^(视频|小程序)$|转载请注明|如有侵权|^(免责)?声明[:：]|^(长按|识别)二维码|^扫码关注`)
	// footerRe matches lines that start the footer of a page.
	footerRe = regexp.MustCompile(`(?i)^(相关推荐|相关阅读|相关新闻|相关链接|相关文章|相关稿件|热点推荐|推荐阅读|猜你喜欢|延伸阅读|网友评论|发表评论|我要评论|热门评论|最新评论|评论列表|喜欢此内容的人还喜欢|往期回顾|往期推荐)|^(关于我们|联系我们|网站地图|网站声明|版权声明|隐私政策)|版权所有|copyright|©|ICP备|ICP证|公网安备|网安备|许可证\s*(号|编号)?\s*[:：]?\s*[\d(（]|举报电话|举报邮箱|网站标识码|^(主办|承办|协办|技术支持|主管|运营|维护)(单位)?\s*[:：]`)
	// bylineRe matches dateline and credit lines.
	bylineRe = regexp.MustCompile(`^[(（]?\s*(文章)?(信息)?(来源|发布时间|发布日期|发表时间|发布人|更新时间|时间|日期|作者|稿源|出处|编辑|责任编辑|责编|审核|校对|供稿|撰稿|通讯员|记者|摄影|图文)\s*[:：]|` +
		// The rows of a government disclosure table above a document:
		// 索 引 号: | 000014349/2023-91150 | 信息分类: | |.
		`^(索\s*引\s*号|信息分类|发布机构|生成日期|成文日期|发文日期|文\s*号|发文字号|是否有效|有\s*效\s*性|主题分类|发文机关|公开方式|公开范围|体裁分类|组配分类)\s*[:：]|^[(（]\s*(文章|稿件|信息)?来源\s*[:：]?.*[)）]$|^(发布时间|发布日期)\s|^原创\s|\s发表于\S{2,4}$` +
		// A date (and time) first, then the source or a credit, as news
		// portals and mirror sites print it: 2020-06-12 10:21:35  来源：….
		`|^(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)?\s*[|｜丨/]?\s*(文章|信息)?(来源|稿源|出处|作者|编辑|责任编辑|记者|发布机构|浏览量|浏览次数|阅读量)\s*[:：|｜]` +
		// A WeChat account line: 温州经信 2024-01-18 17:30 浙江.
		`|^[^\s，。,]{2,20}(\s+[^\s，。,]{2,20})?\s+(19|20)\d{2}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2})?(\s+(发表于)?\p{Han}{2,4})?$` +
		// A speech's or report's dateline: 2023年2月8日在…大会第三次会议上,
		// —2022年2月23日在….
		`|^[-—－(（]*\s*(19|20)\d{2}年\d{1,2}月\d{1,2}日\s*在\S{2,50}(会议|大会|会)上[)）]?$` +
		// A date and a time, then a site or a credit: 2019年1月4日 16:11
		// CCTIME飞象网 作 者:姜玉波.
		`|^[•·●\s]*(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{2}([:：]\d{2})?\s+[^，。,；;]{1,40}$` +
		// A date (and time) and the publishing body, no label: 2020年5月11日
		// 10:31  辽宁省通信管理局.
		`|^(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)?\s+\p{Han}[\p{Han}（）()]{1,24}$`)
	// authorLineRe matches the author line of a signed article: an office
	// and a name set apart by spaces (福建省通信管理局党组书记、局长  张三),
	// or a credit that says so (（作者系福建省通信管理局局长张三）, 作者：…).
	// A sentence that merely names an official (会议由局长张三主持) has no
	// such gap and no such credit.
	authorLineRe = regexp.MustCompile(`^[(（]\s*作者(系|为|是)\S{2,40}[)）]$|^作者\s*[:：]\s*\S{2,40}(` + leaderTitles + `)\s*\p{Han}{2,4}$|^\p{Han}[\p{Han}、]{1,38}(` + leaderTitles + `)\s+\p{Han}{2,4}$`)
	// tableTitleRe is the row of a disclosure table that names the
	// document: 名 称: | 市人民政府办公室关于印发…的通知 |.
	tableTitleRe = regexp.MustCompile(`^(?:名\s*称|标\s*题|文件名称)\s*[:：]\s*[|｜]?\s*(.+?)\s*[|｜]?\s*$`)
	// dateOnlyRe matches a line that is only a date (and time), as pages
	// print under the title.
	dateOnlyRe = regexp.MustCompile(`^[•·●▪\s]*[\d\s年月日./:：\-]+$`)
	urlLineRe  = regexp.MustCompile(`(?i)^<?(https?:)?//\S+>?$|^<?www\.\S+>?$`)
	// addressLineRe is a line giving the page's own address under a label
	// (原文链接：http://…, 来源：https://…, URL: http://…): analysts who
	// copy a page keep where it came from. Group 1 is the address.
	addressLineRe = regexp.MustCompile(`(?i)^[(（]?\s*(?:原文链接|原文地址|原文网址|原文|本文链接|文章链接|文章地址|来源链接|来源网址|来源地址|来源|出处|网址|链接|页面地址|url|source|link)\s*[:：]?\s*<?(https?://[^\s<>)）]+)>?\s*[)）]?$`)
	urlRe         = regexp.MustCompile(`(?i)(https?:)?//[\w.-]+\.[a-z]{2,}[^\s)<>\]"'）]*`)
	mdLinkRe      = regexp.MustCompile(`!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)`)
	imageRe       = regexp.MustCompile(`(?i)^[\w.\-\s]+\.(jpe?g|png|gif|bmp|webp|svg|tiff?)$`)
	mdHeadRe      = regexp.MustCompile(`^(#{1,6}\s+|>\s*)`)
	mdEmphRe      = regexp.MustCompile(`\*\*|__`)
)

// leaderTitles are the offices a signed article's author holds.
const leaderTitles = `书记|局长|厅长|主任|省长|市长|县长|区长|州长|部长|主席|院长|董事长|总经理|会长|理事长|巡视员`

type cleaned struct {
	body    []string
	title   string
	byline  []string
	urls    []string
	address string // the page's own address, from an address line (addressOf)
}

// clean classifies lines and keeps the article. title is the title already
// known (front matter, <h1>); without one, the first line of a plain page
// that reads like a title becomes it.
func clean(lines []string, title string, format string) cleaned {
	var c cleaned
	type line struct {
		s    string
		kind int
	}
	ls := make([]line, 0, len(lines))
	for _, s := range lines {
		if s == "" {
			continue
		}
		if strings.Contains(s, "](") || strings.Contains(s, "<http") {
			for _, m := range mdLinkRe.FindAllStringSubmatch(s, -1) {
				if m[2] != "" {
					c.urls = append(c.urls, m[2])
				}
			}
		}
		k := classify(s)
		switch k {
		case kindURL:
			c.urls = append(c.urls, urlRe.FindAllString(s, -1)...)
		case kindText:
			if strings.Contains(s, "](") {
				s = mdLinkRe.ReplaceAllStringFunc(s, func(m string) string {
					if strings.HasPrefix(m, "!") {
						return ""
					}
					return mdLinkRe.FindStringSubmatch(m)[1]
				})
			}
			if format == "md" {
				s = mdHeadRe.ReplaceAllString(s, "")
				s = mdEmphRe.ReplaceAllString(s, "")
			}
			s = strings.TrimSpace(s)
			if s == "" || !hasWordChar(s) {
				continue
			}
		}
		ls = append(ls, line{s, k})
	}
	for i, l := range ls {
		if l.kind != kindURL {
			continue
		}
		if m := addressLineRe.FindStringSubmatch(l.s); m != nil {
			c.address = m[1] // a labelled address wins over a bare one
			break
		}
		// A bare address alone on a line at the top or the bottom of the
		// page is where it was saved from; one in the middle is a link.
		if c.address == "" && (i < 3 || i >= len(ls)-3) && strings.HasPrefix(strings.ToLower(strings.TrimPrefix(l.s, "<")), "http") {
			c.address = strings.Trim(l.s, "<>")
		}
	}

	// The article spans from the first to the last "long" text line; runs
	// of short lines outside it are navigation, and a footer marker after
	// the last long line ends the page.
	firstLong, lastLong := -1, -1
	for i, l := range ls {
		if l.kind == kindText && isLong(l.s) {
			if firstLong < 0 {
				firstLong = i
			}
			lastLong = i
		}
	}
	end := len(ls)
	if lastLong >= 0 {
		for i := lastLong + 1; i < len(ls); i++ {
			if ls[i].kind == kindFooter {
				end = i
				break
			}
		}
	}
	drop := make([]bool, len(ls))
	markShortRuns := func(from, to int) {
		for i := from; i < to; {
			if ls[i].kind != kindText || !isNavItem(ls[i].s) {
				i++
				continue
			}
			j := i
			for j < to && (ls[j].kind != kindText || isNavItem(ls[j].s)) {
				j++
			}
			n := 0
			for k := i; k < j; k++ {
				if ls[k].kind == kindText {
					n++
				}
			}
			if n >= 3 {
				for k := i; k < j; k++ {
					if ls[k].kind == kindText {
						drop[k] = true
					}
				}
			}
			i = j
		}
	}
	if firstLong >= 0 {
		markShortRuns(0, firstLong)
		markShortRuns(lastLong+1, end)
	}
	// When the known title (front matter, <h1>) is repeated as a line above
	// the article, the article starts there: text lines before it are the
	// page header (site name, logo, menus).
	if title != "" {
		limit := firstLong
		if limit < 0 {
			limit = len(ls)
		}
		for i := 0; i < limit && i < end; i++ {
			if ls[i].kind == kindText && sameTitle(ls[i].s, title) {
				for j := 0; j < i; j++ {
					if ls[j].kind == kindText {
						drop[j] = true
					}
				}
				break
			}
		}
	}

	// Without a known title, the headline is the longest title-like line
	// above the article (a site name or a section heading is shorter);
	// text lines above it are the page header.
	titleAt := -1
	if title == "" {
		// A disclosure table names the document: 名 称: | …的通知 |.
		for i := 0; i < len(ls) && i < 12; i++ {
			if m := tableTitleRe.FindStringSubmatch(ls[i].s); m != nil && looksLikeTitle(m[1]) {
				c.title, title, titleAt = m[1], m[1], i
				break
			}
		}
	}
	if title == "" {
		limit := firstLong
		if limit < 0 {
			limit = min(len(ls)-1, 4)
		}
		best := 0
		for i := 0; i <= limit && i < end; i++ {
			// The headline stands above its dateline (来源/发布时间): once
			// one is found, lines under the dateline (an author line, a
			// lead-in) are not candidates. A bare date does not count: a
			// page's top bar may print one above the headline.
			if titleAt >= 0 && ls[i].kind == kindByline {
				break
			}
			if ls[i].kind != kindText || drop[i] || isDateLine(ls[i].s) || !looksLikeTitle(ls[i].s) {
				continue
			}
			if n := utf8.RuneCountInString(ls[i].s); n > best {
				titleAt, best = i, n
			}
		}
		if titleAt >= 0 {
			c.title = ls[titleAt].s
			for j := 0; j < titleAt; j++ {
				if ls[j].kind == kindText && !isDateLine(ls[j].s) {
					drop[j] = true
				}
			}
		}
	}
	for i := 0; i < end; i++ {
		l := ls[i]
		if drop[i] {
			continue
		}
		switch l.kind {
		case kindByline:
			c.byline = append(c.byline, l.s)
			continue
		case kindChrome, kindURL, kindFooter:
			continue
		}
		// A date alone on a line above the article is a dateline.
		if (firstLong < 0 || i < firstLong) && isDateLine(l.s) {
			c.byline = append(c.byline, l.s)
			continue
		}
		if i == titleAt {
			continue
		}
		if title != "" && len(c.body) < 3 && (firstLong < 0 || i < firstLong) && sameTitle(l.s, title) {
			continue
		}
		c.body = append(c.body, l.s)
	}
	// Footer lines may still carry a dateline we want (rare): keep bylines
	// from the dropped tail too.
	for i := end; i < len(ls); i++ {
		if ls[i].kind == kindByline {
			c.byline = append(c.byline, ls[i].s)
		}
	}
	return c
}

func classify(s string) int {
	if strings.Contains(s, "http") && addressLineRe.MatchString(s) {
		return kindURL
	}
	if looksLikeURL(s) && urlLineRe.MatchString(s) {
		return kindURL
	}
	if strings.Contains(s, "](") && len(s) <= 2000 && isLinkList(s) {
		return kindURL
	}
	// Page furniture is short; an article paragraph is not checked further.
	if len(s) > 360 {
		return kindText
	}
	n := utf8.RuneCountInString(s)
	if n > 120 || (n > 40 && strings.Contains(s, "。")) {
		return kindText // furniture has no full sentences
	}
	if strings.IndexByte(s, '.') >= 0 && imageRe.MatchString(s) {
		return kindChrome
	}
	if footerRe.MatchString(s) {
		return kindFooter
	}
	if bylineRe.MatchString(s) || (n <= 50 && authorLineRe.MatchString(s)) {
		return kindByline
	}
	if n <= 60 && chromeRe.MatchString(s) {
		return kindChrome
	}
	if n <= 80 && isLinkBar(s) {
		return kindChrome
	}
	return kindText
}

func looksLikeURL(s string) bool {
	s = strings.TrimPrefix(s, "<")
	return strings.HasPrefix(s, "http") || strings.HasPrefix(s, "HTTP") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "www.")
}

// isLinkList reports a line made only of markdown links and separators.
func isLinkList(s string) bool {
	if !strings.Contains(s, "](") {
		return false
	}
	rest := mdLinkRe.ReplaceAllString(s, "")
	return strings.Trim(rest, " |｜·/、,，-—>»\t") == ""
}

// isLinkBar reports a row of short menu entries: 关于我们 | 广告服务 | 联系我们.
func isLinkBar(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '｜' || r == '丨' })
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(strings.TrimSpace(p)) > 10 {
			return false
		}
	}
	return true
}

const sentencePunct = "。，；！？,;!?：:"

// isLong reports an article-like line: long, or a sentence.
func isLong(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 40 || (n >= 12 && strings.ContainsAny(s, "。；！？"))
}

// isNavItem reports a menu-like line: a few characters, no punctuation.
func isNavItem(s string) bool {
	return utf8.RuneCountInString(s) <= 8 && !strings.ContainsAny(s, sentencePunct+"、")
}

// looksLikeTitle reports a line that reads like a headline: not too short
// or long, no full stop, not ending in punctuation (an addressee line ends
// in a colon), at most one comma.
func looksLikeTitle(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 4 || n > 80 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("。；;，,、：:", last) {
		return false
	}
	return !strings.Contains(s, "。") && strings.Count(s, "，")+strings.Count(s, ",") <= 1
}

// isDateLine reports a line that is only a date (and time).
func isDateLine(s string) bool {
	return dateOnlyRe.MatchString(s) && strings.ContainsAny(s, "-年/.")
}

func sameTitle(a, b string) bool {
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || unicode.IsPunct(r) {
				return -1
			}
			return r
		}, s)
	}
	return squash(a) == squash(b)
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
