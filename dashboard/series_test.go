package dashboard

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"testing"

	"github.com/policylens/policylens/queries"
)

// TestChooseSeries checks which provinces the many-series charts draw on
// their own and how the rest are summed as 其他.
func TestChooseSeries(t *testing.T) {
	var provinces []string
	docs := map[string]int64{}
	for i := 0; i < 10; i++ {
		p := "省" + strconv.Itoa(i)
		provinces = append(provinces, p)
		docs[p] = int64((i * 7) % 10) // 0 7 4 1 8 5 2 9 6 3
	}
	// By default the six with the most documents, in the given order.
	s := chooseSeries(request{query: url.Values{}}, provinces, docs)
	if got, want := s.Shown, []string{"省1", "省2", "省4", "省5", "省7", "省8"}; !slices.Equal(got, want) {
		t.Errorf("shown by default %v, want %v", got, want)
	}
	if len(s.Rest) != 4 || s.Others() != "其他（4 省合计）" || s.Chosen {
		t.Errorf("rest %v, others %q, chosen %v", s.Rest, s.Others(), s.Chosen)
	}
	// The show parameter names them; unknown names are ignored; other
	// parameters are kept for the chooser's form.
	s = chooseSeries(request{query: url.Values{"show": {"省9", "省0", "外省"}, "theme": {"x"}}}, provinces, docs)
	if !slices.Equal(s.Shown, []string{"省0", "省9"}) || len(s.Rest) != 8 || !s.Chosen {
		t.Errorf("chosen: shown %v rest %v", s.Shown, s.Rest)
	}
	if len(s.Hidden) != 1 || s.Hidden[0] != (param{"theme", "x"}) {
		t.Errorf("kept parameters %v", s.Hidden)
	}
	// Few provinces: all drawn, nothing summed.
	s = chooseSeries(request{query: url.Values{}}, provinces[:7], docs)
	if len(s.Shown) != 7 || len(s.Rest) != 0 || s.note() != "" {
		t.Errorf("seven provinces: shown %v rest %v", s.Shown, s.Rest)
	}

	// 其他 adds hits, tokens, documents and expected hits, then divides;
	// it has no residual.
	s = chooseSeries(request{query: url.Values{"show": {"省0"}}}, provinces[:3], docs)
	rows := []queries.ProvinceTheme{
		{Province: "省0", Theme: "a", Hits: 5, Tokens: 1000, Per10k: 50, Expected: 4, Residual: 1.5, Documents: 2},
		{Province: "省1", Theme: "a", Hits: 3, Tokens: 1000, Per10k: 30, Expected: 2, Residual: -1, Documents: 1},
		{Province: "省2", Theme: "a", Hits: 1, Tokens: 3000, Per10k: 3.3, Expected: 6, Residual: -2.5, Documents: 4},
	}
	series := s.series(rows)
	if len(series) != 2 || series[0].name != "省0" || series[1].name != s.Others() {
		t.Fatalf("series %+v", series)
	}
	if c := series[0].cell("a"); c != rows[0] {
		t.Errorf("a shown province's row changed: %+v", c)
	}
	o := series[1].cell("a")
	if o.Hits != 4 || o.Tokens != 4000 || o.Documents != 5 || o.Expected != 8 || o.Per10k != 10 || !math.IsNaN(o.Residual) {
		t.Errorf("其他 %+v", o)
	}
	if f := s.filterOf(s.Others(), queries.Filter{Level: "province"}); !slices.Equal(f.Provinces, []string{"省1", "省2"}) || f.Level != "province" {
		t.Errorf("其他 links to %+v", f)
	}

	// Year sums by series.
	names, at := s.sumByYear(3, func(i int) (string, int, int64, int64) {
		return rows[i].Province, 2024, rows[i].Hits, rows[i].Tokens
	})
	if !slices.Equal(names, []string{"省0", s.Others()}) || at[s.Others()][2024].n != 4 || at[s.Others()][2024].per10k() != 10 {
		t.Errorf("sums by year: %v %+v", names, at[s.Others()][2024])
	}
}
