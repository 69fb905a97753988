package diff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

// gitRepo makes a repository holding plans/base in two commits: the base
// plan, then the same with status approved. It returns the repository.
func gitRepo(t *testing.T) string {
	t.Helper()
	tooltest.Look(t, "git")
	repo := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	dir := filepath.Join(repo, "plans", "base")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	base := readBase(t)
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q", "-b", "main")
	write("plan.yaml", base)
	write("notes.txt", "not a plan file")
	run("add", ".")
	run("commit", "-q", "-m", "draft")
	write("plan.yaml", strings.Replace(base, "status: draft", "status: approved", 1))
	run("commit", "-q", "-am", "approved")
	return repo
}

func TestLoadGit(t *testing.T) {
	repo := gitRepo(t)
	dir := filepath.Join(repo, "plans", "base")
	// The work tree has a third version, uncommitted: a revision must not see it.
	if err := os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(strings.Replace(readBase(t), "status: draft", "status: approved\nversion: dirty", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ rev, status string }{{"HEAD~1", "draft"}, {"HEAD", "approved"}, {"main", "approved"}} {
		p, diags, err := LoadGit(dir, tt.rev)
		if err != nil || diags.HasErrors() {
			t.Fatalf("LoadGit(%s): %v %v", tt.rev, err, diags)
		}
		if string(p.Status) != tt.status || p.Version != "v0.1" {
			t.Errorf("at %s: status %q version %q, want %q v0.1", tt.rev, p.Status, p.Version, tt.status)
		}
		if want := "plans/base@" + tt.rev + "/plan.yaml"; p.At.File != want {
			t.Errorf("at %s: positions name %q, want %q", tt.rev, p.At.File, want)
		}
	}
	old, _, _ := LoadGit(dir, "HEAD~1")
	new, _, _ := LoadGit(dir, "HEAD")
	r := Compare(old, new)
	if got := body(t, r); len(got) != 2 || got[1] != "  ~ status: draft → approved" {
		t.Errorf("HEAD~1 → HEAD: %q", got)
	}
	// The folder named by a path relative to the working directory.
	t.Chdir(repo)
	if p, _, err := LoadGit("plans/base", "HEAD~1"); err != nil || p.Status != "draft" {
		t.Errorf("relative path: %v", err)
	}
}

func TestLoadGitTrouble(t *testing.T) {
	repo := gitRepo(t)
	dir := filepath.Join(repo, "plans", "base")
	tests := []struct{ dir, rev, want string }{
		{dir, "nosuch", "git: Not a valid object name nosuch"},
		{dir, "HEAD~5", "git: Not a valid object name HEAD~5"},
		{dir, "--output=x", "is not a git revision"},
		{dir, "", "is not a git revision"},
		{filepath.Join(repo, "plans", "gone"), "HEAD", "no plan folder plans/gone at revision HEAD"},
		{t.TempDir(), "HEAD", "is not in a git repository"},
	}
	for _, tt := range tests {
		p, _, err := LoadGit(tt.dir, tt.rev)
		if err == nil || !strings.Contains(err.Error(), tt.want) || p != nil {
			t.Errorf("LoadGit(%s, %q) = %v, want an error with %q", tt.dir, tt.rev, err, tt.want)
		}
	}
}

// TestLoadGitBrokenPlan: a plan that does not load at a revision is
// reported with positions at that revision.
func TestLoadGitBrokenPlan(t *testing.T) {
	repo := gitRepo(t)
	dir := filepath.Join(repo, "plans", "base")
	if err := os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte("id: base\ntitle: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("git", "-C", repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-am", "broken")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	_, diags, err := LoadGit(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if !diags.HasErrors() || !strings.HasPrefix(diags[0].Pos.String(), "plans/base@HEAD/plan.yaml:") || diags[0].Pos.Line == 0 {
		t.Errorf("diagnostics: %v", diags)
	}
}

// TestLoadGitLargeFile: a file over the loader's limit at a revision is
// reported, not read.
func TestLoadGitLargeFile(t *testing.T) {
	repo := gitRepo(t)
	dir := filepath.Join(repo, "plans", "base")
	big := strings.Repeat("# padding\n", plan.MaxFileSize/10+1)
	if err := os.WriteFile(filepath.Join(dir, "big.yaml"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"add", "big.yaml"}, {"commit", "-q", "-m", "big"}} {
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=T", "-c", "user.email=t@example.org"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	// The loader's own limit applies, as to a folder of the work tree.
	_, diags, err := LoadGit(dir, "HEAD")
	if err != nil || !diags.HasErrors() || diags[0].Pos.File != "plans/base@HEAD/big.yaml" ||
		!strings.Contains(diags[0].Message, "larger than 8 MiB") {
		t.Errorf("LoadGit with a large file: %v, %v", diags, err)
	}
}
