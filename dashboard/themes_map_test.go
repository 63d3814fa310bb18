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
