package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the command once for the end-to-end tests of this file.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "mpsplan-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "mpsplan")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatalf("go build: %v", binErr)
	}
	return binPath
}

// runIn runs the real binary in dir and returns its exit status and output.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "SOURCE_DATE_EPOCH=1302652800") // 13 April 2011: financial year 2011/12
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestInitThenBuild starts a project as a new user would, from the README:
// init, then build, with nothing edited in between.
func TestInitThenBuild(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runIn(t, dir, "init", "northshire", "--organisation", "Northshire Police", "--short", "NP")
	if code != 0 || !strings.Contains(out, "plans/2011-14") {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	proj := filepath.Join(dir, "northshire")
	for _, f := range []string{"mpsplan.yaml", ".gitignore", "plans/plan.schema.json", "plans/project.schema.json", "plans/2011-14/plan.yaml"} {
		if _, err := os.Stat(filepath.Join(proj, f)); err != nil {
			t.Errorf("init wrote no %s", f)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(proj, ".gitignore")); !strings.Contains(string(b), "public/") {
		t.Errorf(".gitignore does not ignore public/:\n%s", b)
	}
	if code, out, errs := runIn(t, proj, "check", "--strict"); code != 0 || out != "" {
		t.Errorf("check --strict of the example plan: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runIn(t, proj, "build")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errs)
	}
	for _, ext := range []string{".md", ".html", ".pdf"} {
		if st, err := os.Stat(filepath.Join(proj, "public", "2011-14", "2011-14"+ext)); err != nil || st.Size() == 0 {
			t.Errorf("build wrote no 2011-14%s", ext)
		}
	}
	md, _ := os.ReadFile(filepath.Join(proj, "public", "2011-14", "2011-14.md"))
	if !strings.Contains(string(md), "Northshire Police Policing Plan 2011-14") {
		t.Errorf("the built plan does not carry the organisation's title:\n%.400s", md)
	}
	if code, _, errs := runIn(t, dir, "init", "northshire"); code != 2 || !strings.Contains(errs, "already exists") {
		t.Errorf("init over a project: exit %d, %s", code, errs)
	}
	if err := os.WriteFile(filepath.Join(dir, "afile"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runIn(t, dir, "init", "afile"); code != 2 || !strings.Contains(errs, "afile is a file, not a folder") {
		t.Errorf("init into a file: exit %d: %s", code, errs)
	}
	if code, _, errs := runIn(t, proj, "new", "2011-14"); code != 2 || !strings.Contains(errs, "already exists") {
		t.Errorf("new with an existing ID: exit %d, %s", code, errs)
	}
	code, out, errs = runIn(t, proj, "new", "2012-15")
	if code != 0 || !strings.Contains(out, "2012/13 to 2014/15") {
		t.Errorf("new 2012-15: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := runIn(t, proj, "check", "--strict", "2012-15"); code != 0 {
		t.Errorf("the minimal plan does not validate: exit %d\n%s%s", code, out, errs)
	}
}

// rolling is a plan of a fictional force with targets for every year of
// its period and results for its first, to roll forward.
const rolling = `id: 2010-13
title: Northshire Policing Plan 2010-13
kind: policing-plan
organisations: [Northshire Police Authority, Northshire Police]
owner: Northshire Police Authority
period: {first: 2010/11, last: 2012/13}
plan_years: [2010/11]
status: approved
date: 2010-03-31
version: v1.0
source: {document: northshire-2010-13.txt}
outcomes:
  - id: safer
    title: Safer streets
objectives:
  - id: reduce-burglary
    title: Reduce burglary
    outcomes: [safer]
activities:
  - {id: patrols, title: Burglary patrols, year: 2010/11, objectives: [reduce-burglary]}
  - {id: cameras, title: Street cameras, year: 2011/12, objectives: [reduce-burglary]}
measures:
  - id: burglary
    title: Number of burglaries
    kind: cpa
    unit: number
    polarity: lower
    objectives: [reduce-burglary]
    baseline: {year: 2009/10, value: "4,800"}
    targets:
      - {year: 2010/11, kind: level, text: "Reduce to 4,600", value: 4600}
      - {year: 2011/12, kind: level, text: "Reduce to 4,500", value: 4500}
      - {year: 2012/13, kind: level, text: "Reduce to 4,400", value: 4400}
    results:
      - {year: 2010/11, value: "4,550"}
budget:
  tables:
    - id: gap
      title: Budget gap
      unit: £m
      columns: [2010/11, 2011/12, 2012/13]
      rows:
        - {id: need, label: Requirement, values: [100, 104, 108]}
        - {id: funds, label: Funding, values: [100, 101, 102]}
        - {id: gap, label: Gap, values: [0, 3, 6], equals: need - funds, total: true}
`

// TestNewFrom rolls a plan forward a year and reads the result back.
func TestNewFrom(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "plans", "2010-13", "plan.yaml"), rolling)
	code, out, errs := runIn(t, dir, "new", "2011-14", "--from", "2010-13")
	if code != 0 {
		t.Fatalf("new --from: exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "2 target(s) carried for review; left behind: 1 result(s), 1 earlier target(s)") {
		t.Errorf("summary:\n%s", out)
	}
	if !strings.Contains(errs, `plans/2011-14/plan.yaml:28:9: warning: measure "burglary" target for 2011/12 awaits review (carried from 2010-13)`) {
		t.Errorf("the carried targets are not flagged for review:\n%s", errs)
	}
	p, diags := plan.Load(filepath.Join(dir, "plans", "2011-14"))
	if p == nil || diags.HasErrors() {
		t.Fatalf("the new plan does not load: %v", diags)
	}
	if p.ID != "2011-14" || p.Period.First != 2011 || p.Period.Last != 2013 || p.Status != "draft" {
		t.Errorf("id %s, period %s to %s, status %s", p.ID, p.Period.First, p.Period.Last, p.Status)
	}
	if p.Title != "Northshire Policing Plan 2011-14" || p.Version != "" || p.Date != "" || p.Source.Document != "" {
		t.Errorf("title %q, version %q, date %q, source %q: the old plan's publication facts were carried", p.Title, p.Version, p.Date, p.Source.Document)
	}
	if len(p.Predecessors) != 1 || p.Predecessors[0].ID != "2010-13" || p.Owner != "Northshire Police Authority" {
		t.Errorf("predecessors %v, owner %q", p.Predecessors, p.Owner)
	}
	if len(p.Measures) != 1 || p.Measures[0].ID != "burglary" || p.Outcomes[0].ID != "safer" || p.Objectives[0].ID != "reduce-burglary" {
		t.Fatalf("IDs not kept: %+v", p.Measures)
	}
	m := p.Measures[0]
	var years []string
	for _, tg := range m.Targets {
		years = append(years, tg.Year.String())
		if tg.Review != "carried from 2010-13" {
			t.Errorf("target %s not marked for review: %q", tg.Year, tg.Review)
		}
	}
	if !slices.Equal(years, []string{"2011/12", "2012/13"}) || len(m.Results) != 0 || m.Baseline == nil {
		t.Errorf("targets %v, results %v, baseline %v", years, m.Results, m.Baseline)
	}
	if len(p.Activities) != 1 || p.Activities[0].ID != "cameras" {
		t.Errorf("activities %+v: the 2010/11 one must be dropped", p.Activities)
	}
	tbl := p.Budget.Tables[0]
	if len(tbl.Columns) != 2 || tbl.Rows[2].Values[0].Text != "3" {
		t.Errorf("budget table %v %v: the 2010/11 column must be dropped", tbl.Columns, tbl.Rows[2].Values)
	}
	if code, _, _ := runIn(t, dir, "check", "--strict", "2011-14"); code != 1 {
		t.Errorf("targets awaiting review must fail check --strict: exit %d", code)
	}
	if code, _, errs := runIn(t, dir, "new", "2011-14", "--from", "2010-13"); code != 2 || !strings.Contains(errs, "already exists") {
		t.Errorf("rolling onto an existing plan: exit %d, %s", code, errs)
	}
}

// TestNewFromEveryPlan rolls each published plan forward a year, as its
// authority would start the next one, and expects a plan that checks and
// builds at once, with nothing but targets to review: what the roll
// leaves behind (results, their annual reports and commentary, last
// year's activities, inspection grades) takes with it the outline
// entries and placement markers that named it.
func TestNewFromEveryPlan(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(repoRoot(), "plans", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, old := range dirs {
		if st, err := os.Stat(old); err != nil || !st.IsDir() {
			continue
		}
		p, _ := plan.Load(old)
		if p == nil {
			t.Fatalf("%s does not load", old)
		}
		id := fmt.Sprintf("%d-%02d", int(p.Period.First)+1, (int(p.Period.Last)+2)%100)
		t.Run(p.ID+"->"+id, func(t *testing.T) {
			dir := t.TempDir()
			plans := filepath.Join(dir, "plans")
			if err := os.CopyFS(filepath.Join(plans, p.ID), os.DirFS(old)); err != nil {
				t.Fatal(err)
			}
			code, out, errs := runIn(t, dir, "new", id, "--from", p.ID)
			if code != 0 {
				t.Fatalf("new %s --from %s: exit %d\n%s%s", id, p.ID, code, out, errs)
			}
			code, stdout, errs := runIn(t, dir, "check", id)
			if code != 0 || strings.Contains(stdout, "error:") {
				t.Errorf("check %s: exit %d\n%s%s", id, code, stdout, errs)
			}
			for _, line := range strings.Split(stdout, "\n") {
				if strings.Contains(line, "warning:") && !strings.Contains(line, "awaits review") {
					t.Errorf("check %s: a warning other than a target to review:\n%s", id, line)
				}
			}
			if code, out, errs := runIn(t, dir, "build", id, "--format", "md,html"); code != 0 {
				t.Errorf("build %s: exit %d\n%s%s", id, code, out, errs)
			}
		})
	}
}

// TestBrokenPlanOneError breaks the example plan in each way a new author
// does and expects one error, first, at the line to fix.
func TestBrokenPlanOneError(t *testing.T) {
	dir := t.TempDir()
	if code, out, errs := runIn(t, dir, "init", "--organisation", "Northshire Police"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	planDir := filepath.Join(dir, "plans", "2011-14")
	originals := map[string]string{}
	for _, f := range []string{"plan.yaml", "measures.yaml", "budget.yaml"} {
		b, err := os.ReadFile(filepath.Join(planDir, f))
		if err != nil {
			t.Fatal(err)
		}
		originals[f] = string(b)
	}
	for _, tt := range []struct {
		name, file, old, new string
		want                 string // the first line of output
	}{
		{"tab in plan.yaml", "plan.yaml", "\n  - id: reduce-burglary\n", "\n  - id: reduce-burglary\n\t", "plans/2011-14/plan.yaml:23:1: error: tab character in indentation"},
		{"misspelt key", "plan.yaml", "\ntitle: ", "\ntitel: ", `plans/2011-14/plan.yaml:5:1: error: unknown key "titel" in plan`},
		{"items do not add up", "budget.yaml", "amount: £24.0m", "amount: £26.5m", `plans/2011-14/budget.yaml:11:14: error: breakdown "revenue": items add up to £122.5m, not the stated total £120.0m (difference -£2.5m)`},
		{"shares do not add up", "budget.yaml", "share: 20%", "share: 21%", `plans/2011-14/budget.yaml:7:7: error: breakdown "revenue": shares add up to 101%, not 100% (difference 1pp)`},
		{"fraction for a percentage", "measures.yaml", "text: 90%, value: 90%", "text: 90%, value: 0.9", `plans/2011-14/measures.yaml:22:56: error: measure "emergency-response" target "0.9": did you mean 90%?`},
		{"text and value disagree", "measures.yaml", "text: 92%, value: 92%", "text: 92%, value: 93%", `plans/2011-14/measures.yaml:24:9: error: measure "emergency-response" target for 2013/14: the text "92%" does not state the value 93%`},
		// YAML's own traps, each reported as what it is.
		{"figure with a comma in braces", "measures.yaml", `value: "4,600"`, "value: 4,600", `plans/2011-14/measures.yaml:10:38: error: value: 4,600 is read as value: 4 and a key "600", because in { } a comma separates entries`},
		{"a # cutting the title short", "plan.yaml", "\ntitle: ", "\ntitle: Priority #1 ", `plans/2011-14/plan.yaml:5:8: error: "Priority #1 Northshire Police Policing P…" is read as "Priority" and a comment "#1 Northshire Police Policing Plan 2011-…", since # after a space starts one`},
		{"figure with a space", "measures.yaml", "value: 88%}", "value: 88 %}", `plans/2011-14/measures.yaml:20:38: error: measure "emergency-response" baseline "88 %" is not a figure: it would be printed as written but never counted (no status or chart)`},
		{"year with a hyphen", "plan.yaml", "year: 2011/12", "year: 2011-12", `plans/2011-14/plan.yaml:34:11: error: "2011-12" is not a financial year: write it as 2011/12`},
		{"one outcome without brackets", "plan.yaml", "outcomes: [safer-communities]", "outcomes: safer-communities", `plans/2011-14/plan.yaml:24:15: error: "outcomes" must be a list, found the value "safer-communities"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer writeFile(t, filepath.Join(planDir, tt.file), originals[tt.file])
			if !strings.Contains(originals[tt.file], tt.old) {
				t.Fatalf("%s holds no %q", tt.file, tt.old)
			}
			writeFile(t, filepath.Join(planDir, tt.file), strings.Replace(originals[tt.file], tt.old, tt.new, 1))
			code, out, _ := runIn(t, dir, "check")
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if code != 1 || lines[0] != tt.want {
				t.Errorf("exit %d, first line:\n got: %s\nwant: %s", code, lines[0], tt.want)
			}
			if n := strings.Count(out, ": error: "); n != 1 {
				t.Errorf("%d errors, want exactly one:\n%s", n, out)
			}
			if code, _, _ := runIn(t, dir, "build"); code != 1 {
				t.Errorf("build published it: exit %d", code)
			}
		})
	}
}

// trendPlan is a plan of organisation org reporting burglary for year.
func trendPlan(id, org, first, last, year, value, pred string) string {
	s := "id: " + id + "\ntitle: Plan " + id + "\nkind: policing-plan\norganisations: [" + org + "]\n" +
		"period: {first: " + first + ", last: " + last + "}\nstatus: approved\n"
	if pred != "" {
		s += "predecessors: [" + pred + "]\n"
	}
	return s + `measures:
  - id: burglary
    title: Number of burglaries
    kind: cpa
    unit: number
    polarity: lower
    targets:
      - {year: ` + year + `, kind: level, text: "Reduce to 5,000", value: 5000}
    results:
      - {year: ` + year + `, value: "` + value + `"}
`
}

// TestOtherOrganisationSharesNoTrend: a second force's plan with the same
// measure IDs must not reach the first force's report; its own earlier plan
// does.
func TestOtherOrganisationSharesNoTrend(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "plans", "2010-13", "plan.yaml"), trendPlan("2010-13", "Northshire Police", "2010/11", "2012/13", "2010/11", "4,550", ""))
	writeFile(t, filepath.Join(dir, "plans", "south-2009-12", "plan.yaml"), trendPlan("south-2009-12", "Southshire Police", "2009/10", "2011/12", "2009/10", "9,999", ""))
	report := func() string {
		t.Helper()
		code, out, errs := runIn(t, dir, "report", "2010-13", "--year", "2010/11", "--format", "md")
		if code != 0 {
			t.Fatalf("report: exit %d\n%s%s", code, out, errs)
		}
		b, err := os.ReadFile(filepath.Join(dir, "public", "2010-13", "2010-13-report-2010-11.md"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if md := report(); strings.Contains(md, "9,999") || strings.Contains(md, "south-2009-12") || strings.Contains(md, "# Trends") {
		t.Errorf("Southshire's figures reached Northshire's report:\n%s", md)
	}
	// The same figures, as Northshire's own earlier plan, make a trend.
	writeFile(t, filepath.Join(dir, "plans", "2009-12", "plan.yaml"), trendPlan("2009-12", "Northshire Police", "2009/10", "2011/12", "2009/10", "4,700", ""))
	if md := report(); !strings.Contains(md, "4,700") || !strings.Contains(md, "Trends") {
		t.Errorf("Northshire's own earlier plan is not in the trend:\n%s", md)
	}
}
