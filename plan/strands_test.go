package plan_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mpsplan/mpsplan/plan"
)

// strandsPlan is a minimal plan with two outcomes, one split into strands,
// to which each case appends objectives and budget keys.
const strandsPlan = `id: t
title: T
kind: budget-submission
organisations: [MPS]
period: {first: 2010/11, last: 2012/13}
status: draft
source: {document: x.txt}
outcomes:
  - id: confidence
    title: Convince communities we are on their side
  - id: safety
    title: Safety
    strands:
      - {id: reduce-crime, title: Reduce crime and catch criminals}
      - {id: intolerant-of-violence, title: Be intolerant of violence}
`

// TestOutcomeStrandsAndInitiatives covers the checks on outcome strands,
// the objectives that deliver them and a budget's new initiatives.
func TestOutcomeStrandsAndInitiatives(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // substrings of error or warning messages, in any order; none when empty
	}{
		{"strand of the objective's outcome", `objectives:
  - {id: violence, title: V, outcomes: [safety], strands: [intolerant-of-violence]}
`, nil},
		{"objective wording", `objectives:
  - {id: violence, title: V, wordings: [Reduce serious violence]}
`, nil},
		{"objective wording repeats its title", `objectives:
  - {id: violence, title: V, wordings: [V]}
`, []string{`objective "violence" repeats the wording "V"`}},
		{"strand without outcomes listed", `objectives:
  - {id: violence, title: V, strands: [reduce-crime]}
`, nil},
		{"unknown strand", `objectives:
  - {id: violence, title: V, outcomes: [safety], strands: [intolerant-of-violenc]}
`, []string{`refers to unknown outcome strand "intolerant-of-violenc"`}},
		{"strand of another outcome", `objectives:
  - {id: confidence-objective, title: C, outcomes: [confidence], strands: [reduce-crime]}
`, []string{`delivers strand "reduce-crime" of outcome "safety", which is not among its outcomes`}},
		{"duplicate strand id", `  - id: improvement
    title: The right services at the right price
    strands: [{id: reduce-crime, title: Again}]
`, []string{`outcome strand id "reduce-crime" is already used`}},
		{"initiative before the period", `budget:
  initiatives:
    - {id: tyrol, title: Operation Tyrol, year: 2009/10, amount: {text: "£17.6 m from TfL", value: £17.6m}}
`, nil},
		{"initiative after the period", `budget:
  initiatives:
    - {id: tyrol, title: Operation Tyrol, year: 2013/14, amount: £1m}
`, []string{`initiative "tyrol" is for 2013/14, after the plan's period`}},
		{"initiative amount not money", `budget:
  initiatives:
    - {id: dogs, title: Dangerous Dogs, amount: 1.2}
`, []string{`initiative "dogs" amount "1.2" is not an amount of money`}},
		{"initiative with unknown objective", `budget:
  initiatives:
    - {id: dogs, title: Dangerous Dogs, objectives: [nope]}
`, []string{`initiative "dogs" refers to unknown objective "nope"`}},
		{"risk area", `budget:
  risks:
    - {id: borrowing, title: Borrowing limits, area: capitol}
`, []string{`capitol`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"t/plan.yaml": {Data: []byte(strandsPlan + tt.yaml)}}
			_, diags := plan.LoadFS(fsys, "t", plan.LoadOptions{})
			var got []string
			for _, d := range diags {
				if d.Severity != plan.Note {
					got = append(got, d.Pos.String()+": "+d.Message)
				}
			}
			if len(tt.want) == 0 && len(got) > 0 {
				t.Fatalf("want no problems, got:\n%s", strings.Join(got, "\n"))
			}
			all := strings.Join(got, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("want a problem containing %q, got:\n%s", w, all)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("want %d problems, got %d:\n%s", len(tt.want), len(got), all)
			}
		})
	}
}
