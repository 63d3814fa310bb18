package segment

import (
	"strings"
	"testing"

	"github.com/policylens/policylens/data"
)

func TestCountKeepsDomainWordsWhole(t *testing.T) {
	s, err := New(data.DomainDict, data.StopWords, []string{"信号升格"})
	if err != nil {
		t.Fatal(err)
	}
	c := s.Count("深入开展“信号升格”专项行动，开通5G基站24.2万个，新增5G虚拟专网1600余个，推动低空经济发展，行业反诈能力继续走在全国前列。")
	for _, want := range []string{"5G基站", "5G虚拟专网", "低空经济", "反诈", "信号升格"} {
		if c.Terms[want] == 0 {
			t.Errorf("term %q not counted whole; terms: %v", want, c.Terms)
		}
	}
	for term := range c.Terms {
		if strings.ToLower(term) != term && strings.Contains(term, "g") {
			t.Errorf("term %q was lower-cased", term)
		}
		if s.stop[term] {
			t.Errorf("stop word %q counted as a term", term)
		}
	}
	if c.Words["推动"] == 0 || c.Terms["推动"] != 0 {
		t.Errorf("stop word 推动: words=%d terms=%d, want counted as a word only", c.Words["推动"], c.Terms["推动"])
	}
	if c.Tokens < len(c.Terms) {
		t.Errorf("tokens %d < distinct terms %d", c.Tokens, len(c.Terms))
	}
}

func TestParseWordList(t *testing.T) {
	ws, err := parseWordList([]byte("# c\n10G PON\n智算 500\n\n低空经济\n"), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 3 || ws[0].text != "10G PON" || ws[1].text != "智算" || ws[1].freq != 500 || ws[2].freq != defaultFreq {
		t.Fatalf("got %+v", ws)
	}
	if _, err := parseWordList([]byte("智算 -1\n"), true); err == nil {
		t.Fatal("negative frequency accepted")
	}
}
