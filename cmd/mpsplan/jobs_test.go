package main

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/mpsplan/mpsplan/render/doc"
)

// TestPoolOrder checks that one worker runs the costliest queued job
// first, the first queued among equals, and the jobs a job queues.
func TestPoolOrder(t *testing.T) {
	tests := []struct {
		name  string
		costs []float64
		want  []int // the jobs' indexes, in the order they run
	}{
		{"costliest first", []float64{1, 9, 2.5}, []int{1, 2, 0}},
		{"equal costs keep their order", []float64{2, 2, 2}, []int{0, 1, 2}},
		{"first before any work", []float64{100, first, 5}, []int{1, 0, 2}},
		{"nothing", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newPool()
			var got []int
			for i, c := range tc.costs {
				p.add(c, func() { got = append(got, i) })
			}
			p.run(1)
			if !slices.Equal(got, tc.want) {
				t.Errorf("ran %v, want %v", got, tc.want)
			}
		})
	}
}

// TestPoolQueuedByJobs checks that run waits for jobs queued by running
// jobs, however deep, on several workers.
func TestPoolQueuedByJobs(t *testing.T) {
	p := newPool()
	var ran atomic.Int64
	var mu sync.Mutex
	seen := map[int]bool{}
	var spawn func(depth, id int)
	spawn = func(depth, id int) {
		p.add(float64(depth), func() {
			ran.Add(1)
			mu.Lock()
			seen[id] = true
			mu.Unlock()
			if depth < 6 {
				spawn(depth+1, id*2)
				spawn(depth+1, id*2+1)
			}
		})
	}
	spawn(0, 1)
	p.run(4)
	if n := ran.Load(); n != 127 || len(seen) != 127 {
		t.Errorf("ran %d jobs (%d distinct), want the 127 of a tree 7 deep", n, len(seen))
	}
}

// TestPoolHold checks that held workers wait for jobs added after every
// queued job is done, and stop once released and done.
func TestPoolHold(t *testing.T) {
	p := newPool()
	var ran atomic.Int64
	done := make(chan struct{})
	p.add(1, func() { ran.Add(1); close(done) })
	p.hold()
	p.start(2)
	<-done // every queued job ran; the hold keeps the workers
	p.add(1, func() { ran.Add(1) })
	p.release()
	p.wait()
	if n := ran.Load(); n != 2 {
		t.Errorf("ran %d jobs, want 2: the job added during the hold was lost", n)
	}
}

// TestPrintCost checks the estimate orders documents by their text and
// formats by their cost.
func TestPrintCost(t *testing.T) {
	small := &doc.Document{Sections: []*doc.Section{{Title: "A", Blocks: []doc.Block{&doc.Text{Markdown: "short"}}}}}
	big := &doc.Document{Sections: []*doc.Section{{Title: "A", Sections: []*doc.Section{{Blocks: []doc.Block{
		&doc.Text{Markdown: "a longer paragraph of text"},
		&doc.List{Items: []doc.ListItem{{Text: "item", Detail: "detail"}}},
		&doc.Table{Caption: "t", Rows: []doc.Row{{Cells: []string{"1", "2"}}}},
		&doc.Chart{Alt: "a chart", Data: &doc.Table{Rows: []doc.Row{{Cells: []string{"3"}}}}},
	}}}}}}
	if !(printCost("pdf", big) > printCost("pdf", small)) {
		t.Errorf("the larger document costs no more to print")
	}
	if !(printCost("pdf", small) > printCost("html", small) && printCost("html", small) > printCost("md", small)) {
		t.Errorf("formats cost pdf %v, html %v, md %v: want pdf > html > md",
			printCost("pdf", small), printCost("html", small), printCost("md", small))
	}
	if got := printCost("md", &doc.Document{}); got <= 0 {
		t.Errorf("an empty document costs %v; every job must cost something", got)
	}
}

// TestAfter checks that the call completing n runs then, once.
func TestAfter(t *testing.T) {
	for _, n := range []int{1, 2, 50} {
		var ran atomic.Int64
		done := after(n, func() { ran.Add(1) })
		var wg sync.WaitGroup
		for range n {
			wg.Go(done)
		}
		wg.Wait()
		if ran.Load() != 1 {
			t.Errorf("after(%d): then ran %d times, want once", n, ran.Load())
		}
	}
}
