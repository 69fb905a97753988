package site

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/mpsplan/mpsplan/render/markup"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

// writePages prints every page of the site with the built-in templates, as
// a build does, into a temporary folder, keeping the site's paths.
func writePages(t *testing.T) []string {
	t.Helper()
	s, _ := buildSite(t)
	tm, err := markup.DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var files []string
	for _, p := range s.Pages {
		var b bytes.Buffer
		if err := tm.WriteHTML(&b, p.Doc); err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		f := filepath.Join(dir, filepath.FromSlash(p.Path))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// TestPagesValidate runs the W3C Nu HTML checker on every page of the
// site and wants no error.
func TestPagesValidate(t *testing.T) {
	if testing.Short() {
		t.Skip("drives java")
	}
	tooltest.CheckHTML(t, writePages(t)...)
}

// TestPagesAccessible runs axe-core in headless Chromium, at phone and
// desktop widths, on every page of the site: no WCAG 2.1 A or AA
// violation, no network request, no sideways scrolling.
func TestPagesAccessible(t *testing.T) {
	if testing.Short() {
		t.Skip("drives chromium")
	}
	tooltest.CheckAccessible(t, writePages(t)...)
}
