// Package eval scores extracted indicators against hand-made gold labels
// (the format of shared/gold/seed_indicators.csv, optionally with the scope
// and scope_place columns), with the matching rule of the gold README: a
// prediction matches a gold row of the same notice when the values agree to
// 0.1 %, the units agree, and the prediction's evidence sentence contains
// the gold surface (both normalised as the loader normalises text, so a
// surface copied from a traditional-character page matches). Kind (target
// versus not-target, and the three-way confusion matrix), year (over all
// pairs, targets and achievements apart), qualifier, unit and scope are then
// scored over the matched pairs.
package eval

import (
	"context"
	"database/sql"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/policylens/policylens/loader/hanzi"
	"github.com/policylens/policylens/loader/source"
)

// Gold is one hand-labelled indicator.
type Gold struct {
	Doc       string // file name of the notice
	Kind      string // achievement, target, other or ignore
	Year      int    // 0 when empty
	Metric    string
	Value     float64
	ValueMax  float64
	HasMax    bool
	Unit      string
	Qualifier string
	Surface   string // a substring of the notice holding the figure and its subject
	// Scope is own, national or other; "" when the gold file has no scope
	// column (or leaves it empty), and then scope is not scored.
	Scope      string
	ScopePlace string // the place named for scope other (广州市), else ""
}

// Prediction is one extracted indicator as the database reports it.
type Prediction struct {
	File       string // path relative to the data dir
	Kind       string
	Year       int // 0 when NULL
	Metric     string
	Value      float64
	ValueMax   float64
	HasMax     bool
	Unit       string
	Qualifier  string
	Sentence   string // the evidence sentence
	Surface    string // the figure as written, when known; breaks ties between figures of one sentence
	Scope      string // own, national or other
	ScopePlace string
}

var goldColumns = []string{"doc", "kind", "year", "metric", "value", "value_max", "unit", "qualifier", "surface"}

// ReadGold reads a gold CSV with a header row naming at least the columns
// doc, kind, year, metric, value, value_max, unit, qualifier, surface, and
// optionally scope and scope_place. Surfaces are normalised as the loader
// normalises a notice's lines.
func ReadGold(r io.Reader) ([]Gold, error) {
	t, err := newLabelledCSV(r, "gold")
	if err != nil {
		return nil, err
	}
	for _, c := range goldColumns {
		if !t.has(c) {
			return nil, fmt.Errorf("gold: header lacks column %q", c)
		}
	}
	var out []Gold
	for {
		more, err := t.next()
		if !more {
			return out, err
		}
		get, line := t.get, t.line
		g := Gold{Doc: get("doc"), Kind: get("kind"), Metric: get("metric"), Unit: get("unit"),
			Qualifier: get("qualifier"), Surface: loadedForm(get("surface")),
			Scope: get("scope"), ScopePlace: loadedForm(get("scope_place"))}
		switch g.Scope {
		case "", "own", "national", "other":
		default:
			return nil, fmt.Errorf("gold: line %d: scope %q is not own, national or other", line, g.Scope)
		}
		if g.Doc == "" && g.Surface == "" {
			continue
		}
		if g.Value, err = strconv.ParseFloat(get("value"), 64); err != nil {
			return nil, fmt.Errorf("gold: line %d: value %q: %w", line, get("value"), err)
		}
		if s := get("value_max"); s != "" {
			if g.ValueMax, err = strconv.ParseFloat(s, 64); err != nil {
				return nil, fmt.Errorf("gold: line %d: value_max %q: %w", line, s, err)
			}
			g.HasMax = true
		}
		if s := get("year"); s != "" {
			if g.Year, err = strconv.Atoi(s); err != nil {
				return nil, fmt.Errorf("gold: line %d: year %q: %w", line, s, err)
			}
		}
		out = append(out, g)
	}
}

// labelledCSV reads a hand-labelled CSV by column name: a header row
// (spaces and a byte-order mark around names ignored), then records of any
// length, a missing cell read as empty.
type labelledCSV struct {
	what string // "gold", "documents": the start of every error
	r    *csv.Reader
	col  map[string]int
	rec  []string
	line int
}

func newLabelledCSV(r io.Reader, what string) (*labelledCSV, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: read header: %w", what, err)
	}
	t := &labelledCSV{what: what, r: cr, col: map[string]int{}, line: 1}
	for i, h := range header {
		t.col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	return t, nil
}

