package text

import (
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/loader/hanzi"
)

// Simplify maps traditional characters to simplified ones (OpenCC's
// single-character entries) and full-width ASCII to ASCII, rune for rune,
// so that offsets into the result are offsets into the original. Notices
// arrive simplified already (package source converts them); this keeps the
// sentence and indicator rules right for text that did not come that way.
func Simplify(s string) string {
	// Most sentences change nowhere: full-width punctuation that is kept
	// (，：；) is common, traditional characters are rare. Find the first
	// rune that changes (or a byte that is no valid UTF-8, which the
	// conversion writes as U+FFFD) before building anything.
	for i, r := range s {
		if r == utf8.RuneError || SimplifyRune(r) != r {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				b.WriteRune(SimplifyRune(r))
			}
			return b.String()
		}
	}
	return s
}

// SimplifyRune is Simplify for one rune.
func SimplifyRune(r rune) rune {
	if r >= 0xff01 && r <= 0xff5e {
		switch r {
		case '，', '：', '；', '！', '？', '（', '）', '％':
			// Keep full-width punctuation: sentence splitting and clause
			// detection already know it, and it marks Chinese text.
			return r
		}
		return r - 0xff01 + '!'
	}
	return hanzi.SimplifyRune(r)
}
