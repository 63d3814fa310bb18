package loader

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
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

	// The segmenter's trie is cached in the user's cache folder by the
	// first load on a machine (see segment.New); load the seeds once so
	// that the timed loads read it, as every later load does, just as gse's
	// dictionary above is loaded before its cut is timed.
	if _, err := Load(context.Background(), Options{DataDir: "../data/notices", DBPath: filepath.Join(b.TempDir(), "warm.duckdb"), Workers: workers}); err != nil {
		b.Fatal(err)
	}

	var loadDur, cutDur, oursDur, extractDur, loadCPU, cutCPU time.Duration
	for i := 0; i < b.N; i++ {
		db := filepath.Join(b.TempDir(), "bench.duckdb")
		start, cpu := time.Now(), processCPU()
		sum, err := Load(context.Background(), Options{DataDir: dir, DBPath: db, Workers: workers})
		if err != nil {
			b.Fatal(err)
		}
		loadDur, loadCPU = loadDur+time.Since(start), loadCPU+processCPU()-cpu
		if sum.Documents == 0 {
			b.Fatal("nothing loaded")
		}

		start, cpu = time.Now(), processCPU()
		parallel(texts, workers, func(t string) { seg.Cut(t, true) })
		cutDur, cutCPU = cutDur+time.Since(start), cutCPU+processCPU()-cpu

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
	// The same ratio in CPU time (user and system, every thread of the
	// process, DuckDB's included): what contention on a shared machine
	// changes least. The load's wall time can only be longer than its CPU
	// time over the workers, by the parts of it that run on one core.
	b.ReportMetric(cutCPU.Seconds()/loadCPU.Seconds(), "load/gse-cpu-ratio")
	b.ReportMetric(oursDur.Seconds()/loadDur.Seconds()*100, "segment-%-of-load")
	b.ReportMetric(extractDur.Seconds()/loadDur.Seconds()*100, "extract-%-of-load")
	b.Logf("corpus %.1f MB of text in %d files; load %.2f MB/s, raw gse Cut %.2f MB/s (ratio %.2f); CPU time: load %.1f s, gse Cut %.1f s (ratio %.2f); the loader's own segmentation (same tokens as gse) %.1f%% of load time, extraction alone %.1f%%",
		float64(textBytes)/(1<<20), len(texts), loadMBs, cutMBs, loadMBs/cutMBs, loadCPU.Seconds(), cutCPU.Seconds(), cutCPU.Seconds()/loadCPU.Seconds(),
		oursDur.Seconds()/loadDur.Seconds()*100, extractDur.Seconds()/loadDur.Seconds()*100)
}

// processCPU is the CPU time (user and system) the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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

// benchCorpus returns a folder of n synthetic notices (seed 7), written
// once and cached under the system's temporary folder, keyed by the
// generator's output (a change to the generator makes a new corpus), so
// that reruns of make bench do not write 100,000 files again.
func benchCorpus(b *testing.B, n int) string {
	h := sha256.New()
	for i := range 16 {
		io.WriteString(h, synth.At(synth.Options{N: n, Seed: 7}, i*(n/16)).Text)
	}
	dir := filepath.Join(os.TempDir(), "policylens-bench", fmt.Sprintf("synth-%x-%d", h.Sum(nil)[:6], n))
	notices := filepath.Join(dir, "notices")
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return notices
	}
	os.RemoveAll(dir)
	if _, err := synth.WriteCorpus(notices, filepath.Join(dir, "truth"), synth.Options{N: n, Seed: 7}); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "complete"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return notices
}

// childLoad loads dir into db in a child process (the test binary, see
// TestMain) with the Go heap limit `policylens load` sets, and returns its
// wall time and peak resident set size in MB. env adds to its environment
// (POLICYLENS_MAX_TEXT: the per-notice text limit in bytes).
func childLoad(b *testing.B, dir, db string, env ...string) (time.Duration, float64) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "POLICYLENS_LOAD_CHILD=1", "POLICYLENS_DATA="+dir, "POLICYLENS_DB="+db, "GOMEMLIMIT=384MiB")
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("load of %s: %v", dir, err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return time.Since(start), float64(ru.Maxrss) / 1024
}

