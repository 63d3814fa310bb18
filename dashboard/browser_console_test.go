package dashboard_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/policylens/policylens/loader/schema"
)

// schemaViews lists the views the schema's 00*_views.sql files create.
func schemaViews(t *testing.T) []string {
	t.Helper()
	files, err := schema.ViewFiles()
	if err != nil {
		t.Fatal(err)
	}
	create := regexp.MustCompile(`(?i)CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?`)
	var views []string
	for _, f := range files {
		if !regexp.MustCompile(`^00.*_views\.sql$`).MatchString(f) {
			continue
		}
		ddl, err := schema.ViewDDL(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range create.FindAllStringSubmatch(ddl, -1) {
			views = append(views, strings.ToLower(m[1]))
		}
	}
	if len(views) < 10 {
		t.Fatalf("found only %d views in the schema: %v", len(views), views)
	}
	return views
}

// TestConsoleExamples checks that the console offers an example, with a
// description, for every view of the schema, and that every example runs.
func TestConsoleExamples(t *testing.T) {
	base := startServer(t)
	status, body, _ := get(t, base+"/sql")
	if status != 200 {
		t.Fatalf("GET /sql: status %d", status)
	}
	for _, v := range schemaViews(t) {
		m := regexp.MustCompile(`data-view="` + v + `"><a href="[^"]*" data-example>([^<]+)</a> <code>` + v + `</code><p>([^<]*)</p>`).FindStringSubmatch(body)
		if m == nil {
			t.Errorf("the console has no example for view %s: add one to viewExamples in dashboard/console.go", v)
			continue
		}
		if !regexp.MustCompile(`\p{Han}`).MatchString(m[2]) || len([]rune(m[2])) < 15 {
			t.Errorf("view %s: description %q is not a Chinese sentence", v, m[2])
		}
	}
	links := regexp.MustCompile(`<a href="(/sql\?q=[^"]*)" data-example>`).FindAllStringSubmatch(body, -1)
	if len(links) < 15 {
		t.Fatalf("only %d example links", len(links))
	}
	for _, l := range links {
		u := html.UnescapeString(l[1])
		status, page, _ := get(t, base+u)
		q, _ := url.ParseQuery(strings.TrimPrefix(u, "/sql?"))
		if status != 200 || strings.Contains(page, "data-error") || !strings.Contains(page, "data-result") {
			t.Errorf("example %q: status %d, no result", q.Get("q"), status)
		}
		if !strings.Contains(page, `<td class="rownum">1</td>`) {
			t.Errorf("example %q: no rows on the seeds", q.Get("q"))
		}
	}
	// A query opened from a chart says what its view holds.
	_, page, _ := get(t, base+"/sql?"+url.Values{"q": {"SELECT * FROM theme_by_province LIMIT 200"}}.Encode())
	if !strings.Contains(page, `class="used-views"`) || !strings.Contains(page, "<code>theme_by_province</code>") {
		t.Error("a query on theme_by_province does not describe the view")
	}
}

// consoleTable is what the result table shows: column names, and per
// cell the exact value ("" for NULL), whether it is NULL or a number.
type consoleTable struct {
	Columns []string   `json:"columns"`
	Numeric []bool     `json:"numeric"`
	Cells   [][]string `json:"cells"`
	Nulls   [][]bool   `json:"nulls"`
}

const readResultTable = `(() => {
  const t = document.querySelector('table[data-table=result]');
  const ths = [...t.tHead.rows[0].cells].slice(1);
  const rows = [...t.tBodies[0].rows].map(tr => [...tr.cells].slice(1));
  return {
    columns: ths.map(th => th.dataset.name),
    numeric: ths.map(th => th.hasAttribute('data-numeric')),
    cells: rows.map(r => r.map(td => td.hasAttribute('data-null') ? '' : (td.dataset.value ?? td.textContent))),
    nulls: rows.map(r => r.map(td => td.hasAttribute('data-null'))),
  };
})()`

// consoleRun opens the console, types query, runs it with the button and
// waits for the result or the error.
func consoleRun(t *testing.T, b *browser, base, query string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/sql"),
		chromedp.SetValue(chromedp.CSS("#sql-q"), query),
		chromedp.Click(chromedp.CSS(`#console button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`table[data-table=result], [data-error]`)),
	); err != nil {
		t.Fatalf("run %q in the console: %v", query, err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) on the open page.
func consoleEval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// consoleQuiet fails on console errors and on requests that left the test
// server.
func consoleQuiet(t *testing.T, b *browser, base, what string) {
	t.Helper()
	requests, errs := b.take()
	for _, e := range errs {
		t.Errorf("%s: %s", what, e)
	}
	allowed := localOnly(base)
	for _, r := range requests {
		if !allowed(r) {
			t.Errorf("%s: request left the machine: %s", what, r)
		}
	}
	if len(requests) == 0 {
		t.Errorf("%s: no request recorded; the recorder is broken", what)
	}
}

func TestBrowserConsole(t *testing.T) {
	b := newBrowser(t)
	base := startServer(t)
	const query = "SELECT province, city, count(*) AS documents, sum(tokens) AS tokens,\n" +
		"       sum(chars) * 1000 AS chars_x1000, avg(tokens) AS avg_tokens\n" +
		"FROM document_stats GROUP BY ALL ORDER BY province, city NULLS FIRST"

	// Run a query: the table, its time, and numbers right-aligned and readable.
	consoleRun(t, b, base, query)
	tab := consoleEval[consoleTable](t, b, readResultTable)
	want := []string{"province", "city", "documents", "tokens", "chars_x1000", "avg_tokens"}
	if strings.Join(tab.Columns, ",") != strings.Join(want, ",") || len(tab.Cells) < 3 {
		t.Fatalf("result table: columns %v, %d rows", tab.Columns, len(tab.Cells))
	}
	t.Logf("result: %d rows, first %q", len(tab.Cells), tab.Cells[0])
	if fmt.Sprint(tab.Numeric) != "[false false true true true true]" {
		t.Errorf("numeric columns %v", tab.Numeric)
	}
	if elapsed := consoleEval[string](t, b, `document.querySelector('[data-elapsed]').textContent`); !strings.Contains(elapsed, "秒") {
		t.Errorf("query time %q", elapsed)
	}
	align := consoleEval[[]string](t, b, `[...document.querySelectorAll('table[data-table=result] td.num')].map(td => getComputedStyle(td).textAlign)`)
	if len(align) == 0 {
		t.Error("no numeric cells")
	}
	for _, a := range align {
		if a != "right" {
			t.Errorf("numeric cell aligned %s", a)
			break
		}
	}
	// A large value shows grouped digits and its 万/亿 form; NULL shows as NULL.
	big := consoleEval[[]string](t, b, `(() => { const td = document.querySelector('table[data-table=result] tbody tr td:nth-child(6)');
	  return [td.dataset.value, td.firstChild.textContent, td.querySelector('small.wan')?.textContent ?? '']; })()`)
	if v, _ := strconv.ParseFloat(big[0], 64); v < 1e6 || !strings.Contains(big[1], ",") || !strings.ContainsAny(big[2], "万亿") {
		t.Errorf("large value shown as %q (exact %s), 万 form %q", big[1], big[0], big[2])
	}
	if nulls := consoleEval[int](t, b, `[...document.querySelectorAll('table[data-table=result] td[data-null]')].filter(td => td.textContent === 'NULL').length`); nulls == 0 {
		t.Error("no NULL cell (province-level notices have no city)")
	}

	// The quick chart holds the result: one bar per row and value column.
	counts := consoleEval[map[string]int](t, b, chartData)
	picked := consoleEval[int](t, b, `document.querySelectorAll('input[name=chart-value]:checked').length`)
	if n := counts["sql-result"]; picked == 0 || n != len(tab.Cells)*picked {
		t.Errorf("quick chart holds %d points, want %d rows x %d value columns (%v)", n, len(tab.Cells), picked, counts)
	}
	// Picking a line, provinces as categories and one value column redraws it.
	redrawn := consoleEval[[]string](t, b, `(() => {
	  const set = (id, v) => { const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('change')); };
	  document.querySelectorAll('input[name=chart-value]').forEach(c => { c.checked = c.value === '3'; });
	  set('chart-type', 'line');
	  set('chart-label', '0');
	  const o = echarts.getInstanceByDom(document.querySelector('[data-chart=sql-result]')).getOption();
	  return [o.series.length + '', o.series[0].type, o.series[0].name, o.xAxis[0].data.join('|'), o.series[0].data.join('|')];
	})()`)
	t.Logf("redrawn: %q; large value %q", redrawn, big)
	var provinces, tokens []string
	for _, row := range tab.Cells {
		provinces, tokens = append(provinces, row[0]), append(tokens, row[3])
	}
	if redrawn[0] != "1" || redrawn[1] != "line" || redrawn[2] != "tokens" ||
		redrawn[3] != strings.Join(provinces, "|") || redrawn[4] != strings.Join(tokens, "|") {
		t.Errorf("redrawn chart: %q", redrawn)
	}
	// Grouping by province draws one series per province.
	groups := consoleEval[int](t, b, `(() => {
	  const g = document.getElementById('chart-group'); g.value = '0'; g.dispatchEvent(new Event('change'));
	  return echarts.getInstanceByDom(document.querySelector('[data-chart=sql-result]')).getOption().series.length;
	})()`)
	distinct := map[string]bool{}
	for _, p := range provinces {
		distinct[p] = true
	}
	if groups != len(distinct) {
		t.Errorf("grouped by province: %d series, want %d", groups, len(distinct))
	}

	// The downloads hold what the table shows.
	dl := consoleEval[[]string](t, b, `Promise.all(['csv', 'json'].map(async k => {
	  const r = await fetch(document.querySelector('a[data-download=' + k + ']').href);
	  return r.status + ' ' + (r.headers.get('content-disposition') || '') + '\n' + await r.text();
	}))`)
	csvHead, csvBody, _ := strings.Cut(dl[0], "\n")
	if !strings.HasPrefix(csvHead, "200 ") || !strings.Contains(csvHead, "query.csv") {
		t.Errorf("CSV download: %s", csvHead)
	}
	recs, err := csv.NewReader(strings.NewReader(csvBody)).ReadAll()
	if err != nil {
		t.Fatalf("CSV download: %v", err)
	}
	if len(recs) != len(tab.Cells)+1 || strings.Join(recs[0], ",") != strings.Join(tab.Columns, ",") {
		t.Errorf("CSV: %d records, header %v; table %d rows", len(recs), recs[0], len(tab.Cells))
	} else {
		for i, row := range tab.Cells {
			if strings.Join(recs[i+1], "\x00") != strings.Join(row, "\x00") {
				t.Errorf("CSV row %d %q, table %q", i+1, recs[i+1], row)
			}
		}
	}
	jsonHead, jsonBody, _ := strings.Cut(dl[1], "\n")
	if !strings.HasPrefix(jsonHead, "200 ") || !strings.Contains(jsonHead, "query.json") {
		t.Errorf("JSON download: %s", jsonHead)
	}
	dec := json.NewDecoder(strings.NewReader(jsonBody))
	dec.UseNumber()
	var objs []map[string]any
	if err := dec.Decode(&objs); err != nil {
		t.Fatalf("JSON download: %v", err)
	}
	if len(objs) != len(tab.Cells) {
		t.Errorf("JSON: %d objects, table %d rows", len(objs), len(tab.Cells))
	}
	for i := range min(len(objs), len(tab.Cells)) {
		for j, col := range tab.Columns {
			got, ok := objs[i][col]
			switch {
			case !ok:
				t.Errorf("JSON row %d lacks %s", i+1, col)
			case tab.Nulls[i][j]:
				if got != nil {
					t.Errorf("JSON row %d %s = %v, table NULL", i+1, col, got)
				}
			case tab.Numeric[j]:
				n, isNum := got.(json.Number)
				a, _ := strconv.ParseFloat(string(n), 64)
				e, _ := strconv.ParseFloat(tab.Cells[i][j], 64)
				if !isNum || a != e {
					t.Errorf("JSON row %d %s = %v, table %s", i+1, col, got, tab.Cells[i][j])
				}
			default:
				if got != tab.Cells[i][j] {
					t.Errorf("JSON row %d %s = %v, table %s", i+1, col, got, tab.Cells[i][j])
				}
			}
		}
	}
	consoleQuiet(t, b, base, "console result")

	// Save the query; it is listed after a reload, runs from the list, and
	// can be deleted.
	const name = "各省文档与词数"
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#save-name"), name),
		chromedp.Click(chromedp.CSS("#save-query")),
		chromedp.WaitVisible(chromedp.CSS(`li[data-saved-query="`+name+`"]`)),
		chromedp.Navigate(base+"/sql"),
		chromedp.WaitVisible(chromedp.CSS(`li[data-saved-query="`+name+`"]`)),
	); err != nil {
		t.Fatalf("save a query: %v", err)
	}
	saved := consoleEval[[]string](t, b, `(() => { const li = document.querySelector('li[data-saved-query]');
	  return [li.dataset.savedQuery, li.querySelector('time').getAttribute('datetime'), li.querySelector('code').title,
	          document.querySelector('table[data-table=result]') ? 'table' : 'no table']; })()`)
	if saved[0] != name || saved[2] != query || saved[3] != "no table" {
		t.Errorf("saved query after reload: %q", saved)
	}
	if at, err := time.Parse(time.RFC3339, saved[1]); err != nil || time.Since(at) > time.Hour || time.Since(at) < 0 {
		t.Errorf("saved query time %q (%v)", saved[1], err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`li[data-saved-query="`+name+`"] button[data-run]`)),
		chromedp.WaitVisible(chromedp.CSS(`table[data-table=result]`)),
	); err != nil {
		t.Fatalf("run the saved query: %v", err)
	}
	if again := consoleEval[consoleTable](t, b, readResultTable); fmt.Sprint(again.Cells) != fmt.Sprint(tab.Cells) {
		t.Errorf("the saved query ran to %v, want %v", again.Cells, tab.Cells)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`li[data-saved-query="`+name+`"] button[data-delete]`)),
		chromedp.Navigate(base+"/sql"),
		chromedp.WaitVisible(chromedp.CSS(`[data-saved-empty]`)),
	); err != nil {
		t.Fatalf("delete the saved query: %v", err)
	}
	if n := consoleEval[int](t, b, `document.querySelectorAll('li[data-saved-query]').length`); n != 0 {
		t.Errorf("%d saved queries after deleting the only one", n)
	}
	// Saved queries move between browsers as a file: importing one lists
	// its queries beside those already saved.
	file := filepath.Join(t.TempDir(), "queries.json")
	if err := os.WriteFile(file, []byte(`[{"name": "导入的查询", "sql": "SELECT count(*) AS n FROM documents", "saved": "2026-01-02T03:04:05Z"},
	  {"name": "", "sql": ""}, "not a query"]`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.SetUploadFiles(`#saved-import`, []string{file}),
		chromedp.WaitVisible(chromedp.CSS(`li[data-saved-query="导入的查询"]`)),
		chromedp.Navigate(base+"/sql"),
		chromedp.WaitVisible(chromedp.CSS(`li[data-saved-query="导入的查询"]`)),
	); err != nil {
		t.Fatalf("import saved queries: %v", err)
	}
	if n := consoleEval[int](t, b, `document.querySelectorAll('li[data-saved-query]').length`); n != 1 {
		t.Errorf("%d saved queries after importing one good one", n)
	}
	consoleQuiet(t, b, base, "saved queries")

	// Errors say what kind they are and what is wrong.
	for _, c := range []struct {
		query, kind, title string
		detail             []string
	}{
		{"CREATE TABLE x(a int)", "refused", "查询被拒绝", []string{"writes are not allowed", "CREATE TABLE"}},
		{"SELEC 1", "sql", "SQL 语法错误", []string{"Parser Error", `"SELEC"`, "LINE 1"}},
		{"SELECT * FROM no_such_view", "sql", "表、视图或函数不存在", []string{"no_such_view"}},
		{"SELECT * FROM read_text('/etc/passwd')", "refused", "查询被拒绝", []string{"read_text"}},
	} {
		consoleRun(t, b, base, c.query)
		got := consoleEval[[]string](t, b, `(() => { const e = document.querySelector('[data-error]');
		  return e ? [e.dataset.error, e.querySelector('[data-error-title]').textContent, e.querySelector('[data-error-detail]').textContent,
		              document.querySelector('#sql-q').value, document.querySelector('table[data-table=result]') ? 'table' : ''] : []; })()`)
		if len(got) != 5 || got[0] != c.kind || got[1] != c.title || got[3] != c.query || got[4] != "" {
			t.Errorf("%q: error %q, want kind %s, title %s, the query kept in the box", c.query, got, c.kind, c.title)
			continue
		}
		for _, d := range c.detail {
			if !strings.Contains(got[2], d) {
				t.Errorf("%q: error detail %q lacks %q", c.query, got[2], d)
			}
		}
		consoleQuiet(t, b, base, c.query)
	}
}
