package markup

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mpsplan/mpsplan/render/tooltest"
)

// writeHTMLFiles builds every plan and the sample document to HTML in a
// temporary folder.
func writeHTMLFiles(t *testing.T) []string {
	t.Helper()
	tm := defaults(t)
	dir := t.TempDir()
	var files []string
	for _, d := range allDocs(t) {
		_, h := render(t, tm, d)
		f := filepath.Join(dir, d.ID+".html")
		if err := os.WriteFile(f, h, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// TestHTMLValidates runs the W3C Nu HTML checker on every built HTML file
// and wants no error.
func TestHTMLValidates(t *testing.T) {
	if testing.Short() {
		t.Skip("drives java")
	}
	tooltest.CheckHTML(t, writeHTMLFiles(t)...)
}

// TestHTMLAccessible runs axe-core in headless Chromium, at phone and
// desktop widths, on every built HTML file: no WCAG 2.1 A or AA violation,
// no network request, no sideways scrolling of the page.
func TestHTMLAccessible(t *testing.T) {
	if testing.Short() {
		t.Skip("drives chromium")
	}
	tooltest.CheckAccessible(t, writeHTMLFiles(t)...)
}
