package themes

import (
	"strings"
	"testing"

	"github.com/policylens/policylens/data"
)

func TestDefaultThemesParse(t *testing.T) {
	s, err := Parse("themes.yaml", data.Themes)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Themes) < 10 {
		t.Fatalf("default set has %d themes, want the ten of the brief", len(s.Themes))
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"themes: []", "no themes"},
		{"themes:\n - id: Bad\n   label: x\n   keywords: [a]", "lower-case"},
		{"themes:\n - id: a\n   label: x\n   keywords: [a]\n - id: a\n   label: y\n   keywords: [b]", "twice"},
		{"themes:\n - id: a\n   keywords: [a]", "no label"},
		{"themes:\n - id: a\n   label: x", "no keywords"},
		{"themes:\n - id: a\n   label: x\n   keywords: ['  ']", "empty"},
		{"themes: [", "themes t.yaml"},
	} {
		_, err := Parse("t.yaml", []byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestScore(t *testing.T) {
	s, err := Parse("t", []byte("themes:\n - id: fraud\n   label: 反诈\n   keywords: [反诈, 断卡]\n - id: ai\n   label: AI\n   keywords: [人工智能]\n"))
	if err != nil {
		t.Fatal(err)
	}
	hits := s.Score(map[string]int{"反诈": 3, "断卡": 1, "其他": 9}, 2000)
	if len(hits) != 1 || hits[0].Theme != "fraud" || hits[0].Hits != 4 || hits[0].Per10k != 20 {
		t.Fatalf("got %+v", hits)
	}
}
