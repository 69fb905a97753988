package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/pdf"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

// reportFiles writes the 2006/07 report of plans/2006-09 and of the
// fixture as HTML and PDF into a temporary folder.
func reportFiles(t *testing.T, ext string) []string {
	t.Helper()
	plans := allPlans(t)
	fix, others := fixture(t)
	dir := t.TempDir()
	var files []string
	for _, c := range []struct {
		p      *plan.Plan
		others []*plan.Plan
	}{{fix, others}, {plans[indexOf(t, plans, "2006-09")], plans}} {
		d, err := Build(c.p, 2006, c.others)
		if err != nil {
			t.Fatal(err)
		}
		var data []byte
		switch ext {
		case ".html":
			data = html(t, d)
		case ".pdf":
			var b bytes.Buffer
			if err := pdf.Write(&b, d); err != nil {
				t.Fatal(err)
			}
			data = b.Bytes()
		}
		f := filepath.Join(dir, d.ID+ext)
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

func indexOf(t *testing.T, ps []*plan.Plan, id string) int {
	t.Helper()
	for i, p := range ps {
		if p.ID == id {
			return i
		}
	}
	t.Fatalf("plan %s not found", id)
	return -1
}

// TestHTMLValidates runs the W3C Nu HTML checker on the reports.
func TestHTMLValidates(t *testing.T) {
	if testing.Short() {
		t.Skip("drives java")
	}
	tooltest.CheckHTML(t, reportFiles(t, ".html")...)
}

// TestHTMLAccessible runs axe-core in headless Chromium on the reports,
// with the render package's checker: no WCAG 2.1 A or AA violation.
func TestHTMLAccessible(t *testing.T) {
	if testing.Short() {
		t.Skip("drives chromium")
	}
	tooltest.CheckAccessible(t, reportFiles(t, ".html")...)
}

// TestPDFText extracts the reports' PDF text: every status word the
// report gives a critical performance area must be readable in it, so the
// PDF, too, never tells status by colour alone.
func TestPDFText(t *testing.T) {
	pdftotext := tooltest.Look(t, "pdftotext")
	for _, f := range reportFiles(t, ".pdf") {
		out, err := exec.Command(pdftotext, "-layout", f, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", f, err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, w := range []string{"How we did during 2006/07", "off track", "on track", "no target", "Direction of travel", "Critical performance areas that missed their target by most"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the PDF text lacks %q", filepath.Base(f), w)
			}
		}
	}
}
