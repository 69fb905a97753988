// Package plandoc builds the document (render/doc) of a validated policing
// plan: the parts a plan has, in the order the published plans use.
package plandoc

import (
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"

	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mpsplan/mpsplan/plan"
)

// Options are the inputs of a build that do not come from the plan.
type Options struct {
	// Date is used when the plan states no date: the build's
	// SOURCE_DATE_EPOCH. The zero time means none, and the document then
	// carries no date: the clock is never read, so builds are reproducible.
	Date time.Time
}

// Section IDs the builder gives the parts it lays out. A plan section
// (plan.Section) with one of these IDs is not printed on its own: its body
// and items open the built section of the same ID, so an author can write
// the narrative of, say, "How it all fits together" beside the table the
// builder draws.
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
	b := &builder{p: p, ids: doc.Anchors{}, extra: map[string]*plan.Section{}}
	b.indexTitles()
	return b.build(opts), nil
}

type builder struct {
	p     *plan.Plan
	ids   doc.Anchors
	extra map[string]*plan.Section // plan sections merged into built ones, by ID
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
		b.objectiveT[p.Objectives[i].ID] = objectiveHeading(&p.Objectives[i])
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
			b.addPlanSectionBody(s, ps)
		}
	}
	return s
}

func (b *builder) build(opts Options) *doc.Document {
	p := b.p
	d := &doc.Document{
		Kind:          "plan",
		ID:            p.ID,
		Title:         p.Title,
		Subtitle:      p.Subtitle,
		Organisations: slices.Clone(p.Organisations),
	}
	d.Date, d.Created = documentDate(p.Date, opts.Date)
	d.Meta = b.meta(d.Date)
	d.Keywords = append(slices.Clone(p.Organisations), kindLabel(p.Kind), p.Period.First.String()+" to "+p.Period.Last.String())

	built := map[string]bool{}
	for _, id := range []string{SectionSummary, SectionMission, SectionOutcomes, SectionPriorities, SectionObjectives,
		SectionActivities, SectionEnablers, SectionImprovements, SectionStrategies, SectionFits, SectionBudget,
		SectionPerformance, SectionInspections} {
		built[id] = true
	}
	for i := range p.Sections {
		if ps := &p.Sections[i]; built[ps.ID] && !ps.Appendix {
			b.extra[ps.ID] = ps
		}
	}

	for _, f := range []func() *doc.Section{
		b.summary, b.mission, b.outcomes, b.priorities, b.objectives, b.activities,
		func() *doc.Section { return b.items(SectionEnablers, "Enablers", p.Enablers) },
		func() *doc.Section { return b.items(SectionImprovements, "Continuous improvement", p.Improvements) },
		b.strategies, b.fits, b.budget, b.performance, b.inspections,
	} {
		if s := f(); s != nil && (len(s.Blocks) > 0 || len(s.Sections) > 0) {
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
	return d
}

var months = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// documentDate prints the plan's date ("23 February 2006", "September
// 2005"), or else the fallback's day, with the time for file metadata.
func documentDate(pd plan.Date, fallback time.Time) (string, time.Time) {
	if s := string(pd); s != "" {
		// The loader accepts only 2006-02-23 and 2005-09; a plan built in
		// code may hold anything, which is then printed as it is.
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year()), t
		}
		if t, err := time.Parse("2006-01", s); err == nil {
			return months[t.Month()-1] + " " + strconv.Itoa(t.Year()), t
		}
		return s, time.Time{}
	}
	if fallback.IsZero() {
		return "", time.Time{}
	}
	t := fallback.UTC()
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year()), t
}

func kindLabel(kind string) string {
	switch kind {
	case "corporate-strategy":
		return "Corporate strategy"
	case "strategy-and-plan":
		return "Strategy and policing plan"
	case "corporate-plan":
		return "Corporate plan"
	case "policing-plan":
		return "Policing plan"
	case "budget-submission":
		return "Budget submission"
	}
	return kind
}

