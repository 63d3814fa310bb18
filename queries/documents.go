package queries

import (
	"context"
	"database/sql"
	"fmt"
)

// DocumentRow is one compared document in the list: metadata and counts.
type DocumentRow struct {
	DocID        int64
	File         string
	Title        string
	DocType      string
	Province     string
	City         string
	County       string
	Level        string
	Issuer       string
	Published    string // YYYY-MM-DD, "" when unknown
	Year         int    // 0 when unknown, as the other years
	ReviewedYear int
	PlanYear     int
	Chars        int64
	Tokens       int64
	Sentences    int64
	Indicators   int64
	Achievements int64
	Targets      int64
}

// DocList narrows and orders the document list beyond the filter bar.
type DocList struct {
	Text     string // in the title, file, issuer or body
	Place    string // a city or county
	Issuer   string
	Reviewed int    // reviewed year, 0 for any
	Plan     int    // plan year, 0 for any
	PubFrom  string // YYYY-MM-DD or ""
	PubTo    string
	// Sort is a column of the list (DocSortKeys); "" is newest first.
	Sort string
	Desc bool
	Page Page
}

// DocSortKeys are the columns the document list sorts by on the server.
var DocSortKeys = []string{"title", "province", "place", "level", "type", "issuer", "published",
	"file", "year", "basis_year", "reviewed", "plan", "chars", "tokens", "sentences", "indicators"}

// args binds the list's own fields ($q, $place, $issuer, $reviewed, $plan,
// $pub_from, $pub_to), the arguments of the table macro listed_documents.
func (l DocList) args() []any {
	return []any{sql.Named("q", l.Text), sql.Named("place", l.Place), sql.Named("issuer", l.Issuer),
		sql.Named("reviewed", l.Reviewed), sql.Named("plan", l.Plan),
		sql.Named("pub_from", l.PubFrom), sql.Named("pub_to", l.PubTo)}
}

// FacetCount is one value of a metadata field among the listed documents
// and how many have it; Values is the number of distinct values the field
// takes (more than the rows returned when a field has many).
type FacetCount struct {
	Field     string // province, place, level, doc_type, issuer, year, reviewed_year, plan_year
	Value     string
	Documents int64
	Values    int64
}

// DocumentFacets counts the documents of the list (the filter bar and the
// list's own fields of l; its sort and page aside) by each metadata field:
// the perField most frequent values of each, places in administrative
// order.
func DocumentFacets(ctx context.Context, db *sql.DB, f Filter, l DocList, perField int) ([]FacetCount, error) {
	if perField <= 0 {
		perField = 10
	}
	args := append(f.args(), l.args()...)
	return selectRows(ctx, db, "DocumentFacets", func(r *sql.Rows, v *FacetCount) error {
		return r.Scan(&v.Field, &v.Value, &v.Documents, &v.Values)
	}, append(args, sql.Named("per_field", perField))...)
}

// Documents returns one page of the filtered documents, narrowed and
// sorted as l says, and how many documents there are on every page.
func Documents(ctx context.Context, db *sql.DB, f Filter, l DocList) ([]DocumentRow, int64, error) {
	args := append(f.args(), l.args()...)
	args = append(args, sql.Named("sort", l.Sort), sql.Named("desc", l.Desc))
	args = append(args, l.Page.args()...)
	var total int64
	rows, err := selectRows(ctx, db, "Documents", func(r *sql.Rows, v *DocumentRow) error {
		var year, reviewed, plan sql.NullInt64
		err := r.Scan(&v.DocID, &v.File, &v.Title, &v.DocType, &v.Province, &v.City, &v.County,
			&v.Level, &v.Issuer, &v.Published, &year, &reviewed, &plan,
			&v.Chars, &v.Tokens, &v.Sentences, &v.Indicators, &v.Achievements, &v.Targets, &total)
		v.Year, v.ReviewedYear, v.PlanYear = nullInt(year), nullInt(reviewed), nullInt(plan)
		return err
	}, args...)
	return rows, total, err
}

// Document is one notice with its metadata and cleaned body, which the
// character offsets of sentences and indicators refer to.
type Document struct {
	DocID        int64
	File         string
	Title        string
	DocType      string
	Province     string
	City         string
	County       string
	Level        string
	Issuer       string
	Published    string
	Year         int
	ReviewedYear int
	PlanYear     int
	Chars        int64
	Tokens       int64
	Format       string
	Encoding     string
	ContentHash  string
	Body         string
	URL          string // the page's address ("" when none): shown as text, never fetched
}

