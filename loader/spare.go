package loader

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"

	"github.com/policylens/policylens/loader/dbfile"
	"github.com/policylens/policylens/loader/schema"
)

// How a load got the file it writes on.
const (
	baseNew   = "new"   // a rebuild: an empty file
	baseSpare = "spare" // the spare file, brought up to date from the live one
	baseCopy  = "copy"  // a copy of the live file
)

// spareRefreshDocs is the number of documents a load may change and still
// leave the file it replaced as the next load's spare; a larger load copies
// its result to the spare instead, once, so that the next small load does
// not have to replay it.
const spareRefreshDocs = 2000

// prepareBase readies tmp for an incremental load of the live database:
// the spare (the file the last load replaced) brought up to date, where it
// can be, else a copy of the live file. It reports which.
func prepareBase(ctx context.Context, live, tmp string, st *dbState, allowSpare bool) (string, error) {
	if allowSpare {
		if err := os.Rename(dbfile.Spare(live), tmp); err == nil {
			ok, err := catchUp(ctx, tmp, live, st)
			if ok && err == nil {
				return baseSpare, nil
			}
			dbfile.Remove(tmp)
		}
	}
	if err := dbfile.Copy(live, tmp); err != nil {
		return "", fmt.Errorf("copy %s: %w", live, err)
	}
	return baseCopy, nil
}

// catchUp brings the database at tmp (an older version of live) up to date
// from live's changes table. It reports false when it cannot: tmp is not
// the version live was made from, or another process has it open.
func catchUp(ctx context.Context, tmp, live string, st *dbState) (bool, error) {
	db, err := sql.Open("duckdb", tmp+"?memory_limit="+writerMemory)
	if err != nil {
		return false, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return false, err // for one, another process still reads it
	}
	defer conn.Close()
	v, err := schema.InstalledVersion(ctx, db)
	if err != nil || v != schema.Version {
		return false, err
	}
	var id string
	if err := conn.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'load_id'`).Scan(&id); err != nil {
		return false, nil
	}
	if id == st.loadID {
		return true, nil
	}
	if st.baseLoadID == "" || id != st.baseLoadID {
		return false, nil
	}
	if _, err := conn.ExecContext(ctx, "ATTACH "+sqlString(live)+" AS live (READ_ONLY)"); err != nil {
		return false, err
	}
	defer conn.ExecContext(context.Background(), "DETACH live")
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return false, err
	}
	// The keys of the aggregates and of the targets the last load
	// recomputed: those of the documents it changed, as this file has them
	// (before) and as live has them (after). Taken before the documents
	// are caught up.
	for _, q := range catchUpKeys {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			conn.ExecContext(context.Background(), "ROLLBACK")
			return false, fmt.Errorf("catch up: %w", err)
		}
	}
	for _, t := range schema.Tables {
		where := catchUpCondition(t)
		for _, q := range []string{
			"DELETE FROM main." + t.Name + " WHERE " + where,
			"INSERT INTO main." + t.Name + " SELECT * FROM live." + t.Name + " WHERE " + where,
		} {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				conn.ExecContext(context.Background(), "ROLLBACK")
				return false, fmt.Errorf("catch up %s: %w", t.Name, err)
			}
		}
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return false, err
	}
	if err := conn.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'load_id'`).Scan(&id); err != nil || id != st.loadID {
		return false, err
	}
	_, err = conn.ExecContext(ctx, "CHECKPOINT")
	return err == nil, err
}

// changedDocs selects the documents the last load changed.
const changedDocs = "doc_id IN (SELECT doc_id FROM live.changes WHERE doc_id IS NOT NULL)"

// catchUpKeys fill catchup_agg_keys and catchup_target_keys with the keys
// the last load touched: an aggregate or a target of any other key is the
// same in both files, however it was computed.
var catchUpKeys = []string{
	`CREATE OR REPLACE TEMP TABLE catchup_agg_keys AS
	SELECT province, level, doc_type, year, reviewed_year, plan_year FROM main.documents WHERE ` + changedDocs + `
	UNION
	SELECT province, level, doc_type, year, reviewed_year, plan_year FROM live.documents WHERE ` + changedDocs,
	`CREATE OR REPLACE TEMP TABLE catchup_target_keys AS
	` + targetKeysOf("main") + `
	UNION
	` + targetKeysOf("live"),
}

// targetKeysOf selects the target keys of the changed documents' indicators
// in database db (as touchDocTargets and keyOf define them).
func targetKeysOf(db string) string {
	return `SELECT d.province, coalesce(d.city, '') AS city, coalesce(d.county, '') AS county,
	       i.canonical_metric AS metric, i.measure, i.unit, i.year
	FROM ` + db + `.indicators i JOIN ` + db + `.documents d ON d.doc_id = i.doc_id
	WHERE i.` + changedDocs + ` AND i.canonical_metric IS NOT NULL AND i.year IS NOT NULL
	  AND i.scope = 'own' AND i.kind IN ('target', 'achievement')`
}

// targetKeyMatch is the join of alias's target key columns with
// catchup_target_keys k.
func targetKeyMatch(alias string) string {
	return alias + ".province = k.province AND " + alias + ".city = k.city AND " + alias + ".county = k.county AND " +
		alias + ".metric = k.metric AND " + alias + ".measure = k.measure AND " + alias + ".unit = k.unit AND " + alias + ".year = k.year"
}

// catchUpCondition selects the rows of t that the last load may have
// changed: by document, by file, by aggregate or target key, or (for small
// tables keyed by none of these) all. Its columns are unqualified or
// qualified by the table's name.
func catchUpCondition(t *schema.Table) string {
	const docs = changedDocs
	const paths = "path IN (SELECT path FROM live.changes WHERE path IS NOT NULL)"
	switch {
	case isAggregate(t):
		return "EXISTS (SELECT 1 FROM catchup_agg_keys k WHERE " + keyMatch(t.Name) + ")"
	case t == schema.TargetStatuses.Table || t == schema.TargetCandidates.Table:
		return "EXISTS (SELECT 1 FROM catchup_target_keys k WHERE " + targetKeyMatch(t.Name) + ")"
	case t.PerDocument:
		return docs
	case t.PerPath && t.Column("doc_id") != nil:
		return "(" + paths + " OR " + docs + ")"
	case t.PerPath:
		return paths
	}
	return "true"
}

// refreshSpare copies the live file to the spare.
func refreshSpare(live string) error {
	tmp := dbfile.Spare(live) + ".tmp-" + fmt.Sprint(os.Getpid())
	if err := dbfile.Copy(live, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, dbfile.Spare(live))
}

// sqlString quotes s as an SQL string literal (ATTACH takes no parameters).
func sqlString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
