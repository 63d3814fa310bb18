// Package hanzi converts traditional Chinese characters to simplified ones
// with OpenCC's tables: whole text (phrases first, then characters) for the
// notices the loader reads, and rune for rune where offsets must hold.
package hanzi

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// The traditional-to-simplified tables are OpenCC's TSCharacters.txt and
// TSPhrases.txt (Apache-2.0, see opencc/LICENSE and opencc/README.md), as
// shipped in github.com/longbridgeapp/opencc v0.3.13. Only the tables are
// used, not the module.
var (
	//go:embed opencc/TSCharacters.txt
	tsCharacters string
	//go:embed opencc/TSPhrases.txt
	tsPhrases string
)

type t2sTable struct {
	chars      map[rune]string
	phrases    map[string]string
	phraseLens map[rune][]int // first rune -> byte lengths of phrases, longest first
	mark       []uint64       // bitset over runes below 0x30000: rune is traditional or starts a phrase
	trad       []uint64       // bitset: rune is a traditional character (a line without one needs no conversion)
}

var (
	t2sOnce sync.Once
	t2s     *t2sTable
)

func loadT2S() *t2sTable {
	t2sOnce.Do(func() {
		t := &t2sTable{chars: map[rune]string{}, phrases: map[string]string{}, phraseLens: map[rune][]int{}, mark: make([]uint64, 0x30000/64), trad: make([]uint64, 0x30000/64)}
		for _, line := range strings.Split(tsCharacters, "\n") {
			k, v, ok := strings.Cut(line, "\t")
			if !ok {
				continue
			}
			v, _, _ = strings.Cut(v, " ")
			r, size := utf8.DecodeRuneInString(k)
			if size != len(k) || v == k {
				continue
			}
			t.chars[r] = v
			t.setMark(r)
			if r < 0x30000 {
				t.trad[r/64] |= 1 << (r % 64)
			}
		}
		for _, line := range strings.Split(tsPhrases, "\n") {
			k, v, ok := strings.Cut(line, "\t")
			if !ok {
				continue
			}
			v, _, _ = strings.Cut(v, " ")
			if v == k {
				continue // only guards characters that need no conversion
			}
			t.phrases[k] = v
			r, _ := utf8.DecodeRuneInString(k)
			t.phraseLens[r] = insertDesc(t.phraseLens[r], len(k))
			t.setMark(r)
		}
		// Every phrase holds a traditional character, so that isTrad finds
		// the lines worth converting; a phrase that does not is marked by
		// its first character.
		for k := range t.phrases {
			has := false
			for _, r := range k {
				has = has || t.isTrad(r)
			}
			if !has {
				r, _ := utf8.DecodeRuneInString(k)
				t.trad[r/64] |= 1 << (r % 64)
			}
		}
		t2s = t
	})
	return t2s
}

func insertDesc(ls []int, l int) []int {
	for _, x := range ls {
		if x == l {
			return ls
		}
	}
	ls = append(ls, l)
	for i := len(ls) - 1; i > 0 && ls[i] > ls[i-1]; i-- {
		ls[i], ls[i-1] = ls[i-1], ls[i]
	}
	return ls
}

func (t *t2sTable) setMark(r rune) {
	if r < 0x30000 {
		t.mark[r/64] |= 1 << (r % 64)
	}
}

func (t *t2sTable) isTrad(r rune) bool {
	return r < 0x30000 && t.trad[r/64]&(1<<(r%64)) != 0
}

func (t *t2sTable) marked(r rune) bool {
	return r < 0x30000 && t.mark[r/64]&(1<<(r%64)) != 0
}

// ToSimplified converts traditional characters to simplified ones, phrase
// table first (longest match), then character by character. Text without
// traditional characters is returned unchanged without copying.
func ToSimplified(s string) string {
	t := loadT2S()
	first := -1
	for i, r := range s {
		if t.isTrad(r) {
			first = i
			break
		}
	}
	if first < 0 {
		return s
	}
	// A phrase may start a few characters before its traditional one.
	for k := 0; k < 3 && first > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:first])
		first -= size
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !t.marked(r) {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		done := false
		for _, l := range t.phraseLens[r] {
			if i+l <= len(s) {
				if v, ok := t.phrases[s[i:i+l]]; ok {
					b.WriteString(v)
					i += l
					done = true
					break
				}
			}
		}
		if done {
			continue
		}
		if v, ok := t.chars[r]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// IsTraditional reports whether r is a traditional character that OpenCC
// converts.
func IsTraditional(r rune) bool {
	return loadT2S().isTrad(r)
}

// SimplifyRune maps a traditional character to its simplified form when
// that form is a single character, and returns r otherwise. Unlike
// ToSimplified it never changes the length of a text, so offsets into the
// result are offsets into the original.
func SimplifyRune(r rune) rune {
	t := loadT2S()
	if !t.isTrad(r) {
		return r
	}
	v, ok := t.chars[r]
	if !ok {
		return r
	}
	s, size := utf8.DecodeRuneInString(v)
	if size != len(v) {
		return r
	}
	return s
}
