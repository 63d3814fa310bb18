// Package loader turns a folder of notices into a policylens DuckDB file.
//
// A load reads every supported file under the data dir, skips the ones whose
// content hash is already recorded, and for each new or changed one infers
// its metadata, splits its sentences, segments and counts its terms, scores
// its themes and extracts its numeric indicators, in parallel across cores.
// The results are written with DuckDB's Appender in one transaction.
//
// The live database file is never written in place: the loader builds the
// new file beside it and publishes it by rename, the protocol of package
// dbfile, so readers are never locked out and a load killed at any moment
// leaves the previous file whole.
package loader
