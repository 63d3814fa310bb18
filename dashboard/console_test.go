package dashboard

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

func TestGroupDigits(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "2024": "2024", "-9999": "-9999", "10000": "10,000", "242000": "242,000",
		"-1234567.25": "-1,234,567.25", "12.5": "12.5", "1e+21": "1e+21", "nan": "nan", "-inf": "-inf",
		"170141183460469231731687303715884105727": "170,141,183,460,469,231,731,687,303,715,884,105,727",
	} {
		if got := groupDigits(in); got != want {
			t.Errorf("groupDigits(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResultCell(t *testing.T) {
	for _, c := range []struct {
		v                 any
		text, value, wanF string
		numeric, null     bool
	}{
		{nil, "NULL", "", "", false, true},
		{"山东省", "山东省", "", "", false, false},
		{int64(2024), "2024", "2024", "", true, false},
		{int64(242000), "242,000", "242000", "24.2万", true, false},
		{float64(3.5e8), "350,000,000", "350000000", "3.5亿", true, false},
		{json.Number("12345.678"), "12,345.678", "12345.678", "1.23万", true, false},
		{uint64(7), "7", "7", "", true, false},
	} {
		got := resultCell(c.v)
		if got.Text != c.text || got.Value != c.value || got.Wan != c.wanF || got.Numeric != c.numeric || got.Null != c.null {
			t.Errorf("resultCell(%#v) = %+v", c.v, got)
		}
	}
	if !resultCell(strings.Repeat("句", longCell+1)).Long || resultCell(strings.Repeat("句", longCell)).Long {
		t.Error("long text cells fold from longCell characters on")
	}
}

func TestChooseChart(t *testing.T) {
	num := func(vs ...string) []consoleCell {
		var out []consoleCell
		for _, v := range vs {
			if v == "" {
				out = append(out, consoleCell{Text: "x"})
			} else {
				out = append(out, consoleCell{Value: v, Numeric: true})
			}
		}
		return out
	}
	col := func(name string, numeric bool) consoleColumn { return consoleColumn{Name: name, Numeric: numeric} }
	for _, c := range []struct {
		name   string
		cols   []consoleColumn
		row    []consoleCell
		label  int
		values []int
		typ    string
	}{
		{"text label, numbers of one scale",
			[]consoleColumn{col("province", false), col("hits", true), col("per_10k", true), col("residual", true)},
			num("", "80", "175", "12"), 0, []int{1, 2, 3}, "bar"},
		{"a much smaller column is left out too",
			[]consoleColumn{col("province", false), col("hits", true), col("residual", true)},
			num("", "80", "3"), 0, []int{1}, "bar"},
		{"a larger column is left out",
			[]consoleColumn{col("province", false), col("documents", true), col("tokens", true)},
			num("", "2", "2618"), 0, []int{1}, "bar"},
		{"year as label draws a line",
			[]consoleColumn{col("year", true), col("achievements", true), col("targets", true)},
			num("2024", "10", "3"), 0, []int{1, 2}, "line"},
		{"ids are not values",
			[]consoleColumn{col("doc_id", true), col("title", false), col("tokens", true)},
			num("1", "", "821"), 1, []int{2}, "bar"},
		{"one number: row numbers as categories",
			[]consoleColumn{col("n", true)},
			num("5"), -1, []int{0}, "bar"},
	} {
		got := chooseChart(c.cols, []consoleRow{{N: 1, Cells: c.row}})
		if got == nil || got.Label != c.label || got.Type != c.typ || len(got.Values) != len(c.values) {
			t.Errorf("%s: %+v, want label %d values %v %s", c.name, got, c.label, c.values, c.typ)
			continue
		}
		for i := range c.values {
			if got.Values[i] != c.values[i] {
				t.Errorf("%s: values %v, want %v", c.name, got.Values, c.values)
			}
		}
	}
	if got := chooseChart([]consoleColumn{col("title", false)}, []consoleRow{{N: 1, Cells: num("")}}); got != nil {
		t.Errorf("no numbers, yet a chart: %+v", got)
	}
	if got := chooseChart([]consoleColumn{col("n", true)}, nil); got != nil {
		t.Errorf("no rows, yet a chart: %+v", got)
	}
}

// TestExplainFailure runs failing queries through the real sandbox and
// checks how the console names each kind of failure.
func TestExplainFailure(t *testing.T) {
	ctx := context.Background()
	store, err := queries.OpenStore(ctx, querytest.SeedDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	db, release, err := store.DB(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	for _, c := range []struct {
		query      string
		lim        queries.SandboxLimits
		kind       string
		title      string
		hint       string
		detail     string
		hasNoQuery bool
	}{
		{query: "CREATE TABLE x(a int)", kind: "refused", title: "查询被拒绝", hint: "只读", detail: "CREATE TABLE"},
		{query: "SELECT * FROM read_csv('/etc/passwd')", kind: "refused", title: "查询被拒绝", hint: "文件", detail: "read_csv"},
		{query: "SELECT 1; SELECT 2", kind: "refused", title: "查询被拒绝", hint: "一条语句", detail: "found 2"},
		{query: "SET threads = 1", kind: "refused", title: "查询被拒绝", hint: "配置已锁定", detail: "SET"},
		{query: "SELEC 1", kind: "sql", title: "SQL 语法错误", hint: "^", detail: "LINE 1: SELEC 1"},
		{query: "SELECT * FROM no_such_view", kind: "sql", title: "表、视图或函数不存在", detail: "no_such_view"},
		{query: "SELECT no_such_column FROM documents", kind: "sql", title: "列名或表达式有误", detail: "no_such_column"},
		{query: "SELECT 'abc'::INTEGER", kind: "sql", title: "类型转换失败", detail: "abc"},
		{query: ";", kind: "empty", title: "查询为空"},
		{query: "SELECT count(*) FROM sentences", lim: queries.SandboxLimits{Timeout: time.Nanosecond},
			kind: "timeout", title: "查询超时", hint: "10 秒", detail: "timed out"},
	} {
		_, err := queries.RunSandboxed(ctx, db, c.query, c.lim)
		if err == nil {
			t.Errorf("%q ran", c.query)
			continue
		}
		f := explainFailure(err)
		if f.Kind != c.kind || f.Title != c.title || !strings.Contains(f.Hint, c.hint) || !strings.Contains(f.Detail, c.detail) {
			t.Errorf("%q: %+v", c.query, f)
		}
		if (c.kind == "refused" || c.kind == "sql" || c.kind == "timeout") && f.Source == "" {
			t.Errorf("%q: the failure does not say who stopped the query", c.query)
		}
		if strings.HasPrefix(f.Detail, "query failed: ") {
			t.Errorf("%q: detail keeps the wrapper: %q", c.query, f.Detail)
		}
	}
}
