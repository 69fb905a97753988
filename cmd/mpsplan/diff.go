package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/diff"
	"github.com/spf13/cobra"
)

func newDiffCmd(e *env) *cobra.Command {
	var format, color, rev string
	var quiet bool
	var maxBytes int
	c := &cobra.Command{
		Use:   "diff OLD NEW | diff --rev REV",
		Short: "Show what changed between two versions of a plan",
		Long: `diff compares two plans item by item, matched by ID (across plans too): the
outcomes, priorities, objectives, measures, activities and budget lines added,
removed, renamed, moved, re-identified (a new ID, nothing else changed) or
reordered; targets and figures old and new with the change ("225 → 325,
+100"), a figure printed otherwise with the same value as a rewording;
reworded text word by word. Metadata comes first.

OLD and NEW are each a plan ID (2008-11), the path of a plan folder, or either
at a git revision (2008-11@HEAD~1, plans/2008-11@main), read from git without
touching the work tree. A plan that exists on one side only, at a revision or
in the work tree against a revision, is reported as a whole plan added or
removed (exit 1).

--rev REV compares every plan changed between the git revision REV and the
work tree (plans added and removed included), as a pull request's CI does:
mpsplan diff --rev origin/main --format markdown. A revision missing from a
shallow clone is an error that says how to fetch it. When no plan changed,
the text format prints nothing on standard output and says so on standard
error.

--format markdown writes a pull-request comment: a summary, then the sections
with figures first, long ones folded, the whole within --max-bytes (65,536 by
default, what a GitHub comment holds), saying what it left out. --format json
is versioned; its JSON Schema is printed by mpsplan schema --diff.

Exit status, as diff(1): 0 no differences, 1 differences, 2 trouble (a plan
that does not load, a bad revision, a usage error). --quiet prints nothing but
trouble.`,
		Example: `  mpsplan diff 2006-09-draft 2006-09
  mpsplan diff 2008-11@HEAD~1 2008-11 --format markdown
  mpsplan diff 2007-10 2008-11 --format json
  mpsplan diff 2011-14@main 2011-14          # a pull request adding the plan: "plan 2011-14 added"
  mpsplan diff --rev origin/main --format markdown --max-bytes 60000`,
		Args: func(cmd *cobra.Command, args []string) error {
			if rev != "" {
				return cobra.NoArgs(cmd, args)
			}
			return cobra.ExactArgs(2)(cmd, args)
		},
		ValidArgsFunction: e.completePlans,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "markdown" && format != "json" {
				return usageError("--format must be text, markdown or json, not %q", format)
			}
			if maxBytes < 4096 {
				return usageError("--max-bytes must be at least 4096 (room for the summary), not %d", maxBytes)
			}
			useColor, err := colorFor(color, e.stdout)
			if err != nil {
				return err
			}
			var rs []*diff.Report
			if rev != "" {
				rs, err = e.compareRev(rev)
			} else {
				var r *diff.Report
				r, err = e.compareArgs(args)
				rs = []*diff.Report{r}
			}
			if err != nil {
				return err
			}
			if !quiet {
				w := bufio.NewWriter(e.stdout)
				switch {
				case format == "json":
					err = diff.WriteJSON(w, rs...)
				case format == "markdown" && len(rs) == 0:
					_, err = fmt.Fprintf(w, "## Plan changes since `%s`\n\nNo plan changed.\n", strings.ReplaceAll(rev, "`", "'"))
				case format == "markdown":
					err = diff.WriteMarkdown(w, maxBytes, rs...)
				case rev != "" && len(rs) == 0:
					// Nothing on standard output, as diff prints for no
					// difference; a word on standard error, so that a
					// reviewer sees the command ran.
					fmt.Fprintf(e.stderr, "no plan changed since %s\n", rev)
				default:
					for i, r := range rs {
						if i > 0 && err == nil {
							_, err = io.WriteString(w, "\n")
						}
						if err == nil {
							err = diff.WriteText(w, r, useColor)
						}
					}
				}
				if err == nil {
					err = w.Flush()
				}
				if err != nil {
					return &exitError{code: exitUsage, err: err}
				}
			}
			for _, r := range rs {
				if !r.Empty() {
					return &exitError{code: exitProblems}
				}
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "text", "output format: text, markdown or json")
	c.Flags().StringVar(&rev, "rev", "", "compare every plan changed between this git revision and the work tree")
	c.Flags().IntVar(&maxBytes, "max-bytes", diff.CommentLimit, "with --format markdown, the most the comment may hold")
	c.Flags().StringVar(&color, "color", "auto", "colour the text output: auto (when a terminal, unless NO_COLOR is set), always or never")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing; report only by exit status")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = c.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// compareArgs compares the two plans the arguments name.
func (e *env) compareArgs(args []string) (*diff.Report, error) {
	var sides [2]*plan.Plan
	var missing [2]*absent
	var diags plan.Diagnostics
	for i, arg := range args {
		p, ds, gone, err := e.loadSide(arg)
		if err != nil {
			return nil, err
		}
		sides[i], missing[i] = p, gone
		var invalid plan.Diagnostics
		for _, d := range ds {
			switch {
			case d.Severity != plan.Error:
			case p == nil || unreadable(d):
				diags = append(diags, d)
			default:
				invalid = append(invalid, d)
			}
		}
		if len(invalid) > 0 && len(diags) == 0 {
			// The plan reads, but breaks a rule (a sum, a stale
			// acknowledgement, one written to rules made since): the
			// diff is still what a reviewer needs, so say so and go on.
			// check is what fails CI for it.
			_ = invalid.WriteText(e.stderr)
			fmt.Fprintf(e.stderr, "mpsplan: %s does not validate (%s); compared as written\n", arg, invalid.Summary())
		}
	}
	if len(diags) > 0 {
		_ = diags.WriteText(e.stderr)
		noun := "errors"
		if len(diags) == 1 {
			noun = "error"
		}
		return nil, usageError("cannot compare: %d %s loading the plans", len(diags), noun)
	}
	if err := e.checkMissing(args, missing); err != nil {
		return nil, err
	}
	r := diff.Compare(sides[0], sides[1])
	if missing[0] != nil {
		r.Old = missing[0].side
	}
	if missing[1] != nil {
		r.New = missing[1].side
	}
	r.Old.Revision, r.New.Revision = e.revisionOf(args[0]), e.revisionOf(args[1])
	return r, nil
}

// unreadable reports whether a diagnostic is about reading the plan
// (a file, the YAML, an unknown key) rather than about what it says:
// a plan that cannot be read cannot be compared.
func unreadable(d plan.Diagnostic) bool {
	switch d.Rule {
	case "", "syntax", "unknown-key", "file":
		return true
	}
	return false
}

// revisionOf is the git revision an argument names, if any.
func (e *env) revisionOf(arg string) string {
	if _, rev, ok := strings.Cut(arg, "@"); ok {
		if _, err := e.resolveOne(arg); err != nil {
			return rev
		}
	}
	return ""
}

// compareRev compares every plan changed between rev and the work tree.
func (e *env) compareRev(rev string) ([]*diff.Report, error) {
	ids, err := diff.ChangedPlans(e.plansDir, rev)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	var rs []*diff.Report
	for _, id := range ids {
		r, err := e.compareArgs([]string{id + "@" + rev, id})
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// loadSide loads one side of a diff: a plan ID or folder, or either with
// @REV for the plan at a git revision. An argument that names an existing
// plan is that plan, even with an @ in its name. A plan folder that does
// not exist (at a revision git knows, or in the work tree) is returned as
// the missing side, for checkMissing to judge.
func (e *env) loadSide(arg string) (*plan.Plan, plan.Diagnostics, *absent, error) {
	if where, rev, ok := strings.Cut(arg, "@"); ok {
		if _, err := e.resolveOne(arg); err != nil {
			p, ds, err := diff.LoadGit(e.planDir(where), rev)
			var np *diff.NoPlanError
			if errors.As(err, &np) {
				return nil, nil, &absent{side: diff.Side{ID: path.Base(np.Dir), Source: np.Display}, atRev: true}, nil
			}
			if err != nil {
				return nil, nil, nil, &exitError{code: exitUsage, err: err}
			}
			return p, ds, nil, nil
		}
	}
	dir, err := e.resolveOne(arg)
	if err != nil {
		if _, serr := os.Stat(e.planDir(arg)); errors.Is(serr, fs.ErrNotExist) {
			return nil, nil, &absent{side: diff.Side{ID: filepath.Base(arg), Source: filepath.ToSlash(e.planDir(arg))}, err: err}, nil
		}
		return nil, nil, nil, err
	}
	p, ds := plan.Load(dir)
	return p, ds, nil, nil
}

// absent is a side of a diff whose plan folder does not exist.
type absent struct {
	side diff.Side
	// atRev: missing at a git revision; else missing from the work tree,
	// with err the message for a plan that was simply mistyped.
	atRev bool
	err   error
}

// checkMissing accepts a missing side only as a plan added or removed
// between revisions: one side must exist, and a side missing from the
// work tree counts only against a revision (otherwise it is a typo).
func (e *env) checkMissing(args []string, missing [2]*absent) error {
	if missing[0] != nil && missing[1] != nil {
		return usageError("neither %s nor %s is a plan", args[0], args[1])
	}
	for i, m := range missing {
		if m == nil || m.atRev {
			continue
		}
		other := args[1-i]
		if _, rev, ok := strings.Cut(other, "@"); !ok || rev == "" {
			return m.err
		}
	}
	return nil
}

// planDir is the folder an argument names: a plan ID under --plans, or a path.
func (e *env) planDir(arg string) string {
	if !strings.ContainsAny(arg, `/\`) && arg != "." && arg != ".." {
		return filepath.Join(e.plansDir, arg)
	}
	return arg
}

// colorFor decides whether text output is coloured: always, never, or
// (auto) when stdout is a terminal and NO_COLOR is unset or empty.
func colorFor(mode string, out io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		f, ok := out.(*os.File)
		if !ok {
			return false, nil
		}
		st, err := f.Stat()
		return err == nil && st.Mode()&os.ModeCharDevice != 0, nil
	}
	return false, usageError("--color must be auto, always or never, not %q", mode)
}
