package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// smallPlan is a plan with only the required fields (and a mission), quick
// to build in every format.
func smallPlan(id, title string) string {
	return "id: " + id + "\ntitle: " + title + `
kind: corporate-plan
organisations: [Metropolitan Police Authority]
period: {first: 2008/09, last: 2010/11}
status: draft
mission: Working together for a safer London
`
}

// writePlans writes plans (id → plan.yaml text) under a fresh plans folder.
func writePlans(t *testing.T, plans map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for id, text := range plans {
		if err := os.MkdirAll(filepath.Join(root, id), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, id, "plan.yaml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// snapshot reads every file under dir, by slash path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			data, _ := os.ReadFile(p)
			files[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return files
}

func leftovers(files map[string]string) []string {
	var left []string
	for name := range files {
		if tempRE.MatchString(filepath.Base(name)) {
			left = append(left, name)
		}
	}
	return left
}

// TestBuildFilesChangeTogether is issue 15 item 3: when writing one of a
// plan's files fails (a full disk) or renaming one fails, none of the
// plan's files changes, no temporary file is left, and the summary does
// not count the plan or its files.
func TestBuildFilesChangeTogether(t *testing.T) {
	for _, fault := range []string{"write", "rename"} {
		t.Run(fault, func(t *testing.T) {
			plans := writePlans(t, map[string]string{"p": smallPlan("p", "First")})
			out := t.TempDir()
			if code, _, errs := mpsplan(t, "build", "--plans", plans, "--out", out); code != 0 {
				t.Fatalf("first build: exit %d\n%s", code, errs)
			}
			before := snapshot(t, out)
			if err := os.WriteFile(filepath.Join(plans, "p", "plan.yaml"), []byte(smallPlan("p", "Second")), 0o644); err != nil {
				t.Fatal(err)
			}
			calls := 0
			full := errors.New("no space left on device")
			switch fault {
			case "write":
				saved := writeTemp
				t.Cleanup(func() { writeTemp = saved })
				writeTemp = func(f *os.File, data []byte) error {
					if calls++; calls == 2 {
						_, _ = f.Write(data[:len(data)/2])
						return full
					}
					return saved(f, data)
				}
			case "rename":
				saved := renameFile
				t.Cleanup(func() { renameFile = saved })
				renameFile = func(from, to string) error {
					if calls++; calls == 2 {
						return full
					}
					return saved(from, to)
				}
			}
			code, _, errs := mpsplan(t, "build", "--plans", plans, "--out", out)
			if code != 1 || !strings.Contains(errs, "no space left on device") || !strings.Contains(errs, "built 0 of 1 plan(s)") || !strings.Contains(errs, "0 file(s) written") {
				t.Errorf("exit %d, stderr:\n%s", code, errs)
			}
			after := snapshot(t, out)
			if left := leftovers(after); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
			if !equalMaps(before, after) {
				t.Errorf("the plan's files changed although one could not be written")
			}
		})
	}
}

// TestBuildRemovesStaleTemps: temporary files a killed build left behind
// are removed by the next build, and files that only look similar are not.
func TestBuildRemovesStaleTemps(t *testing.T) {
	plans := writePlans(t, map[string]string{"p": smallPlan("p", "First")})
	out := t.TempDir()
	stale := []string{"p/.p.md.123456.tmp", "p/.p.pdf.98765.old", "..mpsplan-manifest.42.tmp"}
	keep := []string{"p/notes.tmp", "p/.p.md.tmp", "p/keep.txt"}
	for _, f := range append(stale, keep...) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(out, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, errs := mpsplan(t, "build", "-v", "--plans", plans, "--out", out, "--format", "md")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, f := range stale {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("stale %s not removed", f)
		}
		if !strings.Contains(stdout, filepath.Join(out, f)) {
			t.Errorf("-v does not list the removal of %s:\n%s", f, stdout)
		}
	}
	for _, f := range keep {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s removed: %v", f, err)
		}
	}
}

// TestBuildVerboseAndQuiet: -v lists the files written, --quiet prints
// nothing but problems, and the summary counts only what was written.
func TestBuildVerboseAndQuiet(t *testing.T) {
	plans := writePlans(t, map[string]string{"p": smallPlan("p", "First")})
	out := t.TempDir()
	code, stdout, errs := mpsplan(t, "build", "-v", "--plans", plans, "--out", out, "--format", "md,html")
	want := filepath.Join(out, "p", "p.md") + "\n"
	if code != 0 || !strings.Contains(stdout, "wrote "+want) || !strings.Contains(stdout, "wrote "+filepath.Join(out, "p", "p.html")) || !strings.Contains(errs, "4 file(s) written") {
		t.Errorf("-v: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, errs)
	}
	code, stdout, errs = mpsplan(t, "build", "-v", "--plans", plans, "--out", out, "--format", "md,html")
	if code != 0 || stdout != "" || !strings.Contains(errs, "0 file(s) written") {
		t.Errorf("-v with nothing to write: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, errs)
	}
	code, stdout, errs = mpsplan(t, "build", "--quiet", "--plans", plans, "--out", out)
	if code != 0 || stdout != "" || errs != "" {
		t.Errorf("--quiet: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, errs)
	}
	if code, _, errs := mpsplan(t, "build", "-v", "--quiet", "--plans", plans, "--out", out); code != 2 || !strings.Contains(errs, "not both") {
		t.Errorf("-v --quiet: exit %d: %s", code, errs)
	}
}

// TestBuildSmallerHazards is issue 15 item 13 (the build's part): a FIFO at
// an output path is refused at once instead of hanging the build, an empty
// --out is a usage error, and --check with every format named runs the
// stray-file check as --check without --format does.
func TestBuildSmallerHazards(t *testing.T) {
	t.Run("fifo at an output path", func(t *testing.T) {
		plans := writePlans(t, map[string]string{"p": smallPlan("p", "First")})
		out := t.TempDir()
		if err := os.MkdirAll(filepath.Join(out, "p"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(filepath.Join(out, "p", "p.html"), 0o644); err != nil {
			t.Skip(err)
		}
		code, _, errs := mpsplan(t, "build", "--plans", plans, "--out", out)
		if code != 1 || !strings.Contains(errs, "named pipe (FIFO), not a regular file") {
			t.Errorf("exit %d: %s", code, errs)
		}
		if _, err := os.Stat(filepath.Join(out, "p", "p.md")); err == nil {
			t.Errorf("p.md written although p.html cannot be")
		}
	})
	t.Run("empty --out", func(t *testing.T) {
		for _, args := range [][]string{{"build", "2008-11", "--out", ""}, {"report", "2006-09", "--year", "2006/07", "--out", " "}} {
			if code, _, errs := mpsplan(t, args...); code != 2 || !strings.Contains(errs, "--out must name a folder") {
				t.Errorf("%v: exit %d: %s", args, code, errs)
			}
		}
	})
	t.Run("--out a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "public")
		if err := os.WriteFile(file, []byte("kept\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"build", "2008-11", "--out", file}, {"report", "2006-09", "--year", "2006/07", "--out", file}} {
			if code, _, errs := mpsplan(t, args...); code != 2 || !strings.Contains(errs, "--out "+file+" is a file, not a folder") {
				t.Errorf("%v: exit %d: %s", args, code, errs)
			}
		}
		if b, _ := os.ReadFile(file); string(b) != "kept\n" {
			t.Errorf("the file named by --out changed: %q", b)
		}
	})
	t.Run("check with every format named", func(t *testing.T) {
		plans := writePlans(t, map[string]string{"p": smallPlan("p", "First")})
		out := t.TempDir()
		if code, _, errs := mpsplan(t, "build", "--plans", plans, "--out", out); code != 0 {
			t.Fatalf("build: exit %d: %s", code, errs)
		}
		stray := filepath.Join(out, "gone", "gone.md")
		if err := os.MkdirAll(filepath.Dir(stray), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(stray, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, errs := mpsplan(t, "build", "--check", "--format", "pdf,md,html", "--plans", plans, "--out", out)
		if code != 1 || strings.TrimSpace(stdout) != stray || !strings.Contains(errs, "remove them by hand") {
			t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, errs)
		}
	})
}

// TestSourceDateEpochPastYear9999 is issue 15 item 9: a date past 9999
// would print as year 1000 in a PDF, so it is refused as negatives are.
func TestSourceDateEpochPastYear9999(t *testing.T) {
	for _, tt := range []struct {
		epoch string
		code  int
	}{{"253402300800", 2}, {"253402300799", 0}, {"-1", 2}} {
		t.Setenv("SOURCE_DATE_EPOCH", tt.epoch)
		code, _, errs := mpsplan(t, "build", "2008-11", "--format", "md", "--out", t.TempDir())
		if code != tt.code || tt.code == 2 && !strings.Contains(errs, "SOURCE_DATE_EPOCH") {
			t.Errorf("SOURCE_DATE_EPOCH=%s: exit %d, want %d: %s", tt.epoch, code, tt.code, errs)
		}
	}
}

// TestDuplicatePlanIDs is issue 15 item 1 on the command line: two plan
// folders with one id (given as paths) are an error before anything is
// written, since both would write the same output folder.
func TestDuplicatePlanIDs(t *testing.T) {
	a := writePlans(t, map[string]string{"p": smallPlan("p", "First")})
	b := writePlans(t, map[string]string{"p": smallPlan("p", "Copy")})
	out := t.TempDir()
	for _, args := range [][]string{{"build", "--out", out}, {"check"}} {
		code, _, errs := mpsplan(t, append(args, filepath.Join(a, "p"), filepath.Join(b, "p"))...)
		if code != 2 || !strings.Contains(errs, `two plans have the id "p"`) {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
	}
	if files := snapshot(t, out); len(files) != 0 {
		t.Errorf("files written: %v", files)
	}
	// The same plan named twice is built once.
	if code, _, errs := mpsplan(t, "build", filepath.Join(a, "p"), filepath.Join(a, "p"), "--out", out, "--format", "md"); code != 0 || !strings.Contains(errs, "built 1 of 1") {
		t.Errorf("same plan twice: exit %d: %s", code, errs)
	}
}

// TestListShowsNoControlCharacters is issue 15 item 6 for list: a title
// holding a terminal escape never reaches the terminal raw.
func TestListShowsNoControlCharacters(t *testing.T) {
	plans := writePlans(t, map[string]string{
		"p": smallPlan("p", `"Safer \e[2J London"`),
		"q": smallPlan("q", "Safer\u0085London \u009b31m"),
	})
	_, stdout, _ := mpsplan(t, "list", "--plans", plans)
	if strings.ContainsAny(stdout, "\x1b\u0085\u009b") {
		t.Errorf("control characters reach the terminal: %q", stdout)
	}
	if got := terminalSafe("a\x1b[2Jb\u009b"); got != "a\uFFFD[2Jb\uFFFD" {
		t.Errorf("terminalSafe = %q", got)
	}
}

// runBinary runs the binary in dir and returns its exit status and output.
func runBinary(t *testing.T, dir string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	b, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), string(b)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(b)
}

// TestBuildRemovesDeletedPlanOutputs is issue 18 end to end: build lists
// what it wrote in a manifest, a deleted plan's documents are reported by
// build --check and removed by build, after which build --check passes; a
// file build did not write is never removed.
func TestBuildRemovesDeletedPlanOutputs(t *testing.T) {
	plans := writePlans(t, map[string]string{"a": smallPlan("a", "A"), "b": smallPlan("b", "B")})
	work := filepath.Dir(plans)
	out := filepath.Join(t.TempDir(), "public")
	args := []string{"--plans", plans, "--out", out}
	if code, msg := runBinary(t, work, nil, append([]string{"build"}, args...)...); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, msg)
	}
	mine := filepath.Join(out, "b", "notes.md")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(plans, "b")); err != nil {
		t.Fatal(err)
	}
	code, msg := runBinary(t, work, nil, append([]string{"build", "--check"}, args...)...)
	for _, ext := range []string{".md", ".html", ".pdf"} {
		if !strings.Contains(msg, filepath.Join(out, "b", "b"+ext)) {
			t.Errorf("build --check does not report b%s", ext)
		}
	}
	if code != 1 || !strings.Contains(msg, "run mpsplan build") {
		t.Errorf("build --check after deleting a plan: exit %d\n%s", code, msg)
	}
	// Its three documents, and its figures (CSV and JSON) in the site.
	if code, msg := runBinary(t, work, nil, append([]string{"build", "-v"}, args...)...); code != 0 || !strings.Contains(msg, "5 removed") {
		t.Fatalf("build: exit %d\n%s", code, msg)
	}
	files := snapshot(t, out)
	for _, ext := range []string{".md", ".html", ".pdf"} {
		if _, ok := files["b/b"+ext]; ok {
			t.Errorf("b%s not removed", ext)
		}
		if _, ok := files["a/a"+ext]; !ok {
			t.Errorf("a%s removed", ext)
		}
	}
	if files["b/notes.md"] != "mine" {
		t.Errorf("a file build did not write was removed")
	}
	// notes.md is not build's, so --check asks for it to be removed by hand,
	// and says so; once it is gone, --check passes.
	code, msg = runBinary(t, work, nil, append([]string{"build", "--check"}, args...)...)
	if code != 1 || !strings.Contains(msg, "remove them by hand") || strings.Contains(msg, "run mpsplan build") {
		t.Errorf("build --check with a hand-made file: exit %d\n%s", code, msg)
	}
	if err := os.Remove(mine); err != nil {
		t.Fatal(err)
	}
	if code, msg := runBinary(t, work, nil, append([]string{"build", "--check"}, args...)...); code != 0 {
		t.Errorf("build --check after build: exit %d\n%s", code, msg)
	}
}

// TestBuildInterruptedBinary is issue 15 item 3's signals, end to end and
// deterministic: MPSPLAN_TEST_HOLD makes the binary stop at a known point
// and wait for the signal. SIGTERM once every temporary file is written
// leaves the old documents and no temporary file; SIGTERM in the middle of
// the renames lets them finish, so the plan is all new, never a mix.
func TestBuildInterruptedBinary(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	for _, tt := range []struct {
		stage string
		title string // the title the documents carry afterwards
	}{{"temps", "Old title"}, {"rename", "New title"}} {
		t.Run(tt.stage, func(t *testing.T) {
			plans := writePlans(t, map[string]string{"p": smallPlan("p", "Old title")})
			out := t.TempDir()
			if code, msg := runBinary(t, filepath.Dir(plans), nil, "build", "--plans", plans, "--out", out, "--format", "md,html"); code != 0 {
				t.Fatalf("build: exit %d\n%s", code, msg)
			}
			if err := os.WriteFile(filepath.Join(plans, "p", "plan.yaml"), []byte(smallPlan("p", "New title")), 0o644); err != nil {
				t.Fatal(err)
			}
			marker := filepath.Join(t.TempDir(), "held")
			cmd := exec.Command(binary(t), "build", "--plans", plans, "--out", out, "--format", "md,html")
			cmd.Env = append(os.Environ(), "MPSPLAN_TEST_HOLD="+tt.stage+":"+marker)
			var output strings.Builder
			cmd.Stdout, cmd.Stderr = &output, &output
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The binary waits at the hold for a signal, so this loop ends
			// as soon as it gets there, however loaded the machine.
			waited := make(chan error, 1)
			go func() { waited <- cmd.Wait() }()
			for held := false; !held; {
				select {
				case err := <-waited:
					t.Fatalf("build ended before the hold (%v):\n%s", err, output.String())
				case <-time.After(10 * time.Millisecond):
					_, err := os.Stat(marker)
					held = err == nil
				}
			}
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			err := <-waited
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 143 || !strings.Contains(output.String(), "interrupted by terminated") {
				t.Errorf("exit: %v, want 143\n%s", err, output.String())
			}
			files := snapshot(t, out)
			if left := leftovers(files); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
			for _, name := range []string{"p/p.md", "p/p.html"} {
				if !strings.Contains(files[name], tt.title) {
					t.Errorf("%s does not carry %q: the plan's files are a mix", name, tt.title)
				}
			}
		})
	}
}

// TestBuildWarnsMissingGlyphs is issue 15 item 10 in the build: a
// character the PDF's fonts lack is a warning naming the field and the
// item's position; NFD text the fonts have after normalisation is not.
func TestBuildWarnsMissingGlyphs(t *testing.T) {
	plans := writePlans(t, map[string]string{"p": smallPlan("p", "Cafe\u0301") + "summary: Safer London \u0645\u0631\u062d\u0628\u0627\n"})
	out := t.TempDir()
	code, _, errs := mpsplan(t, "build", "--plans", plans, "--out", out)
	if code != 0 || !strings.Contains(errs, "warning: summary: the PDF's fonts lack 'م' (U+0645)") || !strings.Contains(errs, "plan.yaml:1:1") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	if strings.Contains(errs, "title:") {
		t.Errorf("NFD text the fonts can print is reported:\n%s", errs)
	}
	if _, _, errs := mpsplan(t, "build", "--plans", plans, "--out", out, "--format", "md,html"); strings.Contains(errs, "warning") {
		t.Errorf("warned without building a PDF:\n%s", errs)
	}
}
