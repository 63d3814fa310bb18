package meta

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/source"
)

// TestSeeds checks every field of testdata/seed_documents.csv (a copy of the
// hand-made gold labels for the five seed notices in data/notices).
func TestSeeds(t *testing.T) {
	f, err := os.Open("testdata/seed_documents.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 {
		t.Fatalf("want 5 gold rows, got %d", len(rows)-1)
	}
	g := gazetteer.Default()
	for _, r := range rows[1:] {
		name := r[0]
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "..", "data", "notices", name)
			doc, err := source.Read(path)
			if err != nil {
				t.Fatal(err)
			}
			m := Infer(doc, name, g)
			pub := ""
			if !m.Published.IsZero() {
				pub = m.Published.Format("2006-01-02")
			}
			yr := func(y int) string {
				if y == 0 {
					return ""
				}
				return strconv.Itoa(y)
			}
			got := []string{name, m.Title, m.Province, m.City, m.County, m.Level, m.Issuer, pub, yr(m.ReviewedYear), yr(m.PlanYear)}
			for i, col := range rows[0] {
				if got[i] != r[i] {
					t.Errorf("%s = %q, want %q (source %s)", col, got[i], r[i], m.Sources[sourceKey(col)])
				}
			}
		})
	}
}

func sourceKey(col string) string {
	if col == "published" {
		return "published"
	}
	return col
}

// TestSeedSurfacesKept checks that cleaning keeps every indicator the gold
// labels (testdata/seed_indicators.csv, a copy of the gold file) point at:
// chrome removal must not eat article text.
func TestSeedSurfacesKept(t *testing.T) {
	f, err := os.Open("testdata/seed_indicators.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	docs := map[string]*source.Document{}
	for _, r := range rows[1:] {
		name := r[col["doc"]]
		d := docs[name]
		if d == nil {
			if d, err = source.Read(filepath.Join("..", "..", "data", "notices", name)); err != nil {
				t.Fatal(err)
			}
			docs[name] = d
		}
		if s := r[col["surface"]]; !strings.Contains(d.Text, s) {
			t.Errorf("%s: %q lost in cleaning", name, s)
		}
	}
}
