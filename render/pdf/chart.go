package pdf

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/render/doc"
)

// palette is the Okabe-Ito set, distinguishable with colour blindness;
// every mark also has its label and figure printed, so colour is never the
// only way to tell them apart.
var palette = []rgb{
	{0, 114, 178}, {230, 159, 0}, {0, 158, 115}, {204, 121, 167},
	{86, 180, 233}, {213, 94, 0}, {240, 228, 66}, {90, 90, 90},
}

const chartSize = 8.5

// chart draws a Chart as vectors inside a Figure with its alternative
// text, then prints its data table.
func (l *layout) chart(ch *doc.Chart) {
	title := strings.TrimSpace(ch.Title)
	// Keep the title with the start of the chart: a trend is drawn whole.
	room := 40.0
	if ch.Kind == doc.ChartTrend {
		room = 90
	}
	if title != "" {
		l.need(room)
		if ch.ID != "" {
			l.c.setAnchor(ch.ID, l.y)
		}
		l.para("P", []run{{text: title, st: stBold}}, paraOpts{size: bodySize, color: ink, after: 2})
	} else if ch.ID != "" {
		l.need(room)
		l.c.setAnchor(ch.ID, l.y)
	}
	if drawable(ch) {
		alt := strings.TrimSpace(clean(ch.Alt))
		if alt == "" {
			l.t.fail("the chart %q (id %q) has no alternative text: a figure without it cannot be read; set Chart.Alt", ch.Title, ch.ID)
		}
		l.need(room - 12)
		fig := l.t.beginAttr("Figure", alt, "")
		y0, p0 := l.y, l.f.PageNo()
		switch ch.Kind {
		case doc.ChartShares:
			l.shares(ch)
		case doc.ChartTrend:
			l.trend(ch)
		default:
			l.bars(ch)
		}
		l.t.end()
		if l.f.PageNo() == p0 {
			// A figure on one page has a bounding box (in points, from
			// the foot of the page), which ISO 32000 asks of figures.
			fig.attrs = fmt.Sprintf("/A <</O /Layout /Placement /Block /BBox [%.2f %.2f %.2f %.2f]>>",
				marginL*k, (pageH-l.y)*k, (pageW-marginR)*k, (pageH-y0)*k)
		}
		l.y += 3
	}
	if ch.Data != nil {
		l.table(ch.Data, 0)
	}
}

// drawable reports whether a chart has any value to draw.
func drawable(ch *doc.Chart) bool {
	if len(ch.Labels) == 0 {
		return false
	}
	for _, s := range ch.Series {
		for i, p := range s.Values {
			if i < len(ch.Labels) && usable(p) {
				return true
			}
		}
	}
	return false
}

func usable(p doc.Point) bool {
	return !p.Missing && !math.IsNaN(p.Value) && !math.IsInf(p.Value, 0)
}

// point returns series s's point for label i.
func point(s doc.Series, i int) (doc.Point, bool) {
	if i >= len(s.Values) || !usable(s.Values[i]) {
		return doc.Point{}, false
	}
	return s.Values[i], true
}

// figure is the printed text of a point: its figure and status.
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

// legend draws one swatch and name per series when there are several.
func (l *layout) legend(ch *doc.Chart) {
	if len(ch.Series) < 2 {
		return
	}
	names := make([]string, len(ch.Series))
	for i, s := range ch.Series {
		names[i] = s.Name
	}
	x := marginL
	k := fontKey{0, chartSize}
	lh := chartSize * ptmm * lead
	l.need(lh)
	cx := x
	for i, n := range names {
		n = fit(clean(n), k, contentW/2)
		w := 5 + width(k, n) + 6
		if cx+w > pageW-marginR && cx > x {
			l.y += lh
			l.need(lh)
			cx = x
		}
		l.c.fill(cx, l.y+0.8, 3.5, 3.5, palette[i%len(palette)])
		l.c.drawText(cx+5, l.y+chartSize*ptmm*1.05, n, k, ink)
		cx += w
	}
	l.y += lh + 1
}

