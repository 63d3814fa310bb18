package eval

import (
	"strings"
	"testing"
)

const goldCSV = `doc,kind,year,metric,value,value_max,unit,qualifier,surface
a.txt,achievement,2024,5G基站,242000,,个,exact,开通5G基站24.2万个
a.txt,target,2025,5G基站,310000,,个,over,建成5G基站超31万个
a.txt,other,2024,排名,3,,位次,exact,居全国第3位
a.txt,achievement,2024,时限压缩,50,70,%,range,时限50%~70%
a.txt,ignore,2024,发言人数,6,,名,exact,6名同志作了交流发言
b.txt,target,2022,10G PON端口,50000,,个,exact,10G PON端口5万个
`

func TestReadGold(t *testing.T) {
	g, err := ReadGold(strings.NewReader(goldCSV))
	if err != nil {
		t.Fatal(err)
	}
	if len(g) != 6 {
		t.Fatalf("%d rows, want 6", len(g))
	}
	if r := g[3]; !r.HasMax || r.ValueMax != 70 || r.Value != 50 || r.Qualifier != "range" {
		t.Errorf("range row read as %+v", r)
	}
	if r := g[0]; r.HasMax || r.Year != 2024 || r.Unit != "个" || r.Surface != "开通5G基站24.2万个" {
		t.Errorf("first row read as %+v", r)
	}
	if _, err := ReadGold(strings.NewReader("doc,kind\na.txt,target\n")); err == nil {
		t.Error("a header without value and surface was accepted")
	}
	if _, err := ReadGold(strings.NewReader(strings.Replace(goldCSV, "242000", "many", 1))); err == nil {
		t.Error("a non-numeric value was accepted")
	}
}

func pred(file, kind string, year int, value float64, unit, qual, sentence string) Prediction {
	return Prediction{File: file, Kind: kind, Year: year, Value: value, Unit: unit, Qualifier: qual, Sentence: sentence}
}

