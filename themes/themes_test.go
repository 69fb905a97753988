package themes

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/theme"
)

// TestFixture reads the test theme: every slot it sets arrives in the
// Theme both writers print with.
func TestFixture(t *testing.T) {
	th, err := Load(filepath.Join("..", "testdata", "theme"))
	if err != nil {
		t.Fatal(err)
	}
	if got := th.Colours.Accent.Hex(); got != "#00573c" {
		t.Errorf("accent %s, want #00573c", got)
	}
	if len(th.Colours.Chart) != 4 {
		t.Errorf("chart palette has %d colours, want 4", len(th.Colours.Chart))
	}
	if p := th.ChartPalette(); p.Result.Hex() != "#003D2A" || p.Target.Hex() != "#D9731A" || len(p.Categorical) != 4 || p.Categorical[2].Hex() != "#3B2F7A" || p.Muted.Hex() != "#4D4D4D" {
		t.Errorf("the charts are not drawn in the theme's palette: %+v", p)
	}
	if th.Fonts.Builtin || th.Fonts.Family != "Go" || th.Fonts.Regular.Name != "fonts/Go-Regular.ttf" || th.Fonts.Bold.Name != "fonts/Go-Bold.ttf" {
		t.Errorf("fonts %q: %s, %s (builtin %v)", th.Fonts.Family, th.Fonts.Regular.Name, th.Fonts.Bold.Name, th.Fonts.Builtin)
	}
	if th.Fonts.Italic.Name != "fonts/Go-Regular.ttf" || th.Fonts.BoldItalic.Name != "fonts/Go-Bold.ttf" {
		t.Errorf("italic faces not set from the faces named: %s, %s", th.Fonts.Italic.Name, th.Fonts.BoldItalic.Name)
	}
	if th.Logo == nil || th.Logo.Type != "png" || th.Logo.Alt != "Example Police Authority" || th.Logo.Width != 50 {
		t.Errorf("logo %+v", th.Logo)
	}
	if th.Header != "{organisations}: {title}" {
		t.Errorf("header %q", th.Header)
	}
}

