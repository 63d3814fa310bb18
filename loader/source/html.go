package source

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipElements never hold article text. (<form> is not one: ASP.NET sites
// wrap the whole page in a form.)
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Select: true,
	atom.Button: true, atom.Iframe: true, atom.Textarea: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Map: true, atom.Head: true,
}

// blockElements end a line.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Main: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Dd: true, atom.Dt: true,
	atom.Dl: true, atom.Center: true, atom.Figure: true, atom.Figcaption: true, atom.Caption: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Address: true, atom.Body: true, atom.Html: true,
}

// chromeClassRe matches class or id values of page furniture.
var chromeClassRe = regexp.MustCompile(`(?i)(breadcrumb|crumbs?\b|navbar|\bnav\b|\bmenu\b|footer|\bfoot\b|copyright|share|comment|sidebar|\bside\b|related|toolbar|pagination|\bpager\b|\bads?\b|advert|\blogin\b|\bsearch\b|\btopbar\b|\bfriend-?links?\b)`)

var tagRe = regexp.MustCompile(`(?i)</?(p|div|br|span|a|b|i|u|strong|em|font|img|h[1-6]|li|ul|ol|table|tr|td|th|section|article|blockquote|center|html|body|head|meta|link|script|style|iframe|section|figure|sup|sub)\b[^>]*>`)

// containsMarkup reports whether plain or markdown text carries HTML tags
// worth parsing (a Jekyll post written as <p> paragraphs).
func containsMarkup(s string) bool {
	head := s
	if len(head) > 65536 {
		head = head[:65536]
	}
	return len(tagRe.FindAllStringIndex(head, 3)) >= 3
}

// looksLikeHTMLDocument reports whether text saved as .txt is a whole page.
func looksLikeHTMLDocument(s string) bool {
	head := strings.TrimSpace(s[:min(len(s), 2048)])
	head = strings.ToLower(head[:min(len(head), 1024)])
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		(strings.Contains(head, "<html") && strings.Contains(head, "<head"))
}

// htmlLines extracts the visible text of an HTML page or fragment as lines,
// without scripts, styles, navigation, footers and elements whose class or
// id names page furniture, and lines that are all link text. It returns the
// page title (see pickTitle), the page's own URL from canonical/og:url
// metadata, and warnings for broken markup.
//
// With keepNewlines (text or markdown carrying a few tags) a newline in the
// text also ends a line, as it does in the plain text around the tags.
func htmlLines(src string, keepNewlines bool) (lines []string, title string, urls []string, warnings []string) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return strings.Split(tagRe.ReplaceAllString(src, "\n"), "\n"), "", nil, []string{"broken HTML, tags stripped: " + err.Error()}
	}
	if n := unclosedRawText(src); n != "" {
		warnings = append(warnings, "broken HTML: unclosed <"+n+">, its content dropped")
	}
	var pageTitle string
	var headings []string // h1–h3 and elements whose class names a title, in order
	var cur strings.Builder
	linkDepth, curChars, curLinkChars := 0, 0, 0
	flush := func() {
		// A line that is all link text is navigation, a related-links list
		// or a "next article" pointer, not article text.
		allLink := curLinkChars > 0 && curLinkChars*10 >= curChars*9
		if s := strings.TrimSpace(cur.String()); s != "" && !allLink {
			lines = append(lines, s)
		}
		cur.Reset()
		curChars, curLinkChars = 0, 0
	}
	write := func(s string) {
		cur.WriteString(s)
		n := utf8.RuneCountInString(s)
		curChars += n
		if linkDepth > 0 {
			curLinkChars += n
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if keepNewlines && strings.Contains(n.Data, "\n") {
				for i, part := range strings.Split(n.Data, "\n") {
					if i > 0 {
						flush()
					}
					write(strings.Join(strings.Fields(part), " "))
				}
				return
			}
			write(strings.Join(strings.Fields(n.Data), " "))
			if strings.HasSuffix(n.Data, " ") || strings.HasSuffix(n.Data, "\n") {
				cur.WriteByte(' ')
			}
			return
		case html.ElementNode:
			if n.DataAtom == atom.Title && pageTitle == "" {
				pageTitle = textOf(n)
			}
			if skipElements[n.DataAtom] {
				return
			}
			if isChromeElement(n) {
				flush()
				return
			}
			if isHeading(n) {
				if h := strings.Join(strings.Fields(textOf(n)), " "); h != "" {
					headings = append(headings, h)
				}
			}
			if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
				cur.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.DataAtom]
		if block {
			flush()
		}
		link := n.Type == html.ElementNode && n.DataAtom == atom.A
		if link {
			linkDepth++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if link {
			linkDepth--
		}
		if block {
			flush()
		}
	}
	// <title> lives in <head>, which the walk skips.
	var findTitle func(n *html.Node)
	findTitle = func(n *html.Node) {
		// Browsers mark a saved page with its address:
		// <!-- saved from url=(0058)http://… -->.
		if n.Type == html.CommentNode {
			if m := savedFromRe.FindStringSubmatch(n.Data); m != nil {
				urls = append(urls, m[1])
			}
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if pageTitle == "" {
					pageTitle = textOf(n)
				}
			case atom.Link, atom.Meta, atom.Base:
				if u := pageURL(n); u != "" {
					urls = append(urls, u)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			findTitle(c)
		}
	}
	findTitle(root)
	walk(root)
	flush()
	return lines, pickTitle(headings, pageTitle), urls, warnings
}

// savedFromRe reads the address a browser notes in a saved page.
var savedFromRe = regexp.MustCompile(`saved from url=\(\d+\)\s*(\S+)`)

var titleClassRe = regexp.MustCompile(`(?i)(^|[\s_-])(article-?)?(title|headline|biaoti|bt)($|[\s_-])`)

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3:
		return true
	}
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && titleClassRe.MatchString(a.Val) {
			return true
		}
	}
	return false
}

