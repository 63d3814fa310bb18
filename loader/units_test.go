package loader

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/policylens/policylens/data"
)

// TestUnitCatalogueIsAResource checks that data/units.yaml is read from the
// resources directory like the other resource files: an edited catalogue
// rebuilds the database and its normalised forms reach the indicators, and
// a broken one is refused with its path named.
func TestUnitCatalogueIsAResource(t *testing.T) {
	ctx := context.Background()
	dir := copySeeds(t)
	dbPath := filepath.Join(t.TempDir(), "p.duckdb")
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath}); err != nil {
		t.Fatal(err)
	}
	res := t.TempDir()
	edited := strings.Replace(string(data.Units), "- {unit: 个, forms: [个]", "- {unit: 个数, forms: [个]", 1)
	// Every implied unit that names 个 must name the renamed unit too.
	edited = regexp.MustCompile(`(?m)^(\s+\S+): 个$`).ReplaceAllString(edited, "$1: 个数")
	if edited == string(data.Units) {
		t.Fatal("the shipped catalogue has no entry for 个 to edit")
	}
	if err := os.WriteFile(filepath.Join(res, "units.yaml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: res})
	if err != nil || !sum.Rebuilt {
		t.Fatalf("edited unit catalogue: err %v, summary %+v; want a rebuild", err, sum)
	}
	ro := openRO(t, dbPath)
	if n := count(t, ro, `SELECT count(*) FROM indicators WHERE unit = '个数'`); n == 0 {
		t.Error("no indicator carries the edited unit 个数")
	}
	if n := count(t, ro, `SELECT count(*) FROM indicators WHERE unit = '个'`); n != 0 {
		t.Errorf("%d indicators still carry 个", n)
	}
	ro.Close()

	if err := os.WriteFile(filepath.Join(res, "units.yaml"), []byte("units:\n  - {unit: 个, forms: [个], kind: pieces}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: res})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(res, "units.yaml")) || !strings.Contains(err.Error(), "pieces") {
		t.Fatalf("broken unit catalogue: err %v; want an error naming the file and the bad kind", err)
	}
}
