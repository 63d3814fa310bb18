package meta_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/queries/eval"
)

func TestZZLoad(t *testing.T) {
	dir := os.Getenv("SCRATCH_LOAD")
	if dir == "" {
		t.Skip()
	}
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "x.duckdb")
	if _, err := loader.Load(ctx, loader.Options{DataDir: filepath.Join(dir, "notices"), DBPath: db, ResourcesDir: "../../data"}); err != nil {
		t.Fatal(err)
	}
	h, _ := sql.Open("duckdb", db+"?access_mode=read_only")
	defer h.Close()
	f, _ := os.Open(filepath.Join(dir, "truth/indicators.csv"))
	gold, err := eval.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	preds, err := eval.Predictions(ctx, h)
	if err != nil {
		t.Fatal(err)
	}
	r := eval.Score(gold, preds)
	r.Write(os.Stdout)
}
