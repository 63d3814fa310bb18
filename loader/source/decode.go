package source

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// ErrUnknownEncoding is returned for text that is not UTF-8, GB18030/GBK or
// UTF-16 (nor Big5 declared by an HTML page).
var ErrUnknownEncoding = errors.New("unknown encoding (not UTF-8, GB18030/GBK or UTF-16 with BOM)")

// ErrBinary is returned for content that is not text.
var ErrBinary = errors.New("binary file")

var magics = []struct {
	prefix, kind string
}{
	{"%PDF", "PDF"}, {"\x89PNG", "PNG image"}, {"GIF8", "GIF image"}, {"\xff\xd8\xff", "JPEG image"},
	{"PK\x03\x04", "zip archive"}, {"\x7fELF", "executable"}, {"MZ", "executable"},
	{"\x1f\x8b", "gzip archive"}, {"Rar!", "RAR archive"}, {"7z\xbc\xaf", "7z archive"},
	{"\xd0\xcf\x11\xe0", "OLE document (.doc/.xls)"}, {"BZh", "bzip2 archive"},
	{"RIFF", "media file"}, {"OggS", "media file"}, {"ID3", "MP3 audio"}, {"\x00\x00\x00", "binary data"},
}

var charsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)`)

// decode turns file bytes into a string and names the encoding. For HTML a
// declared charset is honoured where the bytes agree with it.
func decode(data []byte, isHTML bool) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		body := data[3:]
		if !utf8.Valid(body) {
			return "", "", fmt.Errorf("%w: UTF-8 byte order mark but invalid UTF-8", ErrUnknownEncoding)
		}
		return string(body), "utf-8-bom", checkText(string(body))
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], unicode.LittleEndian, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], unicode.BigEndian, "utf-16be")
	}
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", "", fmt.Errorf("%w (looks like %s)", ErrBinary, m.kind)
		}
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		if enc, order := sniffUTF16(head); enc != "" {
			return decodeUTF16(data, order, enc)
		}
		return "", "", fmt.Errorf("%w (NUL bytes)", ErrBinary)
	}
	declared := ""
	if isHTML {
		if m := charsetRe.FindSubmatch(head); m != nil {
			declared = strings.ToLower(string(m[1]))
		}
	}
	if declared == "big5" || declared == "big5-hkscs" {
		if s, ok := decodeStrict(traditionalchinese.Big5, data); ok {
			return s, "big5", checkText(s)
		}
	}
	if utf8.Valid(data) {
		s := string(data)
		return s, "utf-8", checkText(s)
	}
	if s, ok := decodeStrict(simplifiedchinese.GB18030, data); ok && plausibleGB(data) {
		return s, "gb18030", checkText(s)
	}
	// UTF-8 damaged in a few places (a truncated download, a bad copy):
	// keep it, with U+FFFD for the bad bytes; the caller warns.
	if bad, total := invalidUTF8(data); bad > 0 && bad*1000 <= total {
		s := strings.ToValidUTF8(string(data), "\uFFFD")
		return s, "utf-8", checkText(s)
	}
	return "", "", ErrUnknownEncoding
}

// invalidUTF8 counts the invalid bytes and the runes of data.
func invalidUTF8(data []byte) (bad, total int) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		total++
		i += size
	}
	return bad, total
}

func decodeUTF16(body []byte, order unicode.Endianness, name string) (string, string, error) {
	if len(body)%2 == 1 {
		return "", "", fmt.Errorf("%w: %s with an odd number of bytes", ErrUnknownEncoding, name)
	}
	s, ok := decodeStrict(unicode.UTF16(order, unicode.IgnoreBOM), body)
	if !ok {
		return "", "", fmt.Errorf("%w: invalid %s", ErrUnknownEncoding, name)
	}
	return s, name, checkText(s)
}

// sniffUTF16 recognises UTF-16 without a byte order mark by its zero bytes:
// text with ASCII in it has zeros at every other position.
func sniffUTF16(head []byte) (string, unicode.Endianness) {
	var even, odd int
	for i, b := range head {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	n := len(head) / 2
	switch {
	case odd > n/5 && even == 0:
		return "utf-16le", unicode.LittleEndian
	case even > n/5 && odd == 0:
		return "utf-16be", unicode.BigEndian
	}
	return "", unicode.LittleEndian
}

// decodeStrict decodes with enc and reports false when the bytes were not
// valid in it (the decoder substitutes U+FFFD).
func decodeStrict(enc encoding.Encoding, data []byte) (string, bool) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	bad := bytes.Count(out, []byte("\uFFFD")) - bytes.Count(data, []byte("\uFFFD"))
	if bad > 0 {
		return "", false
	}
	return string(out), true
}

// plausibleGB tells GBK Chinese from other legacy encodings that happen to
// decode (Big5, Shift-JIS, Latin-1): in real GBK text nearly every two-byte
// character is in GB2312 (lead 0xA1–0xF7, trail 0xA1–0xFE).
func plausibleGB(data []byte) bool {
	var pairs, gb2312 int
	for i := 0; i < len(data); i++ {
		b := data[i]
		if b < 0x80 {
			continue
		}
		if i+1 >= len(data) {
			break
		}
		t := data[i+1]
		if t >= 0x30 && t <= 0x39 { // four-byte GB18030 sequence
			i += 3
			pairs++
			continue
		}
		pairs++
		if b >= 0xA1 && b <= 0xF7 && t >= 0xA1 && t <= 0xFE {
			gb2312++
		}
		i++
	}
	return pairs == 0 || gb2312*10 >= pairs*8
}

// checkText rejects decoded text that is mostly control characters.
func checkText(s string) error {
	var ctrl, n int
	for _, r := range s {
		n++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v' {
			ctrl++
		}
		if n >= 65536 {
			break
		}
	}
	if ctrl*100 > n {
		return fmt.Errorf("%w (%d control characters in the first %d)", ErrBinary, ctrl, n)
	}
	return nil
}
