package meta

import (
	"fmt"
	"strings"
	"testing"

	"github.com/policylens/policylens/data"
	"github.com/policylens/policylens/loader/gazetteer"
)

// timelineNotices reads every notice with labelled metadata: the seeds,
// the dev set and its real notices, and the real dev sets A–F and I (set: the
// id's first letter).
func timelineNotices(t *testing.T) []labelledNotice {
	t.Helper()
	var out []labelledNotice
	for _, src := range []struct {
		csv, dir string
		setOf    func(string) string
	}{
		{"../../data/gold/seed_documents.csv", "../../data/notices", func(string) string { return "seeds" }},
		{"../testdata/dev/documents.csv", "../testdata/dev", func(string) string { return "dev" }},
		{"../testdata/dev/real/documents.csv", "../testdata/dev/real", func(string) string { return "dev" }},
		{"../testdata/real/documents.csv", "../testdata/real/notices", func(d string) string { return d[:1] }},
	} {
		out = append(out, readLabelled(t, src.csv, src.dir, src.setOf)...)
	}
	return out
}

// timelineRight counts, per set, the notices whose published date,
// reviewed year and plan year lx infers as labelled (one point each).
func timelineRight(lx *Lexicon, notices []labelledNotice, g *gazetteer.Gazetteer) map[string]int {
	right := map[string]int{}
	for _, n := range notices {
		m := lx.Infer(n.doc, n.name, g)
		for field, got := range map[string]string{"published": dateString(m), "reviewed_year": yearString(m.ReviewedYear), "plan_year": yearString(m.PlanYear)} {
			if got == Unknown {
				got = ""
			}
			if got == n.want[field] {
				right[n.set]++
			}
		}
	}
	return right
}

// TestTimelineLeaveOneSetOut fits the timeline table's tunable weights by
// leave-one-set-out over the labelled notices: for each set held out, the
// grid point that scores best on the other sets (ties keep the first value
// of each weight, the behaviour before tuning) is scored on it. The log is
// the held-out score per set (go test -run TestTimelineLeaveOneSetOut -v).
// It fails when the built-in table is not the grid point that scores best
// on all sets together: the weights in data/meta_lexicon.yaml are what
// this fit gives, not hand-set.
func TestTimelineLeaveOneSetOut(t *testing.T) {
	grid := []struct {
		cue  string
		vals []float64 // the first is the value before tuning
	}{
		{"now_late", []float64{0, 32}},
		{"event_year", []float64{0, 16}},
		{"title_year", []float64{8, 0}},
		{"text_years", []float64{2, 0}},
		{"text_years_undated", []float64{1, 0}},
		{"one_named_year", []float64{4, 0}},
		{"url", []float64{0, 16384}},
		{"url_date", []float64{0, 1}},
	}
	notices := timelineNotices(t)
	g := gazetteer.Default()
	sets := []string{"seeds", "dev", "A", "b", "C", "D", "E", "F", "I", "J"}
	type point struct {
		w     []float64
		right map[string]int
	}
	var points []point
	n := 1
	for _, k := range grid {
		n *= len(k.vals)
	}
	for i := range n {
		lx, err := ParseLexicon(data.MetaLexicon)
		if err != nil {
			t.Fatal(err)
		}
		w := make([]float64, len(grid))
		for ki, k := range grid {
			w[ki] = k.vals[i%len(k.vals)]
			i /= len(k.vals)
			lx.timeline.weights[k.cue] = w[ki]
		}
		points = append(points, point{w, timelineRight(lx, notices, g)})
	}
	best := func(skip string) point {
		b, bs := points[0], -1
		for _, p := range points {
			s := 0
			for _, set := range sets {
				if set != skip {
					s += p.right[set]
				}
			}
			if s > bs {
				b, bs = p, s
			}
		}
		return b
	}
	describe := func(p point) string {
		var parts []string
		for ki, k := range grid {
			parts = append(parts, fmt.Sprintf("%s=%g", k.cue, p.w[ki]))
		}
		return strings.Join(parts, " ")
	}
	for _, set := range sets {
		p := best(set)
		t.Logf("held out %-5s: %d right before tuning, %d with the fit on the other sets (%s)", set, points[0].right[set], p.right[set], describe(p))
	}
	all := best("")
	for ki, k := range grid {
		if got := DefaultLexicon().timeline.weights[k.cue]; got != all.w[ki] {
			t.Errorf("data/meta_lexicon.yaml timeline.cues.%s = %g, the fit on all sets gives %g (%s)", k.cue, got, all.w[ki], describe(all))
		}
	}
}
