package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds one plan file. The largest real plan is a few hundred
// kilobytes; a file a hundred times that is a mistake, and refusing it
// keeps a stray dump from exhausting memory.
const MaxFileSize = 8 << 20

// Load reads, decodes and validates the plan in folder dir. It returns the
// plan (nil when it could not be decoded at all) and every problem found.
// A plan with error diagnostics must not be rendered.
//
// Everything is read through an os.Root at the folder holding dir (plans/):
// symbolic links are followed while they stay inside it, and a plan folder
// or file that leads outside is refused, so a link to ~/.git-credentials
// is never read, let alone quoted.
func Load(dir string) (*Plan, Diagnostics) {
	display := filepath.ToSlash(filepath.Clean(dir))
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, Diagnostics{{Pos: Pos{File: display}, Severity: Error, Rule: "file", Message: "cannot read plan folder: " + err.Error()}}
	}
	root, err := os.OpenRoot(filepath.Dir(abs))
	if err != nil {
		return nil, Diagnostics{{Pos: Pos{File: display}, Severity: Error, Rule: "file", Message: "cannot read plan folder: " + unwrapPath(err).Error(),
			Hint: "give a plan ID (2008-11) or the path of a folder holding the plan's .yaml files"}}
	}
	defer root.Close()
	return LoadFS(root.FS(), filepath.Base(abs), LoadOptions{Display: display})
}

// LoadOptions say where a plan read by LoadFS comes from.
type LoadOptions struct {
	// Display names the folder in positions, as display/plan.yaml; the
	// folder's path in the file system when empty.
	Display string
	// Revision says the files are the plan as a past revision recorded it
	// (package gitfs), not a folder of the work tree: the plan's ID is not
	// checked against a folder name, since the folder is named by the work
	// tree and history is compared as it was recorded.
	Revision bool
}

// LoadFS is Load for a folder dir inside fsys, such as a git revision.
// Unless opt.Revision is set, the plan's id must be the name of dir.
func LoadFS(fsys fs.FS, dir string, opt LoadOptions) (*Plan, Diagnostics) {
	display := opt.Display
	if display == "" {
		display = dir
	}
	var diags Diagnostics
	files, err := readPlanFiles(fsys, dir, display, &diags)
	if err != nil {
		diags = append(diags, Diagnostic{Pos: Pos{File: display}, Severity: Error, Rule: "file", Message: err.Error(),
			Hint: "give a plan ID (2008-11) or the path of a folder holding the plan's .yaml files"})
		return nil, diags
	}
	if len(files) == 0 && !diags.HasErrors() {
		diags = append(diags, Diagnostic{Pos: Pos{File: display}, Severity: Error, Rule: "file", Message: "folder holds no plan files (*.yaml)",
			Hint: "a plan is a folder of YAML files; start from plans/2008-11/plan.yaml"})
		return nil, diags
	}
	p := Decode(files, &diags)
	if p != nil && len(p.unread) == 0 {
		p.Dir = display
		folder := path.Base(dir)
		if folder == "." {
			folder = path.Base(display)
		}
		// The id names the output folder and is how commands find the
		// plan: it must be the folder's name, with no exception, or two
		// folders could hold one plan and overwrite each other's output.
		if !opt.Revision && p.ID != "" && folder != "." && folder != p.ID {
			diags = append(diags, Diagnostic{Pos: p.keyPos["id"], Severity: Error, Rule: "id",
				Message: fmt.Sprintf("plan id %q does not match its folder name %q", clip(p.ID), clip(folder)),
				Hint:    "the folder name is how commands find a plan: rename one to match the other"})
		}
		Validate(p, &diags)
	}
	diags.Sort()
	var unread []string
	if p != nil {
		unread = p.unread
	}
	unreadableFirst(diags, unread)
	return p, diags
}

// unreadableFirst moves the problems that stopped a file from being read
// at all (encoding, syntax) to the front: they are the cause, and what
// follows is read without that file.
func unreadableFirst(ds Diagnostics, unread []string) {
	unreadable := func(d Diagnostic) bool { return d.Rule == "file" || slices.Contains(unread, d.Pos.File) }
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		ua, ub := unreadable(a), unreadable(b)
		switch {
		case ua && !ub:
			return -1
		case ub && !ua:
			return 1
		}
		return 0
	})
}

// unwrapPath drops the operation and path of a *fs.PathError, which the
// caller's message already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readError explains a file or folder that cannot be read, keeping the
// cause (fs.ErrNotExist...) for errors.Is; a refused symbolic link gets
// its own message.
func readError(err error, what string) error {
	if strings.Contains(err.Error(), "escapes from parent") {
		return errors.New(what + " is a symbolic link leading outside the folder that holds the plans; mpsplan reads nothing outside it")
	}
	return fmt.Errorf("cannot read %s: %w", what, unwrapPath(err))
}

