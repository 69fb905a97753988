// Package gitfs reads one folder of a git repository as it was at a
// revision, as an fs.FS, without touching the work tree or the index. The
// plan loader reads it exactly as it reads a folder on disk, so a plan at
// HEAD~1 is held to the same rules, limits and messages as one in the work
// tree.
package gitfs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Folder is one folder of a repository at a revision.
type Folder struct {
	// Repo is the top of the work tree of the repository.
	Repo string
	// Dir is the folder's slash path inside the repository, "." for its top.
	Dir string
	// Rev is the revision as given: HEAD~1, main, a commit.
	Rev string
	// Display names the folder at the revision for messages:
	// plans/2008-11@HEAD~1 (the repository's folder name for its top).
	Display string

	entries []entry
}

type entry struct {
	name, oid string
	dir       bool
	size      int64
}

// Open finds the repository holding dir (a path in the work tree, which
// need not exist there any more) and lists the folder at revision rev. A
// folder that does not exist at rev is a *MissingError;
// any other error is trouble with git, the repository or the revision.
func Open(dir, rev string) (*Folder, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		// A leading dash would reach git as an option.
		return nil, fmt.Errorf("%q is not a git revision: write PLAN@REV, such as 2008-11@HEAD~1 or 2008-11@main", rev)
	}
	top, rel, err := repoPath(dir)
	if err != nil {
		return nil, err
	}
	f := &Folder{Repo: top, Dir: rel, Rev: rev, Display: rel + "@" + rev}
	if rel == "." {
		f.Display = filepath.Base(top) + "@" + rev
	}
	args := []string{"ls-tree", "-z", "-l", "--full-tree", rev}
	if rel != "." {
		args = append(args, "--", rel+"/")
	}
	out, err := git(top, nil, args...)
	if err != nil {
		return nil, err
	}
	for _, rec := range strings.Split(string(out), "\x00") {
		meta, name, ok := strings.Cut(rec, "\t")
		m := strings.Fields(meta)
		if !ok || len(m) != 4 {
			continue
		}
		mode, typ := m[0], m[1]
		switch {
		case typ == "tree":
			f.entries = append(f.entries, entry{name: path.Base(name), dir: true})
		case typ == "blob" && mode != "120000":
			// A symbolic link's blob is its target's name, not the file's
			// bytes; submodules (commit) have no bytes here at all.
			size, _ := strconv.ParseInt(m[3], 10, 64)
			f.entries = append(f.entries, entry{name: path.Base(name), oid: m[2], size: size})
		}
	}
	if len(f.entries) == 0 && !f.exists() {
		return nil, &MissingError{Dir: rel, Rev: rev, Display: f.Display}
	}
	return f, nil
}

// MissingError says that a revision holds no folder Dir: it was added
// after the revision, or removed before it.
type MissingError struct {
	Dir, Rev string
	// Display names the folder at the revision, as Folder.Display would.
	Display string
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("no folder %s at revision %s", e.Dir, e.Rev)
}

// Unwrap makes a missing folder an fs.ErrNotExist.
func (e *MissingError) Unwrap() error { return fs.ErrNotExist }

// exists tells an empty listing of an existing folder (one holding only
// links) from a folder that is not there.
func (f *Folder) exists() bool {
	if f.Dir == "." {
		return true
	}
	out, err := git(f.Repo, nil, "cat-file", "-t", f.Rev+":"+f.Dir)
	return err == nil && strings.TrimSpace(string(out)) == "tree"
}

// FS returns the folder's files as a file system rooted at the folder:
// its regular files, which are read from git when opened, and its
// sub-folders, listed but not opened.
func (f *Folder) FS() fs.FS { return folderFS{f} }

type folderFS struct{ f *Folder }

func (s folderFS) lookup(name string) (*entry, error) {
	if !fs.ValidPath(name) {
		return nil, fs.ErrInvalid
	}
	for i := range s.f.entries {
		if s.f.entries[i].name == name {
			return &s.f.entries[i], nil
		}
	}
	return nil, fs.ErrNotExist
}

// Open opens the folder itself (".") or one of its files.
func (s folderFS) Open(name string) (fs.File, error) {
	if name == "." {
		return &dirFile{fs: s}, nil
	}
	e, err := s.lookup(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if e.dir {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("sub-folders at a revision are not read")}
	}
	// The blob is streamed, so a reader that stops early (the loader's
	// size limit) never holds a huge file in memory.
	cmd := exec.Command("git", "-C", s.f.Repo, "cat-file", "blob", e.oid)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("cannot run git: %w", err)}
	}
	return &blobFile{e: e, cmd: cmd, out: out, stderr: &stderr}, nil
}

// ReadDir lists the folder, sorted by name as fs.ReadDir promises.
func (s folderFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, len(s.f.entries))
	for i := range s.f.entries {
		out[i] = fs.FileInfoToDirEntry(info{&s.f.entries[i]})
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

type info struct{ e *entry }

func (i info) Name() string       { return i.e.name }
func (i info) Size() int64        { return i.e.size }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return i.e.dir }
func (i info) Sys() any           { return nil }
func (i info) Mode() fs.FileMode {
	if i.e.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

type blobFile struct {
	e      *entry
	cmd    *exec.Cmd
	out    io.ReadCloser
	stderr *bytes.Buffer
	closed bool
	eof    bool
}

func (b *blobFile) Stat() (fs.FileInfo, error) { return info{b.e}, nil }

func (b *blobFile) Read(p []byte) (int, error) {
	if b.eof {
		return 0, io.EOF
	}
	if b.closed {
		return 0, fs.ErrClosed
	}
	n, err := b.out.Read(p)
	if err == io.EOF {
		b.eof = true
		// git's exit status says whether the bytes were the whole blob.
		if werr := b.wait(); werr != nil {
			return n, werr
		}
	}
	return n, err
}

func (b *blobFile) wait() error {
	if b.closed {
		return nil
	}
	b.closed = true
	if err := b.cmd.Wait(); err != nil {
		return fmt.Errorf("git cat-file: %s", strings.TrimSpace(strings.TrimPrefix(b.stderr.String(), "fatal: ")))
	}
	return nil
}

// Close stops git if the file was not read to its end.
func (b *blobFile) Close() error {
	if b.closed {
		return nil
	}
	b.closed = true
	_ = b.out.Close()
	_ = b.cmd.Process.Kill()
	_ = b.cmd.Wait() // reaps the process; its exit status is that of the kill
	return nil
}

// dirFile is the folder itself, opened as ".".
type dirFile struct {
	fs   folderFS
	list []fs.DirEntry
	read bool
}

func (d *dirFile) Stat() (fs.FileInfo, error) {
	return info{&entry{name: ".", dir: true}}, nil
}

func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: ".", Err: errors.New("is a folder")}
}

func (d *dirFile) Close() error { return nil }

// ReadDir lists the folder in steps of n entries, as fs.ReadDirFile says.
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if !d.read {
		d.list, _ = d.fs.ReadDir(".")
		d.read = true
	}
	if n <= 0 {
		out := d.list
		d.list = nil
		return out, nil
	}
	if len(d.list) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.list))
	out := d.list[:n]
	d.list = d.list[n:]
	return out, nil
}

// RepoPath finds the repository holding dir (which need not exist in the
// work tree any more) and dir's slash path inside it.
func RepoPath(dir string) (top, rel string, err error) { return repoPath(dir) }

// Git runs git in the repository at top and returns its output, or an
// error carrying git's own reason.
func Git(top string, args ...string) ([]byte, error) { return git(top, nil, args...) }

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
