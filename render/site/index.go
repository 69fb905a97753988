package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan/export"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

// formatNames are the words the index links each format by.
var formatNames = map[string]string{"html": "HTML", "pdf": "PDF", "md": "Markdown"}

// index lays out the site's front page: the plans and the annual reports,
// newest first, each with its formats and its figures; the measures, each
// linking to its page; and the open data.
func index(pubs []Published, measures []*lineage, opts Options) *doc.Document {
	d := &doc.Document{
		Kind:          "site",
		ID:            "index",
		Title:         "Plans and reports",
		Organisations: []string{opts.Publisher},
		Keywords:      []string{"Plans", "Annual reports", "Measures", "Open data"},
	}
	if !opts.Date.IsZero() {
		d.Created = opts.Date.UTC()
		d.Date = d.Created.Format("2 January 2006")
		d.Meta = append(d.Meta, doc.Meta{Label: "Built", Value: d.Date})
	}
	d.Sections = append(d.Sections, &doc.Section{ID: "plans", Title: "Plans", Level: 1,
		Blocks: []doc.Block{&doc.Text{Markdown: planList(pubs, opts)}}})
	if rs := reportList(pubs, opts); rs != "" {
		d.Sections = append(d.Sections, &doc.Section{ID: "reports", Title: "Annual reports", Level: 1,
			Blocks: []doc.Block{&doc.Text{Markdown: rs}}})
	}
	if len(measures) > 0 {
		d.Sections = append(d.Sections, &doc.Section{ID: "measures", Title: "Measures", Level: 1,
			Blocks: []doc.Block{&doc.Text{Markdown: measureList(measures)}}})
	}
	d.Sections = append(d.Sections, openData(opts))
	return d
}

// planList is the plans, newest first: title (a link to the HTML), period,
// status, date, the other formats and the plan's figures.
func planList(pubs []Published, opts Options) string {
	var b strings.Builder
	for _, p := range pubs {
		if p.Doc.Draft {
			b.WriteString("- **Draft**: ")
		} else {
			b.WriteString("- ")
		}
		b.WriteString(docLink(p.Plan.ID, p.Doc, opts))
		// The status in the title block's words: "Proposed, no approval recorded".
		fmt.Fprintf(&b, ": %s; status: %s", period(p.Plan), p.Plan.Status.Label())
		if p.Plan.Date != "" { // not the build's date, which a plan without one prints
			fmt.Fprintf(&b, "; %s", mdtext.Escape(p.Doc.Date))
		}
		b.WriteString(". " + alsoAs(p.Plan.ID, p.Doc, opts))
		fmt.Fprintf(&b, " Its figures: [CSV](%s), [JSON](%s).\n", planDataPath(p.Plan.ID, "csv"), planDataPath(p.Plan.ID, "json"))
	}
	return b.String()
}

// reportList is the annual reports, newest year first, each with its
// plan; empty when there is none.
func reportList(pubs []Published, opts Options) string {
	type entry struct {
		pub Published
		rep Report
	}
	var es []entry
	for _, p := range pubs {
		for _, r := range p.Reports {
			es = append(es, entry{p, r})
		}
	}
	slices.SortStableFunc(es, func(a, b entry) int { return int(b.rep.Year - a.rep.Year) })
	var b strings.Builder
	for _, e := range es {
		b.WriteString("- ")
		if e.pub.Doc.Draft {
			b.WriteString("**Draft plan**: ")
		}
		b.WriteString(docLink(e.pub.Plan.ID, e.rep.Doc, opts))
		fmt.Fprintf(&b, ": the annual report on %s, %s", mdtext.Escape(planName(e.pub.Plan)), e.rep.Year)
		if e.rep.Doc.Date != "" {
			fmt.Fprintf(&b, ", %s", mdtext.Escape(e.rep.Doc.Date))
		}
		b.WriteString(". " + alsoAs(e.pub.Plan.ID, e.rep.Doc, opts))
		fmt.Fprintf(&b, " The plan's figures: [CSV](%s), [JSON](%s).\n", planDataPath(e.pub.Plan.ID, "csv"), planDataPath(e.pub.Plan.ID, "json"))
	}
	return b.String()
}

// docLink is a document's title, linking to its HTML when built.
func docLink(folder string, d *doc.Document, opts Options) string {
	title := d.Title
	if d.Subtitle != "" && d.Kind != "report" {
		title += ": " + d.Subtitle
	}
	if !slices.Contains(opts.Formats, "html") {
		return mdtext.Escape(title)
	}
	return fmt.Sprintf("[%s](%s/%s.html)", mdtext.Escape(title), folder, d.ID)
}

// alsoAs links a document's other formats: "Also as PDF, Markdown."
func alsoAs(folder string, d *doc.Document, opts Options) string {
	var links []string
	for _, f := range []string{"pdf", "md"} {
		if slices.Contains(opts.Formats, f) {
			links = append(links, fmt.Sprintf("[%s](%s/%s.%s)", formatNames[f], folder, d.ID, f))
		}
	}
	if len(links) == 0 {
		return ""
	}
	return "Also as " + strings.Join(links, ", ") + "."
}

// measureList is every measure, by its latest wording, linking to its page.
func measureList(measures []*lineage) string {
	ms := slices.Clone(measures)
	slices.SortStableFunc(ms, func(a, b *lineage) int {
		return strings.Compare(strings.ToLower(a.title()), strings.ToLower(b.title()))
	})
	var b strings.Builder
	b.WriteString("Each measure followed across the plans that set it, with its targets, results and status year by year.\n\n")
	for _, m := range ms {
		fmt.Fprintf(&b, "- [%s](%s)", mdtext.Escape(m.title()), measurePath(m.ID))
		if cs := m.codes(); len(cs) > 0 {
			fmt.Fprintf(&b, " (%s)", mdtext.Escape(strings.Join(cs, "; ")))
		}
		fmt.Fprintf(&b, ": %s\n", strings.Join(m.planIDs(), ", "))
	}
	return b.String()
}

// openData is the section on the figures as data, with the columns
// described as the data package describes them (export.Columns).
func openData(opts Options) *doc.Section {
	var b strings.Builder
	fmt.Fprintf(&b, "Every figure of every plan, one row per measure, year and figure: [%s](%s) (CSV, UTF-8), the same as [%s](%s), "+
		"described by the Frictionless Data Package [%s](%s). Each plan's own figures are beside its documents. "+
		"Values are the plans' exact decimals; money is in pounds. "+
		"A text cell a spreadsheet would run as a formula (starting with =, +, -, @) begins with an apostrophe.",
		FiguresCSV, FiguresCSV, FiguresJSON, FiguresJSON, DataPackageFile, DataPackageFile)
	if l := opts.Licence; l != nil {
		name := l.Title
		if name == "" {
			name = l.Name
		}
		if l.Path != "" {
			fmt.Fprintf(&b, " Licence: [%s](%s).", mdtext.Escape(name), l.Path)
		} else {
			fmt.Fprintf(&b, " Licence: %s.", mdtext.Escape(name))
		}
	}
	t := &doc.Table{ID: "columns", Caption: "The columns of the data", RowHeaders: true, Head: []string{"Column", "Type", "Holds"}}
	for _, c := range export.Columns {
		t.Rows = append(t.Rows, doc.Row{Cells: []string{c.Name, c.Type, c.Description}})
	}
	return &doc.Section{ID: "open-data", Title: "Open data", Level: 1, Blocks: []doc.Block{&doc.Text{Markdown: b.String()}, t}}
}
