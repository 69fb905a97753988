package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/export"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

// lineage is one measure followed across the plans that set it: plans keep
// a measure's ID from one to the next (plan roll, mpsplan new --from, and
// diff and the reports' trends follow items by ID), so its ID names its
// page, and links to it survive rebuilds and new plans.
type lineage struct {
	ID string
	// groups are its lines, one an organisation: two organisations that
	// happen to use one ID are not one measure, and their figures are
	// never drawn together.
	groups []*line
}

// line is a measure in the plans of one organisation, oldest plan first.
type line struct {
	org      string
	plans    []*plan.Plan
	measures []*plan.Measure
	rows     []export.Row // its figures, as the data files give them
}

// newest returns the measure as the latest plan words it.
func (l *line) newest() (*plan.Plan, *plan.Measure) {
	return l.plans[len(l.plans)-1], l.measures[len(l.measures)-1]
}

// lineages follows every measure of the approved plans (a draft whose
// approved plan is there speaks through it) by ID, sorted by ID.
func lineages(pubs []Published) []*lineage {
	plans := approvedPlans(pubs)
	// Oldest first, so a line reads forward in time.
	slices.SortStableFunc(plans, func(a, b *plan.Plan) int {
		if c := int(a.Period.First - b.Period.First); c != 0 {
			return c
		}
		return strings.Compare(string(a.Date), string(b.Date))
	})
	byID := map[string]*lineage{}
	var out []*lineage
	for _, p := range plans {
		for i := range p.Measures {
			m := &p.Measures[i]
			ln := byID[m.ID]
			if ln == nil {
				ln = &lineage{ID: m.ID}
				byID[m.ID] = ln
				out = append(out, ln)
			}
			org := p.Organisation()
			idx := slices.IndexFunc(ln.groups, func(g *line) bool { return g.org == org })
			if idx < 0 {
				ln.groups = append(ln.groups, &line{org: org})
				idx = len(ln.groups) - 1
			}
			g := ln.groups[idx]
			g.plans = append(g.plans, p)
			g.measures = append(g.measures, m)
		}
	}
	for _, r := range export.Rows(plans) {
		for _, g := range byID[r.Measure].groups {
			if slices.ContainsFunc(g.plans, func(p *plan.Plan) bool { return p.ID == r.Plan }) {
				g.rows = append(g.rows, r)
			}
		}
	}
	slices.SortFunc(out, func(a, b *lineage) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// title is the measure as its latest plan words it.
func (ln *lineage) title() string {
	_, m := ln.groups[len(ln.groups)-1].newest()
	return m.Title
}

// codes are every code the measure had, in the order first given.
func (ln *lineage) codes() []string {
	var out []string
	for _, g := range ln.groups {
		for _, m := range g.measures {
			for _, c := range m.Codes {
				if !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// planIDs are the plans that set the measure, oldest first.
func (ln *lineage) planIDs() []string {
	var out []string
	for _, g := range ln.groups {
		for _, p := range g.plans {
			out = append(out, p.ID)
		}
	}
	return out
}

// page lays out the measure's page: the plans that set it, with its
// wording and codes in each; its targets, results and status year by year
// as each plan gives them; a chart of its figures across the years.
func (ln *lineage) page(opts Options) *doc.Document {
	ids := doc.Anchors{}
	d := &doc.Document{
		Kind:     "site",
		ID:       "measure-" + ln.ID,
		Title:    ln.title(),
		Subtitle: "Across the plans",
		Meta:     []doc.Meta{{Label: "Measure ID", Value: ln.ID}},
		Keywords: append([]string{ln.ID}, ln.codes()...),
	}
	if cs := ln.codes(); len(cs) > 0 {
		d.Meta = append(d.Meta, doc.Meta{Label: "Codes", Value: strings.Join(cs, "; ")})
	}
	d.Meta = append(d.Meta, doc.Meta{Label: "Plans", Value: strings.Join(ln.planIDs(), ", ")})
	for _, g := range ln.groups {
		d.Organisations = append(d.Organisations, g.org)
	}
	intro := &doc.Section{ID: ids.Unique("about"), Title: "About this page", Level: 1, Blocks: []doc.Block{&doc.Text{Markdown: fmt.Sprintf(
		"How each plan that sets this measure words it, its targets and results year by year, and the status the annual report rules give each result. "+
			"Plans follow a measure by its ID, `%s`. [All plans, reports and measures](../%s#measures).",
		ln.ID, IndexFile)}}}
	d.Sections = append(d.Sections, intro)
	for _, g := range ln.groups {
		level := 1
		var parent *doc.Section
		if len(ln.groups) > 1 {
			parent = &doc.Section{ID: ids.Unique(slug(g.org)), Title: g.org, Level: 1}
			d.Sections = append(d.Sections, parent)
			level = 2
		}
		for _, s := range g.sections(ids, level) {
			if parent != nil {
				parent.Sections = append(parent.Sections, s)
			} else {
				d.Sections = append(d.Sections, s)
			}
		}
	}
	return d
}

// sections are one line's parts of the page.
func (g *line) sections(ids doc.Anchors, level int) []*doc.Section {
	plans := &doc.Section{ID: ids.Unique("plans"), Title: "In each plan", Level: level}
	t := &doc.Table{ID: ids.Unique("plans-table"), Caption: "The measure in each plan, oldest first", RowHeaders: true,
		Head: []string{"Plan", "Period", "Worded as", "Codes", "Unit", "Baseline"}}
	var links []string
	for i, p := range g.plans {
		m := g.measures[i]
		t.Rows = append(t.Rows, doc.Row{Cells: []string{unbroken(p.ID), period(p), m.Title, strings.Join(m.Codes, "; "), string(m.Unit), baseline(m.Baseline)}})
		links = append(links, fmt.Sprintf("[%s](../%s)", mdtext.Escape(planName(p)), planDataPath(p.ID, "html")))
	}
	plans.Blocks = []doc.Block{t, &doc.Text{Markdown: "The plans: " + strings.Join(links, "; ") + "."}}
	out := []*doc.Section{plans}
	figures := &doc.Section{ID: ids.Unique("figures"), Title: "Targets and results", Level: level}
	figures.Blocks = append(figures.Blocks, g.figuresTable(ids, "", "Targets and results year by year, as each plan gives them"))
	if c := g.trend(ids); c != nil {
		figures.Blocks = append(figures.Blocks, c)
	} else {
		figures.Blocks = append(figures.Blocks, &doc.Text{Markdown: "No chart: the plans give comparable figures for this measure (the same unit, both levels or both changes) in fewer than two years."})
	}
	out = append(out, figures)
	for _, part := range g.parts() {
		s := &doc.Section{ID: ids.Unique("part-" + part.ID), Title: part.Title, Level: level + 1}
		s.Blocks = []doc.Block{g.figuresTable(ids, part.ID, "Targets and results of "+part.Title+" year by year")}
		figures.Sections = append(figures.Sections, s)
	}
	return out
}

// parts are the measure's breakdowns, in the order first given.
func (g *line) parts() []plan.MeasurePart {
	var out []plan.MeasurePart
	for _, m := range g.measures {
		for _, pt := range m.Parts {
			if !slices.ContainsFunc(out, func(o plan.MeasurePart) bool { return o.ID == pt.ID }) {
				out = append(out, pt)
			}
		}
	}
	return out
}

// figuresTable lists the line's figures of part ("" for the measure
// itself): one row per year, plan and result, as the data files have them.
func (g *line) figuresTable(ids doc.Anchors, part, caption string) *doc.Table {
	t := &doc.Table{ID: ids.Unique(slug("figures-" + part + "-table")), Caption: caption, RowHeaders: true,
		Head:    []string{"Year", "Plan", "Target", "Result", "Period covered", "Status"},
		Numeric: []bool{false, false, true, true, false, false}}
	rows := slices.Clone(g.rows)
	slices.SortStableFunc(rows, func(a, b export.Row) int { return strings.Compare(a.Year, b.Year) })
	for _, r := range rows {
		if r.Part != part {
			continue
		}
		result := r.ResultText
		if r.ResultOf != "" {
			result += " (the figure for " + r.ResultOf + ")"
		}
		covered := r.Period
		if covered == "" && r.ResultText != "" {
			covered = "the whole year"
		}
		t.Rows = append(t.Rows, doc.Row{Cells: []string{r.Year, unbroken(r.Plan), r.TargetText, result, covered, r.Status}})
	}
	if len(t.Rows) == 0 {
		t.Note = "The plans give no target or result for it."
	}
	return t
}

// baseline prints the figure targets are set against: 79% (2005/06), with
// the part of the year it covers when not the whole.
func baseline(o *plan.Observation) string {
	if o == nil {
		return ""
	}
	when := o.Year.String()
	if o.Period != "" {
		when = o.Period + ", " + when
	}
	return o.Value.Text + " (" + when + ")"
}

// unbroken prints a plan ID (2007-10) for a table cell, its hyphens
// non-breaking (U+2011): a narrow column would otherwise break it after the
// hyphen, where it reads as two numbers.
func unbroken(id string) string { return strings.ReplaceAll(id, "-", "\u2011") }

// period prints a plan's period: 2008/09 to 2010/11.
func period(p *plan.Plan) string { return p.Period.First.String() + " to " + p.Period.Last.String() }

// planName is a plan's title with its subtitle.
func planName(p *plan.Plan) string {
	if p.Subtitle != "" {
		return p.Title + ": " + p.Subtitle
	}
	return p.Title
}

// slug makes an anchor of words: lower case, hyphens between.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
