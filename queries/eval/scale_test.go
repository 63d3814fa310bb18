package eval

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/loader/synth"
)

// TestSyntheticCorpusAtScale loads a generated corpus whose true metadata
// and indicators are known and scores the loader on it: the scale test
// checks correctness, not just that nothing crashed.
func TestSyntheticCorpusAtScale(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 60
	}
	ctx := context.Background()
	notices, truthDir := t.TempDir(), t.TempDir()
	m, err := synth.WriteCorpus(notices, truthDir, synth.Options{N: n, Seed: 2026})
	if err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "synth.duckdb")
	sum, err := loader.Load(ctx, loader.Options{DataDir: notices, DBPath: dbPath, ResourcesDir: "../../data"})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if sum.Documents != m.Notices {
		t.Errorf("%d documents from %d notices (%d duplicates)", sum.Documents, m.Notices, sum.Duplicates)
	}
	db, err := sql.Open("duckdb", dbPath+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	// Metadata, field by field.
	truth, err := synth.ReadDocuments(m.DocumentsCSV)
	if err != nil {
		t.Fatal(err)
	}
	right := map[string]int{}
	var wrong []string
	for _, d := range truth {
		var province, city, county, level, issuer, published string
		var reviewed, plan sql.NullInt64
		err := db.QueryRowContext(ctx, `SELECT province, coalesce(city, ''), coalesce(county, ''), level, issuer,
			coalesce(strftime(published, '%Y-%m-%d'), ''), reviewed_year, plan_year FROM documents WHERE path = ?`, d.Doc).
			Scan(&province, &city, &county, &level, &issuer, &published, &reviewed, &plan)
		if err != nil {
			t.Errorf("%s: %v", d.Doc, err)
			continue
		}
		check := func(field, got, want string) {
			if got == want {
				right[field]++
			} else if len(wrong) < 40 {
				wrong = append(wrong, fmt.Sprintf("%s %s: got %q want %q", d.Doc, field, got, want))
			}
		}
		check("province", province, d.Province)
		check("city", city, d.City)
		check("county", county, d.County)
		check("level", level, d.Level)
		check("published", published, d.Published.Format("2006-01-02"))
		check("reviewed_year", nullStr(reviewed), yearStr(d.ReviewedYear))
		check("plan_year", nullStr(plan), yearStr(d.PlanYear))
	}
	for field, min := range map[string]float64{
		"province": 0.99, "city": 0.97, "county": 0.97, "level": 0.97,
		"published": 0.97, "reviewed_year": 0.90, "plan_year": 0.90,
	} {
		if acc := float64(right[field]) / float64(len(truth)); acc < min {
			t.Errorf("%s accuracy %.3f below %.2f", field, acc, min)
		}
	}
	if t.Failed() {
		t.Log("metadata misses:\n" + strings.Join(wrong, "\n"))
	}

	// Indicators, with the bars of the seed gold.
	gold, err := readGoldFile(m.IndicatorsCSV)
	if err != nil {
		t.Fatal(err)
	}
	preds, err := Predictions(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	r := Score(gold, preds)
	assertBars(t, "synthetic corpus", r)
	if t.Failed() {
		var b strings.Builder
		r.Write(&b)
		t.Log("\n" + b.String())
	}
}

func nullStr(v sql.NullInt64) string {
	if !v.Valid {
		return ""
	}
	return fmt.Sprint(v.Int64)
}

func yearStr(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

func readGoldFile(path string) ([]Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadGold(f)
}