// pickTitle chooses the article title: the heading that <title> repeats
// (pages title themselves "标题_站点名"), else the first substantial
// heading, else <title> without the site name.
func pickTitle(headings []string, pageTitle string) string {
	pageTitle = strings.Join(strings.Fields(pageTitle), " ")
	best := ""
	for _, h := range headings {
		if utf8.RuneCountInString(h) < 5 || utf8.RuneCountInString(h) > 120 {
			continue
		}
		if pageTitle != "" && (strings.Contains(pageTitle, h) || strings.Contains(h, siteTitle(pageTitle))) && len(h) > len(best) {
			best = h
		}
	}
	if best != "" {
		return best
	}
	if t := siteTitle(pageTitle); utf8.RuneCountInString(t) >= 5 {
		return t
	}
	for _, h := range headings {
		if utf8.RuneCountInString(h) >= 5 && utf8.RuneCountInString(h) <= 120 {
			return h
		}
	}
	return siteTitle(pageTitle)
}

// pageURL reads the page's own address from <link rel="canonical">,
// <meta property="og:url"> or <base href>.
func pageURL(n *html.Node) string {
	var rel, href, prop, content string
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "rel":
			rel = strings.ToLower(a.Val)
		case "href":
			href = a.Val
		case "property", "name":
			prop = strings.ToLower(a.Val)
		case "content":
			content = a.Val
		}
	}
	switch {
	case n.DataAtom == atom.Link && rel == "canonical":
		return href
	case n.DataAtom == atom.Base:
		return href
	case n.DataAtom == atom.Meta && (prop == "og:url" || prop == "url" || prop == "articleurl"):
		return content
	}
	return ""
}

func isChromeElement(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id" || a.Key == "role") && chromeClassRe.MatchString(a.Val) {
			// An article body whose container happens to be called
			// "content-share" still wins: keep elements with long text.
			return !hasRunes(n, 400)
		}
	}
	return false
}

// hasRunes reports whether the text under n has at least limit runes,
// stopping as soon as it does.
func hasRunes(n *html.Node, limit int) bool {
	count := 0
	var f func(*html.Node) bool
	f = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			count += utf8.RuneCountInString(strings.TrimSpace(n.Data))
			return count >= limit
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f(c) {
				return true
			}
		}
		return false
	}
	return f(n)
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

// siteTitle drops the site name that pages append to <title>
// (标题_山东省通信管理局, 标题 - 新闻 | 某网).
func siteTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	for _, sep := range []string{"_", " - ", " | ", "｜", "—", "--"} {
		if i := strings.Index(t, sep); i > 0 {
			left := strings.TrimSpace(t[:i])
			if len([]rune(left)) >= 6 {
				t = left
			}
		}
	}
	return t
}

var rawOpenRe = map[string]*regexp.Regexp{
	"script": regexp.MustCompile(`<script\b`),
	"style":  regexp.MustCompile(`<style\b`),
}

// unclosedRawText names a <script> or <style> opened after the last closing
// tag of its kind: the parser swallows everything after it.
func unclosedRawText(src string) string {
	lower := asciiLower(src)
	for _, name := range []string{"script", "style"} {
		locs := rawOpenRe[name].FindAllStringIndex(lower, -1)
		if len(locs) == 0 {
			continue
		}
		if locs[len(locs)-1][0] > strings.LastIndex(lower, "</"+name) {
			return name
		}
	}
	return ""
}

// asciiLower lower-cases ASCII letters only: tag names are ASCII, and
// strings.ToLower would decode every rune of a large page.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
