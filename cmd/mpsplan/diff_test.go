package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/internal/golden"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

var diffFormats = []struct{ format, ext string }{{"text", "txt"}, {"markdown", "md"}, {"json", "json"}}

// TestDiffGolden compares the fixture plans in every format.
func TestDiffGolden(t *testing.T) {
	for _, f := range diffFormats {
		t.Run(f.format, func(t *testing.T) {
			code, out, errs := mpsplan(t, "diff", "--plans", "testdata/diff/plans", "--format", f.format, "base", "changed")
			if code != exitProblems || errs != "" {
				t.Fatalf("exit %d, want 1; stderr:\n%s", code, errs)
			}
			golden.Check(t, filepath.Join(repoRoot(), "testdata", "diff", "golden", "base_changed."+f.ext), []byte(out))
		})
	}
}

// TestDiffRealPlans compares the published plans: the draft and final
// 2006-09 strategy, the 2007-10 plan with the 2008-11 plan that carries its
// measures over, and 2008-11 with the 2010-13 submission.
func TestDiffRealPlans(t *testing.T) {
	// What the issue asks each comparison to show, checked apart from the
	// golden files so that regenerating them cannot lose it.
	musts := map[string][]string{
		"2006-09-draft_2006-09": {
			"  ~ status: draft → proposed\n",
			"  ~ outcome security-reassurance: Safety and security is improved and the public feel reassured (renamed)\n",
		},
		"2007-10_2008-11": {
			"      ~ latest target: 225 (2007/08) → 325 (2008/09), +100\n",
			"      ~ latest target: 50% (2007/08) → 67% (2008/09), +17pp\n",
		},
		// Issue 16: KPI 4(b), violence with injury brought to justice, is
		// narrower than 2008-11's OBTJ rate of serious violence and serious
		// sexual offences, so it is a measure of its own, not a rename.
		"2008-11_2010-13": {
			"  + measure violence-with-injury-obtj: Percentage of Violence with Injury offences brought to justice (sanction detections)\n",
			"  - measure serious-violence-obtj: Offences Brought To Justice (OBTJ) rate of serious violence and serious sexual offences (Tier 1)\n",
		},
	}
	for _, pair := range [][2]string{{"2006-09-draft", "2006-09"}, {"2007-10", "2008-11"}, {"2008-11", "2010-13"}} {
		for _, id := range pair {
			if _, err := os.Stat(filepath.Join(repoRoot(), "plans", id)); os.IsNotExist(err) {
				t.Skipf("plans/%s does not exist yet", id)
			}
		}
		for _, f := range diffFormats {
			t.Run(pair[0]+"_"+pair[1]+"/"+f.format, func(t *testing.T) {
				code, out, errs := mpsplan(t, "diff", "--format", f.format, pair[0], pair[1])
				if code != exitProblems {
					t.Fatalf("exit %d, want 1; stderr:\n%s", code, errs)
				}
				golden.Check(t, filepath.Join(repoRoot(), "testdata", "diff", "golden", pair[0]+"_"+pair[1]+"."+f.ext), []byte(out))
				if f.format != "text" {
					return
				}
				for _, want := range musts[pair[0]+"_"+pair[1]] {
					if !strings.Contains(out, want) {
						t.Errorf("the comparison lacks %q", want)
					}
				}
			})
		}
	}
}

