package source

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/policylens/policylens/loader/hanzi"
)

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
			if !needT2S && hanzi.IsTraditional(r) {
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
			if !needT2S && hanzi.IsTraditional(r) {
				needT2S = true
			}
		}
	}
	if needNFC && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
		needT2S = true // composition may have produced a traditional character
	}
	if needT2S {
		s = hanzi.ToSimplified(s)
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
