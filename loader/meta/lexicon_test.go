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

// TestLexiconBuildsExpressions checks that the year and date expressions
// are built from their lists: a word added to a list is matched where it
// was not, one taken out no longer is, and a word is matched as written
// (quoted), never as an expression of its own.
func TestLexiconBuildsExpressions(t *testing.T) {
	add := func(list, w string) func(m map[string]any) {
		return func(m map[string]any) { m[list] = append(m[list].([]any), w) }
	}
	remove := func(list, w string) func(m map[string]any) {
		return func(m map[string]any) {
			var kept []any
			for _, v := range m[list].([]any) {
				if v != w {
					kept = append(kept, v)
				}
			}
			m[list] = kept
		}
	}
	tests := []struct {
		name  string
		edit  func(m map[string]any)
		match func(lx *Lexicon) bool
		want  bool // what the edited lexicon says; the built-in says the opposite
	}{
		{"review_verbs", add("review_verbs", "复盘"), func(lx *Lexicon) bool { return lx.reviewPhraseRe.MatchString("复盘2023年") }, true},
		{"plan_words", remove("plan_words", "谋划"), func(lx *Lexicon) bool { return lx.planPhraseRe.MatchString("谋划2024年") }, false},
		{"ahead_sentence_words", add("ahead_sentence_words", "拟"), func(lx *Lexicon) bool { return lx.aheadRe.MatchString("全市拟新建基站") }, true},
		{"this_year_times", add("this_year_times", "本季度"), func(lx *Lexicon) bool {
			return matchNear(lx.thisYearAheadRe, "本季度力争新建基站", lx.thisYearAheadAnchors, 128)
		}, true},
		{"task_verbs", remove("task_verbs", "要"), func(lx *Lexicon) bool {
			return matchNear(lx.thisYearAheadRe, "今年各地要新建基站", lx.thisYearAheadAnchors, 128)
		}, false},
		{"next_year_words", add("next_year_words", "来年"), func(lx *Lexicon) bool {
			return matchNear(lx.nextYearAheadRe, "来年将新建基站", lx.nextYearAheadAnchors, 128)
		}, true},
		{"task_leads", add("task_leads", "争取"), func(lx *Lexicon) bool { return lx.monthAhead("争取12月底完工", 10) }, true},
		{"met_goal_verbs", remove("met_goal_verbs", "达到"), func(lx *Lexicon) bool { return lx.metGoalRe.MatchString("达到年度目标") }, false},
		{"title_review_words", add("title_review_words", "述职"), func(lx *Lexicon) bool { return lx.titleReviewRe.MatchString("2023年工作述职") }, true},
		{"title_plan_words", remove("title_plan_words", "要点"), func(lx *Lexicon) bool { return lx.titlePlanRe.MatchString("2024年工作要点") }, false},
		{"gov_report_names", add("gov_report_names", "施政报告"), func(lx *Lexicon) bool { return lx.govReportRe.MatchString("2024年施政报告") }, true},
		{"conference_year_words", add("conference_year_words", "工作.会"), func(lx *Lexicon) bool {
			return lx.conferenceYear.MatchString("2024年工作.会") && !lx.conferenceYear.MatchString("2024年工作大会") // a word, not a pattern
		}, true},
		{"report_titles", add("report_titles", "蓝皮书"), func(lx *Lexicon) bool { return lx.reportYear("《2023年信息通信业蓝皮书》") == 2023 }, true},
		{"plan_title_words", add("plan_title_words", "部署"), func(lx *Lexicon) bool { return lx.planWordRe.MatchString("数字经济部署") }, true},
		{"done_verbs", remove("done_verbs", "完成"), func(lx *Lexicon) bool { return lx.doneRe.MatchString("提前完成十四五目标") }, false},
		{"title_target_leads", add("title_target_leads", "预计"), func(lx *Lexicon) bool { return lx.titleTargetRe.MatchString("预计2025年建成") }, true},
		{"issue_verbs", add("issue_verbs", "转发"), func(lx *Lexicon) bool { return lx.issuedRe.MatchString("转发了《方案》") }, true},
		{"issued_plan_words", add("issued_plan_words", "意见"), func(lx *Lexicon) bool { return lx.issuedPlanRe.MatchString("《“十四五”数字经济意见》") }, true},
		{"period_spans", add("period_spans", "收官"), func(lx *Lexicon) bool { return len(lx.prevPeriods("“十三五”收官之年")) == 1 }, true},
		{"date_fields", add("date_fields", "刊发日期"), func(lx *Lexicon) bool { return lx.dateFieldRe.MatchString("刊发日期：2024-01-05") }, true},
		{"dateline_labels", add("dateline_labels", "刊发"), func(lx *Lexicon) bool { return lx.datelineRe.MatchString("刊发：2024-07-08") }, true},
		{"as_of_openers", remove("as_of_openers", "截止"), func(lx *Lexicon) bool { return lx.asOfDateRe.MatchString("截止2024年10月底") }, false},
		{"deadline_words", add("deadline_words", "截止到"), func(lx *Lexicon) bool {
			return len(lx.deadlineYearRe.FindAllStringSubmatch("截止到2025年", -1)) == 1 && lx.deadlineYearRe.FindStringSubmatch("截止到2025年")[0] == "截止到2025年"
		}, true},
		{"as_of_openers (month)", remove("as_of_openers", "截止"), func(lx *Lexicon) bool { return lx.asOfMonthRe.MatchString("截止4月底") }, false},
		{"target_verbs", add("target_verbs", "覆盖"), func(lx *Lexicon) bool { return lx.targetYears("在2025年覆盖全市")[2025] }, true},
		{"event_meeting_words", add("event_meeting_words", "座谈会"), func(lx *Lexicon) bool {
			return lx.eventNameRe.MatchString("2023重庆市数字乡村座谈会")
		}, true},
		{"since_openers", add("since_openers", "打"), func(lx *Lexicon) bool { return lx.sinceClauseYears("打2019年起")[2019] }, true},
		{"since_ends", remove("since_ends", "开始"), func(lx *Lexicon) bool { return lx.sinceClauseYears("从2019年开始")[2019] }, false},
		{"bulletin_words", add("bulletin_words", "说明"), func(lx *Lexicon) bool { return lx.bulletinRe.MatchString("整改工作情况的说明") }, true},
	}
	for _, tt := range tests {
		lx, err := ParseLexicon(editLexicon(t, tt.edit))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := tt.match(lx); got != tt.want {
			t.Errorf("%s edited: %v, want %v", tt.name, got, tt.want)
		}
		if got := tt.match(testLex); got == tt.want {
			t.Errorf("%s built-in: %v, want %v", tt.name, got, !tt.want)
		}
	}
}
