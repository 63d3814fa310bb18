package segment

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/go-ego/gse/hmm"

	"github.com/policylens/policylens/data"
)

// TestHMMMatchesGse checks the HMM cut against gse's hmm.Cut on random
// strings of Han characters (common, rare and unknown to the model),
// Latin letters, digits, decimal points, spaces and punctuation, and on
// random slices of the seeds.
func TestHMMMatchesGse(t *testing.T) {
	s, err := New(data.DomainDict, data.StopWords, nil)
	if err != nil {
		t.Fatal(err)
	}
	var seeds []rune
	files, _ := filepath.Glob("../../data/notices/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, []rune(string(b))...)
	}
	if len(seeds) < 1000 {
		t.Fatalf("only %d runes of seeds", len(seeds))
	}
	pieces := []string{"的", "了", "在", "潍", "坊", "滨", "淄", "㐀", "𠀀", "a", "Z", "5", "G", "2", ".", "24.2", "1.", ".5", " ", "，", "。", "-", "🙂", "中国", "移动", "信号", "升格"}
	r := rand.New(rand.NewPCG(1, 12))
	var h hmmCutter
	check := func(text string) {
		want := hmm.Cut(text)
		var got []string
		s.hmm.cut(&h, text, func(tok string) { got = append(got, tok) })
		if len(want) == 0 && len(got) == 0 {
			return
		}
		if !slices.Equal(got, want) {
			t.Fatalf("HMM cut of %q:\n got %q\nwant %q", text, got, want)
		}
	}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		var b []rune
		for range 1 + r.IntN(12) {
			b = append(b, []rune(pieces[r.IntN(len(pieces))])...)
		}
		check(string(b))
		i := r.IntN(len(seeds) - 40)
		check(string(seeds[i : i+1+r.IntN(40)]))
	}
}
