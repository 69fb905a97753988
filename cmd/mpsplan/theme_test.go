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

// TestPlanTheme: a plan naming its theme (relative to its folder) prints
// in it, in HTML and PDF alike; --templates replaces it; a theme folder
// that is not there is an error at the plan's theme key, and nothing is
// written for that plan.
func TestPlanTheme(t *testing.T) {
	fixture, err := filepath.Abs(filepath.Join(repoRoot(), "testdata", "theme"))
	if err != nil {
		t.Fatal(err)
	}
	plans := writePlans(t, map[string]string{
		"themed":  smallPlan("themed", "Themed plan") + "theme: ../../brand\n",
		"missing": smallPlan("missing", "Broken plan") + "theme: ../nope\n",
		"plain":   smallPlan("plain", "Plain plan"),
	})
	// The theme sits two folders up from the plan, as ../../themes/x would.
	if err := os.Symlink(fixture, filepath.Join(filepath.Dir(plans), "brand")); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, _, stderr := mpsplan(t, "build", "--plans", plans, "--out", out, "--format", "html,pdf")
	if code != 1 {
		t.Errorf("build with a missing theme: exit %d, want 1", code)
	}
	want := filepath.Join(plans, "missing", "plan.yaml") + ":8:1: error: theme \"../nope\": "
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "is not a folder") {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "missing")); err == nil {
		t.Error("the plan whose theme is missing was written")
	}
	accent := "--accent: #00573c;"
	html := func(id string) string {
		b, err := os.ReadFile(filepath.Join(out, id, id+".html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if !strings.Contains(html("themed"), accent) || strings.Contains(html("plain"), accent) {
		t.Error("the plan's theme is not applied to it alone")
	}
	if _, err := os.Stat(filepath.Join(out, "themed", "themed.pdf")); err != nil {
		t.Errorf("no PDF: %v", err)
	} else if text, err := exec.Command("pdftotext", filepath.Join(out, "themed", "themed.pdf"), "-").Output(); err == nil && !strings.Contains(string(text), "Example Police Authority ·") {
		t.Error("the PDF does not carry the plan's theme (its running foot)")
	}

	// --templates replaces the plan's theme.
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "theme.yaml"), []byte("colours:\n  accent: \"#5a1f6e\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := mpsplan(t, "build", "--plans", plans, "--out", out, "--format", "html", "--templates", other, "themed", "missing"); code != 0 {
		t.Fatalf("build --templates: exit %d: %s", code, stderr)
	}
	if h := html("themed"); !strings.Contains(h, "--accent: #5a1f6e;") || strings.Contains(h, accent) {
		t.Error("--templates does not replace the plan's theme")
	}
}
