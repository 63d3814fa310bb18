package extract

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/loader/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenNotices runs Split and Document over hand-written notices in the
// styles of other provinces (a work conference, a county summary, a signed
// article, a work plan, a mid-year meeting, a traditional-character report
// and a notice without indicators) and compares every indicator with the
// reviewed golden file testdata/notices.golden. Run with -update after a
// deliberate change and review the diff.
func TestGoldenNotices(t *testing.T) {
	f, err := os.Open("testdata/notices/years.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	e := testExtractor(t)
	var b strings.Builder
	for _, r := range recs[1:] {
		body, err := os.ReadFile(filepath.Join("testdata/notices", r[0]))
		if err != nil {
			t.Fatal(err)
		}
		ry, _ := strconv.Atoi(r[1])
		py, _ := strconv.Atoi(r[2])
		pub, _ := time.Parse("2006-01-02", r[3])
		ss := text.Split(string(body), text.Years{Reviewed: ry, Plan: py})
		fmt.Fprintf(&b, "== %s\n", r[0])
		for _, in := range e.Document(Doc{Sentences: ss, ReviewedYear: ry, PlanYear: py, Published: pub}) {
			mx := ""
			if in.HasMax {
				mx = "~" + strconv.FormatFloat(in.ValueMax, 'g', -1, 64)
			}
			fmt.Fprintf(&b, "%s\t%s\t%s%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", ss[in.SentenceNo].Part, in.Surface,
				strconv.FormatFloat(in.Value, 'g', -1, 64), mx, in.Unit, in.Qualifier, in.Kind, in.Year, in.Metric,
				in.Canonical, in.Measure)
		}
	}
	golden := "testdata/notices.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("line %d:\n got %s\nwant %s", i+1, g, w)
			}
		}
	}
}
