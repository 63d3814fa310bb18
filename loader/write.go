package loader

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/policylens/policylens/loader/dedup"
	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/schema"
)

// writer applies one load to the temporary database: deletes for removed
// and replaced files, then appends for new rows, all in one transaction.
type writer struct {
	db   *sql.DB
	conn *sql.Conn
	tx   bool

	apps *appenders

	nextDocID       int
	nextIndicatorID int
	byTextHash      map[string]int        // normalised-text hash → doc_id of the original
	hashOf          map[int]string        // the reverse of byTextHash
	known           map[string]fileRecord // the files recorded before this load
	near            *dedup.Index          // signatures of the documents, for near-copies
	now             time.Time
	pending         int // bytes appended since the last flush

	fold         bool   // record copies as duplicates (not in a shard: the merge folds)
	loadID       string // this load, recorded as meta load_id
	baseLoadID   string // the load that wrote the file this one started from
	changedDocs  map[int]bool
	changedPaths map[string]bool
	fresh        bool            // the database was created by this load
	touched      map[aggKey]bool // aggregate keys whose documents this load changes
	gaz          *gazetteer.Gazetteer
	// targetKeys are the target keys whose indicators this load added or
	// removed (every target is computed on a new database).
	targetKeys map[targetKey]bool
	// phase logs the duration of a step of the load (load -v).
	phase func(name string, since time.Time)
	// lazy: byTextHash and near hold only this load's documents and the
	// candidates looked up so far; the database answers for the rest.
	lazy bool
}

// appenders are the open appenders of one load, one per table it appends to.
type appenders struct {
	documents    *schema.Appender[schema.Document]
	sources      *schema.Appender[schema.MetadataSource]
	sentences    *schema.Appender[schema.Sentence]
	terms        *schema.Appender[schema.TermCount]
	hits         *schema.Appender[schema.ThemeHit]
	indicators   *schema.Appender[schema.Indicator]
	duplicates   *schema.Appender[schema.Duplicate]
	files        *schema.Appender[schema.File]
	fingerprints *schema.Appender[schema.Fingerprint]
	counts       *schema.Appender[schema.DocumentCount]
	places       *schema.Appender[schema.Place]
	themes       *schema.Appender[schema.Theme]

	all []interface {
		Flush() error
		Close() error
	}
}

