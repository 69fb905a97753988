package markup

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/internal/testreports"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

// plansAndReports lays out every real plan and every report they have
// results for.
func plansAndReports(t *testing.T) []*doc.Document {
	t.Helper()
	var plans []*plan.Plan
	var docs []*doc.Document
	for _, l := range realPlans(t) {
		plans = append(plans, l.p)
		docs = append(docs, l.doc)
	}
	return append(docs, testreports.All(t, plans)...)
}

// checkChartText runs render/testdata/svg-geometry.js in headless Chromium
// on files and returns its output and whether it found no problem.
func checkChartText(t *testing.T, files ...string) (string, bool) {
	t.Helper()
	node := tooltest.Look(t, "node")
	chromium := tooltest.Look(t, "chromium")
	tooltest.CITool(t, "node_modules/playwright-core/package.json")
	script := filepath.Join(tooltest.RepoRoot(), "render", "testdata", "svg-geometry.js")
	out, err := exec.Command(node, append([]string{script, filepath.Join(tooltest.RepoRoot(), ".ci", "tools"), chromium}, files...)...).CombinedOutput()
	if _, failed := err.(*exec.ExitError); err != nil && !failed {
		t.Fatalf("node %s: %v\n%s", script, err, out)
	}
	return string(out), err == nil
}

// TestChartTextGeometry lays out the HTML of every plan and every report
// in headless Chromium at a phone's width and measures each chart text as
// the browser draws it (getBBox): no two texts of a chart overlap, none
// leaves its viewBox; no status ("not met") breaks across lines; and, at a
// desktop's width, tables of one kind have the same column widths and no
// text overflows its cell.
func TestChartTextGeometry(t *testing.T) {
	if testing.Short() {
		t.Skip("drives chromium")
	}
	docs := plansAndReports(t)
	tm := defaults(t)
	dir := t.TempDir()
	var files []string
	for _, d := range docs {
		_, h := render(t, tm, d)
		f := filepath.Join(dir, d.ID+".html")
		if err := os.WriteFile(f, h, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	out, ok := checkChartText(t, files...)
	if !ok {
		t.Errorf("chart texts collide or leave their chart, or a status breaks:\n%s", out)
	}
	if strings.Contains(out, " 0 chart(s)") {
		t.Errorf("no chart measured:\n%s", out)
	}
	t.Logf("%s", out)
}

// TestChartTextGeometryFails proves the check can fail: a chart with two
// labels printed over each other and one past its right edge, a status
// squeezed onto two lines, and two tables of one kind set apart.
func TestChartTextGeometryFails(t *testing.T) {
	if testing.Short() {
		t.Skip("drives chromium")
	}
	page := `<!DOCTYPE html><html lang="en"><title>t</title>
<svg viewBox="0 0 200 100" aria-labelledby="c"><text x="10" y="20">−6.3%</text><text x="20" y="22">April to December 2006</text>
<text x="10" y="60">clear</text><text x="180" y="90">cut off</text></svg>
<table style="width: 40px"><tr><td>not met</td><td>met</td></tr></table>
<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>x</td><td>y</td></tr></tbody></table>
<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>a much longer text than the other</td><td>y</td></tr></tbody></table>`
	f := filepath.Join(t.TempDir(), "bad.html")
	if err := os.WriteFile(f, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out, ok := checkChartText(t, f)
	if ok || !strings.Contains(out, `"−6.3%" at`) || !strings.Contains(out, `overlaps "April to December 2006"`) ||
		!strings.Contains(out, `"cut off" at`) || strings.Contains(out, `"clear"`) ||
		!strings.Contains(out, `the cell "not met" breaks`) || !strings.Contains(out, `tables headed "A | B" are set`) ||
		!strings.Contains(out, "4 problem(s)") {
		t.Errorf("the check does not report exactly the collision, the text off the chart, the broken status and the two tables of a kind set apart:\n%s", out)
	}
}
