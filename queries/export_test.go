package queries_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

// TestExportTables checks that every exportable table is written whole in
// each format: CSV with a byte-order mark and a header, JSON that parses,
// Parquet that DuckDB reads back, each with the rows the paginated query
// counts in all.
func TestExportTables(t *testing.T) {
	ctx := context.Background()
	store, err := queries.OpenStore(ctx, querytest.SeedDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	db, release, err := store.DB(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	metrics, err := queries.IndicatorMetrics(ctx, db, queries.Filter{}, 1)
	if err != nil || len(metrics) == 0 {
		t.Fatalf("metrics: %v", err)
	}
	s, _ := queries.ParseSearch("的", false)
	_, docs, _ := queries.Documents(ctx, db, queries.Filter{}, queries.DocList{})
	_, points, _ := queries.IndicatorSeries(ctx, db, queries.Filter{}, metrics[0].Metric, queries.IndicatorSelect{}, queries.Page{Limit: 1})
	_, targets, _ := queries.TargetResults(ctx, db, queries.Filter{}, "", queries.Page{Limit: 1})
	_, hits, _ := queries.SearchSentences(ctx, db, queries.Filter{}, s, queries.Page{Limit: 1})
	for _, c := range []struct {
		name  string
		table queries.Table
		want  int64
	}{
		{"documents", queries.DocumentsTable(queries.Filter{}, queries.DocList{Sort: "title"}), docs},
		{"indicators", queries.IndicatorsTable(queries.Filter{}, metrics[0].Metric, queries.IndicatorSelect{}), points},
		{"targets", queries.TargetsTable(queries.Filter{}, ""), targets},
		{"search", queries.SearchTable(queries.Filter{}, s), hits},
	} {
		if c.want <= 1 {
			t.Errorf("%s: %d rows in the seeds, too few to test", c.name, c.want)
		}
		var buf bytes.Buffer
		rw, _ := queries.NewRowWriter(&buf, queries.FormatCSV)
		n, err := c.table.Write(ctx, db, rw)
		if err != nil || n != c.want {
			t.Fatalf("%s csv: %d rows of %d: %v", c.name, n, c.want, err)
		}
		if !strings.HasPrefix(buf.String(), "\uFEFF") {
			t.Errorf("%s csv: no byte-order mark", c.name)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
		if err != nil || int64(len(recs)) != c.want+1 {
			t.Errorf("%s csv: %d records (%v), want %d and a header", c.name, len(recs), err, c.want)
		}
		buf.Reset()
		rw, _ = queries.NewRowWriter(&buf, queries.FormatJSON)
		if _, err := c.table.Write(ctx, db, rw); err != nil {
			t.Fatal(err)
		}
		var objs []map[string]any
		if err := json.Unmarshal(buf.Bytes(), &objs); err != nil || int64(len(objs)) != c.want {
			t.Errorf("%s json: %d objects (%v), want %d", c.name, len(objs), err, c.want)
		}
		file := filepath.Join(t.TempDir(), c.name+".parquet")
		f, _ := os.Create(file)
		if err := store.WriteParquet(ctx, c.table, f); err != nil {
			t.Fatalf("%s parquet: %v", c.name, err)
		}
		f.Close()
		mem, _ := sql.Open("duckdb", "")
		var rows int64
		if err := mem.QueryRow(`SELECT count(*) FROM read_parquet(?)`, file).Scan(&rows); err != nil || rows != c.want {
			t.Errorf("%s parquet: %d rows (%v), want %d", c.name, rows, err, c.want)
		}
		mem.Close()
	}
}
