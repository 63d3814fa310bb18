package loader

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/policylens/policylens/loader/extract"
	"github.com/policylens/policylens/loader/meta"
)

// targetKey is what a target and its results share: the place, the
// canonical metric, the measure, the unit and the year.
type targetKey struct {
	province, city, county string
	metric, measure, unit  string
	year                   int
}

// keyOf is the target key of an own indicator of a canonical metric and a
// known year, a target or an achievement; ok is false for any other.
func keyOf(m meta.Metadata, in extract.Indicator) (targetKey, bool) {
	if in.Canonical == "" || in.Year == 0 || in.Scope != "own" || (in.Kind != "target" && in.Kind != "achievement") {
		return targetKey{}, false
	}
	return targetKey{m.Province, m.City, m.County, in.Canonical, in.Measure, in.Unit, in.Year}, true
}

//go:embed sql/UpdateTargets.sql
var updateTargetsSQL string

// touchDocTargets records the target keys of a document about to be
// deleted, before its rows go: its targets and results leave those keys.
func (w *writer) touchDocTargets(ctx context.Context, id int) error {
	rows, err := w.conn.QueryContext(ctx, `SELECT DISTINCT d.province, coalesce(d.city, ''), coalesce(d.county, ''),
		i.canonical_metric, i.measure, i.unit, i.year
		FROM indicators i JOIN documents d ON d.doc_id = i.doc_id
		WHERE i.doc_id = ? AND i.canonical_metric IS NOT NULL AND i.year IS NOT NULL
		  AND i.scope = 'own' AND i.kind IN ('target', 'achievement')`, id)
	if err != nil {
		return fmt.Errorf("target keys of document %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k targetKey
		if err := rows.Scan(&k.province, &k.city, &k.county, &k.metric, &k.measure, &k.unit, &k.year); err != nil {
			return err
		}
		w.targetKeys[k] = true
	}
	return rows.Err()
}

// updateTargets brings target_status and target_candidates up to date
// with the indicators of this load: every key on a fresh database, else
// only the keys the load touched, so that adding one notice to a large
// database recomputes a few targets, not all of them.
func (w *writer) updateTargets(ctx context.Context, fresh bool) error {
	if !fresh && len(w.targetKeys) == 0 {
		return nil
	}
	return updateTargets(ctx, w.conn, fresh, w.targetKeys)
}

// updateTargets recomputes target_status and target_candidates on conn:
// for every key when all is set (a new database, a merge of shards), else
// for the keys given.
func updateTargets(ctx context.Context, conn *sql.Conn, all bool, touched map[targetKey]bool) error {
	if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE touched_target_keys (
		province VARCHAR, city VARCHAR, county VARCHAR, metric VARCHAR, measure VARCHAR, unit VARCHAR, year INTEGER)`); err != nil {
		return fmt.Errorf("targets: %w", err)
	}
	if all {
		if _, err := conn.ExecContext(ctx, `INSERT INTO touched_target_keys
			SELECT DISTINCT d.province, coalesce(d.city, ''), coalesce(d.county, ''), i.canonical_metric, i.measure, i.unit, i.year
			FROM indicators i JOIN documents d ON d.doc_id = i.doc_id
			WHERE i.canonical_metric IS NOT NULL AND i.year IS NOT NULL AND i.scope = 'own' AND i.kind IN ('target', 'achievement')`); err != nil {
			return fmt.Errorf("targets: %w", err)
		}
	} else {
		keys := make([]targetKey, 0, len(touched))
		for k := range touched {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		// A few hundred keys at a time, as one statement each.
		for len(keys) > 0 {
			n := min(len(keys), 200)
			var b strings.Builder
			args := make([]any, 0, n*7)
			b.WriteString("INSERT INTO touched_target_keys VALUES ")
			for i, k := range keys[:n] {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("(?, ?, ?, ?, ?, ?, ?)")
				args = append(args, k.province, k.city, k.county, k.metric, k.measure, k.unit, int32(k.year))
			}
			if _, err := conn.ExecContext(ctx, b.String(), args...); err != nil {
				return fmt.Errorf("targets: %w", err)
			}
			keys = keys[n:]
		}
	}
	if _, err := conn.ExecContext(ctx, updateTargetsSQL); err != nil {
		return fmt.Errorf("targets: %w", err)
	}
	_, err := conn.ExecContext(ctx, `DROP TABLE touched_target_keys`)
	return err
}
