package meta

import (
	"fmt"
	"os"
	"testing"

	"github.com/policylens/policylens/loader/source"
)

func TestZZFiles(t *testing.T) {
	for _, p := range []string{"/tmp/t/a.txt", "/tmp/t/b.txt", os.Getenv("F")} {
		if p == "" {
			continue
		}
		d, err := source.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		m := Infer(d, p, nil)
		fmt.Printf("%s title=%q byline=%q\n  %s %s %s/%s/%s %s %s rev=%d plan=%d %v %v\n", p, d.Title, d.Byline, m.DocType, m.Issuer, m.Province, m.City, m.County, m.Level, dateString(m), m.ReviewedYear, m.PlanYear, m.Sources, m.Warnings)
	}
}
