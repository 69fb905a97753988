package main

import (
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/diff"
	"github.com/spf13/cobra"
)

func newSchemaCmd(e *env) *cobra.Command {
	var project, ofDiff bool
	c := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of plan files (or of mpsplan.yaml, or of diff's JSON)",
		Long: `schema prints a JSON Schema of the plan format. Plan files name it in their
first line (# yaml-language-server: $schema=../plan.schema.json) so editors
with the YAML language server complete keys and flag mistakes. With --project
it prints the schema of the project file, mpsplan.yaml; with --diff, that of
mpsplan diff --format json, for tools that read diffs.`,
		Example: `  mpsplan schema > plans/plan.schema.json
  mpsplan schema --project > plans/project.schema.json
  mpsplan schema --diff > diff.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if project && ofDiff {
				return usageError("--project and --diff print different schemas: give one")
			}
			if ofDiff {
				_, err := e.stdout.Write(diff.Schema())
				return err
			}
			gen := plan.Schema
			if project {
				gen = plan.ProjectSchema
			}
			b, err := gen()
			if err != nil {
				return err
			}
			_, err = e.stdout.Write(append(b, '\n'))
			return err
		},
	}
	c.Flags().BoolVar(&project, "project", false, "print the schema of the project file, mpsplan.yaml")
	c.Flags().BoolVar(&ofDiff, "diff", false, "print the JSON Schema of diff --format json")
	return c
}
