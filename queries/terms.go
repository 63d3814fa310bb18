package queries

import (
	"context"
	"database/sql"
)

// TermRow is one term of a selection: occurrences, documents using it and
// occurrences per 10,000 tokens of the selection.
type TermRow struct {
	Term      string
	N         int64
	Documents int64
	Per10k    float64
}

// TopTerms returns the limit most frequent terms of the documents the
// filter selects (a province, a year, or any other selection).
func TopTerms(ctx context.Context, db *sql.DB, sel Filter, limit int) ([]TermRow, error) {
	if limit <= 0 {
		limit = 30
	}
	args := append(sel.args(), sql.Named("limit", limit))
	return selectRows(ctx, db, "TopTerms", func(r *sql.Rows, v *TermRow) error {
		return r.Scan(&v.Term, &v.N, &v.Documents, &v.Per10k)
	}, args...)
}
