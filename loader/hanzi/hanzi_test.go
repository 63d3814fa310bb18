package hanzi

import (
	"testing"
	"unicode/utf8"
)

func TestToSimplified(t *testing.T) {
	for in, want := range map[string]string{
		"江蘇省通信管理局召開2025年工作會議":      "江苏省通信管理局召开2025年工作会议",
		"新建5G基站2.8萬個，寬帶用戶達到1580萬戶": "新建5G基站2.8万个，宽带用户达到1580万户",
		"已是简体的文本不变":                "已是简体的文本不变",
		"":                         "",
	} {
		if got := ToSimplified(in); got != want {
			t.Errorf("ToSimplified(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSimplifyRune(t *testing.T) {
	for in, want := range map[rune]rune{'業': '业', '萬': '万', '個': '个', '业': '业', 'A': 'A', '５': '５'} {
		if got := SimplifyRune(in); got != want {
			t.Errorf("SimplifyRune(%q) = %q, want %q", in, got, want)
		}
	}
	if IsTraditional('业') || !IsTraditional('業') {
		t.Error("IsTraditional is wrong on 业/業")
	}
	// Rune for rune over a whole traditional text keeps its length.
	s := "會議強調，2025年要新建5G基站2萬個"
	n := 0
	for _, r := range s {
		if SimplifyRune(r) != r {
			n++
		}
	}
	if n == 0 || utf8.RuneCountInString(s) != utf8.RuneCountInString(ToSimplified(s)) {
		t.Errorf("converted %d runes; lengths %d vs %d", n, utf8.RuneCountInString(s), utf8.RuneCountInString(ToSimplified(s)))
	}
}
