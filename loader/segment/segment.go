// Package segment turns Chinese text into word tokens with gse, a domain
// dictionary and a stop-word list, and counts terms.
package segment

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// defaultFreq is the frequency given to domain words without one. It is high
// enough that gse prefers the domain word over splitting it.
const defaultFreq = 20000

// Segmenter cuts text into tokens. It is safe for concurrent use once built.
type Segmenter struct {
	seg     gse.Segmenter
	trie    *trie
	hmm     *hmmModel
	cutters sync.Pool
	stop    map[string]bool
}

// loadMu serialises dictionary loading: gse keeps its case folding switch in
// a package variable that must be off while a dictionary loads.
var loadMu sync.Mutex

// New builds a segmenter from gse's embedded simplified-Chinese dictionary,
// the domain dictionary (one word per line, optional frequency), extra words
// that must stay whole (theme keywords, say) and a stop-word list.
func New(domain, stopWords []byte, extra []string) (*Segmenter, error) {
	loadMu.Lock()
	defer loadMu.Unlock()
	// gse lower-cases Latin letters by default, which turns 5G into 5g and
	// IPv6 into ipv6; our terms keep their case.
	gse.ToLower = false
	s := &Segmenter{stop: map[string]bool{}}
	s.seg.SkipLog = true
	words, err := parseWordList(domain, true)
	if err != nil {
		return nil, fmt.Errorf("segment: domain dictionary: %w", err)
	}
	cache := trieCachePath(domain, extra)
	if s.trie = readTrie(cache); s.trie != nil {
		// gse's HMM model, which the cut copies (hmm.go).
		s.seg.LoadModel()
	} else {
		if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
			return nil, fmt.Errorf("segment: load gse dictionary: %w", err)
		}
		for _, w := range extra {
			words = append(words, word{text: w, freq: defaultFreq})
		}
		for _, w := range words {
			if err := s.seg.AddToken(w.text, w.freq, "nz"); err != nil {
				return nil, fmt.Errorf("segment: add %q: %w", w.text, err)
			}
		}
		s.trie = newTrie(s.seg.Dict)
		// The trie holds what the cut needs of gse's dictionary; dropping
		// the dictionary halves the segmenter's memory.
		s.seg.Dict = nil
		writeTrie(cache, s.trie)
	}
	hmmLoaded()
	s.hmm = newHMMModel()
	s.cutters.New = func() any { return &cutter{} }
	stops, err := parseWordList(stopWords, false)
	if err != nil {
		return nil, fmt.Errorf("segment: stop words: %w", err)
	}
	for _, w := range stops {
		s.stop[w.text] = true
	}
	return s, nil
}

type word struct {
	text string
	freq float64
}

// parseWordList reads one word per line; '#' starts a comment line. With
// freq, a trailing number is the word's frequency (words may hold spaces, as
// in "10G PON").
func parseWordList(b []byte, freq bool) ([]word, error) {
	var out []word
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w := word{text: line, freq: defaultFreq}
		if freq {
			if i := strings.LastIndexByte(line, ' '); i > 0 {
				if f, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
					if f <= 0 {
						return nil, fmt.Errorf("line %d: frequency must be positive", n)
					}
					w = word{text: strings.TrimSpace(line[:i]), freq: f}
				}
			}
		}
		out = append(out, w)
	}
	return out, sc.Err()
}

// Cut splits text into gse tokens, spaces and punctuation included: the
// tokens of gse's Cut(text, true).
func (s *Segmenter) Cut(text string) []string {
	var out []string
	s.cut(text, func(tok string) { out = append(out, tok) })
	return out
}

// cut calls emit with each token of text.
func (s *Segmenter) cut(text string, emit func(string)) {
	if !validForCut(text) {
		// gse cuts []rune(text), in which each invalid byte is U+FFFD.
		text = string([]rune(text))
	}
	c := s.cutters.Get().(*cutter)
	s.trie.cut(c, text, s.hmmCut, emit)
	s.cutters.Put(c)
}

func (s *Segmenter) hmmCut(c *cutter, run string, emit func(string)) {
	s.hmm.cut(&c.hmm, run, emit)
}

// Counts is what one text contributes to the term statistics.
type Counts struct {
	// Tokens is the number of word tokens: tokens holding a letter or digit.
	// It is the denominator of every per-10,000-token rate.
	Tokens int
	// Terms counts content words: word tokens that are not stop words, not
	// pure numbers, and (unless they are in a dictionary) longer than one
	// character.
	Terms map[string]int
	// Words counts every word token, stop words included, so that theme
	// keywords that double as stop words still score.
	Words map[string]int
	// cut counts the tokens cut since the last Tally, as cut: each
	// distinct token is then trimmed and classified once, not at every
	// occurrence.
	cut map[string]int
}

// NewCounts returns empty counts to add texts to.
func NewCounts() Counts {
	return Counts{Terms: map[string]int{}, Words: map[string]int{}, cut: map[string]int{}}
}

// Count segments text and counts its tokens and terms.
func (s *Segmenter) Count(text string) Counts {
	c := NewCounts()
	s.Add(&c, text)
	s.Tally(&c)
	return c
}

// Add segments text and adds its tokens to c, so that the sentences of a
// document count into one set of maps; Tally then counts them into
// Tokens, Words and Terms.
func (s *Segmenter) Add(c *Counts, text string) {
	if c.cut == nil {
		c.cut = map[string]int{}
	}
	s.cut(text, func(tok string) { c.cut[tok]++ })
}

// Tally counts the tokens added since the last Tally into c's Tokens,
// Words and Terms.
func (s *Segmenter) Tally(c *Counts) {
	for raw, n := range c.cut {
		tok := strings.TrimSpace(raw)
		if !isWord(tok) {
			continue
		}
		c.Tokens += n
		c.Words[tok] += n
		if s.isTerm(tok) {
			c.Terms[tok] += n
		}
	}
	clear(c.cut)
}

// isWord reports whether a token holds at least one letter or digit.
func isWord(tok string) bool {
	for _, r := range tok {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func (s *Segmenter) isTerm(tok string) bool {
	if s.stop[tok] {
		return false
	}
	hasLetter := false
	for _, r := range tok {
		if unicode.IsLetter(r) {
			hasLetter = true
			break
		}
	}
	if !hasLetter {
		return false
	}
	if utf8.RuneCountInString(tok) < 2 {
		return false
	}
	return true
}
