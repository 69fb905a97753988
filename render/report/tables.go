package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/status"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

// statusOrder is the order statuses are counted and listed in: achieved,
// missed, then the kinds of unassessed.
var statusOrder = []struct {
	s     status.Status
	label string
}{
	{status.Met, "Met"},
	{status.OnTrack, "On track (part-year result)"},
	{status.NotMet, "Not met"},
	{status.OffTrack, "Off track (part-year result)"},
	{status.NoTarget, "No target (monitored only)"},
	{status.BaselineYr, "Baseline year"},
	{status.NotReported, "Not yet reported"},
	{status.Unassessed, "Not assessed"},
}

func (b *builder) cpas() []entry {
	var out []entry
	for _, e := range b.entries {
		if e.m.Critical() {
			out = append(out, e)
		}
	}
	return out
}

func (b *builder) summary() *doc.Section {
	s := &doc.Section{ID: b.uid(SectionSummary), Title: "Summary", Level: 1}
	cpas := b.cpas()
	// A critical performance area reported only in parts (White, B&ME)
	// counts once a part: each part has its own target and verdict.
	var counted []entry
	for _, e := range cpas {
		if e.own {
			counted = append(counted, e)
		}
	}
	counts := map[status.Status]int{}
	achieved, missed := 0, 0
	for _, e := range counted {
		counts[e.a.Status]++
		switch {
		case e.a.Status.Achieved():
			achieved++
		case e.a.Status.Missed():
			missed++
		}
	}
	unassessed := len(counted) - achieved - missed
	intro := fmt.Sprintf("This report sets the results for %s against the targets that the %s set for them. "+
		"Every status below is computed from the plan's own targets and results, by the rules under "+
		"\"How status is decided\"; it is stated in words, never by colour alone.",
		b.year, mdtext.Escape(b.p.Title))
	s.Blocks = append(s.Blocks, &doc.Text{Markdown: intro})
	if len(counted) == 0 {
		s.Blocks = append(s.Blocks, &doc.Text{Markdown: fmt.Sprintf("The plan names no critical performance area with a figure for %s.", b.year)})
	} else {
		s.Blocks = append(s.Blocks, &doc.Text{Markdown: fmt.Sprintf(
			"Of the %s with a target or result for %s, **%s**, **%s**, and **%s** (no target, a baseline year, "+
				"not yet reported, or not assessable).",
			count(len(counted), "critical performance area", "critical performance areas"), b.year,
			count(achieved, "met its target or is on track", "met their target or are on track"),
			count(missed, "did not or is off track", "did not or are off track"),
			count(unassessed, "is unassessed", "are unassessed"))})
		t := &doc.Table{ID: b.uid("cpa-status-counts"), Caption: "Critical performance areas by status, " + b.year.String(),
			Head: []string{"Status", "Critical performance areas"}, Numeric: []bool{false, true}, RowHeaders: true}
		for _, so := range statusOrder {
			if n := counts[so.s]; n > 0 {
				t.Rows = append(t.Rows, doc.Row{Cells: []string{so.label, fmt.Sprint(n)}})
			}
		}
		t.Rows = append(t.Rows, doc.Row{Cells: []string{"Total", fmt.Sprint(len(counted))}, Total: true})
		s.Blocks = append(s.Blocks, t)
	}
	if t := b.missedTable(cpas); t != nil {
		s.Blocks = append(s.Blocks, t)
	}
	if len(cpas) > 0 {
		cs := &doc.Section{ID: b.uid("critical-performance-areas"), Title: "Critical performance areas", Level: 2}
		cs.Blocks = append(cs.Blocks, b.measureTable("cpa-table", "Critical performance areas: targets and results "+b.year.String(), cpas))
		for _, c := range b.targetResultCharts(cpas) {
			cs.Blocks = append(cs.Blocks, c)
		}
		s.Sections = append(s.Sections, cs)
	}
	return s
}

