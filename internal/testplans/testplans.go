// Package testplans gives tests the repository's plans (plans/*), loaded
// and validated, so builder and writer tests run on the real thing.
package testplans

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

// Dir is the plans/ folder of the repository this package was built in.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "plans")
}

// Load loads every plan under plans/ that loads without errors. A plan
// that does not load is the loader's tests' business: it is logged and
// left out. No plan at all fails t.
func Load(t testing.TB) []*plan.Plan {
	t.Helper()
	dirs, err := plan.Dirs(Dir())
	if err != nil {
		t.Fatal(err)
	}
	var out []*plan.Plan
	for _, dir := range dirs {
		p, diags := plan.Load(dir)
		if p == nil || diags.HasErrors() {
			t.Logf("%s does not load, left out: %s", dir, diags.Summary())
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		t.Fatal("no plan loads")
	}
	return out
}
