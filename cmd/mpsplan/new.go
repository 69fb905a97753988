package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/roll"
	"github.com/spf13/cobra"
)

func newNewCmd(e *env) *cobra.Command {
	var from, org, firstArg, lastArg string
	c := &cobra.Command{
		Use:   "new ID",
		Short: "Start a plan: the minimal valid plan, or the last plan rolled forward a year (--from)",
		Long: `new writes a new plan folder under --plans.

With --from PLAN it rolls PLAN forward one year, as a rolling three-year plan
is written: every outcome, objective and measure keeps its ID; results and
inspection grades are left behind (they belong to the old plan); targets for
years still in the new period are carried as its starting point, each marked
"review: carried from PLAN" (a warning until the line is removed); targets,
activities, budget lines and table columns for years before the new period
are dropped; the status is draft, and the new plan names PLAN as its
predecessor. The date, version, approval and source of PLAN are not carried.
Annual reports stay behind with their results, with the sections of their
commentary; a placement marker of something left behind is removed from its
text, and listed.

Without --from it writes the minimal valid plan: its period comes from an ID
such as 2011-14 (2011/12 to 2013/14) or from --first and --last, and its
organisation from the project file (mpsplan.yaml) or --organisation.

An ID that is already a plan is refused. Nothing is written when the new plan
would not validate.

Exit status: 0 written, 1 the rolled plan would not validate, 2 usage.`,
		Example: `  mpsplan new 2011-14 --from 2010-13      # period 2011/12 to 2013/14, targets carried for review
  mpsplan new 2011-14                     # the minimal valid plan
  mpsplan new youth-plan --first 2011/12 --last 2012/13 --organisation "Northshire Police"`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			if !slugRE.MatchString(id) {
				return usageError("%q is not a plan ID: use lowercase letters and digits joined by hyphens, such as 2011-14", id)
			}
			dir := filepath.Join(e.plansDir, id)
			if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
				return usageError("%s already exists: a new plan needs an ID of its own (to change that plan, edit it; to start again, remove the folder)", filepath.ToSlash(dir))
			}
			if from != "" {
				if firstArg != "" || lastArg != "" || org != "" {
					return usageError("--from takes the period and organisation from the plan it rolls forward: leave out --first, --last and --organisation")
				}
				return e.rollForward(id, dir, from)
			}
			return e.newMinimal(id, dir, org, firstArg, lastArg)
		},
	}
	c.Flags().StringVar(&from, "from", "", "the plan to roll forward one year")
	c.Flags().StringVar(&firstArg, "first", "", "first financial year of the period, such as 2011/12 (without --from)")
	c.Flags().StringVar(&lastArg, "last", "", "last financial year of the period, such as 2013/14 (without --from)")
	c.Flags().StringVar(&org, "organisation", "", "the organisation that publishes the plan (default: the project file's)")
	_ = c.RegisterFlagCompletionFunc("from", e.completePlans)
	return c
}

var (
	slugRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	periodIDRE = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
)

// periodOf reads the period an ID such as 2011-14 names: 2011/12 to 2013/14.
func periodOf(id string) (plan.Year, plan.Year, bool) {
	m := periodIDRE.FindStringSubmatch(id)
	if m == nil {
		return 0, 0, false
	}
	first, _ := strconv.Atoi(m[1])
	end, _ := strconv.Atoi(m[2])
	last := first/100*100 + end
	if last <= first {
		last += 100
	}
	// 2011-14 ends with the year 2013/14, which starts in 2013.
	if last-1 < first || last-1-first > 10 {
		return 0, 0, false
	}
	return plan.Year(first), plan.Year(last - 1), true
}

func (e *env) rollForward(id, dir, from string) error {
	oldDir, err := e.resolveOne(from)
	if err != nil {
		return err
	}
	old, diags := plan.Load(oldDir)
	if old == nil || diags.HasErrors() {
		_ = diags.WriteText(e.stderr)
		return &exitError{code: exitProblems, err: fmt.Errorf("%s does not validate: fix it before rolling it forward", filepath.ToSlash(oldDir))}
	}
	files, err := readYAML(oldDir)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	rolled, sum, err := roll.Forward(files, old.ID, id, old.Period.First, old.Period.Last)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	p, unplaced, err := e.writePlan(dir, rolled, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %s, %s to %s, draft, following %s\n", filepath.ToSlash(dir), p.Title, p.Period.First, p.Period.Last, old.ID)
	reports := ""
	if sum.Reports > 0 {
		reports = fmt.Sprintf(", %d annual report(s) with the section(s) of their commentary", sum.Reports)
	}
	fmt.Fprintf(e.stdout, "  %d target(s) carried for review; left behind: %d result(s), %d earlier target(s), %d other dated item(s)%s\n",
		sum.Carried, sum.Results, sum.DroppedTargets, sum.Dropped, reports)
	for _, m := range unplaced {
		fmt.Fprintf(e.stdout, "  removed %s, which placed what was left behind: read the text around it\n", m)
	}
	fmt.Fprintf(e.stdout, "next: review the targets (mpsplan check %s lists them), then build: mpsplan build %s\n", id, id)
	return nil
}

func (e *env) newMinimal(id, dir, org, firstArg, lastArg string) error {
	first, last, ok := periodOf(id)
	if firstArg != "" || lastArg != "" {
		if firstArg == "" || lastArg == "" {
			return usageError("give both --first and --last")
		}
		var err error
		if first, err = plan.ParseYear(firstArg); err != nil {
			return usageError("--first: %v", err)
		}
		if last, err = plan.ParseYear(lastArg); err != nil {
			return usageError("--last: %v", err)
		}
	} else if !ok {
		return usageError("the ID %q names no period: give --first and --last, such as --first 2011/12 --last 2013/14", id)
	}
	if org == "" && e.project != nil {
		org = e.project.Organisation.Name
	}
	if org == "" {
		return usageError("no organisation: run in a project (mpsplan init) or give --organisation")
	}
	title := fmt.Sprintf("Policing Plan %s", id)
	if ok {
		title = fmt.Sprintf("Policing Plan %d-%02d", int(first), (int(last)+1)%100)
	}
	src := fmt.Sprintf(`# yaml-language-server: $schema=../plan.schema.json
id: %s
title: %s
kind: policing-plan
organisations: [%s]
period: {first: %s, last: %s}
status: draft
`, id, yamlString(title), yamlString(org), first, last)
	p, _, err := e.writePlan(dir, []plan.File{{Name: "plan.yaml", Data: []byte(src)}}, false)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s/plan.yaml: %s, %s to %s, draft\n", filepath.ToSlash(dir), p.Title, p.Period.First, p.Period.Last)
	return nil
}

// yamlString quotes s for YAML when it must be.
func yamlString(s string) string {
	if regexp.MustCompile(`^[A-Za-z][A-Za-z0-9 '&().-]*$`).MatchString(s) {
		return s
	}
	return strconv.Quote(s)
}

func readYAML(dir string) ([]plan.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []plan.File
	for _, en := range entries {
		if en.IsDir() || !plan.IsPlanFile(en.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, en.Name()))
		if err != nil {
			return nil, err
		}
		files = append(files, plan.File{Name: en.Name(), Data: data})
	}
	return files, nil
}
