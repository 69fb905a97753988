// Package tooltest finds the outside programs some tests drive (pdftotext,
// qpdf, Chromium, the Nu HTML checker). Where a program is missing the test
// is skipped with a message, except under CI (the CI environment variable
// set), where a missing tool fails the test: .ci/run installs every tool, so
// CI must never pass by skipping.
package tooltest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Look returns the path of program name, skipping or failing t when it is
// not installed.
func Look(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name+" (not on PATH)")
	}
	return p
}

// Missing skips t, or fails it under CI, because what is missing.
func Missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("required tool missing under CI: %s (.ci/run should have installed it)", what)
	}
	t.Skipf("skipping: %s; install it (see .ci/run) to run this test", what)
}

// RepoRoot returns the repository root, found from this file's location.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// CITool returns the path of a file installed under .ci/tools by .ci/run
// (vnu.jar, axe.min.js), skipping or failing t when it is absent.
func CITool(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(), ".ci", "tools", rel)
	if _, err := os.Stat(p); err != nil {
		Missing(t, filepath.Join(".ci/tools", rel)+" (run .ci/run once to install it)")
	}
	return p
}

// CheckHTML runs the W3C Nu HTML checker on files and fails t on any error.
func CheckHTML(t testing.TB, files ...string) {
	t.Helper()
	java := Look(t, "java")
	jar := CITool(t, "node_modules/vnu-jar/build/dist/vnu.jar")
	out, err := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "gnu"}, files...)...).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("the Nu HTML checker reports errors (%v):\n%s", err, out)
	}
}

// CheckAccessible runs axe-core in headless Chromium (render/testdata/
// axe-check.js: phone and desktop widths) on files and fails t on any WCAG
// 2.1 A or AA violation, any network request or sideways scrolling.
func CheckAccessible(t testing.TB, files ...string) {
	t.Helper()
	node := Look(t, "node")
	chromium := Look(t, "chromium")
	CITool(t, "node_modules/axe-core/axe.min.js")
	CITool(t, "node_modules/playwright-core/package.json")
	tools := filepath.Join(RepoRoot(), ".ci", "tools")
	script := filepath.Join(RepoRoot(), "render", "testdata", "axe-check.js")
	out, err := exec.Command(node, append([]string{script, tools, chromium}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("axe-core finds problems (%v):\n%s", err, out)
	}
	t.Logf("%s", out)
}