// missedTable lists the critical performance areas that missed by most,
// ranked by shortfall relative to the target (a zero target, which has no
// relative size, ranks after the others, by absolute shortfall).
func (b *builder) missedTable(cpas []entry) *doc.Table {
	var ms []entry
	for _, e := range cpas {
		if e.a.Status.Missed() {
			ms = append(ms, e)
		}
	}
	if len(ms) == 0 {
		return nil
	}
	slices.SortStableFunc(ms, func(x, y entry) int {
		rx, ry := x.a.Relative, y.a.Relative
		switch {
		case rx != nil && ry != nil:
			return ry.Cmp(*rx)
		case rx != nil:
			return -1
		case ry != nil:
			return 1
		case x.a.Shortfall != nil && y.a.Shortfall != nil:
			return y.a.Shortfall.Value.Cmp(x.a.Shortfall.Value)
		}
		return 0
	})
	if len(ms) > missedMost {
		ms = ms[:missedMost]
	}
	t := &doc.Table{ID: b.uid("missed-most"), Caption: "Critical performance areas that missed their target by most, " + b.year.String(),
		Head:    []string{"Measure", "Target", "Result", "Short by", "Status"},
		Numeric: []bool{false, true, true, true, false}, RowHeaders: true}
	for _, e := range ms {
		t.Rows = append(t.Rows, doc.Row{Cells: []string{e.label(), targetText(e.a), resultText(e.a), shortfallText(e.a), string(e.a.Status)}})
	}
	t.Note = "Ranked by the shortfall as a share of the target: of the level for a level target, of the change asked for for a change or points target. A shortfall between two percentages is in percentage points (pp)."
	return t
}

func targetText(a status.Assessment) string {
	if a.Target == nil {
		return ""
	}
	return a.Target.Text
}

// resultText is the result as printed, with the computed change beside it
// when the status was decided on that change.
func resultText(a status.Assessment) string {
	if a.Result == nil {
		return ""
	}
	s := a.Result.Value.Text
	if a.Change != nil {
		s += " (change " + signed(*a.Change) + ")"
	}
	return s
}

func signed(q plan.Quantity) string {
	s := q.String()
	if q.Value.Sign() > 0 {
		s = "+" + s
	}
	return s
}

// shortfallText rounds to two places: the shortfall of a computed change
// carries more digits than any figure the plan prints.
func shortfallText(a status.Assessment) string {
	if a.Shortfall == nil {
		return ""
	}
	v, _ := a.Shortfall.Value.Quo(plan.DecimalFromInt(1), 2)
	return plan.Quantity{Value: v, Unit: a.Shortfall.Unit}.String()
}

func previousText(a status.Assessment) string {
	if a.Previous == nil {
		return ""
	}
	return a.Previous.Value.Text
}

func travelText(a status.Assessment) string {
	switch {
	case a.Travel != "":
	case a.Previous == nil:
		return "no earlier figure"
	default:
		return "not comparable"
	}
	return string(a.Travel)
}

// measureTable prints entries with the figures used, the status and the
// direction of travel.
func (b *builder) measureTable(id, caption string, es []entry) *doc.Table {
	t := b.measureHead(id, caption)
	rows, notes := b.measureRows(es)
	t.Rows = rows
	t.Note = strings.Join(notes, "\n")
	foldPeriod(t)
	return t
}

// periodCol is the "Period covered" column of measureHead.
const periodCol = 4

// foldPeriod moves the period covered into the caption when every result
// of the table covers the same one: "the whole of 2011/12" in every row
// says nothing row by row.
func foldPeriod(t *doc.Table) {
	if v, ok := t.Uniform(periodCol); ok {
		t.DropColumn(periodCol)
		t.Caption += " (every result covers " + v + ")"
	}
}

