package plandoc

import (
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

func (b *builder) objectives() *doc.Section {
	p := b.p
	title := "Corporate objectives"
	if p.Kind.IsPolicingPlan() {
		title = "Objectives"
	}
	s := b.section(SectionObjectives, title, 1)
	for i := range p.Objectives {
		o := &p.Objectives[i]
		os := b.section("objective-"+o.ID, o.Heading(), 2)
		if o.Short != "" && o.Short != o.Title {
			os.Blocks = append(os.Blocks, &doc.Text{Markdown: "*" + mdtext.Escape(o.Short) + "*"})
		}
		os.Blocks = append(os.Blocks, mdBlocks(o.Description)...)
		os.Blocks = append(os.Blocks, facts(
			[2]string{"Outcomes", escapeJoin(refTitles(o.Outcomes, b.outcomeT))},
			[2]string{"Outcome strands", escapeJoin(refTitles(o.Strands, b.strandT))},
			[2]string{"Priorities", escapeJoin(refTitles(o.Priorities, b.priorityT))},
			[2]string{"Supporting strategies", escapeJoin(refTitles(o.Strategies, b.strategyT))},
			[2]string{"Owner", mdtext.Escape(o.Owner)},
		)...)
		if t := b.targetTable(os.ID, "Critical performance areas and targets: "+o.Heading(), func(m *plan.Measure) bool { return hasRef(m.Objectives, o.ID) }); t != nil {
			os.Blocks = append(os.Blocks, t)
		}
		s.Sections = append(s.Sections, os)
	}
	return s
}

// targetYears are the years whose targets a plan section shows: the plan
// years, or else every year targets are set for.
func (b *builder) targetYears(ms []*plan.Measure) []plan.Year {
	var ys []plan.Year
	for _, m := range ms {
		for _, t := range m.Targets {
			if !slices.Contains(ys, t.Year) {
				ys = append(ys, t.Year)
			}
		}
	}
	slices.Sort(ys)
	return ys
}

// targetTable lists the measures selected with their targets by year.
func (b *builder) targetTable(owner, caption string, sel func(*plan.Measure) bool) *doc.Table {
	var ms []*plan.Measure
	for i := range b.p.Measures {
		if sel(&b.p.Measures[i]) {
			ms = append(ms, &b.p.Measures[i])
		}
	}
	return b.targetsOf(owner, caption, ms, nil)
}

// sectionMeasures is the table of the measures a plan section lists, in
// its order, under their owners as the source groups them ("Directorate
// of Resource:").
func (b *builder) sectionMeasures(owner string, ps *plan.Section) *doc.Table {
	var ms []*plan.Measure
	for _, r := range ps.Measures {
		for i := range b.p.Measures {
			if b.p.Measures[i].ID == r.ID {
				ms = append(ms, &b.p.Measures[i])
			}
		}
	}
	return b.targetsOf(owner, "Measures: "+strings.TrimSuffix(ps.Title, ":"), ms, func(m *plan.Measure) string { return m.Owner })
}

// targetsOf lists measures with their targets by year; with group, a
// group row opens wherever the group of the measure changes.
func (b *builder) targetsOf(owner, caption string, ms []*plan.Measure, group func(*plan.Measure) string) *doc.Table {
	if len(ms) == 0 {
		return nil
	}
	years := b.targetYears(ms)
	t := &doc.Table{ID: b.uid(owner + "-targets"), Caption: caption, RowHeaders: true, Head: []string{"Measure"}}
	for _, y := range years {
		t.Head = append(t.Head, "Target "+y.String())
	}
	t.Numeric = make([]bool, len(t.Head))
	var notes []string
	last := ""
	for _, m := range ms {
		if group != nil {
			if g := group(m); g != "" && g != last {
				t.Rows = append(t.Rows, doc.Row{Cells: []string{g}, Group: true})
				last = g
			}
		}
		row := doc.Row{Cells: []string{m.Label()}}
		for _, y := range years {
			row.Cells = append(row.Cells, targetCell(m.Targets, y))
		}
		t.Rows = append(t.Rows, row)
		notes = append(notes, measureNotes(m, false)...)
		for _, part := range m.Parts {
			row := doc.Row{Cells: []string{m.Label() + ": " + part.Title}}
			for _, y := range years {
				row.Cells = append(row.Cells, targetCell(part.Targets, y))
			}
			if len(part.Targets) > 0 {
				t.Rows = append(t.Rows, row)
			}
		}
	}
	// Without a target in any year the table lists the measures only: a
	// column of invented "no target" cells would print what the source
	// does not.
	t.Note = strings.Join(notes, "\n")
	return t
}

func targetCell(ts []plan.Target, y plan.Year) string {
	var out []string
	for _, t := range ts {
		if t.Year == y {
			out = append(out, t.Text)
		}
	}
	return strings.Join(out, "; ")
}

// measureNotes are the qualifications printed under a table: target notes,
// and with all, the measure's comment and result comments.
func measureNotes(m *plan.Measure, all bool) []string {
	var notes []string
	add := func(what string, md plan.Markdown) {
		if s := strings.TrimSpace(string(md)); s != "" {
			notes = append(notes, "- "+mdtext.Escape(what)+": "+strings.Join(strings.Fields(s), " "))
		}
	}
	for _, t := range m.Targets {
		add(m.Title+", target "+t.Year.String(), t.Note)
	}
	if all {
		add(m.Title+", definition", m.Description)
		add(m.Title, m.Comment)
		for _, r := range m.Results {
			add(m.Title+", result "+r.Year.String(), r.Comment)
		}
		for _, part := range m.Parts {
			what := m.Title + ": " + part.Title
			for _, t := range part.Targets {
				add(what+", target "+t.Year.String(), t.Note)
			}
			add(what, part.Comment)
			for _, r := range part.Results {
				add(what+", result "+r.Year.String(), r.Comment)
			}
		}
	} else if m.Comment != "" {
		add(m.Title, m.Comment)
	}
	return notes
}
