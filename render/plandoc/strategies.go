package plandoc

import (
	"slices"
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

// fits draws "How it all fits together": each objective once, with its
// supporting strategies and key activities, grouped by the outcomes it
// serves (or, where objectives name no outcome, the priorities). An
// objective serving two outcomes is one row under both ("Outcomes: A;
// B"), never a row under each; a column no objective fills is left out;
// and a plan whose objectives have neither strategies nor activities gets
// no table, which would only repeat the list of objectives. A cell the
// plan leaves empty prints empty.
func (b *builder) fits() *doc.Section {
	p := b.p
	s := b.section(SectionFits, "How it all fits together", 1)
	if len(p.Objectives) == 0 || len(p.Outcomes) == 0 && len(p.Priorities) == 0 {
		return s
	}
	strategies, activities := make([]string, len(p.Objectives)), make([]string, len(p.Objectives))
	for i := range p.Objectives {
		o := &p.Objectives[i]
		var acts []string
		for _, a := range p.Activities {
			if hasRef(a.Objectives, o.ID) {
				acts = append(acts, a.Title)
			}
		}
		strategies[i] = strings.Join(refTitles(o.Strategies, b.strategyT), "; ")
		activities[i] = strings.Join(acts, "; ")
	}
	t := &doc.Table{ID: b.uid("fits-table"), Head: []string{"Corporate objective"}, RowHeaders: true}
	var cols [][]string
	for _, c := range []struct {
		head  string
		cells []string
	}{{"Supporting strategies", strategies}, {"Key activities", activities}} {
		if slices.ContainsFunc(c.cells, func(x string) bool { return x != "" }) {
			t.Head = append(t.Head, c.head)
			cols = append(cols, c.cells)
		}
	}
	if len(cols) == 0 {
		return s
	}
	t.Numeric = make([]bool, len(t.Head))
	groups, kinds := b.fitsGroups()
	names := []string{"objectives"}
	if len(groups) > 1 || groups[0].heading != "" {
		names = []string{strings.ToLower(kinds), "objectives"}
	}
	for _, h := range t.Head[1:] {
		names = append(names, strings.ToLower(h))
	}
	t.Caption = "How the " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " fit together"
	for _, g := range groups {
		if g.heading != "" {
			t.Rows = append(t.Rows, doc.Row{Cells: []string{g.heading}, Group: true})
		}
		for _, i := range g.objectives {
			row := doc.Row{Cells: []string{p.Objectives[i].Heading()}}
			for _, c := range cols {
				row.Cells = append(row.Cells, c[i])
			}
			t.Rows = append(t.Rows, row)
		}
	}
	s.Blocks = append(s.Blocks, t)
	return s
}

// fitsGroup is a group of the fits table: its heading row ("" for none)
// and its objectives, by index.
type fitsGroup struct {
	heading    string
	objectives []int
}

// fitsGroups groups the objectives by the outcomes they serve, or, where
// none names an outcome, by their priorities: in the order of each
// group's first outcome, objectives serving none last ("Other
// objectives"). Where no objective names either, one group without a
// heading. It returns the groups and what they group by ("Outcomes" or
// "Priorities"), for the caption.
func (b *builder) fitsGroups() ([]fitsGroup, string) {
	p := b.p
	kind, kinds, refs, order := "Outcome", "Outcomes", func(o *plan.Objective) []plan.Ref { return o.Outcomes }, map[string]int{}
	for i, o := range p.Outcomes {
		order[o.ID] = i
	}
	if !slices.ContainsFunc(p.Objectives, func(o plan.Objective) bool { return len(o.Outcomes) > 0 }) {
		kind, kinds, refs, order = "Priority", "Priorities", func(o *plan.Objective) []plan.Ref { return o.Priorities }, map[string]int{}
		for i, pr := range p.Priorities {
			order[pr.ID] = i
		}
	}
	title := b.outcomeT
	if kind == "Priority" {
		title = b.priorityT
	}
	var out []fitsGroup
	rank := map[string]int{} // a group's position: its first outcome's, none last
	for i := range p.Objectives {
		titles := refTitles(refs(&p.Objectives[i]), title)
		heading, r := "Other objectives", len(order)
		switch len(titles) {
		case 0:
		case 1:
			heading = kind + ": " + titles[0]
		default:
			heading = kinds + ": " + strings.Join(titles, "; ")
		}
		if rs := refs(&p.Objectives[i]); len(rs) > 0 {
			r = order[rs[0].ID]
		}
		k := slices.IndexFunc(out, func(g fitsGroup) bool { return g.heading == heading })
		if k < 0 {
			out = append(out, fitsGroup{heading: heading})
			rank[heading] = r
			k = len(out) - 1
		}
		out[k].objectives = append(out[k].objectives, i)
	}
	slices.SortStableFunc(out, func(a, b fitsGroup) int { return rank[a.heading] - rank[b.heading] })
	if len(out) == 1 && out[0].heading == "Other objectives" {
		out[0].heading = ""
	}
	return out, kinds
}
