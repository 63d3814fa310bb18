package loader

import (
	"context"
	"testing"

	"github.com/policylens/policylens/loader/source"
)

// TestWindowBounds holds the pipeline's window to its two bounds: the
// number of results taken and the text the finished ones hold, with one
// notice larger than the byte bound still let through alone.
func TestWindowBounds(t *testing.T) {
	ctx := context.Background()
	w := newWindow(3, 100)
	for i := range 3 {
		if !w.room() || !w.take(ctx) {
			t.Fatalf("take %d refused under the count bound", i)
		}
	}
	if w.room() {
		t.Fatal("room for a fourth result with a bound of three")
	}
	w.hold(60)
	w.release(60)
	if !w.room() {
		t.Fatal("no room after a release")
	}
	w.take(ctx)
	w.hold(150) // one finished notice over the byte bound
	if w.room() {
		t.Fatal("room while the finished results hold more text than the bound")
	}
	w.release(150)
	w.release(0)
	w.release(0)
	if w.n != 0 || w.bytes != 0 {
		t.Fatalf("window holds %d results and %d bytes after every release", w.n, w.bytes)
	}
	w.take(ctx)
	w.hold(1000)
	w.release(1000)
	if !w.room() {
		t.Fatal("an empty window has no room")
	}
	w.wake()
	if w.take(ctx) {
		t.Fatal("take after wake")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if newWindow(1, 1).take(cancelled) {
		t.Fatal("take with a cancelled context")
	}
}

// TestPipelineInOrder runs the pipeline on the seeds with a window of one
// result and checks that every file comes out once, in file order, however
// the workers finish; a failing emit stops it without leaving workers
// behind.
func TestPipelineInOrder(t *testing.T) {
	rb, err := readResources("")
	if err != nil {
		t.Fatal(err)
	}
	res, err := rb.build()
	if err != nil {
		t.Fatal(err)
	}
	dd, disk, err := scan("../data/notices", nil, source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer dd.close()
	if len(disk) < 3 {
		t.Fatalf("%d seed files", len(disk))
	}
	hashFiles(disk, map[string]fileRecord{}, 2)
	for _, max := range []int{1, 64} {
		p := startPipelineIn(context.Background(), disk, 3, res, newWindow(max, pipelineBytes))
		var got []int
		err := p.drain(func(i int, r result) error {
			if r.err != nil || r.p == nil || r.p.body == "" {
				t.Errorf("file %d: %v", i, r.err)
			}
			got = append(got, i)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range disk {
			if i >= len(got) || got[i] != i {
				t.Fatalf("window %d: emitted %v, want 0..%d in order", max, got, len(disk)-1)
			}
		}
	}
	p := startPipeline(context.Background(), disk, 2, res)
	stop := context.Canceled
	if err := p.drain(func(i int, r result) error { return stop }); err != stop {
		t.Fatalf("drain returned %v, want the emit's error", err)
	}
}
