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
// theme, the logo with its alternative text, and the draft mark.
func TestThemeFixture(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := mpsplan(t, "build", "--out", out, "--format", "html,pdf", "--templates", "testdata/theme", "2006-09-draft"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
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
