package plan_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mpsplan/mpsplan/plan"
)

// TestLoadOptionsRevision: a plan in a work-tree folder must carry the
// folder's name as its ID; a plan read from a past revision is named by the
// option, never by a mark in its display name.
func TestLoadOptionsRevision(t *testing.T) {
	data := []byte("id: other\n")
	fsys := fstest.MapFS{"plans/p/plan.yaml": {Data: data}}
	idProblem := func(ds plan.Diagnostics) bool {
		for _, d := range ds {
			if d.Rule == "id" && strings.Contains(d.Message, "does not match its folder name") {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct {
		name string
		opt  plan.LoadOptions
		want bool
	}{
		{"work tree", plan.LoadOptions{}, true},
		{"work tree, display with @", plan.LoadOptions{Display: "plans/p@HEAD"}, true},
		{"revision", plan.LoadOptions{Display: "plans/p@HEAD", Revision: true}, false},
	} {
		_, ds := plan.LoadFS(fsys, "plans/p", tt.opt)
		if got := idProblem(ds); got != tt.want {
			t.Errorf("%s: id problem %v, want %v: %v", tt.name, got, tt.want, ds)
		}
		if want := tt.opt.Display; want != "" && (len(ds) == 0 || !strings.HasPrefix(ds[0].Pos.File, want+"/")) {
			t.Errorf("%s: positions do not use the display name %q: %v", tt.name, want, ds)
		}
	}
}
