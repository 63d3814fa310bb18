package schema

import (
	"database/sql"
	"database/sql/driver"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// Column is one column of a table, declared by one field of the table's row
// type: its name in SQL, its DuckDB type, whether it may be NULL, and what
// it holds (written into the database as a column comment).
type Column struct {
	Name    string
	Type    string // INTEGER, BIGINT, DOUBLE, BOOLEAN, VARCHAR, BLOB, DATE or TIMESTAMP
	NotNull bool
	Comment string

	field int                              // index of the field in the row struct
	value func(reflect.Value) driver.Value // the field as the appender takes it
}

// Table describes one table of the storage contract. Its columns come from
// the fields of a row struct (see Declare), so that the CREATE TABLE
// statement, the appenders and the export all read the same declaration.
type Table struct {
	Name    string
	Comment string
	// PerDocument says that every row belongs to the document in its doc_id
	// column: the rows go when the document is replaced or removed, and
	// shards renumber them when their documents are merged.
	PerDocument bool
	// PerPath says that every row belongs to the file in its path column.
	PerPath bool
	// Derived says that the table is computed from the others at the end of
	// a load (target_status from indicators): a merge of shards recomputes
	// it instead of copying the shards' rows, and the export does not
	// partition it.
	Derived bool
	Columns []Column

	row reflect.Type
}

// Rows is a Table whose rows are values of the Go type R: what an appender
// takes and the export reads back.
type Rows[R any] struct {
	*Table
}

// Spec is what Declare needs besides the row type.
type Spec struct {
	Name        string
	Comment     string
	PerDocument bool
	PerPath     bool
	Derived     bool
}

// Declare makes the table whose rows are R values (list it in Tables).
// Every exported field of R is a column, in field order; its tag names it
// and may give its type and comment:
//
//	DocID     int32            `db:"doc_id" doc:"stable within one database file"`
//	City      sql.Null[string] `db:"city"`
//	Published sql.Null[time.Time] `db:"published,date"`
//
// Go types map to DuckDB types: int32 INTEGER, int64 BIGINT, float64
// DOUBLE, bool BOOLEAN, string VARCHAR, []byte BLOB, time.Time TIMESTAMP
// (DATE with ",date"). A sql.Null[T] field is the same type, nullable;
// every other column is NOT NULL. Declare panics on a field it cannot map:
// a programming error that any test catches at start-up.
func Declare[R any](s Spec) Rows[R] {
	rt := reflect.TypeFor[R]()
	if rt.Kind() != reflect.Struct {
		panic(fmt.Sprintf("schema: table %s: row type %s is not a struct", s.Name, rt))
	}
	t := &Table{Name: s.Name, Comment: s.Comment, PerDocument: s.PerDocument, PerPath: s.PerPath, Derived: s.Derived, row: rt}
	for i := range rt.NumField() {
		f := rt.Field(i)
		if !f.IsExported() {
			continue
		}
		c, err := column(f, i)
		if err != nil {
			panic(fmt.Sprintf("schema: table %s: field %s: %v", s.Name, f.Name, err))
		}
		t.Columns = append(t.Columns, c)
	}
	if s.PerDocument && t.Column("doc_id") == nil {
		panic(fmt.Sprintf("schema: table %s is per document but has no doc_id", s.Name))
	}
	if s.PerPath && t.Column("path") == nil {
		panic(fmt.Sprintf("schema: table %s is per path but has no path", s.Name))
	}
	return Rows[R]{t}
}

var (
	timeType  = reflect.TypeFor[time.Time]()
	bytesType = reflect.TypeFor[[]byte]()
)

// column reads one field's declaration.
func column(f reflect.StructField, i int) (Column, error) {
	tag := strings.Split(f.Tag.Get("db"), ",")
	c := Column{Name: tag[0], Comment: f.Tag.Get("doc"), NotNull: true, field: i}
	if c.Name == "" {
		return c, fmt.Errorf("no db tag")
	}
	date := false
	for _, opt := range tag[1:] {
		switch opt {
		case "date":
			date = true
		default:
			return c, fmt.Errorf("unknown db tag option %q", opt)
		}
	}
	ft := f.Type
	nullable := ft.PkgPath() == "database/sql" && strings.HasPrefix(ft.Name(), "Null[")
	if nullable {
		c.NotNull = false
		ft = ft.Field(0).Type // sql.Null[T].V
	}
	var get func(reflect.Value) driver.Value
	switch {
	case ft == timeType:
		c.Type = "TIMESTAMP"
		if date {
			c.Type = "DATE"
		}
		get = func(v reflect.Value) driver.Value { return v.Interface().(time.Time) }
	case date:
		return c, fmt.Errorf(",date on a %s", ft)
	case ft == bytesType:
		c.Type = "BLOB"
		get = func(v reflect.Value) driver.Value { return v.Bytes() }
	case ft.Kind() == reflect.Int32:
		c.Type = "INTEGER"
		get = func(v reflect.Value) driver.Value { return int32(v.Int()) }
	case ft.Kind() == reflect.Int64:
		c.Type = "BIGINT"
		get = func(v reflect.Value) driver.Value { return v.Int() }
	case ft.Kind() == reflect.Float64:
		c.Type = "DOUBLE"
		get = func(v reflect.Value) driver.Value { return v.Float() }
	case ft.Kind() == reflect.Bool:
		c.Type = "BOOLEAN"
		get = func(v reflect.Value) driver.Value { return v.Bool() }
	case ft.Kind() == reflect.String:
		c.Type = "VARCHAR"
		get = func(v reflect.Value) driver.Value { return v.String() }
	default:
		return c, fmt.Errorf("no DuckDB type for %s", ft)
	}
	if nullable {
		inner := get
		get = func(v reflect.Value) driver.Value {
			if !v.Field(1).Bool() { // sql.Null[T].Valid
				return nil
			}
			return inner(v.Field(0))
		}
	}
	c.value = func(row reflect.Value) driver.Value { return get(row.Field(i)) }
	return c, nil
}

// Column returns the column called name, or nil.
func (t *Table) Column(name string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

// ColumnNames lists the columns in order.
func (t *Table) ColumnNames() []string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return names
}

// DDL is the CREATE TABLE statement of the table and the COMMENT ON
// statements that put its documentation into the database, where
// duckdb_tables() and duckdb_columns() show it.
func (t *Table) DDL() string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s (\n", t.Name)
	for i, c := range t.Columns {
		fmt.Fprintf(&b, "    %s %s", c.Name, c.Type)
		if c.NotNull {
			b.WriteString(" NOT NULL")
		}
		if i < len(t.Columns)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(");\n")
	if t.Comment != "" {
		fmt.Fprintf(&b, "COMMENT ON TABLE %s IS %s;\n", t.Name, quote(t.Comment))
	}
	for _, c := range t.Columns {
		if c.Comment != "" {
			fmt.Fprintf(&b, "COMMENT ON COLUMN %s.%s IS %s;\n", t.Name, c.Name, quote(c.Comment))
		}
	}
	return b.String()
}

// quote makes an SQL string literal of a comment written in this package.
func quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// Values appends the columns of one row, in table order, to dst: the
// arguments of an appender's AppendRow.
func (t Rows[R]) Values(dst []driver.Value, r *R) []driver.Value {
	v := reflect.ValueOf(r).Elem()
	for i := range t.Columns {
		dst = append(dst, t.Columns[i].value(v))
	}
	return dst
}

// Null wraps a value that may be absent; the zero value of T counts as
// absent, the way the loader represents unknown metadata.
func Null[T comparable](v T) sql.Null[T] {
	var zero T
	return sql.Null[T]{V: v, Valid: v != zero}
}
