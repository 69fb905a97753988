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
