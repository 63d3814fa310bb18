package loader

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/policylens/policylens/loader/schema"
)

// aggKey is the key of the load-time aggregate tables (group_stats,
// term_stats, theme_stats, indicator_stats, figures): the document attributes the filter bar selects
// on. Zero years are unknown (NULL).
type aggKey struct {
	province, level, docType string
	year, reviewed, plan     int
}

// aggTables are the aggregate tables and the statement that fills one of
// them from the documents under the touched keys (touched_docs) and their
// per-document rows. A perDoc table holds rows of single documents (not
// sums): a load that does not rebuild it whole rewrites the rows of the
// documents it wrote or removed only (changed_docs, a subset of
// touched_docs), which read a few row groups of the per-document tables
// instead of every document of the touched keys.
var aggTables = []struct {
	name, fill string
	perDoc     bool
}{
	{name: "group_stats", fill: `
INSERT INTO group_stats
SELECT d.province, any_value(d.province_code), d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year,
       count(*), sum(d.tokens), sum(d.chars), sum(d.sentences), sum(d.indicators)
FROM touched_docs d
GROUP BY d.province, d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year`},
	{name: "term_stats", fill: `
INSERT INTO term_stats
SELECT d.province, any_value(d.province_code), d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year,
       t.term, sum(t.n), count(*)
FROM term_counts t
JOIN touched_docs d ON d.doc_id = t.doc_id
GROUP BY d.province, d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year, t.term`},
	{name: "theme_stats", fill: `
INSERT INTO theme_stats
SELECT d.province, any_value(d.province_code), d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year,
       h.theme, sum(h.hits), count(*)
FROM theme_hits h
JOIN touched_docs d ON d.doc_id = h.doc_id
WHERE h.hits > 0
GROUP BY d.province, d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year, h.theme`},
	// A document counts once per metric: in the first of its rows (ord 1).
	{name: "indicator_stats", fill: `
INSERT INTO indicator_stats
WITH f AS (
    SELECT i.doc_id, coalesce(i.canonical_metric, i.metric) AS metric, i.kind, i.measure, i.unit, i.scope, i.year,
           count(*) AS n, bool_or(i.canonical_metric IS NOT NULL) AS canonical
    FROM indicators i
    SEMI JOIN touched_docs d ON d.doc_id = i.doc_id
    GROUP BY ALL
), o AS (
    SELECT *, row_number() OVER (PARTITION BY doc_id, metric ORDER BY kind, measure, unit, scope, year NULLS FIRST) AS ord
    FROM f
)
SELECT d.province, any_value(d.province_code), d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year,
       o.metric, bool_or(o.canonical), o.kind, o.measure, o.unit, o.scope, o.year,
       sum(o.n), count(*) FILTER (WHERE o.ord = 1)
FROM o
JOIN touched_docs d ON d.doc_id = o.doc_id
GROUP BY d.province, d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year, o.metric, o.kind, o.measure, o.unit, o.scope, o.year`},
	// Sorted by metric, so that one metric's figures share row groups.
	{name: "figures", perDoc: true, fill: `
INSERT INTO figures
SELECT d.province, d.province_code, d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year,
       coalesce(i.canonical_metric, i.metric) AS metric, d.place_code,
       i.indicator_id, i.doc_id, i.sentence_no, i.start_char, i.kind, i.year, i.metric, i.canonical_metric,
       i.measure, i.value, i.value_max, i.unit, i.qualifier, i.surface, i.scope, i.scope_place,
       coalesce(s.text, '')
FROM indicators i
JOIN changed_docs d ON d.doc_id = i.doc_id
LEFT JOIN sentences s ON s.doc_id = i.doc_id AND s.sentence_no = i.sentence_no
ORDER BY metric`},
}

// touchedDocs is the documents under the touched keys, with their key,
// province code and counts, gathered once for the three fills.
var touchedDocs = `CREATE OR REPLACE TEMP TABLE touched_docs AS
SELECT d.doc_id, d.province, c.place_code[1:2] AS province_code, c.place_code, d.level, d.doc_type, d.year, d.reviewed_year, d.plan_year,
       d.tokens, d.chars, coalesce(c.sentences, 0) AS sentences, coalesce(c.indicators, 0) AS indicators
FROM documents d
SEMI JOIN touched_keys k ON ` + keyMatch("d") + `
LEFT JOIN document_counts c ON c.doc_id = d.doc_id`

// keyMatch is the join of alias's key columns with touched_keys k.
func keyMatch(alias string) string {
	return alias + ".province = k.province AND " + alias + ".level = k.level AND " + alias + ".doc_type = k.doc_type" +
		" AND " + alias + ".year IS NOT DISTINCT FROM k.year" +
		" AND " + alias + ".reviewed_year IS NOT DISTINCT FROM k.reviewed_year" +
		" AND " + alias + ".plan_year IS NOT DISTINCT FROM k.plan_year"
}

