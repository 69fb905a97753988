package chart

import (
	"strings"

	"github.com/mpsplan/mpsplan/render/doc"
)

// lay is one layout in progress: the figure, the style, and the boxes of
// every text placed so far (labels are placed so no two overlap).
type lay struct {
	st    Style
	c     *doc.Chart
	f     *Figure
	y     float64 // the next free line, from the top
	boxes []box
	// runs group boxes (by index into boxes) under their bounding box:
	// the hundreds of small boxes along a line are one run, which a label
	// far from the line is tested against once.
	runs []run
}

type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// run is boxes[lo:hi] and the box that bounds them.
type run struct {
	bound  box
	lo, hi int
}

// addBoxes adds bs as one run.
func (l *lay) addBoxes(bs ...box) {
	if len(bs) == 0 {
		return
	}
	r := run{bound: bs[0], lo: len(l.boxes), hi: len(l.boxes) + len(bs)}
	for _, b := range bs[1:] {
		r.bound = box{min(r.bound.x0, b.x0), min(r.bound.y0, b.y0), max(r.bound.x1, b.x1), max(r.bound.y1, b.y1)}
	}
	l.runs = append(l.runs, r)
	l.boxes = append(l.boxes, bs...)
}

// clear reports whether b overlaps no box placed so far. A box that
// overlaps one of a run overlaps the run's bound, so testing the bound
// first changes no answer.
func (l *lay) clear(b box) bool {
	for _, r := range l.runs {
		if !b.overlaps(r.bound) {
			continue
		}
		for _, o := range l.boxes[r.lo:r.hi] {
			if b.overlaps(o) {
				return false
			}
		}
	}
	return true
}

// lh is the height of a line of labels.
func (l *lay) lh() float64 { return l.st.Size * 1.3 }

func (l *lay) width(s string, bold bool) float64 { return l.st.Measure(s, l.st.Size, bold) }

// text adds a line of text with the chart's label size and colour.
func (l *lay) text(x, y float64, s string, a Anchor, bold bool) Text {
	t := Text{X: x, Y: y, S: s, Size: l.st.Size, Bold: bold, Anchor: a, Color: l.st.Palette.Text, W: l.width(s, bold)}
	l.add(t)
	return t
}

func (l *lay) add(t Text) {
	if t.S == "" {
		return
	}
	l.f.Texts = append(l.f.Texts, t)
	x0, y0, x1, y1 := t.Box()
	l.addBoxes(box{x0, y0, x1, y1})
}

func (l *lay) mark(m Mark) { l.f.Marks = append(l.f.Marks, m) }

