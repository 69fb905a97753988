// Package theme is the look of a published document, shared by every
// format: colours, fonts, a logo, and the running header and footer. The
// HTML writer (render/markup) and the PDF writer (render/pdf) both print
// with one Theme, so a brand applied once shows in HTML and PDF alike.
//
// A Theme is plain data; package themes reads one from a folder
// (theme.yaml, fonts, a logo). Default is the built-in theme.
package theme

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"

	"github.com/mpsplan/mpsplan/render/chart"
)

// Colour is an sRGB colour.
type Colour struct{ R, G, B uint8 }

// Hex is the colour as CSS writes it: #1d4e89.
func (c Colour) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// ParseColour reads #rgb or #rrggbb.
func ParseColour(s string) (Colour, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 || !strings.HasPrefix(strings.TrimSpace(s), "#") {
		return Colour{}, fmt.Errorf("%q is not a colour: write #rrggbb, such as #1d4e89", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Colour{}, fmt.Errorf("%q is not a colour: write #rrggbb, such as #1d4e89", s)
	}
	return Colour{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// Contrast is the WCAG contrast ratio of two colours, 1 to 21, computed
// by the chart package, whose palette is held to the same rule.
func Contrast(a, b Colour) float64 { return chart.Contrast(chart.Color(a), chart.Color(b)) }

// Colours are the theme's colour slots. Text colours must reach 4.5:1
// against Background, chart marks 3:1 (WCAG 2.2 AA, 1.4.3 and 1.4.11).
type Colours struct {
	Background Colour // page
	Text       Colour // body text
	Muted      Colour // secondary text: running heads, captions
	Accent     Colour // headings, the cover band, rules under headings
	Link       Colour
	Rule       Colour // table rules (decoration: no contrast demanded)
	Band       Colour // table heads, the contents box (a background behind Text)
	Draft      Colour // the DRAFT mark
	// Chart is the palette of chart series, in order, the first for a
	// result and the second for its target (see ChartPalette); empty
	// leaves render/chart's default palette.
	Chart []Colour
}

// Font is one TrueType face.
type Font struct {
	// Name is the file it came from (for messages), or the built-in face.
	Name string
	TTF  []byte
}

// Fonts are the faces a theme sets text in. Family is the CSS family name.
type Fonts struct {
	Family                            string
	Regular, Bold, Italic, BoldItalic Font
	Mono                              Font
	// Builtin is true for the default faces, which HTML leaves to the
	// reader's system (it names Liberation Sans among its fallbacks)
	// rather than embedding them.
	Builtin bool
}

// Logo is an image printed on the cover and in the HTML title block.
type Logo struct {
	// Type is "png" or "jpeg".
	Type string
	Data []byte
	// Alt is the text alternative, required.
	Alt string
	// Width is the printed width in millimetres (PDF; HTML scales it to
	// the same size at 96 dpi).
	Width float64
}

// Theme is the look of a document in every format.
type Theme struct {
	// Dir is the folder the theme was read from; empty for the default.
	Dir     string
	Colours Colours
	Fonts   Fonts
	Logo    *Logo
	// Header and Footer are the running head and foot of every page after
	// the cover (PDF) with {title}, {subtitle}, {date}, {id} and
	// {organisations} replaced; empty prints the defaults (the title; the
	// date). HTML prints Footer at the foot of the page.
	Header, Footer string
}

// Default is the built-in theme: dark text on white, a deep blue accent,
// Liberation Sans.
func Default() *Theme {
	return &Theme{
		Colours: Colours{
			Background: Colour{255, 255, 255},
			Text:       Colour{26, 26, 26},
			Muted:      Colour{74, 74, 74},
			Accent:     Colour{29, 78, 137},
			Link:       Colour{0, 84, 166},
			Rule:       Colour{200, 204, 210},
			Band:       Colour{238, 241, 245},
			Draft:      Colour{178, 34, 34},
		},
		Fonts: DefaultFonts(),
	}
}

// DefaultFonts are Liberation Sans (SIL Open Font Licence), metric-compatible
// with Arial, chosen for its distinct hyphen, en dash and minus (the Go
// font's hyphen is as long as its en dash), with Liberation Mono for code.
func DefaultFonts() Fonts {
	return Fonts{
		Family:     "Liberation Sans",
		Regular:    Font{Name: "Liberation Sans", TTF: liberationsansregular.TTF},
		Bold:       Font{Name: "Liberation Sans Bold", TTF: liberationsansbold.TTF},
		Italic:     Font{Name: "Liberation Sans Italic", TTF: liberationsansitalic.TTF},
		BoldItalic: Font{Name: "Liberation Sans Bold Italic", TTF: liberationsansbolditalic.TTF},
		Mono:       Font{Name: "Liberation Mono", TTF: liberationmonoregular.TTF},
		Builtin:    true,
	}
}

// RunningText replaces the placeholders of a Header or Footer.
func RunningText(pattern string, fields map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			b.WriteString(pattern)
			return b.String()
		}
		j := strings.IndexByte(pattern[i:], '}')
		if j < 0 {
			b.WriteString(pattern)
			return b.String()
		}
		name := pattern[i+1 : i+j]
		b.WriteString(pattern[:i])
		if v, ok := fields[name]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(pattern[i : i+j+1])
		}
		pattern = pattern[i+j+1:]
	}
}

