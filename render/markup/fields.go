package markup

import (
	"reflect"

	"github.com/mpsplan/mpsplan/render/doc"
)

// viewType is a type templates see, and where they see it.
type viewType struct {
	Where string
	Type  reflect.Type
}

// viewTypes are every type a template sees, in the order docs/templates.md
// lists them (generated from them and their comments).
var viewTypes = []viewType{
	{"the top template (plan.*.tmpl, report.*.tmpl): the document", reflect.TypeFor[docView]()},
	{".Meta: one line of the title block", reflect.TypeFor[doc.Meta]()},
	{".Contents: one entry of the contents", reflect.TypeFor[contentsEntry]()},
	{".Theme: the look, shared with the PDF", reflect.TypeFor[themeView]()},
	{"section.*.tmpl: a section", reflect.TypeFor[sectionView]()},
	{"block.*.tmpl: a block of a section", reflect.TypeFor[blockView]()},
	{"text.*.tmpl (.Text of a block)", reflect.TypeFor[doc.Text]()},
	{"list.*.tmpl (.List of a block)", reflect.TypeFor[doc.List]()},
	{".Items of a list", reflect.TypeFor[doc.ListItem]()},
	{"table.*.tmpl (.Table of a block)", reflect.TypeFor[doc.Table]()},
	{".Rows of a table", reflect.TypeFor[doc.Row]()},
	{"what cells TABLE ROW returns", reflect.TypeFor[Cell]()},
	{"chart.*.tmpl (.Chart of a block)", reflect.TypeFor[doc.Chart]()},
	{".Series of a chart", reflect.TypeFor[doc.Series]()},
	{".Values of a series", reflect.TypeFor[doc.Point]()},
}

// viewMirrors are the view types that copy a doc type's fields (see
// docView): a copied field means what the doc type's does, and
// docs/templates.md says so in its words.
var viewMirrors = map[reflect.Type]reflect.Type{
	reflect.TypeFor[docView]():     reflect.TypeFor[doc.Document](),
	reflect.TypeFor[sectionView](): reflect.TypeFor[doc.Section](),
}

// fieldNames lists the fields a template can read on the type the
// template package names ("*doc.Chart", "*markup.sectionView"),
// promoted fields included; nil for a type templates do not see.
func fieldNames(typeName string) []string {
	for _, v := range viewTypes {
		t := v.Type
		if typeName == t.String() || typeName == "*"+t.String() {
			return visibleFields(t)
		}
	}
	return nil
}

// visibleFields are the exported fields of t a template can name, an
// outer field hiding a promoted one of the same name.
func visibleFields(t reflect.Type) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous || seen[f.Name] {
			continue
		}
		// An embedded field's own field shadowed by an outer one of the
		// same name is not reachable.
		if len(f.Index) > 1 {
			if outer, ok := t.FieldByName(f.Name); ok && len(outer.Index) == 1 {
				continue
			}
		}
		seen[f.Name] = true
		out = append(out, f.Name)
	}
	return out
}

// funcDocs says what each template function does, for docs/templates.md;
// a test fails when a function has none.
var funcDocs = map[string]string{
	"add":       "add A B: the sum of two whole numbers.",
	"cells":     "cells TABLE ROW: the row's cells, one a column (see Cell).",
	"csp":       "csp: the Content-Security-Policy every page carries, for a <meta http-equiv> in the head (a page without it gets it added).",
	"css":       "css: the stylesheet (style.css) to inline in HTML; print .Theme.CSS after it for the theme's colours and fonts.",
	"first":     "first CELLS: a group row's heading, its first cell.",
	"indent":    "indent N TEXT (Markdown): TEXT with every line but the first indented N spaces.",
	"join":      "join LIST SEP: the strings of LIST joined with SEP.",
	"markdown":  "markdown TEXT DEPTH: an author's Markdown, raw HTML shown as text, its headings placed under heading level DEPTH (HTML in HTML templates).",
	"marker":    "marker ORDERED I (Markdown): a list item's marker, \"1. \" or \"- \".",
	"md":        "md TEXT (Markdown): plain text escaped for Markdown.",
	"mdcells":   "mdcells TABLE ROW (Markdown): the row's cells escaped for a GFM table, bold in a total row.",
	"numeric":   "numeric TABLE I: whether column I holds figures (right-aligned).",
	"repeat":    "repeat TEXT N: TEXT N times.",
	"rowgroups": "rowgroups ROWS (HTML): rows under each group heading row, for one <tbody> each.",
	"rowhtml":   "rowhtml TABLE ROW (HTML): the row's cells as HTML, a row header as <th scope=\"row\">.",
	"svg":       "svg CHART (HTML): the chart drawn as inline SVG.",
}

