package diff

import (
	"slices"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/status"
)

// SectionStatuses names the section of the statuses a change flips.
const SectionStatuses = "statuses"

// statuses returns the section of the statuses that the change flips: a
// measure (or part) matched by ID whose status for a year differs between
// the two plans, as an annual report would print it ("burglary 2011/12:
// met → not met"). A target or result edited in YAML is a line in the
// measure's section; this says what it does to the published verdict. A
// move between statuses that assess nothing (no target → not yet
// reported) is left out.
func statuses(old, new *plan.Plan) Section {
	s := Section{Name: SectionStatuses, Title: "Statuses"}
	byID := map[string]*plan.Measure{}
	for i := range old.Measures {
		byID[old.Measures[i].ID] = &old.Measures[i]
	}
	for i := range new.Measures {
		nm := &new.Measures[i]
		om := byID[nm.ID]
		if om == nil {
			continue
		}
		s.Fields = append(s.Fields, flips(nm.ID, "", status.Of(om), status.Of(nm))...)
		for j := range nm.Parts {
			np := &nm.Parts[j]
			for k := range om.Parts {
				if op := &om.Parts[k]; op.ID == np.ID {
					s.Fields = append(s.Fields, flips(nm.ID, np.ID, status.OfPart(om, op), status.OfPart(nm, np))...)
				}
			}
		}
	}
	return s
}

func flips(id, part string, a, b status.Series) []Field {
	var years []plan.Year
	for _, ts := range [][]plan.Target{a.Targets, b.Targets} {
		for _, t := range ts {
			years = append(years, t.Year)
		}
	}
	for _, rs := range [][]plan.Result{a.Results, b.Results} {
		for _, r := range rs {
			years = append(years, r.Year)
		}
	}
	slices.Sort(years)
	years = slices.Compact(years)
	var out []Field
	for _, y := range years {
		sa, sb := status.AssessSeries(a, y).Status, status.AssessSeries(b, y).Status
		if sa == sb || !assessed(sa) && !assessed(sb) {
			continue
		}
		name := id
		if part != "" {
			name += " " + part
		}
		name += " " + y.String()
		out = append(out, Field{Loc: Loc{Name: name, Path: []string{"measures", id}, Year: y.String(), Part: part},
			Change: Changed, Old: string(sa), New: string(sb)})
	}
	return out
}

// assessed reports whether a status is a verdict on a figure.
func assessed(s status.Status) bool {
	return s.Achieved() || s.Missed()
}
