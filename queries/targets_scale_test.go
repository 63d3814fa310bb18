package queries_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/queries"
)

// TestTargetsVsResultsScales loads two notices of one province, one
// setting 1,500 targets for 2024 and one reporting 1,500 results for
// 2024, all of one metric — what one huge notice does. Pairing every
// target with every report ran DuckDB out of memory (and broke the
// indicators page); each target must get the latest report, in bounded
// memory.
func TestTargetsVsResultsScales(t *testing.T) {
	const n = 1500
	dir := t.TempDir()
	notices := filepath.Join(dir, "notices")
	os.MkdirAll(notices, 0o755)
	var plan, review strings.Builder
	plan.WriteString("山东省通信管理局召开2024年工作会议\n2024年重点工作：\n")
	review.WriteString("山东省通信管理局召开2025年工作会议\n2024年工作回顾：\n")
	for i := range n {
		// Distinct values: a figure a notice repeats word for word is one
		// indicator.
		fmt.Fprintf(&plan, "全年新建5G基站%d个以上。\n", 20000+i)
		fmt.Fprintf(&review, "全年新建5G基站%d个。\n", 10000+i)
	}
	os.WriteFile(filepath.Join(notices, "plan.txt"), []byte(plan.String()), 0o644)
	os.WriteFile(filepath.Join(notices, "review.txt"), []byte(review.String()), 0o644)
	db := filepath.Join(dir, "p.duckdb")
	if _, err := loader.Load(context.Background(), loader.Options{DataDir: notices, DBPath: db}); err != nil {
		t.Fatal(err)
	}
	st, err := queries.OpenStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h, release, err := st.SandboxDB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	res, err := queries.RunSandboxed(context.Background(), h,
		"SELECT count(*), count(result_id), count(DISTINCT result_id) FROM targets_vs_results", queries.SandboxLimits{})
	if err != nil {
		t.Fatalf("targets_vs_results: %v", err)
	}
	if got := fmt.Sprint(res.Rows[0]...); got != fmt.Sprint(int64(n), int64(n), int64(1)) {
		t.Errorf("targets, reported, distinct reports: %s, want %d %d 1", got, n, n)
	}
	pages, release2, err := st.DB(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release2()
	rows, total, err := queries.TargetResults(context.Background(), pages, queries.Filter{}, "5G基站", queries.Page{Limit: queries.MaxPageSize})
	if err != nil || total != int64(n) || len(rows) != min(n, queries.MaxPageSize) {
		t.Errorf("the indicators page's targets: %d rows of %d, want %d: %v", len(rows), total, n, err)
	}
}