func TestDiffExitStatus(t *testing.T) {
	fixtures := []string{"--plans", "testdata/diff/plans"}
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // "" means stdout must be empty
		inStderr string
	}{
		{"same plan", []string{"base", "base"}, 0, "", ""},
		{"same plan, markdown says so", []string{"--format", "markdown", "base", "base"}, 0, "No differences between testdata/diff/plans/base and testdata/diff/plans/base.", ""},
		{"differences", []string{"base", "changed"}, 1, "~ status: draft → approved", ""},
		{"paths", []string{"testdata/diff/plans/base", "testdata/diff/plans/changed"}, 1, "~ status: draft → approved", ""},
		{"quiet", []string{"--quiet", "base", "changed"}, 1, "", ""},
		{"quiet, no differences", []string{"-q", "changed", "changed"}, 0, "", ""},
		{"a side does not load", []string{"base", "testdata/diff/broken"}, 2, "",
			"testdata/diff/broken/plan.yaml:12:5: error: unknown key \"titel\" in outcome"},
		{"quiet still reports trouble", []string{"-q", "testdata/diff/broken", "base"}, 2, "", "testdata/diff/broken/plan.yaml:12:5: error: unknown key"},
		{"unknown plan", []string{"base", "1999-02"}, 2, "", `no plan "1999-02"`},
		{"bad revision", []string{"base@no-such-rev", "changed"}, 2, "", "git: Not a valid object name no-such-rev"},
		{"one argument", []string{"base"}, 2, "", "accepts 2 arg(s)"},
		{"bad format", []string{"--format", "xml", "base", "changed"}, 2, "", "--format must be text, markdown or json"},
		{"bad colour", []string{"--color", "sometimes", "base", "changed"}, 2, "", "--color must be auto, always or never"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := mpsplan(t, append(append([]string{"diff"}, fixtures...), tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errs)
			}
			if (tt.stdout == "") != (out == "") || !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout, want %q:\n%s", tt.stdout, out)
			}
			if !strings.Contains(errs, tt.inStderr) || (tt.inStderr == "") != (errs == "") {
				t.Errorf("stderr, want %q:\n%s", tt.inStderr, errs)
			}
		})
	}
}

func TestDiffColor(t *testing.T) {
	args := []string{"diff", "--plans", "testdata/diff/plans", "base", "changed"}
	_, always, _ := mpsplan(t, append(args, "--color", "always")...)
	_, auto, _ := mpsplan(t, args...)
	_, never, _ := mpsplan(t, append(args, "--color", "never")...)
	if !strings.Contains(always, "\x1b[32m{+offences+}\x1b[0m") {
		t.Errorf("--color always has no colour:\n%q", always)
	}
	if strings.Contains(auto, "\x1b[") || auto != never {
		t.Errorf("auto colours output that is not a terminal")
	}
	// Stripped of its colour, the text is the same.
	for _, sgr := range []string{"\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[0m"} {
		always = strings.ReplaceAll(always, sgr, "")
	}
	if always != never {
		t.Errorf("coloured and plain text differ in words")
	}

	file, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	for _, tt := range []struct {
		mode, noColor string
		want          bool
	}{
		{"auto", "", false}, // a file is not a terminal
		{"always", "1", true},
		{"never", "", false},
	} {
		t.Setenv("NO_COLOR", tt.noColor)
		if got, err := colorFor(tt.mode, file); err != nil || got != tt.want {
			t.Errorf("colorFor(%s, NO_COLOR=%q) = %v, %v; want %v", tt.mode, tt.noColor, got, err, tt.want)
		}
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		t.Setenv("NO_COLOR", "1")
		if got, _ := colorFor("auto", tty); got {
			t.Error("auto colours a terminal although NO_COLOR is set")
		}
		t.Setenv("NO_COLOR", "")
		if got, _ := colorFor("auto", tty); !got {
			t.Error("auto does not colour a terminal")
		}
	}
}

