package dashboard

import (
	"encoding/csv"
	"os"
	"regexp"
	"testing"
)

// TestMapRegions checks that every provincial-level division of the
// gazetteer is drawn as a region of the shipped China map, so that no
// province of a new corpus falls off the map.
func TestMapRegions(t *testing.T) {
	js, err := staticFiles.ReadFile("static/maps/china.js")
	if err != nil {
		t.Fatal(err)
	}
	regions := map[string]bool{}
	for _, m := range regexp.MustCompile(`"name":"([^"]+)"`).FindAllStringSubmatch(string(js), -1) {
		regions[m[1]] = true
	}
	if len(regions) != 34 {
		t.Fatalf("china.js has %d regions, want 34", len(regions))
	}
	f, err := os.Open("../data/gazetteer/provinces.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"香港特别行政区", "澳门特别行政区", "台湾省"} // in HK-MO-TW.json
	for _, rec := range recs[1:] {
		names = append(names, rec[1])
	}
	if len(names) < 34 {
		t.Fatalf("gazetteer lists %d provinces", len(names))
	}
	for _, name := range names {
		region, ok := mapRegion(name)
		if !ok || !regions[region] {
			t.Errorf("province %s: map region %q (%v) is not in china.js", name, region, ok)
		}
		if again, ok := mapRegion(region); !ok || again != region {
			t.Errorf("short name %s maps to %q", region, again)
		}
	}
	for _, bad := range []string{"unknown", "", "山东", "<script>"} {
		if region, ok := mapRegion(bad); ok != (bad == "山东") {
			t.Errorf("mapRegion(%q) = %q, %v", bad, region, ok)
		}
	}
}

// TestQuantilePieces checks the map's colour classes: every value falls in
// exactly one class, the classes hold about as many values each even when a
// few values are far larger than the rest, and equal break points merge.
func TestQuantilePieces(t *testing.T) {
	in := func(p piece, last bool, v float64) bool {
		return v >= p.Min && (v < p.Max || (last && v == p.Max))
	}
	skewed := []float64{0.5, 0.7, 0.9, 1.1, 1.2, 1.5, 1.8, 2.0, 2.2, 2.5, 3, 3.1, 3.3, 3.5, 4, 4.2, 4.8, 5, 5.5, 6, 7, 8, 9, 10, 12, 14, 15, 18, 20, 250, 400}
	for _, tc := range []struct {
		values []float64
		want   int // classes
	}{
		{skewed, 5},
		{[]float64{1, 1, 1, 1}, 1},
		{[]float64{0, 0, 0, 0, 0, 0, 3, 4, 5, 6}, 3},
		{[]float64{2}, 1},
	} {
		pieces := quantilePieces(tc.values, mapClasses)
		if len(pieces) != tc.want {
			t.Errorf("%v: %d classes %v, want %d", tc.values, len(pieces), pieces, tc.want)
		}
		counts := make([]int, len(pieces))
		for _, v := range tc.values {
			n := 0
			for i, p := range pieces {
				if in(p, i == len(pieces)-1, v) {
					n++
					counts[i]++
				}
			}
			if n != 1 {
				t.Errorf("%v: value %v in %d classes of %v", tc.values, v, n, pieces)
			}
		}
		if len(tc.values) == len(skewed) {
			for i, c := range counts {
				if c < 5 || c > 8 {
					t.Errorf("skewed values: class %d holds %d of %d values (%v)", i, c, len(skewed), counts)
				}
			}
		}
	}
}
