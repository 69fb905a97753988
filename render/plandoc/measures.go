package plandoc

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// measureSectionIDs are the IDs of the sections of each kind of measure,
// kept as published: links into plans already written use them.
var measureSectionIDs = map[plan.MeasureKind]string{plan.MeasureCPA: "cpa", plan.MeasureIndicator: "indicators", plan.MeasureLongTerm: "long-term"}

func (b *builder) performance() *doc.Section {
	p := b.p
	s := b.section(SectionPerformance, "Performance measures", 1)
	for _, k := range plan.MeasureKinds() {
		var ms []*plan.Measure
		for i := range p.Measures {
			if p.Measures[i].Kind == k {
				ms = append(ms, &p.Measures[i])
			}
		}
		if len(ms) == 0 {
			continue
		}
		ks := b.section("measures-"+measureSectionIDs[k], k.Title(), 2)
		t, more := b.measureTable(ks.ID, k.Title(), ms)
		if more || !b.allShownWithTargets(ms) {
			ks.Blocks = append(ks.Blocks, t)
		}
		if c := b.targetResultChart(ks.ID, k.Title(), ms); c != nil {
			ks.Blocks = append(ks.Blocks, c)
		}
		if k == plan.MeasureLongTerm {
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

// measureColumns are the columns a performance table needs: only those
// some measure (or one of its parts) has a figure for.
type measureColumns struct {
	targetYears, resultYears []plan.Year
	base, code, source, rank bool
	owner                    bool
}

// eachFigures calls fn with the baseline, targets and results of m and of
// each of its parts.
func eachFigures(m *plan.Measure, fn func(base *plan.Observation, ts []plan.Target, rs []plan.Result)) {
	fn(m.Baseline, m.Targets, m.Results)
	for _, pt := range m.Parts {
		fn(pt.Baseline, pt.Targets, pt.Results)
	}
}

func columnsOf(ms []*plan.Measure) measureColumns {
	var c measureColumns
	addYear := func(ys *[]plan.Year, y plan.Year) {
		if !slices.Contains(*ys, y) {
			*ys = append(*ys, y)
		}
	}
	for _, m := range ms {
		c.code = c.code || len(m.Codes) > 0
		c.source = c.source || m.DataSource != ""
		c.owner = c.owner || m.Owner != ""
		c.rank = c.rank || m.MSFRank != 0
		eachFigures(m, func(base *plan.Observation, ts []plan.Target, rs []plan.Result) {
			c.base = c.base || base != nil
			for _, t := range ts {
				addYear(&c.targetYears, t.Year)
			}
			for _, r := range rs {
				addYear(&c.resultYears, r.Year)
			}
		})
	}
	slices.Sort(c.targetYears)
	slices.Sort(c.resultYears)
	return c
}

// head is the table's header row and which of its columns are figures:
// results and the rank, the last columns; targets are mostly words.
func (c measureColumns) head() (head []string, numeric []bool) {
	head = []string{"Measure"}
	if c.code {
		head = append(head, "Code")
	}
	if c.source {
		head = append(head, "Source")
	}
	if c.owner {
		head = append(head, "Owner")
	}
	if c.base {
		head = append(head, "Baseline")
	}
	for _, y := range c.targetYears {
		head = append(head, "Target "+y.String())
	}
	for _, y := range c.resultYears {
		head = append(head, "Result "+y.String())
	}
	if c.rank {
		head = append(head, "Rank among most similar forces")
	}
	numeric = make([]bool, len(head))
	first := len(head) - len(c.resultYears)
	if c.rank {
		first--
	}
	for i := first; i < len(head); i++ {
		numeric[i] = true
	}
	return head, numeric
}

// row is the row of m, or of one of its parts (label, and its figures).
func (c measureColumns) row(m *plan.Measure, label string, base *plan.Observation, ts []plan.Target, rs []plan.Result) doc.Row {
	row := doc.Row{Cells: []string{label}}
	if c.code {
		row.Cells = append(row.Cells, strings.Join(m.Codes, ", "))
	}
	if c.source {
		row.Cells = append(row.Cells, m.DataSource)
	}
	if c.owner {
		row.Cells = append(row.Cells, m.Owner)
	}
	if c.base {
		cell := ""
		if base != nil {
			cell = obsText(base)
		}
		row.Cells = append(row.Cells, cell)
	}
	for _, y := range c.targetYears {
		row.Cells = append(row.Cells, targetCell(ts, y))
	}
	for _, y := range c.resultYears {
		row.Cells = append(row.Cells, resultCell(rs, y))
	}
	if c.rank {
		rank := ""
		if m.MSFRank != 0 && label == m.Title {
			rank = strconv.Itoa(m.MSFRank)
		}
		row.Cells = append(row.Cells, rank)
	}
	return row
}

// measureTable is the full performance table: baseline, targets and
// results by year, with breakdowns as rows of their own. more reports
// whether it shows anything beyond the measures' targets.
func (b *builder) measureTable(owner, caption string, ms []*plan.Measure) (t *doc.Table, more bool) {
	c := columnsOf(ms)
	more = c.code || c.source || c.owner || c.base || c.rank || len(c.resultYears) > 0
	for _, m := range ms {
		more = more || len(m.Parts) > 0 || m.Comment != ""
	}
	t = &doc.Table{ID: b.uid(owner + "-table"), Caption: caption, RowHeaders: true}
	t.Head, t.Numeric = c.head()
	// Where every measure names the objective it measures, the table is
	// the source's outcome / objective / measure table (2010-13's headline
	// indicators): each objective is printed once, beside its first
	// measure, and the measure stays the row's header.
	byObjective := !slices.ContainsFunc(ms, func(m *plan.Measure) bool { return len(refTitles(m.Objectives, b.objectiveT)) == 0 })
	if byObjective {
		t.Head, t.Numeric = append([]string{"Objective"}, t.Head...), append([]bool{false}, t.Numeric...)
		t.HeaderColumn = 1
	}
	objective := func(r doc.Row, title string) doc.Row {
		if byObjective {
			r.Cells = append([]string{title}, r.Cells...)
		}
		return r
	}
	var notes []string
	groups := b.outcomeGroups(ms)
	prev := ""
	for i, m := range ms {
		if groups[i] != "" {
			t.Rows = append(t.Rows, doc.Row{Cells: []string{groups[i]}, Group: true})
			prev = ""
		}
		title := strings.Join(refTitles(m.Objectives, b.objectiveT), "; ")
		if title == prev {
			title = ""
		} else {
			prev = title
		}
		t.Rows = append(t.Rows, objective(c.row(m, m.Title, m.Baseline, m.Targets, m.Results), title))
		for _, pt := range m.Parts {
			t.Rows = append(t.Rows, objective(c.row(m, m.Title+": "+pt.Title, pt.Baseline, pt.Targets, pt.Results), ""))
		}
		notes = append(notes, measureNotes(m, true)...)
	}
	t.Note = strings.Join(notes, "\n")
	return t, more
}

// outcomeGroups gives, for each measure, the heading of the outcome group
// it opens ("" when it continues the group above): a measure filed under
// an outcome (Table 2 of 2007-10 files each critical performance area
// under its strategic outcome) prints that outcome even when no objective
// links the two. Measures filed under no outcome after a group close it
// under "Other measures", as the objectives table does; a table whose
// measures name no outcome has no groups.
func (b *builder) outcomeGroups(ms []*plan.Measure) []string {
	out := make([]string, len(ms))
	if !slices.ContainsFunc(ms, func(m *plan.Measure) bool { return len(m.Outcomes) > 0 }) {
		return out
	}
	prev := "\x00"
	for i, m := range ms {
		titles := refTitles(m.Outcomes, b.outcomeT)
		key := strings.Join(titles, "; ")
		if key == prev {
			continue
		}
		prev = key
		switch len(titles) {
		case 0:
			out[i] = "Other measures"
		case 1:
			out[i] = "Outcome: " + key
		default:
			out[i] = "Outcomes: " + key
		}
	}
	return out
}
