package extract

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/policylens/policylens/loader/text"
)

// Extractor finds numeric indicators in sentences. It holds only read-only
// state after New, so one Extractor serves many goroutines.
type Extractor struct {
	cat   *Catalogue
	units *Units
}

// Option configures an Extractor.
type Option func(*Extractor)

// WithUnits makes the Extractor read units from the catalogue u instead of
// the one built into the binary (data/units.yaml).
func WithUnits(u *Units) Option {
	return func(e *Extractor) {
		if u != nil {
			e.units = u
		}
	}
}

// New returns an Extractor that names metrics from the catalogue c (nil
// means no canonical names).
func New(c *Catalogue, opts ...Option) *Extractor {
	e := &Extractor{cat: c, units: DefaultUnits()}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Doc is a notice as the extractor sees it: its sentences with their parts,
// and the years that tell what an undated figure refers to.
type Doc struct {
	Sentences              []text.Sentence
	ReviewedYear, PlanYear int
	// Published is the publication date; zero if unknown.
	Published time.Time
}

// Indicator is one numeric indicator: a figure, what it counts, and whether
// it is an achievement or a target for which year.
type Indicator struct {
	// SentenceNo is the sentence the figure is in (text.Sentence.No).
	SentenceNo int
	// Start and End are rune offsets of the figure within the sentence text.
	Start, End int
	// Surface is the figure as written, qualifiers included (超31万个).
	Surface string
	// Metric is a short phrase from the sentence naming what is counted.
	Metric string
	// Canonical is the catalogue name of the metric, or "".
	Canonical string
	// Measure is total, increment, rate, growth, rank or count.
	Measure string
	// Value is the normalised number (24.2万 → 242000); for a range, its lower end.
	Value float64
	// ValueMax is the upper end of a range when HasMax.
	ValueMax float64
	HasMax   bool
	// Unit is the counting unit after normalisation (个, 元, %, 位次 …).
	Unit string
	// Qualifier is exact, over, at_least, approx, at_most or range.
	Qualifier string
	// Kind is achievement, target or other.
	Kind string
	// Year is the year the figure refers to; 0 if unknown.
	Year int
}

// Document extracts the indicators of every sentence of a notice. Sentences
// that are page chrome are skipped.
func (e *Extractor) Document(d Doc) []Indicator {
	ctx := newDocContext(d.ReviewedYear, d.PlanYear, d.Published)
	if ctx.achievementYear != d.ReviewedYear && d.ReviewedYear > 0 && anchoredReview(d.Sentences, d.ReviewedYear) {
		ctx.achievementYear = d.ReviewedYear
	}
	var out []Indicator
	para, paraYear := -1, 0
	for _, s := range d.Sentences {
		if s.Para != para {
			para, paraYear = s.Para, 0
		}
		sctx := ctx
		if paraYear > 0 && !containsAny(text.Simplify(s.Text), nowWords...) {
			sctx.achievementYear = paraYear
		}
		if y := openingYear(s.Text, ctx); y > 0 {
			paraYear = y
		}
		inds := e.sentence(s.No, s.Text, s.Part, sctx)
		if len(inds) == 0 || text.IsChrome(s.Text) || isAttendance(s.Text) {
			continue
		}
		out = append(out, inds...)
	}
	return out
}

// nowWords date a sentence to the time of writing, not to a year named
// earlier in its paragraph.
var nowWords = []string{"目前", "当前", "现已", "现有", "截至", "截止", "近年来", "今年", "近日", "日前"}

// openingYear is the past year a sentence opens with as a bare time
// adverbial — 截至2020年底，…; 2020年，…; “十三五”时期，… (2020) — which
// governs the undated achievements of the rest of its paragraph: a
// sentence cut at ； and the sentences after it. A future year (到2025年)
// opens no review.
func openingYear(s string, ctx docContext) int {
	t := strings.TrimLeft(s, " 　“\"")
	if r, _ := utf8.DecodeRuneInString(t); !isDigit(r) && r != '截' && r != '十' {
		return 0 // the common case, decided without simplifying
	}
	rs := []rune(text.Simplify(t))
	limit := ctx.reviewed
	if limit == 0 {
		limit = ctx.achievementYear
	}
	i := 0
	if hasAt(rs, 0, "截至") || hasAt(rs, 0, "截止") {
		i = 2
	}
	y := 0
	if i+5 <= len(rs) && rs[i+4] == '年' {
		for k := i; k < i+4; k++ {
			if !isDigit(rs[k]) {
				return 0
			}
			y = y*10 + digitVal(rs[k])
		}
		j := i + 5
		for _, w := range []string{"年底", "年末", "底", "末"} {
			if hasAt(rs, j, w) {
				j += len([]rune(w))
				break
			}
		}
		if !strings.ContainsRune("，,", at(rs, j)) {
			return 0
		}
	} else {
		plain := quoteStripper.Replace(string(rs))
		for _, p := range []struct {
			name string
			last int
		}{{"十三五", 2020}, {"十四五", 2025}, {"十二五", 2015}} {
			for _, suf := range []string{"时期，", "期间，"} {
				if strings.HasPrefix(plain, p.name+suf) {
					y = p.last
				}
			}
		}
	}
	if y < 1990 || limit == 0 || y > limit {
		return 0
	}
	return y
}

// inBase reports a figure inside 在……的基础上, the achieved base a plan
// builds on.
func inBase(rs []rune, f figure) bool {
	open := -1
	for k := f.start - 1; k >= 0 && k >= f.start-60; k-- {
		if isMajorDelim(rs[k]) || hasAt(rs, k, "基础上") {
			return false
		}
		if rs[k] == '在' {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := f.end; k < len(rs) && k < f.end+60; k++ {
		if isMajorDelim(rs[k]) {
			return false
		}
		if hasAt(rs, k, "的基础上") || hasAt(rs, k, "基础上") {
			return true
		}
	}
	return false
}

// nextDelim is the first clause delimiter in rs[from:to], or -1.
func nextDelim(rs []rune, from, to int) int {
	for k := from; k < to && k < len(rs); k++ {
		if isMinorDelim(rs[k]) {
			return k
		}
	}
	return -1
}

// anchoredReview reports a notice whose review is explicitly of the
// reviewed year (会议指出，一年来… / 总结2023年工作): its undated figures are
// that year's even when it was published late.
func anchoredReview(ss []text.Sentence, reviewed int) bool {
	y := strconv.Itoa(reviewed) + "年"
	for _, s := range ss {
		t := text.Simplify(s.Text)
		if containsAny(t, "会议指出", "会议认为", "会议总结", "会议回顾", "一年来", "过去一年", "过去的一年",
			"总结"+y, "回顾"+y, y+"工作总结", y+"工作情况", y+"工作完成情况", y+"以来") {
			return true
		}
	}
	return false
}

// isAttendance reports a sentence about who attended a meeting (全省13个市
// 通信发展办负责人参加会议): its counts are no indicators.
func isAttendance(s string) bool {
	return containsAny(text.Simplify(s), "参加会议", "出席会议", "列席会议", "参加了会议", "出席了会议", "参会", "主会场",
		"分会场", "与会", "主持会议", "出席", "参加学习", "列席")
}

// Sentence extracts the indicators of one sentence, for tests and fuzzing;
// SentenceNo is 0.
func (e *Extractor) Sentence(s string, part text.Part, years text.Years) []Indicator {
	return e.sentence(0, s, part, newDocContext(years.Reviewed, years.Plan, time.Time{}))
}

// docContext holds the years a document lends to undated figures.
type docContext struct {
	reviewed, plan int
	// achievementYear is the year of an undated achievement: the reviewed
	// year, or the publication year when the notice came out after the first
	// quarter of a later year (a mid-year article reports totals as of its
	// date, not of the year it looks back on).
	achievementYear int
	// targetYear is the year of an undated target.
	targetYear int
}

func newDocContext(reviewed, plan int, published time.Time) docContext {
	c := docContext{reviewed: reviewed, plan: plan}
	pub := 0
	if !published.IsZero() {
		pub = published.Year()
	}
	switch {
	case reviewed > 0 && pub > reviewed && published.Month() >= time.April:
		c.achievementYear = pub
	case reviewed > 0:
		c.achievementYear = reviewed
	case pub > 0 && published.Month() < time.April && plan == pub:
		c.achievementYear = pub - 1
	default:
		c.achievementYear = pub
	}
	switch {
	case plan > 0:
		c.targetYear = plan
	case reviewed > 0 && reviewed == pub && published.Month() <= time.September:
		// A mid-year report on this year's progress (截至5月底…): its
		// undated aims (下一步将…) are for the rest of this year.
		c.targetYear = pub
	case reviewed > 0:
		c.targetYear = reviewed + 1
	default:
		c.targetYear = pub
	}
	return c
}

func (e *Extractor) sentence(no int, s string, part text.Part, ctx docContext) []Indicator {
	orig := []rune(s)
	rs := orig
	if simp := text.Simplify(s); simp != s {
		if r := []rune(simp); len(r) == len(orig) {
			rs = r
		}
	}
	figs := e.units.scan(rs, orig)
	if len(figs) == 0 {
		return nil
	}
	out := make([]Indicator, 0, len(figs))
	prevMetric, prevEnd := "", -1
	for _, f := range figs {
		metric, pre := metricPhrase(rs, f, prevEnd)
		if prevEnd >= 0 && prevMetric != "" {
			switch {
			case metric == "":
				// 累计达到12.5万个, 居全国第3位: the subject of the figure before.
				metric = prevMetric
			case growthOnly(metric):
				// 同比增长4.6%: the change of the figure before.
				if f.unit == "%" || f.unit == "个百分点" || f.unit == "倍" {
					metric = prevMetric + growthWord(metric)
				} else {
					metric = prevMetric
				}
			}
		}
		ind := Indicator{
			SentenceNo: no,
			Start:      f.start,
			End:        f.end,
			Surface:    string(orig[f.start:f.end]),
			Metric:     metric,
			Value:      f.value,
			ValueMax:   f.valueMax,
			HasMax:     f.hasMax,
			Unit:       f.unit,
			Qualifier:  f.qual,
		}
		var cm Metric
		var haveCM bool
		if e.cat != nil {
			cm, haveCM = e.cat.Match(metric, f.unit)
			if !haveCM && f.prenominal && pre != "" {
				cm, haveCM = e.cat.Match(pre+metric, f.unit)
			}
		}
		if haveCM {
			ind.Canonical = cm.Name
		}
		ind.Measure = measureOf(rs, f, cm, haveCM)
		kind, past := kindOf(rs, f, part, metric, ctx)
		ind.Kind = kind
		ind.Year = yearOf(rs, f, kind, past, ctx)
		out = append(out, ind)
		prevMetric, prevEnd = metric, f.end
	}
	return out
}

func isMinorDelim(r rune) bool {
	return strings.ContainsRune("，,；;：:、。！？!?\u3000", r)
}

func isMajorDelim(r rune) bool {
	return strings.ContainsRune("；;。！？!?", r)
}

// minorStart is the first rune of the clause that holds rs[i].
func minorStart(rs []rune, i int) int {
	for j := i - 1; j >= 0; j-- {
		if isMinorDelim(rs[j]) {
			return j + 1
		}
	}
	return 0
}

func minorEnd(rs []rune, i int) int {
	for j := i; j < len(rs); j++ {
		if isMinorDelim(rs[j]) {
			return j
		}
	}
	return len(rs)
}

// Words stripped from the front of a metric phrase: scope, verbs and
// adverbs that say how the figure came about, not what it counts.
var metricLead = []string{
	"建成并开通", "累计建成", "配合开展", "进一步", "全省", "全市", "全县", "全区", "全州", "全盟", "全国", "我省", "我市",
	"我县", "我区", "我局", "本市", "本省", "其中", "目前", "已经", "已", "累计", "共计", "合计", "总计", "共",
	"新建", "新增", "净增", "新开通", "新打造", "新培育", "新发展", "新部署", "建成", "建设", "开通", "部署",
	"实现", "完成", "培育", "打造", "推动", "助力", "开展", "举办", "组织", "召开", "配合", "力争", "争取",
	"预计", "确保", "将", "并", "和", "及", "与", "同时", "对", "在", "使", "让", "达到", "有", "为",
	"新", "各类", "各", "所有", "省内", "市内", "县内", "辖区", "计划", "全年", "年内", "当年", "今年", "上半年",
	"前三季度", "年底", "年末", "累计完成", "共完成",
}

// Words stripped from the end: the links between a metric and its figure.
var metricTrail = []string{
	"分别达到", "分别为", "分别达", "分别", "达到了", "达到", "提升至", "提升到", "提高至", "提高到", "增长至",
	"增加到", "增加至", "下降至", "下降到", "降低至", "降至", "升至", "稳居全国", "位居全国", "均居全国",
	"居全国", "名列全国", "排名全国", "列全国", "全国", "全省", "稳居", "位居", "位列", "均居", "居", "名列",
	"排名", "排在", "连续", "多年", "持续", "累计", "总计", "合计", "共计", "共", "已达", "已", "可达", "可",
	"达", "为", "至", "到", "是", "有", "超过", "突破", "约", "近", "均", "规模达", "完成", "实现", "从", "由",
	"较", "的", "新台币", "人民币", "合计达", "控制在", "保持在", "稳定在", "维持在", "控制", "保持",
}

// metricPhrase names what a figure counts: the clause before it, trimmed
// of verbs and links (开通5G基站24.2万个 → 5G基站), or the noun after it
// when the figure precedes its noun (2个项目获奖 → 项目获奖). pre is the
// trimmed clause before the figure.
func metricPhrase(rs []rune, f figure, prevEnd int) (metric, pre string) {
	from := minorStart(rs, f.start)
	if prevEnd > from && prevEnd <= f.start {
		from = prevEnd
	}
	pre = trimMetric(string(rs[from:f.start]))
	if f.unit != "%" && f.unit != "个百分点" && f.unit != "倍" {
		// 千兆宽带用户比上年增加1.2万户: the change is the measure, not the metric.
		for _, c := range []string{"比上年", "较上年", "比去年", "较去年", "同比", "比年初", "较年初", "环比"} {
			if k := strings.Index(pre, c); k > 0 {
				pre = pre[:k]
				break
			}
		}
	}
	if f.prenominal || pre == "" {
		a := f.end
		if at(rs, a) == '的' {
			a++
		}
		b := minorEnd(rs, a)
		if b-a > 16 {
			b = a + 16
		}
		if post := trimMetric(string(rs[a:b])); post != "" {
			return post, pre
		}
	}
	return pre, pre
}

func trimMetric(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '"', '‘', '’', '「', '」', '《', '》', ' ', '\u3000', '（', '）', '(', ')':
			return -1
		}
		return r
	}, s)
	for changed := true; changed && s != ""; {
		changed = false
		// A leading year: 2024年全市将新建…
		if len(s) > 7 && s[4] == 0xe5 && strings.HasPrefix(s[4:], "年") && allDigits(s[:4]) {
			s = s[7:]
			changed = true
		}
		for _, w := range metricLead {
			if strings.HasPrefix(s, w) && len(s) > len(w) {
				s = s[len(w):]
				changed = true
				break
			}
		}
		for _, w := range metricTrail {
			if strings.HasSuffix(s, w) {
				s = s[:len(s)-len(w)]
				changed = true
				break
			}
		}
	}
	rs := []rune(s)
	// Drop a trailing year (从2019年的) and a 连续四年 run.
	for changed := true; changed; {
		changed = false
		n := len(rs)
		if n >= 5 && rs[n-1] == '年' && isDigit(rs[n-2]) && isDigit(rs[n-3]) && isDigit(rs[n-4]) && isDigit(rs[n-5]) {
			rs = rs[:n-5]
			changed = true
		}
		if k := strings.LastIndex(string(rs), "连续"); k >= 0 && len(rs) > 0 && rs[len(rs)-1] == '年' {
			rs = []rune(string(rs)[:k])
			changed = true
		}
		if n := len(rs); n > 0 && strings.ContainsRune("从由较的至到", rs[n-1]) {
			rs = rs[:n-1]
			changed = true
		}
	}
	if len(rs) > 16 {
		rs = rs[len(rs)-16:]
	}
	return string(rs)
}

func containsPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// growthWord is the change a growth-only phrase names: 增长 unless it says
// the figure fell.
func growthWord(m string) string {
	for _, w := range []string{"下降", "降低", "减少"} {
		if strings.Contains(m, w) {
			return w
		}
	}
	return "增长"
}

// growthOnly reports a metric phrase that names a change but not what
// changes (同比增长27.3%): it borrows the subject of the figure before it.
func growthOnly(m string) bool {
	m = strings.TrimLeft(m, "全年同比环比均较上去底初末月季度")
	switch m {
	case "", "增长", "下降", "增速", "增幅", "降幅", "提升", "提高", "降低", "减少", "增加", "成长", "上升":
		return true
	}
	return false
}

var growthWords = []string{"增长", "增速", "同比", "环比", "提升", "提高", "下降", "降低", "增幅", "降幅", "压缩", "减少", "增加", "上升", "缩短", "扩大", "成长"}
var incrementWords = []string{"新建", "新增", "净增", "新开通", "新打造", "新培育", "新发展", "新部署", "新改造", "新认定", "新上线", "新落地", "新签约", "新招引"}

// measureOf says whether a figure is a total, an increment, a rate, a growth
// rate, a rank or a count: cues in the clause first, then the catalogue's
// usual measure, then the unit.
func measureOf(rs []rune, f figure, cm Metric, haveCM bool) string {
	if f.rank {
		return "rank"
	}
	pre := string(rs[minorStart(rs, f.start):f.start])
	switch f.unit {
	case "%", "个百分点", "倍", "‰", "‱":
		if f.unit == "倍" || f.unit == "个百分点" {
			return "growth"
		}
		level := false
		for _, w := range []string{"至", "到", "为", "达", "达到"} {
			if strings.HasSuffix(pre, w) {
				level = true
			}
		}
		if !level && containsAny(pre, growthWords...) {
			return "growth"
		}
		if haveCM && (cm.Measure == "growth" || cm.Measure == "rate") {
			return cm.Measure
		}
		return "rate"
	}
	if containsAny(pre, incrementWords...) || strings.HasSuffix(pre, "增加") || strings.HasSuffix(pre, "增长") ||
		strings.HasSuffix(pre, "净增") || strings.HasSuffix(pre, "增加了") || strings.HasSuffix(pre, "增长了") {
		// 新建5G基站…, 比上年增加1.2万户.
		return "increment"
	}
	if strings.Contains(pre, "累计") {
		return "total"
	}
	if haveCM && cm.Measure != "growth" && cm.Measure != "rank" {
		return cm.Measure
	}
	if f.event {
		return "count"
	}
	return "total"
}

