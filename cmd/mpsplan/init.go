package main

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"text/template"
	"time"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

// skeleton holds the example plan init writes: written for the purpose,
// small, and valid, so that build works in a new project at once.
//
//go:embed skeleton/*.tmpl
var skeleton embed.FS

func newInitCmd(e *env) *cobra.Command {
	var org, short, lang string
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a project: a project file, plans/ with an example plan, the schemas and a .gitignore",
		Long: `init makes a new mpsplan project in DIR (default: the current folder):

  mpsplan.yaml            the project file: the organisation (name, short name),
                          the language, and optionally a theme (a folder of
                          templates replacing the built-in ones)
  plans/<ID>/*.yaml       a small example plan for the current financial year
                          and the two after it, valid as it stands
  plans/plan.schema.json  the schemas editors use to complete keys
  plans/project.schema.json
  .gitignore              keeps the built documents (public/) out of git

In the new project mpsplan build works at once. init refuses a folder that
already has a project file or a plans folder.`,
		Example: `  mpsplan init northshire --organisation "Northshire Police" --short NP
  cd northshire && mpsplan build        # public/<ID>/<ID>.md, .html, .pdf
  mpsplan init                          # in the current folder`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return e.initProject(dir, org, short, lang)
		},
	}
	c.Flags().StringVar(&org, "organisation", "Example Police", "the organisation whose plans these are")
	c.Flags().StringVar(&short, "short", "", "its short name, such as NP")
	c.Flags().StringVar(&lang, "language", "en-GB", "the language of the documents, a BCP 47 tag")
	return c
}

func (e *env) initProject(dir, org, short, lang string) error {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return usageError("%s is a file, not a folder: name a new folder for the project, or an existing one without a project", dir)
	}
	for _, name := range []string{plan.ProjectFile, "plans"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, fs.ErrNotExist) {
			return usageError("%s already exists: init starts a new project (to add a plan to this one, use mpsplan new)", filepath.ToSlash(filepath.Join(dir, name)))
		}
	}
	first, err := currentYear()
	if err != nil {
		return err
	}
	id := fmt.Sprintf("%d-%02d", int(first), (int(first)+3)%100)
	data := map[string]any{
		"ID": id, "Org": yamlString(org), "Title": yamlString(org + " Policing Plan " + id),
		"Before": first - 1, "First": first, "Second": first + 1, "Last": first + 2,
	}
	files := map[string][]byte{}
	for _, name := range []string{"plan", "measures", "budget"} {
		t, err := template.ParseFS(skeleton, "skeleton/"+name+".yaml.tmpl")
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, data); err != nil {
			return err
		}
		files[filepath.Join("plans", id, name+".yaml")] = b.Bytes()
	}
	proj := fmt.Sprintf("# yaml-language-server: $schema=plans/project.schema.json\n# The project file: whose plans these are and where things live.\norganisation:\n  name: %s\n", yamlString(org))
	if short != "" {
		proj += fmt.Sprintf("  short: %s\n", yamlString(short))
	}
	proj += fmt.Sprintf("language: %s\nplans: plans\noutput: public\n", lang)
	if p, diags := plan.DecodeProject(plan.File{Name: plan.ProjectFile, Data: []byte(proj)}, dir); p == nil {
		_ = diags.WriteText(e.stderr)
		return usageError("the project file would not be valid: check --organisation, --short and --language")
	}
	files[plan.ProjectFile] = []byte(proj)
	files[".gitignore"] = []byte("# Built documents: mpsplan build writes them from plans/.\npublic/\n")
	for name, gen := range map[string]func() ([]byte, error){"plan.schema.json": plan.Schema, "project.schema.json": plan.ProjectSchema} {
		b, err := gen()
		if err != nil {
			return err
		}
		files[filepath.Join("plans", name)] = append(b, '\n')
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitignore")); err == nil {
		delete(files, ".gitignore") // the user's own comes first; say so below
		fmt.Fprintf(e.stderr, "mpsplan: %s exists: add public/ to it to keep built documents out of git\n", filepath.ToSlash(filepath.Join(dir, ".gitignore")))
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
	}
	fmt.Fprintf(e.stdout, "created a project for %s in %s with the example plan plans/%s\n", org, filepath.ToSlash(dir), id)
	fmt.Fprintf(e.stdout, "next: mpsplan build %s   (or mpsplan serve %s to preview as you edit)\n", id, id)
	return nil
}

// currentYear is the financial year (April to March) of SOURCE_DATE_EPOCH,
// else of today: the example plan starts with it.
func currentYear() (plan.Year, error) {
	opts, err := buildOptions()
	if err != nil {
		return 0, err
	}
	now := opts.Date
	if now.IsZero() {
		now = time.Now().UTC()
	}
	y := now.Year()
	if now.Month() < time.April {
		y--
	}
	return plan.Year(y), nil
}
