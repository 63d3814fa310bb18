package loader

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/policylens/policylens/loader/dbfile"
	"github.com/policylens/policylens/loader/schema"
	"github.com/policylens/policylens/loader/source"
)

// Options says what to load and where.
type Options struct {
	// DataDir is the folder of notices; every supported file under it is a
	// notice, its path relative to DataDir is its name in the database.
	DataDir string
	// DBPath is the DuckDB file to create or update.
	DBPath string
	// ResourcesDir holds themes.yaml, metrics.yaml, units.yaml, lexicon.yaml, meta_lexicon.yaml and dict/; a missing file
	// falls back to the copy embedded in the binary. Empty means embedded only.
	ResourcesDir string
	// Only, when set, restricts the load to these paths (relative to
	// DataDir): the other files are neither read nor removed. `add` uses it.
	Only []string
	// Workers is the number of parallel workers; 0 means one per CPU.
	Workers int
	// Rebuild forces every file to be processed again.
	Rebuild bool
	// Progress, when set, is called after each file with the number done
	// and the number to do.
	Progress func(done, total int)
	// Logger receives per-file warnings as they happen; nil discards them.
	Logger *slog.Logger
	// Limits bound each notice (file size, text size); beyond them a
	// notice is refused with an issue. Zero fields mean the defaults.
	Limits source.Limits

	noSpare bool       // tests: always copy the live file
	shard   *shardSpec // LoadShard: only this part of the data dir, copies not folded
}

// Issue is a warning or error about one file.
type Issue struct {
	Path     string // relative to the data dir
	Severity string // warning or error
	Message  string
}

// String is the issue as one line of the load report: the path quoted
// (strconv.Quote) and the message made Printable, so that no file name can
// forge a line.
func (i Issue) String() string {
	return i.Severity + ": " + strconv.Quote(i.Path) + ": " + Printable(i.Message)
}

// Summary reports what a load did.
type Summary struct {
	Files      int // supported files under the data dir
	Loaded     int // new or changed files processed into documents
	Unchanged  int // files skipped because their content hash is recorded
	Removed    int // documents whose file is gone
	Duplicates int // files recorded as copies of another notice
	Failed     int // files that could not be loaded (now or, unchanged, before)

	// Totals over the whole database after the load.
	Documents, Sentences, Tokens, Indicators, ThemeHits, Terms int

	Issues  []Issue
	Rebuilt bool // the whole database was rebuilt (new file, new resources)
	Swapped bool // a new database file replaced the old one
	// Base says what the load wrote on: "new" (a rebuild), "spare" (the
	// file the last load replaced, brought up to date) or "copy" (a copy
	// of the live file); "" when nothing changed.
	Base    string
	Elapsed time.Duration
}

// ErrPartial is returned (wrapped) when some files failed but the rest
// loaded; the summary says which.
var ErrPartial = errors.New("some files could not be loaded")

