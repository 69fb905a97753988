package chart

import (
	"github.com/mpsplan/mpsplan/render/doc"
	"slices"
)

// trend lays out each series as a line across the labels (years) over a
// value axis whose range comes from the data: it includes zero when that
// costs little, and otherwise says on the axis where it starts. Every
// point carries its figure, placed clear of every other text. More series
// than the palette has colours are drawn as small multiples, one panel a
// series on a shared scale.
func (l *lay) trend() {
	lo, hi, _ := l.values()
	// Zero is included unless the data sit far from it: a range cut to the
	// figures shows their change, and the axis says where it starts.
	zero := lo <= 0 && hi >= 0 || lo > 0 && lo <= hi*0.5 || hi < 0 && hi >= lo*0.5
	if most := max(abs(lo), abs(hi)); !zero && hi-lo < most*0.2 {
		// A range cut close around near-equal figures would make a small
		// move look like a large one: it spans at least a fifth of them.
		pad := (most*0.2 - (hi - lo)) / 2
		lo, hi = lo-pad, hi+pad
	}
	plotH := l.st.Size * 11
	sc := l.fitScale(lo, hi, zero, plotH, false)
	if len(l.c.Series) > len(l.st.Palette.Categorical) {
		all := l.c.Series
		for i := range all {
			one := *l.c
			one.Series = all[i : i+1]
			sub := &lay{st: l.st, c: &one, f: &Figure{W: l.st.Width}}
			sub.text(0, l.st.Size, all[i].Name, Start, true)
			sub.y = l.lh() + l.st.Size*0.3
			sub.trendPanel(sc, plotH*0.7, true)
			sub.f.H = sub.y
			l.append(sub.f, l.y)
			l.y += sub.f.H + l.st.Size
			l.f.Breaks = append(l.f.Breaks, l.y)
		}
		l.f.Breaks = l.f.Breaks[:len(l.f.Breaks)-1]
		l.f.H = l.y
		return
	}
	l.legend(true)
	l.trendPanel(sc, plotH, false)
	l.f.H = l.y
}

// append copies sub's marks and texts into l's figure, dy lower.
func (l *lay) append(sub *Figure, dy float64) {
	for _, m := range sub.Marks {
		m.Y += dy
		if m.Kind == Line {
			m.Y2 += dy
		}
		l.f.Marks = append(l.f.Marks, m)
	}
	for _, t := range sub.Texts {
		t.Y += dy
		l.add(t)
	}
}

// trendPanel draws the plot of a trend at l.y: axis title, value axis,
// lines, point labels and year labels.
func (l *lay) trendPanel(sc Scale, plotH float64, panel bool) {
	st := l.st
	p := st.Palette
	a := l.axis()
	lh := l.lh()
	gap := st.Size * 0.5
	n := len(l.c.Labels)
	// Plot labels are placed first on a scratch layout from y=0 at the
	// plot's top, then the whole plot moves down under what stands above.
	pl := &lay{st: st, c: l.c, f: &Figure{W: st.Width}}
	yLabW := 0.0
	for _, t := range sc.Ticks {
		yLabW = max(yLabW, l.width(t.Text(a), false))
	}
	x0 := yLabW + gap
	x1 := st.Width
	step := (x1 - x0) / float64(n)
	xAt := func(i int) float64 { return x0 + step*(float64(i)+0.5) }
	yAt := func(v float64) float64 { return sc.Pos(v, plotH, 0) }
	for _, t := range sc.Ticks {
		y := yAt(t.Value)
		col, w := p.Grid, 0.5
		if t.K == 0 {
			col, w = p.Axis, 0.8
		}
		pl.mark(Mark{Kind: Line, X: x0, Y: y, X2: x1, Y2: y, Color: col, Width: w, Series: -1})
		pl.text(yLabW, y+st.Size*0.35, t.Text(a), End, false)
	}
	if !sc.Zero || sc.Lo != 0 {
		// The foot of the plot is not zero: an axis line marks it anyway.
		pl.mark(Mark{Kind: Line, X: x0, Y: plotH, X2: x1, Y2: plotH, Color: p.Axis, Width: 0.5, Series: -1})
	}
	// Lines, then markers, whose boxes labels keep clear of: a run of
	// boxes along each line, and one a marker.
	var obstacles [][]box
	for si, s := range l.c.Series {
		col := p.SeriesColor(l.c, si)
		prev := -1
		for i := range l.c.Labels {
			v, ok := point(s, i, n)
			if !ok {
				prev = -1
				continue
			}
			if prev >= 0 {
				pv := s.Values[prev]
				ax, ay, bx, by := xAt(prev), yAt(pv.Value), xAt(i), yAt(v.Value)
				pl.mark(Mark{Kind: Line, X: ax, Y: ay, X2: bx, Y2: by, Color: col, Width: 1.5, Dash: s.Role == doc.RoleTarget, Series: si})
				// Labels keep off the line too: small boxes along it.
				along := make([]box, 0, int(max(1, abs(bx-ax)/3))+2)
				for t := 0.0; t <= 1; t += 1 / max(1, abs(bx-ax)/3) {
					x, y := ax+(bx-ax)*t, ay+(by-ay)*t
					along = append(along, box{x - 0.8, y - 0.8, x + 0.8, y + 0.8})
				}
				obstacles = append(obstacles, along)
			}
			prev = i
		}
	}
	for si, s := range l.c.Series {
		for i := range l.c.Labels {
			if v, ok := point(s, i, n); ok {
				obstacles = append(obstacles, []box{pl.marker(xAt(i), yAt(v.Value), si)})
			}
		}
	}
	// Year labels under the plot, wrapped to their column.
	yearsTop := plotH + st.Size*0.4
	yearsH := 0.0
	for i, lb := range l.c.Labels {
		lines := l.wrap(lb, step-gap, false)
		for j, line := range lines {
			pl.text(xAt(i), yearsTop+float64(j)*lh+st.Size*0.95, line, Middle, false)
		}
		yearsH = max(yearsH, float64(len(lines))*lh)
	}
	room := len(l.c.Series) * len(l.c.Labels) * 2 // the point labels
	for _, bs := range obstacles {
		room += len(bs)
	}
	pl.boxes = slices.Grow(pl.boxes, room)
	for _, bs := range obstacles {
		pl.addBoxes(bs...)
	}
	// Point labels: results first, each at the first free place around its
	// point; further out with a leader line when the near ones are taken.
	for si, s := range l.c.Series {
		for i := range l.c.Labels {
			v, ok := point(s, i, n)
			if !ok {
				continue
			}
			pl.pointLabel(xAt(i), yAt(v.Value), l.wrap(figure(v), max(step-gap, st.Width*0.22), false), x0, plotH)
			_ = si
		}
	}
	// Move the plot under what stands above it, clear of its highest label.
	minY := 0.0
	for _, b := range pl.boxes {
		minY = min(minY, b.y0)
	}
	top := l.y
	title := a.Title
	if !panel || title != "" {
		if title == "" {
			title = "Value"
		}
		if !sc.Zero {
			title += " (axis starts at " + sc.Ticks[0].Text(a) + ")"
		}
		for _, line := range l.wrap(title, st.Width, false) {
			l.add(Text{X: 0, Y: l.y + st.Size*0.95, S: line, Size: st.Size, Color: p.Muted, W: l.width(line, false)})
			l.y += lh
		}
		top = l.y + st.Size*0.3
	}
	dy := top - minY + st.Size*0.3
	l.append(pl.f, dy)
	l.y = dy + yearsTop + yearsH + st.Size*0.4
}

