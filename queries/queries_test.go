package queries_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

func TestMain(m *testing.M) {
	queries.RunSandboxWorkerIfAsked()
	code := m.Run()
	querytest.Cleanup()
	os.Exit(code)
}

func openSeed(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", querytest.SeedDB(t)+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestEveryQuery runs each embedded query through its Go function against a
// database built from the seeds, and fails when a query file has no caller
// here.
func TestEveryQuery(t *testing.T) {
	db := openSeed(t)
	ctx := context.Background()
	var firstDoc int64
	var firstMetric, topTerm, province string
	run := map[string]func() (int, error){
		"CorpusOverview": func() (int, error) { r, err := queries.CorpusOverview(ctx, db, queries.Filter{}); return len(r), err },
		"Facets": func() (int, error) {
			r, err := queries.Facets(ctx, db, "")
			if p := queries.FacetValues(r, "province"); len(p) > 0 {
				province = p[0]
			}
			return len(r), err
		},
		"Themes": func() (int, error) { r, err := queries.Themes(ctx, db); return len(r), err },
		"ThemeByProvinceYear": func() (int, error) {
			r, err := queries.ThemeByProvinceYear(ctx, db, queries.Filter{})
			return len(r), err
		},
		"ThemeByProvince": func() (int, error) { r, err := queries.ThemeByProvince(ctx, db, queries.Filter{}); return len(r), err },
		"ThemeVersion": func() (int, error) {
			v, err := queries.ThemeVersion(ctx, db)
			if err == nil && (len(v.Themes) != 12 || v.Resources == "" || v.File == "") {
				return 0, fmt.Errorf("theme version not recorded: %+v", v)
			}
			return 1, err
		},
		"TopTerms": func() (int, error) {
			r, err := queries.TopTerms(ctx, db, queries.Filter{}, 10)
			if len(r) > 0 {
				topTerm = r[0].Term
			}
			return len(r), err
		},
		"Keyness": func() (int, error) {
			// The top province against the rest.
			r, err := queries.Keyness(ctx, db, queries.Filter{Provinces: []string{province}}, queries.Filter{ExcludeProvinces: []string{province}}, 10)
			return len(r), err
		},
		"Concordance": func() (int, error) {
			r, err := queries.Concordance(ctx, db, queries.Filter{}, topTerm, 10)
			return len(r), err
		},
		"ThemeSentences": func() (int, error) {
			themes, err := queries.Themes(ctx, db)
			if err != nil || len(themes) == 0 {
				return 0, err
			}
			total := 0
			for _, th := range themes {
				r, err := queries.ThemeSentences(ctx, db, queries.Filter{}, th.Theme, 5)
				if err != nil {
					return 0, err
				}
				for _, s := range r {
					if len(s.Keywords) == 0 {
						return 0, fmt.Errorf("theme %s: sentence %d/%d without keywords", th.Theme, s.DocID, s.SentenceNo)
					}
				}
				total += len(r)
			}
			return total, nil
		},
		"TermCooccurrence": func() (int, error) {
			r, err := queries.TermCooccurrence(ctx, db, queries.Filter{}, 20, 30)
			if err != nil {
				return 0, err
			}
			top, err := queries.TopTerms(ctx, db, queries.Filter{}, 20)
			if err != nil {
				return 0, err
			}
			in := map[string]bool{}
			for _, t := range top {
				in[t.Term] = true
			}
			for _, p := range r {
				if !in[p.Source] || !in[p.Target] || p.Source >= p.Target || p.Sentences <= 0 {
					return 0, fmt.Errorf("pair %+v is not an ordered pair of top terms", p)
				}
			}
			return len(r), nil
		},
		"TermUsage": func() (int, error) {
			r, err := queries.TermUsage(ctx, db, queries.Filter{}, topTerm)
			return len(r), err
		},
		"TermLookup": func() (int, error) {
			// One scan gives the lines and total Concordance gives, and per
			// province one first notice, whose first matching sentence and
			// count of matching sentences are those of every line of it.
			n := 0
			for _, f := range []queries.Filter{{}, {YearBasis: queries.YearReviewed, YearFrom: 2022}, {Level: "province"}} {
				for _, term := range []string{topTerm, "5G", "没有这个词"} {
					first, lines, total, err := queries.TermLookup(ctx, db, f, term, 3)
					if err != nil {
						return 0, err
					}
					wantLines, err := queries.Concordance(ctx, db, f, term, 3)
					if err != nil {
						return 0, err
					}
					all, err := queries.Concordance(ctx, db, f, term, 1<<30)
					if err != nil {
						return 0, err
					}
					if !reflect.DeepEqual(lines, wantLines) || total != int64(len(all)) {
						return 0, fmt.Errorf("TermLookup(%+v, %q): %+v, total %d; Concordance: %+v, %d in all", f, term, lines, total, wantLines, len(all))
					}
					type docUse struct{ first, n int }
					uses := map[int64]*docUse{}
					provinces := map[string]bool{}
					for _, l := range all {
						provinces[l.Province] = true
						if u := uses[l.DocID]; u == nil {
							uses[l.DocID] = &docUse{l.SentenceNo, 1}
						} else {
							u.first, u.n = min(u.first, l.SentenceNo), u.n+1
						}
					}
					seen := map[string]bool{}
					for _, u := range first {
						want := uses[u.DocID]
						if seen[u.Province] || want == nil || want.first != u.SentenceNo || int64(want.n) != u.Sentences {
							return 0, fmt.Errorf("TermLookup(%+v, %q): first use %+v: not one per province, or not its first matching sentence and count", f, term, u)
						}
						seen[u.Province] = true
					}
					if len(seen) != len(provinces) {
						return 0, fmt.Errorf("TermLookup(%+v, %q): first uses in %d provinces, matches in %d", f, term, len(seen), len(provinces))
					}
					n += len(first) + len(lines)
				}
			}
			return n, nil
		},
		"PairConcordance": func() (int, error) {
			pairs, err := queries.TermCooccurrence(ctx, db, queries.Filter{}, 20, 1)
			if err != nil || len(pairs) == 0 {
				return 0, err
			}
			r, err := queries.PairConcordance(ctx, db, queries.Filter{}, pairs[0].Source, pairs[0].Target, 100)
			if err == nil && int64(len(r)) != pairs[0].Sentences {
				err = fmt.Errorf("pair %+v: %d sentences hold both", pairs[0], len(r))
			}
			return len(r), err
		},
		"IndicatorMetrics": func() (int, error) {
			r, err := queries.IndicatorMetrics(ctx, db, queries.Filter{}, 0)
			if len(r) > 0 {
				firstMetric = r[0].Metric
			}
			return len(r), err
		},
		"IndicatorSeries": func() (int, error) {
			r, total, err := queries.IndicatorSeries(ctx, db, queries.Filter{}, firstMetric, queries.IndicatorSelect{}, queries.Page{Limit: 2})
			if err == nil && (len(r) > 2 || total < int64(len(r))) {
				err = fmt.Errorf("page of 2: %d rows of %d", len(r), total)
			}
			return len(r), err
		},
		"IndicatorFacets": func() (int, error) {
			// Every facet value's count is the total of the table narrowed
			// by that value, and each field's counts add up to the table's.
			r, err := queries.IndicatorFacets(ctx, db, queries.Filter{}, firstMetric, queries.IndicatorSelect{}, 50)
			if err != nil {
				return 0, err
			}
			_, all, err := queries.IndicatorSeries(ctx, db, queries.Filter{}, firstMetric, queries.IndicatorSelect{}, queries.Page{Limit: 1})
			if err != nil {
				return 0, err
			}
			sums := map[string]int64{}
			for _, fc := range r {
				sums[fc.Field] += fc.Documents
				var sel queries.IndicatorSelect
				switch fc.Field {
				case "kind":
					sel.Kind = fc.Value
				case "measure":
					sel.Measure = fc.Value
				case "unit":
					sel.Unit = fc.Value
				case "scope":
					sel.Scope = fc.Value
				default:
					continue
				}
				_, n, err := queries.IndicatorSeries(ctx, db, queries.Filter{}, firstMetric, sel, queries.Page{Limit: 1})
				if err != nil {
					return 0, err
				}
				if n != fc.Documents {
					return 0, fmt.Errorf("facet %s=%s counts %d figures, the table narrowed by it %d", fc.Field, fc.Value, fc.Documents, n)
				}
			}
			for _, field := range []string{"province", "level", "kind", "measure", "unit", "scope"} {
				if sums[field] != all {
					return 0, fmt.Errorf("facet %s sums to %d figures, the table has %d", field, sums[field], all)
				}
			}
			return len(r), nil
		},
		"TargetResults": func() (int, error) {
			r, total, err := queries.TargetResults(ctx, db, queries.Filter{}, "", queries.Page{Limit: queries.MaxPageSize})
			if err != nil {
				return 0, err
			}
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM targets_vs_results`).Scan(&n); err != nil {
				return 0, err
			}
			if int64(n) != total || len(r) != min(n, queries.MaxPageSize) {
				return 0, fmt.Errorf("TargetResults %d rows of %d, view targets_vs_results %d", len(r), total, n)
			}
			return len(r), nil
		},
		"TargetCandidates": func() (int, error) {
			rows, err := db.Query(`SELECT target_id, metric FROM target_status`)
			if err != nil {
				return 0, err
			}
			var ids []int64
			byMetric := map[string][]int64{}
			for rows.Next() {
				var id int64
				var metric string
				if err := rows.Scan(&id, &metric); err != nil {
					return 0, err
				}
				ids = append(ids, id)
				byMetric[metric] = append(byMetric[metric], id)
			}
			rows.Close()
			r, err := queries.TargetCandidates(ctx, db, ids, "")
			if err != nil {
				return 0, err
			}
			// Asked one metric at a time (as the indicators page asks), the
			// same candidates.
			var perMetric int
			for metric, ids := range byMetric {
				rm, err := queries.TargetCandidates(ctx, db, ids, metric)
				if err != nil {
					return 0, err
				}
				perMetric += len(rm)
			}
			if perMetric != len(r) {
				return 0, fmt.Errorf("TargetCandidates: %d rows for all targets, %d asked metric by metric", len(r), perMetric)
			}
			var n int
			if err := db.QueryRow(`SELECT coalesce(sum(least(n, 10)), 0) FROM (SELECT target_id, count(*) AS n FROM target_candidate_results GROUP BY target_id)`).Scan(&n); err != nil {
				return 0, err
			}
			if n != len(r) {
				return 0, fmt.Errorf("TargetCandidates %d rows, view target_candidate_results %d (ten per target at most)", len(r), n)
			}
			return len(r), nil
		},
		"Documents": func() (int, error) {
			r, _, err := queries.Documents(ctx, db, queries.Filter{}, queries.DocList{})
			if len(r) > 0 {
				firstDoc = r[0].DocID
			}
			return len(r), err
		},
		"GetDocument": func() (int, error) {
			_, err := queries.GetDocument(ctx, db, firstDoc)
			return 1, err
		},
		"DocumentIndicators": func() (int, error) {
			r, err := queries.DocumentIndicators(ctx, db, firstDoc)
			return len(r), err
		},
		"DocumentSentences": func() (int, error) { r, err := queries.DocumentSentences(ctx, db, firstDoc); return len(r), err },
		"DocumentSources":   func() (int, error) { r, err := queries.DocumentSources(ctx, db, firstDoc); return len(r), err },
		"DocumentThemes":    func() (int, error) { r, err := queries.DocumentThemes(ctx, db, firstDoc); return len(r), err },
		"IndicatorRollup": func() (int, error) {
			r, err := queries.IndicatorRollup(ctx, db, queries.Filter{}, firstMetric, "")
			if err != nil {
				return 0, err
			}
			var n int64
			for _, c := range r {
				n += c.N
				if c.Median < c.Min || c.Median > c.Max || c.Surface == "" {
					return 0, fmt.Errorf("cell %+v: median outside [min, max] or no figure", c)
				}
			}
			var want int64 // the rollup draws own figures only
			if err := db.QueryRow(`SELECT count(*) FROM indicator_facts WHERE coalesce(canonical_metric, metric) = ? AND scope = 'own'`, firstMetric).Scan(&want); err != nil {
				return 0, err
			}
			if n != want {
				return 0, fmt.Errorf("rollup of %s counts %d figures, indicator_facts %d", firstMetric, n, want)
			}
			return len(r), nil
		},
		"SearchSentences": func() (int, error) {
			s, err := queries.ParseSearch("5G", false)
			if err != nil {
				return 0, err
			}
			r, total, err := queries.SearchSentences(ctx, db, queries.Filter{}, s, queries.Page{Limit: 3})
			if err == nil && (len(r) != 3 || total <= 3) {
				err = fmt.Errorf("5G: %d hits of %d on a page of 3", len(r), total)
			}
			return len(r), err
		},
		"SearchPage": func() (int, error) {
			s, err := queries.ParseSearch("5G", false)
			if err != nil {
				return 0, err
			}
			hits, counts, total, err := queries.SearchPage(ctx, db, queries.Filter{}, s, queries.Page{Limit: 3, Offset: 2})
			if err != nil {
				return 0, err
			}
			want, wantTotal, err := queries.SearchSentences(ctx, db, queries.Filter{}, s, queries.Page{Limit: 3, Offset: 2})
			if err == nil && (!reflect.DeepEqual(hits, want) || total != wantTotal || len(counts) == 0) {
				err = fmt.Errorf("5G: page %+v of %d, SearchSentences %+v of %d", hits, total, want, wantTotal)
			}
			return len(counts), err
		},
		"DocumentFacets": func() (int, error) {
			r, err := queries.DocumentFacets(ctx, db, queries.Filter{}, queries.DocList{}, 100)
			if err != nil {
				return 0, err
			}
			var docs int64
			if err := db.QueryRow(`SELECT count(*) FROM documents`).Scan(&docs); err != nil {
				return 0, err
			}
			perField := map[string]int64{}
			for _, f := range r {
				perField[f.Field] += f.Documents
			}
			for _, field := range []string{"province", "level", "doc_type", "issuer"} {
				if perField[field] != docs {
					return 0, fmt.Errorf("facet %s counts %d documents of %d", field, perField[field], docs)
				}
			}
			return len(r), nil
		},
		"DocumentCopies": func() (int, error) {
			var orig int64
			if err := db.QueryRow(`SELECT doc_id FROM duplicates WHERE path = ?`, querytest.ReprintPath).Scan(&orig); err != nil {
				return 0, fmt.Errorf("the reprint is not recorded as a copy: %w", err)
			}
			r, err := queries.DocumentCopies(ctx, db, orig)
			if err == nil && (len(r) != 1 || r[0].Path != querytest.ReprintPath) {
				err = fmt.Errorf("copies of document %d: %+v", orig, r)
			}
			return len(r), err
		},
	}
	// Order matters: some queries take their argument from an earlier one.
	order := []string{"CorpusOverview", "Facets", "Themes", "ThemeByProvinceYear", "ThemeByProvince", "ThemeVersion", "TopTerms", "Keyness", "Concordance", "TermUsage", "TermLookup", "TermCooccurrence", "PairConcordance", "ThemeSentences",
		"IndicatorMetrics", "IndicatorSeries", "IndicatorFacets", "IndicatorRollup", "TargetResults", "TargetCandidates", "Documents", "DocumentFacets", "SearchSentences", "SearchPage", "GetDocument", "DocumentIndicators",
		"DocumentSentences", "DocumentSources", "DocumentThemes", "DocumentCopies"}
	for _, name := range queries.QueryNames() {
		if run[name] == nil {
			t.Errorf("query %s has no test: add it to TestEveryQuery", name)
		}
	}
	for _, name := range order {
		n, err := run[name]()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if n == 0 {
			t.Errorf("%s returned no rows on the seeds", name)
		}
	}
}

// TestQueriesMatchViews checks that the unfiltered chart queries return the
// numbers of the views SQL users read.
func TestQueriesMatchViews(t *testing.T) {
	db := openSeed(t)
	ctx := context.Background()

	overview, err := queries.CorpusOverview(ctx, db, queries.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var viewDocs, viewTokens int64
	if err := db.QueryRow(`SELECT sum(documents), sum(tokens) FROM corpus_overview`).Scan(&viewDocs, &viewTokens); err != nil {
		t.Fatal(err)
	}
	var docs, tokens int64
	for _, r := range overview {
		docs += r.Documents
		tokens += r.Tokens
	}
	if docs != viewDocs || tokens != viewTokens {
		t.Errorf("CorpusOverview sums %d docs %d tokens, view corpus_overview %d and %d", docs, tokens, viewDocs, viewTokens)
	}
	var all int64
	if err := db.QueryRow(`SELECT count(*) FROM documents`).Scan(&all); err != nil {
		t.Fatal(err)
	}
	if docs != all {
		t.Errorf("overview counts %d documents, the documents table holds %d", docs, all)
	}

	cells, err := queries.ThemeByProvinceYear(ctx, db, queries.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT province, coalesce(year, 0), theme, hits, tokens, per_10k FROM theme_intensity ORDER BY province, year, theme`)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		p  string
		y  int
		th string
	}
	view := map[key][3]float64{}
	for rows.Next() {
		var k key
		var hits, tok int64
		var per float64
		if err := rows.Scan(&k.p, &k.y, &k.th, &hits, &tok, &per); err != nil {
			t.Fatal(err)
		}
		view[k] = [3]float64{float64(hits), float64(tok), per}
	}
	rows.Close()
	if len(view) != len(cells) {
		t.Errorf("ThemeByProvinceYear has %d cells, view theme_intensity %d", len(cells), len(view))
	}
	for _, c := range cells {
		got := [3]float64{float64(c.Hits), float64(c.Tokens), c.Per10k}
		if want := view[key{c.Province, c.Year, c.Theme}]; !reflect.DeepEqual(got, want) {
			t.Errorf("cell %s %d %s: query %v, view %v", c.Province, c.Year, c.Theme, got, want)
		}
		if c.Tokens > 0 && c.Per10k != 10000*float64(c.Hits)/float64(c.Tokens) {
			t.Errorf("cell %s %d %s: per_10k %v is not 10000*%d/%d", c.Province, c.Year, c.Theme, c.Per10k, c.Hits, c.Tokens)
		}
	}

	byProv, err := queries.ThemeByProvince(ctx, db, queries.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var viewRows int
	var viewResid float64
	if err := db.QueryRow(`SELECT count(*), coalesce(sum(abs(residual)), 0) FROM theme_by_province`).Scan(&viewRows, &viewResid); err != nil {
		t.Fatal(err)
	}
	var resid float64
	for _, r := range byProv {
		resid += abs(r.Residual)
	}
	if viewRows != len(byProv) || !near(resid, viewResid) {
		t.Errorf("ThemeByProvince: %d rows, residual mass %v; view theme_by_province %d, %v", len(byProv), resid, viewRows, viewResid)
	}

	metrics, err := queries.IndicatorMetrics(ctx, db, queries.Filter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var viewMetrics int
	if err := db.QueryRow(`SELECT count(*) FROM indicator_metrics`).Scan(&viewMetrics); err != nil {
		t.Fatal(err)
	}
	if viewMetrics != len(metrics) {
		t.Errorf("IndicatorMetrics %d rows, view indicator_metrics %d", len(metrics), viewMetrics)
	}
	// The metric list sums the load-time aggregate indicator_stats; the
	// view reads every figure. They agree on every column.
	for _, m := range metrics {
		var v queries.MetricRow
		if err := db.QueryRow(`SELECT metric, canonical, unit, indicators, achievements, targets, provinces, documents
			FROM indicator_metrics WHERE metric = ?`, m.Metric).Scan(&v.Metric, &v.Canonical, &v.Unit, &v.Indicators,
			&v.Achievements, &v.Targets, &v.Provinces, &v.Documents); err != nil {
			t.Fatalf("view indicator_metrics, metric %s: %v", m.Metric, err)
		}
		if v != m {
			t.Errorf("metric %s: IndicatorMetrics %+v, view indicator_metrics %+v", m.Metric, m, v)
		}
	}
	// With a theme filter (read from the figures, not the aggregate) and
	// without, each metric's figures and its facets add up to the table's.
	themes, err := queries.Themes(ctx, db)
	if err != nil || len(themes) == 0 {
		t.Fatalf("themes: %v", err)
	}
	for _, f := range []queries.Filter{{}, {Theme: themes[0].Theme}, {Level: "province", YearBasis: queries.YearReviewed}} {
		ms, err := queries.IndicatorMetrics(ctx, db, f, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 0 {
			t.Errorf("filter %+v: no metric", f)
		}
		for _, m := range ms {
			_, total, err := queries.IndicatorSeries(ctx, db, f, m.Metric, queries.IndicatorSelect{}, queries.Page{Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			if total != m.Indicators {
				t.Errorf("filter %+v, metric %s: IndicatorMetrics %d figures, IndicatorSeries %d", f, m.Metric, m.Indicators, total)
			}
			facets, err := queries.IndicatorFacets(ctx, db, f, m.Metric, queries.IndicatorSelect{}, 1000)
			if err != nil {
				t.Fatal(err)
			}
			byField := map[string]int64{}
			for _, c := range facets {
				byField[c.Field] += c.Documents
			}
			for _, field := range []string{"province", "kind", "measure", "unit", "scope"} {
				if byField[field] != total {
					t.Errorf("filter %+v, metric %s: facet %s counts %d figures of %d", f, m.Metric, field, byField[field], total)
				}
			}
		}
	}
	for _, m := range metrics {
		pts, total, err := queries.IndicatorSeries(ctx, db, queries.Filter{}, m.Metric, queries.IndicatorSelect{}, queries.Page{Limit: queries.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if total != m.Indicators || int64(len(pts)) != min(m.Indicators, queries.MaxPageSize) {
			t.Errorf("metric %s: IndicatorSeries %d points of %d, IndicatorMetrics says %d", m.Metric, len(pts), total, m.Indicators)
		}
		for _, p := range pts {
			if p.Sentence == "" {
				t.Errorf("metric %s: indicator %d has no sentence", m.Metric, p.IndicatorID)
			}
		}
	}
}

// allDocs lists every document of the seed corpus on one page.
var allDocs = queries.DocList{Page: queries.Page{Limit: queries.MaxPageSize}}

// TestFilter checks that each filter field narrows the rows and that the
// term frequencies of a selection add up with the view term_frequency.
func TestFilter(t *testing.T) {
	db := openSeed(t)
	ctx := context.Background()
	facets, err := queries.Facets(ctx, db, "")
	if err != nil {
		t.Fatal(err)
	}
	provinces := queries.FacetValues(facets, "province")
	years := queries.FacetYears(facets)
	if len(provinces) < 2 || len(years) < 2 {
		t.Fatalf("seeds should span provinces and years, got %v and %v", provinces, years)
	}
	all, _, err := queries.Documents(ctx, db, queries.Filter{}, allDocs)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range provinces {
		docs, _, err := queries.Documents(ctx, db, queries.Filter{Provinces: []string{p}}, allDocs)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) == 0 || len(docs) >= len(all) {
			t.Errorf("province %s selects %d of %d documents", p, len(docs), len(all))
		}
		for _, d := range docs {
			if d.Province != p {
				t.Errorf("province %s filter let through %s (%s)", p, d.File, d.Province)
			}
		}
		// The selection's top terms are the view's rows for that province.
		terms, err := queries.TopTerms(ctx, db, queries.Filter{Provinces: []string{p}}, 5)
		if err != nil {
			t.Fatal(err)
		}
		for _, term := range terms {
			var n int64
			if err := db.QueryRow(`SELECT sum(n) FROM term_frequency WHERE province = ? AND term = ?`, p, term.Term).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != term.N {
				t.Errorf("%s %s: TopTerms n=%d, term_frequency %d", p, term.Term, term.N, n)
			}
		}
	}
	y := years[len(years)-1]
	docs, _, err := queries.Documents(ctx, db, queries.Filter{YearFrom: y, YearTo: y}, allDocs)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Errorf("year %d selects nothing", y)
	}
	for _, d := range docs {
		if d.Year != y {
			t.Errorf("year %d filter let through %s (%d)", y, d.File, d.Year)
		}
	}
	// A theme filter keeps the documents with hits of the theme.
	themes, err := queries.Themes(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range themes {
		docs, _, err := queries.Documents(ctx, db, queries.Filter{Theme: th.Theme}, allDocs)
		if err != nil {
			t.Fatal(err)
		}
		var want int
		if err := db.QueryRow(`SELECT count(DISTINCT h.doc_id) FROM theme_hits h JOIN document_stats d USING (doc_id) WHERE h.theme = ? AND h.hits > 0`, th.Theme).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if len(docs) != want {
			t.Errorf("theme %s: %d documents, %d have hits", th.Theme, len(docs), want)
		}
	}
	none, _, err := queries.Documents(ctx, db, queries.Filter{Level: "no-such-level"}, allDocs)
	if err != nil || len(none) != 0 {
		t.Errorf("unknown level: %d rows, %v", len(none), err)
	}
	if _, err := queries.GetDocument(ctx, db, -1); !errors.Is(err, queries.ErrNoDocument) {
		t.Errorf("GetDocument(-1) = %v, want ErrNoDocument", err)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func near(a, b float64) bool { return abs(a-b) < 1e-6*(1+abs(a)+abs(b)) }
