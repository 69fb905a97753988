package plan

import (
	"fmt"
)

var hundred = DecimalFromInt(100)

func (v *validator) measure(m *Measure) {
	v.refs("measure", m.ID, "objective", m.Objectives, v.objectives)
	v.refs("measure", m.ID, "outcome", m.Outcomes, v.outcomes)
	v.refs("measure", m.ID, "priority", m.Priorities, v.priorities)
	if m.Within.ID != "" {
		v.refs("measure", m.ID, "measure", []Ref{m.Within}, v.measures)
		if m.Within.ID == m.ID {
			v.errorf(m.Within.At, "reference", "name the measure this row is printed within", "measure %q is within itself", m.ID)
		}
	}
	if m.MSFRank < 0 {
		v.errorf(m.At, "range", "most similar forces ranks start at 1", "measure %q has MSF rank %d", m.ID, m.MSFRank)
	}
	what := identified("measure", m.ID)
	v.series(m, what, m.Baseline, m.Targets, m.Results)
	partIDs := map[string]Pos{}
	for _, part := range m.Parts {
		if prev, dup := partIDs[part.ID]; dup {
			v.errorf(part.At, "duplicate-id", "", "part %q of measure %q is already defined at %s", part.ID, m.ID, prev)
		}
		partIDs[part.ID] = part.At
		pm := m
		if part.Unit != "" {
			// A part may count in its own unit: the White and B&ME satisfaction
			// behind a gap in points are percentages.
			cp := *m
			cp.Unit = part.Unit
			pm = &cp
		}
		v.series(pm, what.inPart(part.ID), part.Baseline, part.Targets, part.Results)
	}
}

// series checks one line of figures of a measure (the measure itself or a part).
func (v *validator) series(m *Measure, what subject, base *Observation, targets []Target, results []Result) {
	if base != nil {
		v.notAfterPeriod(base.At, base.Year, what.as(" baseline"))
		v.figure(m, &base.Value, what.as(" baseline"))
	}
	years := map[Year]Pos{}
	for i := range targets {
		t := &targets[i]
		v.inPeriod(t.At, t.Year, what.as(" target"))
		if prev, dup := years[t.Year]; dup {
			v.errorf(t.At, "duplicate-id", "keep one target a year", "%s has a second target for %s (first at %s)", what, t.Year, prev)
		}
		years[t.Year] = t.At
		v.target(m, t, what)
	}
	v.oneWholeYearResult(results, what)
	for i := range results {
		r := &results[i]
		v.notAfterPeriod(r.At, r.Year, what.as(" result"))
		v.figure(m, &r.Value, what.as(" result"))
		if r.Of != 0 && r.Of >= r.Year {
			v.errorf(r.At, "year-range", "of names the earlier year a figure printed for this year was measured in; remove it when the figure is this year's",
				"%s result for %s says it is %s's figure, which is not an earlier year", what, r.Year, r.Of)
		}
	}
}

func (v *validator) target(m *Measure, t *Target, what subject) {
	if t.Review != "" {
		v.add(t.At, Warning, "review", "confirm or change the target, then delete its review line",
			"%s target for %s awaits review (%s)", what, t.Year, t.Review)
	}
	switch t.Kind {
	case TargetLevel, TargetChange, TargetPoints:
		// The unit each kind of target states its value in.
		want := m.Unit
		switch t.Kind {
		case TargetChange:
			want = UnitPercent
		case TargetPoints:
			want = UnitPoints
		}
		if t.Value == nil {
			v.errorf(t.At, "target", "write the number the target text states, such as value: -3%", "%s target for %s is a %s target without a value", what, t.Year, t.Kind)
			return
		}
		u := t.Value.Unit()
		if pc, ok := fractionPercent(t.Value); ok && want == UnitPercent {
			v.wrong(m.Acknowledge, t.Value.At, "fraction", "write the target as printed, with its % sign: "+pc,
				"%s target %q: did you mean %s?", what, t.Value.Text, pc)
			return
		}
		if u == UnitText {
			if fix, ok := figureFix(t.Value.Text, want); ok {
				v.errorf(t.Value.At, "value", "write value: "+fix, "%s target value %q is not a figure: did you mean %s?", what, t.Value.Text, fix)
				return
			}
		}
		if u != want {
			hint := fmt.Sprintf("a %s target on a measure counted in %s needs a value in %s", t.Kind, m.Unit, want)
			if t.Kind == TargetLevel && u == UnitPercent && m.Unit != UnitPercent {
				hint = "if the target is a change on last year, use kind: change"
			}
			v.inconsistency(m.Acknowledge, t.Value.At, "unit", hint, "%s target %q is in %s, not %s", what, t.Value.Text, u, want)
			return
		}
		if t.Kind == TargetLevel && u == UnitPercent {
			v.percentRange(m, t.Value, what.as(" target"))
		}
		v.targetText(m, t, what)
		if t.Kind == TargetChange && t.Value.Q.Value.Cmp(hundred.Neg()) < 0 {
			v.errorf(t.Value.At, "percent-range", "a quantity cannot fall by more than 100%", "%s target %q is below -100%%", what, t.Value.Text)
		}
	case TargetDirection:
		if t.Direction == "" {
			v.errorf(t.At, "target", "add direction: increase or direction: decrease", "%s target for %s has kind direction but no direction", what, t.Year)
		}
	}
	if t.Kind != TargetDirection && t.Direction != "" {
		v.errorf(t.At, "target", "direction belongs to targets of kind direction only", "%s target for %s has a direction but kind %s", what, t.Year, t.Kind)
	}
}

