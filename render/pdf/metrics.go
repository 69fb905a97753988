package pdf

import (
	"encoding/binary"
	"math"
)

// ttfWidths reads the advance width of every rune of the Basic
// Multilingual Plane from a TrueType face, in thousandths of the font
// size, and the width of a rune the face lacks, exactly as fpdf computes
// them when it sets text (utf8fontfile.go: parseCMAPTable,
// generateSCCSDictionaries, parseHMTXTable; fpdf.go:
// GetStringSymbolWidth). Reading the two tables directly costs a fraction
// of handing the face to fpdf, which parses the whole face and hashes
// its widths. ok is false for a face it cannot read as fpdf does; the
// caller then asks fpdf. TestTTFWidthsAreFpdfs holds the two to the same
// results.
func ttfWidths(b []byte) (w []int32, missing int32, ok bool) {
	bad := false
	u16 := func(off int) int {
		if off < 0 || off+2 > len(b) {
			bad = true
			return 0
		}
		return int(binary.BigEndian.Uint16(b[off:]))
	}
	if len(b) < 12 {
		return nil, 0, false
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 && v != 0x74727565 {
		return nil, 0, false
	}
	tables := map[string]int{}
	for i := range u16(4) {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, 0, false
		}
		tables[string(b[rec:rec+4])] = int(binary.BigEndian.Uint32(b[rec+8:]))
	}
	head, okHead := tables["head"]
	hmtx, okHmtx := tables["hmtx"]
	maxp, okMaxp := tables["maxp"]
	cmap, okCmap := tables["cmap"]
	hhea, okHhea := tables["hhea"]
	if !okHead || !okHmtx || !okMaxp || !okCmap || !okHhea {
		return nil, 0, false
	}
	unitsPerEm := u16(head + 18)
	if u16(hhea+32) != 0 || unitsPerEm == 0 {
		return nil, 0, false
	}
	nMetrics := u16(hhea + 34)
	nSymbols := u16(maxp + 4)
	if nMetrics == 0 || bad {
		return nil, 0, false
	}

	// The first Unicode subtable in format 4.
	sub := 0
	for i := range u16(cmap + 2) {
		rec := cmap + 4 + 8*i
		platform, encoding := u16(rec), u16(rec+2)
		if rec+8 > len(b) {
			return nil, 0, false
		}
		off := cmap + int(binary.BigEndian.Uint32(b[rec+4:]))
		if (platform == 3 && encoding == 1 || platform == 0) && u16(off) == 4 {
			sub = off
			break
		}
	}
	if sub == 0 || bad {
		return nil, 0, false
	}
	rim := sub + u16(sub+2)
	segs := u16(sub+6) / 2
	ends, starts, deltas, ranges := sub+14, sub+16+2*segs, sub+16+4*segs, sub+16+6*segs
	// chars lists the runes of each glyph, in the order fpdf meets them.
	chars := map[int][]int{}
	for n := range segs {
		start, end := u16(starts+2*n), u16(ends+2*n)
		delta := int(int16(u16(deltas + 2*n)))
		ro := u16(ranges + 2*n)
		for c := start; c < end+1; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if pos := ranges + 2*n + (c-start)*2 + ro; pos < rim {
				if g = u16(pos); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			chars[g] = append(chars[g], c)
		}
	}
	if bad {
		return nil, 0, false
	}

	scale := 1000 / float64(unitsPerEm)
	cw := make([]int, 1<<16)
	count := 0
	set := func(g, adv int) {
		for _, c := range chars[g] {
			if c == 0 || c == 0xFFFF {
				continue
			}
			v := int(math.Round(scale * float64(adv)))
			if v == 0 {
				v = 0xFFFF
			}
			cw[c] = v
			count++
		}
	}
	adv := 0
	defaultWidth := 0.0
	for g := range nMetrics {
		adv = u16(hmtx + 4*g)
		if _, used := chars[g]; !used && g != 0 {
			continue
		}
		if adv >= 1<<15 {
			adv = 0
		}
		if g == 0 {
			defaultWidth = scale * float64(adv)
			continue
		}
		set(g, adv)
	}
	// Glyphs past the metrics share the last advance read.
	for g := nMetrics; g < nSymbols; g++ {
		set(g, adv)
	}
	if bad {
		return nil, 0, false
	}
	// fpdf keeps the count of widths in the slot of rune 0.
	cw[0] = count

	missing = 500
	if mw := int(math.Floor(defaultWidth + 0.5)); mw != 0 {
		missing = int32(mw)
	}
	w = make([]int32, 1<<16)
	for c, v := range cw {
		switch {
		case v == 0:
			w[c] = missing
		case v != 0xFFFF:
			w[c] = int32(v)
		}
	}
	return w, missing, true
}
