package main

import (
	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

func newSchemaCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of plan files, for editors",
		Long: `schema prints a JSON Schema of the plan format. Plan files name it in their
first line (# yaml-language-server: $schema=../../schema/plan.schema.json) so
editors with the YAML language server complete keys and flag mistakes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := plan.Schema()
			if err != nil {
				return err
			}
			_, err = e.stdout.Write(append(b, '\n'))
			return err
		},
	}
}
