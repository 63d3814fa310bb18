// Package schema holds the DuckDB schema that the loader writes and every
// other part reads: ordered, embedded DDL files applied in one transaction,
// with the schema version recorded in the meta table.
package schema