// Placeholders are the names RunningText replaces.
var Placeholders = []string{"title", "subtitle", "date", "id", "organisations"}

// Problem is one way the colours fail to be accessible: the slot at
// fault (text, muted, accent, link, draft, chart), the index of a chart
// colour, and the slot it fails against, so a theme reader can point at
// the line that set it.
type Problem struct {
	Slot    string
	Index   int // of the chart colour, for Slot "chart"
	Against string
	Message string
}

// Check lists what makes the colours inaccessible: text colours below
// 4.5:1 against the background or the band; chart colours below 3:1
// against the background, or against the colour before them (series side
// by side must be told apart, WCAG 1.4.11), a result's colour and its
// target's included.
func (c Colours) Check() []Problem {
	var out []Problem
	for _, p := range []struct {
		name string
		col  Colour
	}{{"text", c.Text}, {"muted", c.Muted}, {"accent", c.Accent}, {"link", c.Link}, {"draft", c.Draft}} {
		if r := Contrast(p.col, c.Background); r < 4.5 {
			out = append(out, Problem{p.name, 0, "background", fmt.Sprintf("%s %s on background %s has contrast %.2f:1, below 4.5:1", p.name, p.col.Hex(), c.Background.Hex(), r)})
		}
	}
	for _, p := range []struct {
		name string
		col  Colour
	}{{"text", c.Text}, {"accent", c.Accent}} {
		if r := Contrast(p.col, c.Band); r < 4.5 {
			out = append(out, Problem{p.name, 0, "band", fmt.Sprintf("%s %s on band %s has contrast %.2f:1, below 4.5:1", p.name, p.col.Hex(), c.Band.Hex(), r)})
		}
	}
	if len(c.Chart) == 1 {
		out = append(out, Problem{"chart", 0, "", "a chart palette of one colour cannot tell series apart: give two or more, the first for results and the second for targets"})
	}
	for i, m := range c.Chart {
		if r := Contrast(m, c.Background); r < 3 {
			out = append(out, Problem{"chart", i, "background", fmt.Sprintf("chart colour %d %s on background %s has contrast %.2f:1, below 3:1", i+1, m.Hex(), c.Background.Hex(), r)})
		}
		if i == 0 {
			continue
		}
		if r := Contrast(m, c.Chart[i-1]); r < 3 {
			what := "series drawn side by side"
			if i == 1 {
				what = "a result (colour 1) and its target (colour 2)"
			}
			out = append(out, Problem{"chart", i, "", fmt.Sprintf("chart colour %d %s beside chart colour %d %s has contrast %.2f:1, below 3:1: %s must be told apart (alternate dark and light colours)", i+1, m.Hex(), i, c.Chart[i-1].Hex(), r, what)})
		}
	}
	return out
}

// ChartPalette is the palette charts are drawn in, the same in HTML (SVG)
// and PDF. A theme's chart colours colour the series in order, the first
// a result and the second its target wherever they appear; its text and
// muted colours, where it changes them, the labels and axes. What the
// theme leaves at the default keeps render/chart's default palette, which
// is held to the same contrast rules.
func (t *Theme) ChartPalette() chart.Palette {
	p := chart.Default
	p.Categorical = slices.Clone(p.Categorical)
	c, def := t.Colours, Default().Colours
	if len(c.Chart) >= 2 {
		p.Categorical = p.Categorical[:0]
		for _, m := range c.Chart {
			p.Categorical = append(p.Categorical, chart.Color(m))
		}
		p.Result, p.Target = chart.Color(c.Chart[0]), chart.Color(c.Chart[1])
	}
	if c.Text != def.Text {
		p.Text = chart.Color(c.Text)
	}
	if c.Muted != def.Muted {
		p.Muted, p.Axis = chart.Color(c.Muted), chart.Color(c.Muted)
	}
	if c.Background != def.Background || c.Rule != def.Rule {
		p.Grid = chart.Color(c.Rule)
	}
	return p
}
