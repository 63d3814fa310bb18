package dashboard

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
)

// This file is the one place where request parameters are declared. Every
// route lists the parameters it reads (routeParams); checkParams validates
// a request against that list before any handler runs and hands on only
// the declared parameters, so a handler never sees a value that is not
// valid UTF-8, holds a NUL or other control character, is longer than
// declared, or is a number out of range. A bad value is answered with 400
// and a Chinese message naming the parameter; no query runs.
//
// To add a parameter: declare it below (or in a shared set such as
// filterParams) on every route that reads it. A parameter that is not
// declared never reaches the handler, and the HTTP fuzz test sends hostile
// values to every declared parameter of every route.

// paramKind is what a parameter's values look like.
type paramKind int

const (
	paramText  paramKind = iota // free text of at most max runes
	paramInt                    // a decimal integer within [min, max]
	paramEnum                   // one of values
	paramMatch                  // text that matches pattern
	paramDate                   // a date, YYYY-MM-DD
)

// paramSpec declares one request parameter.
type paramSpec struct {
	name  string
	label string // what it is, in Chinese, for error messages
	kind  paramKind
	// max is the longest value in runes (text, match); 0 means 200.
	max int
	// min and maxInt bound an integer.
	min, maxInt int64
	values      []string       // paramEnum: the accepted values
	pattern     *regexp.Regexp // paramMatch: the whole value must match
	// repeat is how often the parameter may occur; 0 means once.
	repeat int
	// multiline lets text hold line breaks and tabs (SQL, the theme file).
	multiline bool
	// path marks a path segment (/documents/:id) rather than a query or
	// form parameter.
	path bool
}

// maxParamValues bounds the number of values a request may carry in all.
const maxParamValues = 256

// defaultTextRunes is the longest free-text value when a spec gives none.
const defaultTextRunes = 200

// Years are four-digit years of notices.
const (
	minYear = 1900
	maxYear = 2200
)

func textParam(name, label string, max int) paramSpec {
	return paramSpec{name: name, label: label, kind: paramText, max: max}
}

func yearParam(name, label string) paramSpec {
	return paramSpec{name: name, label: label, kind: paramInt, min: minYear, maxInt: maxYear}
}

func enumParam(name, label string, values ...string) paramSpec {
	return paramSpec{name: name, label: label, kind: paramEnum, values: values}
}

func matchParam(name, label, pattern string, max int) paramSpec {
	return paramSpec{name: name, label: label, kind: paramMatch, pattern: regexp.MustCompile(`\A(?:` + pattern + `)\z`), max: max}
}

func (p paramSpec) repeated(n int) paramSpec { p.repeat = n; return p }

func (p paramSpec) inPath() paramSpec { p.path = true; return p }

// themeIDPattern is a theme id as the theme file requires it.
const themeIDPattern = `[a-z][a-z0-9_]*`

// selectionPattern is one side of a terms comparison (see selection).
const selectionPattern = `all|(?:province|rest):[^:]{1,40}|year:[0-9]{4}`

// filterParams are the filter bar's parameters, read by every page with
// the bar (parseFilter).
var filterParams = []paramSpec{
	textParam("province", "省份", 40).repeated(64),
	enumParam("level", "层级", "province", "city", "county", "unknown"),
	textParam("type", "文档类型", 40),
	yearParam("from", "起始年份"),
	yearParam("to", "截止年份"),
	matchParam("has_theme", "涉及主题", themeIDPattern, 64),
	enumParam("basis", "年份口径", "reviewed", "plan", "published"),
}

// documentIDParam is a document id.
var documentIDParam = paramSpec{name: "id", label: "文档编号", kind: paramInt, min: 1, maxInt: math.MaxInt64}

// sqlParam is the text of a console query.
var sqlParam = paramSpec{name: "q", label: "SQL 查询", kind: paramText, max: maxSQLBytes, multiline: true}

// maxSQLBytes bounds the text of a console query; a query longer than this
// belongs in a file run with `policylens sql`.
const maxSQLBytes = 64 << 10

// csrfParam carries the token of a state-changing form (see csrf.go).
var csrfParam = matchParam("csrf", "表单令牌", `[0-9a-f]{64}`, 64)

// showParamSpec chooses the provinces a chart with a series per province
// draws on its own (see chooseSeries).
var showParamSpec = textParam(showParam, "显示的省份", 40).repeated(64)

func withFilter(extra ...paramSpec) []paramSpec {
	return append(slices.Clone(filterParams), extra...)
}

