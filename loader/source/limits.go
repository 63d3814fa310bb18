package source

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Default limits per notice. Real notices are far below them: a long work
// report is a few hundred KB of text, a saved page with its markup a few MB.
// The limits exist so that a stray dump or a hostile file is refused with a
// clear message instead of exhausting memory.
const (
	// DefaultMaxFileBytes is the largest notice file read (for a .docx also
	// the largest word/document.xml it may inflate to).
	DefaultMaxFileBytes = 20 << 20
	// DefaultMaxTextBytes is the most text (UTF-8) one notice may hold.
	DefaultMaxTextBytes = 4 << 20
)

// maxDocxRatio is the largest uncompressed/compressed ratio accepted for
// the parts of a .docx read (word/document.xml, docProps/core.xml) once
// they are bigger than docxRatioFloor. Word's XML deflates 5–20 to one;
// Apache POI refuses beyond 100 to one as well.
const (
	maxDocxRatio   = 100
	docxRatioFloor = 1 << 20
)

// maxSidecarBytes bounds a sidecar metadata file: a few lines of YAML.
const maxSidecarBytes = 1 << 20

// ErrTooLarge is returned (wrapped) for a notice beyond a Limits bound:
// too big a file, too much text, or a .docx that inflates too far.
var ErrTooLarge = errors.New("notice too large")

// Limits bound what reading one notice may cost. A zero field means its
// default. The loader takes them from its options, the command line from
// --max-notice-size and --max-notice-text.
type Limits struct {
	// MaxFileBytes is the largest file read; for a .docx it also bounds
	// word/document.xml after inflating (declared and actual size).
	MaxFileBytes int64
	// MaxTextBytes is the most text one notice may hold: the decoded file
	// for .txt and .md, the text between the tags for .html, the
	// paragraphs of a .docx (before page chrome is cleaned away).
	MaxTextBytes int64
}

func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultMaxFileBytes
	}
	if l.MaxTextBytes <= 0 {
		l.MaxTextBytes = DefaultMaxTextBytes
	}
	return l
}

// FileSize refuses a notice file of size bytes, before it is read, when it
// is over the limit.
func (l Limits) FileSize(size int64) error {
	l = l.withDefaults()
	if size <= l.MaxFileBytes {
		return nil
	}
	return fmt.Errorf("%w: the file is %s, the limit is %s (--max-notice-size)",
		ErrTooLarge, FormatBytes(size), FormatBytes(l.MaxFileBytes))
}

func (l Limits) textTooLong(n int64, more bool) error {
	size := FormatBytes(n)
	if more {
		size = "more than " + size
	}
	return fmt.Errorf("%w: %s of text, the limit is %s (--max-notice-text)",
		ErrTooLarge, size, FormatBytes(l.MaxTextBytes))
}

// ByteSize is a size in bytes read from a flag: a plain number of bytes or
// one with a unit, K, M or G (KB/KiB, MB/MiB, GB/GiB: all powers of 1024).
type ByteSize int64

// String formats the size with the largest unit that divides it.
func (b ByteSize) String() string { return FormatBytes(int64(b)) }

// Set parses a size such as 20MB, 512K or 1048576.
func (b *ByteSize) Set(s string) error {
	n, err := ParseBytes(s)
	if err != nil {
		return err
	}
	*b = ByteSize(n)
	return nil
}

var units = []struct {
	name     string
	suffixes []string
	shift    uint
}{
	{"GiB", []string{"gib", "gb", "g"}, 30},
	{"MiB", []string{"mib", "mb", "m"}, 20},
	{"KiB", []string{"kib", "kb", "k"}, 10},
	{"bytes", []string{"bytes", "b", ""}, 0},
}

// ParseBytes reads a positive size such as 20MB, 1.5G or 4096.
func ParseBytes(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, u := range units {
		for _, suf := range u.suffixes {
			num, ok := strings.CutSuffix(t, suf)
			if !ok {
				continue
			}
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil {
				break
			}
			n := v * float64(int64(1)<<u.shift)
			if !(n >= 1 && n < 1<<62) {
				return 0, fmt.Errorf("size %q out of range", s)
			}
			return int64(n), nil
		}
	}
	return 0, fmt.Errorf("invalid size %q (want a number of bytes, or one with K, M or G)", s)
}

// FormatBytes writes n for people: 20 MiB, 1.5 GiB (1610612736 bytes),
// 900 bytes.
func FormatBytes(n int64) string {
	for _, u := range units[:3] {
		unit := int64(1) << u.shift
		if n < unit {
			continue
		}
		if n%unit == 0 {
			return fmt.Sprintf("%d %s", n/unit, u.name)
		}
		return fmt.Sprintf("%.1f %s (%d bytes)", float64(n)/float64(unit), u.name, n)
	}
	return fmt.Sprintf("%d bytes", n)
}
