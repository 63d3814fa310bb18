package extract

import (
	"strings"
	"testing"

	"github.com/policylens/policylens/data"
)

// TestParseLexiconRefuses checks that a broken lexicon is refused with a
// message saying what is wrong: a list the grammar reads is missing, a
// qualifier is unknown, or a qualifier word is listed twice.
func TestParseLexiconRefuses(t *testing.T) {
	shipped := string(data.Lexicon)
	for _, tt := range []struct{ old, new, want string }{
		{"\noperator_nouns:\n", "\noperator_nouns_old:\n", `"operator_nouns" is missing`},
		{"\nmet_verbs: [", "\nmet_verbs_old: [", `"met_verbs" is missing`},
		{"  approx: [接近, ", "  nearly: [接近, ", `unknown qualifier "nearly"`},
		{"  approx: [左右]", "  approx: [左右, 以上]", `"以上" is both`},
		{"  at_least: [至少有, ", "  at_least: ['', ", "empty word"},
	} {
		if !strings.Contains(shipped, tt.old) {
			t.Fatalf("data/lexicon.yaml has no %q", tt.old)
		}
		_, err := ParseLexicon([]byte(strings.Replace(shipped, tt.old, tt.new, 1)))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q → %q: err %v; want %q", tt.old, tt.new, err, tt.want)
		}
	}
}

// TestQualifierWords checks that the qualifier words are read longest
// first, so that the longer of two overlapping words wins.
func TestQualifierWords(t *testing.T) {
	l := DefaultLexicon()
	for _, tt := range []struct {
		s    string
		want string
	}{
		{"超过了20", "over"}, {"不超过20", "at_most"}, {"至少有3", "at_least"}, {"将近5", "approx"},
		{"约5", "approx"}, {"达到5", ""},
	} {
		rs := []rune(tt.s)
		i := strings.IndexFunc(tt.s, isDigit)
		if got := l.prefixQual(rs, len([]rune(tt.s[:i]))); got != tt.want {
			t.Errorf("prefixQual(%s) = %q; want %q", tt.s, got, tt.want)
		}
	}
	if q, n := l.prefixQualSpan([]rune("超过了20"), 3); q != "over" || n != 3 {
		t.Errorf("prefixQualSpan(超过了20) = %q %d; want over 3", q, n)
	}
}