// pointLabel places a label of lines for the point at px, py: above,
// below, right or left of it, or further up or down with a leader line,
// the first place clear of every text and marker so far and inside the
// figure's width and above the foot of the plot.
func (l *lay) pointLabel(px, py float64, lines []string, x0, bottom float64) {
	if len(lines) == 0 {
		return
	}
	st := l.st
	lh := l.lh()
	w := 0.0
	for _, s := range lines {
		w = max(w, l.width(s, false))
	}
	h := float64(len(lines)) * lh
	r := st.Size*0.55 + 1
	clampX := func(x float64) float64 { return min(max(x, x0+1), st.Width-w) }
	type cand struct {
		x, y   float64 // top-left
		leader bool
	}
	cands := []cand{
		{clampX(px - w/2), py - r - h, false},
		{clampX(px - w/2), py + r, false},
		{px + r + 1, py - h/2, false},
		{px - r - 1 - w, py - h/2, false},
	}
	for k := 1; k <= 12; k++ {
		d := float64(k) * lh
		cands = append(cands, cand{clampX(px - w/2), py - r - h - d, true}, cand{clampX(px - w/2), py + r + d, true})
	}
	for _, c := range cands {
		b := box{c.x, c.y, c.x + w, c.y + h}
		if b.x0 < x0 || b.x1 > st.Width+0.01 || b.y1 > bottom {
			continue
		}
		if !l.clear(b) {
			continue
		}
		for j, s := range lines {
			l.f.Texts = append(l.f.Texts, Text{X: c.x + (w-l.width(s, false))/2, Y: c.y + float64(j)*lh + st.Size*0.95, S: s, Size: st.Size, Color: st.Palette.Text, W: l.width(s, false)})
		}
		l.addBoxes(b)
		if c.leader {
			// From the point to the label's near edge.
			ly := b.y0
			if c.y < py {
				ly = b.y1
			}
			l.mark(Mark{Kind: Line, X: px, Y: py, X2: min(max(px, b.x0), b.x1), Y2: ly, Color: st.Palette.Muted, Width: 0.4, Series: -1})
		}
		return
	}
	// Nowhere clear inside: above everything placed so far.
	top := 0.0
	for _, o := range l.boxes {
		top = min(top, o.y0)
	}
	c := cand{clampX(px - w/2), top - h - 1, true}
	for j, s := range lines {
		l.f.Texts = append(l.f.Texts, Text{X: c.x + (w-l.width(s, false))/2, Y: c.y + float64(j)*lh + st.Size*0.95, S: s, Size: st.Size, Color: st.Palette.Text, W: l.width(s, false)})
	}
	l.addBoxes(box{c.x, c.y, c.x + w, c.y + h})
	l.mark(Mark{Kind: Line, X: px, Y: py, X2: min(max(px, c.x), c.x+w), Y2: c.y + h, Color: st.Palette.Muted, Width: 0.4, Series: -1})
}
