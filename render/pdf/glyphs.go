package pdf

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"github.com/mpsplan/mpsplan/render/theme"
)

// The default faces (Liberation Sans) cover Latin, Greek, Cyrillic and
// Hebrew, not Arabic or CJK; a theme's own fonts are checked as if they
// covered what the default does.
// fpdf draws a character the font lacks as an empty box (or nothing), so
// text is first put in NFC form ("e" + U+0301 becomes "é", which the fonts
// have), and every character still missing is printed as U+FFFD, the
// README's promise; Missing lets the build warn about them by field.

var (
	glyphOnce sync.Once
	glyphFont *sfnt.Font
	glyphMu   sync.Mutex
	glyphBuf  sfnt.Buffer
	glyphHave = map[rune]bool{}
)

// hasGlyph reports whether the default fonts draw r. The four faces cover
// the same characters, so the regular one answers for all.
func hasGlyph(r rune) bool {
	if r < 0x7f && r >= 0x20 || r == '\uFFFD' {
		return true
	}
	glyphOnce.Do(func() { glyphFont, _ = sfnt.Parse(theme.Default().Fonts.Regular.TTF) })
	if glyphFont == nil {
		return true
	}
	glyphMu.Lock()
	defer glyphMu.Unlock()
	have, ok := glyphHave[r]
	if !ok {
		i, err := glyphFont.GlyphIndex(&glyphBuf, r)
		have = err == nil && i != 0
		glyphHave[r] = have
	}
	return have
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
