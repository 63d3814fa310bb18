// Command policylens turns a folder of Chinese policy notices into a DuckDB
// file and serves a dashboard comparing provinces and years.
//
//	policylens [run]   load the corpus if it changed, then serve the dashboard
//	policylens load    load every notice under the data dir
//	policylens add     copy notices into the data dir and load just those
//	policylens serve   serve the dashboard
//	policylens sql     run read-only SQL against the database
//	policylens export  write every table as Parquet, with the views over it
//	policylens charts  write every chart page as a static site
//	policylens eval    score extracted indicators against a gold file
//	policylens synth   write synthetic notices with their truth, for scale tests
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/queries"
)

// Defaults are relative to the working directory: the repository root on a
// fresh clone.
const (
	defaultDataDir   = "data/notices"
	defaultDB        = "data/policylens.duckdb"
	defaultResources = "data"
	defaultAddr      = "127.0.0.1:8080"
)

func main() {
	// A copy of this binary runs each user's query (see
	// queries.SandboxWorker); it does that and nothing else.
	queries.RunSandboxWorkerIfAsked()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	os.Exit(exitCode(err, os.Stderr))
}

// exitError carries an exit status for errors that are not failures of the
// program itself: usage mistakes (2) and partial loads (3).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && !errors.Is(ee.err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "policylens:", loader.Printable(ee.err.Error()))
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "policylens:", loader.Printable(err.Error()))
	return 1
}

// useWorker makes store run users' queries in copies of this binary,
// each with its memory capped (queries.SandboxWorker).
func useWorker(store *queries.Store) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find this program to run queries with: %w", err)
	}
	store.UseWorker(queries.SandboxWorker{Path: exe})
	return nil
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, env *env) error
}

// env is what a subcommand may touch: no globals.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

func commands() []command {
	return []command{
		{"run", "load the corpus if anything changed, then serve the dashboard (the default)", cmdRun},
		{"load", "load every notice under the data dir into the database", cmdLoad},
		{"add", "copy notices into the data dir and load just those", cmdAdd},
		{"serve", "serve the dashboard", cmdServe},
		{"sql", "run read-only SQL against the database", cmdSQL},
		{"charts", "write every chart page as a static site that works offline", cmdCharts},
		{"export", "write every table as Parquet, with views.sql over the files", cmdExport},
		{"eval", "score the extracted indicators against a gold CSV", cmdEval},
		{"synth", "write synthetic notices with their true metadata and indicators", cmdSynth},
	}
}

// run is the whole program, testable in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		usage(stdout)
		return nil
	}
	name := "run"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	for _, c := range commands() {
		if c.name == name {
			err := c.run(ctx, args, e)
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	usage(stderr)
	return &exitError{2, fmt.Errorf("unknown command %q", name)}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "policylens compares Chinese policy notices across provinces and years.")
	fmt.Fprintln(w, "\nUsage: policylens [command] [flags]")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-7s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'policylens COMMAND --help' for the flags of a command.")
}

// newFlags makes a flag set that prints its help to stdout and returns
// errors instead of exiting.
func newFlags(e *env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: policylens %s\n\n%s\n\nFlags:\n", synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; --help prints to stdout and ends the command cleanly.
func parse(fs *flag.FlagSet, args []string, e *env) error {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return flag.ErrHelp
		}
		if a == "--" {
			break
		}
	}
	if err := fs.Parse(args); err != nil {
		return &exitError{2, err}
	}
	return nil
}
