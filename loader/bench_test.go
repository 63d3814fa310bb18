package loader

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/policylens/policylens/data"
	"github.com/policylens/policylens/loader/extract"
	"github.com/policylens/policylens/loader/segment"
	"github.com/policylens/policylens/loader/source"
	"github.com/policylens/policylens/loader/synth"
	"github.com/policylens/policylens/loader/text"
)

// benchCorpusBytes is the size of the corpus the load benchmark builds by
// repeating the seeds.
const benchCorpusBytes = 21 << 20

// buildBenchCorpus writes notices made of the seeds' lines into dir until
// they add up to at least size bytes. Each notice takes a seed's first lines
// (title, date line) and then lines drawn from all seeds in a seeded random
// order, so that the text is the seeds' own but no two notices are copies
// (the loader would load a copy once).
func buildBenchCorpus(tb testing.TB, dir string, size int) (texts []string) {
	seeds, err := filepath.Glob("../data/notices/*.txt")
	if err != nil || len(seeds) == 0 {
		tb.Fatalf("no seeds in ../data/notices: %v", err)
	}
	var heads [][]string
	var pool []string
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		heads = append(heads, lines[:3])
		for _, l := range lines[3:] {
			if utf8.RuneCountInString(l) > 40 {
				pool = append(pool, l)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	total := 0
	for i := 0; total < size; i++ {
		var b strings.Builder
		for _, l := range heads[i%len(heads)] {
			b.WriteString(l + "\n")
		}
		for b.Len() < 12000 {
			b.WriteString(pool[rng.IntN(len(pool))] + "\n")
		}
		name := fmt.Sprintf("%05d_%s", i, filepath.Base(seeds[i%len(seeds)]))
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
		doc, err := source.Parse(name, []byte(b.String()))
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, doc.Text)
		total += len(doc.Text)
	}
	return texts
}

// BenchmarkLoad loads a ≥20 MB corpus built from the seeds and, in the same
// run, segments the same cleaned text with raw gse Cut on the same number of
// workers: the ratio of the two throughputs is the loader's overhead over
// segmentation alone, the part no loader can avoid. It also times the
// loader's own segmenter (the same tokens as gse, faster) and indicator
// extraction alone, as shares of the load.
func BenchmarkLoad(b *testing.B) {
	dir := b.TempDir()
	texts := buildBenchCorpus(b, dir, benchCorpusBytes)
	var textBytes int
	for _, t := range texts {
		textBytes += len(t)
	}
	workers := runtime.NumCPU()

	gse.ToLower = false
	var seg gse.Segmenter
	seg.SkipLog = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		b.Fatal(err)
	}
	cat, err := extract.ParseCatalogue(data.Metrics)
	if err != nil {
		b.Fatal(err)
	}
	ex := extract.New(cat)

	ours, err := segment.New(data.DomainDict, data.StopWords, nil)
	if err != nil {
		b.Fatal(err)
	}

	var loadDur, cutDur, oursDur, extractDur time.Duration
	for i := 0; i < b.N; i++ {
		db := filepath.Join(b.TempDir(), "bench.duckdb")
		start := time.Now()
		sum, err := Load(context.Background(), Options{DataDir: dir, DBPath: db, Workers: workers})
		if err != nil {
			b.Fatal(err)
		}
		loadDur += time.Since(start)
		if sum.Documents == 0 {
			b.Fatal("nothing loaded")
		}

		start = time.Now()
		parallel(texts, workers, func(t string) { seg.Cut(t, true) })
		cutDur += time.Since(start)

		start = time.Now()
		parallel(texts, workers, func(t string) { ours.Count(t) })
		oursDur += time.Since(start)

		start = time.Now()
		parallel(texts, workers, func(t string) {
			ex.Document(extract.Doc{Sentences: text.Split(t, text.Years{Reviewed: 2024, Plan: 2025})})
		})
		extractDur += time.Since(start)
	}
	mb := float64(textBytes) / (1 << 20) * float64(b.N)
	loadMBs := mb / loadDur.Seconds()
	cutMBs := mb / cutDur.Seconds()
	b.ReportMetric(float64(textBytes)/(1<<20), "corpus-MB")
	b.ReportMetric(loadMBs, "load-MB/s")
	b.ReportMetric(cutMBs, "gse-cut-MB/s")
	b.ReportMetric(loadMBs/cutMBs, "load/gse-ratio")
	b.ReportMetric(oursDur.Seconds()/loadDur.Seconds()*100, "segment-%-of-load")
	b.ReportMetric(extractDur.Seconds()/loadDur.Seconds()*100, "extract-%-of-load")
	b.Logf("corpus %.1f MB of text in %d files; load %.2f MB/s, raw gse Cut %.2f MB/s (ratio %.2f); the loader's own segmentation (same tokens as gse) %.1f%% of load time, extraction alone %.1f%%",
		float64(textBytes)/(1<<20), len(texts), loadMBs, cutMBs, loadMBs/cutMBs,
		oursDur.Seconds()/loadDur.Seconds()*100, extractDur.Seconds()/loadDur.Seconds()*100)
}

