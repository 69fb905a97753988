package plandoc

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/internal/testplans"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

func TestDocumentDate(t *testing.T) {
	epoch := time.Unix(1700000000, 0) // 14 November 2023
	tests := []struct {
		plan     plan.Date
		fallback time.Time
		want     string
		created  time.Time
	}{
		{"2006-02-23", epoch, "23 February 2006", time.Date(2006, 2, 23, 0, 0, 0, 0, time.UTC)},
		{"2005-09", epoch, "September 2005", time.Date(2005, 9, 1, 0, 0, 0, 0, time.UTC)},
		{"", epoch, "14 November 2023", time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)},
		{"", time.Time{}, "", time.Time{}},
		{"2006-1", epoch, "2006-1", time.Time{}},
		{"2006-13-40", epoch, "2006-13-40", time.Time{}},
	}
	for _, tt := range tests {
		got, created := documentDate(tt.plan, tt.fallback)
		if got != tt.want || !created.Equal(tt.created) {
			t.Errorf("documentDate(%q) = %q, %v; want %q, %v", tt.plan, got, created, tt.want, tt.created)
		}
	}
}

func TestPlanDocumentNil(t *testing.T) {
	if _, err := Build(nil, Options{}); err == nil {
		t.Error("PlanDocument(nil) gives no error")
	}
}

// TestPlanLayout checks what the builder promises on the real plans:
// unique anchors, no empty section at any level (an empty heading prints
// nothing under it), and the charts the issue names.
func TestPlanLayout(t *testing.T) {
	for _, p := range testplans.Load(t) {
		d, err := Build(p, Options{})
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		ids := map[string]bool{}
		check := func(id, what string) {
			if id == "" {
				return
			}
			if ids[id] {
				t.Errorf("%s: anchor %q used twice (%s)", p.ID, id, what)
			}
			ids[id] = true
		}
		charts := map[doc.ChartKind]int{}
		d.Walk(func(s *doc.Section) {
			check(s.ID, "section")
			if len(s.Blocks) == 0 && len(s.Sections) == 0 {
				t.Errorf("%s: section %q is empty", p.ID, s.ID)
			}
			for _, b := range s.Blocks {
				switch b := b.(type) {
				case *doc.Table:
					check(b.ID, "table")
				case *doc.Chart:
					check(b.ID, "chart")
					charts[b.Kind]++
					if b.Alt == "" || b.Data == nil || len(b.Data.Rows) < len(b.Labels) {
						t.Errorf("%s: chart %q lacks its text alternative or data table", p.ID, b.ID)
					}
					check(b.Data.ID, "chart data")
				}
			}
		})
		if p.Budget != nil {
			for _, bd := range p.Budget.Breakdowns {
				if (bd.Kind == "revenue" || bd.Kind == "funding" || bd.Kind == "capital") && len(bd.Items) > 1 && !ids["breakdown-"+bd.ID+"-chart"] {
					t.Errorf("%s: no chart for the %s breakdown %q", p.ID, bd.Kind, bd.ID)
				}
			}
		}
		for _, m := range p.Measures {
			if m.Kind != "cpa" || len(m.Results) == 0 {
				continue
			}
			for _, tg := range m.Targets {
				if tg.Kind == plan.TargetLevel && charts[doc.ChartTargetResult] == 0 {
					t.Errorf("%s: CPA %q has a level target and a result but no target-result chart", p.ID, m.ID)
				}
			}
		}
	}
}

// decodePlan reads one YAML file as a plan, for builder tests; the plan
// must load without errors.
func decodePlan(t *testing.T, src string) *plan.Plan {
	t.Helper()
	base := "id: t\ntitle: Test plan\nkind: corporate-plan\norganisations: [Authority]\nperiod: {first: 2007/08, last: 2009/10}\nstatus: approved\nsource: {document: x.txt}\n"
	var diags plan.Diagnostics
	p := plan.Decode([]plan.File{{Name: "plan.yaml", Data: []byte(base + src)}}, &diags)
	if p != nil {
		plan.Validate(p, &diags)
	}
	if p == nil || diags.HasErrors() {
		var b bytes.Buffer
		_ = diags.WriteText(&b)
		t.Fatalf("test plan does not load:\n%s", b.String())
	}
	return p
}