// A load that touches more than fullRefreshMin aggregate keys and more
// than fullRefreshShare of them rebuilds the aggregates whole rather than
// key by key.
const (
	fullRefreshMin   = 100
	fullRefreshShare = 0.2
)

// touch records that the documents under key change in this load.
func (w *writer) touch(k aggKey) {
	if w.touched == nil {
		w.touched = map[aggKey]bool{}
	}
	w.touched[k] = true
}

// touchDoc records the key of an existing document about to be deleted.
func (w *writer) touchDoc(ctx context.Context, id int) error {
	var k aggKey
	var year, reviewed, plan sql.NullInt64
	err := w.conn.QueryRowContext(ctx,
		`SELECT province, level, doc_type, year, reviewed_year, plan_year FROM documents WHERE doc_id = ?`, id).
		Scan(&k.province, &k.level, &k.docType, &year, &reviewed, &plan)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	k.year, k.reviewed, k.plan = int(year.Int64), int(reviewed.Int64), int(plan.Int64)
	w.touch(k)
	return nil
}

// refreshAggregates recomputes the aggregate tables for the keys this load
// touched (all of them on a fresh database or a large load), inside the
// load's transaction and after the appenders are flushed, so that a reader
// never sees aggregates that disagree with the documents.
func (w *writer) refreshAggregates(ctx context.Context) error {
	var keys int
	if err := w.conn.QueryRowContext(ctx, `SELECT count(*) FROM group_stats`).Scan(&keys); err != nil {
		return err
	}
	full := w.fresh || float64(len(w.touched)) > max(fullRefreshMin, fullRefreshShare*float64(keys))
	if !full && len(w.touched) == 0 {
		return nil
	}
	if full {
		w.touched = nil
	}
	err := fillAggregates(ctx, w.conn, w.touched, w.changedDocs)
	w.touched = nil
	return err
}

// fillAggregates recomputes the aggregate tables on conn, in the caller's
// transaction: for the touched keys, or whole when touched is nil (a fresh
// database, a large load, a merge of shards). changed lists the documents
// written or removed under the touched keys, whose rows of the perDoc
// tables are rewritten.
func fillAggregates(ctx context.Context, conn *sql.Conn, touched map[aggKey]bool, changed map[int]bool) error {
	if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE touched_keys (province VARCHAR, level VARCHAR, doc_type VARCHAR,
		    year INTEGER, reviewed_year INTEGER, plan_year INTEGER)`); err != nil {
		return fmt.Errorf("aggregates: %w", err)
	}
	full := touched == nil
	if full {
		if _, err := conn.ExecContext(ctx, `INSERT INTO touched_keys
			SELECT DISTINCT province, level, doc_type, year, reviewed_year, plan_year FROM documents`); err != nil {
			return fmt.Errorf("aggregates: %w", err)
		}
	}
	for k := range touched {
		if _, err := conn.ExecContext(ctx, `INSERT INTO touched_keys VALUES (?, ?, ?, ?, ?, ?)`,
			k.province, k.level, k.docType, schema.Null(int32(k.year)), schema.Null(int32(k.reviewed)), schema.Null(int32(k.plan))); err != nil {
			return fmt.Errorf("aggregates: %w", err)
		}
	}
	if _, err := conn.ExecContext(ctx, touchedDocs); err != nil {
		return fmt.Errorf("aggregates: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE changed_ids (doc_id INTEGER)`); err != nil {
		return fmt.Errorf("aggregates: %w", err)
	}
	for id := range changed {
		if full {
			break
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO changed_ids VALUES (?)`, id); err != nil {
			return fmt.Errorf("aggregates: %w", err)
		}
	}
	changedDocs := `CREATE OR REPLACE TEMP TABLE changed_docs AS SELECT * FROM touched_docs`
	if !full {
		changedDocs += ` WHERE doc_id IN (SELECT doc_id FROM changed_ids)`
	}
	if _, err := conn.ExecContext(ctx, changedDocs); err != nil {
		return fmt.Errorf("aggregates: %w", err)
	}
	for _, t := range aggTables {
		del := `DELETE FROM ` + t.name
		switch {
		case full:
		case t.perDoc:
			del += ` WHERE doc_id IN (SELECT doc_id FROM changed_ids)`
		default:
			del += ` t USING touched_keys k WHERE ` + keyMatch("t")
		}
		if _, err := conn.ExecContext(ctx, del); err != nil {
			return fmt.Errorf("aggregates: clear %s: %w", t.name, err)
		}
		if _, err := conn.ExecContext(ctx, t.fill); err != nil {
			return fmt.Errorf("aggregates: fill %s: %w", t.name, err)
		}
	}
	_, err := conn.ExecContext(ctx, `DROP TABLE touched_keys; DROP TABLE touched_docs; DROP TABLE changed_ids; DROP TABLE changed_docs`)
	return err
}

// isAggregate reports whether t is filled by fillAggregates rather than
// appended.
func isAggregate(t *schema.Table) bool {
	for _, a := range aggTables {
		if a.name == t.Name {
			return true
		}
	}
	return false
}
