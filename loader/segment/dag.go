package segment

import (
	"math"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// trie is gse's dictionary (its embedded one plus the domain words) laid
// out for the cut below: a trie over runes whose nodes carry the weight gse
// gives a word, ln(freq) - ln(total).
//
// gse's own Cut builds a map for the word graph and another for the routes
// of every string it cuts, converts each candidate word to a string and
// then to bytes to look it up from the root of its double-array trie (twice:
// once for the graph, once for the routes) and allocates every token. The
// cut here walks the trie once per position, keeps the graph implicit,
// reuses its buffers and hands out tokens as slices of the input, so it
// does the same work in a fraction of the time. It gives exactly gse's
// tokens: TestCutMatchesGse compares the two on the seeds, the dev notices
// and thousands of synthetic ones.
type trie struct {
	first  []uint32          // node of a one-rune prefix, by rune (BMP), 0 if none
	next   map[uint64]uint32 // node<<32 | rune -> child node
	edges  edgeFilter        // the keys of next, to answer most misses without it
	weight []float64         // per node: ln(freq) - ln(total) for words
	word   []bool            // per node: a dictionary word (freq > 0)
	logT   float64           // ln(total frequency)
}

const firstRunes = 1 << 16

func newTrie(d *gse.Dictionary) *trie {
	t := &trie{
		first:  make([]uint32, firstRunes),
		next:   make(map[uint64]uint32, 2*d.NumTokens()),
		edges:  newEdgeFilter(),
		weight: make([]float64, 1, 2*d.NumTokens()),
		word:   make([]bool, 1, 2*d.NumTokens()),
		logT:   math.Log(d.TotalFreq()),
	}
	for i := range d.Tokens {
		tok := &d.Tokens[i]
		node := uint32(0)
		for _, r := range tok.Text() {
			node = t.child(node, r, true)
		}
		if node != 0 && tok.Freq() > 0 {
			t.word[node] = true
			t.weight[node] = math.Log(tok.Freq()) - t.logT
		}
	}
	return t
}

// child returns the node reached from node by r, 0 when there is none
// (creating it when add is set). Node 0 is the root.
func (t *trie) child(node uint32, r rune, add bool) uint32 {
	if node == 0 && r >= 0 && r < firstRunes {
		if c := t.first[r]; c != 0 || !add {
			return c
		}
		c := t.newNode()
		t.first[r] = c
		return c
	}
	k := uint64(node)<<32 | uint64(uint32(r))
	if !add && !t.edges.mayHave(k) {
		return 0
	}
	if c, ok := t.next[k]; ok || !add {
		return c
	}
	c := t.newNode()
	t.next[k] = c
	t.edges.add(k)
	return c
}

// edgeFilter is a one-hash Bloom filter over the keys of trie.next, a
// megabyte that stays in the processor's cache. Six in ten of the cut's
// look-ups below the root find no edge (every walk through the trie ends on
// one); a Go map answers them from its table of half a million edges, a
// memory access each (trie.child was 8–11% of a load's CPU, most of it
// waiting on that table). The filter answers a miss with one bit nearly
// always, and sends a look-up to the map only when the edge exists or the
// bit is shared (about 5% of the misses).
type edgeFilter []uint64

const edgeFilterBits = 23 // 2^23 bits, 1 MB

func newEdgeFilter() edgeFilter { return make(edgeFilter, 1<<edgeFilterBits/64) }

// bit is the filter's bit for key k: Fibonacci hashing, the high bits of k
// times 2^64/φ.
func (edgeFilter) bit(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> (64 - edgeFilterBits) }

func (f edgeFilter) add(k uint64) {
	b := f.bit(k)
	f[b>>6] |= 1 << (b & 63)
}

// mayHave is false when k is surely not a key; true when it may be.
func (f edgeFilter) mayHave(k uint64) bool {
	b := f.bit(k)
	return f[b>>6]&(1<<(b&63)) != 0
}

func (t *trie) newNode() uint32 {
	t.weight = append(t.weight, 0)
	t.word = append(t.word, false)
	return uint32(len(t.word) - 1)
}

// lookup walks a whole string: node 0 when it is not a prefix of any word.
func (t *trie) lookup(s string) uint32 {
	node := uint32(0)
	for _, r := range s {
		if node = t.child(node, r, false); node == 0 {
			return 0
		}
	}
	return node
}

// route is the best segmentation of the text from one position to the end:
// its log-probability and the last rune of its first word.
type route struct {
	logp float64
	end  int
}

// cutter holds the buffers of one goroutine's cuts.
type cutter struct {
	runes  []rune
	offs   []int // byte offset of each rune, and of the end
	routes []route
	hmm    hmmCutter
	hot    []hotEdge // edges found lately, by a hash of their key
}

// hotEdge is an edge of the trie (its key, as in trie.next) and its child.
type hotEdge struct {
	key  uint64
	node uint32
}

// hotBits sizes a cutter's cache of edges: 2^14 of them, 256 KB, small
// enough to stay in the core's cache beside the edge filter.
const hotBits = 14

// edge returns the child of node along r, as child does, through the
// cutter's cache of the edges it found lately: the edges a text walks
// are few and recur (the same words, the same first characters), and a
// probe of the trie's map waits on memory.
func (t *trie) edge(c *cutter, node uint32, r rune) uint32 {
	if node == 0 && r >= 0 && r < firstRunes {
		return t.first[r]
	}
	k := uint64(node)<<32 | uint64(uint32(r))
	if !t.edges.mayHave(k) {
		return 0
	}
	if c.hot == nil {
		c.hot = make([]hotEdge, 1<<hotBits)
	}
	slot := &c.hot[(k*0x9E3779B97F4A7C15)>>(64-hotBits)]
	if slot.key == k {
		return slot.node
	}
	child := t.next[k]
	if child != 0 {
		*slot = hotEdge{k, child}
	}
	return child
}

// cut splits s as gse's Cut(s, true) does — the most probable path through
// the dictionary's word graph, runs of single characters handed to the HMM
// — and calls emit with each token, a slice of s (or a string from the HMM).
func (t *trie) cut(c *cutter, s string, hmmCut func(c *cutter, run string, emit func(string)), emit func(string)) {
	c.runes, c.offs = splitRunes(s, c.runes, c.offs)
	n := len(c.runes)
	if cap(c.routes) < n+1 {
		c.routes = make([]route, n+1)
	}
	rs := c.routes[:n+1]
	rs[n] = route{}
	runes := c.runes
	for idx := n - 1; idx >= 0; idx-- {
		found := false
		node := uint32(0)
		for i := idx; i < n; i++ {
			if node = t.edge(c, node, runes[i]); node == 0 {
				break
			}
			if !t.word[node] {
				continue
			}
			r := route{logp: t.weight[node] + rs[i+1].logp, end: i}
			if !found {
				rs[idx], found = r, true
			} else if v := rs[idx]; v.logp < r.logp || (v.logp == r.logp && v.end < r.end) {
				rs[idx] = r
			}
		}
		if !found {
			// No word starts here: the character stands alone. gse weighs
			// it ln(1) - ln(total) when it starts no dictionary entry at
			// all, and ln(0) = -Inf when it only begins longer words.
			w := -t.logT
			if t.child(0, runes[idx], false) != 0 {
				w = math.Inf(-1)
			}
			rs[idx] = route{logp: w + rs[idx+1].logp, end: idx}
		}
	}

	bufStart := -1 // first rune of the pending run of single characters
	flush := func(end int) {
		if bufStart < 0 {
			return
		}
		run := s[c.offs[bufStart]:c.offs[end]]
		switch {
		case end-bufStart == 1:
			emit(run)
		case t.isWord(run):
			for i := bufStart; i < end; i++ {
				emit(s[c.offs[i]:c.offs[i+1]])
			}
		default:
			hmmCut(c, run, emit)
		}
		bufStart = -1
	}
	for x := 0; x < n; {
		y := rs[x].end + 1
		if y-x == 1 {
			if bufStart < 0 {
				bufStart = x
			}
		} else {
			flush(x)
			emit(s[c.offs[x]:c.offs[y]])
		}
		x = y
	}
	flush(n)
}

// splitRunes fills runes with the runes of s and offs with the byte offset
// of each and of the end of s, reusing their arrays.
func splitRunes(s string, runes []rune, offs []int) ([]rune, []int) {
	runes, offs = runes[:0], offs[:0]
	for i, r := range s {
		runes = append(runes, r)
		offs = append(offs, i)
	}
	return runes, append(offs, len(s))
}

// isWord reports whether s is a dictionary word of positive frequency.
func (t *trie) isWord(s string) bool {
	node := t.lookup(s)
	return node != 0 && t.word[node]
}

// validForCut reports whether s can be cut by rune offsets: gse works on
// []rune(s), which turns invalid bytes into U+FFFD.
func validForCut(s string) bool {
	return utf8.ValidString(s)
}
