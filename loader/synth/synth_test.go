package synth

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	a := Generate(Options{N: 300, Seed: 7})
	b := Generate(Options{N: 300, Seed: 7})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different corpora")
	}
	c := Generate(Options{N: 300, Seed: 8})
	same := 0
	for i := range a {
		if a[i].Text == c[i].Text {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 7 and 8 share %d of 300 texts", same)
	}
	// A notice depends on its index, not on N.
	if n := At(Options{N: 5, Seed: 7}, 123); !reflect.DeepEqual(n, a[123]) {
		t.Error("At(123) differs from Generate()[123]")
	}
}

func TestSurfacesInText(t *testing.T) {
	total := 0
	for _, n := range Generate(Options{N: 3000, Seed: 1}) {
		for _, in := range n.Indicators {
			total++
			if !strings.Contains(n.Text, in.Surface) {
				t.Fatalf("%s: surface %q not in text", n.Path, in.Surface)
			}
			if strings.ContainsAny(in.Surface, "。！？；!?;\n<>&") {
				t.Errorf("%s: surface %q crosses a sentence or markup", n.Path, in.Surface)
			}
		}
	}
	if total < 3000 {
		t.Errorf("only %d indicators in 3000 notices", total)
	}
}

var (
	techRe   = regexp.MustCompile(`5G-A|5G|10G PON|IPv6|“5G\+工业互联网”`)
	numRunRe = regexp.MustCompile(`[0-9][0-9,]*(\.[0-9]+)?`)
)

