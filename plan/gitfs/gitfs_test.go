package gitfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mpsplan/mpsplan/render/tooltest"
)

// repo makes a repository with plans/p in two commits and returns it.
func repo(t *testing.T) string {
	t.Helper()
	tooltest.Look(t, "git")
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q", "-b", "main")
	write("plans/p/plan.yaml", "id: p\n")
	write("plans/p/measures.yaml", "measures: []\n")
	run("add", ".")
	run("commit", "-q", "-m", "one")
	write("plans/p/plan.yaml", "id: p\nstatus: approved\n")
	write("plans/p/sub/x.yaml", "x\n")
	if err := os.Symlink("plan.yaml", filepath.Join(dir, "plans/p/link.yaml")); err != nil {
		t.Fatal(err)
	}
	run("add", ".")
	run("commit", "-q", "-m", "two")
	return dir
}

func TestFolderAtRevisions(t *testing.T) {
	r := repo(t)
	old, err := Open(filepath.Join(r, "plans", "p"), "HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	if old.Dir != "plans/p" || old.Display != "plans/p@HEAD~1" {
		t.Errorf("names: %q %q", old.Dir, old.Display)
	}
	// The standard library's own checks of a file system: listing, opening,
	// reading and stat all agree.
	if err := fstest.TestFS(old.FS(), "plan.yaml", "measures.yaml"); err != nil {
		t.Error(err)
	}
	if b, err := fs.ReadFile(old.FS(), "plan.yaml"); err != nil || string(b) != "id: p\n" {
		t.Errorf("plan.yaml at HEAD~1: %q, %v", b, err)
	}

	cur, err := Open(filepath.Join(r, "plans", "p"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if b, err := fs.ReadFile(cur.FS(), "plan.yaml"); err != nil || string(b) != "id: p\nstatus: approved\n" {
		t.Errorf("plan.yaml at HEAD: %q, %v", b, err)
	}
	ents, err := fs.ReadDir(cur.FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() {
			n += "/"
		}
		names = append(names, n)
	}
	// The link is not a file of the revision: its blob is a name.
	if got := strings.Join(names, " "); got != "measures.yaml plan.yaml sub/" {
		t.Errorf("listing at HEAD: %s", got)
	}
	if _, err := cur.FS().Open("sub"); err == nil {
		t.Error("a sub-folder opened")
	}
	if _, err := cur.FS().Open("../x"); err == nil {
		t.Error("an invalid path opened")
	}
}

// TestStopEarly: a reader that stops before the end (the loader's size
// limit) closes the file without waiting for git to write the rest.
func TestStopEarly(t *testing.T) {
	r := repo(t)
	f, err := Open(filepath.Join(r, "plans", "p"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	file, err := f.FS().Open("plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 2)
	if _, err := io.ReadFull(file, buf); err != nil || string(buf) != "id" {
		t.Fatalf("read %q, %v", buf, err)
	}
	if err := file.Close(); err != nil {
		t.Error(err)
	}
	if err := file.Close(); err != nil {
		t.Error("second close:", err)
	}
}

func TestTrouble(t *testing.T) {
	r := repo(t)
	tests := []struct {
		dir, rev string
		missing  bool
		want     string
	}{
		{filepath.Join(r, "plans", "p"), "nosuch", false, "git:"},
		{filepath.Join(r, "plans", "p"), "-x", false, "not a git revision"},
		{filepath.Join(r, "plans", "gone"), "HEAD", true, "no folder plans/gone at revision HEAD"},
		{filepath.Join(r, "plans", "p", "plan.yaml"), "HEAD", true, "no folder"},
		{filepath.Join(r, "plans", "p", "sub"), "HEAD~1", true, "no folder"},
		{t.TempDir(), "HEAD", false, "not in a git repository"},
	}
	for _, tt := range tests {
		f, err := Open(tt.dir, tt.rev)
		var me *MissingError
		if err == nil || f != nil || !strings.Contains(err.Error(), tt.want) || errors.As(err, &me) != tt.missing {
			t.Errorf("Open(%s, %q) = %v, %v; want an error with %q (missing %v)", tt.dir, tt.rev, f, err, tt.want, tt.missing)
		}
		if tt.missing && !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a missing folder is not fs.ErrNotExist: %v", err)
		}
	}
}
