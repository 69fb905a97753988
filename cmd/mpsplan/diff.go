package main

import (
	"bufio"
	"io"
	"os"
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
touching the work tree.

Exit status, as diff(1): 0 no differences, 1 differences, 2 trouble (a plan
that does not load, a bad revision, a usage error). --quiet prints nothing but
trouble.`,
		Example: `  mpsplan diff 2006-09-draft 2006-09
  mpsplan diff 2008-11@HEAD~1 2008-11 --format markdown
  mpsplan diff 2007-10 2008-11 --format json`,
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
			var diags plan.Diagnostics
			for i, arg := range args {
				p, ds, err := e.loadSide(arg)
				if err != nil {
					return err
				}
				sides[i] = p
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
			r := diff.Compare(sides[0], sides[1])
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
// plan is that plan, even with an @ in its name.
func (e *env) loadSide(arg string) (*plan.Plan, plan.Diagnostics, error) {
	if where, rev, ok := strings.Cut(arg, "@"); ok {
		if _, err := e.resolveOne(arg); err != nil {
			dir := where
			if !strings.ContainsAny(where, `/\`) && where != "." && where != ".." {
				dir = filepath.Join(e.plansDir, where)
			}
			p, ds, err := diff.LoadGit(dir, rev)
			if err != nil {
				return nil, nil, &exitError{code: exitUsage, err: err}
			}
			return p, ds, nil
		}
	}
	dir, err := e.resolveOne(arg)
	if err != nil {
		return nil, nil, err
	}
	p, ds := plan.Load(dir)
	return p, ds, nil
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