func (b *builder) measureHead(id, caption string) *doc.Table {
	return &doc.Table{ID: b.uid(id), Caption: caption, RowHeaders: true,
		Head:    []string{"Measure", (b.year - 1).String(), "Target " + b.year.String(), "Result " + b.year.String(), "Period covered", "Status", "Direction of travel"},
		Numeric: []bool{false, true, true, true, false, false, false}}
}

// measureRows returns a row an entry, and the notes for under the table:
// the reasons behind unassessed statuses and computed changes, and the
// comments printed with results.
func (b *builder) measureRows(es []entry) ([]doc.Row, []string) {
	var rows []doc.Row
	var notes []string
	for _, e := range es {
		var parts []string
		add := func(md string) {
			if md = strings.Join(strings.Fields(md), " "); md != "" {
				// Comments are often written without a full stop; several
				// run together into one note, so each must end a sentence.
				if !strings.ContainsAny(md[len(md)-1:], ".!?:;") {
					md += "."
				}
				parts = append(parts, md)
			}
		}
		a := e.a
		if e.own {
			period := ""
			if a.Result != nil {
				period = resultPeriod(a)
			}
			rows = append(rows, doc.Row{Cells: []string{e.label(), previousText(a), targetText(a), resultText(a), period, string(a.Status), travelText(a)}})
			earlier := a.Result != nil && a.Result.Earlier()
			if earlier {
				// Said in words whatever the status: a monitored measure's
				// status would not say it.
				add(fmt.Sprintf("The figure printed for %s is %s's, the latest available; it is not assessed as %s's result.", a.Year, a.Result.Of, a.Year))
			}
			if !earlier && (a.Status == status.Unassessed || a.Status == status.NotReported || a.Change != nil && a.Reason != "") {
				add(mdtext.Escape(a.Reason) + ".")
			}
			if a.Result != nil {
				add(string(a.Result.Comment))
			}
		} else {
			// A measure reported only through its parts heads them.
			rows = append(rows, doc.Row{Cells: []string{e.label(), "", "", "", "", "", ""}})
		}
		if e.part != nil {
			add(string(e.part.Comment))
		} else {
			add(string(e.m.Comment))
			if e.m.MSFRank > 0 {
				add(fmt.Sprintf("Rank among most similar forces: %d.", e.m.MSFRank))
			}
		}
		if len(parts) > 0 {
			notes = append(notes, "- "+mdtext.Escape(e.label())+": "+strings.Join(parts, " "))
		}
	}
	return rows, notes
}