// TestValuesMatchSurfaces re-reads the figure in each surface written in
// Arabic digits and checks the normalised truth value against it.
func TestValuesMatchSurfaces(t *testing.T) {
	checked := 0
	for _, n := range Generate(Options{N: 2000, Seed: 3}) {
		for _, in := range n.Indicators {
			s := techRe.ReplaceAllString(in.Surface, "")
			s = strings.Map(func(r rune) rune {
				switch {
				case r >= '０' && r <= '９':
					return r - '０' + '0'
				case r == '．':
					return '.'
				}
				return r
			}, s)
			loc := numRunRe.FindStringIndex(s)
			if loc == nil {
				continue // Chinese numerals
			}
			v, err := strconv.ParseFloat(strings.ReplaceAll(s[loc[0]:loc[1]], ",", ""), 64)
			if err != nil {
				t.Fatalf("%q: %v", in.Surface, err)
			}
			end, vmax := loc[1], 0.0
			if in.HasMax {
				// 2-3万个, 50%~70%: the magnitude follows the upper end.
				loc2 := numRunRe.FindStringIndex(s[end:])
				if loc2 == nil {
					t.Fatalf("%s: range surface %q has one number", n.Path, in.Surface)
				}
				vmax, _ = strconv.ParseFloat(s[end+loc2[0]:end+loc2[1]], 64)
				end += loc2[1]
			}
			rest := strings.TrimPrefix(s[end:], "余")
			mul := 1.0
			switch {
			case strings.HasPrefix(rest, "万亿"):
				mul = 1e12
			case strings.HasPrefix(rest, "万"):
				mul = 1e4
			case strings.HasPrefix(rest, "亿"):
				mul = 1e8
			}
			v, vmax = v*mul, vmax*mul
			if !near(v, in.Value) || in.HasMax && !near(vmax, in.ValueMax) {
				t.Errorf("%s: surface %q reads %v~%v, truth value %v~%v", n.Path, in.Surface, v, vmax, in.Value, in.ValueMax)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d surfaces checked", checked)
	}
}

func near(a, b float64) bool {
	d := a - b
	return d <= 1e-6*b && d >= -1e-6*b
}

func TestMetadataValid(t *testing.T) {
	full := map[string]bool{}
	for _, p := range provinces {
		full[p.Full] = true
	}
	seen := map[string]map[string]bool{"province": {}, "type": {}, "format": {}, "level": {}}
	for _, n := range Generate(Options{N: 3000, Seed: 2}) {
		m := n.Meta
		seen["province"][m.Province] = true
		seen["type"][m.DocType] = true
		seen["format"][m.Format] = true
		seen["level"][m.Level] = true
		if m.Doc != n.Path || !strings.HasSuffix(n.Path, "."+m.Format) {
			t.Errorf("%s: doc %q format %q", n.Path, m.Doc, m.Format)
		}
		if !full[m.Province] {
			t.Errorf("%s: province %q is not a full name", n.Path, m.Province)
		}
		switch m.Level {
		case levelProvince:
			if m.City != "" || m.County != "" {
				t.Errorf("%s: provincial notice with city %q county %q", n.Path, m.City, m.County)
			}
		case levelCity:
			if m.City == "" || m.County != "" {
				t.Errorf("%s: city notice with city %q county %q", n.Path, m.City, m.County)
			}
		case levelCounty:
			if m.City == "" || m.County == "" {
				t.Errorf("%s: county notice with city %q county %q", n.Path, m.City, m.County)
			}
		default:
			t.Errorf("%s: level %q", n.Path, m.Level)
		}
		if m.City != "" {
			ok := false
			for _, l := range localities {
				if l.City == m.City && l.Prov == m.Province && (m.County == "" || l.County == m.County) {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s: %s/%s/%s is not an embedded locality", n.Path, m.Province, m.City, m.County)
			}
		}
		if m.Issuer == "" || !strings.Contains(n.Text, m.Issuer) && !strings.Contains(n.Text, strings.TrimPrefix(m.Issuer, "中共")) {
			t.Errorf("%s: issuer %q not in text", n.Path, m.Issuer)
		}
		if !strings.Contains(n.Text, m.Title) {
			t.Errorf("%s: title %q not in text", n.Path, m.Title)
		}
		y := m.Published.Year()
		if y < 2019 || y > 2026 {
			t.Errorf("%s: published %v", n.Path, m.Published)
		}
		// The publication date must be readable from the page.
		if !strings.Contains(n.Text, m.Published.Format("2006-01-02")) && !strings.Contains(n.Text, ymdText(m.Published)) &&
			!(strings.Contains(n.Text, mdText(m.Published)) && strings.Contains(m.Title, strconv.Itoa(y))) {
			t.Errorf("%s: published %s not stated", n.Path, m.Published.Format("2006-01-02"))
		}
		switch m.DocType {
		case typeConference, typeWorkPoints:
			if m.PlanYear != y || m.ReviewedYear != y-1 {
				t.Errorf("%s: %s published %d reviews %d plans %d", n.Path, m.DocType, y, m.ReviewedYear, m.PlanYear)
			}
		case typeArticle:
			if m.ReviewedYear != y-1 || (m.PlanYear != 0 && m.PlanYear != y) {
				t.Errorf("%s: article published %d reviews %d plans %d", n.Path, y, m.ReviewedYear, m.PlanYear)
			}
		case typeInspection, typeNews:
			if m.ReviewedYear != y || m.PlanYear != 0 {
				t.Errorf("%s: %s published %d reviews %d plans %d", n.Path, m.DocType, y, m.ReviewedYear, m.PlanYear)
			}
			if m.DocType == typeInspection && m.Level != levelCounty {
				t.Errorf("%s: inspection report at level %s", n.Path, m.Level)
			}
		default:
			t.Errorf("%s: doc type %q", n.Path, m.DocType)
		}
	}
	if len(seen["province"]) != 31 || len(seen["type"]) != 5 || len(seen["format"]) != 3 || len(seen["level"]) != 3 {
		t.Errorf("coverage: %d provinces, %d types, %d formats, %d levels", len(seen["province"]), len(seen["type"]), len(seen["format"]), len(seen["level"]))
	}
}

func TestIndicatorsValid(t *testing.T) {
	kinds, quals, metrics := map[string]int{}, map[string]int{}, map[string]bool{}
	for _, n := range Generate(Options{N: 3000, Seed: 4}) {
		m := n.Meta
		for _, in := range n.Indicators {
			kinds[in.Kind]++
			quals[in.Qualifier]++
			metrics[in.Metric] = true
			if in.Value <= 0 || in.Unit == "" || in.Metric == "" {
				t.Errorf("%s: %+v", n.Path, in)
			}
			if in.HasMax != (in.Qualifier == qRange) || in.HasMax && in.ValueMax <= in.Value {
				t.Errorf("%s: range %+v", n.Path, in)
			}
			if in.Unit == "%" && (in.Value > 100 || in.HasMax && in.ValueMax > 100) {
				t.Errorf("%s: percentage over 100: %+v", n.Path, in)
			}
			switch in.Kind {
			case "achievement", "other", "ignore":
				if in.Year != m.ReviewedYear && in.Year != m.Published.Year() {
					t.Errorf("%s: %s for %d in a notice reviewing %d", n.Path, in.Kind, in.Year, m.ReviewedYear)
				}
			case "target":
				if in.Year < m.ReviewedYear || in.Year > m.Published.Year()+5 {
					t.Errorf("%s: target for %d in a notice reviewing %d", n.Path, in.Year, m.ReviewedYear)
				}
			default:
				t.Errorf("%s: kind %q", n.Path, in.Kind)
			}
		}
	}
	for _, k := range []string{"achievement", "target", "other", "ignore"} {
		if kinds[k] == 0 {
			t.Errorf("no %s indicators", k)
		}
	}
	for _, q := range []string{qExact, qOver, qAtLeast, qApprox, qAtMost, qRange} {
		if quals[q] == 0 && q != qAtMost {
			t.Errorf("no %s qualifiers", q)
		}
	}
	for _, tm := range templates {
		if !metrics[tm.metric] {
			t.Errorf("template %s never used", tm.metric)
		}
	}
}

func TestTemplates(t *testing.T) {
	if len(templates) < 40 {
		t.Errorf("%d templates, want at least 40", len(templates))
	}
	phrasings := 0
	for _, tm := range append(templates, ignoreTmpl) {
		for _, ph := range slicesConcat(tm.ach, tm.tgt, tm.past) {
			phrasings++
			if strings.Count(ph, "{n}") != 1 {
				t.Errorf("%s: phrasing %q needs exactly one {n}", tm.metric, ph)
			}
			for _, w := range []string{"超过", "以上", "左右", "不少于", "余"} {
				if strings.Contains(ph, w) {
					t.Errorf("%s: phrasing %q has qualifier word %s outside the figure", tm.metric, ph, w)
				}
			}
		}
	}
	if phrasings < 120 {
		t.Errorf("%d phrasings, want at least 120", phrasings)
	}
}

func slicesConcat(xs ...[]string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x...)
	}
	return out
}

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		mant, mag string
		want      float64
	}{
		{"24.2", "万", 242000}, {"14", "亿", 1400000000}, {"1.28", "万", 12800},
		{"99.99", "", 99.99}, {"0.5", "万", 5000}, {"1696.8", "亿", 169680000000}, {"70", "", 70},
	} {
		if got := decValue(c.mant, c.mag); got != c.want {
			t.Errorf("decValue(%s, %s) = %v, want %v", c.mant, c.mag, got, c.want)
		}
	}
	for n, want := range map[int]string{2: "两", 3: "三", 10: "十", 12: "十二", 30: "三十", 44: "四十四"} {
		if got := chineseInt(n, true); got != want {
			t.Errorf("chineseInt(%d) = %s, want %s", n, got, want)
		}
	}
	if got := thousands("1234567"); got != "1,234,567" {
		t.Errorf("thousands = %s", got)
	}
	if got := roundSig("4703", 2); got != "4700" {
		t.Errorf("roundSig = %s", got)
	}
	if got := FormatValue(1e12); got != "1000000000000" {
		t.Errorf("FormatValue(1e12) = %s", got)
	}
}

