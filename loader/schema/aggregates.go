package schema

import "database/sql"

// Place is one administrative division from the gazetteer.
type Place struct {
	Code       string           `db:"code" doc:"statistical division code: 37, 3716, 371625"`
	Name       string           `db:"name" doc:"full name of the unit: 博兴县"`
	Level      string           `db:"level" doc:"province, city, county"`
	ParentCode sql.Null[string] `db:"parent_code" doc:"the unit directly above; NULL for provinces"`
	Province   string           `db:"province" doc:"the names a document of this unit carries (documents.province, city, county)"`
	City       sql.Null[string] `db:"city"`
	County     sql.Null[string] `db:"county"`
}

// Places holds China's administrative divisions (loader/gazetteer),
// rewritten by every load. Every list of places follows the order of code,
// the administrative order analysts know (北京市 11 … 新疆维吾尔自治区 65; a
// province's code is a prefix of its prefectures' and counties').
var Places = Declare[Place](Spec{Name: "places",
	Comment: "Administrative divisions from the gazetteer; lists of places order by code."})

// DocumentCount is what the pages need of a notice beyond its metadata,
// counted when it is loaded.
type DocumentCount struct {
	DocID        int32            `db:"doc_id"`
	PlaceCode    sql.Null[string] `db:"place_code" doc:"places.code of its county, else city, else province; NULL when unknown"`
	Sentences    int32            `db:"sentences"`
	Indicators   int32            `db:"indicators"`
	Achievements int32            `db:"achievements"`
	Targets      int32            `db:"targets"`
}

// DocumentCounts holds per-document counts and the division each notice
// was placed in, written with the document, so that no page counts
// sentences or indicators at query time.
var DocumentCounts = Declare[DocumentCount](Spec{Name: "document_counts", PerDocument: true,
	Comment: "Per-document sentence and indicator counts and the division code of its place."})

// The load-time aggregates below are keyed by the document attributes the
// filter bar selects on (province, level, doc_type and the three years; a
// NULL year is unknown). The loader fills them with SQL from the
// per-document tables and recomputes only the keys a load touched
// (loader/aggregates.go), so a page sums thousands of rows, not millions,
// and adding one notice rewrites a few hundred rows.

// GroupStat is the documents of one aggregate key and their size.
type GroupStat struct {
	Province     string           `db:"province"`
	ProvinceCode sql.Null[string] `db:"province_code" doc:"places.code of the province, for the administrative order"`
	Level        string           `db:"level"`
	DocType      string           `db:"doc_type"`
	Year         sql.Null[int32]  `db:"year"`
	ReviewedYear sql.Null[int32]  `db:"reviewed_year"`
	PlanYear     sql.Null[int32]  `db:"plan_year"`
	Documents    int32            `db:"documents"`
	Tokens       int64            `db:"tokens"`
	Chars        int64            `db:"chars"`
	Sentences    int64            `db:"sentences"`
	Indicators   int64            `db:"indicators"`
}

// GroupStats holds the documents per aggregate key.
var GroupStats = Declare[GroupStat](Spec{Name: "group_stats",
	Comment: "Load-time aggregate: documents, tokens, chars, sentences, indicators per filter key."})

// TermStat is one term's occurrences under one aggregate key.
type TermStat struct {
	Province     string           `db:"province"`
	ProvinceCode sql.Null[string] `db:"province_code"`
	Level        string           `db:"level"`
	DocType      string           `db:"doc_type"`
	Year         sql.Null[int32]  `db:"year"`
	ReviewedYear sql.Null[int32]  `db:"reviewed_year"`
	PlanYear     sql.Null[int32]  `db:"plan_year"`
	Term         string           `db:"term"`
	N            int64            `db:"n" doc:"occurrences"`
	Documents    int32            `db:"documents" doc:"documents using the term"`
}

// TermStats holds term occurrences per aggregate key.
var TermStats = Declare[TermStat](Spec{Name: "term_stats",
	Comment: "Load-time aggregate: term occurrences and documents per filter key."})

// ThemeStat is one theme's hits under one aggregate key.
type ThemeStat struct {
	Province     string           `db:"province"`
	ProvinceCode sql.Null[string] `db:"province_code"`
	Level        string           `db:"level"`
	DocType      string           `db:"doc_type"`
	Year         sql.Null[int32]  `db:"year"`
	ReviewedYear sql.Null[int32]  `db:"reviewed_year"`
	PlanYear     sql.Null[int32]  `db:"plan_year"`
	Theme        string           `db:"theme"`
	Hits         int64            `db:"hits" doc:"keyword occurrences"`
	Documents    int32            `db:"documents" doc:"documents with a hit"`
}

