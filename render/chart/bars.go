package chart

import (
	"github.com/mpsplan/mpsplan/render/doc"
)

// bars lays out horizontal bars from zero, one row per label and a bar
// per series in it, the category label wrapped at the left and each
// figure printed at its bar's end, over a value axis with its unit.
func (l *lay) bars() {
	st := l.st
	gap := st.Size * 0.6
	lh := l.lh()
	l.legend(false)
	n := len(l.c.Labels)
	ns := len(l.c.Series)
	// Figures wrap at a quarter of the width, so bars keep room.
	figW := st.Width * 0.22
	figs := make([][][]string, ns)
	padL, padR := 0.0, 0.0
	for si, s := range l.c.Series {
		figs[si] = make([][]string, n)
		for i := range l.c.Labels {
			p, ok := point(s, i, n)
			text := "no figure"
			if ok {
				text = figure(p)
			}
			lines := l.wrap(text, figW, false)
			figs[si][i] = lines
			w := 0.0
			for _, ln := range lines {
				w = max(w, l.width(ln, false))
			}
			if ok && p.Value < 0 {
				padL = max(padL, w+gap)
			} else {
				padR = max(padR, w+gap)
			}
		}
	}
	labW := 0.0
	for _, lb := range l.c.Labels {
		labW = max(labW, l.width(lb, false))
	}
	labW = min(labW, st.Width*0.36)
	if room := st.Width - padL - padR - gap - st.Width*0.2; labW > room {
		// Long figures: the bars keep a fifth of the width, labels wrap.
		labW = max(room, st.Width*0.14)
	}
	x0 := labW + gap + padL
	x1 := st.Width - padR
	lo, hi, _ := l.values()
	sc := l.fitScale(lo, hi, true, x1-x0, true)
	barH := st.Size * 1.25
	top := l.y
	zx := sc.Pos(0, x0, x1)
	for i, lb := range l.c.Labels {
		lines := l.wrap(lb, labW, false)
		// Each series has a band as tall as its bar or its figure's lines.
		bands := make([]float64, ns)
		bandH := 0.0
		for si := range l.c.Series {
			bands[si] = max(barH, float64(len(figs[si][i]))*lh)
			bandH += bands[si] + 2
		}
		bandH -= 2
		rowH := max(float64(len(lines))*lh, bandH) + st.Size*0.6
		y := l.y + st.Size*0.3
		ty := y + (rowH-st.Size*0.6-float64(len(lines))*lh)/2
		for j, line := range lines {
			l.text(0, ty+float64(j)*lh+st.Size*0.95, line, Start, false)
		}
		by := y + (rowH-st.Size*0.6-bandH)/2
		for si, s := range l.c.Series {
			mid := by + bands[si]/2
			fl := figs[si][i]
			first := mid - float64(len(fl))*lh/2 + st.Size*0.95
			p, ok := point(s, i, n)
			x := zx
			if ok {
				x = sc.Pos(p.Value, x0, x1)
				l.mark(Mark{Kind: Rect, X: min(x, zx), Y: mid - barH/2, W: abs(x - zx), H: barH, Color: st.Palette.SeriesColor(l.c, si), Series: si})
			}
			for j, ln := range fl {
				if ok && p.Value < 0 {
					l.text(x-gap/2, first+float64(j)*lh, ln, End, false)
				} else {
					l.text(x+gap/2, first+float64(j)*lh, ln, Start, false)
				}
			}
			by += bands[si] + 2
		}
		l.y += rowH
		if i < n-1 {
			l.f.Breaks = append(l.f.Breaks, l.y)
		}
	}
	l.valueAxis(sc, x0, x1, top, l.y)
	l.f.H = l.y
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// targetResult lays out, per measure, its result as a bar from zero and
// its target as a tick across it, the measure named above, the result's
// figure and status at the bar's end and the target's figure under its
// tick. With an axis the measures share one scale; without one (figures
// in different units) each row has its own and no axis is drawn.
func (l *lay) targetResult() {
	ti, ri := -1, -1
	for i, s := range l.c.Series {
		switch s.Role {
		case doc.RoleTarget:
			ti = i
		case doc.RoleResult:
			ri = i
		}
	}
	if ti < 0 || ri < 0 {
		l.bars()
		return
	}
	st := l.st
	gap := st.Size * 0.6
	lh := l.lh()
	n := len(l.c.Labels)
	l.legend(false)
	tname, rname := l.c.Series[ti].Name, l.c.Series[ri].Name
	padL, padR := 0.0, 0.0
	figs := make([][]string, n)
	for i := range l.c.Labels {
		if p, ok := point(l.c.Series[ri], i, n); ok {
			// Figures wrap at a fifth of the width, so bars keep room.
			figs[i] = l.wrap(figure(p), st.Width*0.2, false)
			w := 0.0
			for _, ln := range figs[i] {
				w = max(w, l.width(ln, false))
			}
			if p.Value < 0 {
				padL = max(padL, w+gap)
			} else {
				padR = max(padR, w+gap)
			}
		}
	}
	x0, x1 := padL, st.Width-padR
	shared := l.c.Axis != nil
	lo, hi, _ := l.values()
	sc := l.fitScale(lo, hi, true, x1-x0, true)
	barH := st.Size * 1.25
	top := l.y
	var bands [][2]float64
	for i, lb := range l.c.Labels {
		for _, line := range l.wrap(lb, st.Width, true) {
			l.text(0, l.y+st.Size*0.95, line, Start, true)
			l.y += lh
		}
		tp, tok := point(l.c.Series[ti], i, n)
		rp, rok := point(l.c.Series[ri], i, n)
		rs := sc
		if !shared {
			// This row's own scale: a bar is read only against its target.
			var vs []float64
			if tok {
				vs = append(vs, tp.Value)
			}
			if rok {
				vs = append(vs, rp.Value)
			}
			if len(vs) > 0 {
				rs = NewScale(min(vs[0], vs[len(vs)-1]), max(vs[0], vs[len(vs)-1]), true, 4, doc.Axis{})
			}
		}
		zx := rs.Pos(0, x0, x1)
		band := max(barH, float64(len(figs[i]))*lh)
		by := l.y + 2 + (band-barH)/2
		base := by + barH/2 + st.Size*0.35
		first := by + barH/2 - float64(len(figs[i]))*lh/2 + st.Size*0.95
		bands = append(bands, [2]float64{by - 3, by + barH + 3})
		if !shared {
			l.mark(Mark{Kind: Line, X: zx, Y: by - 2, X2: zx, Y2: by + barH + 2, Color: st.Palette.Axis, Width: 0.8, Series: -1})
		}
		tx := zx
		if tok {
			tx = rs.Pos(tp.Value, x0, x1)
		}
		if rok {
			x := rs.Pos(rp.Value, x0, x1)
			l.mark(Mark{Kind: Rect, X: min(x, zx), Y: by, W: abs(x - zx), H: barH, Color: st.Palette.Result, Series: ri})
			for j, ln := range figs[i] {
				if rp.Value < 0 {
					l.text(min(x, tx-2)-gap/2, first+float64(j)*lh, ln, End, false)
				} else {
					l.text(max(x, tx+2)+gap/2, first+float64(j)*lh, ln, Start, false)
				}
			}
		} else {
			s := rname + ": no figure"
			if rp.Text != "" {
				s = rname + ": " + figure(rp)
			}
			l.text(zx+gap, base, s, Start, false)
		}
		l.y = max(by+barH+2, l.y+2+band)
		var tt string
		if tok {
			l.mark(Mark{Kind: Line, X: tx, Y: by - 3, X2: tx, Y2: by + barH + 3, Color: st.Palette.Target, Width: 2.5, Series: ti})
			tt = tname + " " + tp.Text
		} else {
			tt = tname + ": no figure"
			if p := l.c.Series[ti].Values; i < len(p) && p[i].Text != "" {
				tt = tname + ": " + p[i].Text
			}
		}
		l.y += 2
		for _, ln := range l.wrap(tt, st.Width*0.6, false) {
			w := l.width(ln, false)
			x := min(max(tx-w/2, 0), st.Width-w)
			l.text(x, l.y+st.Size*0.95, ln, Start, false)
			l.y += lh
		}
		l.y += st.Size * 0.8
		if i < n-1 {
			l.f.Breaks = append(l.f.Breaks, l.y)
		}
	}
	if shared {
		bands = append(bands, [2]float64{l.y - st.Size*0.4, l.y})
		l.valueAxis(sc, x0, x1, top, l.y, bands...)
	} else {
		note := "Each measure is drawn to its own scale, from zero: the figures are in different units."
		for _, line := range l.wrap(note, st.Width, false) {
			l.add(Text{X: 0, Y: l.y + st.Size*0.95, S: line, Size: st.Size, Italic: true, Color: st.Palette.Muted, W: l.width(line, false)})
			l.y += lh
		}
	}
	l.f.H = l.y
}
