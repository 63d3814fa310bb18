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

// KeyTerm is a term that sets selection A apart from selection B:
// occurrences on each side, per 10,000 tokens, Dunning's log-likelihood G2
// (above 3.84 the difference is significant at p < 0.05, above 10.83 at
// p < 0.001) and the log2 ratio of relative frequencies as effect size
// (positive: more frequent in A).
type KeyTerm struct {
	Term             string
	A, B             int64
	APer10k, BPer10k float64
	LL               float64
	LogRatio         float64
}

// Keyness ranks the terms by how strongly their frequency differs between
// selections a and b (province against province, year against year, one
// province against the rest via ExcludeProvinces).
func Keyness(ctx context.Context, db *sql.DB, a, b Filter, limit int) ([]KeyTerm, error) {
	if limit <= 0 {
		limit = 30
	}
	args := append(a.argsPrefixed("a_"), b.argsPrefixed("b_")...)
	args = append(args, sql.Named("limit", limit))
	return selectRows(ctx, db, "Keyness", func(r *sql.Rows, v *KeyTerm) error {
		return r.Scan(&v.Term, &v.A, &v.B, &v.APer10k, &v.BPer10k, &v.LL, &v.LogRatio)
	}, args...)
}

// ConcordanceLine is one sentence that contains a term, with where it is
// and how many sentences matched in all (the same on every line).
type ConcordanceLine struct {
	DocID                  int64
	SentenceNo             int
	Title                  string
	Province, City, County string
	Year                   int
	Text                   string
	Total                  int64
}

// Concordance returns up to limit sentences of the filtered documents that
// contain term, for a keyword-in-context view. An empty term matches
// nothing.
func Concordance(ctx context.Context, db *sql.DB, f Filter, term string, limit int) ([]ConcordanceLine, error) {
	if limit <= 0 {
		limit = 100
	}
	args := append(f.args(), sql.Named("term", term), sql.Named("limit", limit))
	return selectRows(ctx, db, "Concordance", scanConcordance, args...)
}

// PairConcordance returns up to limit sentences of the filtered documents
// that contain both term and also: the sentences behind an edge of the
// co-occurrence network.
func PairConcordance(ctx context.Context, db *sql.DB, f Filter, term, also string, limit int) ([]ConcordanceLine, error) {
	if limit <= 0 {
		limit = 100
	}
	args := append(f.args(), sql.Named("term", term), sql.Named("also", also), sql.Named("limit", limit))
	return selectRows(ctx, db, "PairConcordance", scanConcordance, args...)
}

func scanConcordance(r *sql.Rows, v *ConcordanceLine) error {
	var year sql.NullInt64
	err := r.Scan(&v.DocID, &v.SentenceNo, &v.Title, &v.Province, &v.City, &v.County, &year, &v.Text, &v.Total)
	v.Year = nullInt(year)
	return err
}

// FirstUse is the earliest notice of one province whose text contains a
// term: its date ("" when unknown), year, the first sentence holding the
// term and how many of its sentences do (TermLookup).
type FirstUse struct {
	Province     string
	DocID        int64
	Title        string
	City, County string
	Published    string
	Year         int
	SentenceNo   int
	Sentences    int64
}

// TermUse is one term in one province and year: occurrences, the group's
// tokens, occurrences per 10,000 tokens, and the first publication date of
// a notice of the province using it ("" if none does).
type TermUse struct {
	Province       string
	Year           int
	N              int64
	Tokens         int64
	Per10k         float64
	FirstPublished string
}

// TermUsage returns one term's frequency in every province and year of the
// filtered documents, zeros included.
func TermUsage(ctx context.Context, db *sql.DB, f Filter, term string) ([]TermUse, error) {
	args := append(f.args(), sql.Named("term", term))
	return selectRows(ctx, db, "TermUsage", func(r *sql.Rows, v *TermUse) error {
		var year sql.NullInt64
		err := r.Scan(&v.Province, &year, &v.N, &v.Tokens, &v.Per10k, &v.FirstPublished)
		v.Year = nullInt(year)
		return err
	}, args...)
}

// TermPair is two top terms of a selection and the number of sentences in
// which both occur.
type TermPair struct {
	Source, Target string
	Sentences      int64
}

// CooccurrenceSample is how many documents of a selection, the newest,
// TermCooccurrence reads sentences from: the network's cost stays bounded
// whatever the corpus size.
const CooccurrenceSample = 500

// TermCooccurrence returns the edges strongest pairs among the limit most
// frequent terms of the filtered documents (the terms TopTerms returns with
// the same filter and limit), by sentences shared in the newest
// CooccurrenceSample documents of the selection.
func TermCooccurrence(ctx context.Context, db *sql.DB, f Filter, limit, edges int) ([]TermPair, error) {
	if limit <= 0 {
		limit = 30
	}
	if edges <= 0 {
		edges = 60
	}
	args := append(f.args(), sql.Named("limit", limit), sql.Named("edges", edges), sql.Named("sample", CooccurrenceSample))
	return selectRows(ctx, db, "TermCooccurrence", func(r *sql.Rows, v *TermPair) error {
		return r.Scan(&v.Source, &v.Target, &v.Sentences)
	}, args...)
}

// TermLookup returns what the terms page shows of one term from one scan
// of the sentences: per province the first filtered notice containing it
// (earliest province first; a notice without a date counts as the end of
// its year), its limit newest sentences in context (as
// Concordance, Total set on each) and how many sentences contain it.
func TermLookup(ctx context.Context, db *sql.DB, f Filter, term string, limit int) ([]FirstUse, []ConcordanceLine, int64, error) {
	if limit <= 0 {
		limit = 100
	}
	type row struct {
		part  string
		first FirstUse
		line  ConcordanceLine
		n     int64
	}
	rows, err := selectRows(ctx, db, "TermLookup", func(r *sql.Rows, v *row) error {
		var ord int64
		var docID, sentenceNo, year, n sql.NullInt64
		var title, city, county, published, text sql.NullString
		var province string
		err := r.Scan(&v.part, &ord, &docID, &sentenceNo, &title, &province, &city, &county, &published, &year, &text, &n)
		switch v.part {
		case "first":
			v.first = FirstUse{Province: province, DocID: docID.Int64, Title: nullString(title), City: nullString(city),
				County: nullString(county), Published: nullString(published), Year: nullInt(year),
				SentenceNo: nullInt(sentenceNo), Sentences: n.Int64}
		case "line":
			v.line = ConcordanceLine{DocID: docID.Int64, SentenceNo: nullInt(sentenceNo), Title: nullString(title),
				Province: province, City: nullString(city), County: nullString(county), Year: nullInt(year), Text: nullString(text)}
		}
		v.n = n.Int64
		return err
	}, append(f.args(), sql.Named("term", term), sql.Named("limit", limit))...)
	if err != nil {
		return nil, nil, 0, err
	}
	var first []FirstUse
	var lines []ConcordanceLine
	var total int64
	for _, r := range rows {
		switch r.part {
		case "first":
			first = append(first, r.first)
		case "line":
			lines = append(lines, r.line)
		case "total":
			total = r.n
		}
	}
	for i := range lines {
		lines[i].Total = total
	}
	return first, lines, total, nil
}
