package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/policylens/policylens/loader/dbfile"
)

// StoreCatalog is the name under which a Store attaches the database file.
// Queries use plain table names (the catalog is the default), but a
// qualified name is policylens.main.documents, as in the DuckDB CLI opening
// policylens.duckdb.
const StoreCatalog = "policylens"

// storeCheckInterval is how often, at most, DB looks whether the file was
// swapped: a stat every half second costs nothing, and new data shows
// within a second of the swap.
const storeCheckInterval = 500 * time.Millisecond

// Engine settings for reading: modest, because the machine is shared and
// the dashboard's queries are small. Spilling to disk is off
// (temp_directory empty): a read-only reader creates no files.
const (
	storeMaxThreads  = 2
	storeMemoryLimit = "1GB"
)

// SandboxMemoryLimit is the memory DuckDB may use for one user's own
// query (the console, `policylens sql`): its instance is apart from the
// pages' (see SandboxDB). A query that needs more fails with DuckDB's
// "Out of Memory Error" instead of taking the machine's memory; together
// with the row and byte caps of the sandbox it keeps the server under
// 1 GB through any query.
const SandboxMemoryLimit = "384MB"

// Store is a read-only handle on the policylens DuckDB file that follows
// file swaps.
//
// The loader never writes the live file: it publishes a new one by rename
// (the protocol of package loader/dbfile). Store notices the swap (the path
// names another file, or its size or modification time changed) on the
// next DB call at most storeCheckInterval after it and opens the new file;
// queries already running keep the old handle until they release it, and
// the old handle is closed after the last release. When the new file
// cannot be opened, the store keeps serving the old one and ReloadError
// says why, for the user to see.
//
// Each handle is a private in-memory DuckDB instance with the file attached
// READ_ONLY as StoreCatalog, then external access switched off and the
// configuration locked. The private instance matters: the driver caches
// file-backed instances by path, so opening the path again while the old
// handle lives would return the old file's data.
type Store struct {
	path string

	mu        sync.Mutex
	cur       *storeHandle
	ident     dbfile.Ident
	lastCheck time.Time
	reopening bool
	reloadErr error
	closed    bool

	worker *SandboxWorker // runs users' queries, when set (UseWorker)
	slots  chan struct{}  // one per worker that may run at once

	gen  atomic.Uint64
	stop chan struct{} // closed by Close: ends the watcher
}

// storeHandle is one opened version of the file, counted by its users.
type storeHandle struct {
	db      *sql.DB
	refs    int
	retired bool

	// sandbox is a second instance on the same file for users' own
	// queries, opened on first use.
	sandboxOnce sync.Once
	sandbox     *sql.DB
	sandboxErr  error
}

// close closes the handle's instances.
func (h *storeHandle) close() error {
	err := h.db.Close()
	if h.sandbox != nil {
		h.sandbox.Close()
	}
	return err
}

// OpenStore opens the DuckDB file at path read-only. A missing file is an
// error telling the user to load first.
func OpenStore(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	ident, err := dbfile.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no database at %s; run `policylens load` first", path)
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if ident.IsDir() {
		return nil, fmt.Errorf("open database %s: is a directory", path)
	}
	db, err := openStoreDB(ctx, abs, storeMemoryLimit, storeMaxThreads)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{path: abs, cur: &storeHandle{db: db}, ident: ident, lastCheck: time.Now(), stop: make(chan struct{})}
	s.gen.Store(1)
	go s.watch()
	return s, nil
}

// watch follows swaps while no query comes, so that the store lets go of
// a replaced file soon after the swap: the loader can then bring that file
// up to date for its next load instead of copying the new one.
func (s *Store) watch() {
	t := time.NewTicker(storeCheckInterval)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			if db, release, err := s.DB(context.Background()); err == nil && db != nil {
				release()
			}
		}
	}
}

