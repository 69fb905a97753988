package plan_test

import (
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

// wordingsPlan is a minimal valid plan; OUTCOME and MEASURE are replaced
// by lines of the outcome and the measure, so each case changes one thing.
const wordingsPlan = `id: t
title: T
kind: strategy-and-plan
organisations: [MPA]
period: {first: 2007/08, last: 2009/10}
status: approved
source: {document: x.txt}
outcomes:
  - id: offenders-brought-to-justice
    title: More offences are brought to justice
OUTCOME
measures:
  - id: satisfaction-gap
    title: Comparison of satisfaction for white and minority ethnic victims
    kind: cpa
    unit: points
    results:
      - {year: 2006/07, value: {text: 6% point difference, value: 6pp}}
MEASURE
`

// TestWordingsAndPartUnits covers the other wordings of outcomes and
// measures and the unit a measure part may count in.
func TestWordingsAndPartUnits(t *testing.T) {
	tests := []struct {
		name      string
		outcome   string
		measure   string
		wantRules []string // rules of the diagnostics, in order; none when empty
	}{
		{
			name:    "distinct wordings are fine",
			outcome: "    wordings: [More offenders are brought to justice]",
			measure: "    wordings: [Comparison of satisfaction for white users and users from minority ethnic groups]",
		},
		{
			name:      "an empty wording",
			outcome:   `    wordings: [" "]`,
			wantRules: []string{"wording"},
		},
		{
			name:      "a wording equal to the title",
			outcome:   "    wordings: [More offences are brought to justice]",
			wantRules: []string{"wording"},
		},
		{
			name:      "a repeated wording",
			measure:   "    wordings: [Gap, Gap]",
			wantRules: []string{"wording"},
		},
		{
			name: "a part in its own unit",
			measure: `    parts:
      - id: white
        title: White victim satisfaction
        unit: percent
        results: [{year: 2006/07, value: 80%}]`,
		},
		{
			name: "a part in percent under a measure in points, without a unit of its own",
			measure: `    parts:
      - id: white
        title: White victim satisfaction
        results: [{year: 2006/07, value: 80%}]`,
			wantRules: []string{"unit"},
		},
		{
			name: "a part in percent that is out of range",
			measure: `    parts:
      - id: white
        title: White victim satisfaction
        unit: percent
        results: [{year: 2006/07, value: 180%}]`,
			wantRules: []string{"percent-range"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.NewReplacer("OUTCOME", tc.outcome, "MEASURE", tc.measure).Replace(wordingsPlan)
			var diags plan.Diagnostics
			p := plan.Decode([]plan.File{{Name: "t/plan.yaml", Data: []byte(src)}}, &diags)
			if p == nil {
				t.Fatalf("plan does not decode: %v", diags)
			}
			plan.Validate(p, &diags)
			var got []string
			for _, d := range diags {
				got = append(got, d.Rule)
				if d.Pos.Line == 0 {
					t.Errorf("diagnostic without a line: %v", d)
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.wantRules, ",") {
				t.Errorf("rules %v, want %v; diagnostics: %v", got, tc.wantRules, diags)
			}
		})
	}
}

// TestPartUnitEnum checks that a part's unit is one of the measure units.
func TestPartUnitEnum(t *testing.T) {
	src := strings.NewReplacer("OUTCOME", "", "MEASURE", `    parts:
      - id: white
        title: White
        unit: percentage`).Replace(wordingsPlan)
	var diags plan.Diagnostics
	plan.Decode([]plan.File{{Name: "t/plan.yaml", Data: []byte(src)}}, &diags)
	if !diags.HasErrors() || !strings.Contains(diags[0].Message, "percentage") {
		t.Errorf("unit percentage accepted: %v", diags)
	}
}
