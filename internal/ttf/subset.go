package ttf

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// Subset returns a TrueType font holding the glyphs of runes and of the
// missing glyph, numbered afresh: glyph 0 is the missing glyph, glyph i+1
// that of runes[i] (the glyphs of runes that share one, or that the face
// lacks, are given once), then the parts of composite glyphs. gids[i] is
// the new glyph of runes[i], 0 for a rune the face lacks. The font's cmap
// maps each rune of the Basic Multilingual Plane to its new glyph, and the
// hinting programs and their size table (cvt, fpgm, prep, gasp) are kept,
// so it draws as the face does.
func (f *Face) Subset(runes []rune) (font []byte, gids []uint16, err error) {
	s := &subsetter{f: f, index: map[uint16]uint16{}}
	s.add(0)
	gids = make([]uint16, len(runes))
	for i, r := range runes {
		if g := f.GlyphIndex(r); g != 0 {
			gids[i] = s.add(g)
		}
	}
	// Parts of composite glyphs join the end, so the glyphs above keep
	// their numbers; a part's own parts join after it.
	for i := 0; i < len(s.old); i++ {
		if err := s.components(i); err != nil {
			return nil, nil, err
		}
	}
	tables := map[string][]byte{
		"glyf": s.glyf,
		"loca": s.loca(),
		"hmtx": s.hmtx(),
		"cmap": cmap(runes, gids),
		"post": s.post(),
	}
	for _, t := range []string{"head", "hhea", "maxp"} {
		tables[t] = slices.Clone(f.tables[t])
	}
	binary.BigEndian.PutUint16(tables["head"][50:], 1) // long loca
	binary.BigEndian.PutUint32(tables["head"][8:], 0)  // checksum adjustment, set below
	binary.BigEndian.PutUint16(tables["hhea"][34:], uint16(len(s.old)))
	binary.BigEndian.PutUint16(tables["maxp"][4:], uint16(len(s.old)))
	for _, t := range []string{"cvt ", "fpgm", "prep", "gasp", "OS/2", "name"} {
		if b, ok := f.tables[t]; ok {
			tables[t] = b
		}
	}
	return assemble(tables), gids, nil
}

// subsetter collects the glyphs of a subset, old glyph numbers in new
// order, and their outlines.
type subsetter struct {
	f     *Face
	old   []uint16          // old glyph of each new one
	index map[uint16]uint16 // new glyph of each old one
	glyf  []byte
	// offsets[i] is where new glyph i starts in glyf.
	offsets []uint32
}

// add gives old glyph g a new number, once, and copies its outline.
func (s *subsetter) add(g uint16) uint16 {
	if n, ok := s.index[g]; ok {
		return n
	}
	n := uint16(len(s.old))
	s.index[g] = n
	s.old = append(s.old, g)
	s.offsets = append(s.offsets, uint32(len(s.glyf)))
	s.glyf = append(s.glyf, s.f.tables["glyf"][s.f.loca[g]:s.f.loca[g+1]]...)
	// Each outline starts on a four-byte boundary.
	for len(s.glyf)%4 != 0 {
		s.glyf = append(s.glyf, 0)
	}
	return n
}

// Composite glyph flags (the glyf table's component records).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	have2x2        = 0x0080
)

// components renumbers the parts of new glyph i, if it is a composite,
// adding each part to the subset.
func (s *subsetter) components(i int) error {
	start := int(s.offsets[i])
	end := len(s.glyf)
	if i+1 < len(s.offsets) {
		end = int(s.offsets[i+1])
	}
	if end-start < 10 || int16(binary.BigEndian.Uint16(s.glyf[start:])) >= 0 {
		return nil // empty or simple
	}
	for p := start + 10; ; {
		if p+4 > end {
			return fmt.Errorf("glyf: composite glyph %d runs past its end", s.old[i])
		}
		flags := binary.BigEndian.Uint16(s.glyf[p:])
		part := binary.BigEndian.Uint16(s.glyf[p+2:])
		if int(part) >= s.f.numGlyphs {
			return fmt.Errorf("glyf: composite glyph %d names glyph %d of %d", s.old[i], part, s.f.numGlyphs)
		}
		// add may grow s.glyf, which this glyph's bytes stay in.
		n := s.add(part)
		binary.BigEndian.PutUint16(s.glyf[p+2:], n)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

func (s *subsetter) loca() []byte {
	b := make([]byte, 4*(len(s.offsets)+1))
	for i, o := range s.offsets {
		binary.BigEndian.PutUint32(b[4*i:], o)
	}
	binary.BigEndian.PutUint32(b[4*len(s.offsets):], uint32(len(s.glyf)))
	return b
}

// hmtx gives every new glyph its own advance and left side bearing.
func (s *subsetter) hmtx() []byte {
	hm, n := s.f.tables["hmtx"], s.f.numHMetrics
	b := make([]byte, 4*len(s.old))
	for i, g := range s.old {
		adv := 4 * min(int(g), n-1)
		lsb := 4*int(g) + 2
		if int(g) >= n {
			lsb = 4*n + 2*(int(g)-n)
		}
		copy(b[4*i:], hm[adv:adv+2])
		copy(b[4*i+2:], hm[lsb:lsb+2])
	}
	return b
}

// post keeps the face's post header as version 3: no glyph names, which
// would no longer match the glyphs' numbers.
func (s *subsetter) post() []byte {
	b := make([]byte, 32)
	copy(b, s.f.tables["post"])
	binary.BigEndian.PutUint32(b, 0x00030000)
	return b
}

// cmap is a format 4 Unicode map of the runes of the Basic Multilingual
// Plane that have a glyph, each run of consecutive runes and glyphs one
// segment.
func cmap(runes []rune, gids []uint16) []byte {
	type pair struct{ r, g uint16 }
	var ps []pair
	for i, r := range runes {
		if r < 0xFFFF && gids[i] != 0 {
			ps = append(ps, pair{uint16(r), gids[i]})
		}
	}
	slices.SortFunc(ps, func(a, b pair) int { return int(a.r) - int(b.r) })
	ps = slices.CompactFunc(ps, func(a, b pair) bool { return a.r == b.r })
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for _, p := range ps {
		if l := len(segs) - 1; l >= 0 && segs[l].end+1 == p.r && segs[l].delta == p.g-p.r {
			segs[l].end = p.r
			continue
		}
		segs = append(segs, seg{p.r, p.r, p.g - p.r})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sub := make([]byte, 16+8*n)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*n))
	sr := 2
	sel := 0
	for sr*2 <= 2*n {
		sr *= 2
		sel++
	}
	be.PutUint16(sub[8:], uint16(sr))
	be.PutUint16(sub[10:], uint16(sel))
	be.PutUint16(sub[12:], uint16(2*n-sr))
	for i, sg := range segs {
		be.PutUint16(sub[14+2*i:], sg.end)
		be.PutUint16(sub[16+2*n+2*i:], sg.start)
		be.PutUint16(sub[16+4*n+2*i:], sg.delta)
		// idRangeOffset stays 0.
	}
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}

// assemble writes a font file of tables, in tag order with their
// checksums, and sets head's checksum adjustment.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	be := binary.BigEndian
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	be.PutUint16(out[6:], uint16(16*sr))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*(n-sr)))
	headAt := 0
	for i, t := range tags {
		b := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		be.PutUint32(rec[4:], checksum(b))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(b)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the TrueType table checksum: the sum of its 32-bit words,
// the last padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
