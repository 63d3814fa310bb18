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
	var gold, docs goldFiles
	var bySet bool
	fs := newFlags(e, "eval", "eval [--db FILE] [--gold FILE …] [--docs FILE …] [--by-prefix]",
		"Scores the database against hand-made labels; give --gold, --docs or both.\n\n"+
			"--gold: indicator CSV files (doc, kind, year, metric, value, value_max, unit,\n"+
			"qualifier, surface, and optionally scope and scope_place). Prints precision,\n"+
			"recall, F1, target accuracy and F1, the kind confusion matrix, year accuracy\n"+
			"(all, targets, achievements), qualifier, unit and scope accuracy, and the\n"+
			"misses and false positives.\n\n"+
			"--docs: documents CSV files (doc, title, province, city, county, level, issuer,\n"+
			"published, reviewed_year, plan_year). Matches each row to a loaded notice by\n"+
			"file name and prints the accuracy of province, city, county, level, published,\n"+
			"reviewed_year and plan_year (an empty cell must be empty or unknown in the\n"+
			"database; a notice not loaded counts wrong in every field), then the\n"+
			"notices missing and each field's wrong values (doc, gold, got).\n\n"+
			"--by-prefix adds the scores split by the letters the file names start with\n"+
			"(A01_… → A, b07_… → b), one row per set.")
	fs.StringVar(&db, "db", defaultDB, "DuckDB file to score")
	fs.Var(&gold, "gold", "indicator gold CSV file (repeat for a set kept in several files)")
	fs.Var(&docs, "docs", "documents gold CSV file (repeat for a set kept in several files)")
	fs.BoolVar(&bySet, "by-prefix", false, "also print the scores per set of file-name prefix letters")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if len(gold) == 0 && len(docs) == 0 {
		return &exitError{2, fmt.Errorf("eval: give --gold FILE, --docs FILE or both")}
	}
	var g []eval.Gold
	var gd []eval.GoldDoc
	var err error
	if len(gold) > 0 {
		if g, err = eval.ReadGoldFiles(gold...); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	}
	if len(docs) > 0 {
		if gd, err = eval.ReadGoldDocsFiles(docs...); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
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
	if len(gold) > 0 {
		pred, err := eval.Predictions(ctx, h)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		eval.Score(g, pred).Write(e.stdout)
		if bySet {
			fmt.Fprintln(e.stdout)
			eval.WriteIndicatorSets(e.stdout, g, pred)
		}
	}
	if len(docs) > 0 {
		loaded, err := eval.LoadedDocuments(ctx, h)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		if len(gold) > 0 {
			fmt.Fprintln(e.stdout)
		}
		eval.ScoreDocs(gd, loaded).Write(e.stdout)
		if bySet {
			fmt.Fprintln(e.stdout)
			eval.WriteDocSets(e.stdout, gd, loaded)
		}
	}
	return nil
}

// goldFiles collects repeated --gold and --docs flags.
type goldFiles []string

func (g *goldFiles) String() string { return strings.Join(*g, ",") }

func (g *goldFiles) Set(v string) error {
	*g = append(*g, v)
	return nil
}
