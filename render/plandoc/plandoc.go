// Package plandoc builds the document (render/doc) of a validated policing
// plan: the parts a plan has, in the order the published plans use.
package plandoc

import (
	"errors"
	"slices"
	"time"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// Options are the inputs of a build that do not come from the plan.
type Options struct {
	// Date is used when the plan states no date: the build's
	// SOURCE_DATE_EPOCH. The zero time means none, and the document then
	// carries no date: the clock is never read, so builds are reproducible.
	Date time.Time
	// Edition adds the maintainers' appendix "About this edition" (build
	// --edition-notes): the source, encoder's notes, acknowledged
	// inconsistencies and other wordings, which published documents omit.
	Edition bool
}

// Section IDs the builder gives the parts it lays out. A plan section
// (plan.Section) with one of these IDs is not printed on its own: its title
// heads the built section of the same ID and its body and items open it, so
// an author can write the narrative of, say, "How it all fits together"
// beside the table the builder draws, under the document's own heading.
const (
	SectionSummary      = "summary"
	SectionMission      = "mission-and-values"
	SectionOutcomes     = "outcomes"
	SectionPriorities   = "priorities"
	SectionObjectives   = "objectives"
	SectionActivities   = "key-activities"
	SectionEnablers     = "enablers"
	SectionImprovements = "continuous-improvement"
	SectionStrategies   = "supporting-strategies"
	SectionFits         = "how-it-fits"
	SectionBudget       = "budget"
	SectionPerformance  = "performance"
	SectionInspections  = "inspections"
)

// part is one part of the document the builder lays out from the plan:
// the ID of its section, and the function that builds it. A part the plan
// has nothing for comes back empty and is left out.
type part struct {
	id    string
	build func(*builder) *doc.Section
}

// parts are the built parts in the order the published plans print them,
// each built in the file named for it. A plan section with a part's ID is
// not printed on its own: its body opens the part (see builder.section).
var parts = []part{
	{SectionSummary, (*builder).summary},
	{SectionMission, (*builder).mission},
	{SectionOutcomes, (*builder).outcomes},
	{SectionPriorities, (*builder).priorities},
	{SectionObjectives, (*builder).objectives},
	{SectionActivities, (*builder).activities},
	{SectionEnablers, (*builder).enablers},
	{SectionImprovements, (*builder).improvements},
	{SectionStrategies, (*builder).strategies},
	{SectionFits, (*builder).fits},
	{SectionBudget, (*builder).budget},
	{SectionPerformance, (*builder).performance},
	{SectionInspections, (*builder).inspections},
}

// Build lays a validated plan out as a Document in the order the
// published plans use: title block, summary, mission and values, outcomes,
// priorities, objectives with their critical performance areas, key
// activities, enablers, continuous improvement, supporting strategies, how it
// all fits together, budget, performance, inspections, the plan's further
// sections and its appendices. Parts a plan lacks are left out. Figures are
// printed as the plan writes them; nothing is computed but layout.
func Build(p *plan.Plan, opts Options) (*doc.Document, error) {
	if p == nil {
		return nil, errors.New("render: no plan")
	}
	// Wordings (other wordings the source uses for an item) are for
	// matching and tracing, not for readers: the document prints each
	// item's title only.
	b := &builder{p: p, ids: doc.Anchors{}, extra: map[string]*plan.Section{}, leads: map[doc.Block]string{}}
	b.indexTitles()
	return b.build(opts)
}

type builder struct {
	p     *plan.Plan
	ids   doc.Anchors
	extra map[string]*plan.Section // plan sections merged into built ones, by ID
	// leads are blocks that introduce a placeable part where it was built
	// (a group label above its list), by the part's ID: placed elsewhere,
	// the part goes without them.
	leads map[doc.Block]string
	// Titles by ID, for printing references.
	outcomeT, strandT, priorityT, objectiveT, strategyT map[string]string
}

func (b *builder) indexTitles() {
	p := b.p
	b.outcomeT, b.strandT, b.priorityT, b.objectiveT, b.strategyT = map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}
	for _, o := range p.Outcomes {
		b.outcomeT[o.ID] = o.Title
		for _, st := range o.Strands {
			b.strandT[st.ID] = st.Title
		}
	}
	for _, pr := range p.Priorities {
		b.priorityT[pr.ID] = pr.Title
	}
	for i := range p.Objectives {
		b.objectiveT[p.Objectives[i].ID] = p.Objectives[i].Heading()
	}
	for _, st := range p.Strategies {
		b.strategyT[st.ID] = st.Title
	}
}

// uid returns an anchor unique in the document.
func (b *builder) uid(base string) string { return b.ids.Unique(base) }

func (b *builder) section(id, title string, level int) *doc.Section {
	s := &doc.Section{ID: b.uid(id), Title: title, Level: level}
	if level == 1 {
		if ps := b.extra[id]; ps != nil {
			// The heading is the document's own ("MPS/MPA budget", "Using
			// our Resources Effectively"), not the builder's name for the part.
			s.Title = ps.Title
			b.addPlanSectionBody(s, ps)
		}
	}
	return s
}

func (b *builder) build(opts Options) (*doc.Document, error) {
	p := b.p
	d := &doc.Document{
		Kind:          "plan",
		ID:            p.ID,
		Title:         p.Title,
		Subtitle:      p.Subtitle,
		Organisations: slices.Clone(p.Organisations),
	}
	d.Draft = p.Status == "draft"
	d.Date, d.Created = documentDate(p.Date, opts.Date)
	d.Meta = b.meta(d.Date)
	d.Keywords = append(slices.Clone(p.Organisations), p.Kind.Label(), p.Period.First.String()+" to "+p.Period.Last.String())

	for i := range p.Sections {
		if ps := &p.Sections[i]; !ps.Appendix && slices.ContainsFunc(parts, func(pt part) bool { return pt.id == ps.ID }) {
			b.extra[ps.ID] = ps
		}
	}
	for _, pt := range parts {
		if s := pt.build(b); s != nil && (len(s.Blocks) > 0 || len(s.Sections) > 0) {
			d.Sections = append(d.Sections, s)
		}
	}
	// Then the plan's own sections, in the order written, and its
	// appendices; those that opened a built section above are not repeated.
	for _, appendix := range []bool{false, true} {
		for i := range p.Sections {
			ps := &p.Sections[i]
			if ps.Appendix != appendix || b.extra[ps.ID] == ps {
				continue
			}
			d.Sections = append(d.Sections, b.planSection(ps, 1, appendix))
		}
	}
	if len(p.Outline) > 0 {
		var diags plan.Diagnostics
		if d.Sections, diags = arrange(d.Sections, p.Outline); len(diags) > 0 {
			return nil, diags.Err()
		}
	}
	if len(p.Placements) > 0 {
		var diags plan.Diagnostics
		if d.Sections, diags = place(d.Sections, p.Placements, p.Outline, b.leads); len(diags) > 0 {
			return nil, diags.Err()
		}
	}
	if opts.Edition || p.EditionNotes {
		d.Sections = append(d.Sections, b.aboutEdition())
	}
	return d, nil
}
