package extract

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/data"
	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/meta"
	"github.com/policylens/policylens/loader/source"
	"github.com/policylens/policylens/loader/text"
)

var (
	kindDump  = flag.String("kinddump", "", "write every figure's kind cues of the notices in -kindsets to this TSV file (training data for kind_weights; see testdata/kindmodel)")
	kindSets  = flag.String("kindsets", "", "comma-separated NAME=DIR[=DOCUMENTS.csv] notice folders for -kinddump; NAME * names each notice's set by the first letter of its file name (loader/testdata/real: A, b, C …)")
	kindGold  = flag.Bool("kindgoldmeta", false, "with -kinddump: take each notice's timeline and place from the set's DOCUMENTS.csv, else documents.csv in or beside its folder (the labels given the right timeline)")
	kindNoPub = flag.Bool("kindnopub", false, "with -kinddump: drop every notice's publication date (the timeline of a notice whose page gives no date, as many unseen ones do)")
)

// goldMeta reads a documents.csv (doc, title, province, city, county,
// level, issuer, published, reviewed_year, plan_year) into metadata.
func goldMeta(t *testing.T, path string) map[string]meta.Metadata {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	out := map[string]meta.Metadata{}
	for _, r := range recs[1:] {
		var m meta.Metadata
		m.Province, m.City, m.County, m.Level = r[col["province"]], r[col["city"]], r[col["county"]], r[col["level"]]
		m.Published, _ = time.Parse("2006-01-02", r[col["published"]])
		m.ReviewedYear, _ = strconv.Atoi(r[col["reviewed_year"]])
		m.PlanYear, _ = strconv.Atoi(r[col["plan_year"]])
		out[r[col["doc"]]] = m
	}
	return out
}

// TestKindDump writes the training data of the kind model: for every
// figure of every notice in the given folders, read and labelled as a load
// does (metadata inferred by loader/meta, the embedded lexicon and the
// gazetteer), its notice, value, unit, kind, year, sentence and cues.
// testdata/kindmodel/train.py matches the rows with the gold labels and
// learns kind_weights. It does nothing without -kinddump.
func TestKindDump(t *testing.T) {
	if *kindDump == "" {
		t.Skip("no -kinddump")
	}
	c, err := LoadCatalogue("../../data/metrics.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := ParseLexicon(data.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	gaz := gazetteer.Default()
	e := New(c, WithLexicon(lex), WithGazetteer(gaz))
	e.keepCues = true
	out, err := os.Create(*kindDump)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	w := bufio.NewWriter(out)
	defer w.Flush()
	fmt.Fprintln(w, "set\tdoc\tvalue\tunit\tkind\tyear\tsentence\tcues")
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s) }
	for _, pair := range strings.Split(*kindSets, ",") {
		parts := strings.Split(pair, "=")
		if len(parts) < 2 || len(parts) > 3 {
			t.Fatalf("-kindsets: %q is not NAME=DIR[=DOCUMENTS.csv]", pair)
		}
		name, dir := parts[0], parts[1]
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var files []string
		for _, d := range ents {
			switch n := d.Name(); {
			case d.IsDir(), strings.HasSuffix(n, ".csv"), n == "README.md", n == "FIRST-PASS":
			default:
				files = append(files, n)
			}
		}
		sort.Strings(files)
		var gm map[string]meta.Metadata
		if *kindGold {
			docs := filepath.Join(dir, "documents.csv")
			if len(parts) == 3 {
				docs = parts[2]
			} else if _, err := os.Stat(docs); err != nil {
				docs = filepath.Join(filepath.Dir(dir), "documents.csv")
			}
			gm = goldMeta(t, docs)
		}
		for _, f := range files {
			doc, err := source.Read(filepath.Join(dir, f))
			if err != nil {
				t.Logf("%s: %v", f, err)
				continue
			}
			md := meta.Infer(doc, f, gaz)
			if g, ok := gm[f]; ok {
				md.Province, md.City, md.County, md.Level = g.Province, g.City, g.County, g.Level
				md.Published, md.ReviewedYear, md.PlanYear = g.Published, g.ReviewedYear, g.PlanYear
			}
			if *kindNoPub {
				md.Published = time.Time{}
			}
			ss := text.Split(doc.Text, text.Years{Reviewed: md.ReviewedYear, Plan: md.PlanYear})
			for _, in := range e.Document(Doc{Sentences: ss, Title: md.Title, ReviewedYear: md.ReviewedYear, PlanYear: md.PlanYear,
				Published: md.Published, Province: md.Province, City: md.City, County: md.County, Level: md.Level}) {
				set := name
				if set == "*" {
					set = f[:1]
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", set, f, strconv.FormatFloat(in.Value, 'g', -1, 64),
					in.Unit, in.Kind, in.Year, clean(ss[in.SentenceNo].Text), in.cues)
			}
		}
	}
}
