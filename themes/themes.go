// Package themes reads a theme folder: theme.yaml (colours, fonts, a logo,
// running header and footer), the font and image files it names, and the
// template overrides beside them (read by render/markup). It lives outside
// render/ because it parses YAML, which the writers never do; what it
// returns is the plain render/theme.Theme both writers print with.
package themes

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos
	_ "image/png"  // logos
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/mpsplan/mpsplan/internal/suggest"
	"github.com/mpsplan/mpsplan/internal/ttf"
	"github.com/mpsplan/mpsplan/render/theme"
)

// File is the name of the theme's settings in its folder.
const File = "theme.yaml"

// Problems are every problem found in a theme, each positioned
// "folder/theme.yaml:LINE:COLUMN: what is wrong; how to fix it".
type Problems []string

func (p Problems) Error() string { return strings.Join(p, "\n") }

// Load reads the theme of dir: the default theme with what dir's
// theme.yaml sets. A folder without theme.yaml is the default theme (its
// templates may still override the default ones).
func Load(dir string) (*theme.Theme, error) {
	th := theme.Default()
	th.Dir = dir
	path := filepath.Join(dir, File)
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return th, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	l := &loader{dir: dir, path: path, th: th}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, fmt.Errorf("%s: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(root.Content) > 0 {
		l.top(root.Content[0])
	}
	if len(l.probs) == 0 {
		for _, pr := range th.Colours.Check() {
			l.errAt(l.problemAt(pr), "colours.%s: %s; choose colours that contrast more (WCAG AA)", pr.Slot, pr.Message)
		}
	}
	if len(l.probs) > 0 {
		return nil, l.probs
	}
	return th, nil
}

type loader struct {
	dir, path string
	th        *theme.Theme
	probs     Problems
	coloursAt *yaml.Node
	slotAt    map[string]*yaml.Node // the value of each colour slot set
	chartAt   []*yaml.Node          // each chart colour
}

// problemAt is where a colour problem was written: the slot at fault, else
// the one it fails against, else the colours mapping (a default that no
// longer contrasts with a colour the theme set).
func (l *loader) problemAt(pr theme.Problem) *yaml.Node {
	if pr.Slot == "chart" {
		if pr.Index < len(l.chartAt) {
			return l.chartAt[pr.Index]
		}
	} else if n := l.slotAt[pr.Slot]; n != nil {
		return n
	}
	if n := l.slotAt[pr.Against]; n != nil {
		return n
	}
	return l.coloursAt
}

func (l *loader) errAt(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil {
		line, col = n.Line, n.Column
	}
	l.probs = append(l.probs, fmt.Sprintf("%s:%d:%d: %s", l.path, line, col, fmt.Sprintf(format, args...)))
}

// mapping calls fn for each key of n, reporting keys not in known.
func (l *loader) mapping(n *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		l.errAt(n, "%s should be a mapping of %s", where, strings.Join(known, ", "))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(known, k.Value) {
			hint := "the keys are " + strings.Join(known, ", ")
			if s := suggest.Closest(k.Value, known); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			l.errAt(k, "unknown key %q in %s; %s", k.Value, where, hint)
			continue
		}
		fn(k.Value, k, v)
	}
}

func (l *loader) scalar(v *yaml.Node, where string) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		l.errAt(v, "%s should be a single value", where)
		return "", false
	}
	return v.Value, true
}

func (l *loader) top(n *yaml.Node) {
	l.mapping(n, File, []string{"colours", "fonts", "logo", "header", "footer"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "colours":
			l.coloursAt = k
			l.colours(v)
		case "fonts":
			l.fonts(v)
		case "logo":
			l.logo(k, v)
		case "header", "footer":
			s, ok := l.scalar(v, key)
			if !ok {
				return
			}
			l.running(v, key, s)
			if key == "header" {
				l.th.Header = s
			} else {
				l.th.Footer = s
			}
		}
	})
}

// running checks the placeholders of a running header or footer.
func (l *loader) running(v *yaml.Node, key, s string) {
	for rest := s; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return
		}
		name := rest[i+1 : i+j]
		if !slices.Contains(theme.Placeholders, name) {
			hint := "the placeholders are {" + strings.Join(theme.Placeholders, "}, {") + "}"
			if s := suggest.Closest(name, theme.Placeholders); s != "" {
				hint = fmt.Sprintf("did you mean {%s}?", s)
			}
			l.errAt(v, "%s: unknown placeholder {%s}; %s", key, name, hint)
		}
		rest = rest[i+j+1:]
	}
}

func (l *loader) colours(n *yaml.Node) {
	c := &l.th.Colours
	l.slotAt = map[string]*yaml.Node{}
	slots := map[string]*theme.Colour{
		"background": &c.Background, "text": &c.Text, "muted": &c.Muted, "accent": &c.Accent,
		"link": &c.Link, "rule": &c.Rule, "band": &c.Band, "draft": &c.Draft,
	}
	known := []string{"background", "text", "muted", "accent", "link", "rule", "band", "draft", "chart"}
	l.mapping(n, "colours", known, func(key string, k, v *yaml.Node) {
		if key == "chart" {
			if v.Kind != yaml.SequenceNode {
				l.errAt(v, "colours.chart should be a list of colours: [\"#0072b2\", \"#e69f00\"]")
				return
			}
			c.Chart, l.chartAt = nil, nil
			for _, e := range v.Content {
				if col, ok := l.colour(e, "colours.chart"); ok {
					c.Chart = append(c.Chart, col)
					l.chartAt = append(l.chartAt, e)
				}
			}
			return
		}
		if col, ok := l.colour(v, "colours."+key); ok {
			*slots[key] = col
			l.slotAt[key] = v
		}
	})
}

