package segment

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"github.com/policylens/policylens/data"
	"github.com/policylens/policylens/loader/synth"
)

// TestCutMatchesGse checks that the cut gives exactly gse's tokens, in
// order, on every line of the seeds and the dev notices, on a few thousand
// synthetic notices, on whole texts, and on strings built to hit the edge
// cases: characters that only begin longer words, runs handed to the HMM,
// Latin letters, digits, spaces, punctuation, invalid UTF-8.
func TestCutMatchesGse(t *testing.T) {
	s, err := New(data.DomainDict, data.StopWords, []string{"信号升格", "反诈"})
	if err != nil {
		t.Fatal(err)
	}
	ref := gseWithDomain(t, []string{"信号升格", "反诈"})
	var texts []string
	for _, pattern := range []string{"../../data/notices/*", "../testdata/dev/*.txt", "../testdata/dev/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 10 {
		t.Fatalf("only %d texts found", len(texts))
	}
	n := 300
	if testing.Short() {
		n = 50
	}
	for i := range n {
		texts = append(texts, synth.At(synth.Options{N: n, Seed: 11}, i).Text)
	}
	texts = append(texts,
		"", "a", "。", "  ", "5G", "10G PON和5G-A", "IPv6+", "abc def", "１２３万个",
		"开通5G基站24.2万个，新增5G虚拟专网1600余个", "信号升格信号升格", "的的的的", "㐀㐁㐂", "🙂中文🙂",
		"中国移动\xff通信", "\xe4\xb8", "\xff\xfe", "潍坊滨州淄博东营", "習近平總書記", "甲乙丙丁戊己庚辛", "了吗呢吧",
	)
	mismatches := 0
	check := func(text string) {
		want := ref.Cut(text, true)
		if !validForCut(text) {
			// gse hands out U+FFFD where the text has an invalid byte.
			text = string([]rune(text))
		}
		got := s.Cut(text)
		if len(want) == 0 && len(got) == 0 {
			return
		}
		if !slices.Equal(got, want) {
			mismatches++
			if mismatches <= 5 {
				t.Errorf("cut of %q:\n got %q\nwant %q", text, got, want)
			}
		}
	}
	lines := 0
	for _, text := range texts {
		check(text)
		for _, line := range strings.Split(text, "\n") {
			check(line)
			lines++
		}
	}
	if mismatches > 0 {
		t.Fatalf("%d of %d texts and lines cut differently from gse", mismatches, len(texts)+lines)
	}
}

// BenchmarkCut compares the cut with gse's Cut on the seeds' lines.
func BenchmarkCut(b *testing.B) {
	s, err := New(data.DomainDict, data.StopWords, nil)
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../../data/notices/*")
	var lines []string
	size := 0
	for _, f := range files {
		c, _ := os.ReadFile(f)
		for _, l := range strings.Split(string(c), "\n") {
			lines = append(lines, l)
			size += len(l)
		}
	}
	b.Run("dag", func(b *testing.B) {
		b.SetBytes(int64(size))
		for range b.N {
			for _, l := range lines {
				s.cut(l, func(string) {})
			}
		}
	})
	ref := gseWithDomain(b, nil)
	b.Run("gse", func(b *testing.B) {
		b.SetBytes(int64(size))
		for range b.N {
			for _, l := range lines {
				ref.Cut(l, true)
			}
		}
	})
}

// gseWithDomain loads gse's own segmenter with the same dictionary as New.
func gseWithDomain(tb testing.TB, extra []string) *gse.Segmenter {
	tb.Helper()
	var g gse.Segmenter
	g.SkipLog = true
	loadMu.Lock()
	defer loadMu.Unlock()
	gse.ToLower = false
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		tb.Fatal(err)
	}
	words, err := parseWordList(data.DomainDict, true)
	if err != nil {
		tb.Fatal(err)
	}
	for _, w := range extra {
		words = append(words, word{text: w, freq: defaultFreq})
	}
	for _, w := range words {
		if err := g.AddToken(w.text, w.freq, "nz"); err != nil {
			tb.Fatal(err)
		}
	}
	return &g
}