// eventWords name meetings, trainings, inspections and the like, whose
// counts are of kind other.
var eventWords = []string{"会议", "现场会", "座谈会", "推进会", "调度会", "部署会", "交流会", "专题会", "生活会",
	"发布会", "培训", "学习", "调研", "座谈", "讲座", "党课", "宣讲", "研讨", "观摩", "考察", "督导", "督查",
	"演练", "约谈", "会商", "批示"}

// Strong target cues anywhere before a figure in its sentence.
var targetCues = []string{"力争", "争取", "预计", "预期", "确保", "拟于", "拟在", "拟新", "拟建", "拟投资", "计划新", "计划建", "计划完成", "计划实现", "目标是", "目标为"}

// Verbs after 将 that make it future tense (将新建) rather than the object
// marker (将整改任务分解).
var willVerbs = []string{"新建", "建成", "建设", "实现", "达到", "超过", "突破", "完成", "推动", "开通", "新增", "累计",
	"打造", "培育", "力争", "继续", "持续", "进一步", "全面", "重点", "着力", "大力", "加快", "部署", "扩大", "提升",
	"提高", "覆盖", "达", "在", "于", "有", "带动", "形成", "新"}

// Markers of a done fact inside a plan passage (目前已建成…).
var doneMarkers = []string{"已", "截至", "截止", "目前", "现有", "去年", "上年", "过去", "此前", "累计已"}

