package queries

import (
	"context"
	"database/sql"
	"strconv"
)

// CorpusRow is one province and year of the corpus: how much text the
// comparisons stand on.
type CorpusRow struct {
	Province   string
	Year       int // 0 when the year is unknown
	Documents  int64
	Tokens     int64
	Sentences  int64
	Indicators int64
	Chars      int64
}

// CorpusOverview returns the corpus by province and year for the filtered
// documents; with the zero Filter it equals the view corpus_overview.
func CorpusOverview(ctx context.Context, db *sql.DB, f Filter) ([]CorpusRow, error) {
	return selectRows(ctx, db, "CorpusOverview", func(r *sql.Rows, v *CorpusRow) error {
		var year sql.NullInt64
		err := r.Scan(&v.Province, &year, &v.Documents, &v.Tokens, &v.Sentences, &v.Indicators, &v.Chars)
		v.Year = nullInt(year)
		return err
	}, f.args()...)
}

// Facet is one value a filter field takes (field is province, year,
// level, doc_type or theme), its label (the Chinese label of a theme, else
// the value) and how many compared documents have it.
type Facet struct {
	Field     string
	Value     string
	Label     string
	Documents int64
}

// Facets lists the values of every filter field, for the filter bar and the
// selection menus; the years are those on the year basis (YearReviewed,
// YearPlan, else the comparison year), so that every year offered selects
// some notices.
func Facets(ctx context.Context, db *sql.DB, yearBasis string) ([]Facet, error) {
	return selectRows(ctx, db, "Facets", func(r *sql.Rows, v *Facet) error {
		return r.Scan(&v.Field, &v.Value, &v.Label, &v.Documents)
	}, sql.Named("year_basis", yearBasis))
}

// FacetValues picks the values of one field from Facets' rows, in order.
func FacetValues(facets []Facet, field string) []string {
	var out []string
	for _, f := range facets {
		if f.Field == field {
			out = append(out, f.Value)
		}
	}
	return out
}

// FacetYears picks the years from Facets' rows as integers, ascending.
func FacetYears(facets []Facet) []int {
	var out []int
	for _, v := range FacetValues(facets, "year") {
		if y, err := strconv.Atoi(v); err == nil {
			out = append(out, y)
		}
	}
	return out
}
