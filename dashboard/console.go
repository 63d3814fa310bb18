package dashboard

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/policylens/policylens/queries"
)

// Console limits: a query that needs more is one for `policylens sql`.
// The table shows at most consoleMaxRows rows and consoleMaxBytes of
// values, each text value cut to consoleCellChars characters inside
// DuckDB; the downloads stream the whole result up to downloadMaxRows rows
// and downloadMaxBytes bytes.
const (
	consoleTimeout   = 10 * time.Second
	consoleMaxRows   = 1000
	consoleMaxBytes  = 4 << 20
	consoleCellChars = 2000

	downloadTimeout        = 2 * time.Minute
	downloadMaxRows        = 1_000_000
	downloadMaxBytes int64 = queries.SandboxResultBudget
)

// consoleLimits are the limits of the console's table.
var consoleLimits = queries.SandboxLimits{Timeout: consoleTimeout, MaxRows: consoleMaxRows, MaxBytes: consoleMaxBytes, MaxCellChars: consoleCellChars}

// downloadLimits are the limits of the console's downloads.
var downloadLimits = queries.SandboxLimits{Timeout: downloadTimeout, MaxRows: downloadMaxRows, MaxBytes: downloadMaxBytes}

// example is a ready-made query of the console: a view of the schema
// (View set) or a question asked of several tables.
type example struct {
	Label string // Chinese title
	View  string // the view it reads, "" for a question
	Desc  string // what the rows are, in Chinese
	SQL   string
	Href  string // console link that runs it
}

