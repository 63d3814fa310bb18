package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/policylens/policylens/loader"
)

func cmdAdd(ctx context.Context, args []string, e *env) error {
	var lf loadFlags
	var ao loader.AddOptions
	fs := newFlags(e, "add", "add [--data DIR] [--db FILE] [--to SUBDIR] [--url ADDRESS] FILE...",
		"Copies notices into the data dir and loads just those, leaving the rest of the\n"+
			"database as it is. Works while the dashboard runs: it picks up the new data\n"+
			"within a few seconds. A sidecar FILE.meta.yaml is copied along. --url records\n"+
			"the page's address in the folder's sources.csv (shown in the reader, never\n"+
			"fetched; a date in it can date the notice).")
	lf.register(fs)
	fs.StringVar(&ao.Sub, "to", "", "sub-folder of the data dir to copy into")
	fs.BoolVar(&ao.Force, "force", false, "overwrite a different file of the same name in the data dir")
	fs.StringVar(&ao.URL, "url", "", "the page address of the one notice added, recorded in sources.csv beside it")
	if err := parse(fs, args, e); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &exitError{2, fmt.Errorf("add: name at least one file")}
	}
	sum, err := loader.Add(ctx, lf.options(e), ao, fs.Args())
	printSummary(e.stderr, sum)
	if errors.Is(err, loader.ErrPartial) {
		return &exitError{3, err}
	}
	return err
}
