package roll

import (
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

// TestForwardLeavesReportsBehind: an annual report stays with the results
// it reports, and takes with it the section of its commentary, wherever
// that is written, and the outline entries naming it at any depth; a file
// left with nothing is not written.
func TestForwardLeavesReportsBehind(t *testing.T) {
	files := []plan.File{
		{Name: "plan.yaml", Data: []byte(`id: 2006-09
title: Plan 2006-09
period: {first: 2006/07, last: 2008/09}
sections:
  - id: context
    title: Context
    sections:
      - {id: how-we-did-2006-07, title: How we did during 2006/07}
      - {id: kept, title: Kept}
  - {id: how-we-did-2005-06, title: How we did during 2005/06}
`)},
		{Name: "reports.yaml", Data: []byte(`# only reports
reports:
  - {year: 2006/07, commentary: how-we-did-2006-07}
  - {year: 2005/06, commentary: how-we-did-2005-06}
`)},
		{Name: "outline.yaml", Data: []byte(`outline:
  - part: context
    parts: [how-we-did-2006-07, kept]
  - how-we-did-2005-06
  - {part: budget}
`)},
	}
	out, sum, err := Forward(files, "2006-09", "2007-10", 2006, 2008)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Reports != 2 || sum.Dropped != 2 {
		t.Errorf("summary %+v: want 2 reports and their 2 sections left behind", sum)
	}
	var names []string
	text := map[string]string{}
	for _, f := range out {
		names = append(names, f.Name)
		text[f.Name] = string(f.Data)
	}
	if strings.Join(names, " ") != "plan.yaml outline.yaml" {
		t.Errorf("files %v: reports.yaml held only reports and must not be written", names)
	}
	for _, gone := range []string{"how-we-did", "reports"} {
		if strings.Contains(text["plan.yaml"], gone) || strings.Contains(text["outline.yaml"], gone) {
			t.Errorf("%q is still there:\n%s\n%s", gone, text["plan.yaml"], text["outline.yaml"])
		}
	}
	for _, kept := range []string{"id: kept", "id: context"} {
		if !strings.Contains(text["plan.yaml"], kept) {
			t.Errorf("%q was dropped:\n%s", kept, text["plan.yaml"])
		}
	}
	if !strings.Contains(text["outline.yaml"], "kept") || !strings.Contains(text["outline.yaml"], "budget") {
		t.Errorf("the outline lost entries it should keep:\n%s", text["outline.yaml"])
	}
}
