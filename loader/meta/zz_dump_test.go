package meta

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/policylens/policylens/loader/source"
)

func TestZZDump(t *testing.T) {
	paths, _ := filepath.Glob(os.Getenv("DUMP"))
	for _, p := range paths {
		d, err := source.Read(p)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		m := Infer(d, filepath.Base(p), nil)
		fmt.Printf("%s\n  %s|%s|%s|%s|%s|%s|%s|%v|%d|%d\n  %v\n  %q\n", filepath.Base(p), m.Title, m.DocType, m.Province, m.City, m.County, m.Level, m.Issuer, m.Published.Format("2006-01-02"), m.ReviewedYear, m.PlanYear, m.Sources, m.Warnings)
	}
}
