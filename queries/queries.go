package queries

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"
)

//go:embed sql/*.sql
var queryFiles embed.FS

// QueryNames lists the embedded queries by name (the file name without
// .sql), sorted. Tests use it to check that every query is exercised.
func QueryNames() []string {
	names, err := fs.Glob(queryFiles, "sql/*.sql")
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, strings.TrimSuffix(strings.TrimPrefix(n, "sql/"), ".sql"))
	}
	sort.Strings(out)
	return out
}

// QueryText returns the SQL of one embedded query, so that the dashboard can
// show users the statement behind a chart.
func QueryText(name string) (string, error) {
	b, err := queryFiles.ReadFile("sql/" + name + ".sql")
	if err != nil {
		return "", fmt.Errorf("query %s: %w", name, err)
	}
	return string(b), nil
}

// ErrNoDocument is returned by Document when no document has the id.
var ErrNoDocument = errors.New("no such document")

// Filter narrows the documents a query aggregates over. The zero Filter
// selects every compared document (duplicates are always left out). It is
// the dashboard's filter bar and also a "selection" on the terms page.
type Filter struct {
	Provinces []string // full names (山东省); empty means all
	// ExcludeProvinces leaves these provinces out ("the rest" of a
	// comparison of one province against the others).
	ExcludeProvinces []string
	Level            string // province, city, county; empty means all
	DocType          string // 工作会议 ...; empty means all
	YearFrom         int    // first year included; 0 means no lower bound
	YearTo           int    // last year included; 0 means no upper bound
	// Theme keeps the documents with at least one hit of this theme id;
	// empty means all.
	Theme string
	// YearBasis says which year of a notice YearFrom and YearTo select on
	// and which year the rows are grouped by: YearReviewed, YearPlan or
	// YearPublished ("" is YearPublished).
	YearBasis string
}

// Year bases of a Filter: the year a notice reviews (the work it reports
// on), the year it plans (the tasks it sets out) or its comparison year
// (the publication year, else the plan or reviewed year).
const (
	YearReviewed  = "reviewed"
	YearPlan      = "plan"
	YearPublished = "published"
)

// Page is one page of a long result: Limit rows from Offset. The zero Page
// is the first DefaultPageSize rows.
type Page struct {
	Offset, Limit int
}

// DefaultPageSize is the rows of a page when a Page says none, and
// MaxPageSize the most one page may hold, so that no page of the dashboard
// grows with the corpus.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

func (p Page) args() []any {
	limit := p.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	limit = min(limit, MaxPageSize)
	return []any{sql.Named("limit", limit), sql.Named("offset", max(p.Offset, 0))}
}

// IsZero reports whether the filter selects everything.
func (f Filter) IsZero() bool {
	return len(f.Provinces) == 0 && len(f.ExcludeProvinces) == 0 && f.Level == "" && f.DocType == "" && f.YearFrom == 0 && f.YearTo == 0 && f.Theme == "" && (f.YearBasis == "" || f.YearBasis == YearPublished)
}

// args binds the filter to the named parameters every filtered query uses:
// $provinces, $exclude_provinces, $has_theme, $level, $doc_type,
// $year_basis, $year_from, $year_to (the arguments of the table macro
// filtered_documents and its siblings, which hold the predicate).
func (f Filter) args() []any { return f.argsPrefixed("") }

// argsPrefixed binds the filter with a prefix on every parameter name, for
// queries that compare two selections ($a_provinces, $b_provinces ...).
func (f Filter) argsPrefixed(prefix string) []any {
	list := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	return []any{
		sql.Named(prefix+"provinces", list(f.Provinces)),
		sql.Named(prefix+"exclude_provinces", list(f.ExcludeProvinces)),
		sql.Named(prefix+"level", f.Level),
		sql.Named(prefix+"doc_type", f.DocType),
		sql.Named(prefix+"year_from", f.YearFrom),
		sql.Named(prefix+"year_to", f.YearTo),
		sql.Named(prefix+"has_theme", f.Theme),
		sql.Named(prefix+"year_basis", f.YearBasis),
	}
}

// ErrInvalidText marks a query argument that is not valid UTF-8 or holds
// a NUL: DuckDB must never see one (invalid UTF-8 in a bound parameter
// crashes it). The dashboard refuses such input at the edge; this is the
// second line.
var ErrInvalidText = errors.New("text is not valid UTF-8 or contains NUL")

// checkText returns ErrInvalidText for s when DuckDB must not see it.
func checkText(s string) error {
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		return ErrInvalidText
	}
	return nil
}

// checkArgs checks every text argument of a query.
func checkArgs(args []any) error {
	for _, a := range args {
		v := a
		if na, ok := a.(sql.NamedArg); ok {
			v = na.Value
		}
		switch t := v.(type) {
		case string:
			if err := checkText(t); err != nil {
				return err
			}
		case []string:
			for _, s := range t {
				if err := checkText(s); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// selectRows runs the embedded query name with args and scans each row with
// scan into a new T.
func selectRows[T any](ctx context.Context, db *sql.DB, name string, scan func(*sql.Rows, *T) error, args ...any) ([]T, error) {
	text, err := QueryText(name)
	if err != nil {
		return nil, err
	}
	if err := checkArgs(args); err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	rows, err := db.QueryContext(ctx, text, args...)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, fmt.Errorf("query %s: scan: %w", name, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query %s: %w", name, err)
	}
	return out, nil
}

// nullInt turns a nullable integer column into 0 for "unknown".
func nullInt(n sql.NullInt64) int {
	if !n.Valid {
		return 0
	}
	return int(n.Int64)
}

// nullString turns a nullable text column into "" for "none".
func nullString(s sql.NullString) string {
	if !s.Valid {
		return ""
	}
	return s.String
}
