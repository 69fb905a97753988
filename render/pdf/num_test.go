package pdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendFixed2: appendFixed2 writes what strconv writes, for the
// numbers a page holds (halves and near-halves included), negatives,
// and numbers too large to round by hand.
func TestAppendFixed2(t *testing.T) {
	vals := []float64{0, 0.005, 0.015, 0.125, 0.375, 1.005, 2.675, 62.36, 691.8, 841.89, 1e7 + 0.005, 1e15, 1e300, -0.001, -3.14159, math.Inf(1), math.NaN()}
	for i := range 100000 {
		vals = append(vals, float64(i)/200, float64(i)/1000*k, (pageH-float64(i)/300)*k)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		vals = append(vals, r.Float64()*1000)
	}
	for _, v := range vals {
		if got, want := string(appendFixed2(nil, v)), strconv.FormatFloat(v, 'f', 2, 64); got != want {
			t.Errorf("appendFixed2(%v) = %s, want %s", v, got, want)
		}
	}
}

// TestAppendChannel: every channel as strconv writes it.
func TestAppendChannel(t *testing.T) {
	for v := -1; v <= 256; v++ {
		if got, want := string(appendChannel(nil, v)), strconv.FormatFloat(float64(v)/255, 'f', 3, 64); got != want {
			t.Errorf("appendChannel(%d) = %s, want %s", v, got, want)
		}
	}
}
