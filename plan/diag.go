package plan

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Pos is a position in a plan file. Line and Col are 1-based; zero means
// unknown (a problem with a whole file or folder).
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"column,omitempty"`
}

// String formats the position as file:line:column, the form editors and
// terminals turn into links.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity ranks a diagnostic.
type Severity int

// Severities, most serious first.
const (
	Error Severity = iota
	Warning
	Note
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// MarshalText writes the severity as a word in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in a plan. It is an error value, so it
// can be wrapped and matched with errors.As.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	// Rule names the check, so a source's known inconsistency can be
	// acknowledged for exactly that check.
	Rule    string `json:"rule"`
	Message string `json:"message"`
	// Hint says how to fix it, when there is something useful to say.
	Hint string `json:"hint,omitempty"`
}

func (d Diagnostic) Error() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message)
}

// Diagnostics is the list of problems found in one run.
type Diagnostics []Diagnostic

// Sort orders by file, line, column and then severity, so the output of a
// run is stable and reads top to bottom like the files.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns the number of diagnostics of severity s.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool { return ds.Count(Error) > 0 }

// Err returns the diagnostics as an error when there are errors, else nil.
func (ds Diagnostics) Err() error {
	if !ds.HasErrors() {
		return nil
	}
	return &DiagnosticsError{Diags: ds}
}

// DiagnosticsError carries the problems that stopped a plan from loading.
type DiagnosticsError struct{ Diags Diagnostics }

func (e *DiagnosticsError) Error() string {
	var first Diagnostic
	for _, d := range e.Diags {
		if d.Severity == Error {
			first = d
			break
		}
	}
	n := e.Diags.Count(Error)
	if n == 1 {
		return first.Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", first.Error(), n-1)
}

// WriteText writes diagnostics one a line, each hint indented under it.
func (ds Diagnostics) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s: %s: %s\n", d.Pos, d.Severity, d.Message)
		if d.Hint != "" {
			fmt.Fprintf(&b, "\thint: %s\n", d.Hint)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes diagnostics as a JSON array (never null).
func (ds Diagnostics) WriteJSON(w io.Writer) error {
	if ds == nil {
		ds = Diagnostics{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ds)
}

// Summary is a one-line count such as "2 errors, 1 warning".
func (ds Diagnostics) Summary() string {
	part := func(n int, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return fmt.Sprintf("%d %ss", n, word)
	}
	return strings.Join([]string{
		part(ds.Count(Error), "error"),
		part(ds.Count(Warning), "warning"),
		part(ds.Count(Note), "note"),
	}, ", ")
}
