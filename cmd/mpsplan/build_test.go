package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestBuildExitCodes(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		env      string // SOURCE_DATE_EPOCH
		code     int
		inStderr string
		files    []string // written under --out
	}{
		{name: "one plan, md and html", args: []string{"build", "2008-11", "--format", "md,html"}, code: 0,
			inStderr: "built 1 of 1 plan(s)",
			files:    []string{"2008-11/2008-11.md", "2008-11/2008-11.html", "2008-11/2008-11.csv", "2008-11/2008-11.json"}},
		{name: "format order and repeats do not matter", args: []string{"build", "2008-11", "--format", "html, MD,html"}, code: 0,
			files: []string{"2008-11/2008-11.md", "2008-11/2008-11.html", "2008-11/2008-11.csv", "2008-11/2008-11.json"}},
		{name: "all formats by default", args: []string{"build", "2008-11"}, code: 0,
			files: []string{"2008-11/2008-11.md", "2008-11/2008-11.html", "2008-11/2008-11.pdf", "2008-11/2008-11.csv", "2008-11/2008-11.json"}},
		{name: "plan that fails validation", args: []string{"build", "testdata/check/unknown-key"}, code: 1,
			inStderr: "testdata/check/unknown-key/plan.yaml:17:5: error: unknown key"},
		{name: "one plan fails, the other is built", args: []string{"build", "testdata/check/unknown-key", "2008-11", "--format", "md"}, code: 1,
			inStderr: "built 1 of 2 plan(s)", files: []string{"2008-11/2008-11.md"}},
		{name: "unknown format", args: []string{"build", "2008-11", "--format", "docx"}, code: 2, inStderr: `unknown format "docx"`},
		{name: "plans and --all", args: []string{"build", "--all", "2008-11"}, code: 2, inStderr: "not both"},
		{name: "missing template folder", args: []string{"build", "2008-11", "--templates", "no/such/folder"}, code: 2, inStderr: "--templates no/such/folder does not exist"},
		{name: "template folder a file", args: []string{"build", "2008-11", "--templates", "testdata/templates/broken/table.md.tmpl"}, code: 2,
			inStderr: "--templates testdata/templates/broken/table.md.tmpl is a file, not a folder"},
		// The plans load while the templates are parsed: a template that
		// does not parse stops the build before anything is written.
		{name: "template that does not parse", args: []string{"build", "--templates", "testdata/templates/broken"}, code: 2,
			inStderr: "testdata/templates/broken/table.md.tmpl:3: unexpected EOF"},
		{name: "bad SOURCE_DATE_EPOCH", args: []string{"build", "2008-11"}, env: "yesterday", code: 2, inStderr: "SOURCE_DATE_EPOCH"},
		{name: "unknown plan", args: []string{"build", "1999-02"}, code: 2, inStderr: `no plan "1999-02"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			if tt.env != "" {
				t.Setenv("SOURCE_DATE_EPOCH", tt.env)
			}
			code, stdout, errs := mpsplan(t, append(tt.args, "--out", out)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, errs)
			}
			if !strings.Contains(errs, tt.inStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.inStderr, errs)
			}
			var got []string
			_ = filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
				if err == nil && !info.IsDir() {
					rel, _ := filepath.Rel(out, p)
					got = append(got, filepath.ToSlash(rel))
				}
				return nil
			})
			want := tt.files
			if len(want) > 0 {
				want = append(want, manifestName) // the list of what build wrote
			}
			if strings.Join(got, " ") != strings.Join(slices.Sorted(slices.Values(want)), " ") {
				t.Errorf("files written: %v, want %v", got, tt.files)
			}
		})
	}
}

// TestBuildCheck: --check writes nothing, is quiet when the output is up
// to date, and names every file that differs or is missing.
func TestBuildCheck(t *testing.T) {
	out := t.TempDir()
	args := []string{"build", "2008-11", "2010-13", "--format", "md,html", "--out", out}
	if code, _, errs := mpsplan(t, args...); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	if code, stdout, errs := mpsplan(t, append(args, "--check")...); code != 0 || stdout != "" {
		t.Fatalf("--check right after a build: exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	stale := filepath.Join(out, "2008-11", "2008-11.html")
	gone := filepath.Join(out, "2010-13", "2010-13.md")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := mpsplan(t, append(args, "--check")...)
	if code != 1 || !strings.Contains(stdout, stale) || !strings.Contains(stdout, gone) || strings.Count(stdout, "\n") != 2 {
		t.Errorf("--check with a stale and a missing file: exit %d, stdout:\n%s", code, stdout)
	}
	if b, _ := os.ReadFile(stale); string(b) != "old" {
		t.Error("--check rewrote a file")
	}
	if _, err := os.Stat(gone); err == nil {
		t.Error("--check wrote a missing file")
	}
}

// TestBuildCheckStray: checking every plan in every format also lists a
// document no plan produces any more; checking one plan does not.
func TestBuildCheckStray(t *testing.T) {
	out := t.TempDir()
	if code, _, errs := mpsplan(t, "build", "--out", out); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	if code, stdout, _ := mpsplan(t, "build", "--check", "--out", out); code != 0 {
		t.Fatalf("--check after build: exit %d\n%s", code, stdout)
	}
	stray := filepath.Join(out, "1999-02", "1999-02.html")
	if err := os.MkdirAll(filepath.Dir(stray), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stray, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := mpsplan(t, "build", "--check", "--out", out); code != 1 || strings.TrimSpace(stdout) != stray {
		t.Errorf("--check with a stray document: exit %d, stdout %q", code, stdout)
	}
	if code, stdout, _ := mpsplan(t, "build", "2008-11", "--check", "--out", out); code != 0 {
		t.Errorf("--check of one plan lists others' files: exit %d, stdout %q", code, stdout)
	}
}

// TestBuildLeavesFilesOnFailure: when a plan stops validating or a
// template fails, the plan's files stay as they were, every one, and no
// temporary file is left behind.
func TestBuildLeavesFilesOnFailure(t *testing.T) {
	plans := t.TempDir()
	src := filepath.Join(repoRoot(), "plans", "2008-11")
	dst := filepath.Join(plans, "2008-11")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	args := []string{"--plans", plans, "build", "2008-11", "--format", "md,html", "--out", out}
	if code, _, errs := mpsplan(t, args...); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errs)
	}
	snapshot := func() map[string]string {
		m := map[string]string{}
		ents, _ := os.ReadDir(filepath.Join(out, "2008-11"))
		for _, e := range ents {
			b, _ := os.ReadFile(filepath.Join(out, "2008-11", e.Name()))
			m[e.Name()] = string(b)
		}
		return m
	}
	before := snapshot()

	// A template that fails while the HTML is printed, after the Markdown
	// is ready: the Markdown must not be written either.
	tmpl := t.TempDir()
	if err := os.WriteFile(filepath.Join(tmpl, "title.html.tmpl"), []byte("<header>\n{{.NoSuchField}}</header>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmpl, "title.md.tmpl"), []byte("# Changed {{md .Title}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := mpsplan(t, append(args, "--templates", tmpl)...)
	if code != 1 || !strings.Contains(errs, filepath.Join(tmpl, "title.html.tmpl")+":2:") {
		t.Errorf("failing template: exit %d, stderr does not name the file and line:\n%s", code, errs)
	}
	if after := snapshot(); !equalMaps(before, after) {
		t.Error("a failed template changed the plan's files")
	}

	// The plan stops validating.
	plan := filepath.Join(dst, "plan.yaml")
	b, _ := os.ReadFile(plan)
	if err := os.WriteFile(plan, bytes.Replace(b, []byte("outcomes: [crime-reduced, "), []byte("outcomes: [crime-reduce, "), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = mpsplan(t, args...)
	if code != 1 || !strings.Contains(errs, "plan.yaml:") || !strings.Contains(errs, `"crime-reduce"`) {
		t.Errorf("invalid plan: exit %d, stderr:\n%s", code, errs)
	}
	if after := snapshot(); !equalMaps(before, after) {
		t.Error("an invalid plan changed its files")
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestBuildDate: the date comes from the plan, else SOURCE_DATE_EPOCH,
// never the clock: two builds a second apart give the same bytes.
func TestBuildDate(t *testing.T) {
	build := func(epoch string) string {
		t.Helper()
		out := t.TempDir()
		if epoch != "" {
			t.Setenv("SOURCE_DATE_EPOCH", epoch)
		} else {
			t.Setenv("SOURCE_DATE_EPOCH", "")
		}
		if code, _, errs := mpsplan(t, "build", "2008-11", "--format", "md", "--out", out); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		b, err := os.ReadFile(filepath.Join(out, "2008-11", "2008-11.md"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	none := build("")
	if strings.Contains(none, "**Date:**") {
		t.Error("a plan without a date got one without SOURCE_DATE_EPOCH")
	}
	dated := build("1700000000")
	if !strings.Contains(dated, "**Date:** 14 November 2023") {
		t.Error("SOURCE_DATE_EPOCH not used as the date")
	}
	if again := build("1700000000"); again != dated {
		t.Error("two builds with the same SOURCE_DATE_EPOCH differ")
	}
}

// TestBuildBinary builds the real binary and runs build and build --check
// on every plan, as CI does.
func TestBuildBinary(t *testing.T) {
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
	out := t.TempDir()
	run := func(args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = repoRoot()
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1700000000")
		b, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(b)
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, string(b)
	}
	if code, msg := run("build", "--all", "--out", out); code != 0 {
		t.Fatalf("build --all: exit %d\n%s", code, msg)
	}
	ids, _ := filepath.Glob(filepath.Join(repoRoot(), "plans", "*", "plan.yaml"))
	for _, p := range ids {
		id := filepath.Base(filepath.Dir(p))
		for _, ext := range []string{".md", ".html", ".pdf"} {
			if st, err := os.Stat(filepath.Join(out, id, id+ext)); err != nil || st.Size() == 0 {
				t.Errorf("%s%s not built: %v", id, ext, err)
			}
		}
	}
	if code, msg := run("build", "--check", "--out", out); code != 0 {
		t.Errorf("build --check right after build: exit %d\n%s", code, msg)
	}
	left, _ := filepath.Glob(filepath.Join(out, "*", ".*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
