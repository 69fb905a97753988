package plan_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

// Audit entries check what the source says that a figure entry cannot:
// the period a result covers, and that the plan has no measure or heading
// the source does not have:
//
//	period vap-sanction-detection-by-ethnicity/white 2006/07 December 2006
//	absent measure robbery
//	absent heading Productivity reviews
//
// A heading is the title of a plan section at any depth.
func init() {
	figureChecks["period"] = checkPeriod
	figureChecks["absent"] = checkAbsent
}

func checkPeriod(p *plan.Plan, rest string) string {
	w, want, ok := fields(rest, 2)
	if !ok {
		return fmt.Sprintf("%q: write: period <measure>[/<part>] <year> <period>", "period "+rest)
	}
	year, err := plan.ParseYear(w[1])
	if err != nil {
		return err.Error()
	}
	id, partID, _ := strings.Cut(w[0], "/")
	for _, m := range p.Measures {
		if m.ID != id {
			continue
		}
		results := m.Results
		for _, pt := range m.Parts {
			if pt.ID == partID {
				results = pt.Results
			}
		}
		var got []string
		for _, r := range results {
			if r.Year == year {
				if r.Period == want {
					return ""
				}
				got = append(got, fmt.Sprintf("%q", r.Period))
			}
		}
		return fmt.Sprintf("measure %s: results for %s cover %s, not %q as the source says", w[0], year, strings.Join(got, ", "), want)
	}
	return fmt.Sprintf("plan has no measure %q", id)
}

func checkAbsent(p *plan.Plan, rest string) string {
	w, want, ok := fields(rest, 1)
	if !ok || w[0] != "measure" && w[0] != "heading" {
		return fmt.Sprintf("%q: write: absent measure <id>, or absent heading <title>", "absent "+rest)
	}
	if w[0] == "measure" {
		for _, m := range p.Measures {
			if m.ID == want {
				return fmt.Sprintf("plan has measure %q (%s), which the source does not have", want, m.Title)
			}
		}
		return ""
	}
	var found func(ss []plan.Section) bool
	found = func(ss []plan.Section) bool {
		for _, s := range ss {
			if s.Title == want || found(s.Sections) {
				return true
			}
		}
		return false
	}
	if found(p.Sections) {
		return fmt.Sprintf("plan has a section headed %q, which the source does not print", want)
	}
	return ""
}

// TestAuditEntries proves the audit entries can fail, and pass when right.
func TestAuditEntries(t *testing.T) {
	t.Chdir("..")
	p, diags := plan.Load("plans/2006-09")
	if p == nil || diags.HasErrors() {
		t.Fatalf("plan 2006-09 does not load: %v", diags.Err())
	}
	tests := []struct{ entry, want string }{
		{"period vap-sanction-detection-by-ethnicity/white 2006/07 December 2006", ""},
		{"period vap-sanction-detection-by-ethnicity/white 2006/07 April to December 2006", `cover "December 2006", not "April to December 2006"`},
		{"period no-such 2006/07 December 2006", `plan has no measure "no-such"`},
		{"period x", "write: period"},
		{"absent measure no-such", ""},
		{"absent measure violence-against-person", `plan has measure "violence-against-person"`},
		{"absent heading No such heading", ""},
		{"absent heading Contact details", `plan has a section headed "Contact details"`},
		{"absent colour blue", "write: absent"},
	}
	for _, tt := range tests {
		kw, rest, _ := strings.Cut(tt.entry, " ")
		got := figureChecks[kw](p, rest)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.entry, got, tt.want)
		}
	}
}
