// Package ttf reads TrueType faces and writes subsets of them, for a PDF
// writer that embeds only the glyphs a document draws.
//
// A face is parsed once (Parse) and can then be subset any number of
// times, from any number of goroutines: Subset reads the face and never
// writes to it. Every offset read from the file is checked, so a broken
// or hostile file gives an error, never a panic.
package ttf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf16"
)

// Face is a parsed TrueType face.
type Face struct {
	b      []byte
	tables map[string][]byte

	unitsPerEm  int
	numGlyphs   int
	numHMetrics int
	// loca holds the start of each glyph in glyf, and the end of the last.
	loca []uint32
	// bmp maps each rune of the Basic Multilingual Plane to its glyph;
	// astral maps the runes past it.
	bmp    []uint16
	astral map[rune]uint16

	// PostScriptName is the face's PostScript name (name ID 6), or "".
	PostScriptName string
	// Metrics, in thousandths of the font size, as a PDF font descriptor
	// gives them.
	Ascent, Descent, CapHeight, StemV int
	ItalicAngle                       float64
	BBox                              [4]int
	// Bold, Italic and Fixed describe the face for the descriptor's flags.
	Bold, Italic, Fixed bool
	// fsType is the OS/2 table's embedding licence bits.
	fsType uint16
}

// errShort is the error of every read past the end of the data.
var errShort = errors.New("table runs past the end of the file")

// reader reads big-endian values at checked offsets; the first read out
// of bounds sets err and every read returns 0 from then on.
type reader struct {
	b   []byte
	err error
}

func (r *reader) u16(off int) int {
	if off < 0 || off+2 > len(r.b) {
		r.err = errShort
		return 0
	}
	return int(binary.BigEndian.Uint16(r.b[off:]))
}

func (r *reader) i16(off int) int { return int(int16(r.u16(off))) }

func (r *reader) u32(off int) uint32 {
	if off < 0 || off+4 > len(r.b) {
		r.err = errShort
		return 0
	}
	return binary.BigEndian.Uint32(r.b[off:])
}

// required are the tables a face cannot be drawn or subset without.
var required = []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"}

// Parse reads a TrueType face: a file of glyf outlines (an OpenType file
// with CFF outlines is refused, as is a collection).
func Parse(b []byte) (*Face, error) {
	r := &reader{b: b}
	switch v := r.u32(0); {
	case r.err != nil:
		return nil, errors.New("not a TrueType font: the file is too short")
	case v == 0x4F54544F: // "OTTO"
		return nil, errors.New("an OpenType font with PostScript (CFF) outlines, not TrueType outlines")
	case v == 0x74746366: // "ttcf"
		return nil, errors.New("a font collection (.ttc), not a single TrueType face")
	case v != 0x00010000 && v != 0x74727565: // "true"
		return nil, errors.New("not a TrueType font")
	}
	f := &Face{b: b, tables: map[string][]byte{}}
	n := r.u16(4)
	for i := range n {
		rec := 12 + 16*i
		tag := string(b[min(rec, len(b)):min(rec+4, len(b))])
		off, length := r.u32(rec+8), r.u32(rec+12)
		if r.err != nil {
			return nil, errors.New("the table directory runs past the end of the file")
		}
		if uint64(off)+uint64(length) > uint64(len(b)) {
			return nil, fmt.Errorf("table %q runs past the end of the file", tag)
		}
		f.tables[tag] = b[off : off+length]
	}
	for _, t := range required {
		if _, ok := f.tables[t]; !ok {
			return nil, fmt.Errorf("no %q table (a TrueType face has head, hhea, maxp, hmtx, loca, glyf and cmap)", t)
		}
	}
	if err := f.parseMetrics(); err != nil {
		return nil, err
	}
	if err := f.parseLoca(); err != nil {
		return nil, err
	}
	if err := f.parseCmap(); err != nil {
		return nil, err
	}
	f.PostScriptName = postScriptName(f.tables["name"])
	return f, nil
}

