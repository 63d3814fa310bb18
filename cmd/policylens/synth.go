package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/policylens/policylens/loader/synth"
)

func cmdSynth(ctx context.Context, args []string, e *env) error {
	var out, truth string
	var n int
	var seed uint64
	fs := newFlags(e, "synth", "synth --out DIR [--truth DIR] [--n N] [--seed S]",
		"Writes N realistic synthetic notices (provinces, cities and counties, years,\n"+
			"review and plan parts, indicators, page chrome, distractors) under DIR, and\n"+
			"their true metadata and indicators as documents.csv and indicators.csv in the\n"+
			"truth dir, in the format of the gold files, for scale tests and benchmarks:\n"+
			"  policylens load --data DIR --db big.duckdb\n"+
			"  policylens eval --db big.duckdb --gold TRUTH/indicators.csv")
	fs.StringVar(&out, "out", "", "folder to write the notices to (required)")
	fs.StringVar(&truth, "truth", "", "folder for documents.csv and indicators.csv (default: OUT/../truth)")
	fs.IntVar(&n, "n", 1000, "number of notices")
	fs.Uint64Var(&seed, "seed", 1, "random seed: the same seed writes the same corpus")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if out == "" {
		return &exitError{2, fmt.Errorf("synth: --out DIR is required")}
	}
	if truth == "" {
		truth = filepath.Join(filepath.Dir(filepath.Clean(out)), "truth")
	}
	m, err := synth.WriteCorpus(out, truth, synth.Options{N: n, Seed: seed})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d notices (%.1f MB) in %s; truth: %s, %s (%d indicators)\n",
		m.Notices, float64(m.Bytes)/(1<<20), out, m.DocumentsCSV, m.IndicatorsCSV, m.Indicators)
	return nil
}
