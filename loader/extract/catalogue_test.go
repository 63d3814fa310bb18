package extract

import (
	"strings"
	"testing"
)

func TestParseCatalogueErrors(t *testing.T) {
	for name, src := range map[string]string{
		"no name":         "metrics:\n  - measure: total\n",
		"duplicate":       "metrics:\n  - name: 5G基站\n  - name: 5G基站\n",
		"unknown measure": "metrics:\n  - name: 5G基站\n    measure: stock\n",
		"not yaml":        "metrics: [",
	} {
		if _, err := ParseCatalogue([]byte(src)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := LoadCatalogue("testdata/no-such-file.yaml"); err == nil || !strings.Contains(err.Error(), "no-such-file") {
		t.Errorf("missing file: %v", err)
	}
}

func TestCatalogueMatch(t *testing.T) {
	c, err := ParseCatalogue([]byte(`metrics:
  - name: 5G基站
    units: [个]
    synonyms: [5G基站, 5G站点]
  - name: 5G基站覆盖率
    measure: rate
    units: ["%"]
    synonyms: [5G基站覆盖]
  - name: 5G+工业互联网项目
    synonyms: ["5G+工业互联网项目"]
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ phrase, unit, want string }{
		{"新建5G基站", "个", "5G基站"},
		{"5g站点", "个", "5G基站"},               // letter case folds
		{"5G基站覆盖率", "%", "5G基站覆盖率"},         // longest synonym that admits the unit
		{"5G基站覆盖率", "个", "5G基站"},            // unit rules the longer one out
		{"5G基站", "元", ""},                   // no entry admits 元
		{"“5G﹢工业互联网”项目", "个", "5G+工业互联网项目"}, // quotes and full-width plus fold
		{"千兆用户", "户", ""},
	} {
		m, ok := c.Match(tt.phrase, tt.unit)
		if got := map[bool]string{true: m.Name, false: ""}[ok]; got != tt.want {
			t.Errorf("Match(%q, %q) = %q, want %q", tt.phrase, tt.unit, got, tt.want)
		}
	}
	if m, _ := c.Match("5G基站覆盖率", "%"); m.Measure != "rate" {
		t.Errorf("measure %q, want rate", m.Measure)
	}
	if m, _ := c.Match("5G基站", "个"); m.Measure != "total" {
		t.Errorf("default measure %q, want total", m.Measure)
	}
}

// TestShippedCatalogue checks data/metrics.yaml parses and names the seed
// metrics.
func TestShippedCatalogue(t *testing.T) {
	c := mustCatalogue(t)
	if len(c.Metrics) < 40 {
		t.Errorf("only %d metrics", len(c.Metrics))
	}
	for phrase, unit := range map[string]string{"5G基站": "个", "10G PON端口": "个", "资费公示率": "%", "智算总规模": "EFLOPS",
		"5G虚拟专网": "个", "数据中心标准机架": "架", "违规APP及时处置率": "%"} {
		if _, ok := c.Match(phrase, unit); !ok {
			t.Errorf("no entry for %s (%s)", phrase, unit)
		}
	}
}
