package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/mpsplan/mpsplan/render/tooltest"
)

// TestThemeFixture builds a draft plan with the test theme (other colours,
// the Go font, a logo, running texts) to HTML and PDF: both carry the
// theme, the logo with its alternative text, and the draft mark; and a plan
// with charts, drawn in the theme's chart palette in both.
func TestThemeFixture(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := mpsplan(t, "build", "--out", out, "--format", "html,pdf", "--templates", "testdata/theme", "2006-09-draft", "2008-11"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	checkChartPalette(t, filepath.Join(out, "2008-11", "2008-11"))
	h, err := os.ReadFile(filepath.Join(out, "2006-09-draft", "2006-09-draft.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"--accent: #00573c;",
		`@font-face { font-family: "Go"; font-weight: normal;`,
		`alt="Example Police Authority"`,
		`class="draft-banner"`,
		`<footer class="running-foot">Example Police Authority · September 2005</footer>`,
	} {
		if !strings.Contains(string(h), want) {
			t.Errorf("HTML lacks %s", want)
		}
	}
	pdfPath := filepath.Join(out, "2006-09-draft", "2006-09-draft.pdf")
	if _, err := exec.LookPath("qpdf"); err != nil {
		tooltest.Missing(t, "qpdf: the PDF's logo and running texts not checked")
		return
	}
	plain := filepath.Join(out, "plain.pdf")
	if b, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", pdfPath, plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v: %s", err, b)
	}
	b, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	var alt strings.Builder
	// qpdf writes hex strings in lower case.
	alt.WriteString("/Alt <feff")
	for _, u := range utf16.Encode([]rune("Example Police Authority")) {
		fmt.Fprintf(&alt, "%04x", u)
	}
	for _, want := range []string{"/S /Figure", alt.String(), "/Subtype /Image"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	text, err := exec.Command("pdftotext", "-layout", pdfPath, "-").Output()
	if err != nil {
		tooltest.Missing(t, "pdftotext: the PDF's running texts not checked")
		return
	}
	for _, want := range []string{"DRAFT", "Example Police Authority · September 2005", "Metropolitan Police Authority, Metropolitan Police Service: Draft Corporate Strategy"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// checkChartPalette: the charts of base.html and base.pdf are drawn in the
// test theme's first chart colour (#003d2a), not the default palette's
// (#12436d).
func checkChartPalette(t *testing.T, base string) {
	t.Helper()
	h, err := os.ReadFile(base + ".html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(h), `<rect`) || !strings.Contains(string(h), `fill="#003D2A"`) || strings.Contains(string(h), "#12436D") {
		t.Error("the HTML's charts are not drawn in the theme's palette")
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		tooltest.Missing(t, "qpdf: the PDF's chart colours not checked")
		return
	}
	plain := base + ".qdf.pdf"
	if b, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", base+".pdf", plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v: %s", err, b)
	}
	b, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	// fpdf writes a fill colour as r g b in 0..1 with three decimals.
	if !strings.Contains(string(b), "0.000 0.239 0.165 rg") || strings.Contains(string(b), "0.071 0.263 0.427 rg") {
		t.Error("the PDF's charts are not drawn in the theme's palette")
	}
}
