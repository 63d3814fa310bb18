// Package queries holds every SQL statement policylens runs against its
// DuckDB file and the typed rows they return.
//
// Each query lives in its own file under sql/, named after the Go function
// that runs it (sql/ThemeByProvinceYear.sql is run by ThemeByProvinceYear),
// and is embedded in the binary. Parameters are always bound, never
// formatted into the text. The queries read the views of
// loader/schema/002_views.sql (document_stats, corpus_overview,
// theme_labels, theme_document_intensity, theme_intensity,
// theme_by_province, term_frequency, indicator_facts, indicator_metrics,
// target_results), so that the numbers the dashboard charts show are the
// numbers a user gets from those views by hand. Queries that aggregate take
// a Filter; with the zero Filter they return exactly the rows of the
// corresponding view.
//
// The filter predicate is written once, in the table macros of the schema
// (filtered_documents, and filtered_groups, filtered_terms and
// filtered_theme_hits over the load-time aggregate tables); every query
// passes the Filter's arguments to them and never repeats the predicate.
// Lists of places order by division code (places.code). Long results are
// paginated (Page) with a total, and each paginated list can be written
// whole, streamed, as CSV, JSON or Parquet (Table, RowWriter).
//
// Users' own SQL (the console and `policylens sql`) goes through the
// sandbox (RunSandboxed and friends: one read statement, no files, caps on
// rows, bytes and time), and through a Store with UseWorker in a worker
// process of its own whose memory the kernel caps (worker.go).
//
// The package never imports the dashboard; the dashboard asks it for rows.
package queries
