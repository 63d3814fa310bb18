package meta

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/source"
)

func TestZZScratch(t *testing.T) {
	dir := os.Getenv("SCRATCH_DIR")
	if dir == "" {
		t.Skip()
	}
	f, _ := os.Open(filepath.Join(dir, "truth/documents.csv"))
	rows, _ := csv.NewReader(f).ReadAll()
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	g := gazetteer.Default()
	right := map[string]int{}
	byType := map[string]int{}
	n := 0
	for _, r := range rows[1:] {
		name := r[0]
		d, err := source.Read(filepath.Join(dir, "notices", name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		n++
		m := Infer(d, name, g)
		yr := func(y int) string {
			if y == 0 {
				return ""
			}
			return strconv.Itoa(y)
		}
		got := map[string]string{"province": m.Province, "city": m.City, "county": m.County, "level": m.Level, "issuer": m.Issuer,
			"published": dateString(m), "reviewed_year": yr(m.ReviewedYear), "plan_year": yr(m.PlanYear), "doc_type": m.DocType, "title": m.Title}
		for k, v := range got {
			if v == r[col[k]] {
				right[k]++
			} else {
				byType[r[col["doc_type"]]+" "+k]++
				if os.Getenv("SCRATCH_V") != "" {
					fmt.Printf("%s [%s] %s: got %q want %q (src %s)\n", name, r[col["doc_type"]], k, v, r[col[k]], m.Sources[k])
				}
			}
		}
	}
	var ks []string
	for k := range right {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Printf("%-14s %.3f\n", k, float64(right[k])/float64(n))
	}
	ks = ks[:0]
	for k := range byType {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Printf("miss %-24s %d\n", k, byType[k])
	}
}

func TestZZHeld(t *testing.T) {
	dir := "../testdata/heldout"
	f, _ := os.Open(filepath.Join(dir, "documents.csv"))
	rows, _ := csv.NewReader(f).ReadAll()
	for _, r := range rows[1:] {
		d, err := source.Read(filepath.Join(dir, r[0]))
		if err != nil {
			t.Fatal(err)
		}
		m := Infer(d, r[0], nil)
		fmt.Printf("%s\n  got  %s|%s|%s|%s|%s|%s|%s|%d|%d %s\n  want %v\n", r[0], m.Title, m.Province, m.City, m.County, m.Level, m.Issuer, dateString(m), m.ReviewedYear, m.PlanYear, m.DocType, r[1:])
	}
}