// viewExamples read each view of loader/schema/00*_views.sql once, with what
// the view holds and which chart draws it; a test checks that every view
// has one, so a new view needs an entry here.
var viewExamples = []example{
	{Label: "文档统计", View: "document_stats",
		Desc: "每篇参与比较的文档一行：文件、标题、类型、省市县与层级、发布单位、发布日期、年份、字数、词数，以及句子数和指标数（实绩、目标）。转载的副本不算文档，见 duplicates 表。文档页的列表由此而来。",
		SQL:  "SELECT doc_id, file, title, doc_type, province, city, county, level, published, year, chars, tokens, sentences, indicators, achievements, targets\nFROM document_stats\nORDER BY published"},
	{Label: "语料概览", View: "corpus_overview",
		Desc: "按省份和年份汇总的语料：文档数、词数、句子数、指标数、字数。概览页的热力图和词数柱状图画的就是它。",
		SQL:  "SELECT province, year, documents, tokens, sentences, indicators, chars\nFROM corpus_overview\nORDER BY province, year"},
	{Label: "主题目录", View: "theme_labels",
		Desc: "主题词表（data/themes.yaml）中的每个主题：英文编号、中文名称、关键词个数和在文件中的顺序。已从词表删去但仍有命中的主题以编号为名。",
		SQL:  "SELECT theme_order, theme, label, keywords\nFROM theme_labels\nORDER BY theme_order"},
	{Label: "文档 × 主题强度", View: "theme_document_intensity",
		Desc: "每篇文档与每个主题的组合一行（零命中也在内）：命中次数、文档词数和每万词命中数（强度）。其他主题视图都由它汇总而来。",
		SQL:  "SELECT file, province, year, label, hits, tokens, round(per_10k, 2) AS per_10k\nFROM theme_document_intensity\nORDER BY file, theme_order"},
	{Label: "省份 × 年份主题强度", View: "theme_intensity",
		Desc: "按省份、年份和主题汇总的主题强度（每万词命中数）。主题页的热力图和趋势图画的就是它。",
		SQL:  "SELECT province, year, label, documents, hits, tokens, round(per_10k, 2) AS per_10k\nFROM theme_intensity\nORDER BY province, year, theme_order"},
	{Label: "省份侧重检验", View: "theme_by_province",
		Desc: "按省份和主题汇总（不分年份）的强度，以及卡方标准化残差：大于 2 表示该省比其他省份更强调这一主题，小于 −2 表示更少提及。主题页的分组柱状图、雷达图和残差图画的就是它。",
		SQL:  "SELECT province, label, hits, tokens, round(per_10k, 2) AS per_10k, round(expected, 1) AS expected, round(residual, 2) AS residual\nFROM theme_by_province\nORDER BY residual DESC"},
	{Label: "词频", View: "term_frequency",
		Desc: "按省份和年份统计的词频（已去停用词）：出现次数、使用该词的文档数、该组总词数、每万词频率。词语页的高频词和词语使用图画的就是它。",
		SQL:  "SELECT province, year, term, n, documents, round(per_10k, 2) AS per_10k\nFROM term_frequency\nORDER BY n DESC\nLIMIT 100"},
	{Label: "数值指标", View: "indicator_facts",
		Desc: "每个抽取出的数值一行：文件、省份、类型（achievement 实绩 / target 目标 / other 其他）、所指年份、指标及规范名、数值与区间上限、单位、限定词（超过、约……）、原文写法和所在句子。指标页的图画的就是它。",
		SQL:  "SELECT province, kind, year, metric, canonical_metric, value, value_max, unit, qualifier, surface, sentence\nFROM indicator_facts\nORDER BY province, year, kind"},
	{Label: "指标目录", View: "indicator_metrics",
		Desc: "可以跨文档比较的指标：有规范名的用规范名，否则用原短语；常用单位、出现次数、实绩与目标各几次、涉及几个省份和几篇文档。指标页的指标选择列表由此而来。",
		SQL:  "SELECT metric, canonical, unit, indicators, achievements, targets, provinces, documents\nFROM indicator_metrics\nORDER BY provinces DESC, indicators DESC"},
	{Label: "目标与实绩", View: "targets_vs_results",
		Desc: "每个本地目标（某地、某规范指标、某年）与其后发布的同地同指标同年本地实绩并列：选用的报告（最新发布者）、选用理由、状态（已完成 met / 未完成 not_met / 尚无报告 unreported / 有冲突 ambiguous）、候选报告数和完成率（实绩 ÷ 目标）。全国与他处的数值不计入。装载时计算。",
		SQL:  "SELECT province, city, county, metric, year, unit, target_value, target_surface, result_value, result_surface, status, reason, candidates, round(completion, 3) AS completion\nFROM targets_vs_results\nORDER BY province, metric, year"},
	{Label: "目标的候选报告", View: "target_candidate_results",
		Desc: "每个目标的每份候选报告一行：同地、同指标、同年、同口径与单位，在目标之后发布的本地实绩（result）或称目标已完成的语句（met_statement），以及是否被选用。按 target_id 筛选查看某个目标。",
		SQL:  "SELECT target_id, result_id, evidence, chosen, result_file, result_published, result_value, result_surface\nFROM target_candidate_results\nORDER BY target_id, chosen DESC, result_published DESC\nLIMIT 200"},
}

