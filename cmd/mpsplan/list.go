package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"unicode"

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
					name := terminalSafe(filepath.Base(dir))
					fmt.Fprintf(tw, "%s\t\t\t(does not load: run mpsplan check %s)\n", name, name)
					continue
				}
				fmt.Fprintf(tw, "%s\t%s to %s\t%s\t%s\n", p.ID, p.Period.First, p.Period.Last, p.Status, terminalSafe(p.Title))
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

// terminalSafe replaces control characters (C0, DEL, C1) with U+FFFD, so
// text from a plan cannot drive the terminal that lists it. The loader
// refuses them already; this keeps list safe whatever reaches it.
func terminalSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return unicode.ReplacementChar
		}
		return r
	}, s)
}