// docSortKeys are the document list's sortable fields.
func docSortKeys() []string {
	keys := make([]string, len(docFields))
	for i, f := range docFields {
		keys[i] = f.key
	}
	return keys
}

// listPageParam is the page of a paginated table (page=, from 1).
var listPageParam = paramSpec{name: "page", label: "页码", kind: paramInt, min: 1, maxInt: 1 << 20}

// readerPageParam is the page of a long notice in the reader.
var readerPageParam = paramSpec{name: "page", label: "页码", kind: paramInt, min: 1, maxInt: 1 << 20}

// pageParams declares the parameters of each page, by the name the page
// has in pages; its CSV route (/csv/NAME/CHART) takes the same ones.
var pageParams = map[string][]paramSpec{
	"overview":        withFilter(),
	"themes":          withFilter(matchParam("theme", "主题", themeIDPattern, 64), showParamSpec),
	"theme-sentences": withFilter(matchParam("theme", "主题", themeIDPattern, 64)),
	"terms": withFilter(
		matchParam("a", "选择 A", selectionPattern, 48),
		matchParam("b", "选择 B", selectionPattern, 48),
		textParam("term", "词语", 50),
		showParamSpec),
	"kwic": withFilter(
		textParam("term", "词语", 50),
		textParam("with", "同句词语", 50),
		matchParam("sel", "选择", selectionPattern, 48),
		enumParam("sort", "排序", "left", "right")),
	"indicators": withFilter(textParam("metric", "指标", 100),
		listPageParam,
		paramSpec{name: "tpage", label: "目标表页码", kind: paramInt, min: 1, maxInt: 1 << 20},
		enumParam("measure", "口径", "total", "increment", "rate", "growth", "rank", "count"),
		enumParam("kind", "类别", "achievement", "target", "other"),
		textParam("unit", "单位", 20),
		enumParam("scope", "归属", "own", "national", "other"),
		yearParam("fyear", "指标年份")),
	"documents": withFilter(
		textParam("q", "检索文字", 100),
		textParam("place", "地区", 40),
		textParam("issuer", "发布机关", 100),
		yearParam("reviewed", "回顾年"),
		yearParam("plan", "部署年"),
		paramSpec{name: "pub_from", label: "发布日期起", kind: paramDate},
		paramSpec{name: "pub_to", label: "发布日期止", kind: paramDate},
		enumParam("sort", "排序字段", docSortKeys()...),
		enumParam("dir", "排序方向", "asc", "desc"),
		listPageParam),
	"search": withFilter(
		textParam("q", "检索式", 200),
		enumParam("mode", "检索方式", "words", "regex"),
		listPageParam),
	"document": {
		documentIDParam.inPath(),
		textParam("hl", "标出的词", 50).repeated(5),
		readerPageParam,
	},
}

// csvParams are the parameters of /csv/:page/:chart: the page's own, the
// path, and the document id for the reader's chart.
func csvParams(page string) []paramSpec {
	specs := slices.Clone(pageParams[page])
	if page == "document" {
		specs = []paramSpec{documentIDParam, readerPageParam}
	}
	return append(specs,
		matchParam("page", "页面", `[a-z][a-z-]*`, 32).inPath(),
		matchParam("chart", "图表", `[a-z0-9][a-z0-9-]*`, 64).inPath())
}

// paramsKey is where checkParams leaves the validated values for the
// handler (c.Locals).
const paramsKey = "policylens.params"

// paramChecker validates requests against one route's declarations.
type paramChecker struct {
	byName map[string]paramSpec
	inPath []paramSpec
}

func newParamChecker(specs []paramSpec) *paramChecker {
	pc := &paramChecker{byName: map[string]paramSpec{}}
	for _, s := range specs {
		if s.path {
			pc.inPath = append(pc.inPath, s)
			continue
		}
		if _, dup := pc.byName[s.name]; dup {
			panic("dashboard: parameter " + s.name + " declared twice")
		}
		pc.byName[s.name] = s
	}
	return pc
}

// check validates the request and stores the declared, valid values for
// params(c); undeclared parameters are dropped.
func (pc *paramChecker) check(c *fiber.Ctx) error {
	for _, s := range pc.inPath {
		if err := s.check([]string{c.Params(s.name)}); err != nil {
			return err
		}
	}
	raw, err := requestValues(c)
	if err != nil {
		return err
	}
	clean := url.Values{}
	n := 0
	for name, vals := range raw {
		n += len(vals)
		if n > maxParamValues {
			return badParam("请求的参数过多（超过 %d 个）。", maxParamValues)
		}
		s, ok := pc.byName[name]
		if !ok {
			continue // undeclared: never reaches the handler
		}
		if err := s.check(vals); err != nil {
			return err
		}
		clean[name] = vals
	}
	c.Locals(paramsKey, clean)
	return nil
}