// ThemeStats holds theme hits per aggregate key.
var ThemeStats = Declare[ThemeStat](Spec{Name: "theme_stats",
	Comment: "Load-time aggregate: theme hits and documents with a hit per filter key."})

// IndicatorStat is the figures of one metric under one aggregate key,
// counted by the figures' own fields (kind, measure, unit, scope, year):
// what the metric list and the indicators table's facets sum, instead of
// reading every figure.
type IndicatorStat struct {
	Province     string           `db:"province"`
	ProvinceCode sql.Null[string] `db:"province_code"`
	Level        string           `db:"level"`
	DocType      string           `db:"doc_type"`
	Year         sql.Null[int32]  `db:"year"`
	ReviewedYear sql.Null[int32]  `db:"reviewed_year"`
	PlanYear     sql.Null[int32]  `db:"plan_year"`
	Metric       string           `db:"metric" doc:"the canonical metric, else the phrase (indicator_metrics.metric)"`
	Canonical    bool             `db:"canonical" doc:"some figure of the row has a canonical metric"`
	Kind         string           `db:"kind"`
	Measure      string           `db:"measure"`
	Unit         string           `db:"unit"`
	Scope        string           `db:"scope"`
	FigureYear   sql.Null[int32]  `db:"figure_year" doc:"indicators.year, the year the figures refer to"`
	N            int64            `db:"n" doc:"figures"`
	Documents    int32            `db:"documents" doc:"documents whose figures of the metric start at this row (in the order kind, measure, unit, scope, figure_year): summed over a metric's rows, the documents reporting it"`
}

// IndicatorStats holds the figures per aggregate key, metric and the
// figures' own fields.
var IndicatorStats = Declare[IndicatorStat](Spec{Name: "indicator_stats",
	Comment: "Load-time aggregate: figures per filter key, metric, kind, measure, unit, scope and figure year."})

// Figure is one indicator with what a page of its metric shows beside it:
// the aggregate key and place of its document and the sentence it was read
// from.
type Figure struct {
	Province        string            `db:"province"`
	ProvinceCode    sql.Null[string]  `db:"province_code"`
	Level           string            `db:"level"`
	DocType         string            `db:"doc_type"`
	Year            sql.Null[int32]   `db:"year"`
	ReviewedYear    sql.Null[int32]   `db:"reviewed_year"`
	PlanYear        sql.Null[int32]   `db:"plan_year"`
	Metric          string            `db:"metric" doc:"the canonical metric, else the phrase (indicator_metrics.metric)"`
	PlaceCode       sql.Null[string]  `db:"place_code" doc:"document_counts.place_code of its document"`
	IndicatorID     int32             `db:"indicator_id"`
	DocID           int32             `db:"doc_id"`
	SentenceNo      int32             `db:"sentence_no"`
	StartChar       int32             `db:"start_char"`
	Kind            string            `db:"kind"`
	FigureYear      sql.Null[int32]   `db:"figure_year" doc:"indicators.year"`
	Phrase          string            `db:"phrase" doc:"indicators.metric, the phrase from the sentence"`
	CanonicalMetric sql.Null[string]  `db:"canonical_metric"`
	Measure         string            `db:"measure"`
	Value           float64           `db:"value"`
	ValueMax        sql.Null[float64] `db:"value_max"`
	Unit            string            `db:"unit"`
	Qualifier       string            `db:"qualifier"`
	Surface         string            `db:"surface"`
	Scope           string            `db:"scope"`
	ScopePlace      sql.Null[string]  `db:"scope_place"`
	Sentence        string            `db:"sentence" doc:"sentences.text of the figure's sentence"`
}

// Figures holds every indicator with its document's key and place and its
// sentence, written in the order of metric when the aggregates are rebuilt
// whole: a page of one metric (its table, its charts) then reads that
// metric's row groups, found by their zone maps, instead of scanning the
// 808,000 figures and the 2.6 million sentences of 100,000 notices to
// look up a hundred. A load that does not rebuild it whole rewrites the
// rows of the documents it wrote or removed (they go to the end, out of
// order, which costs speed, not correctness).
var Figures = Declare[Figure](Spec{Name: "figures",
	Comment: "Load-time index: every figure with its document's filter key and place and its sentence, clustered by metric."})