// fieldDocs describes the fields whose declaration carries no comment of
// its own (their meaning is in their type's comment), for
// docs/templates.md.
var fieldDocs = map[string]string{
	"doc.Document.Title":            "The document's title.",
	"doc.Document.Subtitle":         "Its second title line, if any.",
	"doc.Document.Organisations":    "The publishing bodies, in the order the document names them.",
	"markup.docView.Sections":       "The top-level sections (see section.*.tmpl).",
	"doc.Meta.Label":                "The label: Period, Version, Status, Date...",
	"doc.Meta.Value":                "The value as printed.",
	"markup.contentsEntry.Title":    "The section's title.",
	"markup.contentsEntry.Anchor":   "The section's link target (#Anchor).",
	"markup.contentsEntry.Appendix": "Whether the section is an appendix.",
	"markup.contentsEntry.Children": "The entries of its subsections.",
	"markup.themeView.LogoAlt":      "The logo's text alternative.",
	"markup.themeView.LogoWidth":    "The logo's width in CSS pixels.",
	"doc.Section.ID":                "The section's ID, unique and stable (the HTML anchor).",
	"doc.Section.Title":             "The section's title.",
	"doc.Section.Appendix":          "Whether the section is an appendix.",
	"markup.sectionView.Anchor":     "The section's link target: its ID in HTML, GitHub's slug of its title in Markdown.",
	"markup.sectionView.Heading":    "Its heading level, 2 to 6 (the title is 1).",
	"markup.sectionView.Blocks":     "Its blocks, in order (see block.*.tmpl).",
	"markup.sectionView.Sections":   "Its subsections.",
	"markup.blockView.Kind":         "text, list, table or chart: which of the fields below is set.",
	"markup.blockView.Depth":        "The heading level of the section the block is in, for markdown TEXT DEPTH.",
	"markup.blockView.Text":         "The block when Kind is text.",
	"markup.blockView.List":         "The block when Kind is list.",
	"markup.blockView.Table":        "The block when Kind is table.",
	"markup.blockView.Chart":        "The block when Kind is chart.",
	"doc.Text.Markdown":             "The author's Markdown (print it with markdown).",
	"doc.List.ID":                   "The list's ID, when it was built from a list of the plan (placement markers name it); not printed.",
	"doc.List.Ordered":              "Whether the list is numbered.",
	"doc.List.Items":                "Its items.",
	"doc.ListItem.Text":             "The item as plain text.",
	"doc.Table.ID":                  "The table's ID (an anchor; an outline or a placement marker can place the table by it).",
	"doc.Table.Caption":             "The table's caption.",
	"doc.Table.Head":                "The column headings.",
	"doc.Table.Rows":                "The rows.",
	"doc.Row.Cells":                 "The cells as printed; a blank cell is empty.",
	"markup.Cell.Text":              "The cell as printed.",
	"markup.Cell.Header":            "Whether the cell is its row's header.",
	"markup.Cell.Numeric":           "Whether the cell is in a column of figures.",
	"doc.Chart.ID":                  "The chart's ID (an anchor; an outline or a placement marker can place the chart by it).",
	"doc.Chart.Kind":                "bars, shares, target-result or trend.",
	"doc.Chart.Title":               "The chart's title.",
	"doc.Chart.Labels":              "The label of each bar or point.",
	"doc.Chart.Series":              "The sets of values, one value a label.",
	"doc.Chart.Data":                "The table the chart is drawn from, printed beside it.",
	"doc.Series.Name":               "The series' name, for the legend.",
	"doc.Series.Values":             "One value a label of the chart.",
	"doc.Point.Value":               "Where the mark goes (geometry only).",
	"doc.Point.Text":                "The figure printed beside the mark, as the source prints it.",
	"doc.Point.Missing":             "Whether there is no figure for this label.",
}
