package chart

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// subtractEach is how gapGridlines cut a line before subtract: each cut
// taken against every piece the cuts before it left.
func subtractEach(lo, hi float64, cuts [][2]float64) [][2]float64 {
	segs := [][2]float64{{lo, hi}}
	for _, c := range cuts {
		var next [][2]float64
		for _, sg := range segs {
			if c[1] <= sg[0] || c[0] >= sg[1] {
				next = append(next, sg)
				continue
			}
			if c[0] > sg[0] {
				next = append(next, [2]float64{sg[0], c[0]})
			}
			if c[1] < sg[1] {
				next = append(next, [2]float64{c[1], sg[1]})
			}
		}
		segs = next
	}
	return segs
}

// TestSubtract checks subtract against subtractEach on random spans and
// cuts on a small grid (so that ends meet and cuts touch), spans of no
// length, and cuts that are not numbers: the gridlines must be cut
// exactly as before, only sooner.
func TestSubtract(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 20000 {
		lo := float64(r.IntN(10))
		hi := lo + float64(r.IntN(10)) // a span of no length one time in ten
		cuts := make([][2]float64, r.IntN(8))
		for i := range cuts {
			a := float64(r.IntN(24) - 2)
			cuts[i] = [2]float64{a, a + float64(1+r.IntN(6))}
			if r.IntN(200) == 0 {
				cuts[i][r.IntN(2)] = math.NaN()
			}
		}
		want := subtractEach(lo, hi, cuts)
		got := subtract(lo, hi, slices.Clone(cuts))
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: subtract(%v, %v, %v) = %v, want %v", n, lo, hi, cuts, got, want)
		}
	}
}

// TestTextGrid checks that a rectangle finds every text whose box meets
// it, among them the texts kept apart, and each once.
func TestTextGrid(t *testing.T) {
	boxes := [][4]float64{
		{0, 0, 10, 9.5},        // near the origin, two cells high
		{0, 300, 10, 310},      // far below
		{50, 0, 60, 5},         // to the right
		{0, math.NaN(), 10, 5}, // kept apart: given to every query
		{0, -1e300, 10, 1e300}, // too many cells: kept apart
		{-1e6, 100, 1e6, 101},  // too many cells: kept apart
	}
	g := newTextGrid(boxes, 9)
	for _, tc := range []struct {
		x0, x1, y0, y1 float64
		want           []int
	}{
		{5, 5, 4, 4, []int{0, 3, 4, 5}},
		{5, 5, 0, 400, []int{0, 1, 3, 4, 5}},
		{55, 55, 2, 2, []int{2, 3, 4, 5}},
		{-500, 500, 2, 2, []int{0, 2, 3, 4, 5}},
		{0, 1e9, 0, 1e9, []int{0, 1, 2, 3, 4, 5}}, // too many cells: every text
		{math.NaN(), 1, 0, 1, []int{0, 1, 2, 3, 4, 5}},
	} {
		got := slices.Clone(g.near(tc.x0, tc.x1, tc.y0, tc.y1))
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("near(%v, %v, %v, %v) = %v, want %v", tc.x0, tc.x1, tc.y0, tc.y1, got, tc.want)
		}
	}
}