// parseMetrics reads head, hhea, maxp, OS/2 and post.
func (f *Face) parseMetrics() error {
	head := &reader{b: f.tables["head"]}
	f.unitsPerEm = head.u16(18)
	bbox := [4]int{head.i16(36), head.i16(38), head.i16(40), head.i16(42)}
	hhea := &reader{b: f.tables["hhea"]}
	ascender, descender := hhea.i16(4), hhea.i16(6)
	f.numHMetrics = hhea.u16(34)
	maxp := &reader{b: f.tables["maxp"]}
	f.numGlyphs = maxp.u16(4)
	for name, r := range map[string]*reader{"head": head, "hhea": hhea, "maxp": maxp} {
		if r.err != nil {
			return fmt.Errorf("the %q table is too short", name)
		}
	}
	switch {
	case len(head.b) < 54 || len(hhea.b) < 36 || len(maxp.b) < 6:
		return errors.New("the head, hhea or maxp table is too short")
	case head.u16(50) > 1:
		return fmt.Errorf("head: unknown loca format %d", head.u16(50))
	case f.unitsPerEm < 16 || f.unitsPerEm > 16384:
		return fmt.Errorf("head: %d units per em (a face has 16 to 16384)", f.unitsPerEm)
	case f.numGlyphs == 0:
		return errors.New("maxp: the face has no glyphs")
	case f.numHMetrics == 0 || f.numHMetrics > f.numGlyphs:
		return fmt.Errorf("hhea: %d horizontal metrics for %d glyphs", f.numHMetrics, f.numGlyphs)
	case len(f.tables["hmtx"]) < 4*f.numHMetrics+2*(f.numGlyphs-f.numHMetrics):
		return errors.New("hmtx: shorter than its glyphs' metrics")
	}
	scale := func(v int) int { return int(math.Round(float64(v) * 1000 / float64(f.unitsPerEm))) }
	f.BBox = [4]int{scale(bbox[0]), scale(bbox[1]), scale(bbox[2]), scale(bbox[3])}
	f.Ascent, f.Descent, f.CapHeight = scale(ascender), scale(descender), scale(ascender)
	weight := 400
	if os2 := (&reader{b: f.tables["OS/2"]}); len(os2.b) >= 78 {
		weight = os2.u16(4)
		f.fsType = uint16(os2.u16(8))
		if f.Ascent == 0 {
			f.Ascent, f.Descent = scale(os2.i16(68)), scale(os2.i16(70))
		}
		if os2.u16(0) >= 2 && len(os2.b) >= 90 {
			f.CapHeight = scale(os2.i16(88))
		}
	}
	f.Bold = weight >= 600
	f.StemV = 50 + int(math.Pow(float64(weight)/65, 2))
	if post := (&reader{b: f.tables["post"]}); len(post.b) >= 16 {
		f.ItalicAngle = float64(post.i16(4)) + float64(post.u16(6))/65536
		f.Fixed = post.u32(12) != 0
	}
	f.Italic = f.ItalicAngle != 0
	return nil
}

// parseLoca reads where each glyph starts in glyf.
func (f *Face) parseLoca() error {
	head, loca := &reader{b: f.tables["head"]}, &reader{b: f.tables["loca"]}
	long := head.u16(50) == 1
	f.loca = make([]uint32, f.numGlyphs+1)
	for g := range f.loca {
		if long {
			f.loca[g] = loca.u32(4 * g)
		} else {
			f.loca[g] = uint32(loca.u16(2*g)) * 2
		}
	}
	if loca.err != nil {
		return errors.New("loca: shorter than the face's glyphs")
	}
	glyf := uint32(len(f.tables["glyf"]))
	for g := range f.numGlyphs {
		if f.loca[g] > f.loca[g+1] || f.loca[g+1] > glyf {
			return fmt.Errorf("loca: glyph %d lies outside the glyf table", g)
		}
	}
	return nil
}

// parseCmap reads the face's Unicode map: the first format 4 subtable
// for Unicode (the one fpdf read, so that widths agree), and a format 12
// one for the runes past the Basic Multilingual Plane.
func (f *Face) parseCmap() error {
	r := &reader{b: f.tables["cmap"]}
	var fmt4, fmt12 int
	for i := range r.u16(2) {
		rec := 4 + 8*i
		platform, encoding := r.u16(rec), r.u16(rec+2)
		off := int(r.u32(rec + 4))
		if r.err != nil {
			return errors.New("cmap: its subtable list runs past the table")
		}
		unicode := platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)
		switch format := r.u16(off); {
		case !unicode || r.err != nil:
			r.err = nil
		case format == 4 && fmt4 == 0:
			fmt4 = off
		case format == 12 && fmt12 == 0:
			fmt12 = off
		}
	}
	if fmt4 == 0 && fmt12 == 0 {
		return errors.New("cmap: no Unicode subtable of format 4 or 12")
	}
	f.bmp = make([]uint16, 1<<16)
	f.astral = map[rune]uint16{}
	if fmt12 != 0 {
		if err := f.readFormat12(r, fmt12, fmt4 == 0); err != nil {
			return err
		}
	}
	if fmt4 != 0 {
		return f.readFormat4(r, fmt4)
	}
	return nil
}

