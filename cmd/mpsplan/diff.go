package main

import (
	"bufio"
	"errors"
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
	var format, color string
	var quiet bool
	c := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two versions of a plan",
		Long: `diff compares two plans item by item, matched by ID (across plans too): the
outcomes, priorities, objectives, measures, activities and budget lines added,
removed, renamed or moved; targets and figures old and new with the change
("225 → 325, +100"); reworded text word by word. Metadata comes first.

OLD and NEW are each a plan ID (2008-11), the path of a plan folder, or either
at a git revision (2008-11@HEAD~1, plans/2008-11@main), read from git without
touching the work tree. A plan that exists on one side only, at a revision or
in the work tree against a revision, is reported as a whole plan added or
removed (exit 1).

Exit status, as diff(1): 0 no differences, 1 differences, 2 trouble (a plan
that does not load, a bad revision, a usage error). --quiet prints nothing but
trouble.`,
		Example: `  mpsplan diff 2006-09-draft 2006-09
  mpsplan diff 2008-11@HEAD~1 2008-11 --format markdown
  mpsplan diff 2007-10 2008-11 --format json
  mpsplan diff 2011-14@main 2011-14          # a pull request adding the plan: "plan 2011-14 added"`,
		Args:              cobra.ExactArgs(2),
		ValidArgsFunction: e.completePlans,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "markdown" && format != "json" {
				return usageError("--format must be text, markdown or json, not %q", format)
			}
			useColor, err := colorFor(color, e.stdout)
			if err != nil {
				return err
			}
			var sides [2]*plan.Plan
			var missing [2]*absent
			var diags plan.Diagnostics
			for i, arg := range args {
				p, ds, gone, err := e.loadSide(arg)
				if err != nil {
					return err
				}
				sides[i], missing[i] = p, gone
				for _, d := range ds {
					if d.Severity == plan.Error {
						diags = append(diags, d)
					}
				}
			}
			if len(diags) > 0 {
				_ = diags.WriteText(e.stderr)
				noun := "errors"
				if len(diags) == 1 {
					noun = "error"
				}
				return usageError("cannot compare: %d %s loading the plans", len(diags), noun)
			}
			if err := e.checkMissing(args, missing); err != nil {
				return err
			}
			r := diff.Compare(sides[0], sides[1])
			if missing[0] != nil {
				r.Old = missing[0].side
			}
			if missing[1] != nil {
				r.New = missing[1].side
			}
			if !quiet {
				w := bufio.NewWriter(e.stdout)
				switch format {
				case "json":
					err = diff.WriteJSON(w, r)
				case "markdown":
					err = diff.WriteMarkdown(w, r)
				default:
					err = diff.WriteText(w, r, useColor)
				}
				if err == nil {
					err = w.Flush()
				}
				if err != nil {
					return &exitError{code: exitUsage, err: err}
				}
			}
			if !r.Empty() {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "text", "output format: text, markdown or json")
	c.Flags().StringVar(&color, "color", "auto", "colour the text output: auto (when a terminal, unless NO_COLOR is set), always or never")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing; report only by exit status")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = c.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
	return c
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
