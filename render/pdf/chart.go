package pdf

import (
	"fmt"
	"strings"

	"github.com/mpsplan/mpsplan/render/chart"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/theme"
)

const chartSize = 8.5

// ChartStyle is the chart layout of PDFs: the text column's width and the
// body font's own metrics, in points. Its palette is the default one; a
// document is drawn in its theme's (theme.Theme.ChartPalette), as in HTML.
var ChartStyle = chart.Style{Width: contentW / ptmm, Size: chartSize, Measure: measurePt, Palette: chart.Default}

// measurePt measures s in the default theme's fonts, in points.
func measurePt(s string, size float64, bold bool) float64 {
	return fontsFor(theme.Default().Fonts).measurePt(s, size, bold)
}

// measurePt measures s in these fonts, in points.
func (fs *fonts) measurePt(s string, size float64, bold bool) float64 {
	st := style(0)
	if bold {
		st = stBold
	}
	return fs.width(fontKey{st, size}, clean(s)) / ptmm
}

// chart draws a Chart, laid out by render/chart as the SVG writer lays it
// out, as vectors inside a Figure with its alternative text, then prints
// its data table.
func (l *layout) chart(ch *doc.Chart) {
	title := strings.TrimSpace(ch.Title)
	var f *chart.Figure
	room := 40.0
	if chart.Drawable(ch) {
		st := ChartStyle
		st.Measure, st.Palette = l.fs.measurePt, l.chartPal
		f = chart.Layout(ch, st)
		// Keep the title with the chart, whole when it fits on a page,
		// else with its first rows.
		first := f.H
		if len(f.Breaks) > 0 && f.H*ptmm > bottom-top-12 {
			first = f.Breaks[0]
		}
		room = first*ptmm + 12
	}
	// A title that repeats the section's heading is not printed: the
	// heading is the figure's caption.
	if title != "" && !ch.TitleHidden && !doc.RepeatsHeading(title, l.heading) {
		l.need(min(room, bottom-top))
		if ch.ID != "" {
			l.c.setAnchor(ch.ID, l.y)
		}
		l.para("P", []run{{text: title, st: stBold}}, paraOpts{size: bodySize, color: l.pal.ink, after: 2})
	} else if ch.ID != "" {
		l.need(min(room, bottom-top))
		l.c.setAnchor(ch.ID, l.y)
	}
	if f != nil {
		alt := strings.TrimSpace(clean(ch.Alt))
		if alt == "" {
			l.t.fail("the chart %q (id %q) has no alternative text: a figure without it cannot be read; set Chart.Alt", ch.Title, ch.ID)
		}
		fig := l.t.beginAttr("Figure", alt, "")
		y0, p0 := l.y, l.f.PageNo()
		l.figure(f)
		l.t.end()
		if l.f.PageNo() == p0 {
			// A figure on one page has a bounding box (in points, from
			// the foot of the page), which ISO 32000 asks of figures.
			fig.attrs = fmt.Sprintf("/A <</O /Layout /Placement /Block /BBox [%.2f %.2f %.2f %.2f]>>",
				marginL*k, (pageH-l.y)*k, (pageW-marginR)*k, (pageH-y0)*k)
		}
		l.y += 4
	}
	if ch.Data != nil {
		l.tableCaptioned(ch.Data, 0, title == "")
	}
}

// figure paints f from the cursor down. A figure taller than the room
// left goes to a new page; one taller than a page is cut at its breaks
// (between rows), each part clipped to its own band.
func (l *layout) figure(f *chart.Figure) {
	from := 0.0
	for from < f.H {
		room := (bottom - l.y) / ptmm
		to := f.H
		if to-from > room {
			// The last break that fits, if any; else a new page first.
			cut := -1.0
			for _, b := range f.Breaks {
				if b > from && b-from <= room {
					cut = b
				}
			}
			if cut < 0 {
				if l.y > top+0.1 {
					l.newPage()
					continue
				}
				// Nothing fits even on a fresh page: the next break.
				for _, b := range f.Breaks {
					if b > from {
						cut = b
						break
					}
				}
				if cut < 0 {
					cut = f.H
				}
			}
			to = cut
		}
		l.band(f, from, to)
		l.y += (to - from) * ptmm
		from = to
		if from < f.H {
			l.newPage()
		}
	}
}

// band paints the part of f between heights from and to at the cursor.
func (l *layout) band(f *chart.Figure, from, to float64) {
	x := func(v float64) float64 { return marginL + v*ptmm }
	y := func(v float64) float64 { return l.y + (v-from)*ptmm }
	whole := from == 0 && to == f.H
	paint := func() {
		for _, m := range f.Marks {
			c := rgb{int(m.Color.R), int(m.Color.G), int(m.Color.B)}
			switch m.Kind {
			case chart.Rect:
				if whole || m.Y < to && m.Y+m.H > from {
					l.c.fill(x(m.X), y(m.Y), m.W*ptmm, m.H*ptmm, c)
				}
			case chart.Line:
				if whole || min(m.Y, m.Y2) < to && max(m.Y, m.Y2) > from {
					l.c.line(x(m.X), y(m.Y), x(m.X2), y(m.Y2), m.Width*ptmm, c, m.Dash)
				}
			case chart.Dot:
				if whole || m.Y < to && m.Y > from {
					l.c.dot(x(m.X), y(m.Y), m.R*ptmm, c)
				}
			}
		}
	}
	if whole {
		paint()
	} else {
		l.c.clip(marginL-2, l.y, contentW+4, (to-from)*ptmm, paint)
	}
	for _, t := range f.Texts {
		if !whole && (t.Y < from || t.Y > to) {
			continue
		}
		st := style(0)
		if t.Bold {
			st |= stBold
		}
		if t.Italic {
			st |= stItalic
		}
		fk := fontKey{st, t.Size}
		s := clean(t.S)
		tx := x(t.X)
		switch t.Anchor {
		case chart.Middle:
			tx -= l.fs.width(fk, s) / 2
		case chart.End:
			tx -= l.fs.width(fk, s)
		}
		l.c.drawText(tx, y(t.Y), s, fk, rgb{int(t.Color.R), int(t.Color.G), int(t.Color.B)})
	}
}
