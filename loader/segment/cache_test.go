package segment

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policylens/policylens/data"
)

// TestTrieCache writes a built trie to a cache file and reads it back:
// the segmenter over the cached trie cuts the seeds as the built one does;
// a corrupt file is not read; other domain words name another file.
func TestTrieCache(t *testing.T) {
	// An empty cache folder: New builds the trie from gse's dictionary.
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	extra := []string{"信号升格"}
	built, err := New(data.DomainDict, data.StopWords, extra)
	if err != nil {
		t.Fatal(err)
	}
	// New wrote the trie to the cache (test binaries too: gseVersion
	// finds gse's version in the path of its source).
	if v := gseVersion(); !strings.HasPrefix(v, "v") {
		t.Fatalf("gse version %q", v)
	}
	if _, err := os.Stat(trieCachePath(data.DomainDict, extra)); err != nil {
		t.Fatalf("New wrote no cache: %v", err)
	}
	path := filepath.Join(t.TempDir(), "sub", "segment.gob")
	writeTrie(path, built.trie)
	tr := readTrie(path)
	if tr == nil {
		t.Fatal("the written trie cannot be read back")
	}
	if len(tr.word) != len(built.trie.word) || len(tr.next) != len(built.trie.next) {
		t.Fatalf("cached trie has %d nodes, built %d", len(tr.word), len(built.trie.word))
	}
	for name, tt := range map[string]*trie{"built": built.trie, "cached": tr} {
		checkEdgeFilter(t, name, tt)
	}
	cached := &Segmenter{seg: built.seg, trie: tr, hmm: built.hmm, stop: built.stop}
	cached.cutters.New = func() any { return &cutter{} }
	files, _ := filepath.Glob("../../data/notices/*")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, line := range strings.Split(string(b), "\n") {
			if got, want := cached.Cut(line), built.Cut(line); !slices.Equal(got, want) {
				t.Fatalf("cut of %q from the cache:\n%q\nbuilt:\n%q", line, got, want)
			}
		}
	}
	if err := os.WriteFile(path, []byte("not a trie"), 0o644); err != nil {
		t.Fatal(err)
	}
	if readTrie(path) != nil {
		t.Fatal("a corrupt cache file was read")
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	if a, b := trieCachePath(data.DomainDict, extra), trieCachePath(data.DomainDict, []string{"反诈"}); a != "" && a == b {
		t.Fatal("other extra words share the cache file")
	}
}

// checkEdgeFilter holds a trie's edge filter to its map: every edge passes
// (a miss there would cut a word short), and most keys that are no edge
// do not (else the filter saves nothing).
func checkEdgeFilter(t *testing.T, name string, tt *trie) {
	t.Helper()
	for k := range tt.next {
		if !tt.edges.mayHave(k) {
			t.Fatalf("%s trie: edge %#x fails its filter", name, k)
		}
	}
	pass, n := 0, 0
	for node := uint32(1); node < uint32(len(tt.word)); node += 97 {
		for r := rune(0x4E00); r < 0x9FFF; r += 331 {
			k := uint64(node)<<32 | uint64(r)
			if _, edge := tt.next[k]; edge {
				continue
			}
			n++
			if tt.edges.mayHave(k) {
				pass++
			}
		}
	}
	if n == 0 || pass*10 > n {
		t.Fatalf("%s trie: %d of %d keys that are no edge pass the filter", name, pass, n)
	}
}

// TestEdgeCacheMatchesChild holds a cutter's cache of edges to the trie:
// every look-up through it gives the child the map gives, over walks of
// the seeds' text that fill the cache many times over and evict from it.
func TestEdgeCacheMatchesChild(t *testing.T) {
	s, err := New(data.DomainDict, data.StopWords, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../data/notices/*")
	var runes []rune
	for _, f := range files {
		b, _ := os.ReadFile(f)
		runes = append(runes, []rune(string(b))...)
	}
	c := &cutter{}
	hits, looks := 0, 0
	for round := range 2 {
		for idx := range runes {
			node := uint32(0)
			for i := idx; i < len(runes) && i < idx+8; i++ {
				got, want := s.trie.edge(c, node, runes[i]), s.trie.child(node, runes[i], false)
				if got != want {
					t.Fatalf("round %d: edge(%d, %q) = %d, child %d", round, node, runes[i], got, want)
				}
				looks++
				if want == 0 {
					break
				}
				hits++
				node = want
			}
		}
	}
	if hits == 0 || hits == looks {
		t.Fatalf("%d hits in %d look-ups: the walks test nothing", hits, looks)
	}
}