func (b *builder) meta(date string) []doc.Meta {
	p := b.p
	var m []doc.Meta
	add := func(label, value string) {
		if value != "" {
			m = append(m, doc.Meta{Label: label, Value: value})
		}
	}
	add("Period", p.Period.First.String()+" to "+p.Period.Last.String())
	if len(p.PlanYears) > 0 {
		label := "Plan year"
		if len(p.PlanYears) > 1 {
			label = "Plan years"
		}
		add(label, joinYears(p.PlanYears))
	}
	add("Version", p.Version)
	add("Status", capitalise(p.Status))
	add("Date", date)
	add("Approved by", p.ApprovedBy)
	src := p.Source.Title
	if src == "" {
		src = p.Source.Document
	}
	add("Source", src)
	add("Source note", p.Source.Note)
	return m
}

func joinYears(ys []plan.Year) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = y.String()
	}
	return strings.Join(s, ", ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func mdBlocks(md plan.Markdown) []doc.Block {
	if strings.TrimSpace(string(md)) == "" {
		return nil
	}
	return []doc.Block{&doc.Text{Markdown: strings.TrimRight(string(md), "\n")}}
}

func plainText(s string) []doc.Block {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []doc.Block{&doc.Text{Markdown: mdtext.Escape(s)}}
}

func (b *builder) summary() *doc.Section {
	if strings.TrimSpace(string(b.p.Summary)) == "" && b.extra[SectionSummary] == nil {
		// A plan whose foreword is one of its sections (it has no summary)
		// gets it where the summary goes, under its own title.
		for i := range b.p.Sections {
			if ps := &b.p.Sections[i]; ps.ID == "foreword" && !ps.Appendix {
				b.extra[ps.ID] = ps
				s := &doc.Section{ID: b.uid(ps.ID), Title: ps.Title, Level: 1}
				b.addPlanSectionBody(s, ps)
				return s
			}
		}
	}
	s := b.section(SectionSummary, "Summary", 1)
	s.Blocks = append(s.Blocks, mdBlocks(b.p.Summary)...)
	return s
}

func (b *builder) mission() *doc.Section {
	p := b.p
	s := b.section(SectionMission, "Mission and values", 1)
	if p.Mission != "" {
		s.Blocks = append(s.Blocks, &doc.Text{Markdown: "Our mission: **" + mdtext.Escape(p.Mission) + "**"})
	}
	if p.Vision != "" {
		s.Blocks = append(s.Blocks, &doc.Text{Markdown: "Our vision: **" + mdtext.Escape(p.Vision) + "**"})
	}
	if len(p.Commitments) > 0 {
		c := b.section("commitments", "Our commitments", 2)
		c.Blocks = append(c.Blocks, itemList(p.Commitments))
		s.Sections = append(s.Sections, c)
	}
	if v := p.Values; v != nil && (len(v.Items) > 0 || v.Intro != "" || v.Statement != "") {
		vs := b.section("values", "Our values", 2)
		vs.Blocks = append(vs.Blocks, mdBlocks(v.Intro)...)
		if len(v.Items) > 0 {
			vs.Blocks = append(vs.Blocks, itemList(v.Items))
		}
		if v.Statement != "" {
			vs.Blocks = append(vs.Blocks, &doc.Text{Markdown: "**" + mdtext.Escape(v.Statement) + "**"})
		}
		s.Sections = append(s.Sections, vs)
	}
	return s
}

func itemList(items []plan.Item) *doc.List {
	l := &doc.List{}
	for _, it := range items {
		l.Items = append(l.Items, doc.ListItem{Text: it.Title, Detail: strings.TrimRight(string(it.Description), "\n")})
	}
	return l
}

// refTitles names the referenced items, in the order written; a dangling
// reference (in a plan that did not validate) is left out.
func refTitles(refs []plan.Ref, title map[string]string) []string {
	var out []string
	for _, r := range refs {
		if t := title[r.ID]; t != "" {
			out = append(out, t)
		}
	}
	return out
}

func objectiveHeading(o *plan.Objective) string {
	if o.Code != "" {
		return o.Code + ". " + o.Title
	}
	return o.Title
}

