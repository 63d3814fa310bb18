package meta

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader/source"
	"github.com/policylens/policylens/loader/synth"
)

// The scanners of yearscan.go stand in for regular expressions that read
// better and ran slower; these tests check that each finds exactly what its
// expression finds, on every notice of the repository, synthetic notices and
// random strings of the words the rules look for.

// refYears is the set of years the first group of re matches in text.
func refYears(text string, re *regexp.Regexp) map[int]bool {
	ys := map[int]bool{}
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[1])
		ys[y] = true
	}
	return ys
}

// checkScanners compares every scanner with its expression on text.
func checkScanners(t *testing.T, name, text string) {
	t.Helper()
	fail := func(what string, got, want any) {
		t.Helper()
		t.Errorf("%s: %s = %v, the expression gives %v\ntext: %q", name, what, got, want, text)
	}
	// yearLeadRe: where each match begins, its year and its end.
	var want, got [][3]int
	for _, loc := range yearLeadRe.FindAllStringSubmatchIndex(text, -1) {
		want = append(want, [3]int{loc[0], loc[2], loc[1]})
	}
	for _, m := range scanMentions(text) {
		if b := testLex.leadStart(text, m.start); b >= 0 {
			got = append(got, [3]int{b, m.start, m.after})
		}
	}
	if !slices.Equal(got, want) {
		fail("year statements (start, year, end)", got, want)
	}
	sets := []struct {
		what string
		got  map[int]bool
		re   *regexp.Regexp
	}{
		{"deadlineYears", testLex.deadlineYears(text), testLex.deadlineYearRe},
		{"baseYears", testLex.baseYears(text), baseYearRe},
		{"sinceIssuedYears", testLex.sinceIssuedYears(text), sinceIssuedYearRe},
		{"goalYears", testLex.goalYears(text), goalYearRe},
		{"planPhraseYears", testLex.planPhraseYears(text), testLex.planPhraseRe},
		{"agendaYears", testLex.agendaYears(text), agendaRe},
		{"namedAheadYears", testLex.namedAheadYears(text), namedAheadRe},
	}
	for _, s := range sets {
		if w := refYears(text, s.re); !reflect.DeepEqual(s.got, w) {
			fail(s.what, s.got, w)
		}
	}
	var wantAsOf []int
	for _, m := range asOfRe.FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[1])
		wantAsOf = append(wantAsOf, y)
	}
	if g := testLex.asOfYears(text); !slices.Equal(g, wantAsOf) {
		fail("asOfYears", g, wantAsOf)
	}
	var wantParts []partOfYearMatch
	for _, loc := range partOfYearRe.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[loc[2]:loc[3]])
		wantParts = append(wantParts, partOfYearMatch{y, text[loc[3]:loc[1]]})
	}
	if g := testLex.partsOfYears(text); !slices.Equal(g, wantParts) {
		fail("partsOfYears", g, wantParts)
	}
	var wantFirsts []int
	for _, m := range periodRangeRe.FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[1])
		wantFirsts = append(wantFirsts, y)
	}
	if g := testLex.periodRangeFirsts(text); !slices.Equal(g, wantFirsts) {
		fail("periodRangeFirsts", g, wantFirsts)
	}
	bools := []struct {
		what      string
		got, want bool
	}{
		{"pastLead", testLex.pastLead(text), pastLeadRe.MatchString(text)},
		{"looksForward", testLex.looksForward(text), forwardRe.MatchString(text)},
		{"presentWords", containsAny(text, testLex.PresentWords), presentRe.MatchString(text)},
		{"thisYearWords", containsAny(text, testLex.ThisYearWords), thisYearRe.MatchString(text)},
		{"thisYearAhead", matchNear(testLex.thisYearAheadRe, text, testLex.thisYearAheadAnchors, 128), testLex.thisYearAheadRe.MatchString(text)},
		{"nextYearAhead", matchNear(testLex.nextYearAheadRe, text, testLex.nextYearAheadAnchors, 128), testLex.nextYearAheadRe.MatchString(text)},
	}
	for _, b := range bools {
		if b.got != b.want {
			fail(b.what, b.got, b.want)
		}
	}
	wantEvent := 0
	if m := eventYearRe.FindStringSubmatch(text); m != nil {
		wantEvent, _ = strconv.Atoi(m[1])
	}
	if g, w := testLex.eventYear(text), wantEvent; g != w {
		fail("eventYear", g, w)
	}
	if g, w := testLex.prevPeriods(text), testLex.prevPeriodRe.FindAllStringSubmatch(text, -1); !reflect.DeepEqual(g, w) {
		fail("prevPeriods", g, w)
	}
	if g, w := testLex.reportYear(text), refReportYear(text); g != w {
		fail("reportYear", g, w)
	}
	if g, w := testLex.inspectionYear(text), refInspectionYear(text); g != w {
		fail("inspectionYear", g, w)
	}
}

