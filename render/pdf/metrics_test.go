package pdf

import (
	"os"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/mpsplan/mpsplan/internal/ttf"
	"github.com/mpsplan/mpsplan/render/theme"
)

// TestFpdfWidths holds fpdfWidths to the widths fpdf sets text with,
// rune by rune, for every face of the default theme and the fonts a
// theme test ships: a line measured with one and drawn with the other
// must be the same line.
func TestFpdfWidths(t *testing.T) {
	fs := theme.Default().Fonts
	faces := map[string][]byte{
		"regular": fs.Regular.TTF, "bold": fs.Bold.TTF, "italic": fs.Italic.TTF,
		"bold italic": fs.BoldItalic.TTF, "mono": fs.Mono.TTF,
	}
	for _, name := range []string{"Go-Regular.ttf", "Go-Bold.ttf"} {
		b, err := os.ReadFile("../../testdata/theme/fonts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		faces[name] = b
	}
	for name, b := range faces {
		t.Run(name, func(t *testing.T) {
			face, err := ttf.Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			w, missing := fpdfWidths(face)
			f := fpdf.New("P", "mm", "A4", "")
			f.AddUTF8FontFromBytes("x", "", append([]byte(nil), b...))
			f.SetFont("x", "", 10)
			if err := f.Error(); err != nil {
				t.Fatal(err)
			}
			bad := 0
			for r := range w {
				if !utf8.ValidRune(rune(r)) {
					continue
				}
				if want := int32(f.GetStringSymbolWidth(string(rune(r)))); w[r] != want && bad < 10 {
					bad++
					t.Errorf("U+%04X: width %d, fpdf sets it %d", r, w[r], want)
				}
			}
			if want := int32(f.GetStringSymbolWidth(string(rune(utf8.MaxRune)))); missing != want {
				t.Errorf("missing width %d, fpdf's %d", missing, want)
			}
		})
	}
}
