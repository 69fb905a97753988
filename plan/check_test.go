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

// fixtureRules names, for each broken fixture, the rule its problem is
// about: the fixture must report a diagnostic of that rule, so a fixture
// that breaks for another reason (a typo in it, a loader change) fails
// instead of passing on a golden file that merely changed. A new fixture
// needs an entry.
var fixtureRules = map[string]string{
	"acknowledge-bad":           "unknown-key",
	"acknowledge-old-form":      "acknowledge",
	"acknowledge-stale":         "sum",
	"alias":                     "syntax",
	"approved-by":               "approved-by",
	"bad-enum":                  "syntax",
	"bad-id":                    "id",
	"bad-year":                  "syntax",
	"budget-derived":            "derived",
	"budget-balance":            "balance",
	"budget-sum":                "sum",
	"budget-sum-acknowledged":   "sum",
	"duplicate-code":            "duplicate-code",
	"figure-fix":                "value",
	"flow-comma":                "syntax",
	"hash-comment":              "syntax",
	"duplicate-id":              "duplicate-id",
	"duplicate-key":             "syntax",
	"empty-file":                "syntax",
	"empty-list-item":           "syntax",
	"folder-mismatch":           "id",
	"fraction-percent":          "fraction",
	"malformed":                 "syntax",
	"missing-required":          "syntax",
	"misspelt-key":              "unknown-key",
	"non-utf8":                  "syntax",
	"not-a-mapping":             "syntax",
	"null-byte":                 "syntax",
	"parse-knock-on":            "syntax",
	"percent-range":             "percent-range",
	"placement-marker":          "placement",
	"reports":                   "year-range",
	"section-measure-reference": "reference",
	"split-files":               "syntax",
	"tab-indent":                "syntax",
	"theme-path":                "theme",
	"table-formula":             "table",
	"table-same-as":             "balance",
	"target-shape":              "target",
	"target-text":               "target-text",
	"two-documents":             "syntax",
	"unclosed":                  "syntax",
	"unit-mismatch":             "unit",
	"unknown-key":               "unknown-key",
	"unknown-reference":         "reference",
	"wrong-types":               "syntax",
	"year-outside-period":       "year-range",
}

func TestCheckFixturesNameTheirRule(t *testing.T) {
	t.Chdir("..")
	dirs, err := filepath.Glob("testdata/check/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		if strings.HasSuffix(name, "-ok") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			want, ok := fixtureRules[name]
			if !ok {
				t.Fatalf("fixture %s names no rule: add it to fixtureRules", name)
			}
			_, diags := plan.Load(dir)
			var got []string
			for _, d := range diags {
				if d.Rule == want {
					return
				}
				got = append(got, d.Rule)
			}
			t.Errorf("fixture %s reports no %q diagnostic (rules reported: %v)", name, want, got)
		})
	}
}
