// Package svg draws a document chart (doc.Chart) as inline SVG for the
// HTML writer. The layout is render/chart's, the same the PDF writer
// draws: this package only paints its marks and texts, every label as
// <text>, so it is found by search, read by screen readers and copied.
package svg

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/mpsplan/mpsplan/render/chart"
	"github.com/mpsplan/mpsplan/render/doc"
)

// Style is the layout the HTML writer asks for: a width and label size
// that read at a phone's 360px as at a desktop's half column, measured
// generously since the reader's font is not known.
var Style = chart.Style{Width: 560, Size: 14, Measure: chart.Approx, Palette: chart.Default}

// Chart draws c as an inline SVG with role="img", its title and its text
// alternative, in the default style.
func Chart(c *doc.Chart) string { return Draw(c, Style) }

// Draw draws c laid out in st. It never fails: a chart with nothing to
// draw gives an SVG holding only its title and alternative.
func Draw(c *doc.Chart, st chart.Style) string {
	if c == nil {
		return ""
	}
	f := chart.Layout(c, st)
	id := c.ID
	if id == "" {
		id = "chart"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 %s %s" role="img" aria-labelledby="%s-svg-title %s-svg-desc" font-size="%s" fill="%s">`,
		num(f.W+4), num(max(f.H, 1)+4), esc(id), esc(id), num(st.Size), st.Palette.Text.Hex())
	fmt.Fprintf(&b, `<title id="%s-svg-title">%s</title><desc id="%s-svg-desc">%s</desc>`, esc(id), esc(c.Title), esc(id), esc(c.Alt))
	for _, m := range f.Marks {
		// A series' marks say which series they draw, so a check (and a
		// reader's tools) can tell data from axes and gridlines.
		series := ""
		if m.Series >= 0 {
			series = fmt.Sprintf(` data-series="%d"`, m.Series)
		}
		switch m.Kind {
		case chart.Rect:
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"%s/>`, num(m.X), num(m.Y), num(m.W), num(m.H), m.Color.Hex(), series)
		case chart.Line:
			dash := ""
			if m.Dash {
				dash = ` stroke-dasharray="6 4"`
			}
			fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s%s/>`, num(m.X), num(m.Y), num(m.X2), num(m.Y2), m.Color.Hex(), num(m.Width), dash, series)
		case chart.Dot:
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s" fill="%s"%s/>`, num(m.X), num(m.Y), num(m.R), m.Color.Hex(), series)
		}
	}
	for _, t := range f.Texts {
		attrs := ""
		switch t.Anchor {
		case chart.Middle:
			attrs += ` text-anchor="middle"`
		case chart.End:
			attrs += ` text-anchor="end"`
		}
		if t.Bold {
			attrs += ` font-weight="bold"`
		}
		if t.Italic {
			attrs += ` font-style="italic"`
		}
		if t.Color != st.Palette.Text {
			attrs += ` fill="` + t.Color.Hex() + `"`
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s"%s>%s</text>`, num(t.X), num(t.Y), attrs, esc(t.S))
	}
	b.WriteString("</svg>")
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }

// num prints a coordinate with at most one decimal, the same on every
// machine.
func num(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	s := fmt.Sprintf("%.1f", f)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}
