// Package loader turns a folder of notices into a policylens DuckDB file.
//
// A load reads every supported file under the data dir, skips the ones whose
// content hash is already recorded, and for each new or changed one infers
// its metadata, splits its sentences, segments and counts its terms, scores
// its themes and extracts its numeric indicators, in parallel across cores.
// The results are written with DuckDB's Appender in one transaction.
//
// The live database file is never written in place. DuckDB lets one
// read-write process lock a file against every other process, so readers
// (the dashboard, `policylens sql`, the DuckDB CLI with -readonly) would be
// locked out for the whole load. Instead the loader copies the current file
// to a temporary one beside it, applies the changes there, checkpoints,
// and renames it over the live file. Readers open the file read-only and
// reopen it when it changes; a load killed at any moment leaves the previous
// file whole, and the next load removes the stale temporary file.
package loader