// byOutcome lays out the measures other than critical performance areas
// under the outcome and objective they monitor, in plan order. A measure
// is printed once, under its first objective (else its first outcome);
// those tied to neither go under "Other measures".
func (b *builder) byOutcome() *doc.Section {
	var rest []entry
	for _, e := range b.entries {
		if !e.m.Critical() {
			rest = append(rest, e)
		}
	}
	if len(rest) == 0 {
		return nil
	}
	s := &doc.Section{ID: b.uid(SectionByOutcome), Title: "Results by outcome and objective", Level: 1}
	p := b.p
	objOutcome := map[string]string{}
	objTitle := map[string]string{}
	for _, o := range p.Objectives {
		objTitle[o.ID] = o.Heading()
		if len(o.Outcomes) > 0 {
			objOutcome[o.ID] = o.Outcomes[0].ID
		}
	}
	placed := map[*plan.Measure]bool{}
	type group struct {
		heading string
		es      []entry
	}
	// take keeps a measure's entries (itself, then its parts) together.
	take := func(match func(m *plan.Measure) bool) []entry {
		var out []entry
		for _, e := range rest {
			if !placed[e.m] && match(e.m) {
				out = append(out, e)
			}
		}
		for _, e := range out {
			placed[e.m] = true
		}
		return out
	}
	firstObjective := func(m *plan.Measure) string {
		for _, r := range m.Objectives {
			if _, ok := objTitle[r.ID]; ok {
				return r.ID
			}
		}
		return ""
	}
	addSection := func(id, title string, groups []group) {
		var rows []doc.Row
		var notes []string
		for _, g := range groups {
			if len(g.es) == 0 {
				continue
			}
			if g.heading != "" {
				rows = append(rows, doc.Row{Cells: []string{g.heading}, Group: true})
			}
			r, n := b.measureRows(g.es)
			rows = append(rows, r...)
			notes = append(notes, n...)
		}
		if len(rows) == 0 {
			return
		}
		sec := &doc.Section{ID: b.uid(id), Title: title, Level: 2}
		t := b.measureHead(sec.ID+"-table", title+": results "+b.year.String())
		t.Rows, t.Note = rows, strings.Join(notes, "\n")
		foldPeriod(t)
		sec.Blocks = []doc.Block{t}
		s.Sections = append(s.Sections, sec)
	}
	for _, o := range p.Outcomes {
		var groups []group
		for _, obj := range p.Objectives {
			if objOutcome[obj.ID] != o.ID {
				continue
			}
			groups = append(groups, group{heading: "Objective: " + objTitle[obj.ID], es: take(func(m *plan.Measure) bool { return firstObjective(m) == obj.ID })})
		}
		groups = append(groups, group{heading: "Measures of the outcome", es: take(func(m *plan.Measure) bool {
			return firstObjective(m) == "" && len(m.Outcomes) > 0 && m.Outcomes[0].ID == o.ID
		})})
		addSection("outcome-"+o.ID, o.Title, groups)
	}
	var groups []group
	for _, obj := range p.Objectives {
		if objOutcome[obj.ID] == "" {
			groups = append(groups, group{heading: "Objective: " + objTitle[obj.ID], es: take(func(m *plan.Measure) bool { return firstObjective(m) == obj.ID })})
		}
	}
	groups = append(groups, group{es: take(func(*plan.Measure) bool { return true })})
	addSection("other-measures", "Other measures", groups)
	return s
}

// inspections prints the latest inspection grades the plan holds up to
// the report's year, with their direction of travel.
func (b *builder) inspections() *doc.Section {
	var latest plan.Year
	for _, in := range b.p.Inspections {
		if in.Year <= b.year && in.Year > latest {
			latest = in.Year
		}
	}
	if latest == 0 {
		return nil
	}
	s := &doc.Section{ID: b.uid(SectionInspections), Title: "Inspection grades", Level: 1}
	s.Blocks = append(s.Blocks, &doc.Text{Markdown: fmt.Sprintf("The latest grades the plan records, for %s, with the direction of travel the inspectorate gave against the year before.", latest)})
	for _, body := range plan.InspectionBodies() {
		t := &doc.Table{ID: b.uid("inspections-" + strings.ToLower(string(body))), Caption: body.Title() + " grades, " + latest.String(), RowHeaders: true,
			Head: []string{"Area", "Grade", "Direction of travel"}, Numeric: []bool{false, false, false}}
		group := ""
		for _, in := range b.p.Inspections {
			if in.Body != body || in.Year != latest {
				continue
			}
			if in.Group != group && in.Group != "" {
				t.Rows = append(t.Rows, doc.Row{Cells: []string{in.Group}, Group: true})
			}
			group = in.Group
			t.Rows = append(t.Rows, doc.Row{Cells: []string{in.Area, in.Grade, in.Direction}})
		}
		if len(t.Rows) > 0 {
			s.Blocks = append(s.Blocks, t)
		} else {
			delete(b.ids, t.ID)
		}
	}
	return s
}

func (b *builder) rules() *doc.Section {
	s := &doc.Section{ID: b.uid(SectionRules), Title: "How status is decided", Level: 1, Appendix: true}
	items := make([]doc.ListItem, len(status.Rules))
	for i, r := range status.Rules {
		items[i] = doc.ListItem{Text: r}
	}
	s.Blocks = append(s.Blocks, &doc.List{Items: items})
	return s
}