// TestDistractors checks that the corpus carries the numbers that are not
// indicators, so that scale tests measure precision too.
func TestDistractors(t *testing.T) {
	var all strings.Builder
	for _, n := range Generate(Options{N: 1500, Seed: 5}) {
		all.WriteString(n.Text)
	}
	s := all.String()
	for _, d := range []string{"届“绽放杯”", "周年", "“两个维护”", "三年行动", "10G PON", "IPv6", "号）", "浏览量", "ICP备", "公网安备", "断卡行动2.0", "NR900", "联系方式：", "截至20", "〔20"} {
		if !strings.Contains(s, d) {
			t.Errorf("no notice contains %q", d)
		}
	}
}

func TestWriteCorpusRoundTrip(t *testing.T) {
	dir := t.TempDir()
	notices, truth := filepath.Join(dir, "notices"), filepath.Join(dir, "truth")
	opts := Options{N: 250, Seed: 11}
	m, err := WriteCorpus(notices, truth, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := Generate(opts)
	if m.Notices != len(want) {
		t.Fatalf("manifest says %d notices", m.Notices)
	}
	docs, err := ReadDocuments(m.DocumentsCSV)
	if err != nil {
		t.Fatal(err)
	}
	inds, err := ReadIndicators(m.IndicatorsCSV)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(want) || len(inds) != m.Indicators {
		t.Fatalf("read %d documents and %d indicators, wrote %d and %d", len(docs), len(inds), len(want), m.Indicators)
	}
	k := 0
	for i, n := range want {
		if !reflect.DeepEqual(docs[i], n.Meta) {
			t.Errorf("document %d: read %+v, want %+v", i, docs[i], n.Meta)
		}
		for _, in := range n.Indicators {
			if !reflect.DeepEqual(inds[k], in) {
				t.Errorf("indicator %d: read %+v, want %+v", k, inds[k], in)
			}
			k++
		}
		data, err := os.ReadFile(filepath.Join(notices, filepath.FromSlash(n.Path)))
		if err != nil || string(data) != n.Text {
			t.Errorf("%s: file differs from Text (%v)", n.Path, err)
		}
	}
	// The truth files are .csv and live outside the notices dir.
	if _, err := os.Stat(filepath.Join(notices, "documents.csv")); err == nil {
		t.Error("documents.csv written among the notices")
	}
}

// TestReadGoldFormat reads rows in the exact format of the gold seed files.
func TestReadGoldFormat(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "seed_documents.csv")
	inds := filepath.Join(dir, "seed_indicators.csv")
	os.WriteFile(docs, []byte("doc,title,province,city,county,level,issuer,published,reviewed_year,plan_year\n"+
		"003_57a8f9312ba44ad7.txt,博兴县工业和信息化局党组关于十届市委第一轮巡察整改进展情况的通报,山东省,滨州市,博兴县,county,博兴县工业和信息化局,2022-10-21,2022,\n"), 0o644)
	os.WriteFile(inds, []byte("doc,kind,year,metric,value,value_max,unit,qualifier,surface\n"+
		"002_bb2ab02d8bf39ffb.txt,achievement,2021,行政服务和审批办理时限压缩,50,70,%,range,压缩行政服务和审批事项办理时限50%~70%\n"+
		"004_11b0dad92a3b82e3.txt,achievement,2021,信息技术产业规模,1000000000000,,元,over,信息技术产业规模突破万亿元大关\n"), 0o644)
	d, err := ReadDocuments(docs)
	if err != nil || len(d) != 1 || d[0].County != "博兴县" || d[0].PlanYear != 0 || d[0].Published.Day() != 21 {
		t.Fatalf("ReadDocuments = %+v, %v", d, err)
	}
	in, err := ReadIndicators(inds)
	if err != nil || len(in) != 2 || !in[0].HasMax || in[0].ValueMax != 70 || in[1].Value != 1e12 || in[1].HasMax {
		t.Fatalf("ReadIndicators = %+v, %v", in, err)
	}
}

// BenchmarkGenerate10000 generates a 10,000-notice corpus in memory without
// keeping it: go test -run '^$' -bench Generate10000 -benchtime 1x ./loader/synth
func BenchmarkGenerate10000(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var bytes, inds int
		_ = Each(Options{N: 10000, Seed: 1}, func(n Notice) error {
			bytes += len(n.Text)
			inds += len(n.Indicators)
			return nil
		})
		b.ReportMetric(float64(bytes)/1e6, "MB")
		b.ReportMetric(float64(inds), "indicators")
	}
}
