package queries

import (
	"slices"
	"testing"
)

// TestSearchPrefilter checks the phrases the queries test before the
// search macro: every match must contain one of them, so a wrong one loses
// matches (TestSearchMatchesPlainScan checks the results against a scan).
func TestSearchPrefilter(t *testing.T) {
	for _, c := range []struct {
		q     string
		regex bool
		want  []string
	}{
		{"5G", false, []string{"5G"}},
		{"5G 千兆网络", false, []string{"千兆网络"}},
		{"5G OR 千兆 -基站", false, []string{"5G", "千兆"}},
		{"5G OR -基站 千兆", false, []string{"千兆"}},
		{"a OR b OR c OR d OR e", false, nil},
		{"a OR b OR c OR d OR e 断卡", false, []string{"断卡"}},
		{`[0-9.]+万个`, true, []string{"万个"}},
		{`(万个)[，。]`, true, []string{"万个"}},
		{`(断卡|反诈)行动`, true, []string{"行动"}},
		{`基站|千兆`, true, nil},
		{`(?i)5g基站`, true, nil},
		{`5G基站*`, true, []string{"5G基"}},
		{`^会议`, true, []string{"会议"}},
	} {
		s, err := ParseSearch(c.q, c.regex)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		if got := s.prefilter(); !slices.Equal(got, c.want) {
			t.Errorf("%q: prefilter %q, want %q", c.q, got, c.want)
		}
	}
}
