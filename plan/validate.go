package plan

import (
	"fmt"
	"path/filepath"
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
	// strands is the set of strand IDs, made once: objectives' references
	// to strands resolve against it.
	strands map[string]bool
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
	if p.ID != "" && !isSlug(p.ID) {
		// The id names the plan's output folder: a slug can never reach
		// outside --out or name another plan's folder.
		v.errorf(p.keyPos["id"], "id", "a plan id is lowercase letters and digits joined by single hyphens, and is its folder's name: 2008-11",
			"plan id %q is not a valid ID", clip(p.ID))
	}
	if p.Period.First != 0 && p.Period.Last != 0 && p.Period.Last < p.Period.First {
		v.errorf(p.Period.At, "year-range", "swap first and last", "period ends (%s) before it starts (%s)", p.Period.Last, p.Period.First)
	}
	for _, y := range p.PlanYears {
		v.inPeriod(p.keyPos["plan_years"], y, named("plan year"))
	}
	if p.Theme != "" && (filepath.IsAbs(p.Theme) || strings.Contains(p.Theme, `\`)) {
		// A plan folder moves with its repository: a path from elsewhere
		// would build on one machine only.
		v.errorf(p.keyPos["theme"], "theme", "write the folder relative to the plan's folder, with /: ../../themes/mpa",
			"theme %q is not a relative path", clip(p.Theme))
	}
	if p.ApprovedBy != "" && p.Status != StatusApproved {
		// A title block would print "Approved by" under a status that
		// says it was not.
		v.errorf(p.keyPos["approved_by"], "approved-by", "set status: approved if the source records the approval, or remove approved_by (a report that asks for approval is status: proposed)",
			"approved_by names who approved the plan, but its status is %s", p.Status)
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
			v.inPeriod(a.At, a.Year, identified("activity", a.ID))
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
	v.reports()
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

// isSlug reports whether s is lowercase letters and digits joined by
// single hyphens, as ^[a-z0-9]+(-[a-z0-9]+)*$ says; every ID of a plan is
// checked, so it is read by hand rather than by a regexp.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := range len(s) {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

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
		if !isSlug(bare) {
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
		v.refs("section", s.ID, "measure", s.Measures, v.measures)
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

func (v *validator) inPeriod(pos Pos, y Year, what subject) {
	p := v.p.Period
	// A zero year failed to parse and has been reported already.
	if y == 0 || p.First == 0 || p.Last == 0 || p.Contains(y) {
		return
	}
	v.errorf(pos, "year-range", fmt.Sprintf("the plan covers %s to %s: correct the year, or the plan's period", p.First, p.Last),
		"%s is for %s, outside the plan's period", what, y)
}

func (v *validator) notAfterPeriod(pos Pos, y Year, what subject) {
	if last := v.p.Period.Last; last != 0 && y > last {
		v.errorf(pos, "year-range", fmt.Sprintf("the plan ends with %s", last), "%s is for %s, after the plan's period", what, y)
	}
}

// initiatives checks new initiatives. Their year may precede the plan's
// period (a budget submission lists what the current year already funds),
// but not follow it.
func (v *validator) initiatives(in []Initiative) {
	v.ids("initiative", len(in), func(i int) (string, Pos) { return in[i].ID, in[i].At })
	for _, it := range in {
		if it.Year != 0 {
			v.notAfterPeriod(it.At, it.Year, identified("initiative", it.ID))
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
	v.strands = boolSet(v.strandOf)
}

// objectiveStrands checks that an objective's strands exist and belong to
// one of the outcomes it serves, so the two links cannot disagree.
func (v *validator) objectiveStrands(o *Objective) {
	v.refs("objective", o.ID, "outcome strand", o.Strands, v.strands)
	for _, r := range o.Strands {
		out, ok := v.strandOf[r.ID]
		if !ok || len(o.Outcomes) == 0 || slices.ContainsFunc(o.Outcomes, func(x Ref) bool { return x.ID == out }) {
			continue
		}
		v.errorf(r.At, "reference", fmt.Sprintf("add %s to the objective's outcomes, or pick a strand of its outcomes", out),
			"objective %q delivers strand %q of outcome %q, which is not among its outcomes", o.ID, r.ID, out)
	}
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
