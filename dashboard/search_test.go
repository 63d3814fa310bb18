package dashboard_test

import (
	"context"
	"database/sql"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/policylens/policylens/queries"
)

var (
	dataTotal = regexp.MustCompile(`data-table="search" data-total="(\d+)"`)
	hitRow    = regexp.MustCompile(`<tr data-hit="(\d+)/(\d+)">`)
)

// TestSearchPage checks the search page against the query it runs: the
// total, pages that do not overlap and together hold every hit, the
// matches marked, and a bad regular expression answered with a message.
func TestSearchPage(t *testing.T) {
	base := startServer(t)
	db := seedDB(t)
	s, err := queries.ParseSearch("的", false)
	if err != nil {
		t.Fatal(err)
	}
	_, want, err := queries.SearchSentences(context.Background(), db, queries.Filter{}, s, queries.Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 50 // the search page's
	if want <= pageSize {
		t.Fatalf("的 matches %d sentences: too few to page", want)
	}
	seen := map[string]bool{}
	for page := 1; ; page++ {
		status, body, _ := get(t, base+"/search?"+url.Values{"q": {"的"}, "page": {strconv.Itoa(page)}}.Encode())
		if status != 200 {
			t.Fatalf("page %d: status %d", page, status)
		}
		m := dataTotal.FindStringSubmatch(body)
		if m == nil || m[1] != strconv.FormatInt(want, 10) {
			t.Fatalf("page %d: total %v, want %d", page, m, want)
		}
		rows := hitRow.FindAllStringSubmatch(body, -1)
		if len(rows) > pageSize {
			t.Errorf("page %d: %d rows", page, len(rows))
		}
		if strings.Count(body, "<mark>的</mark>") < len(rows) {
			t.Errorf("page %d: %d rows but fewer marks", page, len(rows))
		}
		for _, r := range rows {
			k := r[1] + "/" + r[2]
			if seen[k] {
				t.Errorf("sentence %s on two pages", k)
			}
			seen[k] = true
		}
		if !strings.Contains(body, `rel="next"`) {
			break
		}
		if page > 100 {
			t.Fatal("pages never end")
		}
	}
	if int64(len(seen)) != want {
		t.Errorf("the pages hold %d sentences, the search %d", len(seen), want)
	}
	status, body, _ := get(t, base+"/search?"+url.Values{"q": {"(5G"}, "mode": {"regex"}}.Encode())
	if status != 200 || !strings.Contains(body, `role="alert"`) || !strings.Contains(body, "正则表达式无效") {
		t.Errorf("bad regex: status %d, no message", status)
	}
	status, body, _ = get(t, base+"/search?"+url.Values{"q": {`5G[^，。]{0,4}基站`}, "mode": {"regex"}}.Encode())
	if status != 200 || !strings.Contains(body, "<mark>5G") {
		t.Errorf("regex search: status %d, nothing marked", status)
	}
}

// TestDocumentListServerSide checks the server-side list: the text box searches the
// body, sorting is done before paging, and every facet value is a link
// that filters the list to documents with that value.
func TestDocumentListServerSide(t *testing.T) {
	base := startServer(t)
	db := seedDB(t)
	// A phrase from the middle of a body, not in any title.
	var docID int64
	var body string
	if err := db.QueryRow(`SELECT doc_id, body FROM documents ORDER BY doc_id LIMIT 1`).Scan(&docID, &body); err != nil {
		t.Fatal(err)
	}
	runes := []rune(body)
	phrase := string(runes[len(runes)/2 : len(runes)/2+6])
	_, page, _ := get(t, base+"/documents?"+url.Values{"q": {phrase}}.Encode())
	if !strings.Contains(page, `href="/documents/`+strconv.FormatInt(docID, 10)+`"`) {
		t.Errorf("q=%s does not find the document whose body holds it", phrase)
	}
	// Sorted by title on the server.
	_, page, _ = get(t, base+"/documents?sort=title&dir=asc")
	titles := regexp.MustCompile(`<td><a href="/documents/\d+">([^<]*)</a></td>`).FindAllStringSubmatch(page, -1)
	var got []string
	for _, m := range titles {
		got = append(got, m[1])
	}
	if len(got) < 2 || !sort.StringsAreSorted(got) {
		t.Errorf("sort=title: %q", got)
	}
	// Facets: each value links to the list filtered by it, and the list
	// then holds as many documents as the facet said.
	_, page, _ = get(t, base+"/documents")
	facet := regexp.MustCompile(`(?s)<section data-facet="(province|level|doc_type)">.*?<li><a href="([^"]+)">([^<]+)</a> <span class="muted">(\d+)</span>`)
	ms := facet.FindAllStringSubmatch(page, -1)
	if len(ms) < 3 {
		t.Fatalf("facets: %d of province, level, type", len(ms))
	}
	for _, m := range ms {
		href := strings.ReplaceAll(m[2], "&amp;", "&")
		_, filtered, _ := get(t, base+href)
		mt := regexp.MustCompile(`data-table="documents" data-total="(\d+)"`).FindStringSubmatch(filtered)
		if mt == nil || mt[1] != m[4] {
			t.Errorf("facet %s=%s says %s documents; its link lists %v", m[1], m[3], m[4], mt)
		}
	}
}

// seedDB is a handle on the seed database for the test, released at its
// end.
func seedDB(t *testing.T) *sql.DB {
	t.Helper()
	db, release, err := openStore(t).DB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(release)
	return db
}

// TestIndicatorFacets checks the facets beside the indicators table: each
// field's first value links to the page filtered by it, and the table then
// holds as many figures as the facet said.
func TestIndicatorFacets(t *testing.T) {
	base := startServer(t)
	_, page, _ := get(t, base+"/indicators")
	facet := regexp.MustCompile(`(?s)<section data-facet="(province|level|kind|measure|unit|year|scope)">.*?<li><a href="([^"]+)">([^<]+)</a> <span class="muted">(\d+)</span>`)
	ms := facet.FindAllStringSubmatch(page, -1)
	if len(ms) < 5 {
		t.Fatalf("indicator facets: %d fields with a value", len(ms))
	}
	total := regexp.MustCompile(`data-table="points" data-total="(\d+)"`)
	for _, m := range ms {
		href := strings.ReplaceAll(m[2], "&amp;", "&")
		_, filtered, _ := get(t, base+href)
		mt := total.FindStringSubmatch(filtered)
		if mt == nil || mt[1] != m[4] {
			t.Errorf("facet %s=%s says %s figures; its link lists %v", m[1], m[3], m[4], mt)
		}
		if !strings.Contains(filtered, `<li class="selected">`) {
			t.Errorf("facet %s=%s: the chosen value is not marked", m[1], m[3])
		}
	}
}