// kindOf decides achievement, target or other. past reports a target
// quoted in a review (完成1万个的年度目标), which refers to the reviewed year.
func kindOf(rs []rune, f figure, part text.Part, metric string, ctx docContext) (string, bool) {
	if f.rank {
		return "other", false
	}
	clause := string(rs[minorStart(rs, f.start):f.start])
	if f.event && (containsAny(clause, eventWords...) || containsAny(metric, eventWords...)) {
		return "other", false
	}
	// Figures about others: 全国10个试点城市, 工信部16个重点城市, and
	// clauses about the whole country (全国5G基站总数达到337万个).
	for _, w := range []string{"全国", "工信部", "国家", "全球", "世界", "中央"} {
		if endsWith(rs, f.start, w) {
			return "other", false
		}
	}
	if c := strings.TrimLeft(clause, " 　“"); containsPrefix(c, "全国", "我国", "全球", "全世界", "世界") {
		return "other", false
	}
	// 在2023年新建10万个的基础上，力争…: the base of a plan is done.
	if inBase(rs, f) {
		return "achievement", false
	}
	before := string(rs[:f.start])
	if containsAny(before, targetCues...) {
		return "target", false
	}
	for i := strings.Index(before, "将"); i >= 0; {
		rest := before[i+len("将"):]
		for _, v := range willVerbs {
			if strings.HasPrefix(rest, v) {
				return "target", false
			}
		}
		j := strings.Index(rest, "将")
		if j < 0 {
			break
		}
		i += len("将") + j
	}
	// A past target quoted in a review: 年度目标1万个, 完成1万个的目标任务.
	after := string(rs[f.end:minorEnd(rs, f.end)])
	// 完成年度目标任务的62.4%, 目标完成率130%: how much of a target was
	// done is a result, not the target.
	completion := (f.unit == "%" || f.unit == "倍") && strings.Contains(clause, "完成")
	if !completion && (strings.Contains(clause, "目标") || strings.Contains(clause, "指标") ||
		(strings.HasPrefix(after, "的") && containsAny(after, "目标", "任务", "指标"))) {
		return "target", part == text.Review
	}
	if y, kind := explicitYear(rs, f.start); y > 0 && kind == "by" && isFuture(y, ctx) {
		return "target", false
	}
	if part == text.Plan {
		if containsAny(clause, doneMarkers...) {
			return "achievement", false
		}
		if y, kind := explicitYear(rs, f.start); y > 0 && kind != "by" && !isFuture(y, ctx) {
			return "achievement", false
		}
		return "target", false
	}
	return "achievement", false
}

