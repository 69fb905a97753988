package main

import (
	"fmt"
	"path/filepath"
	"text/tabwriter"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

func newListCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the plans with their title, period and status",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dirs, err := e.resolve(nil)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tPERIOD\tSTATUS\tTITLE")
			failed := false
			for _, dir := range dirs {
				p, diags := plan.Load(dir)
				if p == nil || diags.HasErrors() {
					failed = true
					fmt.Fprintf(tw, "%s\t\t\t(does not load: run mpsplan check %s)\n", filepath.Base(dir), filepath.Base(dir))
					continue
				}
				fmt.Fprintf(tw, "%s\t%s to %s\t%s\t%s\n", p.ID, p.Period.First, p.Period.Last, p.Status, p.Title)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if failed {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
}