func refReportYear(text string) int {
	y := 0
	for _, m := range testLex.reportYearRe.FindAllStringSubmatch(text, -1) {
		v := m[1]
		if v == "" {
			v = m[2]
		}
		n, _ := strconv.Atoi(v)
		if y != 0 && n != y {
			return 0
		}
		y = n
	}
	return y
}

// refInspectionYearRe is the expression the lexicon's inspection words
// build, as it was written before they were data.
var refInspectionYearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年[^。；\n]{0,60}?(巡察|巡视|审计|督查|督察)`)

func refInspectionYear(text string) int {
	if m := refInspectionYearRe.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

// TestYearScannersOnNotices checks the scanners on the text (and the title
// and text, as the rules also read them) of every notice in the
// repository's data and test folders and of synthetic notices.
func TestYearScannersOnNotices(t *testing.T) {
	n := 0
	for _, dir := range []string{"../../data/notices", "../testdata"} {
		err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || strings.HasSuffix(p, ".csv") {
				return err
			}
			doc, err := source.Read(p)
			if err != nil {
				return nil // the corpus holds broken files on purpose
			}
			checkScanners(t, p, doc.Text)
			checkScanners(t, p+" (title)", doc.Title+"\n"+doc.Text)
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	count := 1000
	if testing.Short() {
		count = 100
	}
	for i := range count {
		nt := synth.At(synth.Options{N: count, Seed: 3}, i)
		checkScanners(t, nt.Path, nt.Text)
	}
	if n < 100 {
		t.Fatalf("only %d notices read", n)
	}
}

// yearScanWords are the pieces random strings are made of: years, digits,
// spaces and the words the rules look for around years.
var yearScanWords = []string{
	"2022", "2023", "2020", "1999", "1949", "2100", "12", "1", "4", "0", "年", "年", "年", "度", " ", " ", "\n", "\t",
	"。", "，", ",", "：", ":", "；", "！", "？", "、", ".", "（", "）", "(", ")", "一", "二", "三", "十", "第",
	"要求", "明确", "提出", "强调", "了解到", "据统计", "称", "说", "本报讯", "讯", "电", "部署", "安排部署", "谋划", "了",
	"力争", "确保", "计划", "争取", "目标", "目标是", "预计", "到", "在", "于", "至", "比", "同比", "较", "相比", "与",
	"以来", "来", "印发", "发布", "任务", "打算", "工作", "重点工作", "安排", "重点任务", "上半年", "前三季度", "季度", "月",
	"-", "—", "–", "~", "～", "截至", "过去", "的", "一年", "一年来", "去年", "去年以来", "将", "要", "继续", "进一步",
	"下一步", "今后", "今年", "明年", "全年", "年内", "年底前", "实现", "目前", "举行的", "大会", "论坛", "十三五", "十四五",
	"期间", "举办的", "召开的", "峰会", "2020中国", "发展报告", "《", "》", "巡察", "审计", "全区", "x", "\xff",
	"2021年", "2024 年", "一、", "十二、", "（二）", "(3)", "1.", "12、", "。2022年", "\n2023年", "要求，2025年",
}

// TestYearScannersRandom checks the scanners on random strings of
// yearScanWords, where the corners of the expressions (spaces around
// years, list numbers, matches that cover later years) are dense.
func TestYearScannersRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 1))
	count := 30000
	if testing.Short() {
		count = 3000
	}
	for range count {
		var b strings.Builder
		for range 1 + r.IntN(30) {
			b.WriteString(yearScanWords[r.IntN(len(yearScanWords))])
		}
		checkScanners(t, "random", b.String())
		if t.Failed() {
			return
		}
	}
}

// FuzzYearScanners checks the scanners against their expressions on any
// text.
func FuzzYearScanners(f *testing.F) {
	f.Add("会议要求，\n（二）2023 年全市将新建5G基站。2019年至2020年至2021年目标")
	f.Add("截至2024年1-4月，2022年和2023年任务，较2020年，比 2018年增加")
	if b, err := os.ReadFile("../../data/notices/004_11b0dad92a3b82e3.txt"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkScanners(t, "fuzz", text)
	})
}
