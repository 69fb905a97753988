package main

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/export"
	"github.com/spf13/cobra"
)

var exportFormats = []string{"csv", "json"}

func newExportCmd(e *env) *cobra.Command {
	var format, out string
	c := &cobra.Command{
		Use:   "export [PLAN...]",
		Short: "Export the plans' figures as open data (CSV or JSON)",
		Long: `export prints the figures of plans (all under --plans when none is named):
one row per measure (or part of a measure), year and figure, with the plan,
the measure's ID, codes, title, unit and polarity, the year and period, the
target's kind, text and value, the result's text and value, and the status
the annual report rules give it.

Values are the plans' exact decimals, printed in full (money in pounds:
241100000 for £241.1m), never rounded through a float; the texts are as the
plan prints them. CSV follows RFC 4180 in UTF-8; a cell a spreadsheet would
run as a formula (starting with =, +, -, @) gets a leading apostrophe.

Nothing is printed when a plan fails validation (its diagnostics are).
With --file the data goes to a file, written whole or not at all.

Exit status: 0 exported, 1 a plan failed validation or the file could not
be written, 2 usage.`,
		Example: `  mpsplan export > figures.csv
  mpsplan export 2006-09 --format json
  mpsplan export --file figures.csv`,
		ValidArgsFunction: e.completePlans,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(exportFormats, format) {
				return usageError("--format must be %s, not %q", strings.Join(exportFormats, " or "), format)
			}
			if err := checkFileFlag(out); err != nil {
				return err
			}
			dirs, err := e.resolve(args)
			if err != nil {
				return err
			}
			var plans []*plan.Plan
			failed := false
			for _, dir := range dirs {
				p, ok := e.loadValidFor(dir, "not exported")
				if !ok {
					failed = true
					continue
				}
				plans = append(plans, p)
			}
			if failed {
				return &exitError{code: exitProblems}
			}
			var buf bytes.Buffer
			rows := export.Rows(plans)
			if format == "json" {
				err = export.WriteJSON(&buf, rows)
			} else {
				err = export.WriteCSV(&buf, rows)
			}
			if err != nil {
				return &exitError{code: exitProblems, err: err}
			}
			if out == "" || out == "-" {
				_, err = e.stdout.Write(buf.Bytes())
				return err
			}
			if err := writeOne(out, buf.Bytes()); err != nil {
				return &exitError{code: exitProblems, err: err}
			}
			fmt.Fprintf(e.stderr, "exported %d row(s) of %d plan(s) to %s\n", len(rows), len(plans), out)
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "csv", "csv or json")
	c.Flags().StringVarP(&out, "file", "f", "", "file to write (default: standard output)")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(exportFormats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// checkFileFlag refuses, before any work, a --file that names something
// other than a regular file: the write would refuse it anyway (see
// checkTarget), and since the user chose the path, the fix is another
// path, not removing what is there (a folder, or /dev/stdout).
func checkFileFlag(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	st, err := os.Lstat(path)
	if err != nil || st.Mode().IsRegular() {
		return nil // a new file, or one to replace; other errors surface as it is written
	}
	return usageError("--file %s is a %s, not a file: name a regular file to write (it need not exist yet), or - for standard output", path, describeMode(st.Mode()))
}
