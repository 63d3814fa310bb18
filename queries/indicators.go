package queries

import (
	"context"
	"database/sql"
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

// IndicatorMetrics lists the metrics of the filtered documents' indicators,
// those that line up across the most provinces first; with the zero Filter
// it equals the view indicator_metrics.
func IndicatorMetrics(ctx context.Context, db *sql.DB, f Filter) ([]MetricRow, error) {
	return selectRows(ctx, db, "IndicatorMetrics", func(r *sql.Rows, v *MetricRow) error {
		var unit sql.NullString
		err := r.Scan(&v.Metric, &v.Canonical, &unit, &v.Indicators, &v.Achievements, &v.Targets, &v.Provinces, &v.Documents)
		v.Unit = nullString(unit)
		return err
	}, f.args()...)
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
	DocYear         int // the document's comparison year, 0 when unknown
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
}

// IndicatorSeries returns every indicator of one metric (a canonical name,
// or a phrase when the metric has no catalogue entry) in the filtered
// documents.
func IndicatorSeries(ctx context.Context, db *sql.DB, f Filter, metric string) ([]IndicatorPoint, error) {
	args := append(f.args(), sql.Named("metric", metric))
	return selectRows(ctx, db, "IndicatorSeries", func(r *sql.Rows, v *IndicatorPoint) error {
		var city, county, canonical sql.NullString
		var docYear, year sql.NullInt64
		var max sql.NullFloat64
		err := r.Scan(&v.IndicatorID, &v.DocID, &v.SentenceNo, &v.File, &v.Title,
			&v.Province, &city, &county, &v.Level, &docYear,
			&v.Kind, &year, &v.Metric, &canonical, &v.Measure,
			&v.Value, &max, &v.Unit, &v.Qualifier, &v.Surface, &v.Sentence)
		v.City, v.County, v.CanonicalMetric = nullString(city), nullString(county), nullString(canonical)
		v.DocYear, v.Year = nullInt(docYear), nullInt(year)
		if max.Valid {
			v.ValueMax = &max.Float64
		}
		return err
	}, args...)
}
