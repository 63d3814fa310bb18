package dashboard

import (
	"strings"
	"testing"

	"github.com/policylens/policylens/queries"
)

// TestHighlightEscapes checks that document text is escaped and only the
// reader's own tags are markup.
func TestHighlightEscapes(t *testing.T) {
	body := "开通5G基站24.2万个<script>alert(1)</script>。\n建成“5G”基站超31万个&。"
	at := func(s string) int { return len([]rune(body[:strings.Index(body, s)])) }
	sentences := []queries.Sentence{{No: 0, Part: "review", Start: 0, End: at("\n")}, {No: 1, Part: "plan", Start: at("建成"), End: at("&")}}
	inds := []queries.DocIndicator{
		{IndicatorID: 1, Start: at("基站24"), End: at("<script>"), Surface: "基站24.2万个", Metric: "5G基站", Value: 242000, Unit: "个", Kind: "achievement", Year: 2024, Qualifier: "exact"},
		{IndicatorID: 2, Start: at("超31"), End: at("&"), Surface: "超31万个", Metric: "5G<基站>", Value: 310000, Unit: "个", Kind: "target", Year: 2025, Qualifier: "over"},
		{IndicatorID: 3, Start: at("31万"), End: at("万个&"), Kind: "other"}, // overlaps 2: dropped
	}
	got := string(highlight(body, sentences, inds))
	for _, want := range []string{
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`<span class="s part-review" id="s-0">开通5G<mark class="achievement" data-indicator="1" title="5G基站：242000 个 · 实绩 · 2024年 · 确数">基站24.2万个</mark>`,
		`title="5G&lt;基站&gt;：310000 个 · 目标 · 2025年 · 超过">超31万个</mark>`,
		`&amp;`,
		"<br>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("highlight lacks %s\nin %s", want, got)
		}
	}
	if strings.Contains(got, "<script>") || strings.Contains(got, `data-indicator="3"`) {
		t.Errorf("highlight leaks markup or overlapping mark: %s", got)
	}
	// Theme keywords are marked where no indicator is; an indicator wins.
	got = string(highlight(body, sentences, inds[:2], themeWord{Word: "基站", Theme: "network", Label: "网络"}, themeWord{Word: "<script>", Theme: "x", Label: "<b>"}))
	if n := strings.Count(got, `<mark class="theme" data-theme="network" title="主题：网络">基站</mark>`); n != 1 {
		t.Errorf("keyword 基站 marked %d times, want once (the other is inside an indicator): %s", n, got)
	}
	if !strings.Contains(got, `title="主题：&lt;b&gt;">&lt;script&gt;</mark>`) || strings.Contains(got, "<script>") {
		t.Errorf("keyword marks are not escaped: %s", got)
	}
	// Offsets beyond the body are ignored rather than panicking.
	_ = highlight("短", []queries.Sentence{{Start: 0, End: 99}}, []queries.DocIndicator{{Start: 5, End: 90}})
}