// has reports whether the header names column c.
func (t *labelledCSV) has(c string) bool {
	_, ok := t.col[c]
	return ok
}

// next reads the next record: false at the end of the file, or with an
// error naming the line.
func (t *labelledCSV) next() (bool, error) {
	rec, err := t.r.Read()
	t.line++
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: line %d: %w", t.what, t.line, err)
	}
	t.rec = rec
	return true, nil
}

// get is column c of the current record, trimmed; empty when the header
// or the record lacks it.
func (t *labelledCSV) get(c string) string {
	if i, ok := t.col[c]; ok && i < len(t.rec) {
		return strings.TrimSpace(t.rec[i])
	}
	return ""
}

// loadedForm is a gold surface as the loader stores text: NFC, simplified
// characters, no pinyin annotations. Gold surfaces are exact substrings of
// the notice as published, which may be traditional (a mirror site's 網(wǎng));
// the evidence sentences they are matched against are the loader's text.
func loadedForm(s string) string {
	return hanzi.ToSimplified(source.StripPinyin(norm.NFC.String(s)))
}

// ReadGoldFiles reads and concatenates several gold CSV files (a set kept
// in parts, such as the dev set's team-written and real notices).
func ReadGoldFiles(paths ...string) ([]Gold, error) {
	return readFiles(ReadGold, paths)
}

// readFiles reads each file with read and concatenates the rows; an error
// names the file.
func readFiles[T any](read func(io.Reader) ([]T, error), paths []string) ([]T, error) {
	var out []T
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		rows, err := read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, rows...)
	}
	return out, nil
}

//go:embed Predictions.sql
var predictionsSQL string

//go:embed PredictionsUnscoped.sql
var predictionsUnscopedSQL string

