package plandoc

import (
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

func (b *builder) outcomes() *doc.Section {
	p := b.p
	s := b.section(SectionOutcomes, "Strategic outcomes", 1)
	for _, o := range p.Outcomes {
		os := b.section("outcome-"+o.ID, o.Title, 2)
		var objs, prs []string
		for i := range p.Objectives {
			if hasRef(p.Objectives[i].Outcomes, o.ID) {
				objs = append(objs, p.Objectives[i].Heading())
			}
		}
		for _, pr := range p.Priorities {
			if hasRef(pr.Outcomes, o.ID) {
				prs = append(prs, pr.Title)
			}
		}
		os.Blocks = append(os.Blocks, mdBlocks(o.Description)...)
		os.Blocks = append(os.Blocks, facts(
			[2]string{"Short name", mdtext.Escape(o.Short)},
			[2]string{"Priorities contributing", escapeJoin(prs)},
			[2]string{"Objectives serving it", escapeJoin(objs)},
		)...)
		for _, st := range o.Strands {
			ss := b.section("strand-"+st.ID, st.Title, 3)
			ss.Blocks = append(ss.Blocks, mdBlocks(st.Description)...)
			os.Sections = append(os.Sections, ss)
		}
		s.Sections = append(s.Sections, os)
	}
	return s
}

func (b *builder) priorities() *doc.Section {
	p := b.p
	s := b.section(SectionPriorities, "Strategic priorities", 1)
	for _, pr := range p.Priorities {
		ps := b.section("priority-"+pr.ID, pr.Title, 2)
		ps.Blocks = append(ps.Blocks, mdBlocks(pr.Description)...)
		ps.Blocks = append(ps.Blocks, facts(
			[2]string{"Contributes to", escapeJoin(refTitles(pr.Outcomes, b.outcomeT))},
		)...)
		if t := b.targetTable(ps.ID, "Performance measures and targets: "+pr.Title, func(m *plan.Measure) bool { return hasRef(m.Priorities, pr.ID) }); t != nil {
			ps.Blocks = append(ps.Blocks, t)
		}
		if l := b.activityList(func(a *plan.Activity) bool { return hasRef(a.Priorities, pr.ID) }); l != nil {
			ps.Blocks = append(ps.Blocks, &doc.Text{Markdown: "Key activities:"}, l)
		}
		s.Sections = append(s.Sections, ps)
	}
	return s
}
