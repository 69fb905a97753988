// Package freelist keeps values that are costly to make (grown buffers,
// compressors) for the next use.
//
// Unlike a sync.Pool, a List is not emptied by garbage collection: a
// build collects every few milliseconds, and a pool lost its grown
// buffers and compressors at each collection, to be made and grown again
// several times a document.
package freelist

import "bytes"

// List keeps up to its capacity of values for reuse. The zero List keeps
// none; make one with New.
type List[T any] struct {
	items chan T
	new   func() T
	reset func(T)
}

// New returns a list keeping up to n values, making a value with mk when
// it has none and readying a kept one with reset before it is given out.
func New[T any](n int, mk func() T, reset func(T)) *List[T] {
	return &List[T]{items: make(chan T, n), new: mk, reset: reset}
}

// Get returns a kept value, or a new one.
func (l *List[T]) Get() T {
	select {
	case v := <-l.items:
		l.reset(v)
		return v
	default:
		return l.new()
	}
}

// Put keeps v for a later Get, unless the list is full. v must not be
// used after.
func (l *List[T]) Put(v T) {
	select {
	case l.items <- v:
	default:
	}
}

// Buffers are scratch buffers shared by the writers, empty when got.
var Buffers = New(64, func() *bytes.Buffer { return new(bytes.Buffer) }, (*bytes.Buffer).Reset)
