package site

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/export"
)

// dataFiles are the figures as open data: every plan's in figures.csv and
// figures.json, described by datapackage.json. They are what mpsplan
// export prints, byte for byte. Each plan's own (PlanData) are written
// with its documents, by any build.
func dataFiles(pubs []Published, opts Options) ([]File, error) {
	var plans []*plan.Plan
	for _, p := range pubs {
		plans = append(plans, p.Plan)
	}
	files, err := figures("figures.", export.Rows(plans))
	if err != nil {
		return nil, err
	}
	pkg, err := dataPackage(plans, opts)
	if err != nil {
		return nil, err
	}
	return append(files, File{Path: DataPackageFile, Data: pkg}), nil
}

// PlanData are a plan's own figures, as CSV and JSON, beside its
// documents (<id>/<id>.csv, <id>/<id>.json), where its HTML links them
// (DocumentLinks): what mpsplan export prints of the plan.
func PlanData(p *plan.Plan) ([]File, error) {
	return figures(p.ID+"/"+p.ID+".", export.Rows([]*plan.Plan{p}))
}

// figures are rows as CSV and JSON, at path + "csv" and path + "json".
func figures(path string, rows []export.Row) ([]File, error) {
	var csv, js bytes.Buffer
	if err := export.WriteCSV(&csv, rows); err != nil {
		return nil, err
	}
	if err := export.WriteJSON(&js, rows); err != nil {
		return nil, err
	}
	return []File{{Path: path + "csv", Data: csv.Bytes()}, {Path: path + "json", Data: js.Bytes()}}, nil
}

// The Frictionless Data Package (v1) descriptor, as much of it as the
// site fills in: https://specs.frictionlessdata.io/data-package/.
type dataPackageJSON struct {
	Profile      string         `json:"profile"`
	Name         string         `json:"name"`
	Title        string         `json:"title"`
	Description  string         `json:"description"`
	Created      string         `json:"created,omitempty"`
	Licenses     []licenceJSON  `json:"licenses,omitempty"`
	Contributors []contributor  `json:"contributors,omitempty"`
	Sources      []sourceJSON   `json:"sources,omitempty"`
	Resources    []resourceJSON `json:"resources"`
}

type licenceJSON struct {
	Name  string `json:"name,omitempty"`
	Path  string `json:"path,omitempty"`
	Title string `json:"title,omitempty"`
}

type contributor struct {
	Title string `json:"title"`
	Role  string `json:"role"`
}

type sourceJSON struct {
	Title string `json:"title"`
}

type resourceJSON struct {
	Profile   string      `json:"profile"`
	Name      string      `json:"name"`
	Path      string      `json:"path"`
	Title     string      `json:"title"`
	Format    string      `json:"format"`
	Mediatype string      `json:"mediatype"`
	Encoding  string      `json:"encoding"`
	Dialect   dialectJSON `json:"dialect"`
	Schema    schemaJSON  `json:"schema"`
}

type dialectJSON struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

type schemaJSON struct {
	Fields        []fieldJSON `json:"fields"`
	MissingValues []string    `json:"missingValues"`
}

type fieldJSON struct {
	Name        string           `json:"name"`
	Type        string           `json:"type"`
	Description string           `json:"description"`
	Constraints *constraintsJSON `json:"constraints,omitempty"`
}

type constraintsJSON struct {
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

// required are the columns every row fills in.
var required = []string{"plan", "measure", "unit", "year", "status"}

// dataPackage is the descriptor of figures.csv: its Table Schema comes
// from export.Columns, the one description of the columns, so the schema
// and the CSV cannot disagree.
func dataPackage(plans []*plan.Plan, opts Options) ([]byte, error) {
	pkg := dataPackageJSON{
		Profile: "tabular-data-package",
		Name:    "plan-figures",
		Title:   "Figures of the plans",
		Description: "The targets and results of every measure of every plan, one row per measure, year and figure, " +
			"with the status the annual report rules give each result. Values are the plans' exact decimals (money in pounds). " +
			"A text cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or an apostrophe) is written with a leading apostrophe.",
	}
	if opts.Publisher != "" {
		pkg.Title += " of " + opts.Publisher
		pkg.Contributors = []contributor{{Title: opts.Publisher, Role: "publisher"}}
	}
	if !opts.Date.IsZero() {
		pkg.Created = opts.Date.UTC().Format("2006-01-02T15:04:05Z")
	}
	if l := opts.Licence; l != nil {
		pkg.Licenses = []licenceJSON{{Name: l.Name, Path: l.Path, Title: l.Title}}
	}
	for _, p := range plans {
		title := p.Source.Title
		if title == "" {
			title = planName(p)
		}
		if !slices.ContainsFunc(pkg.Sources, func(s sourceJSON) bool { return s.Title == title }) {
			pkg.Sources = append(pkg.Sources, sourceJSON{Title: title})
		}
	}
	res := resourceJSON{Profile: "tabular-data-resource", Name: "figures", Path: FiguresCSV, Title: "Targets and results of every measure",
		Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
		Dialect: dialectJSON{Delimiter: ",", LineTerminator: "\r\n", QuoteChar: "\"", DoubleQuote: true, Header: true},
		Schema:  schemaJSON{MissingValues: []string{""}}}
	for _, c := range export.Columns {
		f := fieldJSON{Name: c.Name, Type: c.Type, Description: c.Description}
		var enum []string
		for _, v := range c.Values {
			if v != "" { // empty is a missing value, never checked against the list
				enum = append(enum, v)
			}
		}
		if req := slices.Contains(required, c.Name); req || len(enum) > 0 {
			f.Constraints = &constraintsJSON{Required: req, Enum: enum}
		}
		res.Schema.Fields = append(res.Schema.Fields, f)
	}
	pkg.Resources = []resourceJSON{res}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(pkg); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
