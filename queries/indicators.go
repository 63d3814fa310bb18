package queries

import (
	"context"
	"database/sql"
	"math"
)

// MetricRow is one metric that indicators report: the canonical name when
// the catalogue knows it (Canonical), else the phrase from the sentence.
type MetricRow struct {
	Metric       string
	Canonical    bool
	Unit         string
	Indicators   int64
	Achievements int64
	Targets      int64
	Provinces    int64
	Documents    int64
}

// IndicatorMetrics lists the limit metrics of the filtered documents'
// indicators that line up across the most provinces (all of them when
// limit <= 0); with the zero Filter it equals the view indicator_metrics.
func IndicatorMetrics(ctx context.Context, db *sql.DB, f Filter, limit int) ([]MetricRow, error) {
	if limit <= 0 {
		limit = math.MaxInt32
	}
	return selectRows(ctx, db, "IndicatorMetrics", func(r *sql.Rows, v *MetricRow) error {
		var unit sql.NullString
		err := r.Scan(&v.Metric, &v.Canonical, &unit, &v.Indicators, &v.Achievements, &v.Targets, &v.Provinces, &v.Documents)
		v.Unit = nullString(unit)
		return err
	}, append(f.args(), sql.Named("limit", limit))...)
}

// IndicatorPoint is one indicator of a metric with where it was read: the
// document, the sentence and its text.
type IndicatorPoint struct {
	IndicatorID     int64
	DocID           int64
	SentenceNo      int
	File            string
	Title           string
	Province        string
	City            string
	County          string
	Level           string
	DocYear         int // the document's year on the filter's basis, 0 when unknown
	Kind            string
	Year            int // the year the figure refers to, 0 when unknown
	Metric          string
	CanonicalMetric string
	Measure         string
	Value           float64
	ValueMax        *float64 // upper end of a range, nil otherwise
	Unit            string
	Qualifier       string
	Surface         string
	Sentence        string
	// Scope is own, national or other (ScopePlace names the other place):
	// comparisons across provinces use own figures only.
	Scope, ScopePlace string
}

// IndicatorSelect narrows the figures of one metric by their own fields,
// as the facets of the indicators table do ("" and 0 select all).
type IndicatorSelect struct {
	Kind    string // achievement, target, other
	Measure string // total, increment, rate, growth, rank, count
	Unit    string
	Scope   string // own, national, other
	Year    int    // the year a figure refers to
}

func (s IndicatorSelect) args() []any {
	return []any{sql.Named("kind", s.Kind), sql.Named("measure", s.Measure), sql.Named("unit", s.Unit),
		sql.Named("scope", s.Scope), sql.Named("fyear", s.Year)}
}

// IndicatorSeries returns one page of the indicators of one metric (a
// canonical name, or a phrase when the metric has no catalogue entry) in
// the filtered documents, narrowed by sel, and how many there are in all.
func IndicatorSeries(ctx context.Context, db *sql.DB, f Filter, metric string, sel IndicatorSelect, pg Page) ([]IndicatorPoint, int64, error) {
	args := append(f.args(), sql.Named("metric", metric))
	args = append(args, sel.args()...)
	var total int64
	rows, err := selectRows(ctx, db, "IndicatorSeries", func(r *sql.Rows, v *IndicatorPoint) error {
		var city, county, canonical sql.NullString
		var docYear, year sql.NullInt64
		var max sql.NullFloat64
		err := r.Scan(&v.IndicatorID, &v.DocID, &v.SentenceNo, &v.File, &v.Title,
			&v.Province, &city, &county, &v.Level, &docYear,
			&v.Kind, &year, &v.Metric, &canonical, &v.Measure,
			&v.Value, &max, &v.Unit, &v.Qualifier, &v.Surface, &v.Sentence, &total, &v.Scope, &v.ScopePlace)
		v.City, v.County, v.CanonicalMetric = nullString(city), nullString(county), nullString(canonical)
		v.DocYear, v.Year = nullInt(docYear), nullInt(year)
		if max.Valid {
			v.ValueMax = &max.Float64
		}
		return err
	}, append(args, pg.args()...)...)
	return rows, total, err
}

// IndicatorFacets counts the figures of one metric in the filtered
// documents, narrowed by sel, by each field the table can be narrowed by
// (province, level, doc_type, kind, measure, unit, year, scope): the
// perField most frequent values of each, provinces in administrative
// order, years in order. FacetCount.Documents holds the figures.
func IndicatorFacets(ctx context.Context, db *sql.DB, f Filter, metric string, sel IndicatorSelect, perField int) ([]FacetCount, error) {
	if perField <= 0 {
		perField = 10
	}
	args := append(f.args(), sql.Named("metric", metric), sql.Named("per_field", perField))
	return selectRows(ctx, db, "IndicatorFacets", func(r *sql.Rows, v *FacetCount) error {
		return r.Scan(&v.Field, &v.Value, &v.Documents, &v.Values)
	}, append(args, sel.args()...)...)
}