// openStoreDB opens a private read-only DuckDB instance on the file.
func openStoreDB(ctx context.Context, path, memoryLimit string, maxThreads int) (*sql.DB, error) {
	threads := min(runtime.NumCPU(), maxThreads)
	opts := url.Values{}
	opts.Set("threads", strconv.Itoa(threads))
	opts.Set("memory_limit", memoryLimit)
	opts.Set("temp_directory", "")
	opts.Set("autoload_known_extensions", "false")
	opts.Set("autoinstall_known_extensions", "false")
	opts.Set("allow_community_extensions", "false")
	opts.Set("allow_unsigned_extensions", "false")
	// No persistent secrets: duckdb_secrets() would read (and name) a
	// folder in the home directory.
	opts.Set("allow_persistent_secrets", "false")

	attach := "ATTACH " + sqlStringLiteral(path) + " AS " + StoreCatalog + " (READ_ONLY)"
	var once sync.Once
	var setupErr error
	initConn := func(ex driver.ExecerContext) error {
		// The first connection attaches the file, then shuts the door:
		// external access off (no file can be opened from now on, ATTACH
		// included) and the configuration locked (no SET can reopen it).
		once.Do(func() {
			for _, q := range []string{
				attach,
				"SET enable_external_access = false",
				"SET lock_configuration = true",
			} {
				if _, err := ex.ExecContext(ctx, q, nil); err != nil {
					setupErr = fmt.Errorf("%s: %w", q, err)
					return
				}
			}
		})
		if setupErr != nil {
			return setupErr
		}
		_, err := ex.ExecContext(context.Background(), "USE "+StoreCatalog, nil)
		return err
	}
	connector, err := duckdb.NewConnector(":memory:?"+opts.Encode(), initConn)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(connector)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// sqlStringLiteral quotes s as an SQL string literal. ATTACH takes no
// bound parameters; the path comes from the command line, not from users
// of the dashboard.
func sqlStringLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// DB returns the current handle and a release function to call when the
// query is done (rows closed). At most every storeCheckInterval it looks
// whether the file was swapped and, if so, opens the new one; until that
// succeeds, callers keep getting the old handle. Do not Close the returned
// *sql.DB.
func (s *Store) DB(ctx context.Context) (*sql.DB, func(), error) {
	h, release, err := s.acquire(ctx)
	if err != nil {
		return nil, nil, err
	}
	return h.db, release, nil
}

// SandboxDB is DB for users' own queries, which RunSandboxed and
// StreamSandboxed run: a second private instance on the same file, with
// SandboxMemoryLimit and one thread, so that one query cannot take the
// memory or the cores the pages need. It follows file swaps as DB does.
func (s *Store) SandboxDB(ctx context.Context) (*sql.DB, func(), error) {
	h, release, err := s.acquire(ctx)
	if err != nil {
		return nil, nil, err
	}
	h.sandboxOnce.Do(func() {
		h.sandbox, h.sandboxErr = openStoreDB(context.WithoutCancel(ctx), s.path, SandboxMemoryLimit, 1)
	})
	if h.sandboxErr != nil {
		release()
		return nil, nil, fmt.Errorf("open database %s for queries: %w", s.path, h.sandboxErr)
	}
	return h.sandbox, release, nil
}

// UseWorker makes the store's OpenSandboxed, RunSandboxed and
// StreamSandboxed run each query in a worker process (see SandboxWorker),
// so that no query can take the memory of the process that serves pages.
// At most maxWorkers run at once; more queries wait for their turn.
// Call it before the store is used.
func (s *Store) UseWorker(w SandboxWorker) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.worker = &w
	s.slots = make(chan struct{}, maxWorkers)
}

// maxWorkers is how many users' queries run at once in workers: each may
// take SandboxWorker.Memory, and the machine has more than one user.
const maxWorkers = 2

