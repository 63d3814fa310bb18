package extract_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/loader/extract"
	"github.com/policylens/policylens/loader/text"
	"github.com/policylens/policylens/queries/eval"
)

// Locations of the seeds and their gold labels; the test skips when they
// are absent (a fresh clone without the shared gold directory).
const (
	seedDir  = "../../data/notices"
	goldDir  = "../../../shared/gold"
	catalogu = "../../data/metrics.yaml"
)

var (
	tagRe         = regexp.MustCompile(`<[^>]*>`)
	frontMatterRe = regexp.MustCompile(`(?s)\A---\n.*?\n---\n`)
)

// crudeBody strips front matter and HTML tags; the loader proper does this
// with care, this is enough to measure the extractor on its own.
func crudeBody(b []byte) string {
	s := frontMatterRe.ReplaceAllString(string(b), "")
	return tagRe.ReplaceAllString(s, "\n")
}

type seedDoc struct {
	reviewed, plan int
	published      time.Time
}

func readSeedDocs(t testing.TB) map[string]seedDoc {
	f, err := os.Open(filepath.Join(goldDir, "seed_documents.csv"))
	if err != nil {
		t.Skipf("no gold documents: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	out := map[string]seedDoc{}
	for _, r := range recs[1:] {
		var d seedDoc
		d.reviewed, _ = strconv.Atoi(r[col["reviewed_year"]])
		d.plan, _ = strconv.Atoi(r[col["plan_year"]])
		d.published, _ = time.Parse("2006-01-02", r[col["published"]])
		out[r[col["doc"]]] = d
	}
	return out
}

func seedExtractor(t testing.TB) *extract.Extractor {
	c, err := extract.LoadCatalogue(catalogu)
	if err != nil {
		t.Fatal(err)
	}
	return extract.New(c)
}

// seedPredictions runs text.Split and Document over every seed notice.
func seedPredictions(t testing.TB, e *extract.Extractor) []eval.Prediction {
	docs := readSeedDocs(t)
	var preds []eval.Prediction
	for name, d := range docs {
		b, err := os.ReadFile(filepath.Join(seedDir, name))
		if err != nil {
			t.Fatal(err)
		}
		ss := text.Split(crudeBody(b), text.Years{Reviewed: d.reviewed, Plan: d.plan})
		inds := e.Document(extract.Doc{Sentences: ss, ReviewedYear: d.reviewed, PlanYear: d.plan, Published: d.published})
		for _, in := range inds {
			preds = append(preds, eval.Prediction{File: name, Kind: in.Kind, Year: in.Year, Metric: in.Metric,
				Value: in.Value, ValueMax: in.ValueMax, HasMax: in.HasMax, Unit: in.Unit, Qualifier: in.Qualifier,
				Sentence: ss[in.SentenceNo].Text, Surface: in.Surface})
		}
	}
	return preds
}

// TestSeedBars scores the extractor on the seed gold without the loader and
// asserts the bars of issue 3.
func TestSeedBars(t *testing.T) {
	f, err := os.Open(filepath.Join(goldDir, "seed_indicators.csv"))
	if err != nil {
		t.Skipf("no gold indicators: %v", err)
	}
	defer f.Close()
	gold, err := eval.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	r := eval.Score(gold, seedPredictions(t, seedExtractor(t)))
	var b strings.Builder
	r.Write(&b)
	t.Log("\n" + b.String())
	for _, bar := range []struct {
		name string
		got  float64
		min  float64
	}{
		{"precision", r.Precision, 0.95}, {"recall", r.Recall, 0.95}, {"target F1", r.TargetF1, 0.90},
		{"year accuracy", r.YearAcc, 0.90}, {"qualifier accuracy", r.QualAcc, 0.95},
	} {
		if bar.got < bar.min {
			t.Errorf("%s %.3f below the bar %.2f", bar.name, bar.got, bar.min)
		}
	}
}
