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
