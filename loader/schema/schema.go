package schema

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed *.sql
var files embed.FS

// Version is the schema version written into meta.schema_version: a digest
// of every table's DDL and every view file, so that any change to a table
// or a view makes the loader rebuild an existing database.
var Version = func() string {
	names, err := ViewFiles()
	if err != nil {
		panic(err)
	}
	h := sha256.New()
	for _, t := range Tables {
		h.Write([]byte(t.DDL()))
	}
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(h, "%s %d\n", name, len(b))
		h.Write(b)
	}
	return fmt.Sprintf("%d-%x", len(names), h.Sum(nil)[:6])
}()

// ViewFiles lists the embedded view files in the order they are applied,
// after the tables.
func ViewFiles() ([]string, error) {
	names, err := fs.Glob(files, "*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// ViewDDL returns the text of one embedded view file, for documentation and tests.
func ViewDDL(name string) (string, error) {
	b, err := files.ReadFile(name)
	return string(b), err
}

// Apply creates every table and view in an empty database, in one
// transaction, and records the schema version.
func Apply(ctx context.Context, db *sql.DB) error {
	names, err := ViewFiles()
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("schema: begin: %w", err)
	}
	defer tx.Rollback()
	for _, t := range Tables {
		if _, err := tx.ExecContext(ctx, t.DDL()); err != nil {
			return fmt.Errorf("schema: create %s: %w", t.Name, err)
		}
	}
	for _, name := range names {
		ddl, err := files.ReadFile(name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(ddl)); err != nil {
			return fmt.Errorf("schema: apply %s: %w", name, err)
		}
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO meta (key, value) VALUES ('schema_version', ?)`, Version); err != nil {
		return fmt.Errorf("schema: record version: %w", err)
	}
	return tx.Commit()
}

// InstalledVersion reads the schema version of an existing database; ""
// means the file holds no policylens schema.
func InstalledVersion(ctx context.Context, db *sql.DB) (string, error) {
	var n int
	err := db.QueryRowContext(ctx,
		`SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'`).Scan(&n)
	if err != nil || n == 0 {
		return "", err
	}
	var v string
	err = db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}
