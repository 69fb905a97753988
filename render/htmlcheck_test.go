package render

import (
	"os"
	"os/exec"
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
	java := tooltest.Look(t, "java")
	jar := tooltest.CITool(t, "node_modules/vnu-jar/build/dist/vnu.jar")
	files := writeHTMLFiles(t)
	out, err := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "gnu"}, files...)...).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("the Nu HTML checker reports errors (%v):\n%s", err, out)
	}
}

// TestHTMLAccessible runs axe-core in headless Chromium, at phone and
// desktop widths, on every built HTML file: no WCAG 2.1 A or AA violation,
// no network request, no sideways scrolling of the page.
func TestHTMLAccessible(t *testing.T) {
	if testing.Short() {
		t.Skip("drives chromium")
	}
	node := tooltest.Look(t, "node")
	chromium := tooltest.Look(t, "chromium")
	tooltest.CITool(t, "node_modules/axe-core/axe.min.js")
	tooltest.CITool(t, "node_modules/playwright-core/package.json")
	tools := filepath.Join(tooltest.RepoRoot(), ".ci", "tools")
	files := writeHTMLFiles(t)
	out, err := exec.Command(node, append([]string{filepath.Join("testdata", "axe-check.js"), tools, chromium}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("axe-core finds problems (%v):\n%s", err, out)
	}
	t.Logf("%s", out)
}