// OpenSandboxed runs a user's query on the store's file as the package's
// OpenSandboxed does: in a worker process when UseWorker set one, else
// on SandboxDB. Close the rows when done.
func (s *Store) OpenSandboxed(ctx context.Context, query string, lim SandboxLimits) (*SandboxRows, error) {
	_, release, err := s.acquire(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	worker, slots := s.worker, s.slots
	s.mu.Unlock()
	if worker != nil {
		release() // the worker opens the file at the path for itself
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return nil, fmt.Errorf("query canceled while waiting for another query to end: %w", ctx.Err())
		}
		rs, err := openWorker(ctx, *worker, s.path, query, lim)
		if err != nil {
			<-slots
			return nil, err
		}
		rs.release = func() { <-slots }
		return rs, nil
	}
	release()
	db, release, err := s.SandboxDB(ctx)
	if err != nil {
		return nil, err
	}
	rs, err := OpenSandboxed(ctx, db, query, lim)
	if err != nil {
		release()
		return nil, err
	}
	rs.release = release
	return rs, nil
}

// RunSandboxed runs a user's query as RunSandboxed does, where
// OpenSandboxed of the store runs it.
func (s *Store) RunSandboxed(ctx context.Context, query string, lim SandboxLimits) (*Result, error) {
	return collect(s.OpenSandboxed(ctx, query, lim))
}

// StreamSandboxed runs a user's query as StreamSandboxed does, where
// OpenSandboxed of the store runs it.
func (s *Store) StreamSandboxed(ctx context.Context, query string, lim SandboxLimits, w RowWriter) (*Cut, error) {
	return streamTo(w)(s.OpenSandboxed(ctx, query, lim))
}

// acquire returns the current handle, counted until release.
func (s *Store) acquire(ctx context.Context) (*storeHandle, func(), error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, nil, fmt.Errorf("database %s: store is closed", s.path)
	}
	if !s.reopening && time.Since(s.lastCheck) >= storeCheckInterval {
		s.lastCheck = time.Now()
		if ident, err := dbfile.Stat(s.path); err == nil && !ident.Same(s.ident) {
			s.reopening = true
			s.mu.Unlock()
			s.reopen(ctx, ident)
			s.mu.Lock()
		}
	}
	if s.closed {
		s.mu.Unlock()
		return nil, nil, fmt.Errorf("database %s: store is closed", s.path)
	}
	h := s.cur
	h.refs++
	s.mu.Unlock()

	var released atomic.Bool
	release := func() {
		if released.Swap(true) {
			return
		}
		s.mu.Lock()
		h.refs--
		closeNow := h.retired && h.refs == 0
		s.mu.Unlock()
		if closeNow {
			h.close()
		}
	}
	return h, release, nil
}

// reopen opens the file that now sits at the path and makes it current.
// ident was taken before opening: if yet another swap happens meanwhile,
// the next check sees a different file and opens again.
func (s *Store) reopen(ctx context.Context, ident dbfile.Ident) {
	db, err := openStoreDB(context.WithoutCancel(ctx), s.path, storeMemoryLimit, storeMaxThreads)
	s.mu.Lock()
	s.reopening = false
	if err != nil {
		s.reloadErr = fmt.Errorf("reopen database %s: %w", s.path, err)
		s.mu.Unlock()
		return
	}
	if s.closed {
		s.mu.Unlock()
		db.Close()
		return
	}
	old := s.cur
	s.cur = &storeHandle{db: db}
	s.ident = ident
	s.reloadErr = nil
	s.gen.Add(1)
	old.retired = true
	closeOld := old.refs == 0
	s.mu.Unlock()
	if closeOld {
		old.close()
	}
}

// Generation counts the files the store has opened: 1 after OpenStore, one
// more after each swap it followed. Caches key on it.
func (s *Store) Generation() uint64 {
	return s.gen.Load()
}

// ReloadError reports why the last attempt to open a swapped-in file
// failed (the store keeps serving the previous one), or nil.
func (s *Store) ReloadError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reloadErr
}

// Close stops the store. Handles still in use are closed when released.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.stop)
	h := s.cur
	h.retired = true
	closeNow := h.refs == 0
	s.mu.Unlock()
	if closeNow {
		return h.close()
	}
	return nil
}
