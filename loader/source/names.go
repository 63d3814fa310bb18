package source

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// FileName turns a '/'-separated file path as the file system spells it
// into one that is valid UTF-8, for the database and for people. Paths
// that are already UTF-8 come back as they are. Each other part is decoded
// as GB18030 when that gives plausible Chinese (file names from a zip made
// on Chinese Windows are GBK), else its bytes outside ASCII are written as
// \xNN.
// how says what was done ("" when nothing was).
func FileName(raw string) (name, how string) {
	if utf8.ValidString(raw) {
		return raw, ""
	}
	parts := strings.Split(raw, "/")
	decoded, escaped := false, false
	for i, p := range parts {
		if utf8.ValidString(p) {
			continue
		}
		if s, ok := gbName(p); ok {
			parts[i] = s
			decoded = true
			continue
		}
		parts[i] = EscapeName(p)
		escaped = true
	}
	if decoded {
		// A GBK name can happen to be valid UTF-8 too (通知 is CD A8 D6 AA,
		// which UTF-8 reads as ֪ͨ). Beside a part that had to be decoded,
		// a part that reads as UTF-8 without a Chinese character but
		// decodes to Chinese is GBK as well.
		for i, p := range parts {
			if hasHan(p) || !hasNonASCII(p) {
				continue
			}
			if s, ok := gbName(p); ok && hasHan(s) {
				parts[i] = s
			}
		}
	}
	switch {
	case decoded && escaped:
		how = "decoded as GB18030 where that gave Chinese, elsewhere bytes outside ASCII written as \\xNN"
	case decoded:
		how = "decoded as GB18030"
	default:
		how = "its bytes outside ASCII written as \\xNN"
	}
	return strings.Join(parts, "/"), how
}

// gbName decodes a file name part as GB18030, if it is plausibly GBK
// Chinese.
func gbName(p string) (string, bool) {
	s, ok := decodeStrict(simplifiedchinese.GB18030, []byte(p))
	return s, ok && plausibleGB([]byte(p)) && utf8.ValidString(s)
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// EscapeName writes every byte of s outside ASCII as \xNN: the form a
// name that is not valid UTF-8 is stored under when it cannot be decoded,
// and how a message shows the bytes on disk.
func EscapeName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			fmt.Fprintf(&b, `\x%02x`, c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// DisplayName is FileName without the note: a name safe to put in a
// message or a database row.
func DisplayName(raw string) string {
	name, _ := FileName(raw)
	return name
}