// TestDiffGitRevisions runs the command in a repository of its own, with
// sides read from revisions, and checks the work tree is not touched.
func TestDiffGitRevisions(t *testing.T) {
	tooltest.Look(t, "git")
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	src, err := os.ReadFile(filepath.Join(repoRoot(), "testdata", "diff", "plans", "base", "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(repo, "plans", "base")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(text string) {
		if err := os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(string(src))
	git("init", "-q", "-b", "main")
	git("add", ".")
	git("commit", "-q", "-m", "draft")
	raised := strings.Replace(string(src), `text: "225", value: 225`, `text: "325", value: 325`, 1)
	write(raised)
	git("commit", "-q", "-am", "raise the target")
	// An uncommitted edit in the work tree, which HEAD must not see.
	dirty := strings.Replace(raised, "status: draft", "status: approved", 1)
	write(dirty)

	t.Chdir(repo)
	diffRun := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(append([]string{"diff"}, args...), &out, &errb)
		return code, out.String(), errb.String()
	}
	code, out, errs := diffRun("base@HEAD~1", "base@HEAD")
	want := "--- base: Policing Plan 2007-10 (plans/base@HEAD~1)\n+++ base: Policing Plan 2007-10 (plans/base@HEAD)\n\n" +
		"Measures\n  ~ measure networks-disrupted: Number of criminal networks disrupted\n      ~ target 2007/08 value: 225 → 325, +100\n"
	if code != 1 || out != want {
		t.Errorf("base@HEAD~1 base@HEAD: exit %d\n%s\nwant:\n%s\nstderr: %s", code, out, want, errs)
	}
	code, out, _ = diffRun("plans/base@main", "base")
	if code != 1 || !strings.Contains(out, "~ status: draft → approved") || strings.Contains(out, "networks-disrupted") {
		t.Errorf("plans/base@main against the work tree: exit %d\n%s", code, out)
	}
	if code, out, errs := diffRun("base@HEAD", "plans/base@HEAD"); code != 0 || out != "" {
		t.Errorf("a revision against itself: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := diffRun("base@nosuch", "base"); code != 2 || !strings.Contains(errs, "git:") {
		t.Errorf("bad revision: exit %d: %s", code, errs)
	}
	if code, _, errs := diffRun("gone", "base"); code != 2 || !strings.Contains(errs, `no plan "gone"`) {
		t.Errorf("a mistyped plan in the work tree: exit %d: %s", code, errs)
	}
	if code, _, errs := diffRun("gone@HEAD", "gone"); code != 2 || !strings.Contains(errs, "neither") {
		t.Errorf("a plan on neither side: exit %d: %s", code, errs)
	}

	// A pull request that adds a plan: absent at main, present in the work tree.
	added := filepath.Join(repo, "plans", "added")
	if err := os.MkdirAll(added, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(added, "plan.yaml"), []byte(strings.Replace(string(src), "id: base", "id: added", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = diffRun("added@main", "added")
	if code != 1 || !strings.Contains(out, "--- added (plans/added@main)\n") || !strings.Contains(out, "\n+ plan added added\n") ||
		!strings.Contains(out, "+ measure networks-disrupted") || !strings.Contains(out, "+ title: Policing Plan 2007-10") {
		t.Errorf("added@main added: exit %d\n%s\nstderr: %s", code, out, errs)
	}
	code, out, _ = diffRun("--format", "json", "added@main", "added")
	if code != 1 || !strings.Contains(out, `"plan": "added"`) {
		t.Errorf("added@main added, json: exit %d\n%s", code, out)
	}
	code, out, _ = diffRun("--format", "markdown", "added", "added@main")
	if code != 1 || !strings.Contains(out, "**Plan removed**") || !strings.Contains(out, "- **removed** measure `networks-disrupted`") {
		t.Errorf("added added@main, markdown: exit %d\n%s", code, out)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "plan.yaml")); string(got) != dirty {
		t.Error("the work tree was changed")
	}
}

// TestDiffBinary runs the built command as a reviewer would.
func TestDiffBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "mpsplan")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	want, err := os.ReadFile(filepath.Join(repoRoot(), "testdata", "diff", "golden", "base_changed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", "--plans", "testdata/diff/plans", "base", "changed"}, 1, string(want)},
		{[]string{"diff", "--plans", "testdata/diff/plans", "--quiet", "base", "changed"}, 1, ""},
		{[]string{"diff", "--plans", "testdata/diff/plans", "base", "base"}, 0, ""},
		{[]string{"diff", "--plans", "testdata/diff/plans", "base", "testdata/diff/broken"}, 2, ""},
	} {
		cmd := exec.Command(bin, tt.args...)
		cmd.Dir = repoRoot()
		cmd.Env = append(os.Environ(), "NO_COLOR=")
		out, err := cmd.Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code || string(out) != tt.want {
			t.Errorf("mpsplan %v: exit %d (want %d), stdout:\n%s", tt.args, code, tt.code, out)
		}
	}
}
