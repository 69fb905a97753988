package main

import (
	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

func newSchemaCmd(e *env) *cobra.Command {
	var project bool
	c := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of plan files (or, with --project, of mpsplan.yaml), for editors",
		Long: `schema prints a JSON Schema of the plan format. Plan files name it in their
first line (# yaml-language-server: $schema=../plan.schema.json) so editors
with the YAML language server complete keys and flag mistakes. With --project
it prints the schema of the project file, mpsplan.yaml.`,
		Example: `  mpsplan schema > plans/plan.schema.json
  mpsplan schema --project > plans/project.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
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
	return c
}
