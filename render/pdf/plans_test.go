package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/mpsplan/mpsplan/internal/testreports"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/pdf"
	"github.com/mpsplan/mpsplan/render/plandoc"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

// planIDs lists every plan under plans/.
func planIDs(t testing.TB) []string {
	t.Helper()
	root := filepath.Join(tooltest.RepoRoot(), "plans")
	ents, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range ents {
		if e.IsDir() {
			ids = append(ids, e.Name())
		}
	}
	if len(ids) == 0 {
		t.Fatal("no plans under plans/")
	}
	return ids
}

// planDoc loads and lays out plan id.
func planDoc(t testing.TB, id string) *doc.Document {
	t.Helper()
	p, diags := plan.Load(filepath.Join(tooltest.RepoRoot(), "plans", id))
	if diags.HasErrors() {
		t.Fatalf("plan %s: %v", id, diags)
	}
	d, err := plandoc.Build(p, plandoc.Options{})
	if err != nil {
		t.Fatalf("plan %s: %v", id, err)
	}
	return d
}

// reportDocs lays out every annual report the plans have results for.
func reportDocs(t testing.TB) []*doc.Document {
	t.Helper()
	var plans []*plan.Plan
	for _, id := range planIDs(t) {
		p, diags := plan.Load(filepath.Join(tooltest.RepoRoot(), "plans", id))
		if diags.HasErrors() {
			t.Fatalf("plan %s: %v", id, diags)
		}
		plans = append(plans, p)
	}
	return testreports.All(t, plans)
}

// writePDF writes d to a file in a temporary folder and returns its path
// and bytes.
func writePDF(t testing.TB, d *doc.Document) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := pdf.Write(&b, d); err != nil {
		t.Fatalf("Write %s: %v", d.ID, err)
	}
	path := filepath.Join(t.TempDir(), d.ID+".pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes()
}

// TestDump writes every plan's PDF to $PDF_DUMP, for looking at pages.
func TestDump(t *testing.T) {
	dir := os.Getenv("PDF_DUMP")
	if dir == "" {
		t.Skip("set PDF_DUMP to a folder to write the plans' PDFs there")
	}
	for _, id := range planIDs(t) {
		_, b := writePDF(t, planDoc(t, id))
		if err := os.WriteFile(filepath.Join(dir, id+".pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range reportDocs(t) {
		_, b := writePDF(t, d)
		if err := os.WriteFile(filepath.Join(dir, d.ID+".pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
