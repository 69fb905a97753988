// Package chart lays a document chart (doc.Chart) out once, as a Figure of
// positioned marks and texts, which the SVG and PDF writers draw alike: the
// same kinds, colours, order, labels and scales for the same data. It owns
// the chart rules: a value axis with round ticks and light gridlines, bars
// from zero, a zero line where values cross zero, units on the axis, a
// line chart's range chosen from its data and said on the axis, direct
// labels placed so no two texts overlap and none leaves the figure, long
// labels wrapped (never cut), and the Analysis Function palette.
package chart

import (
	"math"
	"strings"
	"unicode"

	"github.com/mpsplan/mpsplan/render/doc"
)

// Measure returns the advance width of s at size (both in the figure's
// units), bold or not: the writer's own font metrics.
type Measure func(s string, size float64, bold bool) float64

// Style is what a writer tells the layout: the width it has, the label
// size, how its font measures, and the palette (a theme's, or Default).
type Style struct {
	Width   float64
	Size    float64
	Measure Measure
	Palette Palette
}

// Approx measures text by classes of character, at advances a little over
// those of DejaVu Sans, the widest common sans-serif: for writers that do
// not know the reader's font (a browser's), it errs wide, so labels
// placed apart stay apart.
func Approx(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune("il.,:;'|!", r):
			w += 0.34
		case r == ' ':
			w += 0.34
		case strings.ContainsRune("tfrj()[]-", r):
			w += 0.46
		case r == '%' || r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '@':
			w += 1.0
		case r >= '0' && r <= '9':
			w += 0.66
		case unicode.IsUpper(r) || r == '£' || r == '–' || r == '—':
			w += 0.78
		default:
			w += 0.64
		}
	}
	if bold {
		w *= 1.1
	}
	return w * size
}

// Anchor says which point of a text its X gives.
type Anchor int

// Anchors.
const (
	Start Anchor = iota
	Middle
	End
)

// Text is one line of text, its baseline at Y.
type Text struct {
	X, Y   float64
	S      string
	Size   float64
	Bold   bool
	Italic bool
	Anchor Anchor
	Color  Color
	// W is the measured width.
	W float64
}

// Box returns the text's extent: left, top, right, bottom.
func (t Text) Box() (x0, y0, x1, y1 float64) {
	x0 = t.X
	switch t.Anchor {
	case Middle:
		x0 -= t.W / 2
	case End:
		x0 -= t.W
	}
	return x0, t.Y - 0.8*t.Size, x0 + t.W, t.Y + 0.22*t.Size
}

// MarkKind is the shape of a mark.
type MarkKind int

// Mark kinds.
const (
	// Rect is a filled rectangle (a bar, a legend swatch).
	Rect MarkKind = iota
	// Line is a stroked segment (an axis, a gridline, a trend, a target
	// tick); Dash makes it dashed.
	Line
	// Dot is a filled circle of radius R at X, Y (a result on a trend).
	Dot
)

// Mark is one painted shape.
type Mark struct {
	Kind       MarkKind
	X, Y, W, H float64 // Rect
	X2, Y2     float64 // Line: from X, Y to X2, Y2
	R          float64 // Dot
	Color      Color
	Width      float64 // Line stroke width
	Dash       bool
	// Series is the series index the mark belongs to, or -1 for axes,
	// gridlines and leader lines.
	Series int
}

// Figure is a chart laid out: W×H in the style's units, y downwards from
// the top, marks painted first and texts over them.
type Figure struct {
	W, H  float64
	Marks []Mark
	Texts []Text
	// Breaks are heights at which the figure may be cut across pages
	// (between rows of a bar chart); empty when it must stay whole.
	Breaks []float64
}

// Layout lays c out in style st. It never fails: a chart with nothing to
// draw gives an empty figure.
func Layout(c *doc.Chart, st Style) *Figure {
	if st.Measure == nil {
		st.Measure = Approx
	}
	if st.Size <= 0 {
		st.Size = 9
	}
	if st.Width <= 0 {
		st.Width = 470
	}
	if len(st.Palette.Categorical) == 0 {
		st.Palette = Default
	}
	l := &lay{st: st, c: c, f: &Figure{W: st.Width}}
	if !Drawable(c) {
		return l.f
	}
	switch c.Kind {
	case doc.ChartTrend:
		l.trend()
	case doc.ChartTargetResult:
		l.targetResult()
	default:
		l.bars()
	}
	l.gapGridlines()
	return l.f
}

// Drawable reports whether c has any value to draw.
func Drawable(c *doc.Chart) bool {
	if c == nil || len(c.Labels) == 0 {
		return false
	}
	for _, s := range c.Series {
		for i := range s.Values {
			if _, ok := point(s, i, len(c.Labels)); ok {
				return true
			}
		}
	}
	return false
}

func point(s doc.Series, i, n int) (doc.Point, bool) {
	if i >= len(s.Values) || i >= n {
		return doc.Point{}, false
	}
	p := s.Values[i]
	if p.Missing || math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
		return doc.Point{}, false
	}
	return p, true
}

// SeriesColor is the colour of series i of c: a result or a target keeps
// its colour everywhere; other series take the categorical palette in
// order.
func (p Palette) SeriesColor(c *doc.Chart, i int) Color {
	switch c.Series[i].Role {
	case doc.RoleResult:
		return p.Result
	case doc.RoleTarget:
		return p.Target
	}
	n := 0
	for j := 0; j < i; j++ {
		if c.Series[j].Role == "" {
			n++
		}
	}
	return p.Categorical[n%len(p.Categorical)]
}