// TargetResult is a target beside the result chosen for it among those
// reported for the same place, scope, metric, year, measure and unit;
// Result and Completion are nil when none was reported (yet).
type TargetResult struct {
	Province, City, County string
	Metric                 string
	Year                   int
	Measure                string
	Unit                   string
	Target                 float64
	TargetMax              *float64
	TargetQualifier        string
	TargetSurface          string
	TargetDocID            int64
	TargetSentenceNo       int
	Result                 *float64
	ResultSurface          string
	ResultDocID            int64 // 0 without a result
	ResultSentenceNo       int
	Completion             *float64 // Result / Target
	TargetID               int64
	// Status is met, not_met, unreported or ambiguous; Reason says why the
	// result was chosen (latest_result, only_result, met_statement,
	// conflicting_results, no_result); Candidates counts the results and
	// statements that may answer the target.
	Status, Reason string
	Candidates     int
}

// TargetResults returns one page of the targets of one metric ("" for all)
// in the filtered documents beside their results (view
// targets_vs_results): one row per target, with the latest result reported
// for its year; and how many targets there are in all. The year range
// applies to the year the target is for.
func TargetResults(ctx context.Context, db *sql.DB, f Filter, metric string, pg Page) ([]TargetResult, int64, error) {
	args := append(f.args(), sql.Named("metric", metric))
	var total int64
	rows, err := selectRows(ctx, db, "TargetResults", func(r *sql.Rows, v *TargetResult) error {
		var year, resDoc, resSent sql.NullInt64
		var tmax, res, compl sql.NullFloat64
		err := r.Scan(&v.Province, &v.City, &v.County, &v.Metric, &year, &v.Measure, &v.Unit,
			&v.Target, &tmax, &v.TargetQualifier, &v.TargetSurface, &v.TargetDocID, &v.TargetSentenceNo,
			&res, &v.ResultSurface, &resDoc, &resSent, &compl, &v.TargetID, &v.Status, &v.Reason, &v.Candidates, &total)
		v.Year, v.ResultDocID, v.ResultSentenceNo = nullInt(year), int64(nullInt(resDoc)), nullInt(resSent)
		if tmax.Valid {
			v.TargetMax = &tmax.Float64
		}
		if res.Valid {
			v.Result = &res.Float64
		}
		if compl.Valid {
			v.Completion = &compl.Float64
		}
		return err
	}, append(args, pg.args()...)...)
	return rows, total, err
}

// RollupRow is one cell of a metric rolled up by place level, province,
// year (of the figure), kind, measure and unit: how many figures, their
// median, minimum and maximum, and the figure nearest the median (DocID,
// SentenceNo, Surface) that a chart mark links to.
type RollupRow struct {
	Level, Province  string
	Year             int // 0 when unknown
	Kind, Measure    string
	Unit             string
	N                int64
	Median, Min, Max float64
	DocID            int64
	SentenceNo       int
	Surface          string
}

// IndicatorRollup rolls up one metric of the filtered documents, of one
// measure ("" for every measure; see RollupRow): what a chart of the metric
// draws, whatever the corpus size.
func IndicatorRollup(ctx context.Context, db *sql.DB, f Filter, metric, measure string) ([]RollupRow, error) {
	return selectRows(ctx, db, "IndicatorRollup", func(r *sql.Rows, v *RollupRow) error {
		var year sql.NullInt64
		err := r.Scan(&v.Level, &v.Province, &year, &v.Kind, &v.Measure, &v.Unit, &v.N, &v.Median, &v.Min, &v.Max,
			&v.DocID, &v.SentenceNo, &v.Surface)
		v.Year = nullInt(year)
		return err
	}, append(f.args(), sql.Named("metric", metric), sql.Named("measure", measure))...)
}

// TargetCandidate is one result (or statement that the target was met)
// that may answer a target, and whether it was the one chosen.
type TargetCandidate struct {
	TargetID         int64
	Evidence         string // result or met_statement
	Chosen           bool
	ResultDocID      int64
	ResultSentenceNo int
	ResultValue      float64
	ResultSurface    string
	ResultPublished  string // YYYY-MM-DD, "" when unknown
}

// TargetCandidates returns the candidates of the given targets (at most
// ten each, the chosen one first). metric is the targets' metric, or ""
// when they are of several; with one, their results are looked up among
// that metric's figures only.
func TargetCandidates(ctx context.Context, db *sql.DB, targets []int64, metric string) ([]TargetCandidate, error) {
	if len(targets) == 0 {
		return nil, nil
	}
	ids := make([]int32, len(targets))
	for i, t := range targets {
		ids[i] = int32(t)
	}
	return selectRows(ctx, db, "TargetCandidates", func(r *sql.Rows, v *TargetCandidate) error {
		return r.Scan(&v.TargetID, &v.Evidence, &v.Chosen, &v.ResultDocID, &v.ResultSentenceNo, &v.ResultValue,
			&v.ResultSurface, &v.ResultPublished)
	}, sql.Named("targets", ids), sql.Named("metric", metric))
}
