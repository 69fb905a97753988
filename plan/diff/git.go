package diff

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/mpsplan/mpsplan/plan"
)

// LoadGit loads the plan in folder dir (a path in the work tree, which need
// not exist there any more) as it was at revision rev of the git repository
// holding it, without touching the work tree or the index. Positions name
// the files as plans/2008-11@HEAD~1/plan.yaml. The error is for trouble
// outside the plan (no repository, a bad revision, no such folder at that
// revision); problems in the plan come back as diagnostics.
func LoadGit(dir, rev string) (*plan.Plan, plan.Diagnostics, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		// A leading dash would reach git as an option.
		return nil, nil, fmt.Errorf("%q is not a git revision: write PLAN@REV, such as 2008-11@HEAD~1 or 2008-11@main", rev)
	}
	top, rel, err := repoPath(dir)
	if err != nil {
		return nil, nil, err
	}
	display := rel + "@" + rev
	if rel == "." {
		display = filepath.Base(top) + "@" + rev
	}
	entries, err := lsTree(top, rev, rel)
	if err != nil {
		return nil, nil, err
	}
	if len(entries) == 0 {
		return nil, nil, &NoPlanError{Dir: rel, Rev: rev, Display: display}
	}
	var diags plan.Diagnostics
	var want []treeEntry
	for _, e := range entries {
		ext := path.Ext(e.name)
		switch {
		case e.typ != "blob" || e.mode == "120000" || (ext != ".yaml" && ext != ".yml"):
			// Only regular YAML files make a plan; Load ignores the rest too.
		case e.size > plan.MaxFileSize:
			diags = append(diags, plan.Diagnostic{Pos: plan.Pos{File: display + "/" + e.name}, Severity: plan.Error, Rule: "file",
				Message: fmt.Sprintf("file is larger than %d MiB; a plan file is far smaller, so this is probably not a plan", plan.MaxFileSize>>20)})
		default:
			want = append(want, e)
		}
	}
	if diags.HasErrors() {
		return nil, diags, nil
	}
	// The loader reads an fs.FS; MapFS is the standard library's in-memory one.
	fsys := fstest.MapFS{}
	if err := catFiles(top, want, func(e treeEntry, data []byte) {
		fsys[path.Join(rel, e.name)] = &fstest.MapFile{Data: data, Mode: 0o644}
	}); err != nil {
		return nil, nil, err
	}
	if len(want) == 0 {
		// An empty folder is still a folder to the loader, which then says
		// it holds no plan files.
		fsys[rel] = &fstest.MapFile{Mode: os.ModeDir | 0o755}
	}
	p, ds := plan.LoadFS(fsys, rel, display)
	return p, ds, nil
}

// NoPlanError says that a revision git knows holds no plan folder dir: the
// plan was added after it, or removed before it. diff reports that as a
// whole plan added or removed rather than as trouble.
type NoPlanError struct {
	Dir, Rev string
	// Display names the missing side as a loaded plan would be named.
	Display string
}

func (e *NoPlanError) Error() string {
	return fmt.Sprintf("no plan folder %s at revision %s", e.Dir, e.Rev)
}

// repoPath finds the repository holding dir and dir's slash path inside it.
func repoPath(dir string) (top, rel string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	// The folder may be gone from the work tree; ask git from the nearest
	// folder that exists, with symlinks resolved as git resolves them.
	existing, rest := abs, ""
	for {
		if st, err := os.Stat(existing); err == nil && st.IsDir() {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			return "", "", fmt.Errorf("cannot find a folder of %s", dir)
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	if real, err := filepath.EvalSymlinks(existing); err == nil {
		existing = real
	}
	out, err := git(existing, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", "", fmt.Errorf("%s is not in a git repository: %w", dir, err)
	}
	top = strings.TrimSpace(string(out))
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	r, err := filepath.Rel(top, filepath.Join(existing, rest))
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", "", fmt.Errorf("%s is outside the git repository at %s", dir, top)
	}
	return top, filepath.ToSlash(r), nil
}

type treeEntry struct {
	mode, typ, oid, name string
	size                 int64
}

// lsTree lists the entries of folder rel at rev.
func lsTree(top, rev, rel string) ([]treeEntry, error) {
	args := []string{"ls-tree", "-z", "-l", "--full-tree", rev}
	if rel != "." {
		args = append(args, "--", rel+"/")
	}
	out, err := git(top, nil, args...)
	if err != nil {
		return nil, err
	}
	var entries []treeEntry
	for _, rec := range strings.Split(string(out), "\x00") {
		meta, name, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 {
			continue
		}
		size, _ := strconv.ParseInt(f[3], 10, 64) // "-" for a folder
		entries = append(entries, treeEntry{mode: f[0], typ: f[1], oid: f[2], name: path.Base(name), size: size})
	}
	return entries, nil
}

// catFiles reads the blobs of entries with one git cat-file --batch.
func catFiles(top string, entries []treeEntry, got func(treeEntry, []byte)) error {
	if len(entries) == 0 {
		return nil
	}
	var in bytes.Buffer
	for _, e := range entries {
		in.WriteString(e.oid + "\n")
	}
	out, err := git(top, &in, "cat-file", "--batch")
	if err != nil {
		return err
	}
	r := bufio.NewReader(bytes.NewReader(out))
	for _, e := range entries {
		header, err := r.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: short output reading %s", e.name)
		}
		f := strings.Fields(header)
		if len(f) != 3 || f[1] != "blob" {
			return fmt.Errorf("git cat-file: cannot read %s: %s", e.name, strings.TrimSpace(header))
		}
		n, err := strconv.Atoi(f[2])
		if err != nil || n < 0 || n > plan.MaxFileSize {
			return fmt.Errorf("git cat-file: bad size for %s: %s", e.name, strings.TrimSpace(header))
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(r, data); err != nil {
			return fmt.Errorf("git cat-file: short output reading %s", e.name)
		}
		if _, err := r.Discard(1); err != nil {
			return fmt.Errorf("git cat-file: short output reading %s", e.name)
		}
		got(e, data)
	}
	return nil
}

// git runs git in dir and returns its output, or an error carrying git's
// own reason ("Not a valid object name nosuch").
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(stderr.String())
			msg = strings.TrimPrefix(msg, "fatal: ")
			if msg == "" {
				msg = err.Error()
			}
			return nil, errors.New("git: " + msg)
		}
		return nil, fmt.Errorf("cannot run git: %w", err)
	}
	return stdout.Bytes(), nil
}