// questionExamples are questions analysts ask that read several tables.
var questionExamples = []example{
	{Label: "5G基站：各省的目标与实绩",
		Desc: "规范指标“5G基站”在各省各年的数值，实绩与目标分开，附原文。",
		SQL:  "SELECT province, year, kind, value, unit, surface, sentence\nFROM indicator_facts\nWHERE canonical_metric = '5G基站'\nORDER BY province, year, kind"},
	{Label: "各省显著强调或弱化的主题",
		Desc: "标准化残差绝对值不小于 2 的省份与主题：统计意义上的“更强调”或“更少提及”。",
		SQL:  "SELECT province, label, round(per_10k, 2) AS per_10k, round(residual, 2) AS residual\nFROM theme_by_province\nWHERE abs(residual) >= 2\nORDER BY residual DESC"},
	{Label: "谁最先提出：低空经济、智算、反诈",
		Desc: "每个词最早出现在哪个省份的哪篇文档、何时发布。",
		SQL:  "SELECT c.term, d.province, d.published, d.title, c.n\nFROM term_counts c\nJOIN document_stats d USING (doc_id)\nWHERE c.term IN ('低空经济', '智算', '反诈')\nQUALIFY row_number() OVER (PARTITION BY c.term ORDER BY d.published NULLS LAST) = 1\nORDER BY d.published"},
	{Label: "每年的实绩与目标数量",
		Desc: "按所指年份统计抽取出的实绩、目标和其他数值的个数。",
		SQL:  "SELECT year,\n       count(*) FILTER (WHERE kind = 'achievement') AS achievements,\n       count(*) FILTER (WHERE kind = 'target') AS targets,\n       count(*) FILTER (WHERE kind = 'other') AS other\nFROM indicator_facts\nGROUP BY year\nORDER BY year"},
	{Label: "回顾与部署各占多少句",
		Desc: "每篇文档中回顾上一年（review）、部署下一年（plan）和其他部分的句子数。",
		SQL:  "SELECT d.title, s.part, count(*) AS sentences\nFROM sentences s\nJOIN document_stats d USING (doc_id)\nGROUP BY ALL\nORDER BY d.title, s.part"},
	{Label: "元数据的来源",
		Desc: "每篇文档的标题、省份、日期等字段是从哪里推断出来的（正文、文件名、前言……）。",
		SQL:  "SELECT d.path AS file, m.field, m.value, m.source\nFROM metadata_sources m\nJOIN documents d USING (doc_id)\nORDER BY d.path, m.field"},
	{Label: "有哪些表和视图",
		Desc: "数据库中的全部表和视图及其列数，字段含义见 README。",
		SQL:  "SELECT table_name AS name, 'table' AS kind, column_count AS columns FROM duckdb_tables()\nUNION ALL\nSELECT view_name, 'view', column_count FROM duckdb_views() WHERE NOT internal\nORDER BY kind, name"},
	{Label: "某个视图有哪些列",
		Desc: "DESCRIBE 列出一个表或视图的列名和类型。",
		SQL:  "DESCRIBE indicator_facts"},
}

// consoleColumn is one column of a result as the table shows it.
type consoleColumn struct {
	Name    string
	Type    string
	Numeric bool
}

// consoleCell is one value of a result table: Text is what the cell shows;
// numbers also carry their exact value (what the CSV holds) and, from
// 10,000 up, their 万/亿 form.
type consoleCell struct {
	Text    string
	Value   string
	Wan     string
	Numeric bool
	Null    bool
	Long    bool // text long enough to fold
	Cut     bool // text cut at consoleCellChars; the downloads hold it whole
}

// consoleRow is one row of a result table, numbered from 1.
type consoleRow struct {
	N     int
	Cells []consoleCell
}

// consoleChart is the quick chart's starting choice: which column gives
// the categories (-1: the row number), which are the values, bar or line.
type consoleChart struct {
	Label  int
	Values []int
	Type   string
}

// consoleFailure is a failed query as the console explains it. Kind is
// refused (the sandbox will not run it), timeout, sql (DuckDB's error),
// empty or canceled.
type consoleFailure struct {
	Kind   string
	Title  string
	Source string // who stopped the query: 沙箱 (the sandbox) or DuckDB
	Hint   string
	Detail string
}

type consoleData struct {
	Query     string
	Views     []example
	Questions []example
	Used      []example // the views the query reads
	Result    *queries.Result
	Columns   []consoleColumn
	Rows      []consoleRow
	Error     *consoleFailure
	Elapsed   string
	Link      string
	CSV       string
	JSON      string
	Limit     int
	Timeout   string
	Download  string        // the downloads' limits, in Chinese
	Chart     *consoleChart // nil when no column is numeric
	// NotRun says the query came in a link from another site's page and
	// was not run.
	NotRun bool
}

