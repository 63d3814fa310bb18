package extract

import (
	"strings"
	"testing"
)

// TestShippedUnits checks that data/units.yaml parses and holds the units
// the gold conventions name, with their normalised forms.
func TestShippedUnits(t *testing.T) {
	u, err := LoadUnits("../../data/units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for form, want := range map[string]string{"个": "个", "％": "%", "百分点": "个百分点", "人民币": "元", "台币": "新台币",
		"千兆位": "G", "兆": "兆", "Mb": "M", "Gb": "G", "千克": "公斤", "EFlops": "EFLOPS", "Mbit/s": "Mbps", "个标准机架": "标准机架"} {
		rs := []rune(form)
		e, end, ok := u.match(rs, 0)
		if !ok || end != len(rs) || e.Unit != want {
			t.Errorf("match(%s) = %v %d %v; want %s", form, e, end, ok, want)
		}
	}
	for _, s := range []string{"部门", "台风", "人民", "个月", "场景"} {
		if e, _, ok := u.match([]rune(s), 0); ok {
			t.Errorf("match(%s) = %s; want no unit", s, e.Unit)
		}
	}
	if e, ok := u.Lookup("次"); !ok || !e.Event || !e.Classifier {
		t.Errorf("次 = %+v; want an event measure word", e)
	}
	if e, ok := u.Lookup("公里"); !ok || e.Quantity != "length" || e.Factor != 1000 {
		t.Errorf("公里 = %+v; want length, 1000", e)
	}
}

// TestParseUnitsRefuses checks that a broken catalogue is refused with a
// message saying what is wrong.
func TestParseUnitsRefuses(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"units: [{unit: 个, forms: [个], kind: pieces}]", "unknown kind"},
		{"units: [{unit: 个, kind: count}]", "no forms"},
		{"units: [{forms: [个], kind: count}]", "no unit"},
		{"units: [{unit: 个, forms: [个], kind: count}, {unit: 只, forms: [个], kind: count}]", "belongs to both"},
		{"units: [{unit: 个, forms: [个], kind: count}, {unit: 个, forms: [個], kind: count}]", "listed twice"},
		{"units: [{unit: 米, forms: [米], kind: measure, quantity: length}]", "positive factor"},
		{"units: [{unit: 部, forms: [部], kind: count, block: [门户]}]", "does not begin"},
		{"units: [{unit: 户, forms: [户], kind: count}]\nimplied: {用户: 人}", "not in the catalogue"},
		{"units: [{unit: 元, forms: [元], kind: money, symbols: [$]}, {unit: 美元, forms: [美元], kind: money, symbols: [$]}]", "belongs to"},
		{"units: [{unit: 个, forms: [个], kind: count}]\nper_capita: {每万人: ''}", "per_capita"},
		{"units: [{unit: 个, forms: [个], kind: count}]\nper: ['']", "per: empty"},
		{"units: [{unit: 个, forms: [个], kind: count}]\nprice_per: [分钟]", "not one character"},
		{"units: {", "parse"},
	} {
		_, err := ParseUnits([]byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v; want %q", tt.yaml, err, tt.want)
		}
	}
}
