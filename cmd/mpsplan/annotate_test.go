package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

// TestCheckGitHub checks the workflow commands GitHub Actions turns into
// annotations: one a problem, with file, line, column and the rule as
// title, and the hint on the annotation's second line (%0A).
func TestCheckGitHub(t *testing.T) {
	code, out, errs := mpsplan(t, "check", "--format", "github", "testdata/check/budget-sum", "testdata/check/budget-sum-acknowledged")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, errs)
	}
	want := "::error file=testdata/check/budget-sum/plan.yaml,line=21,col=14,title=mpsplan sum::" +
		`breakdown "capital": items add up to £239.8m, not the stated total £241.1m (difference £1.3m)` +
		"%0Ahint: correct the figure that was mistyped; if the source itself does not add up, acknowledge it: acknowledge: {sum: {difference: £1.3m, reason: ...}}\n"
	if !strings.HasPrefix(out, want) {
		t.Errorf("first annotation:\n got %q\nwant %q", strings.SplitAfter(out, "\n")[0], want)
	}
	line := regexp.MustCompile(`^::(error|warning|notice) file=[^,:]+(,line=\d+(,col=\d+)?)?,title=mpsplan [a-z-]+::[^\r\n]+$`)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	seen := map[string]bool{}
	for _, l := range lines {
		if !line.MatchString(l) {
			t.Errorf("not a workflow command: %q", l)
		}
		seen[strings.Fields(l)[0]] = true
	}
	for _, cmd := range []string{"::error", "::warning", "::notice"} {
		if !seen[cmd] {
			t.Errorf("no %s annotation in:\n%s", cmd, out)
		}
	}
	if errs != "" {
		t.Errorf("stderr should be empty with --format github: %q", errs)
	}
}

