// Package svg draws a document chart (doc.Chart) as inline SVG for the
// HTML writer: labelled marks, a title and a text alternative.
package svg

import (
	"fmt"
	"html"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/mpsplan/mpsplan/render/doc"
)

// Chart geometry, in SVG user units. The width suits a phone column: the
// SVG scales to the page, and the labels stay readable at 360px.
const (
	svgWidth    = 440
	svgFont     = 15
	svgLine     = 19
	svgBar      = 18
	svgCharW    = 9.5 // a generous average advance at svgFont (DejaVu Sans is wide)
	svgMaxChars = 46
)

// palette holds fills with at least 3:1 contrast on white (WCAG 1.4.11);
// every mark is also labelled in text, so no figure is told by colour.
var palette = []string{"#1d4e89", "#b5542b", "#2a7f62", "#6b3fa0", "#8a6d00", "#00798c", "#a4243b", "#4f5d75"}

// Chart draws c as an inline SVG with role="img", its title and its
// text alternative. It never fails: a chart with nothing to draw gives an
// SVG holding only the title and alternative. Figures are printed from
// Point.Text; values only position the marks.
func Chart(c *doc.Chart) string {
	if c == nil {
		return ""
	}
	var body strings.Builder
	var h float64
	switch c.Kind {
	case doc.ChartShares:
		h = sharesSVG(&body, c)
	default:
		h = barsSVG(&body, c)
	}
	var b strings.Builder
	id := c.ID
	if id == "" {
		id = "chart"
	}
	fmt.Fprintf(&b, `<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %s" role="img" aria-labelledby="%s-svg-title %s-svg-desc" font-size="%d">`,
		svgWidth, num(h), esc(id), esc(id), svgFont)
	fmt.Fprintf(&b, `<title id="%s-svg-title">%s</title><desc id="%s-svg-desc">%s</desc>`, esc(id), esc(c.Title), esc(id), esc(c.Alt))
	b.WriteString(body.String())
	b.WriteString("</svg>")
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }

// num prints a coordinate with at most one decimal, the same on every
// machine.
func num(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	s := fmt.Sprintf("%.1f", f)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// wrap breaks s into lines of at most n characters at spaces.
func wrap(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= n:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func textWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) * svgCharW }

func writeText(b *strings.Builder, x, y float64, s, extra string) {
	fmt.Fprintf(b, `<text x="%s" y="%s"%s>%s</text>`, num(x), num(y), extra, esc(s))
}

// barsSVG draws a label above one horizontal bar a series. Target-result
// charts scale each label on its own (a target of 67% and one of 325 share
// no axis); other charts share one scale.
func barsSVG(b *strings.Builder, c *doc.Chart) float64 {
	y := 4.0
	if len(c.Series) > 1 {
		x := 0.0
		for i, s := range c.Series {
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="14" height="14" fill="%s"/>`, num(x), num(y), palette[i%len(palette)])
			writeText(b, x+20, y+12, s.Name, "")
			x += 20 + textWidth(s.Name) + 24
		}
		y += 14 + 12
	}
	reserve := 0.0
	globalMax := 0.0
	for _, s := range c.Series {
		for _, p := range s.Values {
			t := p.Text
			if p.Status != "" {
				t += " (" + p.Status + ")"
			}
			reserve = max(reserve, textWidth(t)+8)
			if !p.Missing {
				globalMax = max(globalMax, p.Value)
			}
		}
	}
	reserve = min(reserve, svgWidth*0.5)
	area := svgWidth - reserve
	for i, label := range c.Labels {
		// Labels are bold, and bold runs wider: wrap them shorter.
		for _, line := range wrap(label, svgMaxChars*9/10) {
			y += svgLine
			writeText(b, 0, y-4, line, ` font-weight="bold"`)
		}
		y += 4
		scale := globalMax
		if c.Kind == doc.ChartTargetResult {
			// A bar means something only beside the one it is compared
			// with: a row lacking either figure gets words, no bars.
			scale = 0
			for _, s := range c.Series {
				if i >= len(s.Values) || s.Values[i].Missing {
					scale = 0
					break
				}
				scale = max(scale, s.Values[i].Value)
			}
		}
		for si, s := range c.Series {
			if i >= len(s.Values) {
				continue
			}
			p := s.Values[i]
			w := 0.0
			if !p.Missing && scale > 0 && p.Value > 0 {
				w = p.Value / scale * area
			}
			if w > 0 {
				fmt.Fprintf(b, `<rect x="0" y="%s" width="%s" height="%d" fill="%s"/>`, num(y), num(w), svgBar, palette[si%len(palette)])
			}
			t := p.Text
			if p.Missing && t == "" {
				t = "no figure"
			}
			if len(c.Series) > 1 && p.Missing {
				t = s.Name + ": " + t
			}
			status := ""
			if p.Status != "" {
				status = " (" + p.Status + ")"
			}
			line := t + status
			if max := int((svgWidth - w - 6) / svgCharW); utf8.RuneCountInString(line) > max && max > 3 {
				r := []rune(line)
				line = string(r[:max-1]) + "…"
			}
			writeText(b, w+6, y+svgBar-4, line, "")
			y += svgBar + 4
		}
		y += 10
	}
	if c.Kind == doc.ChartTargetResult {
		y += svgLine
		writeText(b, 0, y-4, "Each measure is drawn to its own scale.", ` font-style="italic"`)
	}
	return y
}

// sharesSVG draws one bar divided into its parts, with a key that names
// each part and its figure.
func sharesSVG(b *strings.Builder, c *doc.Chart) float64 {
	if len(c.Series) == 0 {
		return 10
	}
	pts := c.Series[0].Values
	total := 0.0
	for _, p := range pts {
		if !p.Missing && p.Value > 0 {
			total += p.Value
		}
	}
	y := 4.0
	const barH = 40
	x := 0.0
	for i, p := range pts {
		if p.Missing || p.Value <= 0 || total <= 0 {
			continue
		}
		w := p.Value / total * svgWidth
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%d" fill="%s" stroke="#fff" stroke-width="1.5"/>`,
			num(x), num(y), num(w), barH, palette[i%len(palette)])
		x += w
	}
	y += barH + 12
	for i, p := range pts {
		label := ""
		if i < len(c.Labels) {
			label = c.Labels[i]
		}
		fmt.Fprintf(b, `<rect x="0" y="%s" width="14" height="14" fill="%s"/>`, num(y), palette[i%len(palette)])
		lines := wrap(label+": "+p.Text, svgMaxChars-3)
		for j, line := range lines {
			writeText(b, 22, y+12+float64(j*svgLine), line, "")
		}
		y += float64(len(lines))*svgLine + 6
	}
	return y
}
