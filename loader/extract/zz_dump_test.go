package extract

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/policylens/policylens/loader/text"
)

func TestZZDump(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	ry, _ := strconv.Atoi(os.Getenv("RY"))
	py, _ := strconv.Atoi(os.Getenv("PY"))
	pub, _ := time.Parse("2006-01-02", os.Getenv("PUB"))
	ss := text.Split(string(b), text.Years{Reviewed: ry, Plan: py})
	for _, in := range testExtractor(t).Document(Doc{Sentences: ss, ReviewedYear: ry, PlanYear: py, Published: pub}) {
		mx := ""
		if in.HasMax {
			mx = fmt.Sprintf("~%g", in.ValueMax)
		}
		fmt.Printf("%-6s %-14s %g%s %s %s %s %d  [%s|%s|%s]\n", ss[in.SentenceNo].Part, in.Surface, in.Value, mx, in.Unit, in.Qualifier, in.Kind, in.Year, in.Metric, in.Canonical, in.Measure)
	}
}
