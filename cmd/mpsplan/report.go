package main

import (
	"errors"
	"fmt"
	"github.com/mpsplan/mpsplan/render/theme"
	"github.com/mpsplan/mpsplan/themes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/markup"
	"github.com/mpsplan/mpsplan/render/plandoc"

	"github.com/mpsplan/mpsplan/render/report"
	"github.com/spf13/cobra"
)

func newReportCmd(e *env) *cobra.Command {
	var (
		yearArg   string
		formatArg string
		out       string
		tmplDir   string
	)
	c := &cobra.Command{
		Use:   "report PLAN --year YEAR",
		Short: "Build the annual report of a plan: how it did against its targets",
		Long: `report builds "How we did during YEAR" for a plan: every measure's result
against its target, with a status (met, not met, on track, off track, no
target, baseline year, not yet reported, not assessed) computed from the
plan's own figures, the direction of travel against the year before, the
critical performance areas that missed by most, charts, trends across the
other plans under --plans, and the inspection grades.

It is written like a plan by build, through the same templates and atomic
writes: --out/PLAN/PLAN-report-YYYY-YY.md, .html, .pdf. mpsplan build also
writes every report a plan has results against targets for.

Exit status: 0 built, 1 the plan failed validation or a file could not be
written, 2 usage (including a year the plan has no results for).`,
		Example: `  mpsplan report 2006-09 --year 2006/07   # public/2006-09/2006-09-report-2006-07.*
  mpsplan report 2008-11 --year 2008/09 --format html --out /tmp/preview`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: e.completePlans,
		RunE: func(cmd *cobra.Command, args []string) error {
			if yearArg == "" {
				return usageError("give the year to report on, such as --year 2006/07")
			}
			year, err := plan.ParseYear(yearArg)
			if err != nil {
				return usageError("--year: %v", err)
			}
			if err := checkOut(out); err != nil {
				return err
			}
			fmts, opts, tmpl, err := outputSettings(formatArg, tmplDir)
			if err != nil {
				return err
			}
			dir, err := e.resolveOne(args[0])
			if err != nil {
				return err
			}
			p, ok := e.loadValid(dir)
			if ok {
				tmpl, ok = e.templatesFor(p, tmpl)
			}
			if !ok {
				return &exitError{code: exitProblems}
			}
			docs, err := e.reportDocs(p, []plan.Year{year}, fmts, opts, filepath.Join(out, p.ID))
			if err == nil {
				pl := newPool()
				for _, d := range docs {
					d.queue(pl, tmpl, true)
				}
				pl.run(runtime.GOMAXPROCS(0))
			}
			files, err := reportFiles(p.ID, docs, err)
			if nr := (*report.NoResultsError)(nil); errors.As(err, &nr) {
				// Asking for a year the plan has no results for is a
				// mistake on the command line, not a problem of the plan.
				return usageError("%v", nr)
			}
			if err != nil {
				fmt.Fprintf(e.stderr, "mpsplan: %v\n", err)
				return &exitError{code: exitProblems}
			}
			// The report's files change together or not at all, as a plan's.
			res, err := commitFiles(files, func() bool { return false }, nil)
			if err != nil {
				fmt.Fprintf(e.stderr, "mpsplan: %s: report %s not built: %v\n", p.ID, year, err)
				return &exitError{code: exitProblems}
			}
			fmt.Fprintf(e.stderr, "built the %s report of %s into %s: %d file(s) written\n", year, p.ID, out, len(res.written))
			return nil
		},
	}
	c.Flags().StringVar(&yearArg, "year", "", "financial year to report on: 2006/07")
	c.Flags().StringVar(&formatArg, "format", "", "comma-separated formats: "+strings.Join(formatOrder, ",")+" (default: all available)")
	c.Flags().StringVar(&out, "out", "public", "folder to write into, one folder a plan")
	c.Flags().StringVar(&tmplDir, "templates", "", "folder of templates overriding the built-in ones")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formatOrder, cobra.ShellCompDirectiveNoFileComp))
	_ = c.RegisterFlagCompletionFunc("year", func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		dir, err := e.resolveOne(args[0])
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		p, _ := plan.Load(dir)
		var ys []string
		for _, y := range report.ResultYears(p) {
			ys = append(ys, y.String())
		}
		return ys, cobra.ShellCompDirectiveNoFileComp
	})
	_ = c.MarkFlagDirname("out")
	_ = c.MarkFlagDirname("templates")
	return c
}

// outputSettings reads what build and report share: the formats asked
// for, the document date, and the templates.
func outputSettings(formatArg, tmplDir string) ([]string, plandoc.Options, *markup.Templates, error) {
	fmts, opts, err := outputOptions(formatArg)
	if err != nil {
		return nil, plandoc.Options{}, nil, err
	}
	tmpl, err := templatesFrom(tmplDir)
	if err != nil {
		return nil, plandoc.Options{}, nil, err
	}
	return fmts, opts, tmpl, nil
}

