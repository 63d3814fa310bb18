package eval

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader"
)

// TestTeamHeldOutBars scores the loader on notices the team wrote and
// labelled apart from the seeds (loader/testdata/heldout: other provinces,
// a city notice, traditional characters, a notice with no indicators), as a
// check that the extraction rules generalise beyond the seed sentences.
func TestTeamHeldOutBars(t *testing.T) {
	ctx := context.Background()
	dir := "../../loader/testdata/heldout"
	gold, err := readGoldFile(filepath.Join(dir, "gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "heldout.duckdb")
	if _, err := loader.Load(ctx, loader.Options{DataDir: dir, DBPath: dbPath, ResourcesDir: "../../data"}); err != nil {
		t.Fatalf("load: %v", err)
	}
	db, err := sql.Open("duckdb", dbPath+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	preds, err := Predictions(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	r := Score(gold, preds)
	for _, bar := range []struct {
		name     string
		got, min float64
	}{
		{"precision", r.Precision, 0.95}, {"recall", r.Recall, 0.95}, {"target F1", r.TargetF1, 0.90},
		{"year accuracy", r.YearAcc, 0.90}, {"qualifier accuracy", r.QualAcc, 0.95},
	} {
		if bar.got < bar.min {
			t.Errorf("held-out: %s %.3f below the bar %.2f", bar.name, bar.got, bar.min)
		}
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM indicator_facts WHERE file = 'hn_party.txt'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the notice without indicators yielded %d (%v)", n, err)
	}
	if t.Failed() {
		var b strings.Builder
		r.Write(&b)
		t.Log("\n" + b.String())
	}
}
