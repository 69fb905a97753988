package pdf

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/mpsplan/mpsplan/internal/ttf"
)

// Text is set and its fonts are embedded here, not by fpdf. fpdf parses
// the whole face for each document that adds it, names it by hashing a
// 65,536-entry width table, and maps every Unicode code point through a
// 128 KB CIDToGIDMap: together about 40% of the time of a PDF. Here each
// face is parsed once per process (fonts.parsed), and a document numbers
// the characters it draws in each face in the order it first draws them:
// its text is written in those codes (CIDs, one byte each for the first
// 223 characters, see appendCode), and each face is embedded as a Type 0
// font whose CIDFont maps the codes to the glyphs of
// a subset of the face holding only those characters, with a ToUnicode
// map from each code back to its character, so text can be copied and
// searched.

// textFonts are the faces one document has drawn text in.
type textFonts struct {
	fs   *fonts
	used [nFaces]*usedFace
}

// usedFace is one face's characters in a document, in the order of their
// codes: runes[i] has code i+1.
type usedFace struct {
	runes []rune
	// codes holds the code of each rune of the Basic Multilingual Plane,
	// in blocks of 256 made as text reaches them (a map lookup a
	// character was a tenth of the time of setting text); astral holds
	// the rest, which clean has already replaced in any text drawn.
	codes  [256]*[256]uint16
	astral map[rune]uint16
	// ascii holds the codes of the ASCII characters given one, looked up
	// without code's checks: most text is ASCII.
	ascii [utf8.RuneSelf]uint16
}

// asciiCode is code(rune(c)) for an ASCII character c.
func (u *usedFace) asciiCode(c byte) uint16 {
	if v := u.ascii[c]; v != 0 {
		return v
	}
	v := u.code(rune(c))
	u.ascii[c] = v
	return v
}

// code returns the code of r, giving it the next one on first use. Past
// maxCode characters in one face (text is drawn only in the characters
// the default faces have, about 2,600), code 0 draws the missing glyph.
func (u *usedFace) code(r rune) uint16 {
	if r < 0 || r > unicode.MaxRune {
		r = unicode.ReplacementChar
	}
	if r > 0xFFFF {
		c, ok := u.astral[r]
		if !ok {
			c = u.next(r)
			if u.astral == nil {
				u.astral = map[rune]uint16{}
			}
			u.astral[r] = c
		}
		return c
	}
	blk := u.codes[r>>8]
	if blk == nil {
		blk = new([256]uint16)
		u.codes[r>>8] = blk
	}
	if blk[r&0xFF] == 0 {
		blk[r&0xFF] = u.next(r)
	}
	return blk[r&0xFF]
}

// next gives r the next code, or 0 when every code is taken.
func (u *usedFace) next(r rune) uint16 {
	if len(u.runes) == maxCode {
		return 0
	}
	u.runes = append(u.runes, r)
	return uint16(len(u.runes))
}

// resource is the name a page's resources give face st.
func resource(st style) string { return "/F" + strconv.Itoa(int(st)) }

// appendEscaped appends byte c as it stands in a literal string.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	case '\n':
		// A raw newline is allowed, but Ghostscript read two in a row
		// (a code 0x0A doubled, "dd") as one.
		return append(b, '\\', 'n')
	}
	return append(b, c)
}

// appendColour appends the operator setting the fill colour to col, as
// fpdf writes it: a grey as "g", any other colour as "rg".
func appendColour(b []byte, col rgb) []byte {
	c := func(v int) []byte { return appendChannel(b, v) }
	if col.r == col.g && col.g == col.b {
		b = c(col.r)
		return append(b, " g"...)
	}
	b = c(col.r)
	b = append(b, ' ')
	b = c(col.g)
	b = append(b, ' ')
	b = c(col.b)
	return append(b, " rg"...)
}

// pdfObject is an object to add to the file: a dictionary, or a stream
// when data is not nil.
type pdfObject struct {
	dict string
	data []byte
}