// consolePage runs query (when not empty and run is set) in the sandbox
// and shows the result or the error; without run it only fills the box.
func consolePage(r request, query string, run bool) *page {
	p := &page{Name: "console", Title: "SQL 控制台", Nav: "sql", Site: r.site}
	d := &consoleData{
		Query:     query,
		Views:     withLinks(r.site, viewExamples),
		Questions: withLinks(r.site, questionExamples),
		Limit:     consoleMaxRows,
		Timeout:   chineseDuration(consoleTimeout),
		Download:  "完整结果，流式下载，最多 " + wan(downloadMaxRows) + " 行、" + strconv.Itoa(int(downloadMaxBytes>>20)) + " MB",
	}
	p.Data = d
	if query == "" {
		return p
	}
	d.Used = usedViews(query, d.Views)
	d.Link = r.site.Console(query)
	if !run {
		d.NotRun = true
		return p
	}
	res, err := r.sandbox.RunSandboxed(r.ctx, query, consoleLimits)
	if err != nil {
		d.Error = explainFailure(err)
		return p
	}
	d.Result = res
	d.Elapsed = chineseDuration(res.Elapsed)
	d.Columns, d.Rows = resultTable(res)
	d.Chart = chooseChart(d.Columns, d.Rows)
	d.CSV = "/sql.csv?" + with(nil, "q", query).Encode()
	d.JSON = "/sql.json?" + with(nil, "q", query).Encode()
	return p
}

// withLinks returns examples with their console links set.
func withLinks(s *site, exs []example) []example {
	out := make([]example, len(exs))
	for i, e := range exs {
		e.Href = s.Console(e.SQL)
		out[i] = e
	}
	return out
}

var sqlWord = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// usedViews returns the views whose names occur as words in query, so that
// a query opened from a chart shows what its view holds.
func usedViews(query string, views []example) []example {
	words := map[string]bool{}
	for _, w := range sqlWord.FindAllString(query, -1) {
		words[strings.ToLower(w)] = true
	}
	var out []example
	for _, v := range views {
		if words[v.View] {
			out = append(out, v)
		}
	}
	return out
}

// chineseDuration writes a query time for people: milliseconds with one
// decimal below a second, seconds above.
func chineseDuration(d time.Duration) string {
	if d >= time.Second {
		return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " 秒"
	}
	return strconv.FormatFloat(math.Round(float64(d)/float64(time.Millisecond)*10)/10, 'f', -1, 64) + " 毫秒"
}

// longCell is the length in characters from which a text cell is folded.
const longCell = 160

// resultTable turns a result into the table's columns and cells.
func resultTable(res *queries.Result) ([]consoleColumn, []consoleRow) {
	cols := make([]consoleColumn, len(res.Columns))
	for j, name := range res.Columns {
		cols[j] = consoleColumn{Name: name}
		if j < len(res.Types) {
			cols[j].Type = res.Types[j]
		}
		cols[j].Numeric = queries.IsNumericType(cols[j].Type) || numericColumn(res.Rows, j)
	}
	rows := make([]consoleRow, len(res.Rows))
	for i, row := range res.Rows {
		rows[i] = consoleRow{N: i + 1, Cells: make([]consoleCell, len(cols))}
		for j := range cols {
			var v any
			if j < len(row) {
				v = row[j]
			}
			rows[i].Cells[j] = resultCell(v)
		}
	}
	return cols, rows
}

// resultCell shows one value.
func resultCell(v any) consoleCell {
	if v == nil {
		return consoleCell{Text: "NULL", Null: true}
	}
	text := queries.FormatValue(v)
	if !isNumber(v) {
		c := consoleCell{Text: text}
		if n := utf8.RuneCountInString(text); n > consoleCellChars {
			c.Text, c.Cut = string([]rune(text)[:consoleCellChars])+"…", true
		}
		c.Long = utf8.RuneCountInString(c.Text) > longCell
		return c
	}
	c := consoleCell{Text: groupDigits(text), Value: text, Numeric: true}
	if f, err := strconv.ParseFloat(text, 64); err == nil && !math.IsInf(f, 0) && math.Abs(f) >= 1e4 {
		c.Wan = wan(f)
	}
	return c
}

// isNumber reports whether a result value is a number.
func isNumber(v any) bool {
	switch v.(type) {
	case int64, uint64, float64, json.Number:
		return true
	}
	return false
}

// numericColumn reports whether column j holds numbers only (and at least
// one), for columns whose type name says nothing.
func numericColumn(rows [][]any, j int) bool {
	seen := false
	for _, row := range rows {
		if j >= len(row) || row[j] == nil {
			continue
		}
		if !isNumber(row[j]) {
			return false
		}
		seen = true
	}
	return seen
}