func TestScore(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(goldCSV))
	if err != nil {
		t.Fatal(err)
	}
	s1 := "深入开展专项行动,开通5G基站24.2万个,提前完成年度任务。"
	s2 := "建成5G基站超31万个、智算总规模达70EFLOPS。"
	preds := []Prediction{
		// matches row 1, within 0.1 % (242100 vs 242000), path with folders
		pred("notices/a.txt", "achievement", 2024, 242100, "个", "exact", s1),
		// matches row 2 but calls it an achievement of the wrong year
		pred("a.txt", "achievement", 2024, 310000, "个", "over", s2),
		// a false positive: 70 EFLOPS is not in the gold
		pred("a.txt", "target", 2025, 70, "EFLOPS", "exact", s2),
		// right value and sentence, wrong unit: a miss and a unit disagreement
		pred("a.txt", "other", 2024, 3, "个", "exact", "新增专网1600余个,居全国第3位;"),
		// matches the range row, wrong qualifier
		pred("a.txt", "achievement", 2024, 50, "%", "exact", "压缩审批事项办理时限50%~70%。"),
		// absorbed by the ignore row: counts neither way
		pred("a.txt", "other", 2024, 6, "名", "exact", "6名同志作了交流发言。"),
		// same figure in the other document: no match across documents
		pred("c.txt", "target", 2022, 50000, "个", "exact", "新建5G基站2万个、10G PON端口5万个。"),
		// value off by more than 0.1 %
		pred("b.txt", "target", 2022, 50100, "个", "exact", "新建5G基站2万个、10G PON端口5万个。"),
	}
	r := Score(gold, preds)
	check := func(name string, got, want float64) {
		t.Helper()
		if got < want-1e-9 || got > want+1e-9 {
			t.Errorf("%s = %.4f, want %.4f", name, got, want)
		}
	}
	if r.Gold != 5 || r.Predicted != 7 || r.Matched != 3 {
		t.Fatalf("gold %d predicted %d matched %d, want 5 7 3", r.Gold, r.Predicted, r.Matched)
	}
	check("precision", r.Precision, 3.0/7)
	check("recall", r.Recall, 3.0/5)
	check("F1", r.F1, 2*(3.0/7)*(3.0/5)/(3.0/7+3.0/5))
	// Matched: row 1 (not target, not target), row 2 (target, achievement), range (no, no).
	check("target accuracy", r.TargetAcc, 2.0/3)
	// Predicted targets (not absorbed): 70 EFLOPS, c.txt 50000, b.txt 50100 → none right.
	check("target precision", r.TargetP, 0)
	check("target recall", r.TargetR, 0)
	check("target F1", r.TargetF1, 0)
	check("year accuracy", r.YearAcc, 2.0/3)
	check("qualifier accuracy", r.QualAcc, 2.0/3)
	check("unit accuracy", r.UnitAcc, 3.0/4)
	if len(r.Misses) != 2 || len(r.FalsePos) != 4 || len(r.UnitOnlyMis) != 1 {
		t.Errorf("misses %d, false positives %d, unit disagreements %d; want 2, 4, 1",
			len(r.Misses), len(r.FalsePos), len(r.UnitOnlyMis))
	}
	var b strings.Builder
	r.Write(&b)
	for _, want := range []string{"precision  0.429", "居全国第3位", "unit disagreements (1)", "false positives (4)", "year 2024≠2025"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestScorePerfectAndEmpty(t *testing.T) {
	gold, _ := ReadGold(strings.NewReader(goldCSV))
	var preds []Prediction
	for _, g := range gold {
		preds = append(preds, Prediction{File: g.Doc, Kind: g.Kind, Year: g.Year, Value: g.Value, ValueMax: g.ValueMax,
			HasMax: g.HasMax, Unit: g.Unit, Qualifier: g.Qualifier, Sentence: "……" + g.Surface + "……"})
	}
	r := Score(gold, preds)
	if r.Precision != 1 || r.Recall != 1 || r.TargetF1 != 1 || r.YearAcc != 1 || r.QualAcc != 1 || r.UnitAcc != 1 {
		t.Errorf("perfect predictions scored %+v", r)
	}
	if r := Score(gold, nil); r.Recall != 0 || r.Matched != 0 || len(r.Misses) != 5 {
		t.Errorf("no predictions: recall %.2f matched %d misses %d", r.Recall, r.Matched, len(r.Misses))
	}
}

func TestSameDoc(t *testing.T) {
	for _, c := range []struct {
		gold, file string
		want       bool
	}{
		{"a.txt", "a.txt", true}, {"a.txt", "2024/shandong/a.txt", true}, {"x/a.txt", "x/a.txt", true},
		{"a.txt", "b.txt", false}, {"a.txt", "a.txt.bak", false},
	} {
		if got := sameDoc(c.gold, c.file); got != c.want {
			t.Errorf("sameDoc(%q, %q) = %v", c.gold, c.file, got)
		}
	}
}

func TestScorePrefersFigureInsideSurface(t *testing.T) {
	gold, err := ReadGold(strings.NewReader("doc,kind,year,metric,value,value_max,unit,qualifier,surface\n" +
		"a.txt,achievement,2024,专网,4,,个,over,专网达到4余个\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := "专网达到4余个，培育案例四个。"
	r := Score(gold, []Prediction{
		{File: "a.txt", Value: 4, Unit: "个", Qualifier: "exact", Sentence: s, Surface: "四个"},
		{File: "a.txt", Value: 4, Unit: "个", Qualifier: "over", Sentence: s, Surface: "4余个"},
	})
	if r.Matched != 1 || r.Pairs[0].Pred.Surface != "4余个" || r.QualAcc != 1 {
		t.Errorf("matched %d, pair %+v", r.Matched, r.Pairs)
	}
}

// A traditional surface copied from a mirror page (with its pinyin residue)
// matches the simplified sentence the loader stores.
func TestScoreTraditionalSurface(t *testing.T) {
	gold, err := ReadGold(strings.NewReader("doc,kind,year,metric,value,value_max,unit,qualifier,surface\n" +
		"t.txt,achievement,2020,5G基站,45000,,个,exact,建成4.5萬(wàn)個(gè)5G基站\n"))
	if err != nil {
		t.Fatal(err)
	}
	if gold[0].Surface != "建成4.5万个5G基站" {
		t.Errorf("surface read as %q", gold[0].Surface)
	}
	r := Score(gold, []Prediction{pred("t.txt", "achievement", 2020, 45000, "个", "exact", "全市建成4.5万个5G基站。")})
	if len(r.Pairs) != 1 {
		t.Errorf("traditional surface did not match its simplified sentence: %d pairs", len(r.Pairs))
	}
}

// TestScoreKindsYearsScopes checks the measures added for issue 8: the
// three-way kind matrix, year accuracy for targets and achievements apart,
// scope accuracy, and a surface written in traditional characters with a
// pinyin annotation matching the simplified text the loader stores.
func TestScoreKindsYearsScopes(t *testing.T) {
	gold, err := ReadGold(strings.NewReader("doc,kind,year,metric,value,value_max,unit,qualifier,surface,scope,scope_place\n" +
		"a.txt,achievement,2024,5G基站,242000,,个,exact,開通5G基站24.2萬(wàn)個,own,\n" +
		"a.txt,target,2025,5G基站,310000,,个,over,建成5G基站超31万个,own,\n" +
		"a.txt,achievement,2024,全国5G基站,4250000,,个,exact,全国5G基站425万个,national,\n" +
		"a.txt,achievement,2024,广州5G基站,80000,,个,exact,广州累计建成5G基站8万个,other,广州市\n" +
		"a.txt,other,2024,排名,3,,位次,exact,居全国第3位,own,\n"))
	if err != nil {
		t.Fatal(err)
	}
	if gold[0].Surface != "开通5G基站24.2万个" {
		t.Fatalf("traditional surface normalised to %q", gold[0].Surface)
	}
	s := "开通5G基站24.2万个，居全国第3位，全国5G基站425万个，广州累计建成5G基站8万个；明年建成5G基站超31万个。"
	preds := []Prediction{
		{File: "a.txt", Kind: "achievement", Year: 2024, Value: 242000, Unit: "个", Qualifier: "exact", Sentence: s, Scope: "own"},
		{File: "a.txt", Kind: "target", Year: 2026, Value: 310000, Unit: "个", Qualifier: "over", Sentence: s, Scope: "own"},
		{File: "a.txt", Kind: "achievement", Year: 2024, Value: 4250000, Unit: "个", Qualifier: "exact", Sentence: s, Scope: "own"},
		{File: "a.txt", Kind: "target", Year: 2024, Value: 80000, Unit: "个", Qualifier: "exact", Sentence: s, Scope: "other", ScopePlace: "广州市"},
		{File: "a.txt", Kind: "achievement", Year: 2024, Value: 3, Unit: "位次", Qualifier: "exact", Sentence: s},
	}
	r := Score(gold, preds)
	if r.Matched != 5 {
		t.Fatalf("matched %d of 5", r.Matched)
	}
	want := [3][3]int{{2, 1, 0}, {0, 1, 0}, {1, 0, 0}}
	if r.Kinds != want {
		t.Errorf("kind matrix %v, want %v", r.Kinds, want)
	}
	if r.YearNTarget != 1 || r.YearAccTarget != 0 || r.YearNAchievement != 3 || r.YearAccAchievement != 1 {
		t.Errorf("year by kind: targets %.2f of %d, achievements %.2f of %d", r.YearAccTarget, r.YearNTarget,
			r.YearAccAchievement, r.YearNAchievement)
	}
	// The national total predicted as own is the one scope error; an empty
	// predicted scope counts as own.
	if r.ScopeN != 5 || r.ScopeAcc != 0.8 || r.Scopes[1][0] != 1 {
		t.Errorf("scope accuracy %.2f of %d, matrix %v", r.ScopeAcc, r.ScopeN, r.Scopes)
	}
	var b strings.Builder
	r.Write(&b)
	for _, w := range []string{"targets 0.000 of 1", "scope accuracy     0.800", "scope own≠national", "kind (rows gold"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("report lacks %q:\n%s", w, b.String())
		}
	}
	// Old gold files have no scope column: scope is then not scored.
	old, err := ReadGold(strings.NewReader(goldCSV))
	if err != nil {
		t.Fatal(err)
	}
	if r := Score(old, nil); r.ScopeN != 0 {
		t.Errorf("scope scored without a scope column")
	}
	if _, err := ReadGold(strings.NewReader("doc,kind,year,metric,value,value_max,unit,qualifier,surface,scope\na.txt,target,2025,x,1,,个,exact,x1个,mine\n")); err == nil {
		t.Error("an unknown scope was accepted")
	}
}

// TestScoreUnknownYear: a gold row without a year (the text never says
// which) is left out of year accuracy, and in the accuracy over every pair
// it is right only when the year was left unknown, not guessed.
func TestScoreUnknownYear(t *testing.T) {
	gold, err := ReadGold(strings.NewReader("doc,kind,year,metric,value,value_max,unit,qualifier,surface,scope,scope_place\n" +
		"a.txt,achievement,,5G基站,1200,,个,exact,建成5G基站1200个,own,\n" +
		"a.txt,achievement,,光纤用户,39000,,户,exact,光纤用户3.9万户,own,\n" +
		"a.txt,achievement,2024,行政村,300,,个,exact,通光纤行政村300个,own,\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := "建成5G基站1200个，光纤用户3.9万户，通光纤行政村300个。"
	preds := []Prediction{
		{File: "a.txt", Kind: "achievement", Year: 0, Value: 1200, Unit: "个", Qualifier: "exact", Sentence: s},
		{File: "a.txt", Kind: "achievement", Year: 2023, Value: 39000, Unit: "户", Qualifier: "exact", Sentence: s},
		{File: "a.txt", Kind: "achievement", Year: 2024, Value: 300, Unit: "个", Qualifier: "exact", Sentence: s},
	}
	r := Score(gold, preds)
	if r.Matched != 3 {
		t.Fatalf("matched %d of 3", r.Matched)
	}
	if r.YearAcc != 1 {
		t.Errorf("year accuracy over dated gold %.3f, want 1", r.YearAcc)
	}
	if want := 2.0 / 3; r.YearAccAll != want {
		t.Errorf("year accuracy over all pairs %.3f, want %.3f (a guessed year for an undated figure is wrong)", r.YearAccAll, want)
	}
	var b strings.Builder
	r.Write(&b)
	for _, w := range []string{"year, unknown too  0.667", "year 2023≠0"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("report lacks %q:\n%s", w, b.String())
		}
	}
}
