package diff

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// increasingRunDP is how increasingRun first chose the run, comparing each
// member with every earlier one: the run it marks is the one reordering
// has always reported against.
func increasingRunDP(seq []int) []bool {
	n := len(seq)
	length, prev := make([]int, n), make([]int, n)
	best := -1
	for i := range n {
		length[i], prev[i] = 1, -1
		for j := range i {
			if seq[j] < seq[i] && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	return chain(prev, best)
}

// TestIncreasingRun checks increasingRun against increasingRunDP on
// random permutations and subsets of them, short and long, so that the
// items a diff reports as moved stay the same.
func TestIncreasingRun(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 3000 {
		size := r.IntN(40)
		if n%100 == 0 {
			size = 500 + r.IntN(500)
		}
		seq := r.Perm(size + r.IntN(5))[:size] // distinct values, some left out
		if r.IntN(3) == 0 {
			slices.Sort(seq[:size/2]) // long runs already in order
		}
		got, want := increasingRun(seq), increasingRunDP(seq)
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: increasingRun(%v)\n= %v\nwant %v", n, seq, got, want)
		}
	}
	if got := increasingRun(nil); len(got) != 0 {
		t.Errorf("increasingRun(nil) = %v", got)
	}
}