// openAppenders opens an appender on every table a load appends to.
func openAppenders(dc driver.Conn) (*appenders, error) {
	a := &appenders{}
	var err error
	open := func(add func() error) {
		if err == nil {
			err = add()
		}
	}
	open(func() error { return openOne(dc, a, &a.documents, schema.Documents) })
	open(func() error { return openOne(dc, a, &a.sources, schema.MetadataSources) })
	open(func() error { return openOne(dc, a, &a.sentences, schema.Sentences) })
	open(func() error { return openOne(dc, a, &a.terms, schema.TermCounts) })
	open(func() error { return openOne(dc, a, &a.hits, schema.ThemeHits) })
	open(func() error { return openOne(dc, a, &a.indicators, schema.Indicators) })
	open(func() error { return openOne(dc, a, &a.duplicates, schema.Duplicates) })
	open(func() error { return openOne(dc, a, &a.files, schema.Files) })
	open(func() error { return openOne(dc, a, &a.fingerprints, schema.Fingerprints) })
	open(func() error { return openOne(dc, a, &a.counts, schema.DocumentCounts) })
	open(func() error { return openOne(dc, a, &a.places, schema.Places) })
	open(func() error { return openOne(dc, a, &a.themes, schema.Themes) })
	if err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

func openOne[R any](dc driver.Conn, a *appenders, dst **schema.Appender[R], t schema.Rows[R]) error {
	app, err := schema.NewAppender(dc, t)
	if err != nil {
		return err
	}
	*dst = app
	a.all = append(a.all, app)
	return nil
}

// flush hands every appender's buffered rows to its table.
func (a *appenders) flush() error {
	for _, app := range a.all {
		if err := app.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// close flushes and closes every appender, returning the first error.
func (a *appenders) close() error {
	var first error
	for _, app := range a.all {
		if err := app.Close(); err != nil && first == nil {
			first = err
		}
	}
	a.all = nil
	return first
}

// writerMemory bounds DuckDB's own memory in a load: what does not fit is
// written to the file (appends of a large transaction go to disk as row
// groups fill) or spilled beside it.
const writerMemory = "256MB"

// writerCheckpoint is the write-ahead log size over which DuckDB
// checkpoints when a transaction commits, writing the load's rows to the
// file instead of first to the log: a load commits once and then
// checkpoints anyway, and at the default (16 MB) the commit of a large
// load wrote every row to the log that the checkpoint then wrote again
// (bench corpus: commit and checkpoint 0.60 s, now 0.43 s; every table
// identical).
const writerCheckpoint = "1MB"

// flushBytes is how much text the appenders hold before they hand their
// rows to the table: DuckDB's appender would otherwise buffer 204,800 rows
// of each table, whole notice bodies included.
const flushBytes = 32 << 20

func openWriter(ctx context.Context, path string, fresh bool, st *dbState) (*writer, error) {
	db, err := sql.Open("duckdb", path+"?memory_limit="+writerMemory+"&checkpoint_threshold="+writerCheckpoint)
	if err != nil {
		return nil, err
	}
	w := &writer{db: db, byTextHash: map[string]int{}, hashOf: map[int]string{}, known: st.files, near: dedup.NewIndex(), now: time.Now().UTC(),
		loadID: newLoadID(), changedDocs: map[int]bool{}, changedPaths: map[string]bool{},
		fresh: fresh, gaz: gazetteer.Default(), targetKeys: map[targetKey]bool{}}
	if fresh {
		if err := schema.Apply(ctx, db); err != nil {
			db.Close()
			return nil, err
		}
	}
	w.nextDocID = st.maxDocID + 1
	w.nextIndicatorID = st.maxIndicatorID + 1
	w.phase = func(string, time.Time) {}
	w.conn, err = db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	return w, nil
}

// lazyIndexMax is the most notices a load may process and still look up
// their copies in the database one notice at a time, instead of reading
// the text hashes and signatures of every document first (a second or
// more at 100,000 documents).
const lazyIndexMax = 64

// readIndex reads the text hashes and the near-copy signatures of the
// documents already in the database, against which this load's notices
// are checked for copies; for a load of a few notices it reads nothing
// and add looks each one's candidates up instead.
func (w *writer) readIndex(ctx context.Context, todo int) error {
	if w.fresh {
		return nil
	}
	if todo <= lazyIndexMax {
		w.lazy = true
		return nil
	}
	rows, err := w.conn.QueryContext(ctx, `SELECT text_hash, doc_id FROM documents`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		var id int
		if err := rows.Scan(&h, &id); err != nil {
			return err
		}
		w.remember(id, h)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return w.readFingerprints(ctx, "true")
}

// readFingerprints adds to the near-copy index the signatures of the
// fingerprints rows that where (an SQL condition on them) selects, but
// those of documents indexed already.
func (w *writer) readFingerprints(ctx context.Context, where string, args ...any) error {
	rows, err := w.conn.QueryContext(ctx, `SELECT doc_id, minhash, numbers FROM fingerprints WHERE `+where, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var b []byte
		var nums string
		if err := rows.Scan(&id, &b, &nums); err != nil {
			return err
		}
		if w.near.Has(id) {
			continue
		}
		sig, err := dedup.Decode(b)
		if err != nil {
			return fmt.Errorf("fingerprint of document %d: %w", id, err)
		}
		w.near.Add(id, sig, strings.Fields(nums))
	}
	return rows.Err()
}

// begin opens the transaction, records the resources, rewrites the theme
// definitions and creates the appenders.
func (w *writer) begin(ctx context.Context, res *resources, rb *resourceBytes, dataDir string) error {
	if _, err := w.conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	w.tx = true
	metaRows := [][2]string{
		{"resources_version", res.version},
		{"code_version", codeVersion},
		{"themes_version", rb.themesVersion()},
		{"data_dir", dataDir},
		{"loaded_at", w.now.Format(time.RFC3339)},
	}
	for name, origin := range rb.origin {
		metaRows = append(metaRows, [2]string{"resource:" + name, origin})
	}
	for _, kv := range metaRows {
		if _, err := w.conn.ExecContext(ctx, `DELETE FROM meta WHERE key = ?`, kv[0]); err != nil {
			return err
		}
		if _, err := w.conn.ExecContext(ctx, `INSERT INTO meta VALUES (?, ?)`, kv[0], kv[1]); err != nil {
			return err
		}
	}
	if _, err := w.conn.ExecContext(ctx, `DELETE FROM themes`); err != nil {
		return err
	}
	if _, err := w.conn.ExecContext(ctx, `DELETE FROM places`); err != nil {
		return err
	}
	err := w.conn.Raw(func(dc any) error {
		var err error
		w.apps, err = openAppenders(dc.(driver.Conn))
		return err
	})
	if err != nil {
		return err
	}
	pos := int32(0)
	for _, t := range res.themes.Themes {
		for _, k := range t.Keywords {
			pos++
			if err := w.apps.themes.Append(&schema.Theme{Theme: t.ID, Label: t.Label, Keyword: k, Position: pos}); err != nil {
				return fmt.Errorf("append theme %s: %w", t.ID, err)
			}
		}
	}
	return w.writePlaces()
}

// writePlaces writes the gazetteer's divisions as the places table, in
// code order.
func (w *writer) writePlaces() error {
	for _, p := range w.gaz.Places() {
		if err := w.apps.places.Append(&schema.Place{Code: p.Code, Name: p.Name(), Level: p.Level,
			ParentCode: schema.Null(p.Parent()), Province: p.Province,
			City: schema.Null(p.City), County: schema.Null(p.County)}); err != nil {
			return fmt.Errorf("append place %s: %w", p.Code, err)
		}
	}
	return nil
}

// remove deletes the rows of files gone from disk, and of their copies,
// which the planner queued to load again.
func (w *writer) remove(ctx context.Context, gone []string) error {
	for _, path := range gone {
		rec := w.known[path]
		if err := w.forget(ctx, path); err != nil {
			return fmt.Errorf("remove %s: %w", path, err)
		}
		if rec.status != "document" {
			continue
		}
		if err := w.deleteDocRows(ctx, rec.docID); err != nil {
			return fmt.Errorf("remove %s: %w", path, err)
		}
		if _, err := w.conn.ExecContext(ctx, `DELETE FROM duplicates WHERE doc_id = ?`, rec.docID); err != nil {
			return err
		}
		if _, err := w.conn.ExecContext(ctx, `DELETE FROM files WHERE status = 'duplicate' AND doc_id = ?`, rec.docID); err != nil {
			return err
		}
	}
	return nil
}

// forget deletes the bookkeeping rows of one path.
func (w *writer) forget(ctx context.Context, path string) error {
	w.changedPaths[path] = true
	for _, q := range []string{
		`DELETE FROM files WHERE path = ?`,
		`DELETE FROM duplicates WHERE path = ?`,
		`DELETE FROM load_issues WHERE path = ?`,
	} {
		if _, err := w.conn.ExecContext(ctx, q, path); err != nil {
			return err
		}
	}
	return nil
}

// deleteDocRows deletes one document's own rows and forgets its text, so
// that a later file with the same text is no longer its copy.
func (w *writer) deleteDocRows(ctx context.Context, id int) error {
	w.changedDocs[id] = true
	if err := w.touchDoc(ctx, id); err != nil {
		return err
	}
	if err := w.touchDocTargets(ctx, id); err != nil {
		return err
	}
	for _, t := range schema.Tables {
		if !t.PerDocument {
			continue
		}
		if _, err := w.conn.ExecContext(ctx, "DELETE FROM "+t.Name+" WHERE doc_id = ?", id); err != nil {
			return err
		}
	}
	w.near.Remove(id)
	if h, ok := w.hashOf[id]; ok {
		delete(w.byTextHash, h)
		delete(w.hashOf, id)
	}
	return nil
}

// lookUpCopies brings into byTextHash and near the documents of the
// database that p could be a copy of: the one with its text hash and those
// sharing a band of its signature, the only ones Nearest would consider.
// The database holds this load's deletions (it reads in the load's
// transaction); this load's additions are in the maps already.
func (w *writer) lookUpCopies(ctx context.Context, p *processed) error {
	if _, ok := w.byTextHash[p.textHash]; !ok {
		var id sql.NullInt64
		if err := w.conn.QueryRowContext(ctx, `SELECT min(doc_id) FROM documents WHERE text_hash = ?`, p.textHash).Scan(&id); err != nil {
			return err
		}
		if id.Valid && w.hashOf[int(id.Int64)] == "" {
			w.remember(int(id.Int64), p.textHash)
		}
	}
	var cond strings.Builder
	var args []any
	for i, band := range p.sig.BandSlices() {
		if i > 0 {
			cond.WriteString(" OR ")
		}
		fmt.Fprintf(&cond, "minhash[%d:%d] = ?", i*len(band)+1, (i+1)*len(band))
		args = append(args, band)
	}
	return w.readFingerprints(ctx, cond.String(), args...)
}

// remember records an original document's text hash.
func (w *writer) remember(id int, hash string) {
	w.byTextHash[hash] = id
	w.hashOf[id] = hash
}

// replace drops the old rows of a known file about to be written anew. A
// replaced document keeps its doc_id, so links to it stay valid.
func (w *writer) replace(ctx context.Context, path string) (keepID int, err error) {
	rec, ok := w.known[path]
	if !ok {
		return 0, nil
	}
	if err := w.forget(ctx, path); err != nil {
		return 0, err
	}
	if rec.status != "document" {
		return 0, nil
	}
	if err := w.deleteDocRows(ctx, rec.docID); err != nil {
		return 0, err
	}
	return rec.docID, nil
}

// failed records a file that could not be loaded. A file loaded before
// keeps its old rows and record, so nothing already loaded is lost and the
// next load tries the file again; an unreadable file is retried too.
func (w *writer) failed(ctx context.Context, f *diskFile, msg string) error {
	if _, known := w.known[f.path]; known || f.hash == "" {
		return nil
	}
	w.changedPaths[f.path] = true
	return w.apps.files.Append(&schema.File{Path: f.path, ContentHash: f.hash, Status: "failed", Message: schema.Null(msg), SeenAt: w.now, Stat: schema.Null(f.stat)})
}

// add appends one processed document, or records it as a duplicate of an
// already loaded one. It reports whether it was a duplicate.
func (w *writer) add(ctx context.Context, f *diskFile, p *processed) (bool, error) {
	keepID, err := w.replace(ctx, f.path)
	if err != nil {
		return false, fmt.Errorf("replace %s: %w", f.path, err)
	}
	if w.lazy && w.fold {
		if err := w.lookUpCopies(ctx, p); err != nil {
			return false, fmt.Errorf("look up copies of %s: %w", f.path, err)
		}
	}
	if orig, ok := w.byTextHash[p.textHash]; ok && w.fold {
		return true, w.duplicate(f, orig, 1.0, "exact")
	}
	if orig, sim, ok := w.near.Nearest(p.sig, p.numbers); ok && w.fold {
		return true, w.duplicate(f, orig, sim, "near")
	}
	id := keepID
	if id == 0 {
		id = w.nextDocID
		w.nextDocID++
	}
	w.remember(id, p.textHash)
	w.near.Add(id, p.sig, p.numbers)
	w.changedDocs[id] = true
	w.changedPaths[f.path] = true
	id32 := int32(id)
	if err := w.apps.fingerprints.Append(&schema.Fingerprint{DocID: id32, MinHash: p.sig.Bytes(), Numbers: strings.Join(p.numbers, " ")}); err != nil {
		return false, err
	}
	m := p.meta
	err = w.apps.documents.Append(&schema.Document{
		DocID: id32, Path: f.path, ContentHash: f.hash, TextHash: p.textHash,
		Format: p.doc.Format, Encoding: p.doc.Encoding,
		Title: m.Title, DocType: m.DocType, Province: m.Province,
		City: schema.Null(m.City), County: schema.Null(m.County), Level: m.Level, Issuer: m.Issuer,
		Published: p.published(), Year: p.year(),
		ReviewedYear: schema.Null(int32(m.ReviewedYear)), PlanYear: schema.Null(int32(m.PlanYear)),
		Chars: int32(p.chars), Tokens: int32(p.tokens), Body: p.body, LoadedAt: w.now,
		URL: schema.Null(p.doc.Address),
	})
	if err != nil {
		return false, fmt.Errorf("append document %s: %w", f.path, err)
	}
	var achievements, targets int32
	for _, in := range p.indicators {
		switch in.Kind {
		case "achievement":
			achievements++
		case "target":
			targets++
		}
	}
	err = w.apps.counts.Append(&schema.DocumentCount{DocID: id32, PlaceCode: schema.Null(w.gaz.Code(m.Province, m.City, m.County)),
		Sentences: int32(len(p.sentences)), Indicators: int32(len(p.indicators)), Achievements: achievements, Targets: targets})
	if err != nil {
		return false, fmt.Errorf("append counts %s: %w", f.path, err)
	}
	w.touch(aggKey{province: m.Province, level: m.Level, docType: m.DocType,
		year: int(p.year().V), reviewed: m.ReviewedYear, plan: m.PlanYear})
	for _, field := range sortedKeys(m.Sources) {
		err := w.apps.sources.Append(&schema.MetadataSource{DocID: id32, Field: field, Value: schema.Null(metaValue(p, field)), Source: m.Sources[field]})
		if err != nil {
			return false, err
		}
	}
	for _, s := range p.sentences {
		err := w.apps.sentences.Append(&schema.Sentence{DocID: id32, SentenceNo: int32(s.No), Part: string(s.Part), StartChar: int32(s.Start), EndChar: int32(s.End), Text: s.Text})
		if err != nil {
			return false, err
		}
	}
	for _, term := range sortedKeys(p.terms) {
		if err := w.apps.terms.Append(&schema.TermCount{DocID: id32, Term: term, N: int32(p.terms[term])}); err != nil {
			return false, err
		}
	}
	for _, h := range p.hits {
		if err := w.apps.hits.Append(&schema.ThemeHit{DocID: id32, Theme: h.Theme, Hits: int32(h.Hits), Per10k: h.Per10k}); err != nil {
			return false, err
		}
	}
	for _, in := range p.indicators {
		if k, ok := keyOf(p.meta, in); ok {
			w.targetKeys[k] = true
		}
		s := p.sentences[in.SentenceNo]
		row := schema.Indicator{
			IndicatorID: int32(w.nextIndicatorID), DocID: id32, SentenceNo: int32(in.SentenceNo),
			StartChar: int32(s.Start + in.Start), EndChar: int32(s.Start + in.End), Surface: in.Surface,
			Metric: in.Metric, CanonicalMetric: schema.Null(in.Canonical), Measure: in.Measure,
			Value: in.Value, Unit: in.Unit, Qualifier: in.Qualifier, Kind: in.Kind, Year: schema.Null(int32(in.Year)),
			Scope: in.Scope, ScopePlace: schema.Null(in.ScopePlace), Met: in.Met,
		}
		if in.HasMax && !math.IsNaN(in.ValueMax) {
			row.ValueMax = sql.Null[float64]{V: in.ValueMax, Valid: true}
		}
		if err := w.apps.indicators.Append(&row); err != nil {
			return false, fmt.Errorf("append indicator %s: %w", f.path, err)
		}
		w.nextIndicatorID++
	}
	if err := w.apps.files.Append(&schema.File{Path: f.path, ContentHash: f.hash, Status: "document", DocID: schema.Null(id32), SeenAt: w.now, Stat: schema.Null(f.stat)}); err != nil {
		return false, err
	}
	// The body, the sentences (as long again) and the rest.
	if w.pending += 2*len(p.body) + 64*len(p.terms); w.pending >= flushBytes {
		w.pending = 0
		return false, w.apps.flush()
	}
	return false, nil
}

// duplicate records file f as a copy of document orig.
func (w *writer) duplicate(f *diskFile, orig int, sim float64, method string) error {
	w.changedPaths[f.path] = true
	err := w.apps.duplicates.Append(&schema.Duplicate{Path: f.path, ContentHash: f.hash, DocID: int32(orig), Similarity: sim, Method: method})
	if err != nil {
		return err
	}
	return w.apps.files.Append(&schema.File{Path: f.path, ContentHash: f.hash, Status: "duplicate", DocID: schema.Null(int32(orig)), SeenAt: w.now, Stat: schema.Null(f.stat)})
}

// metaValue renders one metadata field for metadata_sources.
func metaValue(p *processed, field string) string {
	m := p.meta
	switch field {
	case "title":
		return m.Title
	case "doc_type":
		return m.DocType
	case "province":
		return m.Province
	case "city":
		return m.City
	case "county":
		return m.County
	case "level":
		return m.Level
	case "issuer":
		return m.Issuer
	case "published":
		if m.Published.IsZero() {
			return ""
		}
		return m.Published.Format("2006-01-02")
	case "reviewed_year":
		if m.ReviewedYear == 0 {
			return ""
		}
		return fmt.Sprint(m.ReviewedYear)
	case "plan_year":
		if m.PlanYear == 0 {
			return ""
		}
		return fmt.Sprint(m.PlanYear)
	case "url":
		return p.doc.Address
	}
	return ""
}

// issues records this load's warnings and errors, through an appender:
// a corpus whose every notice has a warning would otherwise cost two
// statements a notice.
func (w *writer) issues(ctx context.Context, iss []Issue) error {
	if len(iss) == 0 {
		return nil
	}
	cleared := map[string]bool{}
	for _, i := range iss {
		w.changedPaths[i.Path] = true
		if w.fresh || cleared[i.Path] {
			continue
		}
		cleared[i.Path] = true
		if _, err := w.conn.ExecContext(ctx, `DELETE FROM load_issues WHERE path = ?`, i.Path); err != nil {
			return err
		}
	}
	return w.conn.Raw(func(dc any) error {
		a, err := schema.NewAppender(dc.(driver.Conn), schema.LoadIssues)
		if err != nil {
			return err
		}
		for _, i := range iss {
			if err := a.Append(&schema.LoadIssue{Path: i.Path, Severity: i.Severity, Message: i.Message, LoggedAt: w.now}); err != nil {
				a.Close()
				return err
			}
		}
		return a.Close()
	})
}

// commit flushes the appenders, commits and checkpoints, so that the file
// holds everything without a write-ahead log beside it.
func (w *writer) commit(ctx context.Context) error {
	if err := w.recordChanges(ctx); err != nil {
		return err
	}
	t0 := time.Now()
	err := w.apps.close()
	w.apps = nil
	if err != nil {
		return err
	}
	w.phase("flush the appenders", t0)
	t0 = time.Now()
	if err := w.refreshAggregates(ctx); err != nil {
		return err
	}
	w.phase("aggregates", t0)
	t0 = time.Now()
	if err := w.updateTargets(ctx, w.fresh); err != nil {
		return err
	}
	w.phase("targets", t0)
	t0 = time.Now()
	if _, err := w.conn.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	w.tx = false
	w.phase("commit", t0)
	t0 = time.Now()
	_, err = w.conn.ExecContext(ctx, "CHECKPOINT")
	w.phase("checkpoint", t0)
	return err
}

// recordChanges writes which load this is, the one it started from, and
// what it changed, so that the next load can bring this load's base (the
// spare) up to date instead of copying the result.
func (w *writer) recordChanges(ctx context.Context) error {
	for _, kv := range [][2]string{{"load_id", w.loadID}, {"base_load_id", w.baseLoadID}} {
		if _, err := w.conn.ExecContext(ctx, `DELETE FROM meta WHERE key = ?`, kv[0]); err != nil {
			return err
		}
		if _, err := w.conn.ExecContext(ctx, `INSERT INTO meta VALUES (?, ?)`, kv[0], kv[1]); err != nil {
			return err
		}
	}
	if _, err := w.conn.ExecContext(ctx, `DELETE FROM changes`); err != nil {
		return err
	}
	return w.conn.Raw(func(dc any) error {
		a, err := schema.NewAppender(dc.(driver.Conn), schema.Changes)
		if err != nil {
			return err
		}
		for id := range w.changedDocs {
			if err := a.Append(&schema.Change{DocID: schema.Null(int32(id))}); err != nil {
				a.Close()
				return err
			}
		}
		for p := range w.changedPaths {
			if err := a.Append(&schema.Change{Path: schema.Null(p)}); err != nil {
				a.Close()
				return err
			}
		}
		return a.Close()
	})
}

// newLoadID names one load: random, so that two databases built from
// scratch never look like versions of each other.
func newLoadID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// totals fills the database-wide counts of the summary.
func (w *writer) totals(ctx context.Context, s *Summary) error {
	return countTotals(ctx, w.conn, s)
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func countTotals(ctx context.Context, q queryer, s *Summary) error {
	return q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM sentences),
		(SELECT coalesce(sum(tokens), 0) FROM documents),
		(SELECT count(*) FROM indicators),
		(SELECT count(*) FROM theme_hits),
		(SELECT count(DISTINCT term) FROM term_counts)`).Scan(
		&s.Documents, &s.Sentences, &s.Tokens, &s.Indicators, &s.ThemeHits, &s.Terms)
}

// totals reads the counts from an existing database without writing.
func totals(ctx context.Context, path string, s *Summary) error {
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		return err
	}
	defer db.Close()
	return countTotals(ctx, db, s)
}

func (w *writer) close() error {
	if w.db == nil {
		return nil
	}
	if w.apps != nil {
		w.apps.close()
		w.apps = nil
	}
	if w.tx {
		w.conn.ExecContext(context.Background(), "ROLLBACK")
		w.tx = false
	}
	if w.conn != nil {
		w.conn.Close()
	}
	err := w.db.Close()
	w.db = nil
	return err
}