// groupDigits puts thousands separators into the integer part of a decimal
// number from five digits up (2024 stays a year, 242000 reads 242,000).
// Exponent forms are left alone.
func groupDigits(s string) string {
	if strings.ContainsAny(s, "eEna") {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) < 5 {
		return sign + s
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}

// chartValueColumns caps the value columns the quick chart starts with.
const chartValueColumns = 3

// chooseChart picks the quick chart's starting columns: the first text
// column as categories; without one, a first numeric column named like a
// year or an id when another number follows it; else the row number. The
// values are the next numeric columns, skipping ids and years when there
// is anything else, and keeping to those of the first one's magnitude (a
// column ten times larger would flatten the others). Nil when no column
// can be a value.
func chooseChart(cols []consoleColumn, rows []consoleRow) *consoleChart {
	if len(rows) == 0 {
		return nil
	}
	c := &consoleChart{Label: -1, Type: "bar"}
	for j, col := range cols {
		if !col.Numeric {
			c.Label = j
			break
		}
	}
	var numeric, measures []int
	for j, col := range cols {
		if col.Numeric {
			numeric = append(numeric, j)
			if !keyLike(col.Name) {
				measures = append(measures, j)
			}
		}
	}
	if len(numeric) == 0 {
		return nil
	}
	if c.Label < 0 && len(numeric) > 1 && keyLike(cols[numeric[0]].Name) {
		c.Label = numeric[0]
		numeric = numeric[1:]
		if len(measures) > 0 && measures[0] == c.Label {
			measures = measures[1:]
		}
	}
	if c.Label >= 0 && cols[c.Label].Numeric && yearLike(cols[c.Label].Name) {
		c.Type = "line"
	}
	pick := measures
	if len(pick) == 0 {
		pick = numeric
	}
	var scale float64
	for _, j := range pick {
		if j == c.Label || len(c.Values) >= chartValueColumns {
			continue
		}
		m := maxAbs(rows, j)
		if len(c.Values) > 0 && (m > scale*10 || m*10 < scale) {
			continue
		}
		if len(c.Values) == 0 {
			scale = m
		}
		c.Values = append(c.Values, j)
	}
	if len(c.Values) == 0 {
		return nil
	}
	return c
}

// maxAbs is the largest magnitude in column j.
func maxAbs(rows []consoleRow, j int) float64 {
	m := 0.0
	for _, r := range rows {
		if j < len(r.Cells) && r.Cells[j].Numeric {
			if f, err := strconv.ParseFloat(r.Cells[j].Value, 64); err == nil && !math.IsNaN(f) {
				m = max(m, math.Abs(f))
			}
		}
	}
	return m
}

// keyLike reports whether a numeric column names a year, an id or a
// position rather than a measure.
func keyLike(name string) bool {
	n := strings.ToLower(name)
	return yearLike(n) || n == "id" || strings.HasSuffix(n, "_id") || strings.HasSuffix(n, "_no") ||
		strings.HasSuffix(n, "_order") || n == "rank"
}

// yearLike reports whether a column names a year.
func yearLike(name string) bool {
	n := strings.ToLower(name)
	return n == "year" || strings.HasSuffix(n, "_year") || n == "年份" || n == "年"
}

// explainFailure sorts a sandbox error into refusal, timeout or DuckDB
// error and says in Chinese what went wrong; Detail keeps the sandbox's
// own precise (English) message, with DuckDB's position marker.
func explainFailure(err error) *consoleFailure {
	msg := err.Error()
	switch {
	case errors.Is(err, queries.ErrQueryRefused):
		return &consoleFailure{Kind: "refused", Title: "查询被拒绝", Source: "只读沙箱拒绝，未执行", Hint: refusalHint(msg), Detail: msg}
	case errors.Is(err, queries.ErrQueryTimeout):
		return &consoleFailure{Kind: "timeout", Title: "查询超时", Source: "到达时间上限，已停止",
			Hint:   "查询超过了 " + chineseDuration(consoleTimeout) + " 的时间上限，已被停止。请加 WHERE 条件或 LIMIT 缩小范围；需要更长时间的查询请在命令行用 policylens sql 运行。",
			Detail: msg}
	case errors.Is(err, context.Canceled):
		return &consoleFailure{Kind: "canceled", Title: "查询已取消", Hint: "请求在查询完成前断开。", Detail: msg}
	case msg == "query is empty":
		return &consoleFailure{Kind: "empty", Title: "查询为空", Hint: "输入框里只有注释或分号，没有可运行的语句。", Detail: msg}
	}
	detail := strings.TrimPrefix(msg, "query failed: ")
	title, hint := "查询出错", "DuckDB 无法执行这条查询，原因见下。"
	for _, k := range duckdbErrorKinds {
		if strings.HasPrefix(detail, k.prefix) {
			title, hint = k.title, k.hint
			break
		}
	}
	return &consoleFailure{Kind: "sql", Title: title, Source: "DuckDB 报错", Hint: hint, Detail: detail}
}

// duckdbErrorKinds names DuckDB's error classes in Chinese.
var duckdbErrorKinds = []struct{ prefix, title, hint string }{
	{"Parser Error", "SQL 语法错误", "DuckDB 读不懂这条语句，LINE 下的 ^ 指出出错的位置。"},
	{"Catalog Error", "表、视图或函数不存在", "检查名称的拼写；可运行示例“有哪些表和视图”查看全部名称。"},
	{"Binder Error", "列名或表达式有误", "某个列名、别名或函数参数与表不符，DuckDB 列出了可用的列。"},
	{"Conversion Error", "类型转换失败", "某个值无法转换为所需的类型。"},
	{"Invalid Input Error", "输入无效", "函数或参数的值无效。"},
	{"Out of Range Error", "数值超出范围", "计算结果超出了类型的范围，可先转换为 DOUBLE 或 HUGEINT。"},
	{"Out of Memory Error", "内存不足", "查询需要的内存超出了上限，请缩小范围。"},
	{"Not implemented Error", "DuckDB 不支持此操作", "换一种写法。"},
}

// refusalHints turn the sandbox's reasons into Chinese, by the start of
// the reason.
var refusalHints = []struct{ reason, hint string }{
	{"writes are not allowed", "控制台是只读的：不能建表、插入、修改或删除数据。"},
	{"file access is disabled", "控制台不能读写文件（COPY、read_csv、read_text 等），外部访问已关闭。"},
	{"attaching other databases", "不能挂载其他数据库文件。"},
	{"extensions cannot be", "不能安装或加载 DuckDB 扩展。"},
	{"the configuration is locked", "配置已锁定，不能用 SET 或 PRAGMA 修改设置。"},
	{"only one statement at a time", "一次只能运行一条语句，请去掉多余的语句或分号。"},
	{"the statement expands to several", "这条语句会展开为多条语句，请按提示改写。"},
	{"only PRAGMAs that read", "只允许读取目录信息的 PRAGMA（如 table_info、show_tables、version）。"},
	{"CALL is not allowed", "请改写为 SELECT * FROM 函数(...)。"},
	{"transactions are not needed", "数据库是只读的，不需要事务。"},
	{"prepared statements are not allowed", "不支持 PREPARE 和 EXECUTE，请直接写出查询。"},
	{"EXPLAIN of this form", "只支持对查询语句的 EXPLAIN。"},
	{"the query is not valid UTF-8", "查询文本不是有效的 UTF-8 文本，或含有空字符（NUL）。"},
	{"only SELECT, WITH", "只允许 SELECT、WITH、VALUES、TABLE、FROM、DESCRIBE、SHOW、SUMMARIZE 和 EXPLAIN。"},
}

// refusalHint says in Chinese why the sandbox refused a query.
func refusalHint(msg string) string {
	reason := strings.TrimPrefix(msg, queries.ErrQueryRefused.Error()+": ")
	for _, h := range refusalHints {
		if strings.HasPrefix(reason, h.reason) {
			return h.hint
		}
	}
	return "控制台只读：不能写入、不能访问文件、不能修改配置。"
}

// consoleError is a failed query in one line, for the download links'
// error page.
func consoleError(err error) string {
	f := explainFailure(err)
	return f.Title + "：" + f.Hint + "\n" + f.Detail
}
