package loader

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Printable escapes what could change how text reads on a terminal or in a
// log: control characters (a newline in a file name would forge a line of
// the load report), other non-printing characters (bidirectional
// overrides) and invalid UTF-8, written as Go escapes (\n, \u202e, \xff).
// Printable text, Chinese included, is kept as it is.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || !strconv.IsPrint(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			q := strconv.Quote(s[i : i+1])
			b.WriteString(q[1 : len(q)-1])
		case !strconv.IsPrint(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