func isFuture(y int, ctx docContext) bool {
	if ctx.plan > 0 {
		return y >= ctx.plan
	}
	if ctx.reviewed > 0 {
		return y > ctx.reviewed
	}
	return false
}

// explicitYear finds the year named closest before rs[i] in the sentence:
// 2021年，… (kind "in"), 到2025年 / 2025年底前 (kind "by"), 截至2024年底
// (kind "as of"), and 十四五 periods (kind "by", their last year). Years
// inside quotes and titles, and "2021年以来" (since), do not count.
func explicitYear(rs []rune, i int) (year int, kind string) {
	return explicitYearUnit(rs, i, "")
}

// explicitYearUnit is explicitYear for a figure in unit: "2019年的1100亿元"
// dates the figure, while "是2020年的3倍" names the base of a comparison.
func explicitYearUnit(rs []rune, i int, unit string) (year int, kind string) {
	var quoted []bool
	for j := i - 1; j >= 3; j-- {
		if rs[j] != '年' {
			continue
		}
		if quoted == nil {
			quoted = quoteMask(rs[:i])
		}
		if quoted[j] {
			continue
		}
		y := 0
		ok := true
		for k := j - 4; k < j; k++ {
			if k < 0 || !isDigit(rs[k]) {
				ok = false
				break
			}
			y = y*10 + digitVal(rs[k])
		}
		if !ok || isDigit(at(rs, j-5)) || y < 1990 || y > 2100 {
			continue
		}
		if hasAt(rs, j+1, "以来") || (hasAt(rs, j+1, "的") && (j+2 != i || unit == "倍")) {
			continue
		}
		start := j - 4
		// A year in an earlier clause counts only when that clause is a bare
		// time adverbial (2021年，… / 截至2023年底，…), not when it dates
		// something else (在2020年办理64.5万人次的基础上，力争…).
		if d := nextDelim(rs, j, i); d >= 0 {
			by := hasAt(rs, j+1, "前") || hasAt(rs, j+1, "底前") || endsWith(rs, start, "到")
			if d-minorStart(rs, start) > 10 && !by && !(endsWith(rs, start, "在") && inBase(rs, figure{start: i, end: i})) {
				continue
			}
		}
		// 较2020年增长, 比2019年翻一番, 与2019年相比: a comparison base.
		if endsWith(rs, start, "较") || endsWith(rs, start, "比") || endsWith(rs, start, "与") || endsWith(rs, start, "同") {
			continue
		}
		switch {
		case endsWith(rs, start, "到") || endsWith(rs, start, "至") || hasAt(rs, j+1, "底前") || hasAt(rs, j+1, "前") ||
			hasAt(rs, j+1, "年底前") || endsWith(rs, start, "力争到") || endsWith(rs, start, "力争"):
			if endsWith(rs, start, "截至") || endsWith(rs, start, "截止") {
				return y, "as of"
			}
			return y, "by"
		case endsWith(rs, start, "截至") || endsWith(rs, start, "截止"):
			return y, "as of"
		}
		return y, "in"
	}
	if !hasFiveYearPlan(rs[:i]) {
		return 0, ""
	}
	plain := quoteStripper.Replace(string(rs[:i]))
	for _, p := range []struct {
		name string
		last int
	}{{"十四五", 2025}, {"十五五", 2030}, {"十三五", 2020}} {
		for _, suf := range []string{"期间", "末", "时期", "规划目标", "时期末", "目标"} {
			if strings.Contains(plain, p.name+suf) {
				return p.last, "by"
			}
		}
	}
	return 0, ""
}

var quoteStripper = strings.NewReplacer("“", "", "”", "", "\"", "")

// hasFiveYearPlan reports 十X五 (十四五, 十三五 …) in rs.
func hasFiveYearPlan(rs []rune) bool {
	for i := 0; i+2 < len(rs); i++ {
		if rs[i] == '十' && rs[i+2] == '五' {
			return true
		}
	}
	return false
}

// yearOf is the year a figure refers to: a year named before it in its
// sentence, else the document's target or achievement year.
func yearOf(rs []rune, f figure, kind string, past bool, ctx docContext) int {
	if y, _ := explicitYearUnit(rs, f.start, f.unit); y > 0 {
		return y
	}
	if kind == "target" && past && ctx.reviewed > 0 {
		return ctx.reviewed
	}
	if kind == "target" {
		return ctx.targetYear
	}
	return ctx.achievementYear
}
