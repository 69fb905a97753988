package pdf

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/mpsplan/mpsplan/internal/ttf"
	"github.com/mpsplan/mpsplan/render/theme"
)

// The default faces (Liberation Sans) cover Latin, Greek, Cyrillic and
// Hebrew, not Arabic or CJK; a theme's own fonts are checked as if they
// covered what the default does.
// fpdf draws a character the font lacks as an empty box (or nothing), so
// text is first put in NFC form ("e" + U+0301 becomes "é", which the fonts
// have), and every character still missing is printed as U+FFFD, the
// README's promise; Missing lets the build warn about them by field.

// glyphFace is the default regular face, parsed once; reading its
// character map takes no lock, so documents checking characters at the
// same time never wait for each other.
var glyphFace = sync.OnceValue(func() *ttf.Face {
	f, _ := ttf.Parse(theme.Default().Fonts.Regular.TTF)
	return f
})

// hasGlyph reports whether the default fonts draw r. The four faces cover
// the same characters, so the regular one answers for all.
func hasGlyph(r rune) bool {
	if r < 0x7f && r >= 0x20 || r == '\uFFFD' {
		return true
	}
	f := glyphFace()
	return f == nil || f.GlyphIndex(r) != 0
}

// printable reports whether r is drawn as itself: not a control or format
// character, and in the fonts.
func printable(r rune) bool {
	return r == ' ' || !unicode.IsControl(r) && !unicode.Is(unicode.Cf, r) && r <= 0xFFFF && hasGlyph(r)
}

// Missing returns, once each and in order of appearance, the characters of
// s (after NFC normalisation) that a PDF cannot print and shows as U+FFFD.
// Control and format characters, which are dropped, are not counted.
func Missing(s string) []rune {
	if isClean(s) {
		// Already NFC, every character printable: nothing is missing
		// (the build asks this of every text of every plan).
		return nil
	}
	var out []rune
	for _, r := range norm.NFC.String(s) {
		if r == '\n' || r == '\t' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if r > 0xFFFF || !hasGlyph(r) {
			if !strings.ContainsRune(string(out), r) {
				out = append(out, r)
			}
		}
	}
	return out
}
