package segment

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/go-ego/gse"
)

// trieFormat changes whenever the trie's layout or the way it is built
// from gse's dictionary changes: a cached trie of another format is built
// anew.
const trieFormat = 1

// The trie built from gse's dictionary and the domain words is cached in
// the user's cache folder: laying out gse's dictionary takes a second or
// two of one core, reading the cache a tenth of that, which is most of what
// adding one notice costs. The cache is keyed by everything the trie is
// built from (gse's version, the domain words and the extra words, the
// format), so a stale one is never read; a missing, unreadable or corrupt
// one is built again.

// cachedTrie is the trie as stored.
type cachedTrie struct {
	First  []uint32
	Keys   []uint64
	Vals   []uint32
	Weight []float64
	Word   []bool
	LogT   float64
}

// trieCachePath names the cache file for these inputs, "" when there is no
// cache folder or gse's version is unknown.
func trieCachePath(domain []byte, extra []string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	version := gseVersion()
	if version == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%d\n%s\n%d\n", trieFormat, version, len(domain))
	h.Write(domain)
	for _, w := range extra {
		fmt.Fprintf(h, "%d:%s", len(w), w)
	}
	return filepath.Join(dir, "policylens", fmt.Sprintf("segment-%x.gob", h.Sum(nil)[:12]))
}

// gseVersion is the version of the gse module built in, "" when unknown.
// A binary's build information names it; a test binary's carries no
// dependencies, but the path of gse's source, as compiled in, names the
// module cache folder it came from (…/github.com/go-ego/gse@v0.80.3/…).
// A vendored or replaced gse has neither, and no cache.
func gseVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == gseModule {
				return m.Version
			}
		}
	}
	f := runtime.FuncForPC(reflect.ValueOf(gse.GetVersion).Pointer())
	if f == nil {
		return ""
	}
	file, _ := f.FileLine(f.Entry())
	if _, v, ok := strings.Cut(filepath.ToSlash(file), gseModule+"@"); ok {
		if i := strings.IndexByte(v, '/'); i > 0 {
			return v[:i]
		}
	}
	return ""
}

const gseModule = "github.com/go-ego/gse"

// readTrie reads a cached trie, or returns nil.
func readTrie(path string) *trie {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var c cachedTrie
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&c); err != nil ||
		len(c.First) != firstRunes || len(c.Keys) != len(c.Vals) || len(c.Weight) != len(c.Word) || len(c.Word) < 2 {
		return nil
	}
	t := &trie{first: c.First, next: make(map[uint64]uint32, len(c.Keys)), edges: newEdgeFilter(), weight: c.Weight, word: c.Word, logT: c.LogT}
	for i, k := range c.Keys {
		if int(c.Vals[i]) >= len(c.Word) {
			return nil
		}
		t.next[k] = c.Vals[i]
		t.edges.add(k)
	}
	for _, n := range c.First {
		if int(n) >= len(c.Word) {
			return nil
		}
	}
	return t
}

// writeTrie stores a trie for the next process, through a temporary file
// so that a reader never sees half of one. Failing to is no error.
func writeTrie(path string, t *trie) {
	if path == "" {
		return
	}
	c := cachedTrie{First: t.first, Weight: t.weight, Word: t.word, LogT: t.logT,
		Keys: make([]uint64, 0, len(t.next)), Vals: make([]uint32, 0, len(t.next))}
	for k, v := range t.next {
		c.Keys = append(c.Keys, k)
		c.Vals = append(c.Vals, v)
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&c); err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp := path + ".tmp-" + strconv.Itoa(os.Getpid())
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		os.Remove(tmp)
		return
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
	}
}
