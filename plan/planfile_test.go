package plan

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestPlanFileNames: .yaml and .yml in any case are read; a plan file an
// editor saved with .txt after it is not, and says so; other files are
// left alone without a word.
func TestPlanFileNames(t *testing.T) {
	const id = "id: p\ntitle: T\nkind: corporate-plan\norganisations: [Metropolitan Police Authority]\nperiod: {first: 2008/09, last: 2010/11}\nstatus: draft\n"
	fsys := fstest.MapFS{
		"p/plan.yaml":          {Data: []byte(id)},
		"p/Budget.YAML":        {Data: []byte("outcomes:\n  - {id: o, title: O}\n")},
		"p/measures.yml.txt":   {Data: []byte("measures: []\n")},
		"p/notes.txt":          {Data: []byte("notes")},
		"p/plan.yaml~":         {Data: []byte("backup")},
		"p/README.md":          {Data: []byte("# readme")},
		"p/objectives.yaml.md": {Data: []byte("x")},
	}
	p, diags := LoadFS(fsys, "p", LoadOptions{})
	if p == nil || len(p.Outcomes) != 1 {
		t.Fatalf("Budget.YAML was not read: %v", diags)
	}
	if len(diags) != 1 || diags[0].Severity != Warning || diags[0].Pos.File != "p/measures.yml.txt" ||
		!strings.Contains(diags[0].Hint, "rename it measures.yml") {
		t.Errorf("diagnostics %v, want one warning about measures.yml.txt", diags)
	}
	for name, want := range map[string]bool{"a.yaml": true, "a.YML": true, "a.Yaml": true, "a.json": false, "yaml": false, "a.yaml.txt": false} {
		if got := IsPlanFile(name); got != want {
			t.Errorf("IsPlanFile(%q) = %v", name, got)
		}
	}
}