// wrap breaks s into lines no wider than w, at spaces; a word wider than
// w is broken between characters. Nothing is cut: every word is printed.
func (l *lay) wrap(s string, w float64, bold bool) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		for l.width(word, bold) > w && len([]rune(word)) > 1 {
			// A word wider than the line: as much as fits, then the rest.
			r := []rune(word)
			// The longest prefix that fits, at least one character.
			lo, hi := 1, len(r)-1
			for lo < hi {
				mid := (lo + hi + 1) / 2
				if l.width(string(r[:mid]), bold) <= w {
					lo = mid
				} else {
					hi = mid - 1
				}
			}
			n := lo
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			lines = append(lines, string(r[:n]))
			word = string(r[n:])
		}
		switch {
		case cur == "":
			cur = word
		case l.width(cur+" "+word, bold) <= w:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// figure is the printed text of a point: its figure, then its status.
func figure(p doc.Point) string {
	s := p.Text
	if p.Status != "" {
		if s != "" {
			s += " "
		}
		s += "(" + p.Status + ")"
	}
	return s
}

// axis returns the chart's axis, or a plain one.
func (l *lay) axis() doc.Axis {
	if l.c.Axis != nil {
		return *l.c.Axis
	}
	return doc.Axis{}
}

// fitScale chooses the scale with the most ticks whose labels fit side by
// side along length (horizontal axes) or one above another (vertical).
func (l *lay) fitScale(lo, hi float64, zero bool, length float64, horizontal bool) Scale {
	a := l.axis()
	var sc Scale
	for want := 6; want >= 2; want-- {
		sc = NewScale(lo, hi, zero, want, a)
		if len(sc.Ticks) < 2 {
			return sc
		}
		gap := length / float64(len(sc.Ticks)-1)
		need := l.lh() * 1.5
		if horizontal {
			// Judged on a reference axis (300 units at 14, the narrowest
			// a writer gives, measured wide) so every writer picks the
			// same ticks for the same data.
			gap = 300 / float64(len(sc.Ticks)-1)
			need = 0
			for _, t := range sc.Ticks {
				need = max(need, Approx(t.Text(a), 14, false))
			}
			need += 14
		}
		if gap >= need {
			return sc
		}
	}
	return sc
}

// legend names each series with its mark, wrapping across lines.
func (l *lay) legend(trend bool) {
	if len(l.c.Series) < 2 {
		return
	}
	lh := l.lh()
	sw := l.st.Size * 1.6 // swatch width
	x := 0.0
	y := l.y
	for i, s := range l.c.Series {
		w := sw + 4 + l.width(s.Name, false) + l.st.Size*1.5
		if x > 0 && x+w > l.st.Width {
			x = 0
			y += lh
		}
		col := l.st.Palette.SeriesColor(l.c, i)
		mid := y + lh/2
		switch {
		case s.Role == doc.RoleTarget && !trend:
			l.mark(Mark{Kind: Line, X: x + sw/2, Y: mid - lh*0.4, X2: x + sw/2, Y2: mid + lh*0.4, Color: col, Width: 2.5, Series: i})
		case trend:
			l.mark(Mark{Kind: Line, X: x, Y: mid, X2: x + sw, Y2: mid, Color: col, Width: 1.5, Dash: s.Role == doc.RoleTarget, Series: i})
			l.marker(x+sw/2, mid, i)
		default:
			l.mark(Mark{Kind: Rect, X: x, Y: mid - l.st.Size*0.4, W: sw, H: l.st.Size * 0.8, Color: col, Series: i})
		}
		l.text(x+sw+4, mid+l.st.Size*0.35, s.Name, Start, false)
		x += w
	}
	l.y = y + lh + l.st.Size*0.5
}

// marker draws series i's point marker at x, y: a dot for a result (and
// other series), a short bar for a target, so the two differ in shape as
// well as colour.
func (l *lay) marker(x, y float64, i int) box {
	col := l.st.Palette.SeriesColor(l.c, i)
	r := l.st.Size * 0.3
	if l.c.Series[i].Role == doc.RoleTarget {
		w := l.st.Size * 0.55
		l.mark(Mark{Kind: Line, X: x - w, Y: y, X2: x + w, Y2: y, Color: col, Width: 2.5, Series: i})
		return box{x - w, y - 1.5, x + w, y + 1.5}
	}
	l.mark(Mark{Kind: Dot, X: x, Y: y, R: r, Color: col, Series: i})
	return box{x - r, y - r, x + r, y + r}
}

// valueAxis draws a horizontal value axis under rows from top to bottom
// between x0 and x1: gridlines at the ticks, the zero line, tick figures
// and the axis title. With bands, gridlines run only across those spans
// of height (the bars), leaving the labels between them clear.
func (l *lay) valueAxis(sc Scale, x0, x1, top, bottom float64, bands ...[2]float64) {
	a := l.axis()
	p := l.st.Palette
	if len(bands) == 0 {
		bands = [][2]float64{{top, bottom}}
	}
	// Gridlines go under the bars: they are painted first.
	marks := l.f.Marks
	l.f.Marks = nil
	defer func() { l.f.Marks = append(l.f.Marks, marks...) }()
	for _, b := range bands {
		for _, t := range sc.Ticks {
			x := sc.Pos(t.Value, x0, x1)
			if t.K != 0 {
				l.mark(Mark{Kind: Line, X: x, Y: b[0], X2: x, Y2: b[1], Color: p.Grid, Width: 0.5, Series: -1})
			}
		}
		if sc.Zero {
			x := sc.Pos(0, x0, x1)
			l.mark(Mark{Kind: Line, X: x, Y: b[0], X2: x, Y2: b[1], Color: p.Axis, Width: 0.8, Series: -1})
		}
	}
	l.mark(Mark{Kind: Line, X: x0, Y: bottom, X2: x1, Y2: bottom, Color: p.Axis, Width: 0.5, Series: -1})
	y := bottom + l.st.Size*1.2
	// Tick figures: zero and the ends first, then the rest where they do
	// not crowd those already printed (a narrow axis keeps fewer).
	order := []int{}
	for i, t := range sc.Ticks {
		if t.K == 0 {
			order = append(order, i)
		}
	}
	order = append(order, 0, len(sc.Ticks)-1)
	for i := range sc.Ticks {
		order = append(order, i)
	}
	done := map[int]bool{}
	var placed []box
	for _, i := range order {
		if done[i] {
			continue
		}
		done[i] = true
		t := sc.Ticks[i]
		s := t.Text(a)
		w := l.width(s, false)
		x := min(max(sc.Pos(t.Value, x0, x1), w/2), l.st.Width-w/2)
		b := box{x - w/2 - l.st.Size*0.3, 0, x + w/2 + l.st.Size*0.3, 1}
		clear := true
		for _, o := range placed {
			clear = clear && !b.overlaps(o)
		}
		if clear {
			placed = append(placed, b)
			l.text(x, y, s, Middle, false)
		}
	}
	l.y = y + l.st.Size*0.4
	if a.Title != "" {
		l.y += l.lh()
		for _, line := range l.wrap(a.Title, l.st.Width, false) {
			t := Text{X: (x0 + x1) / 2, Y: l.y - l.st.Size*0.3, S: line, Size: l.st.Size, Anchor: Middle, Color: p.Muted, W: l.width(line, false)}
			if t.W/2 > t.X {
				t.X = t.W / 2
			}
			l.add(t)
			l.y += l.lh()
		}
		l.y -= l.lh()
	}
	l.y += l.st.Size * 0.4
}

// values returns every drawable value of the chart, and the figure text
// widths of those at or above zero and of those below.
func (l *lay) values() (lo, hi float64, any bool) {
	for _, s := range l.c.Series {
		for i := range l.c.Labels {
			if p, ok := point(s, i, len(l.c.Labels)); ok {
				if !any {
					lo, hi, any = p.Value, p.Value, true
				}
				lo, hi = min(lo, p.Value), max(hi, p.Value)
			}
		}
	}
	return lo, hi, any
}