// GetDocument returns one document by id, or ErrNoDocument.
func GetDocument(ctx context.Context, db *sql.DB, id int64) (Document, error) {
	docs, err := selectRows(ctx, db, "GetDocument", func(r *sql.Rows, v *Document) error {
		var year, reviewed, plan sql.NullInt64
		err := r.Scan(&v.DocID, &v.File, &v.Title, &v.DocType, &v.Province, &v.City, &v.County,
			&v.Level, &v.Issuer, &v.Published, &year, &reviewed, &plan,
			&v.Chars, &v.Tokens, &v.Format, &v.Encoding, &v.ContentHash, &v.Body, &v.URL)
		v.Year, v.ReviewedYear, v.PlanYear = nullInt(year), nullInt(reviewed), nullInt(plan)
		return err
	}, sql.Named("id", id))
	if err != nil {
		return Document{}, err
	}
	if len(docs) == 0 {
		return Document{}, fmt.Errorf("document %d: %w", id, ErrNoDocument)
	}
	return docs[0], nil
}

// DocIndicator is one indicator of a document with its span in the body.
type DocIndicator struct {
	IndicatorID     int64
	SentenceNo      int
	Start, End      int // rune offsets in Document.Body, end exclusive
	Surface         string
	Metric          string
	CanonicalMetric string
	Measure         string
	Value           float64
	ValueMax        *float64
	Unit            string
	Qualifier       string
	Kind            string
	Year            int
}

// DocumentIndicators returns the indicators of one document in text order.
func DocumentIndicators(ctx context.Context, db *sql.DB, id int64) ([]DocIndicator, error) {
	return selectRows(ctx, db, "DocumentIndicators", func(r *sql.Rows, v *DocIndicator) error {
		var canonical sql.NullString
		var year sql.NullInt64
		var max sql.NullFloat64
		err := r.Scan(&v.IndicatorID, &v.SentenceNo, &v.Start, &v.End, &v.Surface,
			&v.Metric, &canonical, &v.Measure, &v.Value, &max,
			&v.Unit, &v.Qualifier, &v.Kind, &year)
		v.CanonicalMetric, v.Year = nullString(canonical), nullInt(year)
		if max.Valid {
			v.ValueMax = &max.Float64
		}
		return err
	}, sql.Named("id", id))
}

// Sentence is one sentence of a document and the part it sits in (review,
// plan, other).
type Sentence struct {
	No         int
	Part       string
	Start, End int
	Text       string
}

// DocumentSentences returns the sentences of one document in order.
func DocumentSentences(ctx context.Context, db *sql.DB, id int64) ([]Sentence, error) {
	return selectRows(ctx, db, "DocumentSentences", func(r *sql.Rows, v *Sentence) error {
		return r.Scan(&v.No, &v.Part, &v.Start, &v.End, &v.Text)
	}, sql.Named("id", id))
}

// MetadataSource says where one inferred metadata field came from.
type MetadataSource struct {
	Field  string
	Value  string
	Source string
}

// DocumentSources returns the provenance of one document's metadata.
func DocumentSources(ctx context.Context, db *sql.DB, id int64) ([]MetadataSource, error) {
	return selectRows(ctx, db, "DocumentSources", func(r *sql.Rows, v *MetadataSource) error {
		return r.Scan(&v.Field, &v.Value, &v.Source)
	}, sql.Named("id", id))
}

// DocumentCopy is a file recorded as a copy of a document.
type DocumentCopy struct {
	Path       string
	Similarity float64 // 1 for exact copies
	Method     string  // exact or near
}

// DocumentCopies lists the files recorded as copies of document id, which
// were not loaded as documents of their own.
func DocumentCopies(ctx context.Context, db *sql.DB, id int64) ([]DocumentCopy, error) {
	return selectRows(ctx, db, "DocumentCopies", func(r *sql.Rows, v *DocumentCopy) error {
		return r.Scan(&v.Path, &v.Similarity, &v.Method)
	}, sql.Named("id", id))
}

// DocTheme is one theme a document mentions.
type DocTheme struct {
	Theme  string
	Label  string
	Order  int
	Hits   int64
	Per10k float64
}

// DocumentThemes returns the themes one document mentions, strongest first.
func DocumentThemes(ctx context.Context, db *sql.DB, id int64) ([]DocTheme, error) {
	return selectRows(ctx, db, "DocumentThemes", func(r *sql.Rows, v *DocTheme) error {
		return r.Scan(&v.Theme, &v.Label, &v.Order, &v.Hits, &v.Per10k)
	}, sql.Named("id", id))
}
