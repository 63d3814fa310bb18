package dashboard_test

import (
	"encoding/csv"
	"encoding/json"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestExports checks the complete downloads: every paginated table's link
// serves all of its rows (not the page) as CSV with a byte-order mark, as
// JSON and as Parquet; a page's JSON address holds each chart's data.
func TestExports(t *testing.T) {
	base := startServer(t)
	_, page, _ := get(t, base+"/search?"+url.Values{"q": {"的"}}.Encode())
	total := regexp.MustCompile(`data-table="search" data-total="(\d+)"`).FindStringSubmatch(page)
	links := regexp.MustCompile(`href="(/export/search\.(csv|json|parquet)\?[^"]+)"`).FindAllStringSubmatch(page, -1)
	if total == nil || len(links) != 3 {
		t.Fatalf("search page: total %v, export links %v", total, links)
	}
	want, _ := strconv.Atoi(total[1])
	for _, l := range links {
		status, body, hdr := get(t, base+strings.ReplaceAll(l[1], "&amp;", "&"))
		if status != 200 {
			t.Errorf("%s: status %d", l[1], status)
			continue
		}
		switch l[2] {
		case "csv":
			if !strings.HasPrefix(body, "\uFEFF") || !strings.Contains(hdr.Get("Content-Type"), "text/csv") {
				t.Errorf("csv export: no byte-order mark or type %q", hdr.Get("Content-Type"))
			}
			recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
			if err != nil || len(recs) != want+1 {
				t.Errorf("csv export: %d records (%v), the search has %d", len(recs), err, want)
			}
		case "json":
			var objs []map[string]any
			if err := json.Unmarshal([]byte(body), &objs); err != nil || len(objs) != want {
				t.Errorf("json export: %d objects (%v), the search has %d", len(objs), err, want)
			}
		case "parquet":
			if !strings.HasPrefix(body, "PAR1") || !strings.HasSuffix(body, "PAR1") {
				t.Errorf("parquet export: not a Parquet file (%d bytes)", len(body))
			}
		}
	}
	// The document list exports every document, whatever page is shown.
	_, body, _ := get(t, base+"/export/documents.csv?page=2&sort=title")
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	_, list, _ := get(t, base+"/documents")
	docs := regexp.MustCompile(`data-table="documents" data-total="(\d+)"`).FindStringSubmatch(list)
	if err != nil || docs == nil || strconv.Itoa(len(recs)-1) != docs[1] {
		t.Errorf("documents export: %d rows (%v), the list %v", len(recs)-1, err, docs)
	}
	if status, _, _ := get(t, base+"/export/nothing.csv"); status != 404 {
		t.Errorf("unknown table: status %d", status)
	}
	if status, _, _ := get(t, base+"/export/search.csv?q="); status != 400 {
		t.Errorf("empty search export: status %d", status)
	}
	// A page's data as JSON: every chart with its columns and rows.
	status, js, _ := get(t, base+"/json/themes")
	var data struct {
		Charts []struct {
			Name    string     `json:"name"`
			Columns []string   `json:"columns"`
			Rows    [][]string `json:"rows"`
		} `json:"charts"`
	}
	if err := json.Unmarshal([]byte(js), &data); status != 200 || err != nil || len(data.Charts) < 3 {
		t.Fatalf("/json/themes: status %d, %v, %d charts", status, err, len(data.Charts))
	}
	for _, c := range data.Charts {
		if len(c.Columns) == 0 || len(c.Rows) == 0 {
			t.Errorf("/json/themes chart %s: %d columns, %d rows", c.Name, len(c.Columns), len(c.Rows))
		}
		_, csvBody, _ := get(t, base+"/csv/themes/"+c.Name)
		recs, _ := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvBody, "\uFEFF"))).ReadAll()
		if !strings.HasPrefix(csvBody, "\uFEFF") || len(recs) != len(c.Rows)+1 {
			t.Errorf("chart %s: CSV %d records, JSON %d rows (or no BOM)", c.Name, len(recs), len(c.Rows))
		}
	}
}
