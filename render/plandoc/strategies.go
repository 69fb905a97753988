package plandoc

import (
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

func (b *builder) strategies() *doc.Section {
	p := b.p
	s := b.section(SectionStrategies, "Supporting strategies", 1)
	if len(p.Strategies) == 0 {
		return s
	}
	hasDesc := false
	for _, st := range p.Strategies {
		hasDesc = hasDesc || strings.TrimSpace(string(st.Description)) != ""
	}
	t := &doc.Table{ID: b.uid("strategies-table"), Caption: "Supporting strategies and the objectives they support", RowHeaders: true,
		Head: []string{"Strategy"}}
	if hasDesc {
		t.Head = append(t.Head, "What it covers")
	}
	t.Head = append(t.Head, "Objectives supported")
	t.Numeric = make([]bool, len(t.Head))
	for _, st := range p.Strategies {
		var objs []string
		for i := range p.Objectives {
			if hasRef(p.Objectives[i].Strategies, st.ID) {
				objs = append(objs, p.Objectives[i].Heading())
			}
		}
		row := doc.Row{Cells: []string{st.Title}}
		if hasDesc {
			row.Cells = append(row.Cells, mdtext.Plain(st.Description))
		}
		row.Cells = append(row.Cells, strings.Join(objs, "; "))
		t.Rows = append(t.Rows, row)
	}
	s.Blocks = append(s.Blocks, t)
	return s
}

// fits draws "How it all fits together": each outcome with the objectives
// serving it, their supporting strategies and key activities.
func (b *builder) fits() *doc.Section {
	p := b.p
	s := b.section(SectionFits, "How it all fits together", 1)
	if len(p.Objectives) == 0 || len(p.Outcomes) == 0 && len(p.Priorities) == 0 {
		return s
	}
	t := &doc.Table{ID: b.uid("fits-table"), Caption: "How the outcomes, objectives, supporting strategies and key activities fit together",
		Head: []string{"Corporate objective", "Supporting strategies", "Key activities"}, Numeric: []bool{false, false, false}, RowHeaders: true}
	row := func(o *plan.Objective) doc.Row {
		var acts []string
		for _, a := range p.Activities {
			if hasRef(a.Objectives, o.ID) {
				acts = append(acts, a.Title)
			}
		}
		return doc.Row{Cells: []string{o.Heading(), strings.Join(refTitles(o.Strategies, b.strategyT), "; "), strings.Join(acts, "; ")}}
	}
	placed := map[string]bool{}
	group := func(kind, id, title string, refs func(*plan.Objective) []plan.Ref) {
		var rows []doc.Row
		for i := range p.Objectives {
			o := &p.Objectives[i]
			if hasRef(refs(o), id) {
				rows = append(rows, row(o))
				placed[o.ID] = true
			}
		}
		if len(rows) > 0 {
			t.Rows = append(t.Rows, doc.Row{Cells: []string{kind + ": " + title}, Group: true})
			t.Rows = append(t.Rows, rows...)
		}
	}
	for _, g := range sharedObjectiveGroups(p) {
		kind := "Outcome"
		if len(g.titles) > 1 {
			kind = "Outcomes"
		}
		group(kind, g.id, strings.Join(g.titles, "; "), func(o *plan.Objective) []plan.Ref { return o.Outcomes })
	}
	if len(t.Rows) == 0 {
		for _, pr := range p.Priorities {
			group("Priority", pr.ID, pr.Title, func(o *plan.Objective) []plan.Ref { return o.Priorities })
		}
	}
	var rest []doc.Row
	for i := range p.Objectives {
		if !placed[p.Objectives[i].ID] {
			rest = append(rest, row(&p.Objectives[i]))
		}
	}
	if len(rest) > 0 {
		if len(t.Rows) > 0 {
			t.Rows = append(t.Rows, doc.Row{Cells: []string{"Other objectives"}, Group: true})
		}
		t.Rows = append(t.Rows, rest...)
	}
	if len(p.Improvements) > 0 {
		var imps []string
		for _, it := range p.Improvements {
			imps = append(imps, strings.TrimSuffix(it.Title, "."))
		}
		t.Note = "Continuous improvement underpins every objective: " + mdtext.Escape(strings.Join(imps, "; ")) + "."
	}
	s.Blocks = append(s.Blocks, t)
	return s
}

// outcomeGroup is one or more outcomes served by the same objectives.
type outcomeGroup struct {
	id     string // the first outcome's
	titles []string
}

// sharedObjectiveGroups groups the outcomes that the same objectives serve, so
// that a document which states two outcomes together, over one set of
// objectives (2008-11: "Crime, disorder, vulnerability and harm are
// prevented and reduced / Offenders are brought to justice"), lists those
// objectives once, under both.
func sharedObjectiveGroups(p *plan.Plan) []outcomeGroup {
	var out []outcomeGroup
	seen := map[string]int{} // objective IDs served → index in out
	for _, o := range p.Outcomes {
		var ids []string
		for i := range p.Objectives {
			if hasRef(p.Objectives[i].Outcomes, o.ID) {
				ids = append(ids, p.Objectives[i].ID)
			}
		}
		key := strings.Join(ids, " ")
		if i, ok := seen[key]; ok && key != "" {
			out[i].titles = append(out[i].titles, o.Title)
			continue
		}
		seen[key] = len(out)
		out = append(out, outcomeGroup{id: o.ID, titles: []string{o.Title}})
	}
	return out
}
