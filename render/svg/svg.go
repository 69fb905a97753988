// Package svg draws a document chart (doc.Chart) as inline SVG for the
// HTML writer. The layout is render/chart's, the same the PDF writer
// draws: this package only paints its marks and texts, every label as
// <text>, so it is found by search, read by screen readers and copied.
package svg

import (
	"html"
	"math"
	"strconv"

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
//
// It appends to one buffer rather than formatting each element: the site
// draws a chart on every measure page, and fmt was most of the drawing.
func Draw(c *doc.Chart, st chart.Style) string {
	if c == nil {
		return ""
	}
	f := chart.Layout(c, st)
	id := esc(c.ID)
	if id == "" {
		id = "chart"
	}
	b := make([]byte, 0, 512+96*(len(f.Marks)+len(f.Texts)))
	b = append(b, `<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 `...)
	b = appendNum(b, f.W+4)
	b = append(b, ' ')
	b = appendNum(b, max(f.H, 1)+4)
	b = append(b, `" role="img" aria-labelledby="`+id+`-svg-title `+id+`-svg-desc" font-size="`...)
	b = appendNum(b, st.Size)
	b = append(b, `" fill="`+st.Palette.Text.Hex()+`">`...)
	b = append(b, `<title id="`+id+`-svg-title">`+esc(c.Title)+`</title><desc id="`+id+`-svg-desc">`+esc(c.Alt)+`</desc>`...)
	for _, m := range f.Marks {
		b = appendMark(b, m)
	}
	for _, t := range f.Texts {
		b = appendText(b, t, st)
	}
	b = append(b, "</svg>"...)
	return string(b)
}

// appendMark appends a rectangle, line or dot. A series' marks say which
// series they draw, so a check (and a reader's tools) can tell data from
// axes and gridlines.
func appendMark(b []byte, m chart.Mark) []byte {
	switch m.Kind {
	case chart.Rect:
		b = append(b, "<rect"...)
		b = appendAttr(appendAttr(appendAttr(appendAttr(b, "x", m.X), "y", m.Y), "width", m.W), "height", m.H)
		b = append(b, ` fill="`+m.Color.Hex()+`"`...)
	case chart.Line:
		b = append(b, "<line"...)
		b = appendAttr(appendAttr(appendAttr(appendAttr(b, "x1", m.X), "y1", m.Y), "x2", m.X2), "y2", m.Y2)
		b = append(b, ` stroke="`+m.Color.Hex()+`"`...)
		b = appendAttr(b, "stroke-width", m.Width)
		if m.Dash {
			b = append(b, ` stroke-dasharray="6 4"`...)
		}
	case chart.Dot:
		b = append(b, "<circle"...)
		b = appendAttr(appendAttr(appendAttr(b, "cx", m.X), "cy", m.Y), "r", m.R)
		b = append(b, ` fill="`+m.Color.Hex()+`"`...)
	default:
		return b
	}
	if m.Series >= 0 {
		b = append(b, ` data-series="`...)
		b = strconv.AppendInt(b, int64(m.Series), 10)
		b = append(b, '"')
	}
	return append(b, "/>"...)
}

// appendText appends a label, in the style's text colour unless it has its
// own.
func appendText(b []byte, t chart.Text, st chart.Style) []byte {
	b = append(b, "<text"...)
	b = appendAttr(appendAttr(b, "x", t.X), "y", t.Y)
	switch t.Anchor {
	case chart.Middle:
		b = append(b, ` text-anchor="middle"`...)
	case chart.End:
		b = append(b, ` text-anchor="end"`...)
	}
	if t.Bold {
		b = append(b, ` font-weight="bold"`...)
	}
	if t.Italic {
		b = append(b, ` font-style="italic"`...)
	}
	if t.Color != st.Palette.Text {
		b = append(b, ` fill="`+t.Color.Hex()+`"`...)
	}
	return append(b, ">"+esc(t.S)+"</text>"...)
}

// appendAttr appends a numeric attribute.
func appendAttr(b []byte, name string, v float64) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	return append(appendNum(b, v), '"')
}

func esc(s string) string { return html.EscapeString(s) }

// appendNum appends a coordinate with at most one decimal, the same on
// every machine.
func appendNum(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	start := len(b)
	b = strconv.AppendFloat(b, f, 'f', 1, 64)
	if n := len(b); n-start >= 2 && b[n-2] == '.' && b[n-1] == '0' {
		b = b[:n-2]
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}
