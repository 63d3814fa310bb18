package meta

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/policylens/policylens/data"
	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/segment"
	"github.com/policylens/policylens/loader/source"
)

// BenchmarkInferReal measures metadata inference over the real and dev
// notices of testdata beside the reference a load pays for the same text,
// its segmentation: the ratio of the two says what share of a load's CPU
// the timeline and place cost. Each text is inferred once per pass (more
// texts than the year scans memoise), as a load infers each notice once.
func BenchmarkInferReal(b *testing.B) {
	var files []string
	for _, pat := range []string{"../testdata/real/notices/*", "../testdata/dev/*.*", "../testdata/dev/real/r_*"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	var docs []*source.Document
	size := 0
	for _, f := range files {
		d, err := source.Read(f)
		if err != nil {
			continue // the dev set's csv files and broken inputs
		}
		docs = append(docs, d)
		size += len(d.Text)
	}
	if len(docs) < 100 {
		b.Fatalf("only %d notices read", len(docs))
	}
	g := gazetteer.Default()
	b.Run("infer", func(b *testing.B) {
		b.SetBytes(int64(size))
		defer reportCPU(b)()
		for range b.N {
			for i, d := range docs {
				Infer(d, files[i], g)
			}
		}
	})
	seg, err := segment.New(data.DomainDict, data.StopWords, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("segment", func(b *testing.B) {
		b.SetBytes(int64(size))
		defer reportCPU(b)()
		for range b.N {
			for _, d := range docs {
				seg.Count(d.Text)
			}
		}
	})
}

// reportCPU reports the process's CPU time per op (cpu-ns/op) when the
// function it returns is called: on a shared machine wall time counts the
// waits for a core, CPU time does not.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
