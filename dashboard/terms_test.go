package dashboard_test

import (
	"encoding/csv"
	"html"
	"math"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// termsGetCSV fetches a chart's CSV and returns its records after the header.
func termsGetCSV(t *testing.T, u string, header string) [][]string {
	t.Helper()
	status, body, _ := get(t, u)
	if status != 200 {
		t.Fatalf("GET %s: status %d", u, status)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("GET %s: %v", u, err)
	}
	if strings.Join(recs[0], ",") != header {
		t.Fatalf("GET %s: header %v, want %s", u, recs[0], header)
	}
	return recs[1:]
}

func TestTermsPage(t *testing.T) {
	base := startServer(t)
	status, body, _ := get(t, base+"/terms")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	for _, c := range []string{"terms-cloud-a", "terms-cloud-b", "terms-keyness", "terms-network"} {
		if !strings.Contains(body, `data-chart="`+c+`"`) {
			t.Errorf("no chart %s", c)
		}
	}
	if !strings.Contains(body, `src="/assets/wordcloud/echarts-wordcloud.min.js"`) {
		t.Error("terms page does not load the word cloud extension from /assets/")
	}
	for _, f := range []string{"wordcloud/echarts-wordcloud.min.js", "wordcloud/LICENSE.txt", "app.js", "terms.css", "reader.js"} {
		if status, b, _ := get(t, base+"/assets/"+f); status != 200 || len(b) == 0 {
			t.Errorf("/assets/%s: status %d", f, status)
		}
	}
	// Presets keep the comparisons one click away.
	if !strings.Contains(body, "对 其余省份") {
		t.Error("no one-province-against-the-rest preset")
	}
}

// TestKeyness recomputes G² and the log ratio of every key term from the
// counts in the CSV and checks both sides are ranked by G².
func TestKeyness(t *testing.T) {
	base := startServer(t)
	q := url.Values{"a": {"province:山东省"}, "b": {"rest:山东省"}}.Encode()
	recs := termsGetCSV(t, base+"/csv/terms/terms-keyness?"+q, "term,a_n,b_n,a_per_10k,b_per_10k,ll,log_ratio")
	if len(recs) < 4 {
		t.Fatalf("%d key terms", len(recs))
	}
	f := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	var ta, tb float64
	for _, r := range recs {
		if a, b := f(r[1]), f(r[2]); a > 0 && b > 0 {
			ta, tb = 10000*a/f(r[3]), 10000*b/f(r[4])
			break
		}
	}
	if ta == 0 || tb == 0 {
		t.Fatal("no key term occurs on both sides; cannot find the totals")
	}
	lastA, lastB := math.Inf(1), math.Inf(1)
	var nA, nB int
	for _, r := range recs {
		a, b := f(r[1]), f(r[2])
		ea, eb := ta*(a+b)/(ta+tb), tb*(a+b)/(ta+tb)
		ll := 0.0
		if a > 0 {
			ll += a * math.Log(a/ea)
		}
		if b > 0 {
			ll += b * math.Log(b/eb)
		}
		ll *= 2
		lr := math.Log2(((a + 0.5) / ta) / ((b + 0.5) / tb))
		if math.Abs(ll-f(r[5])) > 1e-6 || math.Abs(lr-f(r[6])) > 1e-6 {
			t.Errorf("%s: G² %s log ratio %s, recomputed %.6f %.6f", r[0], r[5], r[6], ll, lr)
		}
		if lr > 0 {
			nA++
			if ll > lastA+1e-9 {
				t.Errorf("%s: A's terms not ranked by G²", r[0])
			}
			lastA = ll
		} else {
			nB++
			if ll > lastB+1e-9 {
				t.Errorf("%s: B's terms not ranked by G²", r[0])
			}
			lastB = ll
		}
	}
	if nA == 0 || nB == 0 {
		t.Errorf("key terms: %d for A, %d for B", nA, nB)
	}
	// The selections are in the page and its links.
	_, body, _ := get(t, base+"/terms?"+q)
	if !strings.Contains(body, "山东省以外") || !strings.Contains(html.UnescapeString(body), "/csv/terms/terms-keyness?a=province") {
		t.Error("terms page does not show or keep the selections")
	}
}

var (
	termsKwicMatch = regexp.MustCompile(`<td class="match"><a href="([^"]+)"><mark>([^<]*)</mark>`)
	termsKwicRow   = regexp.MustCompile(`(?s)<tr><td class="muted where">.*?</tr>`)
	termsTagRe     = regexp.MustCompile(`<[^>]+>`)
)

func TestKWICPage(t *testing.T) {
	base := startServer(t)
	_, body, _ := get(t, base+"/kwic?"+url.Values{"term": {"5G"}}.Encode())
	m := termsKwicMatch.FindAllStringSubmatch(body, -1)
	if len(m) == 0 {
		t.Fatal("no concordance lines for 5G")
	}
	for _, l := range m {
		if l[2] != "5G" || !strings.Contains(html.UnescapeString(l[1]), "/documents/") || !strings.Contains(l[1], "#s-") {
			t.Errorf("line %v", l)
		}
	}
	// The download holds the lines shown.
	csvLink := regexp.MustCompile(`href="(/csv/kwic/kwic-lines[^"]*)"`).FindStringSubmatch(body)
	if csvLink == nil {
		t.Fatal("no CSV link for the concordance")
	}
	recs := termsGetCSV(t, base+html.UnescapeString(csvLink[1]), "doc_id,sentence_no,province,city,county,year,title,left,term,right")
	if len(recs) != len(m) {
		t.Errorf("concordance CSV: %d rows, page %d lines", len(recs), len(m))
	}
	// A province narrows the lines.
	_, one, _ := get(t, base+"/kwic?"+url.Values{"term": {"5G"}, "sel": {"province:浙江省"}}.Encode())
	if n := len(termsKwicMatch.FindAllString(one, -1)); n == 0 || n >= len(m) {
		t.Errorf("5G in 浙江省: %d lines of %d", n, len(m))
	}
	if !strings.Contains(one, "浙江省") || strings.Contains(one, `<td class="muted where">山东省`) {
		t.Error("selection 浙江省 shows other provinces' lines")
	}
	// Sorted by the right context, lines follow its order.
	_, sorted, _ := get(t, base+"/kwic?"+url.Values{"term": {"5G"}, "sort": {"right"}}.Encode())
	var rights []string
	for _, row := range termsKwicRow.FindAllString(sorted, -1) {
		i := strings.Index(row, `<td class="right">`)
		j := strings.Index(row[i:], "</td>")
		rights = append(rights, html.UnescapeString(termsTagRe.ReplaceAllString(row[i:i+j], "")))
	}
	if len(rights) < 2 || !sort.StringsAreSorted(rights) {
		t.Errorf("sort=right: %d lines not in order of their right context", len(rights))
	}
	// Two terms: every line holds both.
	_, pair, _ := get(t, base+"/kwic?"+url.Values{"term": {"5G"}, "with": {"应用"}}.Encode())
	rows := termsKwicRow.FindAllString(pair, -1)
	if len(rows) == 0 {
		t.Fatal("no sentence holds 5G and 应用")
	}
	for _, row := range rows {
		text := html.UnescapeString(termsTagRe.ReplaceAllString(row, ""))
		if !strings.Contains(text, "5G") || !strings.Contains(text, "应用") {
			t.Errorf("pair line lacks a term: %s", text)
		}
	}
	// Markup in the term is text.
	evil := `<script>alert(1)</script>`
	if status, b, _ := get(t, base+"/kwic?"+url.Values{"term": {evil}, "with": {evil}, "sel": {"province:" + evil}}.Encode()); status != 200 || strings.Contains(b, "<script>alert") {
		t.Errorf("kwic with markup: status %d, or markup reached the page", status)
	}
	if status, _, _ := get(t, base+"/kwic"); status != 200 {
		t.Errorf("kwic without a term: status %d", status)
	}
}

var termsFirstUseRow = regexp.MustCompile(`<tr><td>([^<]+)</td><td><a href="([^"]+)">[^<]*</a></td><td>[^<]*</td><td>([^<]+)</td>`)

// TestTermFirstUse checks the first notice per province of a term: the
// earliest first, each linked to a sentence of the reader holding the term.
func TestTermFirstUse(t *testing.T) {
	base := startServer(t)
	_, body, _ := get(t, base+"/terms?"+url.Values{"term": {"5G"}}.Encode())
	i := strings.Index(body, `data-table="first-use"`)
	if i < 0 {
		t.Fatal("no first-use table")
	}
	rows := termsFirstUseRow.FindAllStringSubmatch(body[i:], -1)
	if len(rows) < 2 {
		t.Fatalf("first use in %d provinces", len(rows))
	}
	seen := map[string]bool{}
	for k, r := range rows {
		if seen[r[1]] {
			t.Errorf("province %s twice", r[1])
		}
		seen[r[1]] = true
		if k > 0 && r[3] < rows[k-1][3] {
			t.Errorf("%s (%s) before %s (%s)", rows[k-1][1], rows[k-1][3], r[1], r[3])
		}
		link := html.UnescapeString(r[2])
		path, frag, _ := strings.Cut(link, "#")
		status, reader, _ := get(t, base+path)
		if status != 200 {
			t.Fatalf("GET %s: %d", path, status)
		}
		j := strings.Index(reader, `id="`+frag+`"`)
		if j < 0 {
			t.Fatalf("%s: no sentence %s", path, frag)
		}
		sentence := reader[j:]
		sentence = sentence[:strings.Index(sentence, "</span>")]
		if !strings.Contains(sentence, `<mark class="hit" title="检索词">5G</mark>`) {
			t.Errorf("%s: sentence %s has no marked 5G", path, frag)
		}
	}
	// The filter bar narrows it.
	_, one, _ := get(t, base+"/terms?"+url.Values{"term": {"5G"}, "province": {"浙江省"}}.Encode())
	i = strings.Index(one, `data-table="first-use"`)
	if rows := termsFirstUseRow.FindAllStringSubmatch(one[i:], -1); len(rows) != 1 || rows[0][1] != "浙江省" {
		t.Errorf("first use with province=浙江省: %v", rows)
	}
}

var termsDocRow = regexp.MustCompile(`<tr data-doc="(\d+)">`)

// TestDocumentList sorts the list by every field both ways and applies its
// own filters.
func TestDocumentList(t *testing.T) {
	base := startServer(t)
	_, all, _ := get(t, base+"/documents")
	n := len(termsDocRow.FindAllString(all, -1))
	if n < 3 {
		t.Fatalf("%d documents", n)
	}
	keys := regexp.MustCompile(`<th data-sort="(\w+)"`).FindAllStringSubmatch(all, -1)
	if len(keys) < 14 {
		t.Fatalf("%d sortable columns", len(keys))
	}
	for _, k := range keys {
		for _, dir := range []string{"asc", "desc"} {
			status, body, _ := get(t, base+"/documents?"+url.Values{"sort": {k[1]}, "dir": {dir}}.Encode())
			if status != 200 || len(termsDocRow.FindAllString(body, -1)) != n {
				t.Errorf("sort=%s dir=%s: status %d", k[1], dir, status)
			}
			if !strings.Contains(body, `data-sort="`+k[1]+`" class="sorted"`) {
				t.Errorf("sort=%s: header not marked as sorted", k[1])
			}
		}
	}
	// Dates ascending and descending.
	dates := func(dir string) []string {
		_, body, _ := get(t, base+"/documents?"+url.Values{"sort": {"published"}, "dir": {dir}}.Encode())
		return regexp.MustCompile(`<td>(\d{4}-\d\d-\d\d)</td>`).FindAllString(body, -1)
	}
	asc, desc := dates("asc"), dates("desc")
	if len(asc) < 3 || !sort.StringsAreSorted(asc) || !sort.SliceIsSorted(desc, func(i, j int) bool { return desc[i] > desc[j] }) {
		t.Errorf("published asc %v desc %v", asc, desc)
	}
	// The list's own filters.
	for q, want := range map[string]func(int) bool{
		"q=工作会议":              func(m int) bool { return m > 0 && m < n },
		"place=博兴县":           func(m int) bool { return m == 1 },
		"reviewed=2021":       func(m int) bool { return m > 0 && m < n },
		"pub_from=2025-01-01": func(m int) bool { return m > 0 && m < n },
	} {
		v, _ := url.ParseQuery(q)
		_, body, _ := get(t, base+"/documents?"+v.Encode())
		if m := len(termsDocRow.FindAllString(body, -1)); !want(m) {
			t.Errorf("%s: %d documents of %d", q, m, n)
		}
	}
	if status, _, _ := get(t, base+"/documents?pub_to=bad"); status != 400 {
		t.Errorf("pub_to=bad: status %d, want 400", status)
	}
}

// TestReaderMetadata checks the reader's metadata table: every inferred
// field with where it came from, and terms asked for are marked.
func TestReaderMetadata(t *testing.T) {
	base := startServer(t)
	_, list, _ := get(t, base+"/documents")
	m := regexp.MustCompile(`href="(/documents/\d+)"`).FindStringSubmatch(list)
	if m == nil {
		t.Fatal("no reader link")
	}
	_, body, _ := get(t, base+m[1]+"?"+url.Values{"hl": {"通信"}}.Encode())
	i := strings.Index(body, `data-table="metadata"`)
	if i < 0 {
		t.Fatal("no metadata table")
	}
	meta := body[i : strings.Index(body[i:], "</table>")+i]
	for _, f := range []string{"title", "province", "issuer", "published", "reviewed_year", "plan_year"} {
		row := regexp.MustCompile(`<tr data-field="` + f + `"><th>[^<]+</th><td>(?:<a [^>]+>)?[^<]+(?:</a>)?</td><td class="src"><span title="[^"]+">[^<]+</span>`)
		if !row.MatchString(meta) {
			t.Errorf("metadata field %s without its source", f)
		}
	}
	// A value links to the documents sharing it, this one among them.
	prov := regexp.MustCompile(`<tr data-field="province"><th>[^<]+</th><td><a href="([^"]+)"`).FindStringSubmatch(meta)
	if prov == nil {
		t.Fatal("the province does not link to its documents")
	}
	_, same, _ := get(t, base+html.UnescapeString(prov[1]))
	if !strings.Contains(same, `href="`+m[1]+`"`) {
		t.Errorf("%s does not list the document %s", prov[1], m[1])
	}
	if !strings.Contains(body, `<mark class="hit" title="检索词">通信</mark>`) {
		t.Error("hl=通信 is not marked")
	}
	if !strings.Contains(body, `<mark class="theme" data-theme=`) || !strings.Contains(body, `data-theme-toggle=`) {
		t.Error("reader marks no theme word or offers no theme buttons")
	}
}