func (f *Face) readFormat4(r *reader, sub int) error {
	segs := r.u16(sub+6) / 2
	ends, starts, deltas, ranges := sub+14, sub+16+2*segs, sub+16+4*segs, sub+16+6*segs
	for s := range segs {
		start, end := r.u16(starts+2*s), r.u16(ends+2*s)
		delta, ro := r.u16(deltas+2*s), r.u16(ranges+2*s)
		if r.err != nil {
			return errors.New("cmap: a format 4 subtable runs past the table")
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if g = r.u16(ranges + 2*s + ro + 2*(c-start)); g != 0 {
				g = (g + delta) & 0xFFFF
			}
			if r.err != nil {
				r.err = nil
				g = 0
			}
			if g < f.numGlyphs {
				f.bmp[c] = uint16(g)
			}
		}
	}
	return nil
}

// readFormat12 reads a format 12 subtable, into the BMP map too when the
// face has no format 4 one.
func (f *Face) readFormat12(r *reader, sub int, bmp bool) error {
	n := int(r.u32(sub + 12))
	if r.err != nil || n < 0 || n > (len(r.b)-sub-16)/12 {
		return errors.New("cmap: a format 12 subtable runs past the table")
	}
	for i := range n {
		g := sub + 16 + 12*i
		start, end, gid := r.u32(g), r.u32(g+4), r.u32(g+8)
		if end > 0x10FFFF || start > end {
			continue
		}
		for c := start; c <= end; c++ {
			glyph := gid + (c - start)
			if glyph >= uint32(f.numGlyphs) {
				break
			}
			switch {
			case c > 0xFFFF:
				f.astral[rune(c)] = uint16(glyph)
			case bmp:
				f.bmp[c] = uint16(glyph)
			}
		}
	}
	return nil
}

// postScriptName reads name ID 6 from the name table, or "".
func postScriptName(name []byte) string {
	r := &reader{b: name}
	count, strs := r.u16(2), r.u16(4)
	for i := range count {
		rec := 6 + 12*i
		platform, id := r.u16(rec), r.u16(rec+6)
		length, off := r.u16(rec+8), r.u16(rec+10)
		if r.err != nil || id != 6 || strs+off+length > len(name) {
			continue
		}
		raw := name[strs+off : strs+off+length]
		var s string
		switch platform {
		case 0, 3:
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			s = string(utf16.Decode(u))
		case 1:
			s = string(raw)
		}
		if s = pdfName(s); s != "" {
			return s
		}
	}
	return ""
}

// pdfName keeps the characters a PostScript name may hold.
func pdfName(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7F && !strings.ContainsRune("[](){}<>/%#", r) {
			return r
		}
		return -1
	}, s)
}

// GlyphIndex returns the glyph of r, or 0 (the missing glyph).
func (f *Face) GlyphIndex(r rune) uint16 {
	if r >= 0 && r < 0x10000 {
		return f.bmp[r]
	}
	return f.astral[r]
}

// AdvanceUnits returns the advance width of glyph g in font units: glyphs
// past the horizontal metrics share the last one's.
func (f *Face) AdvanceUnits(g uint16) int {
	i := min(int(g), f.numHMetrics-1)
	return int(binary.BigEndian.Uint16(f.tables["hmtx"][4*i:]))
}

// UnitsPerEm returns the size of the face's em in font units.
func (f *Face) UnitsPerEm() int { return f.unitsPerEm }

// Embeddable reports whether the face's licence lets a PDF embed a subset
// of it (the OS/2 fsType bits).
func (f *Face) Embeddable() error {
	switch {
	case f.fsType&0x000F == 0x0002:
		return errors.New("its licence forbids embedding (OS/2 fsType: restricted licence)")
	case f.fsType&0x0100 != 0:
		return errors.New("its licence forbids embedding a subset (OS/2 fsType: no subsetting)")
	case f.fsType&0x0200 != 0:
		return errors.New("its licence allows embedding bitmaps only (OS/2 fsType)")
	}
	return nil
}
