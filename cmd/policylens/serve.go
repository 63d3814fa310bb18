package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"net"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/policylens/policylens/dashboard"
	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/queries"
)

type serveFlags struct {
	db, addr, data, resources string
	dev, noEdit               bool
	allowHosts                hostList
}

// hostList is a repeatable flag of host names.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("empty host name")
	}
	*h = append(*h, v)
	return nil
}

// register adds serve's flags; run shares the load flags instead of
// declaring the database and folders twice.
func (f *serveFlags) register(fs *flag.FlagSet, withLoadFlags bool) {
	if withLoadFlags {
		fs.StringVar(&f.db, "db", defaultDB, "DuckDB file to serve")
		fs.StringVar(&f.data, "data", defaultDataDir, "folder of notices (reloaded after the theme file is edited)")
		fs.StringVar(&f.resources, "resources", defaultResources, "folder with themes.yaml, metrics.yaml, units.yaml, lexicon.yaml, meta_lexicon.yaml and dict/")
	}
	fs.StringVar(&f.addr, "addr", defaultAddr, "address to listen on (127.0.0.1 keeps it on this machine)")
	fs.BoolVar(&f.dev, "dev", false, "read templates and static files from disk (for development)")
	fs.BoolVar(&f.noEdit, "no-edit", false, "do not let the dashboard edit the theme file")
	fs.Var(&f.allowHosts, "allow-host", "also answer requests naming this host (repeatable); 127.0.0.1, localhost,\n[::1] and the host of --addr are always allowed, any other Host gets 421")
}

func cmdServe(ctx context.Context, args []string, e *env) error {
	var sf serveFlags
	fs := newFlags(e, "serve", "serve [--db FILE] [--addr HOST:PORT]",
		"Serves the dashboard. The database is opened read-only: 'policylens load' and\n"+
			"'policylens add' may run meanwhile, and the dashboard shows their data within\n"+
			"a few seconds.")
	sf.register(fs, true)
	if err := parse(fs, args, e); err != nil {
		return err
	}
	return serve(ctx, sf, e)
}

func cmdRun(ctx context.Context, args []string, e *env) error {
	var lf loadFlags
	var sf serveFlags
	fs := newFlags(e, "run", "[run] [--data DIR] [--db FILE] [--addr HOST:PORT]",
		"Loads the corpus if anything in it changed, then serves the dashboard.")
	lf.register(fs)
	sf.register(fs, false)
	if err := parse(fs, args, e); err != nil {
		return err
	}
	err := doLoad(ctx, lf.options(e), e)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(math.MaxInt64) // the loader's limit is not the server's
	}
	if err != nil && !errors.Is(err, loader.ErrPartial) {
		return err
	}
	if err != nil {
		e.log.Warn("serving a partial load", "error", err)
	}
	sf.db, sf.data, sf.resources = lf.db, lf.data, lf.resources
	return serve(ctx, sf, e)
}

func serve(ctx context.Context, sf serveFlags, e *env) error {
	store, err := queries.OpenStore(ctx, sf.db)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := useWorker(store); err != nil {
		return err
	}
	opts := dashboard.Options{Store: store, Dev: sf.dev, Logger: e.log,
		AllowHosts: append([]string{sf.addr}, sf.allowHosts...)}
	if !sf.noEdit {
		tf := loader.ThemeFile{Load: loader.Options{DataDir: sf.data, DBPath: sf.db, ResourcesDir: sf.resources}}
		opts.Themes = dashboard.ThemeEditor{
			Load: tf.Themes,
			Save: func(ctx context.Context, b []byte) error { _, err := tf.SaveThemes(ctx, b); return err },
		}
	}
	app := dashboard.New(opts)
	ln, err := net.Listen("tcp", sf.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintf(e.stdout, "policylens dashboard: http://%s/\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- app.Listener(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return app.ShutdownWithContext(sctx)
	}
}
