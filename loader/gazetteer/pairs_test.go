package gazetteer

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestPairFilter checks that the two-rune filter changes no match: Scan
// finds the same places as with a filter every pair passes, on the
// repository's notices and on random strings of place names and their
// pieces.
func TestPairFilter(t *testing.T) {
	g := Default()
	open := *g
	open.pairs = make([]uint64, len(g.pairs))
	for i := range open.pairs {
		open.pairs[i] = ^uint64(0)
	}
	check := func(text string) {
		if got, want := g.Scan(text), open.Scan(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Scan(%q):\n got %v\nwant %v", text, got, want)
		}
	}
	n := 0
	for _, dir := range []string{"../../data/notices", "../testdata"} {
		filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".md")) {
				b, err := os.ReadFile(p)
				if err == nil {
					check(string(b))
					n++
				}
			}
			return nil
		})
	}
	if n < 50 {
		t.Fatalf("only %d notices read", n)
	}
	var names []string
	for name := range g.byName {
		names = append(names, name)
	}
	r := rand.New(rand.NewPCG(4, 12))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			name := names[r.IntN(len(names))]
			if r.IntN(3) == 0 {
				rs := []rune(name)
				name = string(rs[r.IntN(len(rs)):])
			}
			b.WriteString(name)
			if r.IntN(4) == 0 {
				b.WriteString("，成立")
			}
		}
		check(b.String())
	}
}
