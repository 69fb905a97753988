package ttf

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/mpsplan/mpsplan/render/theme"
)

// faces are the default faces and the test theme's Go fonts.
func faces(t testing.TB) map[string][]byte {
	t.Helper()
	fs := theme.Default().Fonts
	m := map[string][]byte{}
	for _, f := range []theme.Font{fs.Regular, fs.Bold, fs.Italic, fs.BoldItalic, fs.Mono} {
		m[f.Name] = f.TTF
	}
	for _, name := range []string{"Go-Regular.ttf", "Go-Bold.ttf"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "theme", "fonts", name))
		if err != nil {
			t.Fatal(err)
		}
		m[name] = b
	}
	return m
}

// sample holds what the plans print: letters with accents (composite
// glyphs in Liberation), £, dashes, quotes, figures, U+FFFD, and a rune
// no face has.
var sample = []rune("The Met’s £3.56bn – “82.5%” é ü Ç ñ Å ﬁ ½ → • ¶ \uFFFD\U0001F600 0123456789 ŵŷ Ωж")

// TestSubsetDrawsAsFace reads each subset back with another parser
// (golang.org/x/image/font/sfnt) and compares every glyph's outline and
// advance with the face's own: the subset draws each rune as the face
// does, through its own cmap.
func TestSubsetDrawsAsFace(t *testing.T) {
	for name, b := range faces(t) {
		t.Run(name, func(t *testing.T) {
			f, err := Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Embeddable(); err != nil {
				t.Fatal(err)
			}
			sub, gids, err := f.Subset(sample)
			if err != nil {
				t.Fatal(err)
			}
			if len(sub) > len(b)/4 {
				t.Errorf("subset of %d runes is %d bytes of the face's %d", len(sample), len(sub), len(b))
			}
			orig, err := sfnt.Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			got, err := sfnt.Parse(sub)
			if err != nil {
				t.Fatalf("the subset does not parse: %v", err)
			}
			var ob, gb sfnt.Buffer
			composites := 0
			for i, r := range sample {
				og, _ := orig.GlyphIndex(&ob, r)
				if og == 0 {
					if gids[i] != 0 || f.GlyphIndex(r) != 0 {
						t.Errorf("%q: the face lacks it, the subset gives glyph %d", r, gids[i])
					}
					continue
				}
				if uint16(og) != f.GlyphIndex(r) {
					t.Errorf("%q: glyph %d, sfnt says %d", r, f.GlyphIndex(r), og)
				}
				ng, err := got.GlyphIndex(&gb, r)
				if err != nil || uint16(ng) != gids[i] || ng == 0 {
					t.Errorf("%q: the subset's cmap gives glyph %d (%v), Subset said %d", r, ng, err, gids[i])
					continue
				}
				want, err1 := orig.LoadGlyph(&ob, og, fixed.I(1000), nil)
				have, err2 := got.LoadGlyph(&gb, ng, fixed.I(1000), nil)
				if err1 != nil || err2 != nil || !slices.Equal(want, have) {
					t.Errorf("%q: outline differs (%v, %v): %d segments, want %d", r, err2, err1, len(have), len(want))
				}
				wa, _ := orig.GlyphAdvance(&ob, og, fixed.I(1000), font.HintingNone)
				ga, _ := got.GlyphAdvance(&gb, ng, fixed.I(1000), font.HintingNone)
				if wa != ga {
					t.Errorf("%q: advance %v, want %v", r, ga, wa)
				}
				if u, _ := orig.GlyphAdvance(&ob, og, fixed.I(f.UnitsPerEm()), font.HintingNone); u.Round() != f.AdvanceUnits(uint16(og)) {
					t.Errorf("%q: AdvanceUnits says %d, sfnt %v", r, f.AdvanceUnits(uint16(og)), u)
				}
				if isComposite(f, uint16(og)) {
					composites++
				}
			}
			if got.NumGlyphs() >= orig.NumGlyphs()/4 {
				t.Errorf("subset keeps %d of %d glyphs", got.NumGlyphs(), orig.NumGlyphs())
			}
			t.Logf("%d runes, %d composite, %d glyphs, %d of %d bytes", len(sample), composites, got.NumGlyphs(), len(sub), len(b))
			checkChecksums(t, sub)
		})
	}
}

// TestSubsetIsDeterministic: the same runes give the same bytes.
func TestSubsetIsDeterministic(t *testing.T) {
	f, err := Parse(theme.Default().Fonts.Regular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	a, _, _ := f.Subset(sample)
	for range 3 {
		if b, _, _ := f.Subset(sample); !bytes.Equal(a, b) {
			t.Fatal("two subsets of the same runes differ")
		}
	}
}

func isComposite(f *Face, g uint16) bool {
	gl := f.tables["glyf"][f.loca[g]:f.loca[g+1]]
	return len(gl) >= 2 && int16(binary.BigEndian.Uint16(gl)) < 0
}

// checkChecksums checks each table's checksum and the file's, which
// font validators and some readers check.
func checkChecksums(t *testing.T, b []byte) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := range n {
		rec := b[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		tb := slices.Clone(b[off : off+length])
		if tag == "head" {
			binary.BigEndian.PutUint32(tb[8:], 0)
		}
		if got := checksum(tb); got != binary.BigEndian.Uint32(rec[4:]) {
			t.Errorf("table %q: checksum %08x, directory says %08x", tag, got, binary.BigEndian.Uint32(rec[4:]))
		}
	}
	if s := checksum(b); s != 0xB1B0AFBA {
		t.Errorf("file checksum %08x, want B1B0AFBA", s)
	}
}

func TestParseRefuses(t *testing.T) {
	good := theme.Default().Fonts.Regular.TTF
	// without returns the face with table tag's directory entry renamed.
	without := func(tag string) []byte {
		b := slices.Clone(good)
		n := int(binary.BigEndian.Uint16(b[4:]))
		for i := range n {
			if string(b[12+16*i:16+16*i]) == tag {
				copy(b[12+16*i:], "zzzz")
			}
		}
		return b
	}
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"text", []byte("not a font at all"), "not a TrueType font"},
		{"CFF", []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"), "PostScript (CFF) outlines"},
		{"collection", []byte("ttcf\x00\x00\x00\x00"), "collection"},
		{"truncated directory", good[:40], "runs past the end"},
		{"truncated file", good[:len(good)/2], "runs past the end"},
		{"no glyf", without("glyf"), `no "glyf" table`},
		{"no cmap", without("cmap"), `no "cmap" table`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.b)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse: %v, want an error with %q", err, tc.want)
			}
		})
	}
}

func TestEmbeddable(t *testing.T) {
	f, err := Parse(theme.Default().Fonts.Regular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		fsType uint16
		want   string
	}{
		{0x0000, ""}, {0x0004, ""}, {0x0008, ""},
		{0x0002, "forbids embedding"},
		{0x0104, "no subsetting"},
		{0x0200, "bitmaps only"},
	} {
		f.fsType = tc.fsType
		err := f.Embeddable()
		if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("fsType %#04x: %v, want %q", tc.fsType, err, tc.want)
		}
	}
}

// FuzzParse: no input makes Parse or Subset panic, and a face that
// parses can be subset.
func FuzzParse(f *testing.F) {
	good := theme.Default().Fonts.Regular.TTF
	f.Add(good)
	f.Add(good[:2000])
	f.Add([]byte("true\x00\x01\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		face, err := Parse(b)
		if err != nil {
			return
		}
		if _, _, err := face.Subset(sample); err != nil {
			return
		}
	})
}