// IsPlanFile reports whether a file of this name is read as part of a
// plan: its extension is .yaml or .yml, in any case (an editor on Windows
// may save Budget.YAML).
func IsPlanFile(name string) bool {
	ext := path.Ext(name)
	return strings.EqualFold(ext, ".yaml") || strings.EqualFold(ext, ".yml")
}

// textSaved reports a plan file saved with .txt after its extension
// (budget.yaml.txt), which is not read, and the name it was meant to have.
func textSaved(name string) (string, bool) {
	base, ok := strings.CutSuffix(name, path.Ext(name))
	return base, ok && strings.EqualFold(path.Ext(name), ".txt") && IsPlanFile(base)
}

// File is one plan file's name (as shown in diagnostics) and bytes.
type File struct {
	Name string
	Data []byte
}

func readPlanFiles(fsys fs.FS, dir, display string, diags *Diagnostics) ([]File, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, readError(err, "plan folder")
	}
	var files []File
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name := path.Join(display, e.Name())
		if !IsPlanFile(e.Name()) {
			if base, ok := textSaved(e.Name()); ok {
				*diags = append(*diags, Diagnostic{Pos: Pos{File: name}, Severity: Warning, Rule: "file",
					Message: fmt.Sprintf("%s is not read: plan files end in .yaml", e.Name()),
					Hint:    fmt.Sprintf("rename it %s (an editor that saves plain text may have added .txt)", base)})
			}
			continue
		}
		data, err := readLimited(fsys, path.Join(dir, e.Name()))
		if err != nil {
			*diags = append(*diags, Diagnostic{Pos: Pos{File: name}, Severity: Error, Rule: "file", Message: err.Error()})
			continue
		}
		files = append(files, File{Name: name, Data: data})
	}
	return files, nil
}

// readLimited reads a regular file of at most MaxFileSize bytes. A FIFO or
// device would block or never end, so only regular files are opened.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, readError(err, "file")
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s); a plan file is a text file", st.Mode().Type())
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, readError(err, "file")
	}
	defer f.Close()
	data, err := readAll(io.LimitReader(f, MaxFileSize+1), min(st.Size(), MaxFileSize)+1)
	if err != nil {
		return nil, readError(err, "file")
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is larger than %d MiB; a plan file is far smaller, so this is probably not a plan", MaxFileSize>>20)
	}
	return data, nil
}

// readAll reads r to its end into a buffer of size bytes, grown only if
// r holds more: io.ReadAll grows its buffer from 512 bytes by doubling,
// copying a large plan several times over.
func readAll(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

// Decode decodes the files of one plan into a Plan without validating it.
// Top-level keys may be spread over the files, each key in one file only.
func Decode(files []File, diags *Diagnostics) *Plan {
	d := newDecoder(diags)
	p := &Plan{}
	// The plan's keys are spread over its files: one map holds them all.
	seen := &keysSeen{m: map[string]Pos{}}
	var first *yaml.Node
	for _, f := range files {
		d.file, d.data, d.starts = f.Name, f.Data, nil
		root := parseFile(f, diags)
		if root == nil {
			p.unread = append(p.unread, f.Name)
			continue
		}
		if first == nil {
			first = root
			p.At = d.pos(root)
		}
		d.decodeStruct(root, reflect.ValueOf(p).Elem(), seen)
	}
	if first == nil {
		return nil
	}
	p.keyPos = seen.m
	p.Placements = d.placed
	if len(p.unread) > 0 {
		// A key may be missing only because the file that holds it could
		// not be read: that file's error is the one to fix.
		return p
	}
	d.file = p.At.File
	// Required top-level keys are checked once every file has been read.
	fake := &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	d.requireKeys(fake, d.info(reflect.TypeFor[Plan]()), seen, d.meant)
	return p
}

func lineText(data []byte, line int) string {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return strings.TrimSuffix(string(data), "\r")
}

func lineCol(data []byte, off int) (int, int) {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, utf8.RuneCount(data[start:off]) + 1
}

func badUTF8(data []byte) (int, int) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return lineCol(data, i)
		}
		i += size
	}
	return 0, 0
}

// Dirs lists the plan folders under root (folders holding a .yaml file),
// sorted by name. A folder that is a symbolic link is listed like any
// other, never skipped: Load then reads it, or refuses it when it leads
// outside root, so a check of every plan cannot pass by missing one.
func Dirs(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, e := range entries {
		dir := filepath.Join(root, e.Name())
		if e.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				continue
			}
		} else if !e.IsDir() {
			continue
		}
		inner, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		if slices.ContainsFunc(inner, func(f os.DirEntry) bool { return !f.IsDir() && IsPlanFile(f.Name()) }) {
			dirs = append(dirs, dir)
		}
	}
	return dirs, nil
}
