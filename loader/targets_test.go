package loader

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/policylens/policylens/loader/dbfile"
)

// targetNotices are notices of one province (and one county) whose targets
// and results meet: a plan for 2024, two reports on 2024 (the later one
// wins), a national total in the first report that must not count, and a
// county target that must not pair with the province's results.
var targetNotices = map[string]string{
	"sd_plan_2024.txt": "山东省通信管理局召开2024年全省信息通信行业工作会议\n发布时间：2024-01-20\n" +
		"会议强调，2024年全省新建5G基站2万个，资费公示率达到95%。\n",
	"sd_review_2025a.txt": "山东省通信管理局召开2025年全省信息通信行业工作会议\n发布时间：2025-01-22\n" +
		"会议指出，2024年，全省新建5G基站2.3万个，同期全国新建5G基站42万个。\n",
	"sd_review_2025b.txt": "山东省通信管理局发布2024年信息通信业发展报告\n发布时间：2025-03-23\n" +
		"报告显示，2024年，全省新建5G基站2.5万个。\n",
	"bx_plan_2024.txt": "博兴县工业和信息化局2024年工作要点\n发布时间：2024-03-01\n" +
		"2024年，全县新建5G基站500个。\n",
}

type targetRow struct {
	value      float64
	result     sql.NullFloat64
	status     string
	reason     string
	candidates int
	completion sql.NullFloat64
}

func readTargets(t *testing.T, dbPath string) map[string]targetRow {
	t.Helper()
	db := openRO(t, dbPath)
	defer db.Close()
	rows, err := db.Query(`SELECT metric || '/' || coalesce(county, province) || '/' || year, target_value, result_value,
		status, reason, candidates, completion FROM targets_vs_results`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]targetRow{}
	for rows.Next() {
		var k string
		var r targetRow
		if err := rows.Scan(&k, &r.value, &r.result, &r.status, &r.reason, &r.candidates, &r.completion); err != nil {
			t.Fatal(err)
		}
		out[k] = r
	}
	return out
}

// TestTargetsVsResults loads notices whose targets and results meet and
// checks the verdicts target_status holds: the latest report is chosen,
// every candidate is listed, a national figure never enters, a county
// target never pairs with the province; then that adding and removing one
// notice updates the targets it touches and leaves the others alone.
func TestTargetsVsResults(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for name, text := range targetNotices {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(t.TempDir(), "t.duckdb")
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: "../data"}); err != nil {
		t.Fatal(err)
	}
	got := readTargets(t, dbPath)
	stations := got["5G基站/山东省/2024"]
	if stations.status != "met" || stations.reason != "latest_result" || stations.candidates != 2 ||
		stations.result.Float64 != 25000 || stations.completion.Float64 < 1.249 || stations.completion.Float64 > 1.251 {
		t.Errorf("5G target of 山东 2024: %+v, want met by the later report (25000), 2 candidates, the national total left out", stations)
	}
	if r := got["资费公示率/山东省/2024"]; r.status != "unreported" || r.candidates != 0 || r.result.Valid {
		t.Errorf("资费公示率 target: %+v, want unreported", r)
	}
	if r := got["5G基站/博兴县/2024"]; r.status != "unreported" || r.candidates != 0 {
		t.Errorf("county target: %+v, want unreported (the province's results are not the county's)", r)
	}
	db := openRO(t, dbPath)
	if n := count(t, db, `SELECT count(*) FROM target_candidates c JOIN indicators i ON i.indicator_id = c.result_id WHERE i.scope <> 'own'`); n != 0 {
		t.Errorf("%d candidates of another scope", n)
	}
	db.Close()

	// Mark an untouched verdict, then add a later report on 2024 that misses
	// the 5G target: that target is recomputed, the marked one is not.
	rw, err := sql.Open("duckdb", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rw.Exec(`UPDATE target_status SET reason = 'untouched' WHERE metric = '资费公示率'`); err != nil {
		t.Fatal(err)
	}
	rw.Close()
	// The mark was made behind the loader's back: the spare file (an older
	// copy the next load may start from) does not have it.
	dbfile.Remove(dbfile.Spare(dbPath))
	late := "山东省通信管理局通报2024年5G建设情况\n发布时间：2025-06-30\n经核实，2024年，全省新建5G基站1.5万个。\n"
	if err := os.WriteFile(filepath.Join(dir, "sd_correction_2025.txt"), []byte(late), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: "../data"}); err != nil || sum.Rebuilt || sum.Loaded != 1 {
		t.Fatalf("incremental load: %v %+v", err, sum)
	}
	got = readTargets(t, dbPath)
	if r := got["5G基站/山东省/2024"]; r.status != "not_met" || r.result.Float64 != 15000 || r.candidates != 3 {
		t.Errorf("after the correction: %+v, want not met by the latest report (15000) of 3", r)
	}
	if r := got["资费公示率/山东省/2024"]; r.reason != "untouched" {
		t.Errorf("a target the new notice does not touch was recomputed: %+v", r)
	}

	// Remove it again: the earlier verdict comes back.
	if err := os.Remove(filepath.Join(dir, "sd_correction_2025.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(ctx, Options{DataDir: dir, DBPath: dbPath, ResourcesDir: "../data"}); err != nil {
		t.Fatal(err)
	}
	if r := readTargets(t, dbPath)["5G基站/山东省/2024"]; r.status != "met" || r.result.Float64 != 25000 || r.candidates != 2 {
		t.Errorf("after removing the correction: %+v, want met by 25000 of 2", r)
	}
}
