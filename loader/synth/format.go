package synth

import (
	"fmt"
	"strings"
)

// render assembles the file text in the notice's format.
func (g *gen) render() string {
	switch g.format {
	case "md":
		return g.renderMD()
	case "html":
		return g.renderHTML()
	}
	return g.renderTXT()
}

// views is a page-view count shown in page chrome (浏览量).
func (g *gen) views() int { return 50 + g.intn(5000) }

// icp is an ICP filing number, page chrome.
func (g *gen) icp() string {
	return fmt.Sprintf("%sICP备%08d号-1", g.prov.Abbr, 5000000+g.intn(20000000))
}

func (g *gen) siteName() string {
	if g.site != "" {
		return g.site
	}
	return g.truth.Issuer
}

func (g *gen) renderTXT() string {
	var b strings.Builder
	if g.chance(0.03) {
		b.WriteString("\ufeff")
	}
	switch g.intn(6) {
	case 0:
		b.WriteString("首页\n工作动态\n政务公开\n互动交流\n\n您的位置：首页 > 工作动态 > 正文\n\n")
	case 1:
		fmt.Fprintf(&b, "当前位置:%s> 信息公开 > 工作动态\n", g.siteName())
	}
	b.WriteString(g.truth.Title + "\n")
	if g.intn(2) == 0 {
		b.WriteString("\n")
	}
	if g.dateLine {
		ts := g.pubTime.Format("2006-01-02 15:04")
		switch g.intn(4) {
		case 0:
			fmt.Fprintf(&b, "发布时间:%s\n", ts)
		case 1:
			fmt.Fprintf(&b, "来源:%s      发布时间:%s       浏览量:%d 次\n", g.source, g.pubTime.Format("2006-01-02"), g.views())
		case 2:
			fmt.Fprintf(&b, "来源：%s  %s\n", g.source, g.pubTime.Format("2006-01-02 15:04:05"))
		default:
			fmt.Fprintf(&b, "发布时间：%s　来源：%s\n", ts, g.source)
		}
		b.WriteString("\n")
	}
	if g.byline != "" {
		b.WriteString(g.byline + "\n\n")
	}
	indent := g.pick([]string{"", "  ", "　　"})
	sep := g.pick([]string{"\n", "\n\n"})
	for _, p := range g.paras {
		b.WriteString(indent + p + sep)
	}
	if len(g.tail) > 0 {
		b.WriteString("\n")
		for _, t := range g.tail {
			b.WriteString(t + "\n")
		}
	}
	switch g.intn(4) {
	case 0:
		b.WriteString("\n【返回顶部】 【关闭窗口】 【打印本页】\n")
	case 1:
		fmt.Fprintf(&b, "\n版权所有：%s\n备案号:%s\n", g.siteName(), g.icp())
	}
	return b.String()
}

func (g *gen) renderMD() string {
	var b strings.Builder
	b.WriteString("---\n")
	if g.intn(2) == 0 {
		b.WriteString("layout: post\n")
	}
	fmt.Fprintf(&b, "title: \"%s\"\n", g.truth.Title)
	fmt.Fprintf(&b, "date: %s +0800\n", g.pubTime.Format("2006-01-02 15:04:05"))
	if g.truth.DocType == typeArticle {
		b.WriteString("categories: renminyoudianbao\ntags: 人民邮电报新闻\n")
	} else {
		fmt.Fprintf(&b, "source: %s\n", g.source)
	}
	b.WriteString("---\n")
	if g.byline != "" {
		b.WriteString(g.byline + "\n\n")
	}
	html := g.intn(2) == 0
	for i, p := range g.paras {
		if html {
			if i > 0 {
				b.WriteString("\n ")
			}
			b.WriteString("<p>" + p + "</p>")
		} else {
			b.WriteString(p + "\n\n")
		}
	}
	if html {
		b.WriteString("\n\n")
	}
	for _, t := range g.tail {
		b.WriteString(t + "\n\n")
	}
	if g.truth.DocType == typeArticle && g.intn(2) == 0 {
		b.WriteString("[返回人民邮电报新闻](//finews.example.com/category/renminyoudianbao.html)｜[返回首页](//finews.example.com/)\n")
	}
	return b.String()
}

func (g *gen) renderHTML() string {
	var b strings.Builder
	site := g.siteName()
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s_%s</title>\n</head>\n<body>\n", g.truth.Title, site)
	b.WriteString("<div class=\"header\"><div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/col/gzdt/\">工作动态</a></li><li><a href=\"/col/zwgk/\">政务公开</a></li><li><a href=\"/col/hdjl/\">互动交流</a></li></ul></div></div>\n")
	b.WriteString("<div class=\"breadcrumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/col/gzdt/\">工作动态</a> &gt; 正文</div>\n")
	b.WriteString("<div class=\"article\">\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", g.truth.Title)
	fmt.Fprintf(&b, "<div class=\"info\">发布时间：%s　来源：%s　浏览量：%d次</div>\n", g.pubTime.Format("2006-01-02 15:04"), g.source, g.views())
	b.WriteString("<div class=\"content\">\n")
	if g.byline != "" {
		fmt.Fprintf(&b, "<p class=\"author\">%s</p>\n", g.byline)
	}
	for _, p := range g.paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	for _, t := range g.tail {
		fmt.Fprintf(&b, "<p style=\"text-align:right\">%s</p>\n", t)
	}
	b.WriteString("</div>\n")
	b.WriteString("<div class=\"share\">分享到：微信 微博 QQ空间</div>\n<div class=\"print\"><a href=\"javascript:window.print()\">【打印本页】</a> <a href=\"javascript:window.close()\">【关闭窗口】</a></div>\n</div>\n")
	b.WriteString("<div class=\"related\"><h3>相关链接</h3><ul><li><a href=\"http://www.miit.gov.cn/\">工业和信息化部</a></li><li><a href=\"/col/tzgg/\">通知公告</a></li></ul></div>\n")
	seat := g.prov.Capital
	if g.level != levelProvince {
		seat = g.localName()
	}
	fmt.Fprintf(&b, "<div class=\"footer\"><p>版权所有：%s　地址：%s人民路%d号　邮编：%d</p><p><a href=\"https://beian.miit.gov.cn/\">%s</a>　%s公网安备 %s%012d号</p></div>\n",
		site, seat, 1+g.intn(300), 100000+g.intn(800000), g.icp(), g.prov.Abbr, g.prov.Code, g.intn(1000000000))
	b.WriteString("</body>\n</html>\n")
	return b.String()
}
