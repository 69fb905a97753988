package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// mpsplan runs the command in-process from the repository root, as a user
// would, and returns its exit status and output.
func mpsplan(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(repoRoot())
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// repoRoot is the repository root, absolute, so tests can chdir to it
// any number of times.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func TestCheckExitCodes(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"real plan is clean", []string{"check", "2008-11"}, 0, "", "0 errors, 0 warnings"},
		{"real plan under strict", []string{"check", "--strict", "2008-11"}, 0, "acknowledged", ""},
		{"path to a plan folder", []string{"check", "plans/2008-11"}, 0, "", "checked 1 plan(s)"},
		{"broken fixture", []string{"check", "testdata/check/unknown-key"}, 1, `testdata/check/unknown-key/plan.yaml:17:5: error: unknown key "titel" in measure`, "1 error"},
		{"warning passes without strict", []string{"check", "testdata/check/budget-sum-acknowledged"}, 0, "warning:", ""},
		{"warning fails with strict", []string{"check", "--strict", "testdata/check/budget-sum-acknowledged"}, 1, "warning:", ""},
		{"unknown plan", []string{"check", "1999-02"}, 2, "", `no plan "1999-02"`},
		{"bad flag", []string{"check", "--strikt"}, 2, "", "unknown flag: --strikt"},
		{"bad format", []string{"check", "--format", "xml", "2008-11"}, 2, "", "--format must be text, json, github, sarif"},
		{"unknown command", []string{"chek"}, 2, "", "unknown command"},
		{"no plans folder", []string{"check", "--plans", "no/such/plans"}, 2, "", "there is no plans folder no/such/plans: run from the project folder"},
		{"plans folder a file", []string{"check", "--plans", "go.mod"}, 2, "", "the plans folder go.mod is a file, not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := mpsplan(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errs)
			}
			if !strings.Contains(out, tt.inStdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.inStdout, out)
			}
			if !strings.Contains(errs, tt.inStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.inStderr, errs)
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, _ := mpsplan(t, "check", "--format", "json", "testdata/check/unknown-reference")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var diags []struct {
		Pos struct {
			File         string
			Line, Column int
		}
		Severity string
		Rule     string
		Message  string
		Hint     string
	}
	if err := json.Unmarshal([]byte(out), &diags); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(diags) != 2 || diags[0].Pos.Line != 19 || diags[0].Pos.Column != 18 || diags[0].Severity != "error" || diags[0].Rule != "reference" {
		t.Errorf("unexpected diagnostics: %+v", diags)
	}
	code, out, _ = mpsplan(t, "check", "--format", "json", "2008-11")
	if code != 0 || !strings.HasPrefix(out, "[") {
		t.Errorf("clean plan: exit %d, output %q", code, out)
	}
}

func TestListAndSchema(t *testing.T) {
	code, out, _ := mpsplan(t, "list")
	if code != 0 || !regexp.MustCompile(`(?m)^2008-11 +2008/09 to 2010/11 +Proposed, no approval recorded +Corporate Plan 2008-11$`).MatchString(out) {
		t.Errorf("list: exit %d\n%s", code, out)
	}
	// JSON keeps the YAML's word for scripts and adds the reader's.
	code, out, _ = mpsplan(t, "list", "--format", "json")
	if code != 0 || !strings.Contains(out, `"status": "proposed",
    "status_label": "Proposed, no approval recorded",`) {
		t.Errorf("list --format json: exit %d\n%s", code, out)
	}
	code, out, _ = mpsplan(t, "schema")
	if code != 0 {
		t.Fatalf("schema: exit %d", code)
	}
	committed, err := os.ReadFile("plans/plan.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(committed) {
		t.Errorf("plans/plan.schema.json is stale: run go run ./cmd/mpsplan schema > plans/plan.schema.json")
	}
	code, out, _ = mpsplan(t, "schema", "--project")
	committed, err = os.ReadFile("plans/project.schema.json")
	if code != 0 || err != nil || out != string(committed) {
		t.Errorf("plans/project.schema.json is stale (exit %d, %v): run go run ./cmd/mpsplan schema --project > plans/project.schema.json", code, err)
	}
}

func TestCompletion(t *testing.T) {
	code, out, _ := mpsplan(t, "__complete", "check", "")
	if code != 0 || !strings.Contains(out, "2008-11\n") {
		t.Errorf("completion of plan IDs: exit %d\n%s", code, out)
	}
}

// TestBinary builds the real binary and runs it the way CI and plan
// authors do, checking exit statuses and that diagnostics go to stdout.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "mpsplan")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check", "2008-11"}, 0, ""},
		{[]string{"check", "testdata/check/duplicate-id"}, 1, `error: strategy id "youth" is already used`},
		{[]string{"check", "--nope"}, 2, ""},
	} {
		cmd := exec.Command(bin, tt.args...)
		cmd.Dir = "../.."
		out, err := cmd.Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code || !strings.Contains(string(out), tt.want) {
			t.Errorf("mpsplan %v: exit %d (want %d), stdout:\n%s", tt.args, code, tt.code, out)
		}
	}
}

// TestEveryCommandHasExamples: --help of every command shows how to run it.
func TestEveryCommandHasExamples(t *testing.T) {
	root := newRoot(io.Discard, io.Discard)
	cmds := append([]*cobra.Command{root}, root.Commands()...)
	for _, c := range cmds {
		if c.Name() == "help" || c.Name() == "completion" || c.Hidden {
			continue
		}
		want := "mpsplan " + c.Name() + " "
		if c == root {
			want = "mpsplan "
		}
		if !strings.Contains(c.Example, want) {
			t.Errorf("mpsplan %s --help has no examples", c.Name())
		}
	}
}

func TestListJSON(t *testing.T) {
	code, out, _ := mpsplan(t, "list", "--format", "json")
	var got []struct {
		ID, Status, Organisation string
		Predecessors             []string
		VersionOf                string `json:"version_of"`
		Loads                    bool
	}
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || len(got) != 5 {
		t.Fatalf("list --format json: exit %d\n%s", code, out)
	}
	for _, p := range got {
		if !p.Loads || p.Organisation != "Metropolitan Police Authority" {
			t.Errorf("%+v", p)
		}
		if p.ID == "2008-11" && (len(p.Predecessors) != 1 || p.Predecessors[0] != "2007-10") {
			t.Errorf("2008-11 predecessors %v", p.Predecessors)
		}
		if p.ID == "2006-09-draft" && p.VersionOf != "2006-09" {
			t.Errorf("the draft is not a version of 2006-09: %+v", p)
		}
	}
}

// TestPrepareHeap checks that a command that runs once turns collection
// off below memoryLimit, and that serve, which runs on, keeps it.
func TestPrepareHeap(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: prepareHeap leaves the collector to them")
	}
	root := newRoot(io.Discard, io.Discard)
	for _, tc := range []struct {
		cmd     string
		percent int   // the collector's GOGC after
		limit   int64 // the memory limit after
	}{
		{"build", -1, memoryLimit},
		{"check", -1, memoryLimit},
		{"serve", 100, math.MaxInt64},
	} {
		c, _, err := root.Find([]string{tc.cmd})
		if err != nil {
			t.Fatal(err)
		}
		prepareHeap(c)
		percent := debug.SetGCPercent(100)
		limit := debug.SetMemoryLimit(math.MaxInt64)
		if percent != tc.percent || limit != tc.limit {
			t.Errorf("%s: GOGC %d, memory limit %d; want %d, %d", tc.cmd, percent, limit, tc.percent, tc.limit)
		}
	}
}
