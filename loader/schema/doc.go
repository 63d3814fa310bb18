// Package schema is the storage contract: the tables the loader writes and
// every other part reads, each declared once, and the views over them.
//
// # Tables
//
// Each table is a Go row type declared with Declare in tables.go and listed
// in Tables. The row type is the single statement of the table's columns:
// their order, names, DuckDB types, nullability and documentation all come
// from its fields, and from there
//
//   - the CREATE TABLE statement and the COMMENT ON statements that put the
//     documentation into the database (Table.DDL, applied by Apply),
//   - the appenders (NewAppender: appender.Append(&schema.Document{...})
//     fills columns by field name, never by position),
//   - the export to Parquet and the merge of shards (loader), and
//   - the check against information_schema (schema_test.go).
//
// # Adding a column
//
// Add a field to the row type with a db tag (and a doc tag saying what it
// holds), then set the field where the loader builds the row. Nothing else:
// the DDL, the appender and the schema version follow, and the version
// change makes the next load rebuild existing databases.
//
//	Scope      string           `db:"scope" doc:"own, national or other"`
//	ScopePlace sql.Null[string] `db:"scope_place" doc:"the place named"`
//
// Go types map to DuckDB types: int32 INTEGER, int64 BIGINT, float64 DOUBLE,
// bool BOOLEAN, string VARCHAR, []byte BLOB, time.Time TIMESTAMP (DATE with
// `db:"name,date"`). sql.Null[T] makes the column nullable (schema.Null(v)
// turns a zero value into NULL); every other column is NOT NULL. New
// columns go at the end of the row type unless their place matters to
// readers: hand-written INSERTs without a column list (tests) depend on it.
//
// # Adding a table
//
// Declare a row type and its table in tables.go (or a file beside it) and
// add it to Tables. Spec.PerDocument says its rows belong to the document
// in their doc_id column: the loader then deletes them with the document,
// and the merge of shards renumbers their doc_id; Spec.PerPath that they
// belong to the file in their path column. The loader keeps a spare copy of
// the previous file and brings it up to date from the changes table: rows
// of PerDocument and PerPath tables by key, every other table whole (so a
// small table needs nothing, and a large one must be keyed). A table computed from
// other tables at load time (an aggregate) is declared the same way and
// filled by SQL (INSERT INTO ... SELECT); keep it incremental — a load that
// adds one notice must not recompute what the other 100,000 contribute.
//
// # Views
//
// Views and table macros are plain SQL in the numbered .sql files of this
// package, applied after the tables in file-name order. Every chart reads
// one of them, so a user in SQL sees what the dashboard shows. They must
// read tables by name only (no rowid), so that the same SQL runs over the
// Parquet export.
package schema
