package freelist

import (
	"runtime"
	"testing"
)

// TestKeeps: a buffer put back is the next one got, reset, even after a
// garbage collection (which empties a sync.Pool); a full list drops the
// extra ones.
func TestKeeps(t *testing.T) {
	l := New(1, func() *[]int { s := []int{}; return &s }, func(s *[]int) { *s = (*s)[:0] })
	a := l.Get()
	*a = append(*a, 1, 2, 3)
	l.Put(a)
	l.Put(&[]int{9}) // the list is full: dropped
	runtime.GC()
	b := l.Get()
	if b != a || len(*b) != 0 || cap(*b) < 3 {
		t.Errorf("got %p len %d cap %d, want the kept %p, empty", b, len(*b), cap(*b), a)
	}
	if c := l.Get(); c == a {
		t.Error("a value was given out twice")
	}
}
