package svg

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/doc"
)

// TestAppendNum holds appendNum to the format the charts were first
// drawn with (fmt's %.1f, without a trailing ".0" or a sign on zero).
func TestAppendNum(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), -0.04, 0.05, 0.25, 1.25, 3, -3, 12.349, 12.35, 559.96, -2.96, 1e9, math.NaN(), math.Inf(1), math.Inf(-1)} {
		want := fmtNum(f)
		if got := string(appendNum([]byte("x"), f)); got != "x"+want {
			t.Errorf("appendNum(%v) = %q, want %q", f, got, "x"+want)
		}
	}
}

// fmtNum is how coordinates were printed before appendNum.
func fmtNum(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	s := strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// trend is a chart with lines, dots, bars' worth of labels and a dashed
// target, as a measure page draws.
func trend() *doc.Chart {
	c := &doc.Chart{ID: "m-1 <trend>", Kind: doc.ChartTrend, Title: "Measure & target", Alt: "Rose from 61.9% to 79.1%.",
		Labels: []string{"2006/07", "2007/08", "2008/09", "2009/10"}}
	c.Series = []doc.Series{
		{Name: "Result", Role: doc.RoleResult, Values: []doc.Point{{Value: 61.9, Text: "61.9%"}, {Value: 70.2, Text: "70.2%"}, {Value: 79.1, Text: "79.1%"}, {Missing: true}}},
		{Name: "Target", Role: doc.RoleTarget, Values: []doc.Point{{Missing: true}, {Value: 75, Text: "75%"}, {Value: 82.5, Text: "82.5%"}, {Value: 83.5, Text: "83.5%"}}},
	}
	c.Axis = &doc.Axis{Title: "Percent", Suffix: "%"}
	return c
}

// TestDraw checks the drawing is well formed: escaped names, one element
// a mark or label.
func TestDraw(t *testing.T) {
	s := Draw(trend(), Style)
	for _, want := range []string{`<svg class="chart-svg"`, `aria-labelledby="m-1 &lt;trend&gt;-svg-title`, `<title id="m-1 &lt;trend&gt;-svg-title">Measure &amp; target</title>`, `data-series="0"`, `stroke-dasharray="6 4"`, "</svg>"} {
		if !strings.Contains(s, want) {
			t.Errorf("the drawing lacks %s:\n%s", want, s)
		}
	}
	// Every element closes itself or is closed: as many "<" as elements
	// closed twice ("<x>" and "</x>") plus those closing themselves.
	if n, want := strings.Count(s, "<"), 2*strings.Count(s, "</")+strings.Count(s, "/>"); n != want {
		t.Errorf("%d tags, want %d: %s", n, want, s)
	}
	if Draw(nil, Style) != "" {
		t.Error("a nil chart draws something")
	}
}

func BenchmarkDraw(b *testing.B) {
	c := trend()
	for b.Loop() {
		Draw(c, Style)
	}
}
