package plandoc

import (
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

func (b *builder) summary() *doc.Section {
	s := b.section(SectionSummary, "Summary", 1)
	s.Blocks = append(s.Blocks, mdBlocks(b.p.Summary)...)
	return s
}

func (b *builder) mission() *doc.Section {
	p := b.p
	// Titled by what the plan has: no "values" heading over a mission alone.
	title := "Mission"
	if v := p.Values; len(p.Commitments) > 0 || v != nil && (len(v.Items) > 0 || v.Intro != "" || v.Statement != "") {
		title = "Mission and values"
	}
	s := b.section(SectionMission, title, 1)
	if p.Mission != "" {
		s.Blocks = append(s.Blocks, &doc.Text{Markdown: "Our mission: **" + mdtext.Escape(p.Mission) + "**"})
	}
	if p.Vision != "" {
		s.Blocks = append(s.Blocks, &doc.Text{Markdown: "Our vision: **" + mdtext.Escape(p.Vision) + "**"})
	}
	if len(p.Commitments) > 0 {
		c := b.section("commitments", "Our commitments", 2)
		c.Blocks = append(c.Blocks, itemList(b.uid("commitments-list"), p.Commitments))
		s.Sections = append(s.Sections, c)
	}
	if v := p.Values; v != nil && (len(v.Items) > 0 || v.Intro != "" || v.Statement != "") {
		vs := b.section("values", "Our values", 2)
		vs.Blocks = append(vs.Blocks, mdBlocks(v.Intro)...)
		if len(v.Items) > 0 {
			vs.Blocks = append(vs.Blocks, itemList(b.uid("values-list"), v.Items))
		}
		if v.Statement != "" {
			vs.Blocks = append(vs.Blocks, &doc.Text{Markdown: "**" + mdtext.Escape(v.Statement) + "**"})
		}
		s.Sections = append(s.Sections, vs)
	}
	return s
}

// enablers lists what enables the plan's delivery.
func (b *builder) enablers() *doc.Section {
	return b.items(SectionEnablers, "Enablers", b.p.Enablers)
}

// improvements lists the plan's continuous improvement programme.
func (b *builder) improvements() *doc.Section {
	return b.items(SectionImprovements, "Continuous improvement", b.p.Improvements)
}

// items is a part that is one list of the plan's items.
func (b *builder) items(id, title string, items []plan.Item) *doc.Section {
	s := b.section(id, title, 1)
	if len(items) == 0 && b.extra[id] == nil {
		return s
	}
	if len(items) > 0 {
		s.Blocks = append(s.Blocks, itemList(b.uid(id+"-list"), items))
	}
	return s
}

// addPlanSectionBody puts a plan section's body and items into s.
func (b *builder) addPlanSectionBody(s *doc.Section, ps *plan.Section) {
	s.Blocks = append(s.Blocks, mdBlocks(ps.Body)...)
	if len(ps.Items) > 0 {
		s.Blocks = append(s.Blocks, itemList(b.uid(ps.ID+"-items"), ps.Items))
	}
	if t := b.sectionMeasures(s.ID, ps); t != nil {
		s.Blocks = append(s.Blocks, t)
	}
	for i := range ps.Sections {
		s.Sections = append(s.Sections, b.planSection(&ps.Sections[i], s.Level+1, s.Appendix))
	}
}

func (b *builder) planSection(ps *plan.Section, level int, appendix bool) *doc.Section {
	s := &doc.Section{ID: b.uid(ps.ID), Title: ps.Title, Level: level, Appendix: appendix || ps.Appendix}
	b.addPlanSectionBody(s, ps)
	return s
}
