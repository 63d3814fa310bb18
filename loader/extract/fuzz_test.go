package extract

import (
	"math"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/policylens/policylens/loader/text"
)

func FuzzSentence(f *testing.F) {
	for _, s := range []string{
		"开通5G基站24.2万个，新增5G虚拟专网1600余个，居全国第3位;",
		"压缩时限50%~70%，从9%提升至84%，翻一番，占1/9，百分之九十五，突破万亿元",
		"１.２８余万款APP，２-３万个，“两个维护”，〔2022〕133号，0543-2395991",
		"第", "从", "翻", "百分之", "1/", "2-", "5万", "三分之", "1,", "1.", "约", "超过", "“", "《1》",
		"會議強調，力爭新建5G基站1.2萬個以上",
		"一万三户，九十二万四个，3万4000个，5万4千6百户，二十几万户，五百余万元，七十八万五佰零六元",
		"负3.9%，-22.2%，一千零十二个，４，５６５万元，拾万零五十六元，一又二分之一倍，.5元，八点五成，9.5成",
		"出口带宽达9.6万G，百兆，千兆，63.5万老年用户，PUE降低到1.3以下，占全国1/8，$20，五兆六十二亿个",
		"两百点两个，十 余 万个，7万 5千 4百个，负３分之负一百五十七个，2^-1个，七成 六",
	} {
		f.Add(s, 0)
	}
	e := New(nil)
	c := mustCatalogue(f)
	ec := New(c)
	parts := []text.Part{text.Review, text.Plan, text.Other}
	f.Fuzz(func(t *testing.T, s string, p int) {
		part := parts[(p%3+3)%3]
		rs := []rune(s)
		for _, x := range []*Extractor{e, ec} {
			for _, in := range x.Sentence(s, part, text.Years{Reviewed: 2024, Plan: 2025}) {
				if in.Start < 0 || in.End > len(rs) || in.Start >= in.End {
					t.Fatalf("span [%d,%d) outside %d runes of %q", in.Start, in.End, len(rs), s)
				}
				if in.Surface != string(rs[in.Start:in.End]) {
					t.Fatalf("surface %q != runes %q", in.Surface, string(rs[in.Start:in.End]))
				}
				if !utf8.ValidString(in.Metric) && utf8.ValidString(s) {
					t.Fatalf("metric %q is not valid UTF-8", in.Metric)
				}
				if math.IsInf(in.Value, 0) || math.IsNaN(in.Value) || math.IsInf(in.ValueMax, 0) || math.IsNaN(in.ValueMax) {
					t.Fatalf("value %g~%g in %q", in.Value, in.ValueMax, s)
				}
				if in.HasMax && in.ValueMax < in.Value {
					t.Fatalf("range %g~%g inverted in %q", in.Value, in.ValueMax, s)
				}
				// A value never comes from part of a numeral: not a bare
				// magnitude standing for a longer number, not the tail of a
				// numeral whose head was dropped.
				if why := partialNumeral(rs, in); why != "" {
					t.Fatalf("%q: %s=%g is part of a numeral (%s)", s, in.Surface, in.Value, why)
				}
			}
		}
	})
}

func mustCatalogue(t testing.TB) *Catalogue {
	c, err := LoadCatalogue("../../data/metrics.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// BenchmarkExtract measures Document on the seed notices, split beforehand;
// compare its MB/s with gse Cut (~8 MB/s on one core).
func BenchmarkExtract(b *testing.B) {
	names, _ := filepath.Glob("../../data/notices/*")
	if len(names) == 0 {
		b.Skip("no seed notices")
	}
	var docs []Doc
	size := 0
	for _, n := range names {
		body, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		size += len(body)
		y := text.Years{Reviewed: 2024, Plan: 2025}
		docs = append(docs, Doc{Sentences: text.Split(string(body), y), ReviewedYear: y.Reviewed, PlanYear: y.Plan})
	}
	e := New(mustCatalogue(b))
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			e.Document(d)
		}
	}
}
