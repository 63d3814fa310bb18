package extract

import "strings"

// phraseSet answers containsAny(s, phrases...) in one pass over s: the
// phrases are grouped by their first rune, and only where s has such a rune
// are they compared. A sentence is tested against the same long lists
// (attendance, now) for every notice, and strings.Contains per phrase
// rescans the sentence for each.
type phraseSet struct {
	// first marks the runes below 0x10000 that open a phrase, so that
	// most runes of a sentence cost a bit test, not a map look-up.
	first   []uint64
	byFirst map[rune][]string
	// any is set when a phrase is empty: it is in every string.
	any bool
}

func newPhraseSet(phrases []string) phraseSet {
	p := phraseSet{first: make([]uint64, 0x10000/64), byFirst: map[rune][]string{}}
	for _, x := range phrases {
		if x == "" {
			p.any = true
			continue
		}
		for _, r := range x {
			p.byFirst[r] = append(p.byFirst[r], x)
			if r < 0x10000 {
				p.first[r>>6] |= 1 << (r & 63)
			}
			break
		}
	}
	return p
}

// in reports whether s contains one of the phrases.
func (p phraseSet) in(s string) bool {
	if p.any {
		return true
	}
	for i, r := range s {
		if r < 0x10000 && p.first[r>>6]&(1<<(r&63)) == 0 {
			continue
		}
		for _, x := range p.byFirst[r] {
			if strings.HasPrefix(s[i:], x) {
				return true
			}
		}
	}
	return false
}
