package source

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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

// pinyinRe finds a bracketed group after a Han character: a candidate
// pinyin annotation (業(yè), 业（yè）, 行业(háng yè), 业(ye4)).
var pinyinRe = regexp.MustCompile(`(\p{Han})\s?[(（]([^()（）\n]{1,40})[)）]`)

// pinyinBodyRe is what an annotation holds: syllables of Latin letters with
// tone marks or tone numbers, separated by spaces or apostrophes.
var pinyinBodyRe = regexp.MustCompile(`^\s*[a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ1-5' ]+\s*$`)

// toneRe is a tone mark or a tone number after letters: without one a
// bracketed word is an abbreviation (APP), not pinyin.
var toneRe = regexp.MustCompile(`[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ]|[a-zü][1-5]\b`)

// StripPinyin removes pinyin annotations that mirror sites insert after
// characters (業(yè) → 業, 行业(háng yè) → 行业).
func StripPinyin(s string) string {
	if !strings.ContainsAny(s, "(（") {
		return s
	}
	return pinyinRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := pinyinRe.FindStringSubmatch(m)
		if pinyinBodyRe.MatchString(sub[2]) && toneRe.MatchString(sub[2]) {
			return sub[1]
		}
		return m
	})
}

// normalize prepares one line: NFC, simplified characters, no pinyin
// annotations, no zero-width or no-break spaces, trimmed. One pass over the
// runes decides which of these steps the line needs at all.
func normalize(s string) string {
	t := loadT2S()
	var needNFC, needT2S, needPinyin, needSpace bool
	for _, r := range s {
		switch {
		case r < 0x80:
			if r == '(' {
				needPinyin = true
			} else if r == '\t' {
				needSpace = true
			}
		case r >= 0x4E00 && r <= 0x9FFF:
			// CJK unified ideographs: NFC already, maybe traditional.
			if !needT2S && t.isTrad(r) {
				needT2S = true
			}
		case r == '（':
			needPinyin = true
		case r == '\u00a0', r == '\u200b', r == '\u200c', r == '\u200d', r == '\ufeff', r == '\u2002', r == '\u2003', r == '\u2009', r == '\u3000':
			needSpace = true
		case r < 0x300, r >= 0x3001 && r <= 0x3011, r >= 0xFF01 && r <= 0xFF5E, r >= 0x2010 && r <= 0x2027:
			// Latin-1, CJK and full-width punctuation: NFC already.
		default:
			needNFC = true
			if !needT2S && t.isTrad(r) {
				needT2S = true
			}
		}
	}
	if needNFC && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
		needT2S = true // composition may have produced a traditional character
	}
	if needT2S {
		s = ToSimplified(s)
	}
	if needPinyin {
		s = StripPinyin(s)
	}
	if needSpace {
		s = strings.Map(func(r rune) rune {
			switch r {
			case '\u200b', '\u200c', '\u200d', '\ufeff':
				return -1
			case '\u00a0', '\u2002', '\u2003', '\u2009', '\u3000', '\t':
				return ' '
			}
			return r
		}, s)
	}
	return strings.TrimFunc(s, unicode.IsSpace)
}