func parallel(texts []string, workers int, f func(string)) {
	var wg sync.WaitGroup
	ch := make(chan string)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range ch {
				f(t)
			}
		}()
	}
	for _, t := range texts {
		ch <- t
	}
	close(ch)
	wg.Wait()
}

// BenchmarkAddOne builds a database of 10,000 synthetic notices, then adds
// one more notice twice over: with Options.Only (what `policylens add`
// does) and with a full scan of the data dir (what `policylens load` does
// after a file is dropped in). It reports both beside the full load, whose
// cost grows with the corpus while adding one should not.
func BenchmarkAddOne(b *testing.B) {
	dir := b.TempDir()
	opts := synth.Options{N: 10000, Seed: 7}
	m, err := synth.WriteCorpus(dir, b.TempDir(), opts)
	if err != nil {
		b.Fatal(err)
	}
	var full, addOnly, addScan time.Duration
	for i := 0; i < b.N; i++ {
		db := filepath.Join(b.TempDir(), "big.duckdb")
		start := time.Now()
		sum, err := Load(context.Background(), Options{DataDir: dir, DBPath: db})
		if err != nil {
			b.Fatal(err)
		}
		full += time.Since(start)
		if sum.Documents < 9000 {
			b.Fatalf("only %d documents from %d notices", sum.Documents, m.Notices)
		}
		for j, only := range []bool{true, false} {
			n := synth.At(synth.Options{N: opts.N + 2, Seed: opts.Seed}, opts.N+j)
			p := filepath.Join(dir, filepath.FromSlash(n.Path))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(n.Text), 0o644); err != nil {
				b.Fatal(err)
			}
			o := Options{DataDir: dir, DBPath: db}
			if only {
				o.Only = []string{n.Path}
			}
			start = time.Now()
			s, err := Load(context.Background(), o)
			if err != nil {
				b.Fatal(err)
			}
			if only {
				addOnly += time.Since(start)
			} else {
				addScan += time.Since(start)
			}
			if s.Loaded+s.Duplicates != 1 {
				b.Fatalf("adding one notice loaded %d", s.Loaded)
			}
			os.Remove(p)
		}
		// Put the corpus back as it was for the next round.
		if _, err := Load(context.Background(), Options{DataDir: dir, DBPath: db}); err != nil {
			b.Fatal(err)
		}
	}
	n := float64(b.N)
	b.ReportMetric(full.Seconds()/n, "full-load-s")
	b.ReportMetric(addOnly.Seconds()/n, "add-one-s")
	b.ReportMetric(addScan.Seconds()/n, "load-one-new-s")
	b.ReportMetric(addOnly.Seconds()/full.Seconds(), "add/full-ratio")
	b.Logf("%d notices (%.1f MB): full load %.1fs; adding one with add %.2fs, with a full-scan load %.2fs (%.1f%% of a full load)",
		m.Notices, float64(m.Bytes)/(1<<20), full.Seconds()/n, addOnly.Seconds()/n, addScan.Seconds()/n, 100*addOnly.Seconds()/full.Seconds())
}
