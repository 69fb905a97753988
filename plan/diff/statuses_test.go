package diff

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

func TestStatusFlips(t *testing.T) {
	load := func(result, target string) *plan.Plan {
		t.Helper()
		src := `id: p
title: Plan
kind: policing-plan
organisations: [Northshire Police]
period: {first: 2011/12, last: 2013/14}
status: draft
measures:
  - id: burglary
    title: Number of burglaries
    kind: cpa
    unit: number
    polarity: lower
    targets:
      - {year: 2011/12, kind: level, text: "` + target + `", value: ` + strings.ReplaceAll(target, ",", "") + `}
      - {year: 2012/13, kind: level, text: "4,400", value: 4400}
    results:
      - {year: 2011/12, value: "` + result + `"}
`
		var diags plan.Diagnostics
		p := plan.Decode([]plan.File{{Name: "p/plan.yaml", Data: []byte(src)}}, &diags)
		plan.Validate(p, &diags)
		if diags.HasErrors() {
			t.Fatalf("%v", diags)
		}
		return p
	}
	for _, tt := range []struct {
		name       string
		old, new   *plan.Plan
		want, none string
	}{
		{"a result revised", load("4,450", "4,500"), load("4,600", "4,500"), "~ burglary 2011/12: met → not met", ""},
		{"a target lowered", load("4,450", "4,500"), load("4,450", "4,400"), "~ burglary 2011/12: met → not met", ""},
		{"a figure reworded, same verdict", load("4,450", "4,500"), load("4,460", "4,500"), "", "Statuses"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(tt.old, tt.new)
			var b bytes.Buffer
			if err := WriteText(&b, r, false); err != nil {
				t.Fatal(err)
			}
			if tt.want != "" && !strings.Contains(b.String(), "Statuses\n  "+tt.want+"\n") {
				t.Errorf("no %q in\n%s", tt.want, b.String())
			}
			if tt.none != "" && strings.Contains(b.String(), tt.none) {
				t.Errorf("unexpected %q in\n%s", tt.none, b.String())
			}
			// 2012/13 has no result on either side: never a flip.
			if strings.Contains(b.String(), "2012/13: ") {
				t.Errorf("a year without results flipped:\n%s", b.String())
			}
		})
	}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, 1<<20, Compare(load("4,450", "4,500"), load("4,600", "4,500"))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "burglary 2011/12: met → not met") {
		t.Errorf("markdown:\n%s", md.String())
	}
}