// TestNoThemeFile: a folder of templates alone prints in the default theme.
func TestNoThemeFile(t *testing.T) {
	th, err := Load(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if th.Colours.Accent != theme.Default().Colours.Accent || !th.Fonts.Builtin {
		t.Errorf("not the default theme: %+v", th.Colours)
	}
}

// TestProblems: every problem of a theme is reported in one run, at its
// line and column, with what to do.
func TestProblems(t *testing.T) {
	for _, tt := range []struct {
		name, yaml string
		files      map[string]string
		want       []string
	}{
		{"unknown key", "colors:\n  text: \"#000000\"\n", nil, []string{`theme.yaml:1:1: unknown key "colors" in theme.yaml; did you mean "colours"?`}},
		{"unknown slot", "colours:\n  accnet: \"#000000\"\n", nil, []string{`theme.yaml:2:3: unknown key "accnet" in colours; did you mean "accent"?`}},
		{"bad colour", "colours:\n  text: blue\n", nil, []string{`theme.yaml:2:9: colours.text: "blue" is not a colour: write #rrggbb`}},
		{"low contrast", "colours:\n  text: \"#aaaaaa\"\n", nil, []string{`theme.yaml:2:9: colours.text: text #aaaaaa on background #ffffff has contrast 2.32:1, below 4.5:1`}},
		{"default against a set band", "colours:\n  band: \"#333333\"\n", nil, []string{`theme.yaml:2:9: colours.text: text #1a1a1a on band #333333 has contrast`}},
		{"chart contrast", "colours:\n  chart: [\"#12436d\", \"#ffff00\"]\n", nil, []string{`theme.yaml:2:22: colours.chart: chart colour 2 #ffff00 on background #ffffff has contrast 1.07:1, below 3:1`}},
		{"chart neighbours", "colours:\n  chart:\n    - \"#00573c\"\n    - \"#b36b00\"\n    - \"#3b2f7a\"\n    - \"#5a4fa0\"\n", nil, []string{
			`theme.yaml:4:7: colours.chart: chart colour 2 #b36b00 beside chart colour 1 #00573c has contrast 2.07:1, below 3:1: a result (colour 1) and its target (colour 2) must be told apart`,
			`theme.yaml:6:7: colours.chart: chart colour 4 #5a4fa0 beside chart colour 3 #3b2f7a has contrast 1.63:1, below 3:1: series drawn side by side must be told apart`}},
		{"one chart colour", "colours:\n  chart: [\"#12436d\"]\n", nil, []string{`theme.yaml:2:11: colours.chart: a chart palette of one colour cannot tell series apart`}},
		{"missing font", "fonts:\n  regular: fonts/Nope.ttf\n", nil, []string{`theme.yaml:2:12: fonts.regular: cannot read fonts/Nope.ttf (no such file or directory)`}},
		{"not a font", "fonts:\n  regular: f.ttf\n", map[string]string{"f.ttf": "hello"}, []string{`fonts.regular: f.ttf is not a TrueType font`}},
		{"otf", "fonts:\n  regular: f.otf\n", map[string]string{"f.otf": "OTTO...."}, []string{`f.otf is an OpenType font with PostScript outlines`}},
		{"broken font", "fonts:\n  regular: f.ttf\n", map[string]string{"f.ttf": string(goRegular(t)[:3000])}, []string{`theme.yaml:2:12: fonts.regular: f.ttf cannot be embedded in a PDF: table "`, `runs past the end of the file; use another TrueType (.ttf) file`}},
		{"restricted font", "fonts:\n  regular: f.ttf\n", map[string]string{"f.ttf": string(withFsType(t, goRegular(t), 0x0002))}, []string{`f.ttf cannot be embedded in a PDF: its licence forbids embedding`}},
		{"bold without regular", "fonts:\n  bold: f.ttf\n", map[string]string{"f.ttf": string(goRegular(t))}, []string{`theme.yaml:2:3: fonts: a theme that names fonts must name its regular face`}},
		{"logo without alt", "logo:\n  file: l.png\n", nil, []string{`theme.yaml:2:9: logo.file: cannot read l.png`, `theme.yaml:1:1: logo: give its alternative text`}},
		{"logo not an image", "logo:\n  file: l.png\n  alt: X\n", map[string]string{"l.png": "GIF89a"}, []string{`logo.file: l.png is not a PNG or JPEG image`}},
		{"logo width", "logo:\n  file: l.png\n  alt: X\n  width: wide\n", nil, []string{`theme.yaml:4:10: logo.width: "wide" should be the printed width in millimetres`}},
		{"placeholder", "footer: \"{titel} page\"\n", nil, []string{`theme.yaml:1:9: footer: unknown placeholder {titel}; did you mean {title}?`}},
		{"not a mapping", "fonts: Arial\n", nil, []string{`theme.yaml:1:8: fonts should be a mapping of family, regular`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, File), []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			for n, c := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Load(dir)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error\n%s\nlacks\n%s", msg, w)
				}
			}
			if !strings.HasPrefix(msg, dir) {
				t.Errorf("error does not start with the theme file's path: %s", msg)
			}
		})
	}
}

// goRegular is the test theme's Go Regular face.
func goRegular(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "theme", "fonts", "Go-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// withFsType returns a copy of face b with its OS/2 embedding bits set to v.
func withFsType(t *testing.T, b []byte, v uint16) []byte {
	t.Helper()
	b = bytes.Clone(b)
	for i := range int(binary.BigEndian.Uint16(b[4:])) {
		rec := b[12+16*i:]
		if string(rec[:4]) == "OS/2" {
			binary.BigEndian.PutUint16(b[binary.BigEndian.Uint32(rec[8:])+8:], v)
			return b
		}
	}
	t.Fatal("no OS/2 table")
	return nil
}