func (l *loader) colour(v *yaml.Node, where string) (theme.Colour, bool) {
	s, ok := l.scalar(v, where)
	if !ok {
		return theme.Colour{}, false
	}
	col, err := theme.ParseColour(s)
	if err != nil {
		l.errAt(v, "%s: %v (quote it in YAML: \"#1d4e89\")", where, err)
		return theme.Colour{}, false
	}
	return col, true
}

func (l *loader) fonts(n *yaml.Node) {
	f := &l.th.Fonts
	got := theme.Fonts{}
	l.mapping(n, "fonts", []string{"family", "regular", "bold", "italic", "bold_italic", "mono"}, func(key string, k, v *yaml.Node) {
		s, ok := l.scalar(v, "fonts."+key)
		if !ok {
			return
		}
		if key == "family" {
			got.Family = s
			return
		}
		font, ok := l.font(v, key, s)
		if !ok {
			return
		}
		switch key {
		case "regular":
			got.Regular = font
		case "bold":
			got.Bold = font
		case "italic":
			got.Italic = font
		case "bold_italic":
			got.BoldItalic = font
		case "mono":
			got.Mono = font
		}
	})
	if got.Regular.TTF == nil {
		if got.Bold.TTF != nil || got.Italic.TTF != nil || got.BoldItalic.TTF != nil {
			l.errAt(n, "fonts: a theme that names fonts must name its regular face (fonts.regular: fonts/MyFont-Regular.ttf)")
		}
		if got.Mono.TTF != nil {
			f.Mono = got.Mono
			f.Builtin = false
		}
		return
	}
	// A face the theme does not name is set in the nearest it does, so a
	// one-file theme still prints bold and italic text (without the style).
	if got.BoldItalic.TTF == nil {
		got.BoldItalic = firstFont(got.Bold, got.Italic, got.Regular)
	}
	got.Bold = firstFont(got.Bold, got.Regular)
	got.Italic = firstFont(got.Italic, got.Regular)
	if got.Mono.TTF == nil {
		got.Mono = f.Mono
	}
	if got.Family == "" {
		got.Family = strings.TrimSuffix(filepath.Base(got.Regular.Name), filepath.Ext(got.Regular.Name))
	}
	*f = got
}

// font reads a TrueType file named relative to the theme folder.
func (l *loader) font(v *yaml.Node, key, name string) (theme.Font, bool) {
	path := filepath.Join(l.dir, name)
	b, err := os.ReadFile(path)
	if err != nil {
		l.errAt(v, "fonts.%s: cannot read %s (%v); name a .ttf file in the theme folder", key, name, unwrap(err))
		return theme.Font{}, false
	}
	switch {
	case len(b) >= 4 && (bytes.Equal(b[:4], []byte{0, 1, 0, 0}) || string(b[:4]) == "true"):
		// The PDF writer embeds a subset of the face: a face it cannot
		// read, or whose licence forbids that, is refused here, where the
		// error can point at the theme, not when a PDF is written.
		face, err := ttf.Parse(b)
		if err == nil {
			err = face.Embeddable()
		}
		if err != nil {
			l.errAt(v, "fonts.%s: %s cannot be embedded in a PDF: %v; use another TrueType (.ttf) file", key, name, err)
			return theme.Font{}, false
		}
		return theme.Font{Name: name, TTF: b}, true
	case len(b) >= 4 && string(b[:4]) == "OTTO":
		l.errAt(v, "fonts.%s: %s is an OpenType font with PostScript outlines, which the PDF writer cannot embed; use a TrueType (.ttf) version", key, name)
	default:
		l.errAt(v, "fonts.%s: %s is not a TrueType font; name a .ttf file", key, name)
	}
	return theme.Font{}, false
}

func (l *loader) logo(k, n *yaml.Node) {
	lg := &theme.Logo{}
	var file string
	l.mapping(n, "logo", []string{"file", "alt", "width"}, func(key string, k, v *yaml.Node) {
		s, ok := l.scalar(v, "logo."+key)
		if !ok {
			return
		}
		switch key {
		case "file":
			file = s
			path := filepath.Join(l.dir, s)
			b, err := os.ReadFile(path)
			if err != nil {
				l.errAt(v, "logo.file: cannot read %s (%v); name a PNG or JPEG in the theme folder", s, unwrap(err))
				return
			}
			_, format, err := image.DecodeConfig(bytes.NewReader(b))
			if err != nil || format != "png" && format != "jpeg" {
				l.errAt(v, "logo.file: %s is not a PNG or JPEG image", s)
				return
			}
			lg.Type, lg.Data = format, b
		case "alt":
			lg.Alt = strings.TrimSpace(s)
		case "width":
			w, err := strconv.ParseFloat(s, 64)
			if err != nil || w <= 0 || w > 170 {
				l.errAt(v, "logo.width: %q should be the printed width in millimetres, more than 0 and at most 170", s)
				return
			}
			lg.Width = w
		}
	})
	if n.Kind != yaml.MappingNode {
		return
	}
	if file == "" {
		l.errAt(k, "logo: name its image (logo.file: logo.png)")
	}
	if lg.Alt == "" {
		l.errAt(k, "logo: give its alternative text (logo.alt: the organisation's name), which screen readers read in its place")
	}
	if lg.Data != nil && lg.Alt != "" {
		l.th.Logo = lg
	}
}

// unwrap drops the path os errors repeat.
func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// firstFont is the first face that was read.
func firstFont(fs ...theme.Font) theme.Font {
	for _, f := range fs {
		if f.TTF != nil {
			return f
		}
	}
	return theme.Font{}
}
