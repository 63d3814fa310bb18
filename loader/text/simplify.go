package text

import "github.com/policylens/policylens/loader/hanzi"

// Simplify maps traditional characters to simplified ones (OpenCC's
// single-character entries) and full-width ASCII to ASCII, rune for rune,
// so that offsets into the result are offsets into the original. Notices
// arrive simplified already (package source converts them); this keeps the
// sentence and indicator rules right for text that did not come that way.
func Simplify(s string) string {
	changed := false
	for _, r := range s {
		if r >= 0xff01 && r <= 0xff5e {
			changed = true
			break
		}
		if hanzi.IsTraditional(r) {
			changed = true
			break
		}
	}
	if !changed {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = SimplifyRune(r)
	}
	return string(rs)
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
