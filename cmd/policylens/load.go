package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"

	"golang.org/x/term"

	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/loader/source"
)

// loadFlags are shared by load, add and run.
type loadFlags struct {
	data, db, resources string
	workers             int
	rebuild, verbose    bool
	maxFile, maxText    source.ByteSize
}

func (f *loadFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", defaultDataDir, "folder of notices (.txt, .md, .html, .docx)")
	fs.StringVar(&f.db, "db", defaultDB, "DuckDB file to write")
	fs.StringVar(&f.resources, "resources", defaultResources, "folder with themes.yaml, metrics.yaml, units.yaml, lexicon.yaml, meta_lexicon.yaml and dict/ (missing files fall back to built-in copies)")
	fs.IntVar(&f.workers, "workers", 0, "parallel workers (0: one per CPU)")
	fs.BoolVar(&f.rebuild, "rebuild", false, "process every file again, even unchanged ones")
	fs.BoolVar(&f.verbose, "v", false, "log each phase of the load with its duration")
	f.maxFile, f.maxText = source.DefaultMaxFileBytes, source.DefaultMaxTextBytes
	fs.Var(&f.maxFile, "max-notice-size", "largest notice file read, a `size` such as 20MB or 512K (for a .docx also the most its word/document.xml may inflate to); larger notices are refused and named")
	fs.Var(&f.maxText, "max-notice-text", "most text one notice may hold, a `size` such as 4MB; a notice with more is refused and named")
}

// loaderGoHeap is the soft limit on the Go heap of a loading process
// (unless GOMEMLIMIT says otherwise): the garbage collector then works
// harder instead of letting the heap grow to twice what is live. DuckDB's
// memory is bounded separately by the loader.
const loaderGoHeap = 384 << 20

func (f *loadFlags) options(e *env) loader.Options {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(loaderGoHeap)
	}
	o := loader.Options{
		DataDir:      f.data,
		DBPath:       f.db,
		ResourcesDir: f.resources,
		Workers:      f.workers,
		Rebuild:      f.rebuild,
		Limits:       source.Limits{MaxFileBytes: int64(f.maxFile), MaxTextBytes: int64(f.maxText)},
	}
	if f.verbose {
		o.Logger = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if file, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(file.Fd())) {
		o.Progress = loader.ProgressBar(e.stderr)
	}
	return o
}

func cmdLoad(ctx context.Context, args []string, e *env) error {
	var lf loadFlags
	var shard, parquet, fromParquet string
	fs := newFlags(e, "load", "load [--data DIR] [--db FILE] | --shard K/N --parquet DIR | --from-parquet DIR",
		"Loads every notice under the data dir into the database. Unchanged files are\n"+
			"skipped, changed ones replaced, deleted ones removed. The database is built\n"+
			"beside the live file and swapped in, so a running dashboard keeps serving.\n"+
			"Exit status 3 means some files failed; every good file is loaded.\n\n"+
			"On many machines: each runs `load --shard K/N --parquet DIR` (K from 0 to\n"+
			"N-1) on the same data dir and writes its part files under DIR; then\n"+
			"`load --from-parquet DIR --db FILE` merges them into the database, folding\n"+
			"copies across shards, with the ids one load on one machine would give.")
	lf.register(fs)
	fs.StringVar(&shard, "shard", "", "process only the K-th of N parts of the data dir (0 ≤ K < N); needs --parquet")
	fs.StringVar(&parquet, "parquet", "", "with --shard: folder to write the shard's Parquet part files to")
	fs.StringVar(&fromParquet, "from-parquet", "", "build the database from the shards written under this folder")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &exitError{2, fmt.Errorf("load takes no arguments (to load single files use 'policylens add')")}
	}
	o := lf.options(e)
	switch {
	case shard != "" && fromParquet != "", shard != "" && parquet == "", parquet != "" && shard == "":
		return &exitError{2, fmt.Errorf("load: use --shard K/N with --parquet DIR, or --from-parquet DIR alone")}
	case shard != "":
		k, n, err := loader.ParseShard(shard)
		if err != nil {
			return &exitError{2, err}
		}
		sum, err := loader.LoadShard(ctx, o, k, n, parquet)
		fmt.Fprintf(e.stderr, "shard %d of %d: %d files (%d failed) written under %s\n", k, n, sum.Files, sum.Failed, parquet)
		if errors.Is(err, loader.ErrPartial) {
			return &exitError{3, err}
		}
		return err
	case fromParquet != "":
		sum, err := loader.MergeParquet(ctx, o, fromParquet)
		printSummary(e.stderr, sum)
		return err
	}
	return doLoad(ctx, o, e)
}

// doLoad runs a load and prints its warnings and summary.
func doLoad(ctx context.Context, o loader.Options, e *env) error {
	sum, err := loader.Load(ctx, o)
	printSummary(e.stderr, sum)
	if errors.Is(err, loader.ErrPartial) {
		return &exitError{3, err}
	}
	return err
}

func printSummary(w io.Writer, s loader.Summary) {
	for _, i := range s.Issues {
		fmt.Fprintln(w, i)
	}
	state := "updated"
	switch {
	case !s.Swapped:
		state = "unchanged"
	case s.Rebuilt:
		state = "rebuilt"
	}
	fmt.Fprintf(w, "database %s: %d files (%d loaded, %d unchanged, %d removed, %d duplicates, %d failed) in %s\n",
		state, s.Files, s.Loaded, s.Unchanged, s.Removed, s.Duplicates, s.Failed, s.Elapsed.Round(1e6))
	fmt.Fprintf(w, "totals: %d documents, %d sentences, %d tokens, %d indicators, %d theme hits, %d distinct terms\n",
		s.Documents, s.Sentences, s.Tokens, s.Indicators, s.ThemeHits, s.Terms)
}
