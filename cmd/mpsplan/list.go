package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

// listEntry is one plan in list --format json.
type listEntry struct {
	ID     string `json:"id"`
	Dir    string `json:"dir"`
	Title  string `json:"title,omitempty"`
	Kind   string `json:"kind,omitempty"`
	First  string `json:"first,omitempty"`
	Last   string `json:"last,omitempty"`
	Status string `json:"status,omitempty"`
	// StatusLabel is the status in the words of the title block:
	// "Proposed, no approval recorded"; the text listing prints it.
	StatusLabel  string   `json:"status_label,omitempty"`
	Organisation string   `json:"organisation,omitempty"`
	Predecessors []string `json:"predecessors,omitempty"`
	VersionOf    string   `json:"version_of,omitempty"`
	// Loads is false for a plan with errors; its diagnostics are in check.
	Loads  bool `json:"loads"`
	Errors int  `json:"errors"`
}

func newListCmd(e *env) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "list",
		Short: "List the plans with their title, period and status",
		Long: `list prints each plan under --plans: its ID, period, status and title, or
with --format json also its kind, organisation, predecessors and whether it
loads. A plan that does not load is listed as such (run mpsplan check on it).

Exit status: 0 every plan loads, 1 one does not, 2 usage.`,
		Example: `  mpsplan list
  mpsplan list --format json | jq -r '.[] | select(.status == "draft") | .id'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError("--format must be text or json, not %q", format)
			}
			dirs, err := e.resolve(nil)
			if err != nil {
				return err
			}
			entries := make([]listEntry, 0, len(dirs))
			failed := false
			for _, dir := range dirs {
				p, diags := plan.Load(dir)
				en := listEntry{ID: filepath.Base(dir), Dir: filepath.ToSlash(dir), Errors: diags.Count(plan.Error)}
				if p != nil && !diags.HasErrors() {
					en.ID, en.Title, en.Kind, en.Status = p.ID, p.Title, string(p.Kind), string(p.Status)
					en.StatusLabel = p.Status.Label()
					en.First, en.Last = p.Period.First.String(), p.Period.Last.String()
					en.Organisation, en.VersionOf, en.Loads = p.Organisation(), p.VersionOf, true
					for _, r := range p.Predecessors {
						en.Predecessors = append(en.Predecessors, r.ID)
					}
				} else {
					failed = true
				}
				entries = append(entries, en)
			}
			if format == "json" {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if err := enc.Encode(entries); err != nil {
					return err
				}
			} else {
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tPERIOD\tSTATUS\tTITLE")
				for _, en := range entries {
					if !en.Loads {
						name := terminalSafe(en.ID)
						fmt.Fprintf(tw, "%s\t\t\t(does not load: run mpsplan check %s)\n", name, name)
						continue
					}
					fmt.Fprintf(tw, "%s\t%s to %s\t%s\t%s\n", en.ID, en.First, en.Last, en.StatusLabel, terminalSafe(en.Title))
				}
				if err := tw.Flush(); err != nil {
					return err
				}
			}
			if failed {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return c
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
