package dashboard

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/policylens/policylens/queries"
)

// longNotice builds a notice of n sentences, each with an indicator and
// theme keywords, with its sentences and indicators as the loader would
// store them.
func longNotice(n int) (string, []queries.Sentence, []queries.DocIndicator) {
	const sentence = "全年新建5G基站24.2万个，推进算力网络和反诈工作，千兆光网覆盖全部行政村。\n"
	var b strings.Builder
	var sents []queries.Sentence
	var inds []queries.DocIndicator
	per := len([]rune(sentence))
	at := len([]rune("全年新建5G基站"))
	for i := range n {
		b.WriteString(sentence)
		start := i * per
		sents = append(sents, queries.Sentence{No: i, Part: "review", Start: start, End: start + per - 1})
		inds = append(inds, queries.DocIndicator{IndicatorID: int64(i + 1), SentenceNo: i, Start: start + at, End: start + at + len([]rune("24.2万个")), Kind: "achievement", Metric: "5G基站", Value: 242000, Unit: "个"})
	}
	return b.String(), sents, inds
}

var readerWords = []themeWord{{Word: "5G基站", Theme: "net", Label: "网络"}, {Word: "算力网络", Theme: "cp", Label: "算力"}, {Word: "反诈", Theme: "af", Label: "反诈"}, {Word: "千兆光网", Theme: "net", Label: "网络"}}

// TestReaderLinear renders a notice of about 2.5 MB and one twice as long
// and compares the work the reader did (characters and marks visited):
// it must grow in proportion to the notice. The reader used to visit every
// mark for every sentence, quadratic in the notice.
func TestReaderLinear(t *testing.T) {
	work := func(n int) int64 {
		body, sents, inds := longNotice(n)
		_, w, err := highlightRange(context.Background(), body, 0, -1, sents, inds, readerWords...)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	w1, w2 := work(20000), work(40000)
	ratio := float64(w2) / float64(w1)
	t.Logf("work %d for 20,000 sentences, %d for 40,000: ratio %.2f", w1, w2, ratio)
	if ratio > 2.2 {
		t.Errorf("twice the notice took %.2f times the work, want about 2", ratio)
	}
}

// TestReaderCancelled checks that the reader stops when its request is
// gone.
func TestReaderCancelled(t *testing.T) {
	body, sents, inds := longNotice(20000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := highlightRange(ctx, body, 0, -1, sents, inds, readerWords...); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled render returned %v", err)
	}
}

// TestReaderPages checks that a long notice is split at sentence starts
// into pages of about readerPageChars that cover it exactly, and that a
// page renders only its own sentences.
func TestReaderPages(t *testing.T) {
	body, sents, inds := longNotice(20000)
	n := len([]rune(body))
	pages := readerPages(sents, n)
	if len(pages) < n/readerPageChars || len(pages) > n/readerPageChars+1 {
		t.Fatalf("%d pages for %d characters", len(pages), n)
	}
	for i, p := range pages {
		if i > 0 && p.from != pages[i-1].to {
			t.Errorf("page %d starts at %d, the previous ends at %d", i+1, p.from, pages[i-1].to)
		}
		if i > 0 && sents[p.firstSentence].Start != p.from {
			t.Errorf("page %d does not start at a sentence", i+1)
		}
	}
	if pages[len(pages)-1].to != n {
		t.Errorf("the last page ends at %d of %d", pages[len(pages)-1].to, n)
	}
	p := pages[1]
	html, _, err := highlightRange(context.Background(), body, p.from, p.to, sents, inds, readerWords...)
	if err != nil {
		t.Fatal(err)
	}
	got := string(html)
	if strings.Contains(got, `id="s-0"`) || !strings.Contains(got, `id="s-`+itoa(int64(p.firstSentence))+`"`) {
		t.Error("page 2 does not hold exactly its own sentences")
	}
	if len(got) > 6*readerPageChars*3 {
		t.Errorf("page 2 is %d bytes of HTML", len(got))
	}
	// The page's table lists the page's indicators, not the notice's.
	total := 0
	for _, p := range pages {
		in := pageIndicators(inds, p.from, p.to)
		total += len(in)
		for _, ind := range in {
			if ind.Start < p.from || ind.Start >= p.to {
				t.Fatalf("indicator at %d listed on the page of [%d, %d)", ind.Start, p.from, p.to)
			}
		}
		if sents := p.to - p.from; len(in) == 0 || len(in) > sents/10 {
			t.Errorf("%d indicators on a page of %d characters", len(in), sents)
		}
	}
	if total != len(inds) {
		t.Errorf("the pages list %d indicators of %d", total, len(inds))
	}
	if got := len(pageIndicators(inds, 0, -1)); got != len(inds) {
		t.Errorf("a notice shown whole lists %d indicators of %d", got, len(inds))
	}
}
