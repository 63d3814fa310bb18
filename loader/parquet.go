package loader

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/policylens/policylens/loader/schema"
)

// ViewsFile is the file of an export that defines every table and view of
// the database over the export's Parquet files.
const ViewsFile = "views.sql"

// partitioned reports whether an exported table is split into hive
// partitions by province and year: those that have both columns, derived
// tables (computed from the others, small) aside.
func partitioned(t *schema.Table) bool {
	return t.Column("province") != nil && t.Column("year") != nil && !t.Derived
}

// ExportParquet writes every table of the database at dbPath under dir as
// Parquet, one folder per table (dir/documents/province=山东省/year=2025/
// for the tables that have a province and a year, hive layout), and
// dir/views.sql, which defines each table as a view over read_parquet and
// then every view of the schema, so that the same SQL runs over the export.
// views.sql names the files relative to dir: run it with DuckDB's
// file_search_path set to dir (or from dir).
func ExportParquet(ctx context.Context, dbPath, dir string) error {
	if _, err := os.Stat(dbPath); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	db, err := sql.Open("duckdb", dbPath+"?access_mode=read_only")
	if err != nil {
		return fmt.Errorf("export %s: %w", dbPath, err)
	}
	defer db.Close()
	if v, err := schema.InstalledVersion(ctx, db); err != nil || v != schema.Version {
		return fmt.Errorf("export %s: not a database of this version of policylens (schema %q); load it again first", dbPath, v)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, t := range schema.Tables {
		if err := exportTable(ctx, db, t, filepath.Join(dir, t.Name), "", partitioned(t)); err != nil {
			return err
		}
	}
	views, err := viewsSQL()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ViewsFile), []byte(views), 0o644)
}

// exportTable writes table t (from the database attached as catalog, or
// the default one) into the folder out, which it replaces, in hive
// partitions by province and year when partition is set.
func exportTable(ctx context.Context, db *sql.DB, t *schema.Table, out, catalog string, partition bool) error {
	if err := os.RemoveAll(out); err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	src := t.Name
	if catalog != "" {
		src = catalog + "." + t.Name
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+src).Scan(&n); err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	q := "COPY (SELECT * FROM " + src + ") TO " + sqlString(filepath.Join(out, "part-0.parquet")) + " (FORMAT parquet)"
	if partition && n > 0 {
		q = "COPY (SELECT * FROM " + src + ") TO " + sqlString(out) +
			" (FORMAT parquet, PARTITION_BY (province, year), OVERWRITE_OR_IGNORE)"
	}
	if _, err := db.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	return nil
}

// readParquet is the DuckDB expression reading one exported table, its
// columns in the declared order and types.
func readParquet(t *schema.Table, glob string) string {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = "CAST(" + c.Name + " AS " + c.Type + ") AS " + c.Name
	}
	opts := ""
	if partitioned(t) {
		opts = ", hive_partitioning = true, hive_types = {'province': VARCHAR, 'year': INTEGER}, union_by_name = true"
	}
	return "SELECT " + strings.Join(cols, ", ") + " FROM read_parquet(" + sqlString(glob) + opts + ")"
}

// viewsSQL defines every table over the export and then the schema's views.
func viewsSQL() (string, error) {
	var b strings.Builder
	b.WriteString("-- policylens: the tables and views of the database over its Parquet export.\n" +
		"-- Run with DuckDB from the export folder, or with SET file_search_path to it:\n" +
		"--   duckdb -c \"SET file_search_path = 'EXPORT'\" -c \".read EXPORT/views.sql\"\n\n")
	for _, t := range schema.Tables {
		fmt.Fprintf(&b, "CREATE OR REPLACE VIEW %s AS\n%s;\n\n", t.Name, readParquet(t, t.Name+"/**/*.parquet"))
	}
	names, err := schema.ViewFiles()
	if err != nil {
		return "", err
	}
	for _, name := range names {
		ddl, err := schema.ViewDDL(name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "-- %s\n%s\n", name, ddl)
	}
	return b.String(), nil
}