// BenchmarkAddOne loads 100,000 synthetic notices (policylens synth) in a
// child process and reports its peak RSS, then adds one more notice twice
// over: with Options.Only (what `policylens add` does) and with a full scan
// of the data dir (what `policylens load` does after a file is dropped in).
// Both write on the spare the full load left, so they cost what they add,
// not the size of the database.
func BenchmarkAddOne(b *testing.B) {
	const n = 100000
	dir := benchCorpus(b, n)
	var full, addOnly, addScan time.Duration
	var rss float64
	for i := 0; i < b.N; i++ {
		db := filepath.Join(b.TempDir(), "big.duckdb")
		d, r := childLoad(b, dir, db)
		full += d
		rss = max(rss, r)
		for j, only := range []bool{true, false} {
			nt := synth.At(synth.Options{N: n + 2, Seed: 7}, n+j)
			p := filepath.Join(dir, filepath.FromSlash(nt.Path))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(nt.Text), 0o644); err != nil {
				b.Fatal(err)
			}
			o := Options{DataDir: dir, DBPath: db}
			if only {
				o.Only = []string{nt.Path}
			}
			start := time.Now()
			s, err := Load(context.Background(), o)
			if err != nil {
				b.Fatal(err)
			}
			if only {
				addOnly += time.Since(start)
			} else {
				addScan += time.Since(start)
			}
			if s.Loaded+s.Duplicates != 1 || s.Documents < n*9/10 {
				b.Fatalf("adding one notice loaded %d, %d documents in all", s.Loaded, s.Documents)
			}
			if s.Base != baseSpare {
				b.Logf("adding one wrote on a %s, not the spare", s.Base)
			}
			os.Remove(p)
		}
	}
	k := float64(b.N)
	b.ReportMetric(full.Seconds()/k, "full-load-s")
	b.ReportMetric(rss, "full-load-peak-RSS-MB")
	b.ReportMetric(rss/rssBarMB, "full-load-RSS/bar")
	b.ReportMetric(addOnly.Seconds()/k, "add-one-s")
	b.ReportMetric(addScan.Seconds()/k, "load-one-new-s")
	b.ReportMetric(max(addOnly, addScan).Seconds()/k/addOneBar.Seconds(), "add-one/bar")
	b.Logf("%d notices: full load %.1fs at %.0f MB peak RSS (bar %.0f MB); adding one with add %.2fs, with a full-scan load %.2fs (bar %v)",
		n, full.Seconds()/k, rss, float64(rssBarMB), addOnly.Seconds()/k, addScan.Seconds()/k, addOneBar)
}

// The bars of issue 12: peak RSS of a load, and adding one notice to
// 100,000. The bench reports its figures as fractions of them (at most 1).
const (
	rssBarMB  = 1024
	addOneBar = 3 * time.Second
)

// BenchmarkBigNotice loads, in a child process, one notice just under the
// default per-notice text limit; a 20 MB one, refused on its text at the
// default limits and loaded with the text limit raised to 32 MB; and one of
// 200 MB (refused by the file size limit, unread). It reports the peak RSS
// of each load and the largest as a fraction of the bar.
func BenchmarkBigNotice(b *testing.B) {
	seeds, _ := filepath.Glob("../data/notices/*.txt")
	var seedText strings.Builder
	for _, p := range seeds {
		c, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		seedText.Write(c)
	}
	var worst float64
	for _, c := range []struct {
		name string
		size int
		env  []string
	}{
		{"at-text-limit", source.DefaultMaxTextBytes - 64<<10, nil},
		{"20MB-refused", source.DefaultMaxFileBytes - 64<<10, nil},
		{"20MB-loaded", source.DefaultMaxFileBytes - 64<<10, []string{"POLICYLENS_MAX_TEXT=" + fmt.Sprint(32<<20)}},
		{"200MB-refused", 200 << 20, nil},
	} {
		size := c.size
		dir := b.TempDir()
		f, err := os.Create(filepath.Join(dir, "big.txt"))
		if err != nil {
			b.Fatal(err)
		}
		for written := 0; written < size; written += seedText.Len() {
			f.WriteString(seedText.String())
		}
		f.Close()
		var rss float64
		for i := 0; i < b.N; i++ {
			_, r := childLoad(b, dir, filepath.Join(b.TempDir(), "b.duckdb"), c.env...)
			rss = max(rss, r)
		}
		worst = max(worst, rss)
		b.ReportMetric(rss, c.name+"-peak-RSS-MB")
		b.Logf("a %.1f MB notice (%s): peak RSS %.0f MB", float64(size)/(1<<20), c.name, rss)
	}
	b.ReportMetric(worst/rssBarMB, "big-notice-RSS/bar")
}
