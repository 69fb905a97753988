package plandoc

import (
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

func (b *builder) inspections() *doc.Section {
	p := b.p
	s := b.section(SectionInspections, "Inspection grades", 1)
	if len(p.Inspections) == 0 {
		return s
	}
	hasDir := false
	for _, in := range p.Inspections {
		hasDir = hasDir || in.Direction != ""
	}
	for _, body := range plan.InspectionBodies() {
		t := &doc.Table{ID: b.uid("inspections-" + strings.ToLower(string(body))), RowHeaders: true, Head: []string{"Area", "Year", "Grade"}}
		t.Caption = body.Title() + " grades"
		if hasDir {
			t.Head = append(t.Head, "Direction of travel")
		}
		t.Numeric = make([]bool, len(t.Head))
		group := ""
		for _, in := range p.Inspections {
			if in.Body != body {
				continue
			}
			if in.Group != group && in.Group != "" {
				t.Rows = append(t.Rows, doc.Row{Cells: []string{in.Group}, Group: true})
			}
			group = in.Group
			row := doc.Row{Cells: []string{in.Area, in.Year.String(), in.Grade}}
			if hasDir {
				row.Cells = append(row.Cells, in.Direction)
			}
			t.Rows = append(t.Rows, row)
		}
		if len(t.Rows) > 0 {
			s.Blocks = append(s.Blocks, t)
		}
	}
	return s
}
