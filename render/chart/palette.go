package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Hex returns the colour as #rrggbb, as SVG and CSS write it.
func (c Color) Hex() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// ParseHex reads #rrggbb (or rrggbb).
func ParseHex(s string) (Color, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) != 6 {
		return Color{}, fmt.Errorf("colour %q: write six hexadecimal digits, as #12436D", s)
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("colour %q: write six hexadecimal digits, as #12436D", s)
	}
	return Color{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

func mustHex(s string) Color {
	c, err := ParseHex(s)
	if err != nil {
		panic(err)
	}
	return c
}

// Luminance is the relative luminance of WCAG 2.x.
func (c Color) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func Contrast(a, b Color) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// White is the page.
var White = Color{255, 255, 255}

// Palette is every colour a chart uses. A theme replaces it whole; the
// writers never pick a colour of their own.
type Palette struct {
	// Categorical colours series in order when a chart has more than two,
	// or two that are not a target and a result.
	Categorical []Color
	// Result and Target are the colours of those series wherever they
	// appear, so a reader learns them once for the whole publication.
	Result, Target Color
	// Text is every label: series colours are for marks only (#F46A25 is
	// 3:1 on white, too light for small text).
	Text Color
	// Muted is for axis titles and notes, still at least 4.5:1 on white.
	Muted Color
	// Axis is the axis and zero line; Grid the light gridlines.
	Axis, Grid Color
}

// Default is the UK Government Analysis Function's palette, as its afcharts
// packages implement it: the duo (dark blue #12436D, orange #F46A25) for a
// result and its target, and the categorical palette in its order.
var Default = Palette{
	Categorical: []Color{
		mustHex("#12436D"), // dark blue
		mustHex("#28A197"), // turquoise
		mustHex("#801650"), // dark pink
		mustHex("#F46A25"), // orange
		mustHex("#3D3D3D"), // dark grey
		mustHex("#A285D1"), // light purple
	},
	Result: mustHex("#12436D"),
	Target: mustHex("#F46A25"),
	Text:   mustHex("#1A1A1A"),
	Muted:  mustHex("#505050"),
	Axis:   mustHex("#3D3D3D"),
	Grid:   mustHex("#D9D9D9"),
}
