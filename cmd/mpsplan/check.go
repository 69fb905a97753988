package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/plandoc"
	"github.com/spf13/cobra"
)

func newCheckCmd(e *env) *cobra.Command {
	var format string
	var strict, quiet bool
	c := &cobra.Command{
		Use:   "check [PLAN...]",
		Short: "Validate plans and report every problem",
		Long: `check loads and validates plans (all under --plans when none is named) and
prints every problem as file:line:column: severity: message, with a hint.

For CI, --format github prints GitHub Actions workflow commands (each problem
an annotation on its file and line), --format sarif a SARIF 2.1.0 log for code
scanning, --format json the diagnostics as a list. --quiet prints only what
fails the run (errors, and warnings with --strict) and no summary line.

Exit status: 0 no errors (and, with --strict, no warnings), 1 problems, 2 usage.`,
		Example: `  mpsplan check
  mpsplan check 2008-11 --strict
  mpsplan check --strict --format github
  mpsplan check --format sarif > mpsplan.sarif`,
		ValidArgsFunction: e.completePlans,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(checkFormats, format) {
				return usageError("--format must be %s, not %q", strings.Join(checkFormats, ", "), format)
			}
			dirs, err := e.resolve(args)
			if err != nil {
				return err
			}
			var all plan.Diagnostics
			for _, dir := range dirs {
				p, diags := plan.Load(dir)
				all = append(all, diags...)
				if p != nil && !diags.HasErrors() && (len(p.Outline) > 0 || len(p.Placements) > 0) {
					// The outline and placement markers name parts of the
					// document: laying it out is how to know which exist.
					if _, err := plandoc.Build(p, plandoc.Options{}); err != nil {
						if de := (*plan.DiagnosticsError)(nil); errors.As(err, &de) {
							all = append(all, de.Diags...)
						}
					}
				}
			}
			shown := all
			if quiet {
				shown = failing(all, strict)
			}
			switch format {
			case "json":
				err = shown.WriteJSON(e.stdout)
			case "github":
				err = writeGitHub(e.stdout, shown)
			case "sarif":
				err = writeSARIF(e.stdout, shown)
			default:
				err = shown.WriteText(e.stdout)
				if err == nil && !quiet {
					fmt.Fprintf(e.stderr, "checked %d plan(s): %s\n", len(dirs), all.Summary())
				}
			}
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if all.HasErrors() || strict && all.Count(plan.Warning) > 0 {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "text", "output format: "+strings.Join(checkFormats, ", "))
	c.Flags().BoolVar(&strict, "strict", false, "treat warnings as failures (for CI)")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only the problems that fail the run, and no summary")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(checkFormats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

var checkFormats = []string{"text", "json", "github", "sarif"}

// failing keeps the diagnostics that make check fail: errors, and with
// strict, warnings.
func failing(ds plan.Diagnostics, strict bool) plan.Diagnostics {
	var out plan.Diagnostics
	for _, d := range ds {
		if d.Severity == plan.Error || strict && d.Severity == plan.Warning {
			out = append(out, d)
		}
	}
	return out
}
