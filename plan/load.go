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
	"regexp"
	"slices"
	"strconv"
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
func Load(dir string) (*Plan, Diagnostics) {
	return LoadFS(os.DirFS(dir), ".", LoadOptions{Display: filepath.ToSlash(filepath.Clean(dir))})
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
		if base := path.Base(display); !opt.Revision && p.ID != "" && base != "." && base != p.ID {
			diags = append(diags, Diagnostic{Pos: p.keyPos["id"], Severity: Error, Rule: "id",
				Message: fmt.Sprintf("plan id %q does not match its folder name %q", p.ID, base),
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

// File is one plan file's name (as shown in diagnostics) and bytes.
type File struct {
	Name string
	Data []byte
}

func readPlanFiles(fsys fs.FS, dir, display string, diags *Diagnostics) ([]File, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot read plan folder: %w", err)
	}
	var files []File
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		name := path.Join(display, e.Name())
		data, err := readLimited(fsys, path.Join(dir, e.Name()))
		if err != nil {
			*diags = append(*diags, Diagnostic{Pos: Pos{File: name}, Severity: Error, Rule: "file", Message: err.Error()})
			continue
		}
		files = append(files, File{Name: name, Data: data})
	}
	return files, nil
}

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is larger than %d MiB; a plan file is far smaller, so this is probably not a plan", MaxFileSize>>20)
	}
	return data, nil
}

// Decode decodes the files of one plan into a Plan without validating it.
// Top-level keys may be spread over the files, each key in one file only.
func Decode(files []File, diags *Diagnostics) *Plan {
	d := newDecoder(diags)
	p := &Plan{}
	seen := map[string]Pos{}
	var first *yaml.Node
	for _, f := range files {
		d.file = f.Name
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
	p.keyPos = seen
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

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// parseFile parses one file to its root mapping, reporting problems with
// the bytes (encoding, tabs, syntax) at their position.
func parseFile(f File, diags *Diagnostics) *yaml.Node {
	bad := func(line, col int, msg, hint string) *yaml.Node {
		*diags = append(*diags, Diagnostic{Pos: Pos{File: f.Name, Line: line, Col: col}, Severity: Error, Rule: "syntax", Message: msg, Hint: hint})
		return nil
	}
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf")) // a BOM is harmless; editors on Windows add it
	if len(bytes.TrimSpace(data)) == 0 {
		return bad(0, 0, "file is empty", "a plan file holds top-level keys such as id: and title:; delete the file if it is not needed")
	}
	if !utf8.Valid(data) {
		line, col := badUTF8(data)
		return bad(line, col, "file is not valid UTF-8 text", "save the file as UTF-8 (in most editors: Save with encoding → UTF-8)")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return bad(line, col, "file contains a NUL byte; it is not a text file", "")
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		line, col, msg, hint := yamlError(data, err)
		return bad(line, col, msg, hint)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return bad(extra.Line, extra.Column, "file holds more than one YAML document (a second ---)", "put each plan in its own folder, and keep one document a file")
	} else if !errors.Is(err, io.EOF) {
		line, col, msg, hint := yamlError(data, err)
		return bad(line, col, msg, hint)
	}
	if len(doc.Content) == 0 {
		return bad(0, 0, "file is empty", "")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return bad(root.Line, root.Column, "a plan file must be a mapping of keys such as id: and title:, found "+kindName(root), "")
	}
	return root
}

func yamlError(data []byte, err error) (line, col int, msg, hint string) {
	text := err.Error()
	m := yamlLineRE.FindStringSubmatch(text)
	if m == nil {
		return 0, 0, "cannot parse YAML: " + text, ""
	}
	line, _ = strconv.Atoi(m[1])
	msg = m[2]
	if line > 0 {
		// yaml.v3 may name the line before the offending one for a tab.
		for _, n := range []int{line, line + 1} {
			l := lineText(data, n)
			if i := strings.IndexByte(l, '\t'); i >= 0 && strings.TrimLeft(l[:i], " ") == "" {
				return n, i + 1, "tab character in indentation", "YAML indents with spaces only: replace the tab with spaces"
			}
		}
		if t := strings.TrimLeft(lineText(data, line), " "); t != "" {
			col = len(lineText(data, line)) - len(t) + 1
		}
	}
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		hint = "a value containing \": \" must be quoted: title: \"Outcome: safer streets\""
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-' indicator"):
		hint = "check the indentation of this line against the one above"
	case strings.Contains(msg, "unexpected end of stream"):
		hint = "a quote (\" or ') is opened and never closed, or a list or mapping is left open"
	case strings.Contains(msg, "found character that cannot start any token"):
		hint = "quote values that start with a special character such as @, ` or %"
	}
	return line, col, "invalid YAML: " + msg, hint
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
// sorted by name.
func Dirs(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		inner, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		if slices.ContainsFunc(inner, func(f os.DirEntry) bool {
			ext := filepath.Ext(f.Name())
			return !f.IsDir() && (ext == ".yaml" || ext == ".yml")
		}) {
			dirs = append(dirs, dir)
		}
	}
	return dirs, nil
}
