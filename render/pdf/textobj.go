package pdf

import (
	"strconv"
	"unicode/utf8"
)

// A page's text is written as few text objects as it can be. Lines drawn
// one after the other, with nothing else painted between (the lines of a
// paragraph), share one BT ... ET, each after the first placed by a text
// matrix of its own (Tm); the font and the fill colour are set only where they
// change. The text object being written is kept back (canvas.pending)
// until something else is written to the page: every other write, the
// tagger's marked content included, ends it first (canvas.flushText).
// Each line was a text object of its own in a saved graphics state
// ("q colour BT font Td (...) Tj ET Q"), about a third of a page's bytes.

// paintText adds to the pending text object the text of frags (see
// segment) with its baseline's start at (x, y) mm, in font fk and colour
// col.
func (c *canvas) paintText(x, y float64, frags []frag, fk fontKey, col rgb) {
	st := c.text.fs.same[fk.face()]
	u := c.text.used[st]
	if u == nil {
		u = &usedFace{}
		c.text.used[st] = u
	}
	b := c.pending
	rel := c.open
	if !c.open {
		b = append(b, "BT"...)
		c.open = true
	}
	if !c.fillKnown || c.fillCol != col {
		b = appendColour(space(b), col)
		c.fillCol, c.fillKnown = col, true
	}
	if f := (fontKey{st, fk.size}); !c.fontKnown || c.font != f {
		b = strconv.AppendInt(append(space(b), "/F"...), int64(st), 10)
		b = append(appendFixed2(append(b, ' '), fk.size), " Tf"...)
		c.font, c.fontKnown = f, true
	}
	// A line after the first is placed with Tm, absolutely, not with a
	// Td relative to the one before: the sum a reader makes of relative
	// moves is off by a rounding error, which at 60 dpi moved a label
	// across a quarter-pixel boundary of poppler's glyph positions.
	if rel {
		b = append(space(b), "1 0 0 1 "...)
	}
	b = appendFixed2(space(b), x*k)
	b = appendFixed2(append(b, ' '), (pageH-y)*k)
	if rel {
		b = append(b, " Tm ("...)
	} else {
		b = append(b, " Td ("...)
	}
	for _, f := range frags {
		for i := 0; i < len(f.text); {
			var code uint16
			if ch := f.text[i]; ch < utf8.RuneSelf {
				code = u.asciiCode(ch)
				i++
			} else {
				r, n := utf8.DecodeRuneInString(f.text[i:])
				code = u.code(r)
				i += n
			}
			if code < oneByte && !escaped[code] {
				b = append(b, byte(code))
			} else {
				b = appendCode(b, code)
			}
		}
		if f.space {
			b = appendCode(b, u.asciiCode(' '))
		}
	}
	c.pending = append(b, ") Tj\n"...)
}

// space separates the next operand from the text before, unless that
// ends a line.
func space(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return b
	}
	return append(b, ' ')
}

// flushText ends the pending text object and writes it. Anything written
// to the page after a text object was begun calls it first.
func (c *canvas) flushText() {
	if !c.open {
		return
	}
	c.open = false
	b := append(c.pending, "ET"...)
	c.pending = b[:0]
	c.tags.raw(b)
}
