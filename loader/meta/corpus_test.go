package meta

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/source"
)

const corpusDir = "../testdata/corpus"

// TestCorpus reads and infers every file of the ingestion corpus and checks
// the result against expected.csv: the error for bad input, else format,
// encoding, every metadata field, the sources named, a warning, the first
// and last line of the cleaned text, and text it must and must not contain.
func TestCorpus(t *testing.T) {
	f, err := os.Open(filepath.Join(corpusDir, "expected.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	listed := map[string]bool{}
	g := gazetteer.Default()
	for _, r := range rows[1:] {
		get := func(name string) string { return r[col[name]] }
		file := get("file")
		listed[file] = true
		t.Run(file, func(t *testing.T) {
			path := filepath.Join(corpusDir, filepath.FromSlash(file))
			doc, err := source.Read(path)
			if want := get("error"); want != "" {
				if err == nil {
					t.Fatalf("want error %q, got none", want)
				}
				if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
					t.Fatalf("error %q should name the file and say %q", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			m := Infer(doc, file, g)
			check := func(name, got string) {
				if want := get(name); got != want {
					t.Errorf("%s = %q, want %q (source %s)", name, got, want, m.Sources[name])
				}
			}
			check("format", doc.Format)
			check("encoding", doc.Encoding)
			check("title", m.Title)
			check("doc_type", m.DocType)
			check("province", m.Province)
			check("city", m.City)
			check("county", m.County)
			check("level", m.Level)
			check("issuer", m.Issuer)
			check("published", dateString(m))
			check("reviewed_year", yearString(m.ReviewedYear))
			check("plan_year", yearString(m.PlanYear))
			if s := get("sources"); s != "" {
				for _, kv := range strings.Split(s, ";") {
					k, v, _ := strings.Cut(kv, "=")
					if m.Sources[k] != v {
						t.Errorf("source of %s = %q, want %q", k, m.Sources[k], v)
					}
				}
			}
			if w := get("warning"); w != "" {
				all := strings.Join(append(append([]string{}, doc.Warnings...), m.Warnings...), "\n")
				if !strings.Contains(all, w) {
					t.Errorf("warnings %q lack %q", all, w)
				}
			}
			lines := strings.Split(doc.Text, "\n")
			check("first_line", lines[0])
			check("last_line", lines[len(lines)-1])
			if s := get("text_has"); s != "" {
				for _, sub := range strings.Split(s, "|") {
					if !strings.Contains(doc.Text, sub) {
						t.Errorf("text lacks %q", sub)
					}
				}
			}
			if s := get("text_lacks"); s != "" {
				for _, sub := range strings.Split(s, "|") {
					if strings.Contains(doc.Text, sub) {
						t.Errorf("text should not contain %q", sub)
					}
				}
			}
			if t.Failed() {
				t.Logf("text:\n%s", doc.Text)
			}
		})
	}
	// Every notice in the corpus is listed.
	err = filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, p)
		rel = filepath.ToSlash(rel)
		if strings.Contains(rel, "/") && !source.IsSidecar(rel) && !listed[rel] {
			t.Errorf("%s is not in expected.csv", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func dateString(m Metadata) string {
	if m.Published.IsZero() {
		return ""
	}
	return m.Published.Format("2006-01-02")
}

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// TestDevSet checks the metadata of the dev notices
// (../testdata/dev/documents.csv): other provinces and years than the
// seeds, a city bulletin, a traditional-character page and a study session
// that neither reviews nor plans a year.
func TestDevSet(t *testing.T) {
	dir := "../testdata/dev"
	f, err := os.Open(filepath.Join(dir, "documents.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	g := gazetteer.Default()
	for _, r := range rows[1:] {
		name := r[0]
		t.Run(name, func(t *testing.T) {
			doc, err := source.Read(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			m := Infer(doc, name, g)
			got := []string{name, m.Title, m.Province, m.City, m.County, m.Level, m.Issuer, dateString(m), yearString(m.ReviewedYear), yearString(m.PlanYear)}
			for i, col := range rows[0] {
				if got[i] != r[i] {
					t.Errorf("%s = %q, want %q (source %s)", col, got[i], r[i], m.Sources[col])
				}
			}
		})
	}
}

// TestDevRealMetadata checks the metadata of the real notices of the dev
// set (../testdata/dev/real/documents.csv, labelled before the rules of
// issue 8 were written): field by field, with a bar per field rather than
// exact agreement, since some notices never state what a reader infers
// (a news item with no year at all). Titles and issuers are not compared.
func TestDevRealMetadata(t *testing.T) {
	acc := metadataAccuracy(t, "../testdata/dev/real", "", func(string) string { return "dev/real" })
	checkFloors(t, acc["dev/real"], map[string]float64{"province": 0.93, "city": 0.93, "county": 0.93, "level": 0.93,
		"published": 1, "reviewed_year": 0.85, "plan_year": 0.85})
}

// TestRealMetadata checks the metadata of the 260 real notices of
// ../testdata/real (former blind sets A, B, C, D, E, F, I and J), set by set, against
// floors at what the rules reach on each: a change that loses a notice's
// timeline or place on any set fails here, with the notices it got wrong.
func TestRealMetadata(t *testing.T) {
	acc := metadataAccuracy(t, "../testdata/real", "notices", func(doc string) string { return doc[:1] })
	// Round 6 turned on the page's address as evidence (timeline cues url and
	// url_date, the fit of TestTimelineLeaveOneSetOut once I and J were in
	// it). Sets C-F and dev/real had been labelled leaving a notice undated
	// when only its address dated it, so their published floors fell with it
	// (C 1.00 -> 0.85, D 0.81 -> 0.71, E 0.83 -> 0.74, F 0.95 -> 0.80, F
	// reviewed 0.71 -> 0.47, dev/real 0.90 -> 0.73). The round 6 relabel
	// (docs/testsets.md: the address's date; testdata/real/README.md "Round 6
	// relabel: address dates") dated 18 C-F and 4 dev/real notices, and the
	// floors rose to what the rules then reach: published C 1.00, D 0.84,
	// E 0.83, F 0.90, F reviewed 0.61, dev/real 1.00. F is not back at 0.95:
	// the rules leave F17's address (2020729101450) unread and date F15,
	// which stays undated (its address date precedes the quarter it
	// reports). A notice whose lead opens with a month-day keeps that day
	// (C01, D20, D26, F03, F04, and D21, F05 in the address's year), where
	// A, b, I and J take the address's; that class is still open.
	floors := map[string]map[string]float64{
		"A": {"province": 1, "city": 1, "county": 1, "level": 1, "published": 0.94, "reviewed_year": 0.85, "plan_year": 0.97},
		"b": {"province": 1, "city": 0.96, "county": 1, "level": 1, "published": 0.84, "reviewed_year": 0.88, "plan_year": 0.8},
		"C": {"province": 1, "city": 0.94, "county": 0.94, "level": 0.88, "published": 1, "reviewed_year": 0.85, "plan_year": 0.82},
		"D": {"province": 0.96, "city": 0.93, "county": 0.96, "level": 0.93, "published": 0.84, "reviewed_year": 0.9, "plan_year": 0.78},
		"E": {"province": 0.9, "city": 0.83, "county": 0.87, "level": 0.87, "published": 0.83, "reviewed_year": 0.8, "plan_year": 0.77},
		"F": {"province": 0.85, "city": 0.76, "county": 0.95, "level": 0.76, "published": 0.9, "reviewed_year": 0.61, "plan_year": 0.76},
		"I": {"province": 1, "city": 0.97, "county": 1, "level": 0.95, "published": 0.85, "reviewed_year": 0.7, "plan_year": 0.82},
		"J": {"province": 0.92, "city": 0.9, "county": 0.82, "level": 0.8, "published": 0.92, "reviewed_year": 0.7, "plan_year": 0.85},
	}
	for set, f := range floors {
		t.Run(set, func(t *testing.T) { checkFloors(t, acc[set], f) })
	}
}

// fieldAccuracy is the share of notices whose field is right, with the
// notices it got wrong.
type fieldAccuracy struct {
	right, n int
	wrong    []string
}

// labelledNotice is a notice with the metadata a reader gives it (the
// columns of its documents.csv row).
type labelledNotice struct {
	set, name string
	doc       *source.Document
	want      map[string]string
}

// readLabelled reads the notices listed in csvPath from dir, each with its
// labelled row and its set (setOf maps a notice to its set).
func readLabelled(t *testing.T, csvPath, dir string, setOf func(doc string) string) []labelledNotice {
	t.Helper()
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	manifest := readManifestNear(t, dir)
	var out []labelledNotice
	for _, r := range rows[1:] {
		want := map[string]string{}
		for i, h := range rows[0] {
			want[h] = r[i]
		}
		doc, err := source.Read(filepath.Join(dir, r[0]))
		if err != nil {
			t.Fatal(err)
		}
		if u, ok := manifest.Lookup(r[0]); ok {
			doc.Address, doc.AddressFrom = u, "manifest"
		}
		out = append(out, labelledNotice{setOf(r[0]), r[0], doc, want})
	}
	return out
}

// metadataAccuracy infers the metadata of every notice listed in
// dir/documents.csv (read from dir/notices) and scores it field by field
// against the labels, per set (setOf maps a notice to its set).
func metadataAccuracy(t *testing.T, dir, notices string, setOf func(doc string) string) map[string]map[string]*fieldAccuracy {
	t.Helper()
	g := gazetteer.Default()
	out := map[string]map[string]*fieldAccuracy{}
	for _, n := range readLabelled(t, filepath.Join(dir, "documents.csv"), filepath.Join(dir, notices), setOf) {
		m := Infer(n.doc, n.name, g)
		got := map[string]string{"province": m.Province, "city": m.City, "county": m.County, "level": m.Level,
			"published": dateString(m), "reviewed_year": yearString(m.ReviewedYear), "plan_year": yearString(m.PlanYear)}
		if out[n.set] == nil {
			out[n.set] = map[string]*fieldAccuracy{}
		}
		for col, v := range got {
			label, ok := n.want[col]
			if !ok {
				continue
			}
			if v == Unknown {
				v = ""
			}
			fa := out[n.set][col]
			if fa == nil {
				fa = &fieldAccuracy{}
				out[n.set][col] = fa
			}
			fa.n++
			if v == label {
				fa.right++
			} else {
				fa.wrong = append(fa.wrong, fmt.Sprintf("%s %s = %q, want %q (source %s)", n.name, col, v, label, m.Sources[col]))
			}
		}
	}
	return out
}

// checkFloors fails for each field whose accuracy is below its floor and
// then lists the notices each field got wrong.
func checkFloors(t *testing.T, acc map[string]*fieldAccuracy, floors map[string]float64) {
	t.Helper()
	var wrong []string
	for col, min := range floors {
		fa := acc[col]
		if fa == nil || fa.n == 0 {
			t.Errorf("%s: no notices scored", col)
			continue
		}
		got := float64(fa.right) / float64(fa.n)
		t.Logf("%s %.3f (%d/%d)", col, got, fa.right, fa.n)
		if got < min {
			t.Errorf("%s accuracy %.3f below %.2f", col, got, min)
		}
		wrong = append(wrong, fa.wrong...)
	}
	if t.Failed() {
		t.Log("misses:\n" + strings.Join(wrong, "\n"))
	}
}

// readManifestNear reads the sources.csv the loader gives the notices of
// dir: the one in dir, else the one in the folder above it (nil: none).
func readManifestNear(t *testing.T, dir string) *source.Manifest {
	t.Helper()
	for _, p := range []string{filepath.Join(dir, source.ManifestName), filepath.Join(filepath.Dir(dir), source.ManifestName)} {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		defer f.Close()
		m, err := source.ReadManifest(f)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return m
	}
	return nil
}
