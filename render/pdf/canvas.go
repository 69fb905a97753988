package pdf

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// canvas is the only way the layout code paints. Every mark on a page goes
// through text, fill, stroke or polygon (content of the structure element
// being drawn) or through an artifact call (running heads, rules, cell
// borders and backgrounds), so the tagging layer sees every paint and can
// wrap it in marked content.
type canvas struct {
	f    *fpdf.Fpdf
	tags *tagger
	// text holds the faces the document draws in.
	text textFonts
	// one holds the one frag of a string painted on its own.
	one [1]frag
	// The text object being written (see paintText): pending holds it,
	// open says it is begun. font and fillCol are the font and fill
	// colour the page's content is in, where known.
	pending   []byte
	open      bool
	font      fontKey
	fillCol   rgb
	fontKnown bool
	fillKnown bool
	// links are collected while drawing and written at the end, when every
	// anchor they may point to is known.
	links   []linkRect
	anchors map[string]anchor
}

// rgb is a colour.
type rgb struct{ r, g, b int }

// linkRect is a clickable area: a URI or an internal anchor ("#id").
type linkRect struct {
	page       int
	x, y, w, h float64
	target     string
	elem       *elem // the Link structure element, for tagging
}

// anchor is a place a link can jump to.
type anchor struct {
	page int
	y    float64
}

func newCanvas(f *fpdf.Fpdf, t *tagger, fs *fonts) *canvas {
	c := &canvas{f: f, tags: t, text: textFonts{fs: fs}, anchors: map[string]anchor{}}
	t.before = c.flushText
	return c
}

// textFrags is s as the frags paintText takes, without copying it.
func (c *canvas) textFrags(s string) []frag {
	c.one[0] = frag{text: s}
	return c.one[:]
}

// drawText paints s with its baseline at (x, y) as content of the current
// structure element.
func (c *canvas) drawText(x, y float64, s string, k fontKey, col rgb) {
	c.drawFrags(x, y, c.textFrags(s), k, col)
}

// drawFrags paints the text of frags (see segment) as drawText paints a
// string.
func (c *canvas) drawFrags(x, y float64, frags []frag, k fontKey, col rgb) {
	if segmentEmpty(frags) {
		return
	}
	c.tags.content(c.f.PageNo())
	c.paintText(x, y, frags, k, col)
}

// artifactText paints s as an artifact (running header or footer).
func (c *canvas) artifactText(x, y float64, s string, k fontKey, col rgb, kind string) {
	c.artifactFrags(x, y, c.textFrags(s), k, col, kind)
}

// artifactFrags paints the text of frags as an artifact.
func (c *canvas) artifactFrags(x, y float64, frags []frag, k fontKey, col rgb, kind string) {
	c.tags.artifact(kind, func() { c.paintText(x, y, frags, k, col) })
}

// rule draws a line as an artifact: rules and cell borders carry no content.
func (c *canvas) rule(x1, y1, x2, y2, width float64, col rgb) {
	c.tags.artifact("", func() {
		c.f.SetLineWidth(width)
		c.f.SetDrawColor(col.r, col.g, col.b)
		c.f.Line(x1, y1, x2, y2)
	})
}

// background fills a rectangle as an artifact (table header shading).
func (c *canvas) background(x, y, w, h float64, col rgb) {
	c.tags.artifact("", func() {
		c.f.SetFillColor(col.r, col.g, col.b)
		c.fillCol, c.fillKnown = col, true
		c.f.Rect(x, y, w, h, "F")
	})
}

// fill paints a rectangle as content of the current element (a chart bar).
func (c *canvas) fill(x, y, w, h float64, col rgb) {
	if w <= 0 || h <= 0 {
		return
	}
	c.tags.content(c.f.PageNo())
	c.flushText()
	c.f.SetFillColor(col.r, col.g, col.b)
	c.fillCol, c.fillKnown = col, true
	c.f.Rect(x, y, w, h, "F")
}

// stroke draws a line as content of the current element (a chart axis or
// trend line).
func (c *canvas) stroke(x1, y1, x2, y2, width float64, col rgb) {
	c.tags.content(c.f.PageNo())
	c.flushText()
	c.f.SetLineWidth(width)
	c.f.SetDrawColor(col.r, col.g, col.b)
	c.f.Line(x1, y1, x2, y2)
}

// line draws a chart line as content of the current element, dashed
// (a target's trend) or solid.
func (c *canvas) line(x1, y1, x2, y2, width float64, col rgb, dash bool) {
	if !dash {
		c.stroke(x1, y1, x2, y2, width, col)
		return
	}
	c.tags.content(c.f.PageNo())
	c.flushText()
	c.f.SetLineWidth(width)
	c.f.SetDrawColor(col.r, col.g, col.b)
	c.f.SetDashPattern([]float64{1.6, 1.1}, 0)
	c.f.Line(x1, y1, x2, y2)
	c.f.SetDashPattern(nil, 0)
}

// dot draws a filled circle as content of the current element.
func (c *canvas) dot(x, y, r float64, col rgb) {
	c.tags.content(c.f.PageNo())
	c.flushText()
	c.f.SetFillColor(col.r, col.g, col.b)
	c.fillCol, c.fillKnown = col, true
	c.f.Circle(x, y, r, "F")
}

// clip restricts painting inside fn to a rectangle; clipping paints nothing.
func (c *canvas) clip(x, y, w, h float64, fn func()) {
	c.flushText()
	c.f.ClipRect(x, y, w, h, false)
	fn()
	c.flushText()
	c.f.ClipEnd()
	// ClipEnd restores the graphics state saved before the clip, font and
	// colours included, which neither fpdf nor this canvas tracks.
	c.forget()
}

// forget makes fpdf set its fill colour again before the next paint: the
// content stream's state is no longer what was last set (after a clip,
// or on a page taken up again with SetPage). Text sets its own font and
// colour each time.
func (c *canvas) forget() {
	c.flushText()
	r, g, b := c.f.GetFillColor()
	c.f.SetFillColor(r, g, b)
	c.fillCol, c.fillKnown, c.fontKnown = rgb{r, g, b}, true, false
}

// link records a clickable area on the current page.
func (c *canvas) link(x, y, w, h float64, target string, e *elem) {
	if target == "" || w <= 0 || h <= 0 {
		return
	}
	c.links = append(c.links, linkRect{page: c.f.PageNo(), x: x, y: y, w: w, h: h, target: target, elem: e})
}

// setAnchor records that the anchor id is at y on the current page.
func (c *canvas) setAnchor(id string, y float64) {
	if id == "" {
		return
	}
	if _, ok := c.anchors[id]; ok {
		return
	}
	c.anchors[id] = anchor{page: c.f.PageNo(), y: y}
}

// resolve returns where an internal link goes, if its anchor exists.
func (c *canvas) resolve(target string) (anchor, bool) {
	id, ok := strings.CutPrefix(target, "#")
	if !ok {
		return anchor{}, false
	}
	a, ok := c.anchors[id]
	return a, ok
}

// isURI reports whether a link target can be followed from a PDF.
func isURI(target string) bool {
	t := strings.ToLower(target)
	return strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "mailto:")
}

func errorf(format string, args ...any) error {
	return fmt.Errorf("pdf: "+format, args...)
}
