package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/eval"
)

func cmdEval(ctx context.Context, args []string, e *env) error {
	var db string
	var gold goldFiles
	fs := newFlags(e, "eval", "eval [--db FILE] --gold FILE [--gold FILE …]",
		"Scores the indicators in the database against gold CSV files (doc, kind, year,\n"+
			"metric, value, value_max, unit, qualifier, surface, and optionally scope and\n"+
			"scope_place) and prints precision, recall, F1, target accuracy and F1, the\n"+
			"kind confusion matrix, year accuracy (all, targets, achievements), qualifier,\n"+
			"unit and scope accuracy, and the misses and false positives.")
	fs.StringVar(&db, "db", defaultDB, "DuckDB file to score")
	fs.Var(&gold, "gold", "gold CSV file (required; repeat for a set kept in several files)")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if len(gold) == 0 {
		return &exitError{2, fmt.Errorf("eval: --gold FILE is required")}
	}
	g, err := eval.ReadGoldFiles(gold...)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
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

// goldFiles collects repeated --gold flags.
type goldFiles []string

func (g *goldFiles) String() string { return strings.Join(*g, ",") }

func (g *goldFiles) Set(v string) error {
	*g = append(*g, v)
	return nil
}
