package plan_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/internal/golden"
	"github.com/mpsplan/mpsplan/plan"
)

// TestCheckFixtures loads each broken plan under testdata/check and
// compares every diagnostic, exactly, with its expected.txt. Each fixture
// breaks one rule (its folder name says which), so a changed message or a
// lost check shows up as a diff here.
func TestCheckFixtures(t *testing.T) {
	t.Chdir("..") // report paths as a user at the repository root sees them
	dirs, err := filepath.Glob("testdata/check/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			_, diags := plan.Load(dir)
			var got bytes.Buffer
			if err := diags.WriteText(&got); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(dir, "expected.txt"), got.Bytes())
			if strings.HasSuffix(name, "-ok") && len(diags) != 0 {
				t.Errorf("fixture %s must load cleanly", name)
			}
			if !strings.HasSuffix(name, "-ok") && len(diags) == 0 {
				t.Errorf("fixture %s must report its problem", name)
			}
		})
	}
}
