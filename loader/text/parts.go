package text

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Cue phrases that open a part when they begin a sentence (after any
// enumeration marker such as 一是 or （二）). They are the stock openings of
// work-conference reports, rectification reports and signed articles.
var (
	reviewStarts = []string{
		"会议指出", "会议认为", "会议总结", "会议回顾", "会议肯定", "会议充分肯定", "会议通报了过去",
		"报告指出", "报告回顾", "讲话指出", "讲话回顾",
		"一年来", "过去一年", "过去的一年", "这一年", "年初以来", "今年以来", "近年来", "近几年",
		"几年来", "五年来", "三年来", "过去五年", "过去几年", "回顾", "去年以来",
		"整改进展", "整改情况", "整改落实情况", "工作开展情况", "工作成效", "主要成效", "取得成效",
		"主要做法", "工作完成情况", "工作总结", "主要工作", "十四五以来", "十三五以来",
	}
	planStarts = []string{
		"会议强调", "会议要求", "会议部署", "会议提出", "会议明确", "会议号召", "会议安排",
		"报告强调", "报告要求", "讲话强调", "讲话要求",
		"下一步", "下步", "今后", "展望", "新的一年", "新一年", "明年", "来年",
		"下一阶段", "下阶段", "工作打算", "工作安排", "工作思路", "工作计划", "重点任务",
		"主要任务", "工作重点", "目标任务",
	}
	otherStarts = []string{
		"会议传达", "会议通报", "会议表彰", "会议宣读", "会议审议", "会议听取", "会议由", "会上",
		"欢迎广大", "特此", "联系方式", "附件", "原标题",
	}
	// Short heading lines name their section anywhere in the line.
	reviewHeads = []string{"进展情况", "整改情况", "落实情况", "基本情况", "工作成效", "主要成效",
		"工作回顾", "主要做法", "完成情况", "工作总结", "取得成绩", "主要成绩", "发展基础", "发展现状",
		"发展回顾", "前期发展情况", "工作基础", "现状与形势", "发展成就"}
	planHeads = []string{"打算", "下一步", "下步", "今后", "工作安排", "工作计划", "重点任务",
		"工作思路", "目标任务", "主要任务", "努力方向", "主要目标", "发展目标", "工作目标", "预期目标",
		"行动目标", "总体目标", "具体目标", "建设目标", "重点工程", "保障措施"}
	// Future-tense openings (山东将持续…) that start a plan passage when
	// they come early in a sentence.
	planVerbs = []string{"将继续", "将持续", "将进一步", "将坚持", "将全力", "将着力", "将加快",
		"将聚焦", "将重点", "将紧紧", "将深入", "将全面", "将大力", "将不断", "将以"}
	// chrome marks page furniture anywhere in a sentence.
	chrome = []string{
		"浏览量", "浏览次数", "阅读量", "阅读次数", "点击数:", "点击数：", "访问量", "发布时间", "发布日期",
		"来源:", "来源：", "文章来源", "责任编辑", "编辑:", "编辑：", "作者:", "作者：", "当前位置",
		"您的位置", "您现在的位置", "版权所有", "Copyright", "copyright", "ICP备", "ICP证", "公网安备",
		"返回顶部", "关闭窗口", "打印本页", "【返回", "[返回", "分享到", "字号:", "字号：", "【字体",
		"联系电话", "电子邮箱", "邮政地址", "邮箱:", "邮箱：", "http://", "https://", "www.",
		"举报电话", "举报邮箱", "主办单位", "承办单位", "技术支持", "网站地图", "相关推荐", "网友评论",
		"关于我们", "上一篇", "下一篇", "扫一扫", ".jpg", ".png", ".gif", "A+A-",
	}
)

// chromeByFirst indexes the chrome markers by first rune; chromeFirst is a
// bitset of those runes, so that IsChrome reads a sentence once.
var (
	chromeByFirst = map[rune][]string{}
	chromeFirst   [1024]uint64
)

func init() {
	for _, c := range chrome {
		r, _ := utf8.DecodeRuneInString(c)
		chromeByFirst[r] = append(chromeByFirst[r], c)
		chromeFirst[r>>6] |= 1 << (r & 63)
	}
}

// IsChrome reports whether a sentence is page furniture (navigation,
// footers, bylines, visit counters, contact lines) rather than notice text.
// Numbers in such sentences are never indicators.
func IsChrome(s string) bool {
	return IsChromeSimplified(Simplify(s))
}

// IsChromeSimplified is IsChrome for a sentence already passed through
// Simplify, for callers that need the simplified text anyway.
func IsChromeSimplified(s string) bool {
	for i, r := range s {
		if r >= 0x10000 || chromeFirst[r>>6]&(1<<(r&63)) == 0 {
			continue
		}
		for _, c := range chromeByFirst[r] {
			if strings.HasPrefix(s[i:], c) {
				return true
			}
		}
	}
	// Licence numbers: 许可证37120180030, 许可证(鲁)字第720号.
	for i := strings.Index(s, "许可证"); i >= 0; {
		rest := s[i+len("许可证"):]
		if r, _ := utf8.DecodeRuneInString(rest); r == '(' || r == '（' || r == ':' || r == '：' || leadingDigits(rest) >= 6 {
			return true
		}
		j := strings.Index(rest, "许可证")
		if j < 0 {
			break
		}
		i += len("许可证") + j
	}
	return false
}

// classify assigns a part to every sentence, carrying the current part
// forward until a new cue opens another.
//
// A future-tense opening alone (山东将持续…, 今年，我市将继续…) is a weak cue:
// it makes the rest of its paragraph plan, and the part before it resumes
// with the next paragraph — a news item that mentions what it will do next
// goes on reporting what was done.
func classify(ss []Sentence, y Years) {
	state := Other
	weak, resume, weakPara := false, Other, -1
	for i := range ss {
		s := &ss[i]
		if weak && s.Para != weakPara {
			state, weak = resume, false
		}
		if IsChrome(s.Text) {
			s.Part = Other
			continue
		}
		heading := isHeading(ss, i)
		if p, ok := cue(s.Text, heading, state, y); ok {
			if p == Plan && (weakPlanCue(s.Text) || midParagraph(ss, i) && opensOnPlanStart(s.Text)) {
				if !weak {
					resume = state
				}
				weak, weakPara = true, s.Para
			} else {
				weak = false
			}
			state = p
		}
		s.Part = state
	}
}

// midParagraph reports a sentence that is not the first of its paragraph:
// a plan cue there (…全市5G终端用户已占32.4%。下一步，…将进一步提高。)
// is a news item's aside on what comes next, not the opening of a plan
// section, which starts a paragraph or a heading of its own.
func midParagraph(ss []Sentence, i int) bool {
	return i > 0 && ss[i-1].Para == ss[i].Para
}

// opensOnPlanStart reports a sentence opening on a stock plan phrase
// (下一步, 今后, 会议要求 …).
func opensOnPlanStart(sentence string) bool {
	t := normaliseStart(Simplify(sentence))
	for _, c := range planStarts {
		if strings.HasPrefix(t, c) {
			return true
		}
	}
	return false
}

// weakPlanCue reports a sentence whose only plan cue is a future-tense verb
// near its start (planVerbs), not a heading or a stock phrase.
func weakPlanCue(sentence string) bool {
	t := normaliseStart(Simplify(sentence))
	for _, c := range planStarts {
		if strings.HasPrefix(t, c) {
			return false
		}
	}
	if _, _, ok := leadingYear(t); ok {
		return false
	}
	head := firstRunes(t, 20)
	for _, c := range planVerbs {
		if strings.Contains(head, c) {
			return true
		}
	}
	return false
}

// isHeading reports a sentence that is a whole short line of its own.
func isHeading(ss []Sentence, i int) bool {
	s := ss[i]
	if utf8.RuneCountInString(s.Text) > 40 {
		return false
	}
	if i > 0 && ss[i-1].Para == s.Para {
		return false
	}
	if i+1 < len(ss) && ss[i+1].Para == s.Para {
		return false
	}
	// An item of a list (7.季度工作总结、报表报送及时率100%；) ends on a
	// semicolon; a heading does not.
	t := strings.TrimSpace(s.Text)
	return !strings.ContainsAny(s.Text, "，,") && !strings.HasSuffix(t, "；") && !strings.HasSuffix(t, ";")
}

func cue(sentence string, heading bool, current Part, y Years) (Part, bool) {
	t := normaliseStart(Simplify(sentence))
	if t == "" {
		return "", false
	}
	for _, c := range otherStarts {
		if strings.HasPrefix(t, c) {
			return Other, true
		}
	}
	// 2021年全省信息通信业将统筹实施五大工程：the tasks announced by their
	// number are the paragraphs that follow.
	if announcesTasks(t) {
		return Plan, true
	}
	// A meeting's own announcement (1月22日，某局召开2025年工作会议，回顾总结…，
	// 部署…) names both parts; it is the header, not either part.
	if (current == Other || startsWithDate(t)) && strings.Contains(t, "召开") &&
		(strings.Contains(t, "会议") || strings.Contains(t, "大会")) {
		return Other, true
	}
	// 会议指出，2025年是… opens the plan, not the review.
	rest := t
	for _, c := range []string{"会议指出", "会议认为", "报告指出", "讲话指出"} {
		if strings.HasPrefix(t, c) {
			rest = normaliseStart(strings.TrimPrefix(t, c))
			if yr, tail, ok := leadingYear(rest); ok && isPlanYear(yr, tail, y) {
				return Plan, true
			}
			return Review, true
		}
	}
	if yr, tail, ok := leadingYear(t); ok {
		switch {
		case toDate(tail):
			// 2021年第一季度，…完成率为33.22%: progress so far, an account.
			return Review, true
		case isPlanYear(yr, tail, y):
			return Plan, true
		case strings.HasPrefix(tail, "以来") || strings.HasPrefix(tail, "，") || strings.HasPrefix(tail, ",") ||
			strings.HasPrefix(tail, "全") || strings.HasPrefix(tail, "我"):
			// In a plan that reviews no year, a year opening a paragraph
			// of its plan part is a milestone (一、主要目标 2022年，全市新建…；
			// 到2024年，…), not an account.
			if (y.Reviewed == 0 && (current != Plan || strings.HasPrefix(tail, "以来"))) || (y.Reviewed != 0 && yr <= y.Reviewed) {
				return Review, true
			}
		}
	}
	if strings.HasPrefix(t, "到") {
		if yr, tail, ok := leadingYear(strings.TrimPrefix(t, "到")); ok && tail != "" &&
			((y.Plan != 0 && yr >= y.Plan) || (y.Plan == 0 && y.Reviewed != 0 && yr > y.Reviewed)) {
			return Plan, true
		}
	}
	for _, c := range planStarts {
		if strings.HasPrefix(t, c) {
			return Plan, true
		}
	}
	for _, c := range reviewStarts {
		if strings.HasPrefix(t, c) {
			return Review, true
		}
	}
	if heading {
		// 二、2024年重点工作 / 一、2023年工作回顾: the year decides.
		if y.Plan != 0 && y.Plan != y.Reviewed && strings.Contains(t, strconv.Itoa(y.Plan)+"年") {
			return Plan, true
		}
		if y.Reviewed != 0 && strings.Contains(t, strconv.Itoa(y.Reviewed)+"年") &&
			!(y.Plan != 0 && strings.Contains(t, strconv.Itoa(y.Plan)+"年")) {
			return Review, true
		}
		for _, c := range planHeads {
			if strings.Contains(t, c) {
				return Plan, true
			}
		}
		for _, c := range reviewHeads {
			if strings.Contains(t, c) {
				return Review, true
			}
		}
	}
	head := firstRunes(t, 20)
	if !strings.Contains(head, "已") {
		for _, c := range planVerbs {
			if strings.Contains(head, c) {
				return Plan, true
			}
		}
	}
	return "", false
}

// isPlanYear reports whether a leading "YYYY年…" names the plan year:
// 2025年是…, 2025年要…, or 2025年， when 2025 is the plan year.
func isPlanYear(yr int, tail string, y Years) bool {
	future := (y.Plan != 0 && yr >= y.Plan) || (y.Plan == 0 && y.Reviewed != 0 && yr > y.Reviewed)
	if !future {
		return false
	}
	for _, c := range []string{"是", "，", ",", "要", "将", "全", "我", "工作", "的"} {
		if strings.HasPrefix(tail, c) {
			return true
		}
	}
	return false
}

// toDate reports the text after a year's 年 naming a part of it gone by:
// 第一季度，, 上半年，, 1-4月，, 1至10月.
func toDate(tail string) bool {
	for _, p := range []string{"第一季度", "一季度", "上半年", "前三季度", "第三季度"} {
		if strings.HasPrefix(tail, p) {
			return true
		}
	}
	rs := []rune(tail)
	k := 0
	for k < len(rs) && k < 2 && rs[k] >= '0' && rs[k] <= '9' {
		k++
	}
	if k == 0 || k >= len(rs) || !strings.ContainsRune("-—–~至", rs[k]) {
		return false
	}
	k++
	n := k
	for k < len(rs) && k < n+2 && rs[k] >= '0' && rs[k] <= '9' {
		k++
	}
	return k > n && k < len(rs) && rs[k] == '月'
}

// leadingYear parses a year (2000–2099) written as four digits followed by 年
// at the start of s, returning the text after 年.
func leadingYear(s string) (int, string, bool) {
	rs := []rune(s)
	if len(rs) < 5 {
		return 0, "", false
	}
	yr := 0
	for i := 0; i < 4; i++ {
		d := digit(rs[i])
		if d < 0 {
			return 0, "", false
		}
		yr = yr*10 + d
	}
	if rs[4] != '年' || yr < 2000 || yr > 2099 {
		return 0, "", false
	}
	return yr, string(rs[5:]), true
}

func digit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// startsWithDate reports a sentence opening with a month-day date (1月22日).
func startsWithDate(s string) bool {
	i := 0
	for _, r := range s {
		if digit(r) < 0 {
			return i > 0 && r == '月'
		}
		i++
	}
	return false
}

func firstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// normaliseStart drops leading spaces, quotes and enumeration markers (一、
// （二） 3. 一是 第一， 首先，) so that cue phrases can be matched at the start.
func normaliseStart(s string) string {
	for {
		before := s
		s = strings.TrimLeft(s, " \t\u3000\u00a0“”\"'「」")
		s = stripEnum(s)
		if s == before {
			return s
		}
	}
}

const cnDigits = "一二三四五六七八九十"

func stripEnum(s string) string {
	// Most sentences open on none of the marks below: leave them before
	// decoding the whole sentence.
	r0, _ := utf8.DecodeRuneInString(s)
	if r0 != '(' && r0 != '（' && r0 != '第' && !strings.ContainsRune(cnDigits, r0) && digit(r0) < 0 &&
		!strings.HasPrefix(s, "首先") && !strings.HasPrefix(s, "其次") && !strings.HasPrefix(s, "最后") {
		return s
	}
	rs := []rune(s)
	if len(rs) == 0 {
		return s
	}
	// （一） (一) (1) （1）
	if rs[0] == '(' || rs[0] == '（' {
		j := 1
		for j < len(rs) && (strings.ContainsRune(cnDigits, rs[j]) || digit(rs[j]) >= 0) {
			j++
		}
		if j > 1 && j < len(rs) && (rs[j] == ')' || rs[j] == '）') {
			return string(rs[j+1:])
		}
		return s
	}
	j := 0
	if rs[0] == '第' {
		j = 1
	}
	k := j
	for k < len(rs) && (strings.ContainsRune(cnDigits, rs[k]) || digit(rs[k]) >= 0) {
		k++
	}
	if k == j || k >= len(rs) {
		if strings.HasPrefix(s, "首先") || strings.HasPrefix(s, "其次") || strings.HasPrefix(s, "最后") {
			return strings.TrimLeft(string(rs[2:]), "，,、")
		}
		return s
	}
	switch rs[k] {
	case '、', '．':
		return string(rs[k+1:])
	case '.':
		// 1.针对… but not 1.5万
		if k+1 < len(rs) && digit(rs[k+1]) < 0 {
			return string(rs[k+1:])
		}
	case '是':
		if j == 0 && digit(rs[0]) < 0 {
			return string(rs[k+1:])
		}
	case '要':
		// 一要…, 二要… (会议要求 lists)
		if j == 0 && digit(rs[0]) < 0 && k == 1 {
			return string(rs[k+1:])
		}
	case '，', ',':
		if j == 1 {
			return string(rs[k+1:])
		}
	}
	return s
}

func leadingDigits(s string) int {
	n := 0
	for _, r := range s {
		if digit(r) < 0 {
			break
		}
		n++
	}
	return n
}

// taskNouns are what a plan announces by their number: 五大工程, 六项行动.
var taskNouns = []string{"工程", "行动", "任务", "举措", "重点工作", "专项行动"}

// announcesTasks reports a sentence that says, in the future tense, how many
// tasks follow (将统筹实施五大工程, 要重点抓好六项工作): a numeral, 大 or 项,
// and a task noun, after 将, 要 or 计划, with no 已 or 了 to say it is done.
func announcesTasks(t string) bool {
	if strings.Contains(t, "已") || strings.Contains(t, "了") {
		return false
	}
	fut := strings.Index(t, "将")
	for _, w := range []string{"要", "计划"} {
		if i := strings.Index(t, w); i >= 0 && (fut < 0 || i < fut) {
			fut = i
		}
	}
	if fut < 0 {
		return false
	}
	// A numeral, then 大 or 项, then a task noun, from the rune after the
	// future marker on (byte offsets: no rune slice of the sentence).
	u := t[fut:]
	prev, first := rune(0), true
	for i, r := range u {
		if first {
			prev, first = r, false
			continue
		}
		p := prev
		prev = r
		if (r != '大' && r != '项') || !strings.ContainsRune("一二三四五六七八九十两", p) {
			continue
		}
		rest := u[i+utf8.RuneLen(r):]
		for _, n := range taskNouns {
			if strings.HasPrefix(rest, n) {
				return true
			}
		}
	}
	return false
}