// bars draws horizontal bars, one per label and series, with each figure
// printed at the end of its row (bars and target-result charts). A
// target-result chart compares measures in different units, so each row
// has its own scale: the bars compare a target with its result.
func (l *layout) bars(ch *doc.Chart) {
	k := fontKey{0, chartSize}
	lh := chartSize * ptmm * 1.25
	perRow := ch.Kind == doc.ChartTargetResult
	l.legend(ch)
	labelW := 0.0
	for _, lb := range ch.Labels {
		labelW = max(labelW, width(k, clean(lb)))
	}
	labelW = min(labelW+1, contentW*0.36)
	valW := 0.0
	for _, s := range ch.Series {
		for i := range ch.Labels {
			if p, ok := point(s, i); ok {
				valW = max(valW, width(k, clean(figure(p))))
			}
		}
	}
	valW = min(valW+2, contentW*0.36)
	barX := marginL + labelW + 3
	barW := contentW - labelW - 3 - valW - 2
	scale := func(rows ...int) (vmin, span float64) {
		vmax := 0.0
		for _, s := range ch.Series {
			for _, i := range rows {
				if p, ok := point(s, i); ok {
					vmin, vmax = min(vmin, p.Value), max(vmax, p.Value)
				}
			}
		}
		if vmax == vmin {
			return vmin, 1
		}
		return vmin, vmax - vmin
	}
	all := make([]int, len(ch.Labels))
	for i := range all {
		all[i] = i
	}
	vmin, span := scale(all...)
	barH := 4.2
	ns := max(len(ch.Series), 1)
	for i, lb := range ch.Labels {
		if perRow {
			vmin, span = scale(i)
		}
		zero := barX + (-vmin)/span*barW
		lines := labelLines(lb, labelW)
		h := max(float64(ns)*barH, float64(len(lines))*lh) + 2.5
		l.need(h)
		for j, ln := range lines {
			l.drawLine(ln, marginL, l.y+float64(j)*lh, labelW, chartSize, 'L', ink, false)
		}
		for si, s := range ch.Series {
			y := l.y + float64(si)*barH
			p, ok := point(s, i)
			valX := barX + barW + 2
			if !ok {
				l.c.drawText(valX, y+chartSize*ptmm*1.05, "no figure", k, muted)
				continue
			}
			x1 := barX + (p.Value-vmin)/span*barW
			l.c.fill(min(zero, x1), y+0.4, math.Abs(x1-zero), barH-0.8, palette[si%len(palette)])
			l.c.drawText(valX, y+chartSize*ptmm*1.05, fit(clean(figure(p)), k, valW), k, ink)
		}
		l.c.stroke(zero, l.y, zero, l.y+h-2.5, 0.3, muted)
		l.y += h
	}
}

// shares draws one stacked bar of the parts of a whole, with a legend
// giving every part's label and figure.
func (l *layout) shares(ch *doc.Chart) {
	if len(ch.Series) == 0 {
		return
	}
	s := ch.Series[0]
	total := 0.0
	for i := range ch.Labels {
		if p, ok := point(s, i); ok && p.Value > 0 {
			total += p.Value
		}
	}
	k := fontKey{0, chartSize}
	lh := chartSize * ptmm * lead
	if total > 0 {
		l.need(14 + lh)
		x := marginL
		for i := range ch.Labels {
			p, ok := point(s, i)
			if !ok || p.Value <= 0 {
				continue
			}
			w := p.Value / total * contentW
			l.c.fill(x, l.y, w, 10, palette[i%len(palette)])
			x += w
		}
		l.y += 13
	}
	numW := 0.0
	for i := range ch.Labels {
		if p, ok := point(s, i); ok {
			numW = max(numW, width(k, clean(figure(p))))
		}
	}
	numW = min(numW+2, contentW*0.3)
	for i, lb := range ch.Labels {
		lines := labelLines(lb, contentW-8-numW)
		h := float64(max(len(lines), 1))*lh + 0.8
		l.need(h)
		p, ok := point(s, i)
		if ok && p.Value > 0 {
			l.c.fill(marginL, l.y+0.8, 3.5, 3.5, palette[i%len(palette)])
		}
		for j, ln := range lines {
			l.drawLine(ln, marginL+6, l.y+float64(j)*lh, contentW-8-numW, chartSize, 'L', ink, false)
		}
		txt := "no figure"
		if ok {
			txt = fit(clean(figure(p)), k, numW)
		}
		l.c.drawText(pageW-marginR-width(k, txt), l.y+chartSize*ptmm*1.05, txt, k, ink)
		l.y += h
	}
}

