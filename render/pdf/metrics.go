package pdf

import (
	"math"

	"github.com/mpsplan/mpsplan/internal/ttf"
)

// fpdfWidths gives every rune of the Basic Multilingual Plane the width,
// in thousandths of the font size, that fpdf set text with when it drew
// the text (utf8fontfile.go: parseCMAPTable, parseHMTXTable; fpdf.go:
// GetStringSymbolWidth), and the width of a rune the face lacks. Every
// document was laid out with these widths; keeping them keeps each line
// where it was. TestFpdfWidths holds the two to the same results. fpdf's
// quirks are kept: an advance of 32,768 units or more counts as none, a
// glyph whose width rounds to nothing is 0 wide, the missing width is
// glyph 0's (500 when that is none), and rune 0 holds the count of runes
// the face maps.
func fpdfWidths(f *ttf.Face) (w []int32, missing int32) {
	scale := 1000 / float64(f.UnitsPerEm())
	adv := func(g uint16) float64 {
		a := f.AdvanceUnits(g)
		if a >= 1<<15 {
			a = 0
		}
		return float64(a)
	}
	missing = 500
	if mw := int(math.Floor(scale*adv(0) + 0.5)); mw != 0 {
		missing = int32(mw)
	}
	w = make([]int32, 1<<16)
	count := 0
	for r := range w {
		g := f.GlyphIndex(rune(r))
		if g == 0 || r == 0 || r == 0xFFFF {
			w[r] = missing
			continue
		}
		count++
		w[r] = int32(math.Round(scale * adv(g)))
	}
	w[0] = int32(count)
	return w, missing
}
