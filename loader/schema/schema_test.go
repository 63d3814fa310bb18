package schema_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/policylens/policylens/loader/schema"
)

func applied(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", filepath.Join(t.TempDir(), "s.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := schema.Apply(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestTablesMatchInformationSchema checks every declared table against what
// DuckDB reports in information_schema after Apply: the same tables, and in
// each the same columns in the same order with the same types and
// nullability, and the declared comments in duckdb_columns().
func TestTablesMatchInformationSchema(t *testing.T) {
	db := applied(t)
	ctx := context.Background()

	var inDB []string
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		inDB = append(inDB, n)
	}
	rows.Close()
	var declared []string
	for _, tb := range schema.Tables {
		declared = append(declared, tb.Name)
	}
	sortedDeclared := append([]string(nil), declared...)
	sort.Strings(sortedDeclared)
	if !reflect.DeepEqual(inDB, sortedDeclared) {
		t.Fatalf("tables in the database %v, declared %v", inDB, sortedDeclared)
	}

	for _, tb := range schema.Tables {
		rows, err := db.QueryContext(ctx, `SELECT c.column_name, c.data_type, c.is_nullable, coalesce(d.comment, '')
			FROM information_schema.columns c
			JOIN duckdb_columns() d ON d.table_name = c.table_name AND d.column_name = c.column_name
			WHERE c.table_name = ? ORDER BY c.ordinal_position`, tb.Name)
		if err != nil {
			t.Fatal(err)
		}
		var got []schema.Column
		for rows.Next() {
			var c schema.Column
			var nullable string
			if err := rows.Scan(&c.Name, &c.Type, &nullable, &c.Comment); err != nil {
				t.Fatal(err)
			}
			c.NotNull = nullable == "NO"
			got = append(got, c)
		}
		rows.Close()
		if len(got) != len(tb.Columns) {
			t.Errorf("%s: %d columns in the database, %d declared", tb.Name, len(got), len(tb.Columns))
			continue
		}
		for i, want := range tb.Columns {
			g := got[i]
			if g.Name != want.Name || g.Type != want.Type || g.NotNull != want.NotNull || g.Comment != want.Comment {
				t.Errorf("%s column %d: database has %s %s notnull=%v %q, declared %s %s notnull=%v %q",
					tb.Name, i+1, g.Name, g.Type, g.NotNull, g.Comment, want.Name, want.Type, want.NotNull, want.Comment)
			}
		}
	}
}

// TestAppenderRoundTrip appends a full row and a row of NULLs through the
// declared appender and reads both back column by column.
func TestAppenderRoundTrip(t *testing.T) {
	db := applied(t)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	pub := time.Date(2025, 1, 22, 0, 0, 0, 0, time.UTC)
	full := schema.Document{
		DocID: 7, Path: "a/b.txt", ContentHash: "c", TextHash: "t", Format: "txt", Encoding: "utf-8",
		Title: "山东省通信管理局召开2025年工作会议", DocType: "工作会议", Province: "山东省",
		City: schema.Null("滨州市"), County: schema.Null("博兴县"), Level: "county", Issuer: "博兴县工业和信息化局",
		Published: schema.Null(pub), Year: schema.Null(int32(2025)), ReviewedYear: schema.Null(int32(2024)),
		PlanYear: schema.Null(int32(2025)), Chars: 12, Tokens: 5, Body: "正文", LoadedAt: pub.Add(time.Hour),
		URL: schema.Null("http://www.cqn.com.cn/cj/content/2019-11/11/content_7754495.htm"),
	}
	empty := schema.Document{DocID: 8, LoadedAt: pub}
	err = conn.Raw(func(dc any) error {
		a, err := schema.NewAppender(dc.(driver.Conn), schema.Documents)
		if err != nil {
			return err
		}
		if err := a.Append(&full); err != nil {
			return err
		}
		if err := a.Append(&empty); err != nil {
			return err
		}
		return a.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	cols := strings.Join(schema.Documents.ColumnNames(), ", ")
	for _, want := range []schema.Document{full, empty} {
		var got schema.Document
		var city, county, url sql.NullString
		var published sql.NullTime
		var year, reviewed, plan sql.NullInt32
		err := db.QueryRowContext(ctx, "SELECT "+cols+" FROM documents WHERE doc_id = ?", want.DocID).Scan(
			&got.DocID, &got.Path, &got.ContentHash, &got.TextHash, &got.Format, &got.Encoding, &got.Title,
			&got.DocType, &got.Province, &city, &county, &got.Level, &got.Issuer, &published, &year,
			&reviewed, &plan, &got.Chars, &got.Tokens, &got.Body, &got.LoadedAt, &url)
		if err != nil {
			t.Fatal(err)
		}
		got.City = schema.Null(city.String)
		got.County = schema.Null(county.String)
		got.Published = schema.Null(published.Time.UTC())
		got.Year = schema.Null(year.Int32)
		got.ReviewedYear = schema.Null(reviewed.Int32)
		got.PlanYear = schema.Null(plan.Int32)
		got.LoadedAt = got.LoadedAt.UTC()
		got.URL = schema.Null(url.String)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("read back\n%+v\nappended\n%+v", got, want)
		}
		if want.DocID == 8 && (city.Valid || published.Valid || year.Valid) {
			t.Errorf("zero values were not stored as NULL: %v %v %v", city, published, year)
		}
	}
}

// TestDeclareRejects checks that a field without a DuckDB type or a tag
// stops the program at start-up instead of writing a wrong table.
func TestDeclareRejects(t *testing.T) {
	for name, declare := range map[string]func(){
		"no tag": func() { schema.Declare[struct{ A int32 }](schema.Spec{Name: "x"}) },
		"int": func() {
			schema.Declare[struct {
				A int `db:"a"`
			}](schema.Spec{Name: "x"})
		},
		"date on text": func() {
			schema.Declare[struct {
				A string `db:"a,date"`
			}](schema.Spec{Name: "x"})
		},
		"no doc_id": func() {
			schema.Declare[struct {
				A string `db:"a"`
			}](schema.Spec{Name: "x", PerDocument: true})
		},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: Declare did not panic", name)
				}
			}()
			declare()
		}()
	}
}
