package main

import (
	"math"
	"sync"
	"sync/atomic"

	"github.com/mpsplan/mpsplan/render/doc"
)

// A pool runs a build's jobs on every processor, the costliest waiting job
// first. A build prints some thirty documents of very different sizes:
// one plan at a time a processor, the largest plan's PDF could start last
// and finish alone while the other processors idled. Jobs may queue more
// jobs while they run: a plan, once laid out, queues the printing of its
// documents, and the site its pages.
//
// The order only decides when a job runs, never what it makes: each job
// writes into a place of its own, read once the pool is done.
type pool struct {
	mu      sync.Mutex
	wake    sync.Cond
	queue   []job
	pending int // jobs queued or running, and holds
	workers sync.WaitGroup
}

// job is one piece of work and its estimated cost.
type job struct {
	cost float64
	run  func()
}

// first is the cost of a job that unlocks others (laying out the site):
// it runs before any job that is only work.
var first = math.Inf(1)

// unlocking is the cost of a job that unlocks others (loading or laying
// out a plan) and whose own work is n: such jobs run before any job that
// is only work, the largest first.
func unlocking(n float64) float64 { return 1e15 + n }

// after returns a function for each of n jobs to call when done; the call
// that completes them runs then.
func after(n int, then func()) func() {
	var left atomic.Int64
	left.Store(int64(n))
	return func() {
		if left.Add(-1) == 0 {
			then()
		}
	}
}

func newPool() *pool {
	p := &pool{}
	p.wake.L = &p.mu
	return p
}

// add queues run at the estimated cost.
func (p *pool) add(cost float64, run func()) {
	p.mu.Lock()
	p.queue = append(p.queue, job{cost, run})
	p.pending++
	p.mu.Unlock()
	p.wake.Signal()
}

// run works through the queue on n goroutines and returns once no job is
// queued or running.
func (p *pool) run(n int) {
	p.start(n)
	p.wait()
}

// start starts working through the queue on n goroutines.
func (p *pool) start(n int) {
	for range max(n, 1) {
		p.workers.Go(p.work)
	}
}

// wait returns once no job is queued or running, nor held.
func (p *pool) wait() { p.workers.Wait() }

// hold keeps the workers waiting for jobs though none is queued or
// running, until release: for jobs the caller will add later.
func (p *pool) hold() {
	p.mu.Lock()
	p.pending++
	p.mu.Unlock()
}

// release ends a hold.
func (p *pool) release() {
	p.mu.Lock()
	p.pending--
	if p.pending == 0 {
		p.wake.Broadcast()
	}
	p.mu.Unlock()
}

func (p *pool) work() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		for len(p.queue) == 0 && p.pending > 0 {
			p.wake.Wait()
		}
		if len(p.queue) == 0 {
			return // nothing queued or running: every job is done
		}
		j := p.take()
		p.mu.Unlock()
		j.run()
		p.mu.Lock()
		p.pending--
		if p.pending == 0 {
			p.wake.Broadcast()
		}
	}
}

// take removes the costliest queued job, the first queued among equals. A
// build queues a few hundred jobs, so a scan costs less than a heap would.
func (p *pool) take() job {
	best := 0
	for i, j := range p.queue {
		if j.cost > p.queue[best].cost {
			best = i
		}
	}
	j := p.queue[best]
	p.queue = append(p.queue[:best], p.queue[best+1:]...)
	return j
}

// formatCost is what printing a document in each format costs, relative to
// Markdown (BenchmarkStage: the largest plan takes about 3 ms as Markdown,
// 7 as HTML and 29 as PDF).
var formatCost = map[string]float64{"md": 1, "html": 2.5, "pdf": 9}

// printCost estimates the work of printing d in format f: the length of
// its text, which every writer sets once (and the PDF writer measures).
func printCost(f string, d *doc.Document) float64 {
	n := 0
	var section func(s *doc.Section)
	section = func(s *doc.Section) {
		n += len(s.Title)
		for _, b := range s.Blocks {
			n += blockText(b)
		}
		for _, sub := range s.Sections {
			section(sub)
		}
	}
	for _, s := range d.Sections {
		section(s)
	}
	return formatCost[f] * float64(n+1)
}

// blockText is the length of a block's text.
func blockText(b doc.Block) int {
	switch b := b.(type) {
	case *doc.Text:
		return len(b.Markdown)
	case *doc.List:
		n := 0
		for _, it := range b.Items {
			n += len(it.Text) + len(it.Detail)
		}
		return n
	case *doc.Table:
		return tableText(b)
	case *doc.Chart:
		n := len(b.Alt)
		if b.Data != nil {
			n += tableText(b.Data)
		}
		return n
	}
	return 0
}

func tableText(t *doc.Table) int {
	n := len(t.Caption) + len(t.Note)
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			n += len(c)
		}
	}
	return n
}
