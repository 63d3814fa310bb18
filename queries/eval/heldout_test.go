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
	assertBars(t, "held-out", r)
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
