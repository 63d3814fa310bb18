package loader

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestUndatedNoticeFiguresTakeTheYearItsTextNames loads two notices that
// state no date: one that compares with 2019 stands in 2020 and its figures
// without a year of their own are 2020's; one that names only a deadline
// gets no year, and neither do its figures.
func TestUndatedNoticeFiguresTakeTheYearItsTextNames(t *testing.T) {
	dir := t.TempDir()
	notices := map[string]string{
		"compared.txt": "某市5G建设稳步推进\n全市已建成5G基站3000个，较2019年增加1800个。\n",
		"deadline.txt": "某市5G建设稳步推进\n全市已建成5G基站4000个。到2025年，全市5G基站将达到1万个。\n",
	}
	for name, text := range notices {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(t.TempDir(), "u.duckdb")
	if _, err := Load(context.Background(), Options{DataDir: dir, DBPath: dbPath, ResourcesDir: "../data"}); err != nil {
		t.Fatal(err)
	}
	db := openRO(t, dbPath)
	defer db.Close()
	if n := count(t, db, `SELECT count(*) FROM indicators i JOIN documents d USING (doc_id)
		JOIN metadata_sources s ON s.doc_id = d.doc_id AND s.field = 'reviewed_year'
		WHERE d.path = 'compared.txt' AND d.reviewed_year = 2020 AND s.source = 'text_years'
		AND i.value = 3000 AND i.year = 2020`); n != 1 {
		t.Errorf("compared.txt: %d figures of 3000 in 2020 under a reviewed year from text_years, want 1", n)
	}
	if n := count(t, db, `SELECT count(*) FROM indicators i JOIN documents d USING (doc_id)
		WHERE d.path = 'deadline.txt' AND d.reviewed_year IS NULL AND i.value = 4000 AND coalesce(i.year, 0) = 0`); n != 1 {
		t.Errorf("deadline.txt: %d figures of 4000 with no year in a notice with no reviewed year, want 1", n)
	}
}