// outputOptions reads the formats asked for and the document date.
func outputOptions(formatArg string) ([]string, plandoc.Options, error) {
	fmts, err := parseFormats(formatArg)
	if err != nil {
		return nil, plandoc.Options{}, err
	}
	opts, err := buildOptions()
	return fmts, opts, err
}

// maxSourceDate is the last second of 9999-12-31 UTC.
const maxSourceDate = 253402300799

// buildOptions reads SOURCE_DATE_EPOCH, the date a document carries when
// its plan states none.
func buildOptions() (plandoc.Options, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return plandoc.Options{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return plandoc.Options{}, usageError("SOURCE_DATE_EPOCH must be a number of seconds since 1970, not %q", s)
	}
	if n > maxSourceDate {
		// A PDF date has four digits of year: 10000 would print as 1000.
		return plandoc.Options{}, usageError("SOURCE_DATE_EPOCH %s is after the year 9999, which documents cannot carry", s)
	}
	return plandoc.Options{Date: time.Unix(n, 0).UTC()}, nil
}

// checkTemplatesDir refuses a --templates that is not a folder, saying
// what it is instead.
func checkTemplatesDir(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageError("--templates %s does not exist: name the folder that holds your templates (see docs/templates.md)", dir)
	case err != nil:
		return usageError("--templates %s cannot be read: %v", dir, err)
	case !st.IsDir():
		return usageError("--templates %s is a file, not a folder: name the folder that holds the templates", dir)
	}
	return nil
}

// templatesFrom returns the built-in templates overridden by those of dir,
// printing with dir's theme.
func templatesFrom(dir string) (*markup.Templates, error) {
	var t *markup.Templates
	var err error
	if dir != "" {
		if err := checkTemplatesDir(dir); err != nil {
			return nil, err
		}
		t, err = markup.LoadTemplates(dir)
		if err == nil {
			var th *theme.Theme
			if th, err = themes.Load(dir); err == nil {
				t = t.WithTheme(th)
			}
		}
	} else {
		t, err = markup.DefaultTemplates()
	}
	if err != nil {
		// Templates are outside the plans: exit 2, as for usage.
		return nil, &exitError{code: exitUsage, err: err}
	}
	return t, nil
}

// loadValid loads and validates a plan, printing its problems (notes
// aside); it reports false when the plan has errors.
func (e *env) loadValid(dir string) (*plan.Plan, bool) { return e.loadValidFor(dir, "not built") }

// loadValidFor is loadValid saying what a failed plan misses: "not built".
func (e *env) loadValidFor(dir, missed string) (*plan.Plan, bool) {
	p, diags := e.load(dir)
	e.printProblems(diags)
	if p == nil || diags.HasErrors() {
		fmt.Fprintf(e.stderr, "mpsplan: %s: %s: %s\n", filepath.ToSlash(dir), missed, diags.Summary())
		return nil, false
	}
	return p, true
}

// printProblems prints errors and warnings to stderr; notes (problems of
// the source, acknowledged) are for check alone.
func (e *env) printProblems(diags plan.Diagnostics) {
	var shown plan.Diagnostics
	for _, d := range diags {
		if d.Severity != plan.Note {
			shown = append(shown, d)
		}
	}
	_ = shown.WriteText(e.stderr)
}

// otherPlans loads the plans under --plans that p may draw on for the
// trends of measures they follow too: its organisation's and its
// predecessors (plan.Related), never another organisation's plan that
// happens to use the same measure IDs. A plan it needs that does not
// validate is an error naming it: a report without that plan's trend rows
// would look complete and be wrong. (A folder that does not load at all
// could be any plan's, so it counts as needed.)
func (e *env) otherPlans(p *plan.Plan) ([]*plan.Plan, error) {
	dirs, _ := plan.Dirs(e.plansDir)
	var all []*plan.Plan
	invalid := map[*plan.Plan]string{}
	var broken []string
	for _, d := range dirs {
		o, diags := e.load(d)
		switch {
		case o == nil:
			broken = append(broken, fmt.Sprintf("%s (%s)", filepath.ToSlash(d), diags.Summary()))
		case o.ID == p.ID:
		default:
			all = append(all, o)
			if diags.HasErrors() {
				invalid[o] = fmt.Sprintf("%s (%s)", filepath.ToSlash(d), diags.Summary())
			}
		}
	}
	related := plan.Related(p, all)
	for _, o := range related {
		if why, bad := invalid[o]; bad {
			broken = append(broken, why)
		}
	}
	if len(broken) > 0 {
		return nil, fmt.Errorf("the trends of %s's reports need plans that do not validate: %s; run mpsplan check on them and fix them first",
			p.ID, strings.Join(broken, ", "))
	}
	return related, nil
}
