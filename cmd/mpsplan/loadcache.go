package main

import (
	"path/filepath"
	"sync"

	"github.com/mpsplan/mpsplan/plan"
)

// loadCache loads each plan folder once in a run. A build lays out every
// plan and every report, and a report's trends read the other plans of its
// lineage: without the cache each was read, decoded and validated again
// for every report. Loaded plans are only read afterwards, so the
// goroutines of a build share them.
type loadCache struct {
	mu    sync.Mutex
	loads map[string]*cachedLoad
}

type cachedLoad struct {
	once  sync.Once
	p     *plan.Plan
	diags plan.Diagnostics
}

// load is plan.Load through the run's cache, when it has one.
func (e *env) load(dir string) (*plan.Plan, plan.Diagnostics) {
	c := e.cache
	if c == nil {
		return plan.Load(dir)
	}
	key := filepath.Clean(dir)
	c.mu.Lock()
	if c.loads == nil {
		c.loads = map[string]*cachedLoad{}
	}
	l, ok := c.loads[key]
	if !ok {
		l = &cachedLoad{}
		c.loads[key] = l
	}
	c.mu.Unlock()
	l.once.Do(func() { l.p, l.diags = plan.Load(dir) })
	return l.p, l.diags
}