// facts prints labelled lines ("Contributes to: ...") as a Markdown list.
func facts(pairs ...[2]string) []doc.Block {
	var lines []string
	for _, kv := range pairs {
		if kv[1] != "" {
			lines = append(lines, "- "+kv[0]+": "+kv[1])
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return []doc.Block{&doc.Text{Markdown: strings.Join(lines, "\n")}}
}

func escapeJoin(ss []string) string {
	e := make([]string, len(ss))
	for i, s := range ss {
		e[i] = mdtext.Escape(s)
	}
	return strings.Join(e, "; ")
}

func (b *builder) outcomes() *doc.Section {
	p := b.p
	s := b.section(SectionOutcomes, "Strategic outcomes", 1)
	for _, o := range p.Outcomes {
		os := b.section("outcome-"+o.ID, o.Title, 2)
		var objs, prs []string
		for i := range p.Objectives {
			if hasRef(p.Objectives[i].Outcomes, o.ID) {
				objs = append(objs, objectiveHeading(&p.Objectives[i]))
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

func hasRef(refs []plan.Ref, id string) bool {
	return slices.ContainsFunc(refs, func(r plan.Ref) bool { return r.ID == id })
}

func (b *builder) objectives() *doc.Section {
	p := b.p
	title := "Corporate objectives"
	if p.Kind == "policing-plan" || p.Kind == "strategy-and-plan" {
		title = "Objectives"
	}
	s := b.section(SectionObjectives, title, 1)
	for i := range p.Objectives {
		o := &p.Objectives[i]
		os := b.section("objective-"+o.ID, objectiveHeading(o), 2)
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
		if t := b.targetTable(os.ID, "Critical performance areas and targets: "+objectiveHeading(o), func(m *plan.Measure) bool { return hasRef(m.Objectives, o.ID) }); t != nil {
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
	for _, m := range ms {
		row := doc.Row{Cells: []string{measureLabel(m)}}
		for _, y := range years {
			row.Cells = append(row.Cells, targetCell(m.Targets, y))
		}
		t.Rows = append(t.Rows, row)
		notes = append(notes, measureNotes(m, false)...)
		for _, part := range m.Parts {
			row := doc.Row{Cells: []string{measureLabel(m) + ": " + part.Title}}
			for _, y := range years {
				row.Cells = append(row.Cells, targetCell(part.Targets, y))
			}
			if len(part.Targets) > 0 {
				t.Rows = append(t.Rows, row)
			}
		}
	}
	if len(years) == 0 {
		t.Head = append(t.Head, "Target")
		t.Numeric = append(t.Numeric, false)
		for i := range t.Rows {
			t.Rows[i].Cells = append(t.Rows[i].Cells, "No target set")
		}
	}
	t.Note = strings.Join(notes, "\n")
	return t
}

func measureLabel(m *plan.Measure) string {
	if len(m.Codes) > 0 {
		return m.Title + " (" + strings.Join(m.Codes, ", ") + ")"
	}
	return m.Title
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
			add(m.Title+": "+part.Title, part.Comment)
		}
	} else if m.Comment != "" {
		add(m.Title, m.Comment)
	}
	return notes
}

func (b *builder) activityList(sel func(*plan.Activity) bool) *doc.List {
	l := &doc.List{}
	for i := range b.p.Activities {
		a := &b.p.Activities[i]
		if sel(a) {
			l.Items = append(l.Items, doc.ListItem{Text: a.Title, Detail: strings.TrimRight(string(a.Description), "\n")})
		}
	}
	if len(l.Items) == 0 {
		return nil
	}
	return l
}

func (b *builder) activities() *doc.Section {
	p := b.p
	s := b.section(SectionActivities, "Key activities", 1)
	var years []plan.Year
	for _, a := range p.Activities {
		if !slices.Contains(years, a.Year) {
			years = append(years, a.Year)
		}
	}
	slices.Sort(years)
	for _, y := range years {
		title := "Key activities " + y.String()
		if y == 0 {
			title = "Key activities"
		}
		var target *doc.Section
		if len(years) == 1 {
			target = s
			s.Title = title
		} else {
			target = b.section("activities-"+strings.ReplaceAll(y.String(), "/", "-"), title, 2)
			s.Sections = append(s.Sections, target)
		}
		// Grouped by the objective or priority they deliver, as the
		// published plans list them.
		var groups []string
		byGroup := map[string][]doc.ListItem{}
		for _, a := range p.Activities {
			if a.Year != y {
				continue
			}
			g := strings.Join(append(refTitles(a.Objectives, b.objectiveT), refTitles(a.Priorities, b.priorityT)...), "; ")
			if _, ok := byGroup[g]; !ok {
				groups = append(groups, g)
			}
			byGroup[g] = append(byGroup[g], doc.ListItem{Text: a.Title, Detail: strings.TrimRight(string(a.Description), "\n")})
		}
		for _, g := range groups {
			if g != "" {
				target.Blocks = append(target.Blocks, &doc.Text{Markdown: "**" + mdtext.Escape(g) + "**"})
			}
			target.Blocks = append(target.Blocks, &doc.List{Items: byGroup[g]})
		}
	}
	return s
}

func (b *builder) items(id, title string, items []plan.Item) *doc.Section {
	s := b.section(id, title, 1)
	if len(items) == 0 && b.extra[id] == nil {
		return s
	}
	if len(items) > 0 {
		s.Blocks = append(s.Blocks, itemList(items))
	}
	return s
}

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
				objs = append(objs, objectiveHeading(&p.Objectives[i]))
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
		return doc.Row{Cells: []string{objectiveHeading(o), strings.Join(refTitles(o.Strategies, b.strategyT), "; "), strings.Join(acts, "; ")}}
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
	for _, o := range p.Outcomes {
		group("Outcome", o.ID, o.Title, func(o *plan.Objective) []plan.Ref { return o.Outcomes })
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

func (b *builder) budget() *doc.Section {
	bu := b.p.Budget
	s := b.section(SectionBudget, "Budget", 1)
	if bu == nil {
		return s
	}
	s.Blocks = append(s.Blocks, mdBlocks(bu.Summary)...)
	for i := range bu.Breakdowns {
		s.Sections = append(s.Sections, b.breakdown(&bu.Breakdowns[i]))
	}
	if len(bu.Initiatives) > 0 {
		s.Sections = append(s.Sections, b.initiatives(bu.Initiatives))
	}
	if strings.TrimSpace(string(bu.Capital)) != "" {
		cs := b.section("capital", "Capital", 2)
		cs.Blocks = append(cs.Blocks, mdBlocks(bu.Capital)...)
		s.Sections = append(s.Sections, cs)
	}
	for i := range bu.Tables {
		t := &bu.Tables[i]
		ts := b.section("table-"+t.ID, t.Title, 2)
		ts.Blocks = append(ts.Blocks, b.yearTable(t))
		s.Sections = append(s.Sections, ts)
	}
	if len(bu.Risks) > 0 {
		rs := b.section("risks", "Risks and issues", 2)
		hasAmount, hasKind, hasArea := false, false, false
		for _, r := range bu.Risks {
			hasAmount = hasAmount || r.Amount != nil
			hasKind = hasKind || r.Kind != ""
			hasArea = hasArea || r.Area != ""
		}
		t := &doc.Table{ID: b.uid("risks-table"), Caption: "Financial risks and issues", Head: []string{"Risk or issue"}, RowHeaders: true}
		if hasKind {
			t.Head = append(t.Head, "Type")
		}
		if hasArea {
			t.Head = append(t.Head, "Budget")
		}
		if hasAmount {
			t.Head = append(t.Head, "Amount")
		}
		t.Head = append(t.Head, "Detail")
		t.Numeric = make([]bool, len(t.Head))
		if hasAmount {
			t.Numeric[len(t.Head)-2] = true
		}
		for _, r := range bu.Risks {
			row := doc.Row{Cells: []string{r.Title}}
			if hasKind {
				row.Cells = append(row.Cells, capitalise(r.Kind))
			}
			if hasArea {
				row.Cells = append(row.Cells, capitalise(r.Area))
			}
			if hasAmount {
				row.Cells = append(row.Cells, r.Amount.String())
			}
			row.Cells = append(row.Cells, mdtext.Plain(r.Description))
			t.Rows = append(t.Rows, row)
		}
		rs.Blocks = append(rs.Blocks, t)
		s.Sections = append(s.Sections, rs)
	}
	return s
}

// initiatives lists new initiatives and the money given to them.
func (b *builder) initiatives(ins []plan.Initiative) *doc.Section {
	s := b.section("initiatives", "New initiatives", 2)
	hasYear, hasObj, hasDesc := false, false, false
	for _, in := range ins {
		hasYear = hasYear || in.Year != 0
		hasObj = hasObj || len(in.Objectives) > 0
		hasDesc = hasDesc || strings.TrimSpace(string(in.Description)) != ""
	}
	t := &doc.Table{ID: b.uid("initiatives-table"), Caption: "New initiatives and their funding", RowHeaders: true, Head: []string{"Initiative"}}
	if hasYear {
		t.Head = append(t.Head, "Year")
	}
	t.Head = append(t.Head, "Funding")
	amountCol := len(t.Head) - 1
	if hasObj {
		t.Head = append(t.Head, "Objectives")
	}
	if hasDesc {
		t.Head = append(t.Head, "Detail")
	}
	t.Numeric = make([]bool, len(t.Head))
	t.Numeric[amountCol] = true
	for _, in := range ins {
		row := doc.Row{Cells: []string{in.Title}}
		if hasYear {
			y := ""
			if in.Year != 0 {
				y = in.Year.String()
			}
			row.Cells = append(row.Cells, y)
		}
		row.Cells = append(row.Cells, in.Amount.String())
		if hasObj {
			row.Cells = append(row.Cells, strings.Join(refTitles(in.Objectives, b.objectiveT), "; "))
		}
		if hasDesc {
			row.Cells = append(row.Cells, mdtext.Plain(in.Description))
		}
		t.Rows = append(t.Rows, row)
	}
	s.Blocks = append(s.Blocks, t)
	return s
}

func ackNotes(a plan.Acknowledge) []string {
	var out []string
	for _, k := range a {
		if k.Rule == "sum" || k.Rule == "shares" {
			out = append(out, strings.Join(strings.Fields(k.Reason), " "))
		}
	}
	return out
}

func (b *builder) breakdown(bd *plan.Breakdown) *doc.Section {
	s := b.section("breakdown-"+bd.ID, bd.Title+" "+bd.Year.String(), 2)
	s.Blocks = append(s.Blocks, mdBlocks(bd.Note)...)
	hasShare, hasDesc := false, false
	for _, it := range bd.Items {
		hasShare = hasShare || it.Share != nil
		hasDesc = hasDesc || it.Description != ""
	}
	t := &doc.Table{ID: b.uid("breakdown-" + bd.ID + "-table"), Caption: bd.Title + " " + bd.Year.String(), RowHeaders: true,
		Head: []string{"Item", "Amount"}, Numeric: []bool{false, true}}
	if hasShare {
		t.Head = append(t.Head, "Share")
		t.Numeric = append(t.Numeric, true)
	}
	if hasDesc {
		t.Head = append(t.Head, "What it covers")
		t.Numeric = append(t.Numeric, false)
	}
	var labels []string
	var pts []doc.Point
	numeric := true
	for _, it := range bd.Items {
		row := doc.Row{Cells: []string{it.Title, it.Amount.Text}}
		pt := doc.Point{Text: it.Amount.Text}
		if hasShare {
			row.Cells = append(row.Cells, it.Share.String())
			if it.Share != nil {
				pt.Text += " (" + it.Share.Text + ")"
			}
		}
		if hasDesc {
			row.Cells = append(row.Cells, mdtext.Plain(it.Description))
		}
		t.Rows = append(t.Rows, row)
		if it.Amount.Q != nil && it.Amount.Q.Value.Sign() >= 0 {
			pt.Value = it.Amount.Q.Value.Float64()
		} else {
			numeric = false
		}
		labels = append(labels, it.Title)
		pts = append(pts, pt)
	}
	if bd.Total != nil {
		row := doc.Row{Cells: []string{"Total", bd.Total.Text}, Total: true}
		for len(row.Cells) < len(t.Head) {
			row.Cells = append(row.Cells, "")
		}
		t.Rows = append(t.Rows, row)
	}
	t.Note = mdtext.Escape(strings.Join(ackNotes(bd.Acknowledge), " "))
	if !numeric || len(bd.Items) < 2 {
		s.Blocks = append(s.Blocks, t)
		return s
	}
	kind := doc.ChartShares
	if bd.Kind == "capital" || bd.Kind == "savings" || bd.Kind == "investment" {
		kind = doc.ChartBars
	}
	var alt strings.Builder
	fmt.Fprintf(&alt, "%s %s", bd.Title, bd.Year)
	if bd.Total != nil {
		fmt.Fprintf(&alt, ", %s in total", bd.Total.Text)
	}
	alt.WriteString(": ")
	for i, l := range labels {
		if i > 0 {
			alt.WriteString("; ")
		}
		alt.WriteString(l + " " + pts[i].Text)
	}
	alt.WriteString(".")
	s.Blocks = append(s.Blocks, &doc.Chart{
		ID: b.uid("breakdown-" + bd.ID + "-chart"), Kind: kind, Title: bd.Title + " " + bd.Year.String(),
		Alt: alt.String(), Labels: labels, Series: []doc.Series{{Name: "Amount", Values: pts}}, Data: t,
	})
	return s
}

func (b *builder) yearTable(yt *plan.Table) *doc.Table {
	first := "Item"
	if yt.Unit != "" {
		first = "Item (" + yt.Unit + ")"
	}
	t := &doc.Table{ID: b.uid("table-" + yt.ID + "-data"), Caption: yt.Title, RowHeaders: true, Head: []string{first}, Numeric: []bool{false}}
	for _, y := range yt.Columns {
		t.Head = append(t.Head, y.String())
		t.Numeric = append(t.Numeric, true)
	}
	for _, r := range yt.Rows {
		row := doc.Row{Cells: []string{r.Label}, Total: r.Total}
		for i := range yt.Columns {
			cell := ""
			if i < len(r.Values) {
				cell = r.Values[i].String()
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	notes := []string{strings.TrimSpace(string(yt.Note))}
	notes = append(notes, mdtext.Escape(strings.Join(ackNotes(yt.Acknowledge), " ")))
	t.Note = strings.TrimSpace(strings.Join(notes, "\n\n"))
	return t
}

var measureKinds = []struct{ kind, id, title string }{
	{"cpa", "cpa", "Critical performance areas"},
	{"indicator", "indicators", "Supporting indicators"},
	{"long-term", "long-term", "Long-term measures"},
}

func (b *builder) performance() *doc.Section {
	p := b.p
	s := b.section(SectionPerformance, "Performance measures", 1)
	for _, k := range measureKinds {
		var ms []*plan.Measure
		for i := range p.Measures {
			if p.Measures[i].Kind == k.kind {
				ms = append(ms, &p.Measures[i])
			}
		}
		if len(ms) == 0 {
			continue
		}
		ks := b.section("measures-"+k.id, k.title, 2)
		t, more := b.measureTable(ks.ID, k.title, ms)
		if more || !b.allShownWithTargets(ms) {
			ks.Blocks = append(ks.Blocks, t)
		}
		if c := b.targetResultChart(ks.ID, k.title, ms); c != nil {
			ks.Blocks = append(ks.Blocks, c)
		}
		if k.kind == "long-term" {
			for _, m := range ms {
				if c := b.trendChart(m); c != nil {
					ks.Blocks = append(ks.Blocks, c)
				}
			}
		}
		if len(ks.Blocks) > 0 {
			s.Sections = append(s.Sections, ks)
		}
	}
	return s
}

func obsText(o *plan.Observation) string {
	s := o.Value.Text + " (" + o.Year.String()
	if o.Period != "" {
		s += ", " + o.Period
	}
	s += ")"
	if o.Note != "" {
		s += " " + o.Note
	}
	return s
}

func resultCell(rs []plan.Result, y plan.Year) string {
	var out []string
	for _, r := range rs {
		if r.Year == y {
			s := r.Value.Text
			if r.Period != "" {
				s += " (" + r.Period + ")"
			}
			out = append(out, s)
		}
	}
	return strings.Join(out, "; ")
}

// allShownWithTargets reports whether every measure already has its
// targets printed under an objective or priority.
func (b *builder) allShownWithTargets(ms []*plan.Measure) bool {
	for _, m := range ms {
		if len(refTitles(m.Objectives, b.objectiveT))+len(refTitles(m.Priorities, b.priorityT)) == 0 {
			return false
		}
	}
	return true
}

// measureTable is the full performance table: baseline, targets and
// results by year, with breakdowns as rows of their own. more reports
// whether it shows anything beyond the measures' targets.
func (b *builder) measureTable(owner, caption string, ms []*plan.Measure) (t *doc.Table, more bool) {
	var tys, rys []plan.Year
	hasBase, hasCode, hasOwner, hasRank := false, false, false, false
	addYear := func(ys *[]plan.Year, y plan.Year) {
		if !slices.Contains(*ys, y) {
			*ys = append(*ys, y)
		}
	}
	each := func(m *plan.Measure, fn func(base *plan.Observation, ts []plan.Target, rs []plan.Result)) {
		fn(m.Baseline, m.Targets, m.Results)
		for _, pt := range m.Parts {
			fn(pt.Baseline, pt.Targets, pt.Results)
		}
	}
	for _, m := range ms {
		hasCode = hasCode || len(m.Codes) > 0
		hasOwner = hasOwner || m.Owner != ""
		hasRank = hasRank || m.MSFRank != 0
		each(m, func(base *plan.Observation, ts []plan.Target, rs []plan.Result) {
			hasBase = hasBase || base != nil
			for _, t := range ts {
				addYear(&tys, t.Year)
			}
			for _, r := range rs {
				addYear(&rys, r.Year)
			}
		})
	}
	slices.Sort(tys)
	slices.Sort(rys)
	more = hasCode || hasOwner || hasBase || hasRank || len(rys) > 0
	for _, m := range ms {
		more = more || len(m.Parts) > 0 || m.Comment != ""
	}
	t = &doc.Table{ID: b.uid(owner + "-table"), Caption: caption, RowHeaders: true, Head: []string{"Measure"}}
	if hasCode {
		t.Head = append(t.Head, "Code")
	}
	if hasOwner {
		t.Head = append(t.Head, "Owner")
	}
	if hasBase {
		t.Head = append(t.Head, "Baseline")
	}
	for _, y := range tys {
		t.Head = append(t.Head, "Target "+y.String())
	}
	for _, y := range rys {
		t.Head = append(t.Head, "Result "+y.String())
	}
	if hasRank {
		t.Head = append(t.Head, "Rank among most similar forces")
	}
	// Results and the rank, the last columns, are figures; targets are
	// mostly words.
	t.Numeric = make([]bool, len(t.Head))
	first := len(t.Head) - len(rys)
	if hasRank {
		first--
	}
	for i := first; i < len(t.Head); i++ {
		t.Numeric[i] = true
	}
	var notes []string
	for _, m := range ms {
		cells := func(label string, base *plan.Observation, ts []plan.Target, rs []plan.Result) doc.Row {
			row := doc.Row{Cells: []string{label}}
			if hasCode {
				row.Cells = append(row.Cells, strings.Join(m.Codes, ", "))
			}
			if hasOwner {
				row.Cells = append(row.Cells, m.Owner)
			}
			if hasBase {
				c := ""
				if base != nil {
					c = obsText(base)
				}
				row.Cells = append(row.Cells, c)
			}
			for _, y := range tys {
				row.Cells = append(row.Cells, targetCell(ts, y))
			}
			for _, y := range rys {
				row.Cells = append(row.Cells, resultCell(rs, y))
			}
			if hasRank {
				rank := ""
				if m.MSFRank != 0 && label == m.Title {
					rank = strconv.Itoa(m.MSFRank)
				}
				row.Cells = append(row.Cells, rank)
			}
			return row
		}
		t.Rows = append(t.Rows, cells(m.Title, m.Baseline, m.Targets, m.Results))
		for _, pt := range m.Parts {
			t.Rows = append(t.Rows, cells(m.Title+": "+pt.Title, pt.Baseline, pt.Targets, pt.Results))
		}
		notes = append(notes, measureNotes(m, true)...)
	}
	t.Note = strings.Join(notes, "\n")
	return t, more
}

// targetResultChart sets each measure's latest result beside the target
// that follows it (or its latest target), where both are figures in the
// same unit. It returns nil when no measure has both.
func (b *builder) targetResultChart(owner, title string, ms []*plan.Measure) *doc.Chart {
	c := &doc.Chart{Kind: doc.ChartTargetResult, Title: title + ": target against latest result",
		Series: []doc.Series{{Name: "Target"}, {Name: "Latest result"}}}
	// Targets and results here are figures with words ("82.5% (2007/08)"),
	// so the columns read left-aligned.
	data := &doc.Table{Caption: c.Title, RowHeaders: true, Head: []string{"Measure", "Target", "Latest result"}, Numeric: []bool{false, false, false}}
	var alt []string
	both := 0
	for _, m := range ms {
		if len(m.Results) == 0 {
			continue
		}
		r := m.Results[0]
		for _, x := range m.Results[1:] {
			if x.Year >= r.Year {
				r = x
			}
		}
		var tg *plan.Target
		for i := range m.Targets {
			t := &m.Targets[i]
			if tg == nil || (tg.Year <= r.Year && t.Year > tg.Year) || (t.Year > r.Year && t.Year < tg.Year) {
				tg = t
			}
		}
		if tg == nil {
			continue
		}
		// The marks carry the figure and its year; the data table beside
		// the chart also gives the part of the year a result covers.
		rt := r.Value.Text + " (" + r.Year.String()
		rp := doc.Point{Text: rt + ")", Missing: true}
		if r.Period != "" {
			rt += ", " + r.Period
		}
		rt += ")"
		tt := tg.Text + " (" + tg.Year.String() + ")"
		tp := doc.Point{Text: tt, Missing: true}
		if r.Value.Q != nil {
			rp.Missing, rp.Value = false, r.Value.Q.Value.Float64()
		}
		if tg.Kind == plan.TargetLevel && tg.Value != nil && tg.Value.Q != nil && r.Value.Q != nil && tg.Value.Q.Unit == r.Value.Q.Unit {
			tp.Missing, tp.Value = false, tg.Value.Q.Value.Float64()
			both++
		}
		c.Labels = append(c.Labels, m.Title)
		c.Series[0].Values = append(c.Series[0].Values, tp)
		c.Series[1].Values = append(c.Series[1].Values, rp)
		data.Rows = append(data.Rows, doc.Row{Cells: []string{m.Title, tt, rt}})
		alt = append(alt, m.Title+": target "+tt+", latest result "+rt)
	}
	if both == 0 {
		return nil
	}
	c.ID = b.uid(owner + "-chart")
	data.ID = b.uid(owner + "-chart-data")
	c.Data = data
	c.Alt = c.Title + ". " + strings.Join(alt, "; ") + "."
	return c
}

// trendChart draws a long-term measure's results across the years, when it
// has two or more full-year figures in one unit.
func (b *builder) trendChart(m *plan.Measure) *doc.Chart {
	var rs []plan.Result
	for _, r := range m.Results {
		if r.Value.Q == nil || r.Partial() || len(rs) > 0 && r.Value.Q.Unit != rs[0].Value.Q.Unit {
			continue
		}
		rs = append(rs, r)
	}
	if len(rs) < 2 {
		return nil
	}
	slices.SortStableFunc(rs, func(a, b plan.Result) int { return int(a.Year - b.Year) })
	c := &doc.Chart{ID: b.uid("trend-" + m.ID), Kind: doc.ChartTrend, Title: m.Title + ": results by year", Series: []doc.Series{{Name: m.Title}}}
	data := &doc.Table{ID: b.uid("trend-" + m.ID + "-data"), Caption: c.Title, RowHeaders: true, Head: []string{"Year", "Result"}, Numeric: []bool{false, true}}
	var alt []string
	for _, r := range rs {
		c.Labels = append(c.Labels, r.Year.String())
		c.Series[0].Values = append(c.Series[0].Values, doc.Point{Value: r.Value.Q.Value.Float64(), Text: r.Value.Text})
		data.Rows = append(data.Rows, doc.Row{Cells: []string{r.Year.String(), r.Value.Text}})
		alt = append(alt, r.Value.Text+" in "+r.Year.String())
	}
	c.Data = data
	c.Alt = m.Title + ": " + strings.Join(alt, ", ") + "."
	return c
}

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
	for _, body := range []string{"HMIC", "PPAF"} {
		t := &doc.Table{ID: b.uid("inspections-" + strings.ToLower(body)), RowHeaders: true, Head: []string{"Area", "Year", "Grade"}}
		t.Caption = map[string]string{"HMIC": "HMIC baseline assessment grades", "PPAF": "Police Performance Assessment Framework (PPAF) domain grades"}[body]
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

// addPlanSectionBody puts a plan section's body and items into s.
func (b *builder) addPlanSectionBody(s *doc.Section, ps *plan.Section) {
	s.Blocks = append(s.Blocks, mdBlocks(ps.Body)...)
	if len(ps.Items) > 0 {
		s.Blocks = append(s.Blocks, itemList(ps.Items))
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