// trend draws each series as a line across the labels (years), every
// point with its figure above it.
func (l *layout) trend(ch *doc.Chart) {
	k := fontKey{0, chartSize - 1}
	l.legend(ch)
	plotH := 48.0
	l.need(plotH + 14)
	vmin, vmax := math.Inf(1), math.Inf(-1)
	for _, s := range ch.Series {
		for i := range ch.Labels {
			if p, ok := point(s, i); ok {
				vmin, vmax = min(vmin, p.Value), max(vmax, p.Value)
			}
		}
	}
	// The scale starts at zero: without a value axis, a scale cut to the
	// figures' range would make 79% against 82.5% look like a collapse.
	vmin, vmax = min(vmin, 0), max(vmax, 0)
	span := vmax - vmin
	if span == 0 {
		span = 1
	}
	y0 := l.y + 6        // top of the plot, room for figures
	y1 := y0 + plotH - 8 // the axis
	n := len(ch.Labels)
	step := contentW / float64(n)
	xAt := func(i int) float64 { return marginL + step*(float64(i)+0.5) }
	yAt := func(v float64) float64 { return y1 - (v-vmin)/span*(y1-y0) }
	l.c.stroke(marginL, y1, pageW-marginR, y1, 0.3, muted)
	for si, s := range ch.Series {
		col := palette[si%len(palette)]
		prevOK := false
		var px, py float64
		for i := range ch.Labels {
			p, ok := point(s, i)
			if !ok {
				prevOK = false
				continue
			}
			x, y := xAt(i), yAt(p.Value)
			if prevOK {
				l.c.stroke(px, py, x, y, 0.6, col)
			}
			l.c.dot(x, y, 0.9, col)
			px, py, prevOK = x, y, true
		}
	}
	// Figures: at each year the highest point's above it, the others'
	// below theirs, so the figures of close points do not overprint.
	lh := k.size * ptmm * 1.2
	for i, lb := range ch.Labels {
		type mark struct {
			v   float64
			txt string
		}
		var ms []mark
		for _, s := range ch.Series {
			if p, ok := point(s, i); ok {
				ms = append(ms, mark{p.Value, fit(clean(figure(p)), k, step-1)})
			}
		}
		slices.SortStableFunc(ms, func(a, b mark) int { return cmp.Compare(b.v, a.v) })
		for j, m := range ms {
			y := yAt(m.v) - 2
			if j > 0 {
				y = max(yAt(m.v), yAt(ms[j-1].v)+float64(j-1)*lh) + lh + 1
			}
			l.centred(xAt(i), min(y, y1-1), m.txt, k)
		}
		l.centred(xAt(i), y1+4, fit(clean(lb), k, step-1), k)
	}
	l.y = y1 + 7
}

// centred draws s centred on x, kept inside the margins.
func (l *layout) centred(x, base float64, s string, k fontKey) {
	w := width(k, s)
	x = min(max(x-w/2, marginL), pageW-marginR-w)
	l.c.drawText(x, base, s, k, ink)
}

// labelLines breaks a chart label into at most three lines, the last cut
// with an ellipsis: a chart row must fit on a page, and the data table
// under the chart prints every label whole.
func labelLines(label string, w float64) []line {
	lines := breakLines(split([]run{{text: label}}, chartSize, false), chartSize, w)
	if len(lines) <= 3 {
		return lines
	}
	var b strings.Builder
	for _, f := range lines[2].frags {
		b.WriteString(f.text)
		if f.space {
			b.WriteByte(' ')
		}
	}
	k := fontKey{0, chartSize}
	last := fit(b.String()+" "+lines[3].frags[0].text, k, w)
	if !strings.HasSuffix(last, "…") {
		last = fit(last+"…", k, w)
	}
	lines[2] = line{frags: []frag{{text: last, w: width(k, last)}}, w: width(k, last)}
	return lines[:3]
}