// TestPlanDocumentRules checks the builder's layout rules on small plans.
func TestPlanDocumentRules(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		// want lists "id: title" of the top-level sections, in order.
		want []string
		// check, if set, looks further.
		check func(t *testing.T, d *doc.Document)
	}{
		{
			name: "nothing but the required: no sections",
			yaml: "",
			want: nil,
		},
		{
			name: "a plan section with a built ID opens that part, under its own heading; others follow, appendices last",
			yaml: "improvements: [{id: a, title: Improve A}]\nsections:\n  - {id: annex, title: Annex, appendix: true, body: Annexed.}\n  - {id: continuous-improvement, title: Our improvements, body: Our narrative.}\n  - {id: extra, title: Extra, body: More.}\n",
			want: []string{"continuous-improvement: Our improvements", "extra: Extra", "annex: Annex"},
			check: func(t *testing.T, d *doc.Document) {
				s := d.Sections[0]
				if tx, ok := s.Blocks[0].(*doc.Text); !ok || tx.Markdown != "Our narrative." {
					t.Errorf("the plan's narrative does not open the built section: %#v", s.Blocks)
				}
				if !d.Sections[2].Appendix {
					t.Error("appendix not marked")
				}
			},
		},
		{
			name: "a foreword goes where the outline puts it",
			yaml: "mission: Be safe\nsections:\n  - {id: foreword, title: Foreword, body: Dear reader.}\noutline: [foreword, mission-and-values]\n",
			want: []string{"foreword: Foreword", "mission-and-values: Mission"},
		},
		{
			// A section's ID means nothing to the builder: only the outline moves it.
			name: "without an outline, a section called foreword stays among the sections",
			yaml: "mission: Be safe\nsections:\n  - {id: foreword, title: Foreword, body: Dear reader.}\n",
			want: []string{"mission-and-values: Mission", "foreword: Foreword"},
		},
		{
			name: "with a summary, the foreword stays where it is written",
			yaml: "summary: In short.\nmission: Be safe\nsections:\n  - {id: foreword, title: Foreword, body: Dear reader.}\n",
			want: []string{"summary: Summary", "mission-and-values: Mission", "foreword: Foreword"},
		},
		{
			name: "IDs that collide with built anchors are made unique",
			yaml: "outcomes: [{id: a, title: Outcome A}]\nsections:\n  - {id: outcome-a, title: Clash, body: x}\n",
			want: []string{"outcomes: Strategic outcomes", "outcome-a-2: Clash"},
		},
		{
			name: "a CPA with a level target and a result gets a target-result chart",
			yaml: "objectives: [{id: o, title: Objective}]\nmeasures:\n  - {id: m, title: Satisfaction, kind: cpa, unit: percent, polarity: higher, objectives: [o], targets: [{year: 2007/08, kind: level, text: 82.5%, value: 82.5%}], results: [{year: 2007/08, value: 79%}]}\n",
			// No outcome or priority: nothing to fit together.
			want: []string{"objectives: Corporate objectives", "performance: Performance measures"},
			check: func(t *testing.T, d *doc.Document) {
				var c *doc.Chart
				d.Walk(func(s *doc.Section) {
					for _, b := range s.Blocks {
						if x, ok := b.(*doc.Chart); ok {
							c = x
						}
					}
				})
				if c == nil || c.Kind != doc.ChartTargetResult || c.Series[0].Values[0].Value != 82.5 || c.Series[1].Values[0].Value != 79 {
					t.Errorf("target-result chart: %+v", c)
				}
			},
		},
		{
			name: "a measure's data source has a Source column of its own, not a definition note",
			yaml: "measures:\n  - {id: m, title: Confidence, kind: cpa, unit: percent, polarity: higher, codes: [KPI 1(b)], data_source: BCS, description: People asked.}\n",
			want: []string{"performance: Performance measures"},
			check: func(t *testing.T, d *doc.Document) {
				tb := d.Sections[0].Sections[0].Blocks[0].(*doc.Table)
				if strings.Join(tb.Head, "|") != "Measure|Code|Source" || strings.Join(tb.Rows[0].Cells, "|") != "Confidence|KPI 1(b)|BCS" {
					t.Errorf("performance table: %q %v", tb.Head, tb.Rows)
				}
				if !strings.Contains(tb.Note, "Confidence, definition: People asked.") || strings.Contains(tb.Note, "BCS") {
					t.Errorf("notes: %q", tb.Note)
				}
			},
		},
		{
			name: "outcomes the same objectives serve are one group of How it all fits together",
			yaml: "outcomes: [{id: a, title: Crime reduced}, {id: b, title: Offenders brought to justice}, {id: c, title: Security}]\nobjectives:\n  - {id: x, title: Reduce violence, outcomes: [a, b]}\n  - {id: y, title: Safer neighbourhoods, outcomes: [a, b]}\n  - {id: z, title: Counter terrorism, outcomes: [c]}\nactivities:\n  - {id: p, title: Patrol, objectives: [x]}\n",
			want: []string{"outcomes: Strategic outcomes", "objectives: Corporate objectives", "key-activities: Key activities", "how-it-fits: How it all fits together"},
			check: func(t *testing.T, d *doc.Document) {
				tb := d.Sections[3].Blocks[0].(*doc.Table)
				var rows []string
				for _, r := range tb.Rows {
					rows = append(rows, r.Cells[0])
				}
				want := "Outcomes: Crime reduced; Offenders brought to justice|Reduce violence|Safer neighbourhoods|Outcome: Security|Counter terrorism"
				if strings.Join(rows, "|") != want {
					t.Errorf("rows %q, want %q", strings.Join(rows, "|"), want)
				}
			},
		},
		{
			name: "risks bearing on different budgets get one table a budget, so each can be placed under its lead-in",
			yaml: "budget:\n  risks:\n    - {id: a, title: Pay, area: revenue}\n    - {id: b, title: Borrowing, area: capital, amount: £60m}\n    - {id: c, title: Grant, area: revenue}\n",
			want: []string{"budget: Budget"},
			check: func(t *testing.T, d *doc.Document) {
				var got []string
				for _, bl := range d.Sections[0].Sections[0].Blocks {
					tb := bl.(*doc.Table)
					got = append(got, tb.ID+"="+strings.Join(tb.Head, ",")+"/"+fmt.Sprint(len(tb.Rows)))
				}
				want := "risks-revenue-table=Risk or issue,Detail/2 risks-capital-table=Risk or issue,Amount,Detail/1"
				if strings.Join(got, " ") != want {
					t.Errorf("risk tables %q, want %q", strings.Join(got, " "), want)
				}
			},
		},
		{
			name: "a change target against a level result is words, so no chart",
			yaml: "measures:\n  - {id: m, title: Crime, kind: cpa, unit: number, polarity: lower, targets: [{year: 2007/08, kind: change, text: 3% reduction, value: -3%}], results: [{year: 2007/08, value: \"1,000\"}]}\n",
			want: []string{"performance: Performance measures"},
			check: func(t *testing.T, d *doc.Document) {
				d.Walk(func(s *doc.Section) {
					for _, b := range s.Blocks {
						if _, ok := b.(*doc.Chart); ok {
							t.Error("a chart with nothing to compare")
						}
					}
				})
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Build(decodePlan(t, tt.yaml), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range d.Sections {
				got = append(got, s.ID+": "+s.Title)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.check != nil && len(got) == len(tt.want) {
				tt.check(t, d)
			}
		})
	}
}

// TestPartResultCommentPrinted is issue 15 item 12: the comment of a
// measure part's result (and its target note) is printed in the plan's
// performance table notes, as the measure's own are, not only in reports.
func TestPartResultCommentPrinted(t *testing.T) {
	y := plan.Year(2008)
	fig := func(s string) plan.Figure {
		q, err := plan.ParseQuantity(s)
		if err != nil {
			t.Fatal(err)
		}
		return plan.Figure{Text: s, Q: &q}
	}
	m := &plan.Measure{ID: "m", Title: "Satisfaction", Unit: plan.UnitPercent, Parts: []plan.MeasurePart{{
		ID: "white", Title: "White",
		Targets: []plan.Target{{Year: y, Kind: plan.TargetLevel, Text: "80%", Note: "A target note of the part"}},
		Results: []plan.Result{{Year: y, Value: fig("79%"), Comment: "Survey of the part changed mid-year"}},
	}}}
	notes := strings.Join(measureNotes(m, true), "\n")
	for _, want := range []string{"Satisfaction: White, result 2008/09: Survey of the part changed mid-year", "Satisfaction: White, target 2008/09: A target note of the part"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

// TestOutcomeGroups checks that a measure table files each measure under
// the outcome it names, even one no objective links to it, opens a group
// only where the outcome changes, and closes the groups under "Other
// measures"; a table with no outcome at all has no groups.
func TestOutcomeGroups(t *testing.T) {
	b := &builder{outcomeT: map[string]string{"a": "Crime is reduced", "b": "Offenders are brought to justice"}}
	m := func(outcomes ...string) *plan.Measure {
		var refs []plan.Ref
		for _, o := range outcomes {
			refs = append(refs, plan.Ref{ID: o})
		}
		return &plan.Measure{Outcomes: refs}
	}
	tests := []struct {
		name string
		ms   []*plan.Measure
		want []string
	}{
		{"none", []*plan.Measure{m(), m()}, []string{"", ""}},
		{"runs", []*plan.Measure{m("a"), m("a"), m("b"), m()},
			[]string{"Outcome: Crime is reduced", "", "Outcome: Offenders are brought to justice", "Other measures"}},
		{"ungrouped first", []*plan.Measure{m(), m("a")}, []string{"Other measures", "Outcome: Crime is reduced"}},
		{"two outcomes", []*plan.Measure{m("a", "b"), m("b")},
			[]string{"Outcomes: Crime is reduced; Offenders are brought to justice", "Outcome: Offenders are brought to justice"}},
	}
	for _, tt := range tests {
		got := b.outcomeGroups(tt.ms)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: outcomeGroups = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSectionMeasures checks that a section listing measures prints them
// under its heading, in its order, grouped by owner as the source groups
// them, and that a derived part of a breakdown is printed as derived.
func TestSectionMeasures(t *testing.T) {
	q := func(s string) *plan.Figure {
		f := &plan.Figure{Text: s}
		v, err := plan.ParseQuantity(s)
		if err != nil {
			t.Fatal(err)
		}
		f.Q = &v
		return f
	}
	p := &plan.Plan{
		ID: "x", Title: "X",
		Measures: []plan.Measure{
			{ID: "a", Title: "Sickness", Codes: []string{"SPI 13a"}, Owner: "Directorate of Human Resources"},
			{ID: "b", Title: "Efficiency", Owner: "Directorate of Resource",
				Targets: []plan.Target{{Year: 2007, Kind: plan.TargetLevel, Text: "3% of net revenue expenditure"}}},
		},
		Sections: []plan.Section{{ID: "ppaf", Title: "Additional measures:", Measures: []plan.Ref{{ID: "b"}, {ID: "a"}}}},
		Budget: &plan.Budget{Breakdowns: []plan.Breakdown{{ID: "s", Kind: plan.BreakdownSavings, Title: "Savings", Year: 2007, Total: q("£124.2m"),
			Items: []plan.BreakdownItem{{ID: "c", Title: "Cash", Amount: *q("£96m")}, {ID: "n", Title: "Non-cash", Amount: plan.Figure{Text: "the remainder", Q: q("£28.2m").Q}, Derived: true}}}}},
	}
	d, err := Build(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var rows, amounts []string
	d.Walk(func(s *doc.Section) {
		for _, bl := range s.Blocks {
			tb, ok := bl.(*doc.Table)
			if !ok {
				if c, ok := bl.(*doc.Chart); ok {
					tb = c.Data
				} else {
					continue
				}
			}
			for _, r := range tb.Rows {
				switch {
				case s.ID == "ppaf":
					rows = append(rows, r.Cells[0])
				case strings.HasPrefix(s.ID, "breakdown-"):
					amounts = append(amounts, r.Cells[1])
				}
			}
		}
	})
	want := "Directorate of Resource|Efficiency|Directorate of Human Resources|Sickness (SPI 13a)"
	if got := strings.Join(rows, "|"); got != want {
		t.Errorf("section measures = %q, want %q", got, want)
	}
	if got := strings.Join(amounts, "|"); !strings.Contains(got, "the remainder (£28.2m, derived: the total less the other parts)") {
		t.Errorf("breakdown amounts = %q, want the remainder printed as derived", got)
	}
}

// TestMeasureTableByObjective: where every measure names its objective the
// table is the source's outcome / objective / measure table: an Objective
// column first, each objective printed beside its first measure (again
// after an outcome row), the measure the row header; where one measure
// names none, there is no such column.
func TestMeasureTableByObjective(t *testing.T) {
	b := &builder{ids: doc.Anchors{}, outcomeT: map[string]string{"a": "Safety"}, objectiveT: map[string]string{"x": "Reduce violence", "y": "Disrupt networks"}}
	m := func(title string, outcome string, objectives ...string) *plan.Measure {
		mm := &plan.Measure{Title: title}
		if outcome != "" {
			mm.Outcomes = []plan.Ref{{ID: outcome}}
		}
		for _, o := range objectives {
			mm.Objectives = append(mm.Objectives, plan.Ref{ID: o})
		}
		return mm
	}
	rows := func(tb *doc.Table) string { return tableRows(tb, "|") }
	tb, _ := b.measureTable("t", "T", []*plan.Measure{m("Violence", "a", "x"), m("Gun crime", "a", "x"), m("Networks", "a", "y")})
	if strings.Join(tb.Head, "|") != "Objective|Measure" || tb.HeaderColumn != 1 || !tb.RowHeaders {
		t.Errorf("head %q, header column %d", tb.Head, tb.HeaderColumn)
	}
	if want := "Outcome: Safety\nReduce violence|Violence\n|Gun crime\nDisrupt networks|Networks"; rows(tb) != want {
		t.Errorf("rows\n%s\nwant\n%s", rows(tb), want)
	}
	tb, _ = b.measureTable("u", "U", []*plan.Measure{m("Violence", "", "x"), m("Homicide detection", "")})
	if strings.Join(tb.Head, "|") != "Measure" || tb.HeaderColumn != 0 {
		t.Errorf("a measure without an objective: head %q, header column %d", tb.Head, tb.HeaderColumn)
	}
}

// tableRows prints a table's rows, a line each, cells joined by sep.
func tableRows(tb *doc.Table, sep string) string {
	var out []string
	for _, r := range tb.Rows {
		out = append(out, strings.Join(r.Cells, sep))
	}
	return strings.Join(out, "\n")
}

// buildSeed loads and builds one of the plans in plans/.
func buildSeed(t *testing.T, id string) (*plan.Plan, *doc.Document) {
	t.Helper()
	p, diags := plan.Load(filepath.Join("..", "..", "plans", id))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	d, err := Build(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p, d
}