// Load brings the database at opts.DBPath up to date with opts.DataDir.
func Load(ctx context.Context, opts Options) (Summary, error) {
	start := time.Now()
	var sum Summary
	if opts.DataDir == "" || opts.DBPath == "" {
		return sum, errors.New("load: data dir and database path are required")
	}
	if st, err := os.Stat(opts.DataDir); err != nil {
		return sum, fmt.Errorf("load: data dir: %w", err)
	} else if !st.IsDir() {
		return sum, fmt.Errorf("load: data dir %s is not a directory", opts.DataDir)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	rb, err := readResources(opts.ResourcesDir)
	if err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}

	unlock, err := dbfile.Lock(opts.DBPath)
	if err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	defer unlock()
	dbfile.RemoveStale(opts.DBPath)

	phase := func(name string, since time.Time) {
		opts.Logger.Debug("load phase", "phase", name, "elapsed", time.Since(since).Round(time.Millisecond))
	}
	t0 := time.Now()
	dd, disk, err := scan(opts.DataDir, opts.Only, opts.Limits)
	if err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	defer func() { dd.close() }()
	phase("scan", t0)
	sum.Issues = append(sum.Issues, dd.manifests.issues...)
	t0 = time.Now()
	state, err := readState(ctx, opts.DBPath)
	if err != nil {
		return sum, fmt.Errorf("load: read %s: %w", opts.DBPath, err)
	}
	phase("read state", t0)
	rebuild := opts.Rebuild || state == nil || state.resourcesVersion != rb.version() || state.schemaVersion != schema.Version
	existing := state != nil
	if rebuild {
		state = &dbState{files: map[string]fileRecord{}}
	}
	if rebuild && opts.Only != nil && existing {
		// A rebuild of an existing database (new resources or schema) must
		// take every notice, not just the ones being added: the others
		// would vanish from the new file.
		dd.close()
		opts.Only = nil
		if dd, disk, err = scan(opts.DataDir, nil, opts.Limits); err != nil {
			return sum, fmt.Errorf("load: %w", err)
		}
	}
	if opts.shard != nil {
		mine := disk[:0]
		for _, f := range disk {
			if opts.shard.has(f.path) {
				mine = append(mine, f)
			}
		}
		disk = mine
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	t0 = time.Now()
	hashFiles(disk, state.files, workers)
	phase("hash new and changed files", t0)
	sum.Files = len(disk)
	if opts.Only != nil {
		sum.Files = 0
		for _, f := range disk {
			if f.err == nil {
				sum.Files++
			}
		}
	}
	p := plan(state, disk, opts.Only != nil || opts.shard != nil)
	sum.Unchanged = p.unchanged
	for _, f := range p.stillFailed {
		sum.Failed++
		sum.Issues = append(sum.Issues, Issue{Path: f.path, Severity: "error", Message: f.message + " (unchanged since the last load)"})
	}
	if !rebuild && len(p.todo) == 0 && len(p.removed) == 0 {
		if err := totals(ctx, opts.DBPath, &sum); err != nil {
			return sum, err
		}
		sum.Elapsed = time.Since(start)
		return sum, partial(sum)
	}

	t0 = time.Now()
	res, err := rb.build()
	if err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	phase("build resources", t0)
	// The workers start on the notices while the file is prepared.
	pl := startPipeline(ctx, p.todo, workers, res)
	defer pl.stop()

	t0 = time.Now()
	tmp := dbfile.Temp(opts.DBPath)
	dbfile.Remove(tmp)
	sum.Base = baseNew
	if !rebuild {
		sum.Base, err = prepareBase(ctx, opts.DBPath, tmp, state, !opts.noSpare)
		if err != nil {
			return sum, fmt.Errorf("load: %w", err)
		}
	}
	committed := false
	defer func() {
		if !committed {
			dbfile.Remove(tmp)
		}
	}()

	phase("prepare the file ("+sum.Base+")", t0)
	t0 = time.Now()
	w, err := openWriter(ctx, tmp, rebuild, state)
	if err == nil && !rebuild {
		w.baseLoadID = state.loadID
	}
	if err == nil {
		w.fold = opts.shard == nil
	}
	if err != nil {
		return sum, fmt.Errorf("load: %s: %w", tmp, err)
	}
	defer w.close()
	w.phase = phase
	phase("open writer", t0)
	t0 = time.Now()
	if err := w.readIndex(ctx, len(p.todo)); err != nil {
		return sum, fmt.Errorf("load: read the copy index of %s: %w", tmp, err)
	}
	phase("read the copy index", t0)
	t0 = time.Now()
	if err := w.begin(ctx, res, rb, opts.DataDir); err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	if err := w.remove(ctx, p.removed); err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	sum.Removed = len(p.removedDocs)

	phase("begin and remove", t0)
	t0 = time.Now()
	err = pl.drain(func(i int, r result) error {
		if opts.Progress != nil {
			defer opts.Progress(i+1, len(p.todo))
		}
		f := p.todo[i]
		var fatal *fatalError
		if errors.As(r.err, &fatal) {
			return fatal.err
		}
		if r.err != nil {
			sum.Failed++
			iss := Issue{Path: f.path, Severity: "error", Message: r.err.Error()}
			sum.Issues = append(sum.Issues, iss)
			opts.Logger.Warn("file not loaded", "path", f.path, "error", r.err)
			return w.failed(ctx, f, r.err.Error())
		}
		for _, msg := range r.warnings() {
			iss := Issue{Path: f.path, Severity: "warning", Message: msg}
			sum.Issues = append(sum.Issues, iss)
			opts.Logger.Warn("file loaded with a warning", "path", f.path, "warning", msg)
		}
		dup, err := w.add(ctx, f, r.p)
		if dup {
			sum.Duplicates++
		} else {
			sum.Loaded++
		}
		return err
	})
	if err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	phase("process and append", t0)
	t0 = time.Now()
	if err := w.issues(ctx, sum.Issues); err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	if err := w.commit(ctx); err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	phase("flush, aggregates, targets, commit and checkpoint", t0)
	t0 = time.Now()
	if err := w.totals(ctx, &sum); err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	if err := w.close(); err != nil {
		return sum, fmt.Errorf("load: close %s: %w", tmp, err)
	}
	if err := dbfile.Publish(tmp, opts.DBPath); err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	phase("totals, close and swap", t0)
	if (rebuild || len(w.changedDocs) > spareRefreshDocs) && opts.shard == nil {
		t0 = time.Now()
		if err := refreshSpare(opts.DBPath); err != nil {
			opts.Logger.Warn("could not keep a spare copy of the database; the next load will copy it", "error", err)
		}
		phase("refresh the spare copy", t0)
	}
	committed = true
	sum.Rebuilt = rebuild
	sum.Swapped = true
	sum.Elapsed = time.Since(start)
	return sum, partial(sum)
}

func partial(s Summary) error {
	if s.Failed > 0 {
		return fmt.Errorf("%w: %d of %d files failed", ErrPartial, s.Failed, s.Files)
	}
	return nil
}

// fileRecord is what the database remembers of a file.
type fileRecord struct {
	hash    string
	status  string // document, duplicate, failed
	docID   int
	message string
	stat    string // the file's stat when it was hashed
}

// dbState is the part of an existing database the planner needs.
type dbState struct {
	schemaVersion    string
	resourcesVersion string
	loadID           string // meta load_id: which load wrote the file
	baseLoadID       string // meta base_load_id: the file it was made from, "" for a rebuild
	files            map[string]fileRecord
	maxDocID         int
	maxIndicatorID   int
}

// readState reads the file bookkeeping of an existing database; nil means
// there is none (no file, or a file that is not a policylens database).
func readState(ctx context.Context, path string) (*dbState, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	v, err := schema.InstalledVersion(ctx, db)
	if err != nil {
		return nil, err
	}
	if v == "" {
		return nil, nil
	}
	st := &dbState{schemaVersion: v, files: map[string]fileRecord{}}
	if v != schema.Version {
		return st, nil
	}
	_ = db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'resources_version'`).Scan(&st.resourcesVersion)
	_ = db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'load_id'`).Scan(&st.loadID)
	_ = db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'base_load_id'`).Scan(&st.baseLoadID)
	rows, err := db.QueryContext(ctx, `SELECT path, content_hash, status, coalesce(doc_id, 0), coalesce(message, ''), coalesce(stat, '') FROM files`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		var r fileRecord
		if err := rows.Scan(&p, &r.hash, &r.status, &r.docID, &r.message, &r.stat); err != nil {
			return nil, err
		}
		st.files[p] = r
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	err = db.QueryRowContext(ctx, `SELECT coalesce(max(doc_id), 0) FROM documents`).Scan(&st.maxDocID)
	if err != nil {
		return nil, err
	}
	err = db.QueryRowContext(ctx, `SELECT coalesce(max(indicator_id), 0) FROM indicators`).Scan(&st.maxIndicatorID)
	return st, err
}

// loadPlan says which files to process and which records to drop.
type loadPlan struct {
	todo        []*diskFile
	removed     []string // paths gone from disk
	removedDocs []int    // documents whose file is gone
	stillFailed []struct{ path, message string }
	unchanged   int
}

func plan(st *dbState, disk []*diskFile, partialScan bool) *loadPlan {
	p := &loadPlan{}
	onDisk := map[string]bool{}
	for _, f := range disk {
		onDisk[f.path] = true
		rec, known := st.files[f.path]
		switch {
		case f.err != nil:
			p.todo = append(p.todo, f) // reported, old rows kept
		case known && rec.hash == f.hash && rec.status == "failed":
			p.stillFailed = append(p.stillFailed, struct{ path, message string }{f.path, rec.message})
			p.unchanged++
		case known && rec.hash == f.hash:
			p.unchanged++
		default:
			p.todo = append(p.todo, f)
		}
	}
	if partialScan {
		return p
	}
	gone := map[int]bool{}
	for path, rec := range st.files {
		if onDisk[path] {
			continue
		}
		p.removed = append(p.removed, path)
		if rec.status == "document" {
			p.removedDocs = append(p.removedDocs, rec.docID)
			gone[rec.docID] = true
		}
	}
	sort.Strings(p.removed)
	sort.Ints(p.removedDocs)
	// Copies of a document whose file is gone are loaded again: one of them
	// becomes the original.
	if len(gone) > 0 {
		queued := map[string]bool{}
		for _, f := range p.todo {
			queued[f.path] = true
		}
		for _, f := range disk {
			rec := st.files[f.path]
			if rec.status == "duplicate" && gone[rec.docID] && !queued[f.path] && f.err == nil {
				p.todo = append(p.todo, f)
				p.unchanged--
			}
		}
		sort.Slice(p.todo, func(i, j int) bool { return p.todo[i].path < p.todo[j].path })
	}
	return p
}

// result is one processed file, or why it failed.
type result struct {
	p   *processed
	err error
}

func (r result) warnings() []string {
	var out []string
	out = append(out, r.p.doc.Warnings...)
	out = append(out, r.p.meta.Warnings...)
	return out
}

// A pipeline processes files on workers and hands the results to its
// drain's emit in file order, so that doc ids and duplicate decisions do
// not depend on scheduling. It starts before the writer is ready (opening
// the database file and creating its tables take a tenth of a second of
// one core on a fresh load), and its window of finished results lets the
// workers go on while the emitter is busy appending or handing a batch to
// DuckDB.
type pipeline struct {
	files  []*diskFile
	done   []chan result
	win    *window
	cancel context.CancelFunc
	ctx    context.Context
	wg     sync.WaitGroup
}

// Bounds of a pipeline's window: at most pipelineAhead results per worker
// taken and not yet emitted, and no new file taken while the finished ones
// hold pipelineBytes of text (a few large notices, not dozens).
const (
	pipelineAhead = 32
	pipelineBytes = 8 << 20
)

// startPipeline starts processing files on workers.
func startPipeline(ctx context.Context, files []*diskFile, workers int, res *resources) *pipeline {
	return startPipelineIn(ctx, files, workers, res, newWindow(workers*pipelineAhead, pipelineBytes))
}

// startPipelineIn starts processing files on workers within window win.
func startPipelineIn(ctx context.Context, files []*diskFile, workers int, res *resources, win *window) *pipeline {
	p := &pipeline{files: files, done: make([]chan result, len(files)), win: win}
	p.ctx, p.cancel = context.WithCancel(ctx)
	if len(files) == 0 {
		return p
	}
	for i := range p.done {
		p.done[i] = make(chan result, 1)
	}
	jobs := make(chan int)
	for range workers {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for i := range jobs {
				r := processFile(files[i], res)
				p.win.hold(r.textBytes())
				p.done[i] <- r
			}
		}()
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		defer close(jobs)
		for i := range files {
			if !p.win.take(p.ctx) {
				return
			}
			select {
			case jobs <- i:
			case <-p.ctx.Done():
				return
			}
		}
	}()
	return p
}

// drain hands every result to emit in file order.
func (p *pipeline) drain(emit func(int, result) error) error {
	defer p.stop()
	for i := range p.files {
		var r result
		select {
		case r = <-p.done[i]:
		case <-p.ctx.Done():
			return p.ctx.Err()
		}
		p.win.release(r.textBytes())
		if err := emit(i, r); err != nil {
			return err
		}
	}
	return nil
}

// stop cancels the files not yet processed and waits for the workers.
func (p *pipeline) stop() {
	p.cancel()
	p.win.wake()
	p.wg.Wait()
}

// textBytes is how much text a result holds.
func (r result) textBytes() int {
	if r.p == nil {
		return 0
	}
	return len(r.p.body)
}

// window bounds the results of a pipeline taken and not yet emitted: at
// most max of them, and no new one while those finished hold maxBytes of
// text or more.
type window struct {
	mu            sync.Mutex
	cond          *sync.Cond
	n, bytes      int
	max, maxBytes int
	stopped       bool
}

func newWindow(max, maxBytes int) *window {
	w := &window{max: max, maxBytes: maxBytes}
	w.cond = sync.NewCond(&w.mu)
	return w
}

// take waits for room for one more result; false when ctx is done.
func (w *window) take(ctx context.Context) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for !w.stopped && ctx.Err() == nil && !w.room() {
		w.cond.Wait()
	}
	if w.stopped || ctx.Err() != nil {
		return false
	}
	w.n++
	return true
}

// room reports whether one more result may be taken: fewer than max
// taken, and less than maxBytes of text held (or nothing taken at all, so
// that one notice larger than maxBytes still goes through).
func (w *window) room() bool {
	return w.n == 0 || (w.n < w.max && w.bytes < w.maxBytes)
}

// hold counts the text of a finished result.
func (w *window) hold(bytes int) {
	w.mu.Lock()
	w.bytes += bytes
	w.mu.Unlock()
}

// release frees the room of an emitted result.
func (w *window) release(bytes int) {
	w.mu.Lock()
	w.n--
	w.bytes -= bytes
	w.mu.Unlock()
	w.cond.Broadcast()
}

// wake stops every take.
func (w *window) wake() {
	w.mu.Lock()
	w.stopped = true
	w.mu.Unlock()
	w.cond.Broadcast()
}

func processFile(f *diskFile, res *resources) (r result) {
	defer func() {
		// A parser bug must not take the other files down with it.
		if v := recover(); v != nil {
			r = result{err: fmt.Errorf("internal error while processing: %v", v)}
		}
	}()
	if f.err != nil {
		return result{err: f.err}
	}
	doc, err := f.read()
	if err != nil {
		return result{err: err}
	}
	p, err := res.process(doc, f.path)
	return result{p: p, err: err}
}