// Predictions reads every indicator from the view indicator_facts. A
// database written by a binary from before indicators had a scope is read
// too, every figure counting as the notice's own, so that an old load can be
// scored with the new measures.
func Predictions(ctx context.Context, db *sql.DB) ([]Prediction, error) {
	q := predictionsSQL
	var scoped int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.columns
		WHERE table_name = 'indicator_facts' AND column_name = 'scope'`).Scan(&scoped); err != nil {
		return nil, fmt.Errorf("query Predictions: %w", err)
	}
	if scoped == 0 {
		q = predictionsUnscopedSQL
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("query Predictions: %w", err)
	}
	defer rows.Close()
	var out []Prediction
	for rows.Next() {
		var p Prediction
		var kind, metric, unit, qual, sentence, surface, scope, place sql.NullString
		var year sql.NullInt64
		var vmax sql.NullFloat64
		if err := rows.Scan(&p.File, &kind, &year, &metric, &p.Value, &vmax, &unit, &qual, &sentence, &surface, &scope, &place); err != nil {
			return nil, fmt.Errorf("query Predictions: scan: %w", err)
		}
		p.Kind, p.Metric, p.Unit, p.Qualifier, p.Sentence = kind.String, metric.String, unit.String, qual.String, sentence.String
		p.Surface, p.Scope, p.ScopePlace = surface.String, scope.String, place.String
		p.Year = int(year.Int64)
		p.ValueMax, p.HasMax = vmax.Float64, vmax.Valid
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query Predictions: %w", err)
	}
	return out, nil
}

// Pair is a gold row and the prediction matched to it.
type Pair struct {
	Gold Gold
	Pred Prediction
}

// Report holds the scores of a run.
type Report struct {
	Gold      int // gold rows scored (not ignore)
	Predicted int // predictions scored (not matched to an ignore row)
	Matched   int
	Precision float64
	Recall    float64
	F1        float64
	TargetAcc float64 // target versus not-target accuracy over matched pairs
	TargetP   float64 // precision of kind target over all scored predictions
	TargetR   float64 // recall of kind target over all gold targets
	TargetF1  float64
	YearAcc   float64 // over matched pairs whose gold has a year
	// YearAccAll is year accuracy over every matched pair: a gold row
	// without a year (the text never says which) is right only when the
	// year was left unknown too, as the conventions ask, not guessed.
	YearAccAll float64
	// YearAccTarget and YearAccAchievement are YearAcc over the pairs whose
	// gold kind is target, respectively achievement; YearN* count them.
	YearAccTarget, YearAccAchievement float64
	YearNTarget, YearNAchievement     int
	// Kinds is the kind confusion matrix over matched pairs:
	// Kinds[gold][predicted], each indexed by KindIndex (achievement, target,
	// other; a predicted kind outside these counts as other).
	Kinds [3][3]int
	// ScopeAcc is scope accuracy over matched pairs whose gold names a
	// scope (ScopeN of them); Scopes is the confusion matrix, indexed by
	// ScopeIndex (own, national, other).
	ScopeAcc    float64
	ScopeN      int
	Scopes      [3][3]int
	QualAcc     float64 // over matched pairs
	UnitAcc     float64 // matched pairs over pairs that agree on value and surface, whatever the unit
	Pairs       []Pair
	Misses      []Gold       // gold rows no prediction matched
	FalsePos    []Prediction // predictions that matched no gold row
	UnitOnlyMis []Pair       // value and surface agree but the unit differs
}

// valuesAgree applies the 0.1 % tolerance.
func valuesAgree(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 0.001*math.Max(math.Abs(a), math.Abs(b))
}

func normUnit(u string) string {
	u = strings.TrimSpace(u)
	switch u {
	case "％":
		return "%"
	case "百分点":
		return "个百分点"
	}
	return u
}

// sameDoc reports whether a prediction's file is the gold document: the same
// path, else the same base name.
func sameDoc(goldDoc, file string) bool {
	return goldDoc == file || baseName(goldDoc) == baseName(file)
}

// baseName is a path's last element, with either kind of separator.
func baseName(p string) string {
	return path.Base(strings.ReplaceAll(p, "\\", "/"))
}

func (g Gold) matches(p Prediction, units bool) bool {
	return sameDoc(g.Doc, p.File) && valuesAgree(g.Value, p.Value) &&
		(!units || normUnit(g.Unit) == normUnit(p.Unit)) && strings.Contains(p.Sentence, g.Surface)
}

// Score matches predictions to gold one to one and computes the scores.
// Gold rows of kind ignore absorb the predictions that match them, which
// then count neither way.
func Score(gold []Gold, pred []Prediction) Report {
	var r Report
	used := make([]bool, len(pred))
	absorbed := make([]bool, len(pred))
	matchedGold := make([]bool, len(gold))
	ignored := 0
	// Real rows first, so that an ignore row never takes a prediction a
	// real row could use; within each, longer surfaces first, as they are
	// the more specific evidence.
	order := make([]int, len(gold))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ga, gb := gold[order[a]], gold[order[b]]
		if (ga.Kind == "ignore") != (gb.Kind == "ignore") {
			return gb.Kind == "ignore"
		}
		return len(ga.Surface) > len(gb.Surface)
	})
	// Predictions by file base name: a gold row only ever matches
	// predictions of its own document (sameDoc), so this keeps scoring
	// linear in the size of the corpus.
	byBase := map[string][]int{}
	for pi, p := range pred {
		k := baseName(p.File)
		byBase[k] = append(byBase[k], pi)
	}
	for _, gi := range order {
		g := gold[gi]
		// Among matching predictions prefer one whose figure lies inside the
		// gold surface: a sentence may hold the same value twice.
		pick := -1
		for _, pi := range byBase[baseName(g.Doc)] {
			p := pred[pi]
			if used[pi] || !g.matches(p, true) {
				continue
			}
			if pick < 0 || (p.Surface != "" && strings.Contains(g.Surface, p.Surface) && !strings.Contains(g.Surface, pred[pick].Surface)) {
				pick = pi
			}
		}
		if pick >= 0 {
			pi, p := pick, pred[pick]
			used[pi] = true
			matchedGold[gi] = true
			if g.Kind == "ignore" {
				ignored++
				absorbed[pi] = true
			} else {
				r.Pairs = append(r.Pairs, Pair{g, p})
			}
		}
	}
	for gi, g := range gold {
		if g.Kind == "ignore" {
			continue
		}
		r.Gold++
		if !matchedGold[gi] {
			r.Misses = append(r.Misses, g)
			for _, pi := range byBase[baseName(g.Doc)] {
				if p := pred[pi]; !used[pi] && g.matches(p, false) {
					r.UnitOnlyMis = append(r.UnitOnlyMis, Pair{g, p})
					break
				}
			}
		}
	}
	for pi, p := range pred {
		if !used[pi] {
			r.FalsePos = append(r.FalsePos, p)
		}
	}
	r.Predicted = len(pred) - ignored
	r.Matched = len(r.Pairs)
	r.Precision = ratio(r.Matched, r.Predicted)
	r.Recall = ratio(r.Matched, r.Gold)
	r.F1 = f1(r.Precision, r.Recall)

	var kindOK, yearN, yearOK, yearOKAll, qualOK, bothTarget, yearOKT, yearOKA, scopeOK int
	for _, pr := range r.Pairs {
		gt, pt := pr.Gold.Kind == "target", pr.Pred.Kind == "target"
		if gt == pt {
			kindOK++
		}
		if gt && pt {
			bothTarget++
		}
		r.Kinds[KindIndex(pr.Gold.Kind)][KindIndex(pr.Pred.Kind)]++
		if pr.Gold.Year == pr.Pred.Year {
			yearOKAll++
		}
		if pr.Gold.Year != 0 {
			yearN++
			ok := pr.Gold.Year == pr.Pred.Year
			if ok {
				yearOK++
			}
			switch pr.Gold.Kind {
			case "target":
				r.YearNTarget++
				if ok {
					yearOKT++
				}
			case "achievement":
				r.YearNAchievement++
				if ok {
					yearOKA++
				}
			}
		}
		if pr.Gold.Scope != "" {
			r.ScopeN++
			ps := pr.Pred.Scope
			if ps == "" {
				ps = "own"
			}
			r.Scopes[ScopeIndex(pr.Gold.Scope)][ScopeIndex(ps)]++
			if ps == pr.Gold.Scope {
				scopeOK++
			}
		}
		if pr.Gold.Qualifier == pr.Pred.Qualifier {
			qualOK++
		}
	}
	goldTargets, predTargets := 0, 0
	for _, g := range gold {
		if g.Kind == "target" {
			goldTargets++
		}
	}
	for pi, p := range pred {
		if p.Kind == "target" && !absorbed[pi] {
			predTargets++
		}
	}
	r.TargetAcc = ratio(kindOK, r.Matched)
	r.TargetP = ratio(bothTarget, predTargets)
	r.TargetR = ratio(bothTarget, goldTargets)
	r.TargetF1 = f1(r.TargetP, r.TargetR)
	r.YearAcc = ratio(yearOK, yearN)
	r.YearAccAll = ratio(yearOKAll, r.Matched)
	r.YearAccTarget = ratio(yearOKT, r.YearNTarget)
	r.YearAccAchievement = ratio(yearOKA, r.YearNAchievement)
	r.ScopeAcc = ratio(scopeOK, r.ScopeN)
	r.QualAcc = ratio(qualOK, r.Matched)
	r.UnitAcc = ratio(r.Matched, r.Matched+len(r.UnitOnlyMis))
	return r
}

// Kind and scope labels in the order of the confusion matrices.
var (
	KindLabels  = [3]string{"achievement", "target", "other"}
	ScopeLabels = [3]string{"own", "national", "other"}
)

// KindIndex is a kind's row or column in Report.Kinds.
func KindIndex(kind string) int {
	switch kind {
	case "achievement":
		return 0
	case "target":
		return 1
	}
	return 2
}

// ScopeIndex is a scope's row or column in Report.Scopes.
func ScopeIndex(scope string) int {
	switch scope {
	case "national":
		return 1
	case "other":
		return 2
	}
	return 0
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Write prints the scores, then the misses and false positives.
func (r Report) Write(w io.Writer) {
	fmt.Fprintf(w, "gold %d  predicted %d  matched %d\n", r.Gold, r.Predicted, r.Matched)
	fmt.Fprintf(w, "precision  %.3f\nrecall     %.3f\nF1         %.3f\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(w, "target-vs-not accuracy %.3f\ntarget P %.3f  R %.3f  F1 %.3f\n", r.TargetAcc, r.TargetP, r.TargetR, r.TargetF1)
	fmt.Fprintf(w, "year accuracy      %.3f  (targets %.3f of %d, achievements %.3f of %d)\n",
		r.YearAcc, r.YearAccTarget, r.YearNTarget, r.YearAccAchievement, r.YearNAchievement)
	fmt.Fprintf(w, "year, unknown too  %.3f  (of all %d pairs: a gold row without a year is right only when none was guessed)\n",
		r.YearAccAll, r.Matched)
	fmt.Fprintf(w, "qualifier accuracy %.3f\nunit accuracy      %.3f\n", r.QualAcc, r.UnitAcc)
	if r.ScopeN > 0 {
		fmt.Fprintf(w, "scope accuracy     %.3f  (of %d pairs with a gold scope)\n", r.ScopeAcc, r.ScopeN)
	} else {
		fmt.Fprintf(w, "scope accuracy     -  (the gold has no scope column)\n")
	}
	writeMatrix(w, "kind (rows gold, columns predicted)", KindLabels, r.Kinds)
	if r.ScopeN > 0 {
		writeMatrix(w, "scope (rows gold, columns predicted)", ScopeLabels, r.Scopes)
	}
	var wrong []string
	for _, pr := range r.Pairs {
		var d []string
		if KindIndex(pr.Gold.Kind) != KindIndex(pr.Pred.Kind) {
			d = append(d, fmt.Sprintf("kind %s≠%s", pr.Pred.Kind, pr.Gold.Kind))
		}
		if pr.Gold.Scope != "" && pr.Gold.Scope != orOwn(pr.Pred.Scope) {
			d = append(d, fmt.Sprintf("scope %s≠%s", orOwn(pr.Pred.Scope), pr.Gold.Scope))
		}
		if pr.Gold.Year != pr.Pred.Year {
			d = append(d, fmt.Sprintf("year %d≠%d", pr.Pred.Year, pr.Gold.Year))
		}
		if pr.Gold.Qualifier != pr.Pred.Qualifier {
			d = append(d, fmt.Sprintf("qualifier %s≠%s", pr.Pred.Qualifier, pr.Gold.Qualifier))
		}
		if len(d) > 0 {
			wrong = append(wrong, fmt.Sprintf("  %s  %s: %s", pr.Gold.Doc, pr.Gold.Surface, strings.Join(d, ", ")))
		}
	}
	if len(wrong) > 0 {
		fmt.Fprintf(w, "\nmatched with wrong attributes (%d):\n%s\n", len(wrong), strings.Join(wrong, "\n"))
	}
	if len(r.Misses) > 0 {
		fmt.Fprintf(w, "\nmisses (%d):\n", len(r.Misses))
		for _, g := range r.Misses {
			fmt.Fprintf(w, "  %s  %s  (%s %s %s)\n", g.Doc, g.Surface, fmtNum(g.Value), g.Unit, g.Kind)
		}
	}
	if len(r.UnitOnlyMis) > 0 {
		fmt.Fprintf(w, "\nunit disagreements (%d):\n", len(r.UnitOnlyMis))
		for _, pr := range r.UnitOnlyMis {
			fmt.Fprintf(w, "  %s  %s: unit %q, gold %q\n", pr.Gold.Doc, pr.Gold.Surface, pr.Pred.Unit, pr.Gold.Unit)
		}
	}
	if len(r.FalsePos) > 0 {
		fmt.Fprintf(w, "\nfalse positives (%d):\n", len(r.FalsePos))
		for _, p := range r.FalsePos {
			fmt.Fprintf(w, "  %s  %s %s %s [%s]  %s\n", p.File, fmtNum(p.Value), p.Unit, p.Kind, p.Metric, shorten(p.Sentence, 60))
		}
	}
}

// writeMatrix prints a 3×3 confusion matrix with its labels.
func writeMatrix(w io.Writer, title string, labels [3]string, m [3][3]int) {
	fmt.Fprintf(w, "%s:\n%14s", title, "")
	for _, l := range labels {
		fmt.Fprintf(w, "%12s", l)
	}
	fmt.Fprintln(w)
	for i, l := range labels {
		fmt.Fprintf(w, "%14s", l)
		for j := range labels {
			fmt.Fprintf(w, "%12d", m[i][j])
		}
		fmt.Fprintln(w)
	}
}

func orOwn(scope string) string {
	if scope == "" {
		return "own"
	}
	return scope
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
