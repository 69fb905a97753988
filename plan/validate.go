package plan

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Validate checks a decoded plan and appends every problem to diags. It
// never stops at the first problem and never changes the plan: where the
// source document is itself inconsistent the plan keeps the stated figure
// and the problem is reported (as a note when acknowledged).
func Validate(p *Plan, diags *Diagnostics) {
	v := &validator{p: p, diags: diags, used: map[Pos]bool{}}
	v.run()
}

type validator struct {
	p     *Plan
	diags *Diagnostics
	acks  []Ack
	used  map[Pos]bool

	outcomes, priorities, objectives, strategies, measures map[string]bool
	// strandOf maps an outcome strand's ID to the outcome it belongs to.
	strandOf map[string]string
	// suggesters index the IDs of each kind for "did you mean".
	suggesters map[string]*suggester
}

func (v *validator) add(pos Pos, sev Severity, rule, hint, format string, args ...any) {
	if pos.File == "" {
		// A value the loader could not read has no position of its own;
		// point at the plan rather than nowhere.
		pos = v.p.At
	}
	*v.diags = append(*v.diags, Diagnostic{Pos: pos, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (v *validator) errorf(pos Pos, rule, hint, format string, args ...any) {
	v.add(pos, Error, rule, hint, format, args...)
}

// inconsistency reports a problem the source document may itself have. It
// is a warning unless the item acknowledges the rule, when it is a note
// that carries the reason.
func (v *validator) inconsistency(ack Acknowledge, pos Pos, rule, hint, format string, args ...any) {
	v.unless(ack, Warning, pos, rule, hint, format, args...)
}

// wrong reports a figure that does not hold (a sum, a share, a derived
// row, a target whose text and value disagree). A reader would take the
// published figure as true, so it is an error, unless the item
// acknowledges that the source itself prints it so: then it is a note.
func (v *validator) wrong(ack Acknowledge, pos Pos, rule, hint, format string, args ...any) {
	v.unless(ack, Error, pos, rule, hint, format, args...)
}

func (v *validator) unless(ack Acknowledge, sev Severity, pos Pos, rule, hint, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	for _, a := range ack {
		if a.Rule == Rule(rule) {
			v.used[a.At] = true
			v.add(pos, Note, rule, "", "%s (acknowledged: %s)", msg, a.Reason)
			return
		}
	}
	v.add(pos, sev, rule, hint, "%s", msg)
}

// gap reports figures that do not add up (an error, as wrong says why):
// gap is the stated figure less the computed one. An acknowledgement of the rule covers it only when it
// states that very gap; one written for another gap (the figures were
// edited since) is an error naming both, and one that states no gap at all
// (the old form, a reason alone) is an error that says what to write.
func (v *validator) gap(ack Acknowledge, pos Pos, rule string, gap Quantity, hint, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	a := ack.Get(Rule(rule))
	if a == nil {
		v.add(pos, Error, rule, fmt.Sprintf("%s; if the source itself does not add up, acknowledge it: acknowledge: {%s: {difference: %s, reason: ...}}", hint, rule, gap),
			"%s", msg)
		return
	}
	v.used[a.At] = true
	switch {
	case a.Difference == nil:
		v.add(a.At, Error, "acknowledge", fmt.Sprintf("write %s: {difference: %s, reason: %s}", rule, gap, yamlText(a.Reason)),
			"the acknowledgement of rule %q gives a reason but not the difference it accepts (%s)", rule, msg)
	case sameGap(*a.Difference.Q, gap):
		v.add(pos, Note, rule, "", "%s (acknowledged: %s)", msg, a.Reason)
	default:
		v.add(pos, Error, rule, fmt.Sprintf("correct the figure that changed; if the source itself now shows this gap, write difference: %s at %s", gap, a.Difference.At),
			"%s; the acknowledgement at %s accepts a difference of %s, not %s", msg, a.Difference.At, a.Difference.Text, gap)
	}
}

// sameGap compares an acknowledged difference with the one found. Shares
// differ from 100% by percentage points, which either unit may write.
func sameGap(acked, found Quantity) bool {
	pct := func(u Unit) bool { return u == UnitPercent || u == UnitPoints }
	if acked.Unit != found.Unit && !(pct(acked.Unit) && pct(found.Unit)) {
		return false
	}
	return acked.Value.Cmp(found.Value) == 0
}

// yamlText quotes a reason when YAML would otherwise misread it in a flow mapping.
func yamlText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if strings.ContainsAny(s, ":{}[],#&*!|>'\"%@`") {
		return strconv.Quote(s)
	}
	return s
}

func (v *validator) acknowledges(a Acknowledge) { v.acks = append(v.acks, a...) }

func (v *validator) run() {
	p := v.p
	if p.ID != "" && !slugRE.MatchString(p.ID) {
		// The id names the plan's output folder: a slug can never reach
		// outside --out or name another plan's folder.
		v.errorf(p.keyPos["id"], "id", "a plan id is lowercase letters and digits joined by single hyphens, and is its folder's name: 2008-11",
			"plan id %q is not a valid ID", clip(p.ID))
	}
	if p.Period.First != 0 && p.Period.Last != 0 && p.Period.Last < p.Period.First {
		v.errorf(p.Period.At, "year-range", "swap first and last", "period ends (%s) before it starts (%s)", p.Period.Last, p.Period.First)
	}
	for _, y := range p.PlanYears {
		v.inPeriod(p.keyPos["plan_years"], y, "plan year")
	}
	v.lineage()

	v.outcomes = v.ids("outcome", len(p.Outcomes), func(i int) (string, Pos) { return p.Outcomes[i].ID, p.Outcomes[i].At })
	v.priorities = v.ids("priority", len(p.Priorities), func(i int) (string, Pos) { return p.Priorities[i].ID, p.Priorities[i].At })
	v.objectives = v.ids("objective", len(p.Objectives), func(i int) (string, Pos) { return p.Objectives[i].ID, p.Objectives[i].At })
	v.strategies = v.items("strategy", p.Strategies)
	v.items("commitment", p.Commitments)
	v.items("enabler", p.Enablers)
	v.items("improvement", p.Improvements)
	if p.Values != nil {
		v.items("value", p.Values.Items)
	}
	v.ids("activity", len(p.Activities), func(i int) (string, Pos) { return p.Activities[i].ID, p.Activities[i].At })
	v.measures = v.ids("measure", len(p.Measures), func(i int) (string, Pos) { return p.Measures[i].ID, p.Measures[i].At })
	v.ids("inspection", len(p.Inspections), func(i int) (string, Pos) {
		return strings.ToLower(string(p.Inspections[i].Body)) + "/" + p.Inspections[i].ID, p.Inspections[i].At
	})
	v.sections(p.Sections, map[string]bool{})

	for _, o := range p.Outcomes {
		v.acknowledges(o.Acknowledge)
	}
	v.outcomeStrands()
	for _, pr := range p.Priorities {
		v.acknowledges(pr.Acknowledge)
		v.refs("priority", pr.ID, "outcome", pr.Outcomes, v.outcomes)
	}
	for _, o := range p.Objectives {
		v.acknowledges(o.Acknowledge)
		v.refs("objective", o.ID, "outcome", o.Outcomes, v.outcomes)
		v.refs("objective", o.ID, "priority", o.Priorities, v.priorities)
		v.refs("objective", o.ID, "strategy", o.Strategies, v.strategies)
		v.objectiveStrands(&o)
	}
	for _, a := range p.Activities {
		v.acknowledges(a.Acknowledge)
		v.refs("activity", a.ID, "objective", a.Objectives, v.objectives)
		v.refs("activity", a.ID, "priority", a.Priorities, v.priorities)
		if a.Year != 0 {
			v.inPeriod(a.At, a.Year, fmt.Sprintf("activity %q", a.ID))
		}
	}
	v.wordings()
	codes := map[string]*Measure{}
	uses := map[string]int{}
	for i := range p.Measures {
		m := &p.Measures[i]
		v.acknowledges(m.Acknowledge)
		v.measure(m)
		for _, c := range m.Codes {
			uses[c]++
			if prev, dup := codes[c]; dup && !slices.Contains(p.SharedCodes, c) {
				v.inconsistency(m.Acknowledge, m.At, "duplicate-code", "give each measure its own code, acknowledge that the source repeats it, or list a code the source gives to many measures in shared_codes",
					"measure %q has code %q, already used by measure %q (%s)", m.ID, c, prev.ID, prev.At)
				continue
			}
			codes[c] = m
		}
	}
	for _, c := range p.SharedCodes {
		if uses[c] < 2 {
			who := "no measure has it"
			if uses[c] == 1 {
				who = "only one measure has it"
			}
			v.add(p.keyPos["shared_codes"], Warning, "duplicate-code", "remove it from shared_codes, or check the measures' codes",
				"code %q is listed as shared, but %s", c, who)
		}
	}
	if p.Budget != nil {
		v.budget(p.Budget)
	}
	for _, in := range p.Inspections {
		if in.Year > p.Period.Last && p.Period.Last != 0 {
			v.errorf(in.At, "year-range", "", "inspection %q is for %s, after the plan's period ends (%s)", in.ID, in.Year, p.Period.Last)
		}
	}
	for _, a := range v.acks {
		if !v.used[a.At] && a.Difference == nil && slices.Contains(gapRules, a.Rule) {
			v.add(a.At, Error, "acknowledge", fmt.Sprintf("remove the acknowledgement; where a gap is to be acknowledged, write the gap check reports: %s: {difference: <the difference check prints>, reason: ...}", a.Rule),
				"rule %q is acknowledged by a reason alone, without the difference it accepts, and the check finds no problem to acknowledge", a.Rule)
			continue
		}
		if !v.used[a.At] {
			v.add(a.At, Warning, "acknowledge", "remove the acknowledgement, or check the figures it was meant to cover",
				"rule %q is acknowledged here, but the check finds no problem to acknowledge", a.Rule)
		}
	}
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ids checks that IDs are well-formed and unique, and returns the set.
func (v *validator) ids(kind string, n int, get func(int) (string, Pos)) map[string]bool {
	set := make(map[string]bool, n)
	first := make(map[string]Pos, n)
	for i := range n {
		id, pos := get(i)
		if id == "" {
			continue
		}
		bare := id[strings.LastIndexByte(id, '/')+1:]
		if !slugRE.MatchString(bare) {
			v.errorf(pos, "id", "IDs are lowercase letters and digits joined by single hyphens: reduce-serious-violence",
				"%s id %q is not a valid ID", kind, bare)
		}
		if prev, dup := first[id]; dup {
			v.errorf(pos, "duplicate-id", "give each "+kind+" its own ID", "%s id %q is already used at %s", kind, bare, prev)
			continue
		}
		first[id] = pos
		set[id] = true
	}
	return set
}

func (v *validator) items(kind string, items []Item) map[string]bool {
	for _, it := range items {
		v.acknowledges(it.Acknowledge)
	}
	return v.ids(kind, len(items), func(i int) (string, Pos) { return items[i].ID, items[i].At })
}

func (v *validator) sections(ss []Section, seen map[string]bool) {
	v.ids("section", len(ss), func(i int) (string, Pos) { return ss[i].ID, ss[i].At })
	for _, s := range ss {
		v.items("section item", s.Items)
		v.sections(s.Sections, seen)
	}
}

// refs checks that every reference resolves, suggesting the nearest ID.
func (v *validator) refs(fromKind, fromID, toKind string, refs []Ref, set map[string]bool) {
	for _, r := range refs {
		if set[r.ID] || r.ID == "" { // an empty item is reported by the loader
			continue
		}
		hint := fmt.Sprintf("no %s has this ID", toKind)
		if len(set) == 0 {
			hint = fmt.Sprintf("the plan defines no %s", plural(toKind))
		} else if s := v.suggester(toKind, set).suggest(r.ID); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		v.errorf(r.At, "reference", hint, "%s %q refers to unknown %s %q", fromKind, fromID, toKind, r.ID)
	}
}

// suggester returns the "did you mean" index of the IDs of a kind, built
// once a validation: each kind's references always resolve against the
// same set.
func (v *validator) suggester(kind string, set map[string]bool) *suggester {
	if sg, ok := v.suggesters[kind]; ok {
		return sg
	}
	if v.suggesters == nil {
		v.suggesters = map[string]*suggester{}
	}
	sg := newSuggester(keys(set))
	v.suggesters[kind] = sg
	return sg
}

func plural(s string) string {
	if strings.HasSuffix(s, "y") {
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	// suggest picks the first of equally close candidates: sort for stable output.
	slices.Sort(out)
	return out
}

func (v *validator) inPeriod(pos Pos, y Year, what string) {
	p := v.p.Period
	// A zero year failed to parse and has been reported already.
	if y == 0 || p.First == 0 || p.Last == 0 || p.Contains(y) {
		return
	}
	v.errorf(pos, "year-range", fmt.Sprintf("the plan covers %s to %s: correct the year, or the plan's period", p.First, p.Last),
		"%s is for %s, outside the plan's period", what, y)
}

func (v *validator) notAfterPeriod(pos Pos, y Year, what string) {
	if last := v.p.Period.Last; last != 0 && y > last {
		v.errorf(pos, "year-range", fmt.Sprintf("the plan ends with %s", last), "%s is for %s, after the plan's period", what, y)
	}
}

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
	what := fmt.Sprintf("measure %q", m.ID)
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
		v.series(pm, fmt.Sprintf("%s, part %q,", what, part.ID), part.Baseline, part.Targets, part.Results)
	}
}

// series checks one line of figures of a measure (the measure itself or a part).
func (v *validator) series(m *Measure, what string, base *Observation, targets []Target, results []Result) {
	if base != nil {
		v.notAfterPeriod(base.At, base.Year, what+" baseline")
		v.figure(m, &base.Value, what+" baseline")
	}
	years := map[Year]Pos{}
	for i := range targets {
		t := &targets[i]
		v.inPeriod(t.At, t.Year, what+" target")
		if prev, dup := years[t.Year]; dup {
			v.errorf(t.At, "duplicate-id", "keep one target a year", "%s has a second target for %s (first at %s)", what, t.Year, prev)
		}
		years[t.Year] = t.At
		v.target(m, t, what)
	}
	v.oneWholeYearResult(results, what)
	for i := range results {
		r := &results[i]
		v.notAfterPeriod(r.At, r.Year, what+" result")
		v.figure(m, &r.Value, what+" result")
		if r.Of != 0 && r.Of >= r.Year {
			v.errorf(r.At, "year-range", "of names the earlier year a figure printed for this year was measured in; remove it when the figure is this year's",
				"%s result for %s says it is %s's figure, which is not an earlier year", what, r.Year, r.Of)
		}
	}
}

func (v *validator) target(m *Measure, t *Target, what string) {
	if t.Review != "" {
		v.add(t.At, Warning, "review", "confirm or change the target, then delete its review line",
			"%s target for %s awaits review (%s)", what, t.Year, t.Review)
	}
	want := map[string]Unit{TargetLevel: m.Unit, TargetChange: UnitPercent, TargetPoints: UnitPoints}
	switch t.Kind {
	case TargetLevel, TargetChange, TargetPoints:
		if t.Value == nil {
			v.errorf(t.At, "target", "write the number the target text states, such as value: -3%", "%s target for %s is a %s target without a value", what, t.Year, t.Kind)
			return
		}
		u := t.Value.Unit()
		if pc, ok := fractionPercent(t.Value); ok && want[t.Kind] == UnitPercent {
			v.wrong(m.Acknowledge, t.Value.At, "fraction", "write the target as printed, with its % sign: "+pc,
				"%s target %q: did you mean %s?", what, t.Value.Text, pc)
			return
		}
		if u != want[t.Kind] {
			hint := fmt.Sprintf("a %s target on a measure counted in %s needs a value in %s", t.Kind, m.Unit, want[t.Kind])
			if t.Kind == TargetLevel && u == UnitPercent && m.Unit != UnitPercent {
				hint = "if the target is a change on last year, use kind: change"
			}
			v.inconsistency(m.Acknowledge, t.Value.At, "unit", hint, "%s target %q is in %s, not %s", what, t.Value.Text, u, want[t.Kind])
			return
		}
		if t.Kind == TargetLevel && u == UnitPercent {
			v.percentRange(m, t.Value, what+" target")
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
func (v *validator) figure(m *Measure, f *Figure, what string) {
	if f.Q == nil {
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
func (v *validator) percentRange(m *Measure, f *Figure, what string) {
	q := f.Q.Value
	if q.Cmp(hundred) > 0 || q.Cmp(hundred.Neg()) < 0 {
		v.inconsistency(m.Acknowledge, f.At, "percent-range", "percentages lie between -100% and 100%",
			"%s %q is out of range", what, f.Text)
	}
}

func (v *validator) budget(b *Budget) {
	v.ids("breakdown", len(b.Breakdowns), func(i int) (string, Pos) { return b.Breakdowns[i].ID, b.Breakdowns[i].At })
	v.ids("table", len(b.Tables), func(i int) (string, Pos) { return b.Tables[i].ID, b.Tables[i].At })
	v.ids("risk", len(b.Risks), func(i int) (string, Pos) { return b.Risks[i].ID, b.Risks[i].At })
	for i := range b.Breakdowns {
		v.breakdown(&b.Breakdowns[i])
	}
	v.balance(b.Breakdowns)
	for i := range b.Tables {
		v.table(&b.Tables[i])
	}
	v.restated(b.Tables)
	for _, r := range b.Risks {
		if r.Amount != nil {
			v.money(r.Amount, fmt.Sprintf("risk %q amount", r.ID))
		}
	}
	v.initiatives(b.Initiatives)
}

// balance checks the totals a plan states twice: the revenue budget of a
// year and the funding of that budget (gross expenditure and the funding
// of gross expenditure) are one sum, printed in two tables. Either
// breakdown may acknowledge the rule.
func (v *validator) balance(bds []Breakdown) {
	for i := range bds {
		rev := &bds[i]
		if rev.Kind != "revenue" || rev.Total == nil || rev.Total.Unit() != UnitMoney {
			continue
		}
		for j := range bds {
			fund := &bds[j]
			if fund.Kind != "funding" || fund.Year != rev.Year || fund.Total == nil || fund.Total.Unit() != UnitMoney {
				continue
			}
			if rev.Total.Q.Value.Cmp(fund.Total.Q.Value) == 0 {
				continue
			}
			d := Quantity{Value: rev.Total.Q.Value.Sub(fund.Total.Q.Value), Unit: UnitMoney}
			acks := append(slices.Clone(rev.Acknowledge), fund.Acknowledge...)
			v.gap(acks, rev.Total.At, "balance", d, "the revenue budget and its funding are the same sum: correct the total that was mistyped",
				"breakdown %q: the revenue total %s for %s is not the funding total %s of breakdown %q (%s) (difference %s)",
				rev.ID, rev.Total.Text, rev.Year, fund.Total.Text, fund.ID, fund.Total.At, d)
		}
	}
}

// restated checks the rows that state another table's figures again
// (same_as): for each year both tables have, the two cells must be the
// same amount, in the units their tables print (2,673.3 in a £m table is
// £2,673.3m).
func (v *validator) restated(ts []Table) {
	byID := map[string]*Table{}
	for i := range ts {
		byID[ts[i].ID] = &ts[i]
	}
	for i := range ts {
		t := &ts[i]
		for _, r := range t.Rows {
			if r.SameAs == "" {
				continue
			}
			tid, rid, _ := strings.Cut(r.SameAs, "/")
			other := byID[tid]
			var src *TableRow
			if other != nil {
				for j := range other.Rows {
					if other.Rows[j].ID == rid {
						src = &other.Rows[j]
					}
				}
			}
			if src == nil || other == t {
				hint := "write table/row, naming a row of another table of the plan"
				if other == nil {
					if s := suggest(tid, keys(boolSet(byID))); s != "" {
						hint = fmt.Sprintf("did you mean table %q?", s)
					}
				}
				v.errorf(r.At, "reference", hint, "row %q of table %q is the same as %q, which is no row of another table", r.ID, t.ID, r.SameAs)
				continue
			}
			acks := append(slices.Clone(t.Acknowledge), other.Acknowledge...)
			for col, y := range t.Columns {
				j := slices.Index(other.Columns, y)
				if col >= len(r.Values) || j < 0 || j >= len(src.Values) {
					continue
				}
				a, aok := cellAmount(r.Values[col], t.Unit)
				b, bok := cellAmount(src.Values[j], other.Unit)
				if !aok || !bok || a.Unit != b.Unit || a.Value.Cmp(b.Value) == 0 {
					continue
				}
				d := Quantity{Value: a.Value.Sub(b.Value), Unit: a.Unit}
				v.gap(acks, r.Values[col].At, "balance", d, "a figure stated twice is one figure: correct the one that was mistyped",
					"table %q, row %q, %s: %s, but row %q of table %q (%s), which it restates, says %s (difference %s)",
					t.ID, r.ID, y, cellText(r.Values[col], t.Unit), rid, tid, src.Values[j].At, cellText(src.Values[j], other.Unit), d)
			}
		}
	}
}

// cellAmount is a table cell's exact amount, a bare number taking the
// unit the table prints in its header (£m, £bn, %).
func cellAmount(f *Figure, unit string) (Quantity, bool) {
	if f == nil || f.Q == nil {
		return Quantity{}, false
	}
	q := *f.Q
	if q.Unit != UnitNumber {
		return q, true
	}
	if suffix, ok := strings.CutPrefix(unit, "£"); ok {
		if scale, ok := moneyScale[suffix]; ok {
			return Quantity{Value: q.Value.Mul(scale), Unit: UnitMoney}, true
		}
	}
	if unit == "%" {
		q.Unit = UnitPercent
	}
	return q, true
}

// cellText is a cell as printed, with the table's money unit around a
// bare number: 2,673.3 in a £m table is £2,673.3m.
func cellText(f *Figure, unit string) string {
	if suffix, ok := strings.CutPrefix(unit, "£"); ok && f.Q != nil && f.Q.Unit == UnitNumber {
		return "£" + f.Text + suffix
	}
	return f.Text
}

// initiatives checks new initiatives. Their year may precede the plan's
// period (a budget submission lists what the current year already funds),
// but not follow it.
func (v *validator) initiatives(in []Initiative) {
	v.ids("initiative", len(in), func(i int) (string, Pos) { return in[i].ID, in[i].At })
	for _, it := range in {
		if it.Year != 0 {
			v.notAfterPeriod(it.At, it.Year, fmt.Sprintf("initiative %q", it.ID))
		}
		if it.Amount != nil {
			v.money(it.Amount, fmt.Sprintf("initiative %q amount", it.ID))
		}
		v.refs("initiative", it.ID, "objective", it.Objectives, v.objectives)
	}
}

// outcomeStrands checks the strands of all outcomes as one set of IDs,
// since objectives refer to a strand by its ID alone.
func (v *validator) outcomeStrands() {
	var all []Item
	v.strandOf = map[string]string{}
	for _, o := range v.p.Outcomes {
		for _, s := range o.Strands {
			all = append(all, s)
			if _, seen := v.strandOf[s.ID]; !seen {
				v.strandOf[s.ID] = o.ID
			}
		}
	}
	v.items("outcome strand", all)
}

// objectiveStrands checks that an objective's strands exist and belong to
// one of the outcomes it serves, so the two links cannot disagree.
func (v *validator) objectiveStrands(o *Objective) {
	v.refs("objective", o.ID, "outcome strand", o.Strands, boolSet(v.strandOf))
	for _, r := range o.Strands {
		out, ok := v.strandOf[r.ID]
		if !ok || len(o.Outcomes) == 0 || slices.ContainsFunc(o.Outcomes, func(x Ref) bool { return x.ID == out }) {
			continue
		}
		v.errorf(r.At, "reference", fmt.Sprintf("add %s to the objective's outcomes, or pick a strand of its outcomes", out),
			"objective %q delivers strand %q of outcome %q, which is not among its outcomes", o.ID, r.ID, out)
	}
}

func (v *validator) money(f *Figure, what string) bool {
	if f.Text == "" && f.Q == nil {
		return false // no value at all: the loader has reported the missing key
	}
	if f.Unit() != UnitMoney {
		v.errorf(f.At, "unit", "write money with a pound sign: £241.1m, £3.56bn", "%s %q is not an amount of money", what, f.Text)
		return false
	}
	return true
}

func (v *validator) breakdown(bd *Breakdown) {
	v.acknowledges(bd.Acknowledge)
	v.inPeriod(bd.At, bd.Year, fmt.Sprintf("breakdown %q", bd.ID))
	v.ids("item of breakdown "+bd.ID, len(bd.Items), func(i int) (string, Pos) { return bd.Items[i].ID, bd.Items[i].At })
	sum, sumOK := Decimal{}, true
	shares, nShares, sharesOK := Decimal{}, 0, true
	for _, it := range bd.Items {
		if v.money(&it.Amount, fmt.Sprintf("%q amount", it.ID)) {
			sum = sum.Add(it.Amount.Q.Value)
		} else {
			sumOK = false
		}
		if it.Share == nil {
			continue
		}
		nShares++
		if it.Share.Unit() != UnitPercent {
			sharesOK = false
			if pc, ok := fractionPercent(it.Share); ok {
				v.errorf(it.Share.At, "fraction", "write the share as printed, with its % sign: "+pc,
					"share %q of %q: did you mean %s?", it.Share.Text, it.ID, pc)
				continue
			}
			v.errorf(it.Share.At, "unit", "write a share as a percentage: 77%", "share %q of %q is not a percentage", it.Share.Text, it.ID)
			continue
		}
		if q := it.Share.Q.Value; q.Sign() < 0 || q.Cmp(hundred) > 0 {
			v.errorf(it.Share.At, "percent-range", "a share lies between 0% and 100%", "share %q of %q is out of range", it.Share.Text, it.ID)
		}
		shares = shares.Add(it.Share.Q.Value)
	}
	if bd.Total != nil && v.money(bd.Total, fmt.Sprintf("breakdown %q total", bd.ID)) && sumOK && sum.Cmp(bd.Total.Q.Value) != 0 {
		d := Quantity{Value: bd.Total.Q.Value.Sub(sum), Unit: UnitMoney}
		v.gap(bd.Acknowledge, bd.Total.At, "sum", d, "correct the figure that was mistyped",
			"breakdown %q: items add up to %s, not the stated total %s (difference %s)",
			bd.ID, FormatMoney(sum), bd.Total.Text, d)
	}
	if nShares > 0 && nShares < len(bd.Items) {
		v.errorf(bd.At, "shares", "give every item a share, or none", "breakdown %q gives shares for %d of its %d items", bd.ID, nShares, len(bd.Items))
	} else if nShares > 0 && sharesOK && shares.Cmp(hundred) != 0 {
		d := Quantity{Value: shares.Sub(hundred), Unit: UnitPoints}
		v.gap(bd.Acknowledge, bd.At, "shares", d, "shares of a whole add up to 100%",
			"breakdown %q: shares add up to %s%%, not 100%% (difference %s)", bd.ID, shares, d)
	}
}

// table checks the shape of a table and recomputes each derived row.
func (v *validator) table(t *Table) {
	v.acknowledges(t.Acknowledge)
	for _, y := range t.Columns {
		v.inPeriod(t.At, y, fmt.Sprintf("table %q column", t.ID))
	}
	rows := map[string]*TableRow{}
	v.ids("row of table "+t.ID, len(t.Rows), func(i int) (string, Pos) { return t.Rows[i].ID, t.Rows[i].At })
	for i := range t.Rows {
		r := &t.Rows[i]
		rows[r.ID] = r
		if len(r.Values) != len(t.Columns) {
			v.errorf(r.At, "table", "write one value a column, ~ for an empty cell", "row %q of table %q has %d values for %d columns", r.ID, t.ID, len(r.Values), len(t.Columns))
		}
		for _, c := range r.Values {
			if c != nil && c.Q == nil {
				v.errorf(c.At, "table", "table cells hold numbers: 2,673.3", "cell %q of row %q is not a number", c.Text, r.ID)
			}
		}
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		if r.Equals == "" || len(r.Values) != len(t.Columns) {
			continue
		}
		terms, err := parseFormula(r.Equals)
		if err != nil {
			v.errorf(r.At, "table", "write row IDs joined by + and -: approved + savings - lower", "row %q: %v", r.ID, err)
			continue
		}
		ok := true
		for _, term := range terms {
			src := rows[term.id]
			switch {
			case src == nil:
				hint := ""
				if s := suggest(term.id, keys(boolSet(rows))); s != "" {
					hint = fmt.Sprintf("did you mean %q?", s)
				}
				v.errorf(r.At, "reference", hint, "row %q of table %q refers to unknown row %q", r.ID, t.ID, term.id)
				ok = false
			case src == r:
				v.errorf(r.At, "table", "", "row %q is defined in terms of itself", r.ID)
				ok = false
			case len(src.Values) != len(t.Columns):
				ok = false
			}
		}
		if !ok {
			continue
		}
		for col, y := range t.Columns {
			if c := r.Values[col]; c == nil || c.Q == nil {
				continue // the document prints no figure here: nothing to check
			}
			want := Decimal{}
			for _, term := range terms {
				if c := rows[term.id].Values[col]; c != nil && c.Q != nil {
					want = want.Add(c.Q.Value.Mul(DecimalFromInt(int64(term.sign))))
				}
			}
			got, pos := r.Values[col].Q.Value, r.Values[col].At
			if got.Cmp(want) != 0 {
				d := Quantity{Value: got.Sub(want), Unit: UnitNumber}
				v.gap(t.Acknowledge, pos, "sum", d, "correct the mistyped cell",
					"table %q, row %q, %s: %s = %s, but the row says %s (difference %s)", t.ID, r.ID, y, r.Equals, want.Grouped(0), got.Grouped(0), d.Value)
			}
		}
	}
}

func boolSet[T any](m map[string]T) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

type term struct {
	sign int
	id   string
}

// parseFormula reads "a + b - c" into signed row IDs.
func parseFormula(s string) ([]term, error) {
	// Operators stand apart from IDs, since IDs themselves contain hyphens.
	fields := strings.Fields(s)
	var out []term
	sign := 1
	expectID := true
	for _, f := range fields {
		switch {
		case f == "+" || f == "-":
			if expectID {
				return nil, fmt.Errorf("formula %q has an operator where a row ID belongs", s)
			}
			sign = 1
			if f == "-" {
				sign = -1
			}
			expectID = true
		default:
			if !expectID {
				return nil, fmt.Errorf("formula %q needs + or - between row IDs", s)
			}
			out = append(out, term{sign: sign, id: f})
			expectID = false
		}
	}
	if expectID {
		return nil, fmt.Errorf("formula %q is incomplete", s)
	}
	return out, nil
}

// wordings checks the other wordings of outcomes, priorities and measures:
// each is the document's text for the same thing, so an empty one, one
// equal to the title or a repeated one is a slip of the author.
func (v *validator) wordings() {
	check := func(at Pos, kind, id, title string, ws []string) {
		seen := map[string]bool{title: true}
		for _, w := range ws {
			switch {
			case strings.TrimSpace(w) == "":
				v.errorf(at, "wording", "remove the empty wording", "%s %q has an empty wording", kind, id)
			case seen[w]:
				v.errorf(at, "wording", "list each other wording once, and not the title itself", "%s %q repeats the wording %q", kind, id, w)
			}
			seen[w] = true
		}
	}
	for _, o := range v.p.Outcomes {
		check(o.At, "outcome", o.ID, o.Title, o.Wordings)
	}
	for _, pr := range v.p.Priorities {
		check(pr.At, "priority", pr.ID, pr.Title, pr.Wordings)
	}
	for _, o := range v.p.Objectives {
		check(o.At, "objective", o.ID, o.Title, o.Wordings)
	}
	for _, m := range v.p.Measures {
		check(m.At, "measure", m.ID, m.Title, m.Wordings)
	}
}
