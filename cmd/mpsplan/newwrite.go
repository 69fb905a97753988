package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/plandoc"
)

// writePlan writes files into a temporary folder beside dir, validates the
// plan there as if it were dir and lays out its document, and renames the
// folder into place: a plan that would not validate or build is never
// written, and no half-written folder is left behind. Warnings (targets
// awaiting review) are printed.
//
// With unplace (a plan rolled forward), a placement marker that names
// what the roll left behind (an inspection table, last year's activities)
// is removed from its text rather than refused: the old plan built, so
// such a marker is the roll's doing. It returns the markers removed, as
// "{{place: ID}} from FILE".
func (e *env) writePlan(dir string, files []plan.File, unplace bool) (*plan.Plan, []string, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, nil, &exitError{code: exitUsage, err: err}
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".new-"+filepath.Base(dir)+"-")
	if err != nil {
		return nil, nil, &exitError{code: exitUsage, err: err}
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	var removed []string
	for {
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(tmp, f.Name), f.Data, 0o644); err != nil {
				return nil, nil, &exitError{code: exitUsage, err: err}
			}
		}
		p, diags := plan.LoadFS(os.DirFS(tmp), ".", plan.LoadOptions{Display: filepath.ToSlash(dir)})
		if p != nil && !diags.HasErrors() {
			var layout plan.Diagnostics
			if _, err := plandoc.Build(p, plandoc.Options{}); err != nil {
				if de := (*plan.DiagnosticsError)(nil); errors.As(err, &de) {
					layout = de.Diags
				} else {
					return nil, nil, &exitError{code: exitProblems, err: fmt.Errorf("%s not written: %v", filepath.ToSlash(dir), err)}
				}
			}
			if unplace {
				var gone []string
				if files, gone = removeMarkers(files, layout); len(gone) > 0 {
					removed = append(removed, gone...)
					continue // lay the plan out again without them
				}
			}
			diags = append(diags, layout...)
		}
		e.printProblems(diags)
		if p == nil || diags.HasErrors() {
			return nil, nil, &exitError{code: exitProblems, err: fmt.Errorf("%s not written: the new plan would not validate (%s)", filepath.ToSlash(dir), diags.Summary())}
		}
		if err := os.Chmod(tmp, 0o755); err != nil {
			return nil, nil, &exitError{code: exitUsage, err: err}
		}
		if err := os.Rename(tmp, dir); err != nil {
			return nil, nil, &exitError{code: exitUsage, err: err}
		}
		return p, removed, nil
	}
}

// removeMarkers deletes from files the lines of the placement markers
// that diags report, and names each with its file.
func removeMarkers(files []plan.File, diags plan.Diagnostics) ([]plan.File, []string) {
	drop := map[string]map[int]bool{}
	for _, d := range diags {
		if d.Rule == "placement" && d.Pos.Line > 0 {
			name := path.Base(d.Pos.File)
			if drop[name] == nil {
				drop[name] = map[int]bool{}
			}
			drop[name][d.Pos.Line] = true
		}
	}
	var removed []string
	out := make([]plan.File, len(files))
	for i, f := range files {
		out[i] = f
		lines := drop[f.Name]
		if lines == nil {
			continue
		}
		var b bytes.Buffer
		for n, line := range bytes.SplitAfter(f.Data, []byte("\n")) {
			if lines[n+1] && plan.IsMarkerLine(string(line)) {
				removed = append(removed, fmt.Sprintf("%s from %s", bytes.TrimSpace(line), f.Name))
				continue
			}
			b.Write(line)
		}
		out[i].Data = b.Bytes()
	}
	return out, removed
}
