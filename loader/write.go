package loader

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/policylens/policylens/loader/dedup"
	"github.com/policylens/policylens/loader/schema"
)

// writer applies one load to the temporary database: deletes for removed
// and replaced files, then appends for new rows, all in one transaction.
type writer struct {
	db   *sql.DB
	conn *sql.Conn
	tx   bool

	apps map[string]*duckdb.Appender

	nextDocID       int
	nextIndicatorID int
	byTextHash      map[string]int        // normalised-text hash → doc_id of the original
	hashOf          map[int]string        // the reverse of byTextHash
	known           map[string]fileRecord // the files recorded before this load
	near            *dedup.Index          // signatures of the documents, for near-copies
	now             time.Time
}

// Tables and the column order their appenders expect (001_core.sql).
var appendTables = []string{
	"documents", "metadata_sources", "sentences", "term_counts",
	"theme_hits", "indicators", "duplicates", "files", "fingerprints",
}

func openWriter(ctx context.Context, path string, fresh bool, st *dbState) (*writer, error) {
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return nil, err
	}
	w := &writer{db: db, byTextHash: map[string]int{}, hashOf: map[int]string{}, known: st.files, near: dedup.NewIndex(), now: time.Now().UTC()}
	if fresh {
		if err := schema.Apply(ctx, db); err != nil {
			db.Close()
			return nil, err
		}
	}
	w.nextDocID = st.maxDocID + 1
	w.nextIndicatorID = st.maxIndicatorID + 1
	if !fresh {
		rows, err := db.QueryContext(ctx, `SELECT text_hash, doc_id FROM documents`)
		if err != nil {
			db.Close()
			return nil, err
		}
		for rows.Next() {
			var h string
			var id int
			if err := rows.Scan(&h, &id); err != nil {
				rows.Close()
				db.Close()
				return nil, err
			}
			w.remember(id, h)
		}
		rows.Close()
		if err := w.readFingerprints(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	w.conn, err = db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	return w, nil
}

func (w *writer) readFingerprints(ctx context.Context) error {
	rows, err := w.db.QueryContext(ctx, `SELECT doc_id, minhash, numbers FROM fingerprints`)
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
	for _, t := range res.themes.Themes {
		for _, k := range t.Keywords {
			if _, err := w.conn.ExecContext(ctx, `INSERT INTO themes VALUES (?, ?, ?)`, t.ID, t.Label, k); err != nil {
				return err
			}
		}
	}
	w.apps = map[string]*duckdb.Appender{}
	return w.conn.Raw(func(dc any) error {
		for _, t := range appendTables {
			a, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", t)
			if err != nil {
				return fmt.Errorf("appender %s: %w", t, err)
			}
			w.apps[t] = a
		}
		return nil
	})
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
	for _, t := range []string{"documents", "metadata_sources", "sentences", "term_counts", "theme_hits", "indicators", "fingerprints"} {
		if _, err := w.conn.ExecContext(ctx, "DELETE FROM "+t+" WHERE doc_id = ?", id); err != nil {
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
	return w.apps["files"].AppendRow(f.path, f.hash, "failed", nil, msg, w.now)
}

// add appends one processed document, or records it as a duplicate of an
// already loaded one. It reports whether it was a duplicate.
func (w *writer) add(ctx context.Context, f *diskFile, p *processed) (bool, error) {
	keepID, err := w.replace(ctx, f.path)
	if err != nil {
		return false, fmt.Errorf("replace %s: %w", f.path, err)
	}
	if orig, ok := w.byTextHash[p.textHash]; ok {
		if err := w.apps["duplicates"].AppendRow(f.path, f.hash, int32(orig), 1.0, "exact"); err != nil {
			return true, err
		}
		return true, w.apps["files"].AppendRow(f.path, f.hash, "duplicate", int32(orig), nil, w.now)
	}
	if orig, sim, ok := w.near.Nearest(p.sig, p.numbers); ok {
		if err := w.apps["duplicates"].AppendRow(f.path, f.hash, int32(orig), sim, "near"); err != nil {
			return true, err
		}
		return true, w.apps["files"].AppendRow(f.path, f.hash, "duplicate", int32(orig), nil, w.now)
	}
	id := keepID
	if id == 0 {
		id = w.nextDocID
		w.nextDocID++
	}
	w.remember(id, p.textHash)
	w.near.Add(id, p.sig, p.numbers)
	id32 := int32(id)
	if err := w.apps["fingerprints"].AppendRow(id32, p.sig.Bytes(), strings.Join(p.numbers, " ")); err != nil {
		return false, err
	}
	m := p.meta
	err = w.apps["documents"].AppendRow(
		id32, f.path, f.hash, p.textHash, p.doc.Format, p.doc.Encoding,
		m.Title, m.DocType, m.Province, nullString(m.City), nullString(m.County), m.Level, m.Issuer,
		p.published(), p.year(), nullInt(m.ReviewedYear), nullInt(m.PlanYear),
		int32(p.chars), int32(p.tokens), p.body, w.now,
	)
	if err != nil {
		return false, fmt.Errorf("append document %s: %w", f.path, err)
	}
	for _, field := range sortedKeys(m.Sources) {
		if err := w.apps["metadata_sources"].AppendRow(id32, field, nullString(metaValue(p, field)), m.Sources[field]); err != nil {
			return false, err
		}
	}
	for _, s := range p.sentences {
		if err := w.apps["sentences"].AppendRow(id32, int32(s.No), string(s.Part), int32(s.Start), int32(s.End), s.Text); err != nil {
			return false, err
		}
	}
	for _, term := range sortedKeys(p.terms) {
		if err := w.apps["term_counts"].AppendRow(id32, term, int32(p.terms[term])); err != nil {
			return false, err
		}
	}
	for _, h := range p.hits {
		if err := w.apps["theme_hits"].AppendRow(id32, h.Theme, int32(h.Hits), h.Per10k); err != nil {
			return false, err
		}
	}
	for _, in := range p.indicators {
		s := p.sentences[in.SentenceNo]
		var vmax any
		if in.HasMax && !math.IsNaN(in.ValueMax) {
			vmax = in.ValueMax
		}
		err := w.apps["indicators"].AppendRow(
			int32(w.nextIndicatorID), id32, int32(in.SentenceNo),
			int32(s.Start+in.Start), int32(s.Start+in.End), in.Surface,
			in.Metric, nullString(in.Canonical), in.Measure, in.Value, vmax,
			in.Unit, in.Qualifier, in.Kind, nullInt(in.Year),
		)
		if err != nil {
			return false, fmt.Errorf("append indicator %s: %w", f.path, err)
		}
		w.nextIndicatorID++
	}
	return false, w.apps["files"].AppendRow(f.path, f.hash, "document", id32, nil, w.now)
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
	}
	return ""
}

// issues records this load's warnings and errors.
func (w *writer) issues(ctx context.Context, iss []Issue) error {
	for _, i := range iss {
		if _, err := w.conn.ExecContext(ctx, `DELETE FROM load_issues WHERE path = ?`, i.Path); err != nil {
			return err
		}
	}
	for _, i := range iss {
		if _, err := w.conn.ExecContext(ctx, `INSERT INTO load_issues VALUES (?, ?, ?, ?)`, i.Path, i.Severity, i.Message, w.now); err != nil {
			return err
		}
	}
	return nil
}

// commit flushes the appenders, commits and checkpoints, so that the file
// holds everything without a write-ahead log beside it.
func (w *writer) commit(ctx context.Context) error {
	for _, t := range appendTables {
		if err := w.apps[t].Close(); err != nil {
			return fmt.Errorf("flush %s: %w", t, err)
		}
	}
	w.apps = nil
	if _, err := w.conn.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	w.tx = false
	_, err := w.conn.ExecContext(ctx, "CHECKPOINT")
	return err
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
	for _, a := range w.apps {
		a.Close()
	}
	w.apps = nil
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
