package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/mpsplan/mpsplan/render/theme"
)

// fonts are the faces of one theme with a measurer for them. Every Write
// with the same faces shares one fonts; each face's widths are read once
// per process (see widths), and measuring takes no lock, so documents
// written at the same time never wait for each other.
type fonts struct {
	faces   theme.Fonts
	metrics [nFaces]faceWidths
}

// nFaces counts the styles a face is chosen by (see fontKey.face): bold
// and italic as two bits, and mono.
const nFaces = stMono + 1

// faceWidths are the advance widths of one face, in thousandths of the
// font size, read on first use.
type faceWidths struct {
	once sync.Once
	// w holds the width of each rune of the Basic Multilingual Plane.
	w []int32
	// missing is the width fpdf gives a rune the face lacks.
	missing int32
}

var fontCache struct {
	sync.Mutex
	m map[string]*fonts
}

// fontsFor returns the shared fonts of a theme's faces.
func fontsFor(fs theme.Fonts) *fonts {
	key := fontID(fs.Regular) + fontID(fs.Bold) + fontID(fs.Italic) + fontID(fs.BoldItalic) + fontID(fs.Mono)
	fontCache.Lock()
	defer fontCache.Unlock()
	if fontCache.m == nil {
		fontCache.m = map[string]*fonts{}
	}
	if f := fontCache.m[key]; f != nil {
		return f
	}
	f := &fonts{faces: fs}
	fontCache.m[key] = f
	return f
}

// fontID identifies a face by its bytes' address and length: themes are
// read once a run, so equal faces share their slice.
func fontID(f theme.Font) string {
	if len(f.TTF) == 0 {
		return "-"
	}
	return fmt.Sprintf("%p:%d;", &f.TTF[0], len(f.TTF))
}

// face returns the face a style is drawn in.
func (fs *fonts) face(st style) theme.Font {
	switch {
	case st&stMono != 0:
		return fs.faces.Mono
	case st&(stBold|stItalic) == stBold|stItalic:
		return fs.faces.BoldItalic
	case st&stBold != 0:
		return fs.faces.Bold
	case st&stItalic != 0:
		return fs.faces.Italic
	}
	return fs.faces.Regular
}

// addFace embeds the face of style st in f. Faces are added as a document
// first uses them, not all up front: parsing a face is the largest fixed
// cost of a PDF, and most documents never use the mono or bold italic
// face. fpdf's subsetter writes into the bytes it is given, so each
// document gets its own copy: sharing the slices made the second PDF of a
// process differ from the first.
func (fs *fonts) addFace(f *fpdf.Fpdf, st style) {
	k := fontKey{st: st}
	f.AddUTF8FontFromBytes(k.family(), k.fpdfStyle(), bytes.Clone(fs.face(st).TTF))
}

// width returns the width of s in millimetres.
func (fs *fonts) width(k fontKey, s string) float64 {
	fw := fs.widths(k.face())
	w := 0
	for _, r := range s {
		if int(r) < len(fw.w) {
			w += int(fw.w[r])
		} else {
			w += int(fw.missing)
		}
	}
	return float64(w) * k.size / 1000 * ptmm
}

// widths returns the widths of face st, reading them on first use from
// the face's own tables (ttfWidths), or, for a face those cannot be read
// from, from fpdf: a document holding only that face is asked the width
// of each rune once. Before, one document held every face, parsed all
// five on the first measurement while every other document waited, and
// every measurement took a lock.
func (fs *fonts) widths(st style) *faceWidths {
	fw := &fs.metrics[st]
	fw.once.Do(func() {
		var ok bool
		if fw.w, fw.missing, ok = ttfWidths(fs.face(st).TTF); ok {
			return
		}
		k := fontKey{st: st}
		f := fpdf.New("P", "mm", "A4", "")
		fs.addFace(f, st)
		f.SetFont(k.family(), k.fpdfStyle(), 10)
		fw.w = make([]int32, 1<<16)
		var buf [4]byte
		for r := range fw.w {
			if utf8.ValidRune(rune(r)) {
				n := utf8.EncodeRune(buf[:], rune(r))
				fw.w[r] = int32(f.GetStringSymbolWidth(string(buf[:n])))
			}
		}
		// fpdf gives a rune past its table the face's missing width.
		fw.missing = int32(f.GetStringSymbolWidth(string(rune(utf8.MaxRune))))
	})
	return fw
}

// colours is the theme's colours as the PDF draws them.
type colours struct {
	ink, accent, muted, linkCol, ruleCol, lightRule, headFill, groupFill, draft rgb
}

func col(c theme.Colour) rgb { return rgb{int(c.R), int(c.G), int(c.B)} }

// paletteOf maps the theme's slots to the PDF's uses: table rules in the
// theme's rule colour, a lighter one between body rows, group rows on a
// lighter band.
func coloursOf(c theme.Colours) colours {
	mix := func(a, b theme.Colour, t float64) rgb {
		m := func(x, y uint8) int { return int(float64(x)*(1-t) + float64(y)*t + 0.5) }
		return rgb{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B)}
	}
	p := colours{
		ink: col(c.Text), accent: col(c.Accent), muted: col(c.Muted), linkCol: col(c.Link),
		ruleCol: col(c.Rule), lightRule: mix(c.Rule, c.Background, 0.4), headFill: col(c.Band),
		groupFill: mix(c.Band, c.Background, 0.5), draft: col(c.Draft),
	}
	return p
}

// logo draws the theme's logo at the top of the cover, tagged as a Figure
// with its alternative text.
func (l *layout) logo(lg *theme.Logo) {
	opt := fpdf.ImageOptions{ImageType: strings.ToUpper(lg.Type), ReadDpi: false}
	info := l.f.RegisterImageOptionsReader("logo", opt, bytes.NewReader(lg.Data))
	if info == nil || l.f.Err() {
		return
	}
	w := lg.Width
	if w <= 0 {
		w = 40
	}
	h := w * info.Height() / info.Width()
	if h > 40 {
		w, h = w*40/h, 40
	}
	y := 24.0
	fig := l.t.beginAttr("Figure", clean(lg.Alt), "")
	l.t.content(l.f.PageNo())
	l.f.ImageOptions("logo", marginL, y, w, h, false, opt, 0, "")
	l.t.end()
	fig.attrs = fmt.Sprintf("/A <</O /Layout /Placement /Block /BBox [%.2f %.2f %.2f %.2f]>>",
		marginL*k, (pageH-y-h)*k, (marginL+w)*k, (pageH-y)*k)
	l.y = max(l.y, y+h+14)
}
