package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/mpsplan/mpsplan/internal/ttf"
	"github.com/mpsplan/mpsplan/render/theme"
)

// fonts are the faces of one theme with a measurer for them. Every Write
// with the same faces shares one fonts; each face's widths are read once
// per process (see widths), and measuring takes no lock, so documents
// written at the same time never wait for each other.
type fonts struct {
	faces   theme.Fonts
	metrics [nFaces]faceWidths
	ttf     [nFaces]parsedFace
	// same is, for each style, the first style drawn in the same face: a
	// theme without an italic face sets italics in its regular one, and a
	// document embeds that face once.
	same [nFaces]style
}

// parsedFace is a face parsed once for embedding, or why it cannot be.
type parsedFace struct {
	once sync.Once
	face *ttf.Face
	err  error
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
	for st := range style(nFaces) {
		f.same[st] = st
		for e := range st {
			if fontID(f.face(e)) == fontID(f.face(st)) {
				f.same[st] = e
				break
			}
		}
	}
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

// parsed returns the face of style st, parsed on first use: once per
// process for all the documents that draw in it.
func (fs *fonts) parsed(st style) (*ttf.Face, error) {
	p := &fs.ttf[st]
	p.once.Do(func() {
		f := fs.face(st)
		if p.face, p.err = ttf.Parse(f.TTF); p.err == nil {
			p.err = p.face.Embeddable()
		}
		if p.err != nil {
			p.err = errorf("cannot embed the font %s: %v", f.Name, p.err)
		}
	})
	return p.face, p.err
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

// spaceWidth is width(k, " "), without a loop.
func (fs *fonts) spaceWidth(k fontKey) float64 {
	return float64(fs.widths(k.face()).w[' ']) * k.size / 1000 * ptmm
}

// widths returns the widths of face st, read on first use from the face
// parsed once for embedding (fpdfWidths). A face that cannot be parsed
// measures every rune 500 wide; Write reports its error when it embeds it.
func (fs *fonts) widths(st style) *faceWidths {
	fw := &fs.metrics[st]
	fw.once.Do(func() {
		if face, err := fs.parsed(st); err == nil {
			fw.w, fw.missing = fpdfWidths(face)
			return
		}
		fw.w, fw.missing = make([]int32, 1<<16), 500
		for r := range fw.w {
			fw.w[r] = 500
		}
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
	l.c.flushText()
	l.f.ImageOptions("logo", marginL, y, w, h, false, opt, 0, "")
	l.t.end()
	fig.attrs = fmt.Sprintf("/A <</O /Layout /Placement /Block /BBox [%.2f %.2f %.2f %.2f]>>",
		marginL*k, (pageH-y-h)*k, (marginL+w)*k, (pageH-y)*k)
	l.y = max(l.y, y+h+14)
}
