package site

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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

// TestDataPackageReads reads the site's data package with the Frictionless
// reference library (npm datapackage, in .ci/tools): the descriptor is
// valid for its profile, and every row of figures.csv casts by its Table
// Schema.
func TestDataPackageReads(t *testing.T) {
	if testing.Short() {
		t.Skip("drives node")
	}
	node := tooltest.Look(t, "node")
	tooltest.CITool(t, "node_modules/datapackage/package.json")
	s, _ := buildSite(t)
	dir := t.TempDir()
	rows := 0
	for _, f := range s.Files {
		if f.Path != FiguresCSV && f.Path != DataPackageFile {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, f.Path), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		if f.Path == FiguresCSV {
			recs, err := csv.NewReader(bytes.NewReader(f.Data)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			rows = len(recs) - 1 // the header aside
		}
	}
	tools := filepath.Join(tooltest.RepoRoot(), ".ci", "tools")
	script := filepath.Join("testdata", "datapackage-check.js")
	out, err := exec.Command(node, script, tools, filepath.Join(dir, DataPackageFile), strconv.Itoa(rows)).CombinedOutput()
	if err != nil {
		t.Errorf("the data package does not read (%v):\n%s", err, out)
	}
	t.Logf("%s", out)
}
