package main

import (
	"fmt"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

func newCheckCmd(e *env) *cobra.Command {
	var format string
	var strict bool
	c := &cobra.Command{
		Use:   "check [PLAN...]",
		Short: "Validate plans and report every problem",
		Long: `check loads and validates plans (all under --plans when none is named) and
prints every problem as file:line:column: severity: message, with a hint.

Exit status: 0 no errors (and, with --strict, no warnings), 1 problems, 2 usage.`,
		ValidArgsFunction: e.completePlans,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError("--format must be text or json, not %q", format)
			}
			dirs, err := e.resolve(args)
			if err != nil {
				return err
			}
			var all plan.Diagnostics
			for _, dir := range dirs {
				_, diags := plan.Load(dir)
				all = append(all, diags...)
			}
			if format == "json" {
				if err := all.WriteJSON(e.stdout); err != nil {
					return err
				}
			} else {
				if err := all.WriteText(e.stdout); err != nil {
					return err
				}
				fmt.Fprintf(e.stderr, "checked %d plan(s): %s\n", len(dirs), all.Summary())
			}
			if all.HasErrors() || strict && all.Count(plan.Warning) > 0 {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	c.Flags().BoolVar(&strict, "strict", false, "treat warnings as failures (for CI)")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}
