package eval

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader"
)

// TestDevBars scores the loader on the dev set (loader/testdata/dev): notices
// the team wrote and labelled apart from the seeds (other provinces
// and years, city and county notices, WeChat and government pages,
// traditional characters, GBK, Big5, UTF-16 and .docx, notices with no
// indicators), as a
// check that the extraction rules hold beyond the seed sentences. The rules
// were tuned on these notices, so the scores measure consistency, not
// accuracy on unseen text.
func TestDevBars(t *testing.T) {
	ctx := context.Background()
	dir := "../../loader/testdata/dev"
	gold, err := readGoldFile(filepath.Join(dir, "gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "dev.duckdb")
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
	assertBars(t, "dev", r)
	for _, file := range []string{"hn_party.txt", "pl_county_noind.txt", "csx_party.txt"} {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM indicator_facts WHERE file = ?`, file).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s has no indicators but yielded %d (%v)", file, n, err)
		}
	}
	if t.Failed() {
		var b strings.Builder
		r.Write(&b)
		t.Log("\n" + b.String())
	}
}
