package main

import (
	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

// readProject reads the project file of the current folder, if any, and
// makes its folders the defaults of the flags the command has and the
// user did not set: --plans, --out and --templates (its theme). A broken
// project file is reported with its positions, as a plan file is, and
// stops every command but init.
func (e *env) readProject(c *cobra.Command) error {
	if c.Name() == "init" || c.Name() == "completion" || c.Name() == cobra.ShellCompRequestCmd {
		return nil
	}
	if f := c.Flags().Lookup("templates"); f != nil {
		e.templatesSet = f.Changed
	}
	p, diags := plan.FindProject(".")
	if diags.HasErrors() {
		_ = diags.WriteText(e.stderr)
		return usageError("%s: %s", plan.ProjectFile, diags.Summary())
	}
	if p == nil {
		return nil
	}
	e.project = p
	defaults := map[string]string{"plans": p.Path(p.Plans), "out": p.Path(p.Output), "templates": p.Path(p.Theme)}
	for name, value := range defaults {
		f := c.Flags().Lookup(name)
		if f == nil || f.Changed || value == "" {
			continue
		}
		if err := c.Flags().Set(name, value); err != nil {
			return usageError("%s: %v", plan.ProjectFile, err)
		}
		f.Changed = false
	}
	return nil
}