func TestCheckGitHubEscapes(t *testing.T) {
	var b strings.Builder
	ds := plan.Diagnostics{{Pos: plan.Pos{File: "a,b:c.yaml", Line: 3}, Severity: plan.Warning, Rule: "unit", Message: "100% of\nit", Hint: "x"}}
	if err := writeGitHub(&b, ds); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a%2Cb%3Ac.yaml,line=3,title=mpsplan unit::100%25 of%0Ait%0Ahint: x\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestCheckQuiet: --quiet prints what fails the run and nothing else.
func TestCheckQuiet(t *testing.T) {
	code, out, errs := mpsplan(t, "check", "--quiet")
	if code != 0 || out != "" || errs != "" {
		t.Errorf("clean plans: exit %d, stdout %q, stderr %q; want 0 and nothing printed", code, out, errs)
	}
	code, out, _ = mpsplan(t, "check", "--quiet", "testdata/check/budget-sum-acknowledged")
	if code != 0 || out != "" {
		t.Errorf("warning without --strict: exit %d, stdout %q; want 0 and nothing", code, out)
	}
	code, out, _ = mpsplan(t, "check", "--quiet", "--strict", "testdata/check/budget-sum-acknowledged")
	if code != 1 || !strings.Contains(out, "warning:") || strings.Contains(out, "note:") {
		t.Errorf("warning with --strict: exit %d, stdout %q; want 1, the warning and no note", code, out)
	}
}

// TestCheckSARIF checks the log against what the SARIF 2.1.0 standard
// (OASIS, sarif-schema-2.1.0.json) requires of the objects it uses: the
// required properties and the enumerations, and that each result's rule
// is listed with a description at its ruleIndex.
func TestCheckSARIF(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(repoRoot(), "testdata/check/*"))
	args := []string{"check", "--format", "sarif"}
	for _, d := range dirs {
		args = append(args, "testdata/check/"+filepath.Base(d))
	}
	code, out, errs := mpsplan(t, args...)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, errs)
	}
	var log map[string]any
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	v := &sarifCheck{t: t}
	v.require(log, "sarifLog", "version", "runs")
	if log["version"] != "2.1.0" {
		t.Errorf("version %v, want 2.1.0", log["version"])
	}
	runs := v.list(log, "runs")
	if len(runs) != 1 {
		t.Fatalf("%d runs, want 1", len(runs))
	}
	run := runs[0].(map[string]any)
	v.require(run, "run", "tool")
	v.enum(run, "columnKind", "utf16CodeUnits", "unicodeCodePoints")
	driver := v.obj(v.obj(run, "tool"), "driver")
	v.require(driver, "toolComponent", "name")
	rules := v.list(driver, "rules")
	var ids []string
	for _, r := range rules {
		rule := r.(map[string]any)
		v.require(rule, "reportingDescriptor", "id", "shortDescription", "fullDescription")
		for _, k := range []string{"shortDescription", "fullDescription"} {
			v.require(v.obj(rule, k), "multiformatMessageString", "text")
		}
		v.enum(v.obj(rule, "defaultConfiguration"), "level", "none", "note", "warning", "error")
		ids = append(ids, rule["id"].(string))
	}
	levels := map[string]int{}
	for _, r := range v.list(run, "results") {
		res := r.(map[string]any)
		v.require(res, "result", "message", "ruleId", "locations")
		v.require(v.obj(res, "message"), "message", "text")
		v.enum(res, "level", "none", "note", "warning", "error")
		levels[res["level"].(string)]++
		idx := int(res["ruleIndex"].(float64))
		if idx < 0 || idx >= len(ids) || ids[idx] != res["ruleId"] {
			t.Errorf("result of rule %v has ruleIndex %d, which is not that rule in %v", res["ruleId"], idx, ids)
		}
		for _, l := range v.list(res, "locations") {
			phys := v.obj(l.(map[string]any), "physicalLocation")
			art := v.obj(phys, "artifactLocation")
			v.require(art, "artifactLocation", "uri")
			if uri := art["uri"].(string); !strings.HasPrefix(uri, "testdata/check/") {
				t.Errorf("uri %q is not relative to the checkout", uri)
			}
			if reg, ok := phys["region"].(map[string]any); ok {
				if line, _ := reg["startLine"].(float64); line < 1 {
					t.Errorf("region startLine %v, must be at least 1", reg["startLine"])
				}
			}
		}
	}
	for _, l := range []string{"error", "warning", "note"} {
		if levels[l] == 0 {
			t.Errorf("no result of level %s among %v", l, levels)
		}
	}
}

type sarifCheck struct{ t *testing.T }

func (v *sarifCheck) require(o map[string]any, what string, keys ...string) {
	v.t.Helper()
	for _, k := range keys {
		if _, ok := o[k]; !ok {
			v.t.Errorf("%s lacks required property %q: %v", what, k, o)
		}
	}
}

func (v *sarifCheck) enum(o map[string]any, key string, allowed ...string) {
	v.t.Helper()
	if s, ok := o[key].(string); ok && !slices.Contains(allowed, s) {
		v.t.Errorf("%s %q is not one of %v", key, s, allowed)
	}
}

func (v *sarifCheck) obj(o map[string]any, key string) map[string]any {
	v.t.Helper()
	m, ok := o[key].(map[string]any)
	if !ok {
		v.t.Fatalf("%q is not an object in %v", key, o)
	}
	return m
}

func (v *sarifCheck) list(o map[string]any, key string) []any {
	v.t.Helper()
	l, ok := o[key].([]any)
	if !ok {
		v.t.Fatalf("%q is not an array in %v", key, o)
	}
	return l
}

// TestRuleDocs: every rule the fixtures and plans report has a
// description for SARIF's rule list.
func TestRuleDocs(t *testing.T) {
	t.Chdir(repoRoot())
	dirs, _ := filepath.Glob("testdata/check/*")
	more, _ := filepath.Glob("plans/*")
	for _, d := range append(dirs, more...) {
		_, ds := plan.Load(d)
		for _, x := range ds {
			if _, ok := ruleDocs[ruleName(x)]; !ok {
				t.Errorf("rule %q (%s) has no entry in ruleDocs", ruleName(x), x.Pos)
			}
		}
	}
}
