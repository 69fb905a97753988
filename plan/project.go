package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
)

// ProjectFile is the name of the project file at a project's root.
const ProjectFile = "mpsplan.yaml"

// ProjectSchemaID is the $id of the JSON Schema for project files.
const ProjectSchemaID = "https://mpsplan.example/schema/project.schema.json"

// Project is a project file: the organisation whose plans the project
// holds and where things are. It is read as strictly as a plan file:
// unknown keys are errors, with a "did you mean".
type Project struct {
	At Pos `yaml:"-"`
	// Dir is the folder the project file is in; relative paths in it are
	// relative to Dir.
	Dir string `yaml:"-"`

	Organisation Organisation `yaml:"organisation" mps:"required" doc:"The organisation whose plans these are. A plan that names no owner and is published by this organisation belongs to it."`
	Language     string       `yaml:"language" doc:"Language of the documents, as a BCP 47 tag: en-GB (the default)."`
	Theme        string       `yaml:"theme" doc:"Folder of templates that replace the built-in ones (as --templates), relative to this file."`
	Plans        string       `yaml:"plans" doc:"Folder holding one folder a plan, relative to this file: plans (the default)."`
	Output       string       `yaml:"output" doc:"Folder documents are built into, relative to this file: public (the default)."`
	Licence      *Licence     `yaml:"licence" doc:"The licence the published figures are offered under, stated in the site's datapackage.json and on its index."`
}

// Licence names the licence of the published figures, as a Frictionless
// Data Package names one.
type Licence struct {
	At    Pos    `yaml:"-"`
	Name  string `yaml:"name" mps:"required" doc:"Its identifier (Open Definition or SPDX): OGL-UK-3.0, CC-BY-4.0."`
	Title string `yaml:"title" doc:"Its name in words: Open Government Licence v3.0."`
	Path  string `yaml:"path" doc:"Its URL: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/."`
}

// Organisation names a publishing body.
type Organisation struct {
	At    Pos    `yaml:"-"`
	Name  string `yaml:"name" mps:"required" doc:"Full name, as plans name it in organisations: Metropolitan Police Authority."`
	Short string `yaml:"short" doc:"Short name: MPA."`
}

var langRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// FindProject looks for the project file in dir. It returns nil and no
// diagnostics when there is none: a folder of plans needs no project file.
func FindProject(dir string) (*Project, Diagnostics) {
	name := filepath.Join(dir, ProjectFile)
	data, err := readLimited(os.DirFS(dir), ProjectFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	display := filepath.ToSlash(filepath.Clean(name))
	if err != nil {
		return nil, Diagnostics{{Pos: Pos{File: display}, Severity: Error, Rule: "file", Message: err.Error()}}
	}
	return DecodeProject(File{Name: display, Data: data}, dir)
}

// DecodeProject decodes and checks the project file f of a project in dir.
func DecodeProject(f File, dir string) (*Project, Diagnostics) {
	var diags Diagnostics
	root := parseFile(f, &diags)
	if root == nil {
		return nil, diags
	}
	d := newDecoder(&diags)
	d.file = f.Name
	p := &Project{Dir: dir}
	d.decodeStruct(root, reflect.ValueOf(p).Elem(), nil)
	if p.Language != "" && !langRE.MatchString(p.Language) {
		diags = append(diags, Diagnostic{Pos: p.At, Severity: Error, Rule: "project",
			Message: fmt.Sprintf("language %q is not a language tag", p.Language), Hint: "write a BCP 47 tag such as en-GB or cy-GB"})
	}
	for _, rel := range []struct{ key, val string }{{"theme", p.Theme}, {"plans", p.Plans}, {"output", p.Output}} {
		if rel.val != "" && (filepath.IsAbs(rel.val) || !filepath.IsLocal(filepath.FromSlash(rel.val))) {
			diags = append(diags, Diagnostic{Pos: p.At, Severity: Error, Rule: "project",
				Message: fmt.Sprintf("%s %q is outside the project", rel.key, rel.val), Hint: "give a folder inside the project, relative to " + ProjectFile})
		}
	}
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	if p.Language == "" {
		p.Language = "en-GB"
	}
	if p.Plans == "" {
		p.Plans = "plans"
	}
	if p.Output == "" {
		p.Output = "public"
	}
	return p, diags
}

// Path returns a folder named in the project file as a path from the
// current folder.
func (p *Project) Path(rel string) string {
	if rel == "" {
		return ""
	}
	return filepath.Join(p.Dir, filepath.FromSlash(rel))
}

// ProjectSchema returns the JSON Schema of project files.
func ProjectSchema() ([]byte, error) {
	g := &schemaGen{defs: map[string]any{}}
	root := g.object(reflect.TypeFor[Project]())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = ProjectSchemaID
	root["title"] = "mpsplan project file"
	root["description"] = "mpsplan.yaml at a project's root: the organisation whose plans the project holds, and where plans, templates and output live."
	root["$defs"] = g.defs
	return json.MarshalIndent(root, "", "  ")
}
