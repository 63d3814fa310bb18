package meta

import (
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/policylens/policylens/data"
	"github.com/policylens/policylens/loader/source"
)

// testLex is the built-in lexicon, for tests of the functions that read a
// text with it.
var testLex = DefaultLexicon()

// yamlLists lists the yaml names of the lists and maps of a struct type,
// nested structs as parent.child.
func yamlLists(t reflect.Type, prefix string) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		switch f.Type.Kind() {
		case reflect.Slice, reflect.Map:
			out = append(out, prefix+tag)
		case reflect.Struct:
			out = append(out, yamlLists(f.Type, prefix+tag+".")...)
		}
	}
	return out
}

// TestLexiconListsNonEmpty checks that every list the inference reads is in
// the built-in file and not empty, and that the check covers every list the
// Lexicon type declares.
func TestLexiconListsNonEmpty(t *testing.T) {
	sizes := testLex.sizes()
	names := yamlLists(reflect.TypeOf(Lexicon{}), "")
	if len(names) != len(sizes) {
		t.Errorf("Lexicon declares %d lists, ParseLexicon checks %d", len(names), len(sizes))
	}
	for _, n := range names {
		size, ok := sizes[n]
		if !ok {
			t.Errorf("list %s is not checked by ParseLexicon", n)
		} else if size == 0 {
			t.Errorf("list %s is empty in data/meta_lexicon.yaml", n)
		}
	}
}

// editLexicon returns the built-in lexicon file with edit applied to its
// decoded form.
func editLexicon(t *testing.T, edit func(m map[string]any)) []byte {
	t.Helper()
	m := map[string]any{}
	if err := yaml.Unmarshal(data.MetaLexicon, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, err := yaml.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLexiconMissingList checks that a file without one of the lists is
// refused with its name, never read as an empty list.
func TestLexiconMissingList(t *testing.T) {
	for _, name := range yamlLists(reflect.TypeOf(Lexicon{}), "") {
		b := editLexicon(t, func(m map[string]any) {
			if parent, child, ok := strings.Cut(name, "."); ok {
				delete(m[parent].(map[string]any), child)
			} else {
				delete(m, name)
			}
		})
		if _, err := ParseLexicon(b); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("without %s: err %v, want one naming it", name, err)
		}
	}
	if _, err := ParseLexicon([]byte("org_suffixes: [")); err == nil {
		t.Error("broken YAML accepted")
	}
}

// TestLexiconDrivesInference checks that the file, not Go, decides: an
// edited list changes what is inferred.
func TestLexiconDrivesInference(t *testing.T) {
	d := doc("博兴县工信局召开2024年工作会议", "1月5日,博兴县工信局召开2024年工作会议。")
	if m := Infer(d, "x.txt", nil); m.Issuer != "博兴县工业和信息化局" {
		t.Fatalf("built-in lexicon: issuer %q", m.Issuer)
	}
	tests := []struct {
		name string
		edit func(m map[string]any)
		want string
	}{
		{"abbreviation spelled out otherwise", func(m map[string]any) {
			m["org_abbreviations"].(map[string]any)["工信局"] = "工业和信息化委员会"
		}, "博兴县工业和信息化委员会"},
		{"abbreviation not spelled out", func(m map[string]any) {
			delete(m["org_abbreviations"].(map[string]any), "工信局")
		}, "博兴县工信局"},
		{"suffix no longer an organisation", func(m map[string]any) {
			var kept []any
			for _, w := range m["org_suffixes"].([]any) {
				if w != "工信局" {
					kept = append(kept, w)
				}
			}
			m["org_suffixes"] = kept
		}, Unknown},
	}
	for _, tt := range tests {
		lx, err := ParseLexicon(editLexicon(t, tt.edit))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		m := lx.Infer(d, "x.txt", nil)
		if m.Issuer != tt.want {
			t.Errorf("%s: issuer %q, want %q", tt.name, m.Issuer, tt.want)
		}
	}
}

// TestLexiconDrivesYears checks the same of the year rules: the last year
// of a five-year plan is the file's.
func TestLexiconDrivesYears(t *testing.T) {
	d, err := source.Parse("x.txt", []byte("市人民政府关于印发鄂州市数字经济发展“十四五”规划的通知\n2023年8月22日\n“十三五”期间，全市认真贯彻落实国家数字经济战略，建成5G基站1200个。全市加快建设5G基站。"))
	if err != nil {
		t.Fatal(err)
	}
	for _, end := range []int{2025, 2026} {
		lx, err := ParseLexicon(editLexicon(t, func(m map[string]any) { m["plan_periods"].(map[string]any)["十四五"] = end }))
		if err != nil {
			t.Fatal(err)
		}
		if m := lx.Infer(d, "x.txt", nil); m.PlanYear != end {
			t.Errorf("十四五 ending %d: plan year %d", end, m.PlanYear)
		}
	}
}
