package plandoc

import (
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// TestFits: "How it all fits together" prints each objective once (one
// serving two outcomes under both, not twice), leaves out a column no
// objective fills, leaves a cell the plan leaves empty empty, invents no
// text, and is left out when it would only list the objectives.
func TestFits(t *testing.T) {
	refs := func(ids ...string) []plan.Ref {
		var out []plan.Ref
		for _, id := range ids {
			out = append(out, plan.Ref{ID: id})
		}
		return out
	}
	base := func() *plan.Plan {
		return &plan.Plan{
			Outcomes: []plan.Outcome{{ID: "crime", Title: "Crime is reduced"}, {ID: "justice", Title: "Offenders are brought to justice"}},
			Objectives: []plan.Objective{
				{ID: "violence", Title: "Reduce violence", Outcomes: refs("crime")},
				{ID: "networks", Title: "Disrupt networks", Outcomes: refs("crime", "justice")},
				{ID: "courts", Title: "Work with the courts", Outcomes: refs("justice")},
				{ID: "estate", Title: "Manage the estate"},
			},
			Activities: []plan.Activity{
				{ID: "a1", Title: "Patrol hot spots", Objectives: refs("violence")},
				{ID: "a2", Title: "Seize assets", Objectives: refs("networks")},
			},
		}
	}
	table := func(p *plan.Plan) *doc.Table {
		d, err := Build(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Sections {
			if s.ID == SectionFits {
				return s.Blocks[0].(*doc.Table)
			}
		}
		return nil
	}
	rows := func(tb *doc.Table) string { return tableRows(tb, " | ") }

	tb := table(base())
	if tb == nil {
		t.Fatal("no table")
	}
	if got := strings.Join(tb.Head, " | "); got != "Corporate objective | Key activities" {
		t.Errorf("head %q: the empty strategies column is not left out", got)
	}
	want := strings.Join([]string{
		"Outcome: Crime is reduced", "Reduce violence | Patrol hot spots",
		"Outcomes: Crime is reduced; Offenders are brought to justice", "Disrupt networks | Seize assets",
		"Outcome: Offenders are brought to justice", "Work with the courts | ",
		"Other objectives", "Manage the estate | ",
	}, "\n")
	if got := rows(tb); got != want {
		t.Errorf("rows\n%s\nwant\n%s", got, want)
	}
	if tb.Caption != "How the outcomes, objectives and key activities fit together" || tb.Note != "" {
		t.Errorf("caption %q, note %q", tb.Caption, tb.Note)
	}

	p := base()
	p.Activities = nil
	p.Improvements = []plan.Item{{Title: "Leadership"}}
	if tb := table(p); tb != nil {
		t.Errorf("a table with nothing but the objectives:\n%s", rows(tb))
	}
}

// TestMissionTitle: a plan with a mission and no values gets no "values"
// in the heading.
func TestMissionTitle(t *testing.T) {
	for _, tt := range []struct {
		p    *plan.Plan
		want string
	}{
		{&plan.Plan{Mission: "Working together"}, "Mission"},
		{&plan.Plan{Mission: "Working together", Values: &plan.Values{Items: []plan.Item{{Title: "Pride"}}}}, "Mission and values"},
		{&plan.Plan{Mission: "Working together", Commitments: []plan.Item{{Title: "Less crime"}}}, "Mission and values"},
	} {
		d, err := Build(tt.p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Sections) == 0 || d.Sections[0].ID != SectionMission || d.Sections[0].Title != tt.want {
			t.Errorf("%+v: sections %+v, want %q first", tt.p, d.Sections, tt.want)
		}
	}
}