// figure checks that a reported number is in the measure's unit.
func (v *validator) figure(m *Measure, f *Figure, what subject) {
	if f.Q == nil {
		if fix, ok := figureFix(f.Text, m.Unit); ok && !f.refused {
			v.errorf(f.At, "value", fmt.Sprintf("write it %s; to print it as the source does, write {text: %q, value: %s}", fix, f.Text, fix),
				"%s %q is not a figure: it would be printed as written but never counted (no status or chart)", what, f.Text)
		}
		return // words such as N/A or Monitor
	}
	if m.Unit == UnitText {
		v.inconsistency(m.Acknowledge, f.At, "unit", "give the measure a numeric unit, or write the figure as text",
			"%s %q is a number, but the measure's unit is text", what, f.Text)
		return
	}
	if pc, ok := fractionPercent(f); ok && m.Unit == UnitPercent {
		v.wrong(m.Acknowledge, f.At, "fraction", "write the figure as printed, with its % sign: "+pc,
			"%s %q: did you mean %s?", what, f.Text, pc)
		return
	}
	if f.Q.Unit != m.Unit {
		v.inconsistency(m.Acknowledge, f.At, "unit", fmt.Sprintf("the measure counts in %s: write the figure that way, or change the measure's unit", m.Unit),
			"%s %q is in %s, not %s", what, f.Text, f.Q.Unit, m.Unit)
		return
	}
	if f.Q.Unit == UnitPercent {
		v.percentRange(m, f, what)
	}
}

// percentRange allows -100% to 100%: a share or rate cannot leave it, and
// a change on last year of more than +100% is so rare in these plans that
// it is more likely a typo; it can be acknowledged.
func (v *validator) percentRange(m *Measure, f *Figure, what subject) {
	q := f.Q.Value
	if q.Cmp(hundred) > 0 || q.Cmp(hundred.Neg()) < 0 {
		v.inconsistency(m.Acknowledge, f.At, "percent-range", "percentages lie between -100% and 100%",
			"%s %q is out of range", what, f.Text)
	}
}

// reports checks what the plan says about each year's results: a year
// some measure has results for, given once, a publication date not before
// the year begins, and a commentary that is one of the plan's sections.
func (v *validator) reports() {
	have := map[Year]bool{}
	for _, m := range v.p.Measures {
		for _, r := range m.Results {
			have[r.Year] = true
		}
		for _, pt := range m.Parts {
			for _, r := range pt.Results {
				have[r.Year] = true
			}
		}
	}
	sections := map[string]bool{}
	var walk func(ss []Section)
	walk = func(ss []Section) {
		for _, s := range ss {
			sections[s.ID] = true
			walk(s.Sections)
		}
	}
	walk(v.p.Sections)
	seen := map[Year]Pos{}
	for _, r := range v.p.Reports {
		if r.Year == 0 {
			continue
		}
		if prev, dup := seen[r.Year]; dup {
			v.errorf(r.At, "duplicate-id", "keep one entry a year", "the results of %s are described twice (first at %s)", r.Year, prev)
		} else {
			seen[r.Year] = r.At
		}
		if !have[r.Year] {
			v.errorf(r.At, "year-range", "describe the results of a year some measure has results for, or remove the entry",
				"reports describes the results of %s, but no measure has a result for %s", r.Year, r.Year)
		}
		// Dates are 2007-03 or 2007-03-14, so they compare as text.
		if begins := fmt.Sprintf("%04d-04", int(r.Year)); r.Date != "" && string(r.Date) < begins {
			v.errorf(r.At, "year-range", fmt.Sprintf("give the date the results were published, on or after 1 April %d", int(r.Year)),
				"the results of %s cannot be published on %s, before the year begins", r.Year, r.Date)
		}
		if c := r.Commentary; c.ID != "" && !sections[c.ID] {
			v.errorf(c.At, "reference", "name one of the plan's sections, by its id", "the commentary on %s's results is section %q, which the plan does not have", r.Year, c.ID)
		}
	}
}