// checkParams is the middleware form of a paramChecker (see the top of
// this file).
func checkParams(specs []paramSpec) fiber.Handler {
	pc := newParamChecker(specs)
	return func(c *fiber.Ctx) error {
		if err := pc.check(c); err != nil {
			return err
		}
		return c.Next()
	}
}

// params returns the values checkParams let through; empty when the route
// declares none.
func params(c *fiber.Ctx) url.Values {
	if v, ok := c.Locals(paramsKey).(url.Values); ok {
		return v
	}
	return url.Values{}
}

// requestValues collects the query string and, for a form POST, the
// body's fields. Only URL-encoded forms are accepted.
func requestValues(c *fiber.Ctx) (url.Values, error) {
	q, err := url.ParseQuery(string(c.Request().URI().QueryString()))
	if err != nil {
		return nil, badParam("查询参数的编码无效（%s）。", shortError(err))
	}
	if c.Method() != fiber.MethodPost {
		return q, nil
	}
	ct := strings.ToLower(strings.TrimSpace(strings.SplitN(c.Get(fiber.HeaderContentType), ";", 2)[0]))
	if ct != fiber.MIMEApplicationForm {
		return nil, fiber.NewError(fiber.StatusUnsupportedMediaType, "只接受网页表单（application/x-www-form-urlencoded）提交。")
	}
	form, err := url.ParseQuery(string(c.Body()))
	if err != nil {
		return nil, badParam("表单的编码无效（%s）。", shortError(err))
	}
	for k, v := range form {
		q[k] = append(q[k], v...)
	}
	return q, nil
}

// shortError keeps an error message short and printable for a page.
func shortError(err error) string {
	s := strings.ToValidUTF8(err.Error(), "?")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return s
}

// badParam is a 400 with a message.
func badParam(format string, args ...any) error {
	return fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf(format, args...))
}

// check validates the values a request gives for the parameter.
func (p paramSpec) check(vals []string) error {
	limit := max(p.repeat, 1)
	if len(vals) > limit {
		return badParam("参数 %s（%s）最多出现 %d 次，请求中有 %d 次。", p.name, p.label, limit, len(vals))
	}
	for _, v := range vals {
		if err := p.checkValue(v); err != nil {
			return err
		}
	}
	return nil
}

func (p paramSpec) checkValue(v string) error {
	what := fmt.Sprintf("参数 %s（%s）", p.name, p.label)
	maxRunes := p.max
	if maxRunes == 0 {
		maxRunes = defaultTextRunes
	}
	if p.kind == paramInt || p.kind == paramDate {
		maxRunes = 20
	}
	// Bytes first, so that a huge value is refused before it is scanned.
	if len(v) > 4*maxRunes {
		return badParam("%s过长：最多 %d 个字符。", what, maxRunes)
	}
	if !utf8.ValidString(v) {
		return badParam("%s不是有效的 UTF-8 文本。", what)
	}
	if n := utf8.RuneCountInString(v); n > maxRunes {
		return badParam("%s过长：最多 %d 个字符，收到 %d 个。", what, maxRunes, n)
	}
	for _, r := range v {
		if r == 0 {
			return badParam("%s含有空字符（NUL）。", what)
		}
		if p.multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return badParam("%s含有控制字符（U+%04X）。", what, r)
		}
	}
	if v == "" {
		return nil // absent: every kind accepts it
	}
	switch p.kind {
	case paramInt:
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return badParam("%s超出范围：应在 %d 到 %d 之间。", what, p.min, p.maxInt)
			}
			return badParam("%s应为整数，收到“%s”。", what, v)
		}
		if n < p.min || n > p.maxInt {
			return badParam("%s超出范围：应在 %d 到 %d 之间，收到 %d。", what, p.min, p.maxInt, n)
		}
	case paramEnum:
		if !slices.Contains(p.values, v) {
			return badParam("%s的值“%s”无效，可选：%s。", what, v, strings.Join(p.values, "、"))
		}
	case paramMatch:
		if !p.pattern.MatchString(v) {
			return badParam("%s的值“%s”格式无效。", what, v)
		}
	case paramDate:
		if !isDate(v) {
			return badParam("%s应为 YYYY-MM-DD 格式的日期，收到“%s”。", what, v)
		}
	}
	return nil
}