// objects returns the objects that embed the faces used, numbered from
// first, and the entries of the resources' /Font dictionary naming them.
func (tf *textFonts) objects(first int) (objs []pdfObject, entries string, err error) {
	var res strings.Builder
	for st, u := range tf.used {
		if u == nil {
			continue
		}
		face, err := tf.fs.parsed(style(st))
		if err != nil {
			return nil, "", err
		}
		sub, gids, err := face.Subset(u.runes)
		if err != nil {
			return nil, "", errorf("embedding %s: %v", tf.fs.face(style(st)).Name, err)
		}
		n := first + len(objs)
		fmt.Fprintf(&res, "%s %d 0 R ", resource(style(st)), n)
		name := subsetTag(u.runes, face.PostScriptName) + "+" + fontName(face, tf.fs.face(style(st)).Name)
		fw := tf.fs.widths(style(st))
		var w strings.Builder
		w.WriteString("1 [")
		for i, r := range u.runes {
			if i+1 == oneByte {
				// The two-byte codes' CIDs start again at 0xE000.
				w.WriteString("] " + strconv.Itoa(cid(oneByte)) + " [")
			}
			wd := fw.missing
			if r < rune(len(fw.w)) {
				wd = fw.w[r]
			}
			w.WriteString(strconv.Itoa(int(wd)))
			w.WriteByte(' ')
		}
		cidToGID := make([]byte, 2*(cid(uint16(len(u.runes)))+1))
		for i, g := range gids {
			c := cid(uint16(i + 1))
			cidToGID[2*c], cidToGID[2*c+1] = byte(g>>8), byte(g)
		}
		// Symbolic, as fpdf marked its embedded faces: the glyphs are
		// reached through the CIDToGIDMap, not a standard encoding.
		flags := 4
		if face.Fixed {
			flags |= 1
		}
		if face.Italic {
			flags |= 64
		}
		if face.Bold {
			flags |= 1 << 18
		}
		objs = append(objs,
			pdfObject{dict: fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding %d 0 R /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>", name, n+6, n+1, n+3)},
			pdfObject{dict: fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W [%s]] /CIDToGIDMap %d 0 R>>",
				name, n+2, fw.missing, strings.TrimSpace(w.String()), n+4)},
			pdfObject{dict: fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
				name, flags, face.BBox[0], face.BBox[1], face.BBox[2], face.BBox[3], strconv.FormatFloat(face.ItalicAngle, 'f', -1, 64),
				face.Ascent, face.Descent, face.CapHeight, face.StemV, fw.missing, n+5)},
			pdfObject{dict: "<<>>", data: toUnicode(u.runes)},
			pdfObject{dict: "<<>>", data: cidToGID},
			pdfObject{dict: fmt.Sprintf("<</Length1 %d>>", len(sub)), data: sub},
			pdfObject{dict: "<</Type /CMap /CMapName /" + cmapName + " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /WMode 0>>", data: encoding(len(u.runes))},
		)
	}
	return objs, res.String(), nil
}

// fontName is the face's PostScript name, or one made from its file name.
func fontName(f *ttf.Face, file string) string {
	if f.PostScriptName != "" {
		return f.PostScriptName
	}
	n := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, strings.TrimSuffix(file, ".ttf"))
	if n == "" {
		return "Font"
	}
	return n
}

// subsetTag is the six capital letters a subset font's name starts with
// (PDF 32000-1, 9.6.4), from its characters, so the same subset gets the
// same tag in every build.
func subsetTag(runes []rune, name string) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	h.Write([]byte(string(runes)))
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

// toUnicode is the CMap that maps each code back to its character.
func toUnicode(runes []rune) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" + codespace)
	// At most 100 mappings a block.
	for i := 0; i < len(runes); i += 100 {
		block := runes[i:min(i+100, len(runes))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for j, r := range block {
			b.WriteByte('<')
			b.Write(hexCode(uint16(i + j + 1)))
			b.WriteString("> <")
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
