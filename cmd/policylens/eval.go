package main

import (
	"context"
	"fmt"
	"os"

	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/eval"
)

func cmdEval(ctx context.Context, args []string, e *env) error {
	var db, gold string
	fs := newFlags(e, "eval", "eval [--db FILE] --gold FILE",
		"Scores the indicators in the database against a gold CSV (doc, kind, year,\n"+
			"metric, value, value_max, unit, qualifier, surface) and prints precision,\n"+
			"recall, F1, target accuracy and F1, year, qualifier and unit accuracy, and\n"+
			"the misses and false positives.")
	fs.StringVar(&db, "db", defaultDB, "DuckDB file to score")
	fs.StringVar(&gold, "gold", "", "gold CSV file (required)")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if gold == "" {
		return &exitError{2, fmt.Errorf("eval: --gold FILE is required")}
	}
	f, err := os.Open(gold)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	g, err := eval.ReadGold(f)
	if err != nil {
		return fmt.Errorf("eval %s: %w", gold, err)
	}
	store, err := queries.OpenStore(ctx, db)
	if err != nil {
		return err
	}
	defer store.Close()
	h, release, err := store.DB(ctx)
	if err != nil {
		return err
	}
	defer release()
	pred, err := eval.Predictions(ctx, h)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	eval.Score(g, pred).Write(e.stdout)
	return nil
}
