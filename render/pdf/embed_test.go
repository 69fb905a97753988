package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/pdf"
	"github.com/mpsplan/mpsplan/render/tooltest"
	"github.com/mpsplan/mpsplan/themes"
)

// embedSample has what the plans print, in every face: £, dashes, curly
// quotes, accents (composite glyphs in Liberation), a bullet, and
// characters a literal string must escape once they are codes.
const embedSample = "The Met’s £3.56bn – “82.5%” (café) naïve \\ ½ • Ωж"

func embedDoc() *doc.Document {
	md := embedSample + "\n\n**" + embedSample + "**\n\n*" + embedSample + "*\n\n***" + embedSample + "***\n\n`" + embedSample + "`\n"
	return &doc.Document{ID: "fonts", Title: "Fonts – ’£", Sections: []*doc.Section{{ID: "s", Title: "Faces", Level: 1, Blocks: []doc.Block{&doc.Text{Markdown: md}}}}}
}

// TestEmbeddedFonts checks the fonts the writer embeds itself, as readers
// see them: poppler lists each face drawn as an embedded subset of a CID
// TrueType font with a ToUnicode map, and reads the text of every face
// back exactly, so copying and searching work; qpdf finds the file sound.
// It runs for the default faces and for a theme's own (the Go fonts, with
// no italic: the regular face stands in).
func TestEmbeddedFonts(t *testing.T) {
	th, err := themes.Load(filepath.Join("..", "..", "testdata", "theme"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, *doc.Document) error
		faces int
	}{
		{"default", func(b *bytes.Buffer, d *doc.Document) error { return pdf.Write(b, d) }, 5},
		// Go Regular and Bold, each drawn in two styles, and the default
		// mono face.
		{"theme", func(b *bytes.Buffer, d *doc.Document) error { return pdf.WriteTheme(b, d, th) }, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := embedDoc()
			var b bytes.Buffer
			if err := tc.write(&b, d); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "fonts.pdf")
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")[2:]
			if len(lines) != tc.faces {
				t.Errorf("pdffonts lists %d fonts, want %d:\n%s", len(lines), tc.faces, strings.Join(lines, "\n"))
			}
			for _, l := range lines {
				f := strings.Fields(l)
				if len(f) < 8 || f[len(f)-7] != "TrueType" || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" || !strings.Contains(f[0], "+") {
					t.Errorf("not an embedded subset with a ToUnicode map: %s", l)
				}
			}
			text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
			if n := strings.Count(text, embedSample); n != 5 {
				t.Errorf("pdftotext reads the sample %d times, want 5 (once a face):\n%s", n, text)
			}
			if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			var again bytes.Buffer
			if err := tc.write(&again, embedDoc()); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
				t.Errorf("a second write differs (%v)", err)
			}
		})
	}
}

// TestMuPDF opens every plan's and report's PDF, and the fonts sample,
// in a second reader, MuPDF (poppler's tools are the first): every page
// must draw without a warning or error, and its text must hold each
// section's title, and the sample in every face.
func TestMuPDF(t *testing.T) {
	mutool := tooltest.Look(t, "mutool")
	read := func(t *testing.T, path string) string {
		t.Helper()
		cmd := exec.Command(mutool, "draw", "-q", "-F", "txt", "-o", "-", path)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("mutool draw %s: %v\n%s", path, err, stderr.String())
		}
		for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
			// This Debian build has no colour management; it says so once.
			if l != "" && l != "warning: ICC support is not available" {
				t.Errorf("mutool: %s", l)
			}
		}
		return string(out)
	}
	for _, d := range allDocs(t) {
		path, _ := writePDF(t, d)
		text := squash(read(t, path))
		d.Walk(func(s *doc.Section) {
			if !strings.Contains(text, squash(s.Title)) {
				t.Errorf("%s: MuPDF reads no %q", d.ID, s.Title)
			}
		})
	}
	path, _ := writePDF(t, embedDoc())
	if n := strings.Count(read(t, path), embedSample); n != 5 {
		t.Errorf("MuPDF reads the fonts sample %d times, want 5", n)
	}
}

// TestManyCharacters draws more characters in one face than have
// one-byte codes (223): the rest are written in two bytes, some of which
// a literal string must escape. poppler and MuPDF must read every
// character back, and MuPDF draw the page without a warning.
func TestManyCharacters(t *testing.T) {
	var chars []rune
	for _, span := range [][2]rune{{0x21, 0x7e}, {0xa1, 0x17f}, {0x391, 0x3c9}, {0x400, 0x45f}} {
		for r := span[0]; r <= span[1]; r++ {
			// Markdown's own characters, and the format characters (a soft
			// hyphen) the PDF leaves out, are not drawn as themselves.
			if len(pdf.Missing(string(r))) == 0 && !unicode.Is(unicode.Cf, r) && !strings.ContainsRune("*_`\\[<&", r) {
				chars = append(chars, r)
			}
		}
	}
	if len(chars) < 400 {
		t.Fatalf("only %d characters to draw", len(chars))
	}
	var words []string
	for i := 0; i < len(chars); i += 12 {
		words = append(words, string(chars[i:min(i+12, len(chars))]))
	}
	sample := strings.Join(words, " ")
	d := &doc.Document{ID: "chars", Title: "Characters", Sections: []*doc.Section{{ID: "s", Title: "Characters", Level: 1,
		Blocks: []doc.Block{&doc.Text{Markdown: sample}}}}}
	path, _ := writePDF(t, d)
	for name, text := range map[string]string{
		"pdftotext": run(t, "pdftotext", "-enc", "UTF-8", path, "-"),
		"mutool":    run(t, tooltest.Look(t, "mutool"), "draw", "-q", "-F", "txt", "-o", "-", path),
	} {
		got := strings.Join(strings.Fields(text), "")
		for _, w := range words {
			if !strings.Contains(got, w) {
				t.Errorf("%s does not read %q back", name, w)
			}
		}
	}
	cmd := exec.Command(tooltest.Look(t, "mutool"), "draw", "-q", "-o", filepath.Join(t.TempDir(), "p%d.png"), path)
	if out, err := cmd.CombinedOutput(); err != nil || strings.Contains(strings.ReplaceAll(string(out), "warning: ICC support is not available", ""), "warning") {
		t.Errorf("mutool draw: %v\n%s", err, out)
	}
}
