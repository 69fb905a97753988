// Package status judges a measure's result against its target for a year,
// so an annual report states what the plan's own figures imply and can
// never disagree with them. It is pure and exact: figures are compared as
// plan.Decimal, never as floats, and a percentage change is compared by
// cross-multiplying rather than dividing.
//
// # Which figures are used
//
//   - The target is the measure's target for the year (the first, if the
//     plan gives several).
//   - The result is the year's full-year result, else its last part-year
//     result. A result with a period ("April to December 2006") is part-year.
//   - The previous figure is the result (full-year preferred) or the
//     baseline of the year before. Only the year immediately before counts:
//     a change target is "on the previous year", and direction of travel is
//     "against the previous year".
//   - A measure "holds changes" when it says so (figures: changes): its
//     targets and results are already changes on the previous year (-4%,
//     -15.9%), so they are compared as they stand. So is a result in
//     percent of a measure whose unit is number or money ("Gun crime per
//     1,000 population": -18.0%).
//   - A measure "accumulates" when it says so (accumulates: true): a count
//     or sum of money that builds up through the year (crimes, assets
//     seized), not a rate, share, average or a stock counted at a date. A
//     part-year figure of it is only part of the year's, so it cannot be
//     compared with a full-year figure unless the comparison is already
//     decided.
//   - A result printed for a year but measured in an earlier one (of:
//     2005/06, a figure provided once a year) is not that year's result.
//   - Nothing is read from a measure's title: rewording it never changes
//     a status.
//
// # Status rules
//
// Rules apply in order; the first that matches decides. "Better" follows
// the measure's polarity: higher, lower, or none (neither is better).
//
//	| # | case                                            | status            |
//	|---|-------------------------------------------------|-------------------|
//	| 1 | no target and no result for the year            | not yet reported  |
//	| 2 | no target for the year, or target kind monitor  | no target         |
//	| 3 | target kind baseline                            | baseline year     |
//	| 4 | no result, or result in words meaning none      | not yet reported  |
//	|   | ("N/A", "n/a", "not available", "-", "TBC"), or |                   |
//	|   | an earlier year's figure (of: 2005/06)          |                   |
//	| 5 | target kind text                                | not assessed      |
//	| 6 | target or result has no single number           | not assessed      |
//	|   | ("13.3%/26%"), or their units differ            |                   |
//	| 7 | level: result equal to or better than target    | met               |
//	|   | level: result worse than target                 | not met           |
//	|   | level, polarity none                            | not assessed      |
//	| 8 | change, result is a change (measure holds       | as level (rule 7) |
//	|   | changes, or a % result of a number measure):    |                   |
//	|   | compared with the target as it stands           |                   |
//	|   | (-15.9% meets -4% when lower is better)         |                   |
//	| 9 | change: change = (result - previous) / |prev.|  | met if change is  |
//	|   | x 100%, needs a numeric previous figure that is | equal to or better|
//	|   | not zero, in the result's unit                  | than the target   |
//	|10 | points: change = result - previous in pp, or    | met if change is  |
//	|   | the result itself when it is in pp              | equal or better   |
//	|11 | direction increase/decrease: result against the | met if strictly   |
//	|   | previous figure, or the sign of a result that   | that way; equal   |
//	|   | is a change (rule 8)                            | is not met        |
//	|12 | change or points, polarity none: the target's   | as 9/10; a zero   |
//	|   | sign says which way is better (-3% = lower)     | target: not       |
//	|   |                                                 | assessed          |
//	|13 | part-year figure that accumulates, level target:| not met, met      |
//	|   | already over a lower-is-better target, or       | (the year is      |
//	|   | already at or past a higher-is-better one       | decided)          |
//	|14 | other part-year results: met → on track, not    | on track,         |
//	|   | met → off track                                 | off track         |
//	|15 | part-year figure that accumulates, level target,| not assessed      |
//	|   | higher polarity, below target (it may yet reach |                   |
//	|   | it); a change or direction from it against a    |                   |
//	|   | previous figure of another period               |                   |
//
// A missed target (not met, off track) records its shortfall, the distance
// from the compared figure to the target in the target's unit, and the
// shortfall relative to the target, so a report can list the ones that
// missed most.
//
// # Direction of travel
//
// The result against the previous figure: improved, stable (exactly equal)
// or deteriorated according to polarity; increased, stable or decreased
// when the polarity is none. For a result that is a change (rule 8), the
// result is itself the change, so its sign decides. It is left empty, with a
// reason, when there is no numeric previous figure in the same unit, or
// when a part-year count would be set against a figure of another period.
package status

import (
	"fmt"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
)

// Status is the verdict on a measure for a year, as a report prints it: a
// word, never a colour.
type Status string

// The statuses, in the words reports print.
const (
	Met         Status = "met"
	NotMet      Status = "not met"
	OnTrack     Status = "on track"
	OffTrack    Status = "off track"
	NoTarget    Status = "no target"
	BaselineYr  Status = "baseline year"
	NotReported Status = "not yet reported"
	Unassessed  Status = "not assessed"
)

// Achieved reports whether the target was met or, part-way through the
// year, is on track.
func (s Status) Achieved() bool { return s == Met || s == OnTrack }

// Missed reports whether the target was not met or is off track.
func (s Status) Missed() bool { return s == NotMet || s == OffTrack }

// Travel is the direction of travel against the previous year.
type Travel string

// Directions of travel. Increased and Decreased are used when neither
// direction is better.
const (
	Improved     Travel = "improved"
	Stable       Travel = "stable"
	Deteriorated Travel = "deteriorated"
	Increased    Travel = "increased"
	Decreased    Travel = "decreased"
)

// Previous is the figure a result is compared with: the year before's
// result or baseline.
type Previous struct {
	Year   plan.Year
	Period string
	Value  plan.Figure
	// Baseline is true when the figure is the measure's baseline.
	Baseline bool
}

// Assessment is what the plan's figures say about a measure in a year.
type Assessment struct {
	Year   plan.Year
	Status Status
	// Reason explains a status that is not a plain comparison: why it was
	// not assessed or not reported, or how a change was computed.
	Reason string
	// Target and Result are the figures used; nil when there is none.
	Target *plan.Target
	Result *plan.Result
	// Period is the part of the year the result covers; empty for a full year.
	Period   string
	Previous *Previous
	// Change is the result as a change on the previous figure, when a
	// change, points or direction target required computing it.
	Change *plan.Quantity
	// Shortfall is how far a missed target was missed, in the target's
	// unit, always positive; Relative is Shortfall over the target's size
	// (0.25 for a quarter), nil when the target is zero.
	Shortfall *plan.Quantity
	Relative  *plan.Decimal
	// Travel is the direction of travel; empty with TravelReason when it
	// cannot be told.
	Travel       Travel
	TravelReason string
}

// Series is the figures of a measure, or of one of its parts, with what
// the rules need to read them. Changes and Accumulates come from the
// measure's own fields, never from the words of its title.
type Series struct {
	Title       string
	Unit        plan.Unit
	Polarity    string
	Changes     bool // the figures are changes on the previous year
	Accumulates bool // a part-year figure is part of a sum over the year
	Baseline    *plan.Observation
	Targets     []plan.Target
	Results     []plan.Result
}

// Of returns the series of a measure.
func Of(m *plan.Measure) Series {
	return Series{Title: m.Title, Unit: m.Unit, Polarity: m.Polarity, Changes: m.HoldsChanges(), Accumulates: m.Accumulates,
		Baseline: m.Baseline, Targets: m.Targets, Results: m.Results}
}

// OfPart returns the series of a part of a measure. A part is judged with
// its measure's polarity and kind of figure: "White" says nothing of which
// way is better. Its unit is taken from its own figures where they have one.
func OfPart(m *plan.Measure, p *plan.MeasurePart) Series {
	s := Of(m)
	s.Baseline, s.Targets, s.Results = p.Baseline, p.Targets, p.Results
	return s
}

// Assess judges measure m for year.
func Assess(m *plan.Measure, year plan.Year) Assessment {
	if m == nil {
		return Assessment{Year: year, Status: NotReported, Reason: "no measure"}
	}
	return AssessSeries(Of(m), year)
}

// AssessPart judges one part of measure m for year.
func AssessPart(m *plan.Measure, p *plan.MeasurePart, year plan.Year) Assessment {
	if m == nil || p == nil {
		return Assessment{Year: year, Status: NotReported, Reason: "no measure"}
	}
	return AssessSeries(OfPart(m, p), year)
}

// AssessSeries applies the package's rules to a series for year.
func AssessSeries(s Series, year plan.Year) Assessment {
	a := Assessment{Year: year}
	a.Target = targetFor(s.Targets, year)
	a.Result = resultFor(s.Results, year)
	if a.Result != nil {
		a.Period = a.Result.Period
	}
	a.Previous = previousFor(s, year)
	a.Travel, a.TravelReason = travel(s, a.Result, a.Previous)
	a.Status, a.Reason = judge(s, &a)
	if a.Result != nil && a.Result.Partial() && !decided(s, &a) {
		switch a.Status {
		case Met:
			a.Status = OnTrack
		case NotMet:
			a.Status = OffTrack
		}
	}
	return a
}

// decided reports whether a part-year result already decides its year: a
// figure that accumulates can only grow, so once it is over a target
// where lower is better it has missed, and once it has reached one where
// higher is better it has met. One intrusion in August against a target
// of none is not met, whatever the rest of the year brings.
func decided(s Series, a *Assessment) bool {
	t := a.Target
	if !s.Accumulates || t == nil || t.Kind != plan.TargetLevel || a.Result.Value.Q == nil || t.Value == nil || t.Value.Q == nil {
		return false
	}
	c := a.Result.Value.Q.Value.Cmp(t.Value.Q.Value)
	switch {
	case s.Polarity == "lower" && a.Status == NotMet:
		return c > 0
	case s.Polarity == "higher" && a.Status == Met:
		return c >= 0
	}
	return false
}

func targetFor(ts []plan.Target, y plan.Year) *plan.Target {
	for i := range ts {
		if ts[i].Year == y {
			return &ts[i]
		}
	}
	return nil
}

// resultFor prefers a full-year result; among part-year ones the last
// listed, which plans write in time order.
func resultFor(rs []plan.Result, y plan.Year) *plan.Result {
	var part *plan.Result
	for i := range rs {
		if rs[i].Year != y {
			continue
		}
		if !rs[i].Partial() {
			return &rs[i]
		}
		part = &rs[i]
	}
	return part
}

func previousFor(s Series, y plan.Year) *Previous {
	// An earlier year's figure printed for y-1 is not y-1's.
	if r := resultFor(s.Results, y-1); r != nil && !r.Earlier() {
		return &Previous{Year: r.Year, Period: r.Period, Value: r.Value}
	}
	if b := s.Baseline; b != nil && b.Year == y-1 {
		return &Previous{Year: b.Year, Period: b.Period, Value: b.Value, Baseline: true}
	}
	return nil
}

// noneWords are results that say there is no figure yet.
var noneWords = map[string]bool{"n/a": true, "na": true, "not available": true, "-": true, "–": true, "tbc": true, "": true}

func judge(s Series, a *Assessment) (Status, string) {
	t, r := a.Target, a.Result
	switch {
	case t == nil && r == nil:
		return NotReported, fmt.Sprintf("no target and no result for %s", a.Year)
	case t == nil:
		return NoTarget, fmt.Sprintf("no target set for %s", a.Year)
	case t.Kind == plan.TargetMonitor:
		return NoTarget, "monitored only"
	case t.Kind == plan.TargetBaseline:
		return BaselineYr, fmt.Sprintf("%s sets the baseline", a.Year)
	case r == nil:
		return NotReported, fmt.Sprintf("no result for %s", a.Year)
	case r.Earlier():
		return NotReported, earlier(r)
	case r.Value.Q == nil && noneWords[strings.ToLower(strings.TrimSpace(r.Value.Text))]:
		return NotReported, fmt.Sprintf("the result is printed as %q", r.Value.Text)
	case t.Kind == plan.TargetText:
		return Unassessed, "the target is in words only"
	case r.Value.Q == nil:
		return Unassessed, fmt.Sprintf("the result %q is not a single figure", r.Value.Text)
	}
	res := *r.Value.Q
	partial := r.Partial()
	counts := s.Accumulates
	if t.Kind == plan.TargetDirection {
		return judgeDirection(s, a, t, res)
	}
	if t.Value == nil || t.Value.Q == nil {
		return Unassessed, fmt.Sprintf("the %s target has no figure", t.Kind)
	}
	tq := *t.Value.Q
	better := s.Polarity
	if t.Kind == plan.TargetChange || t.Kind == plan.TargetPoints {
		if better != "higher" && better != "lower" {
			switch tq.Value.Sign() {
			case -1:
				better = "lower"
			case 1:
				better = "higher"
			default:
				return Unassessed, "neither direction is better and the target is no change"
			}
		}
	}
	switch t.Kind {
	case plan.TargetLevel:
		if res.Unit != tq.Unit {
			return Unassessed, unitsDiffer(tq, res)
		}
		if partial && counts && better == "higher" && res.Value.Cmp(tq.Value) < 0 {
			return Unassessed, "a part-year count below a full-year target may yet reach it"
		}
		return compare(a, res, tq, better)
	case plan.TargetChange:
		if resultIsChange(s, res) {
			if res.Unit != tq.Unit {
				return Unassessed, unitsDiffer(tq, res)
			}
			return compare(a, res, tq, better)
		}
		if tq.Unit != plan.UnitPercent {
			return Unassessed, fmt.Sprintf("a change target is a percentage, not %s", tq)
		}
		prev, why := previousNumber(s, a, res)
		if why != "" {
			return Unassessed, why
		}
		if prev.Value.IsZero() {
			return Unassessed, fmt.Sprintf("the %s figure is zero, so a percentage change has no meaning", a.Previous.Year)
		}
		// change% = (res-prev)/|prev|*100 is compared with t by
		// cross-multiplying, exact; the change itself is rounded only for print.
		diff := res.Value.Sub(prev.Value).Mul(plan.DecimalFromInt(100))
		scaledTarget := tq.Value.Mul(prev.Value.Abs())
		ch, _ := diff.Quo(prev.Value.Abs(), 1)
		a.Change = &plan.Quantity{Value: ch, Unit: plan.UnitPercent}
		st, reason := compareDecimals(diff, scaledTarget, better)
		if st.Missed() {
			short := tq.Value.Sub(*exactChange(diff, prev.Value.Abs())).Abs()
			setShortfall(a, short, tq)
		}
		return st, fmt.Sprintf("change on %s computed from %s to %s%s", a.Previous.Year, a.Previous.Value.Text, r.Value.Text, reason)
	case plan.TargetPoints:
		if tq.Unit != plan.UnitPoints {
			return Unassessed, fmt.Sprintf("a points target is in percentage points, not %s", tq)
		}
		var ch plan.Decimal
		reason := ""
		switch {
		case res.Unit == plan.UnitPoints:
			ch = res.Value
		case res.Unit == plan.UnitPercent:
			prev, why := previousNumber(s, a, res)
			if why != "" {
				return Unassessed, why
			}
			ch = res.Value.Sub(prev.Value)
			reason = fmt.Sprintf("change on %s computed from %s to %s", a.Previous.Year, a.Previous.Value.Text, r.Value.Text)
		default:
			return Unassessed, fmt.Sprintf("a points target needs a percentage or points result, not %s", r.Value.Text)
		}
		a.Change = &plan.Quantity{Value: ch, Unit: plan.UnitPoints}
		st, _ := compareDecimals(ch, tq.Value, better)
		if st.Missed() {
			setShortfall(a, tq.Value.Sub(ch).Abs(), tq)
		}
		return st, reason
	}
	return Unassessed, fmt.Sprintf("unknown target kind %q", t.Kind)
}

func judgeDirection(s Series, a *Assessment, t *plan.Target, res plan.Quantity) (Status, string) {
	var ch plan.Decimal
	reason := ""
	if resultIsChange(s, res) {
		ch = res.Value
	} else {
		prev, why := previousNumber(s, a, res)
		if why != "" {
			return Unassessed, why
		}
		ch = res.Value.Sub(prev.Value)
		reason = fmt.Sprintf("compared with %s in %s", a.Previous.Value.Text, a.Previous.Year)
		a.Change = &plan.Quantity{Value: ch, Unit: res.Unit}
		if res.Unit == plan.UnitPercent {
			a.Change.Unit = plan.UnitPoints
		}
	}
	switch t.Direction {
	case "increase":
		if ch.Sign() > 0 {
			return Met, reason
		}
		return NotMet, reason
	case "decrease":
		if ch.Sign() < 0 {
			return Met, reason
		}
		return NotMet, reason
	}
	return Unassessed, "the direction target says neither increase nor decrease"
}

// previousNumber returns the previous figure when a change can be computed
// from it, else the reason it cannot.
func previousNumber(s Series, a *Assessment, res plan.Quantity) (plan.Quantity, string) {
	p := a.Previous
	if p == nil {
		return plan.Quantity{}, fmt.Sprintf("no figure for %s to compute the change from", a.Year-1)
	}
	if p.Value.Q == nil {
		return plan.Quantity{}, fmt.Sprintf("the %s figure %q is not a number to compute the change from", p.Year, p.Value.Text)
	}
	if p.Value.Q.Unit != res.Unit {
		return plan.Quantity{}, fmt.Sprintf("the %s figure %s and the result are in different units", p.Year, p.Value.Text)
	}
	if s.Accumulates && a.Result.Period != p.Period {
		return plan.Quantity{}, fmt.Sprintf("a count for %s cannot be compared with a count for %s", periodName(a.Result.Period, a.Year), periodName(p.Period, p.Year))
	}
	return *p.Value.Q, ""
}

func periodName(period string, y plan.Year) string {
	if period == "" {
		return "the whole of " + y.String()
	}
	return period
}

// exactChange returns diff/den to 6 places: the status itself was decided
// exactly by cross-multiplying, and the shortfall this feeds is only
// ranked and printed to one place.
func exactChange(diff, den plan.Decimal) *plan.Decimal {
	q, _ := diff.Quo(den, 6)
	return &q
}

func unitsDiffer(t, r plan.Quantity) string {
	return fmt.Sprintf("the target is in %s but the result in %s", t.Unit, r.Unit)
}

func compare(a *Assessment, res, tq plan.Quantity, better string) (Status, string) {
	st, reason := compareDecimals(res.Value, tq.Value, better)
	if st.Missed() {
		setShortfall(a, tq.Value.Sub(res.Value).Abs(), tq)
	}
	return st, strings.TrimPrefix(reason, "; ")
}

func compareDecimals(v, t plan.Decimal, better string) (Status, string) {
	c := v.Cmp(t)
	switch better {
	case "higher":
		if c >= 0 {
			return Met, ""
		}
		return NotMet, ""
	case "lower":
		if c <= 0 {
			return Met, ""
		}
		return NotMet, ""
	}
	return Unassessed, "; neither direction is better for this measure"
}

func setShortfall(a *Assessment, short plan.Decimal, tq plan.Quantity) {
	unit := tq.Unit
	if unit == plan.UnitPercent {
		// The distance between two percentages (levels or changes) is in points.
		unit = plan.UnitPoints
	}
	a.Shortfall = &plan.Quantity{Value: short, Unit: unit}
	if !tq.Value.IsZero() {
		if rel, ok := short.Quo(tq.Value.Abs(), 4); ok {
			a.Relative = &rel
		}
	}
}

// HoldsChanges reports whether the series' figures are themselves changes
// on the previous year, as its measure says (figures: changes).
func HoldsChanges(s Series) bool { return s.Changes }

// Comparable reports whether two series, such as one measure in two plans,
// hold the same kind of figure and can share an axis: the same unit, both
// changes or both levels, both accumulating or neither. A plan may follow a
// measure by ID while redefining it (a monthly average, later a yearly
// count), and such figures must not be drawn as one trend.
func Comparable(a, b Series) bool {
	return a.Unit == b.Unit && a.Changes == b.Changes && a.Accumulates == b.Accumulates
}

// resultIsChange reports whether a result is itself a change on the year
// before: a percentage on a measure that holds changes, or a percentage on
// a measure that counts something else (a crime rate reported as "-18.0%").
func resultIsChange(s Series, res plan.Quantity) bool {
	if res.Unit != plan.UnitPercent {
		return false
	}
	return s.Changes || s.Unit == plan.UnitNumber || s.Unit == plan.UnitMoney
}

// earlier says why a result printed for one year but measured in an
// earlier one is not judged as its year's.
func earlier(r *plan.Result) string {
	return fmt.Sprintf("the figure printed for %s is %s's, the latest available", r.Year, r.Of)
}

func travel(s Series, r *plan.Result, p *Previous) (Travel, string) {
	if r == nil || r.Value.Q == nil {
		return "", "no numeric result"
	}
	if r.Earlier() {
		return "", earlier(r)
	}
	res := *r.Value.Q
	var d int
	if resultIsChange(s, res) {
		d = res.Value.Sign()
	} else {
		switch {
		case p == nil:
			return "", "no figure for the year before"
		case p.Value.Q == nil:
			return "", fmt.Sprintf("the %s figure %q is not a number", p.Year, p.Value.Text)
		case p.Value.Q.Unit != res.Unit:
			return "", fmt.Sprintf("the %s figure is in another unit", p.Year)
		case s.Accumulates && r.Period != p.Period:
			return "", fmt.Sprintf("a count for %s cannot be compared with a count for %s", periodName(r.Period, r.Year), periodName(p.Period, p.Year))
		}
		d = res.Value.Cmp(p.Value.Q.Value)
	}
	if d == 0 {
		return Stable, ""
	}
	switch s.Polarity {
	case "higher":
		if d > 0 {
			return Improved, ""
		}
		return Deteriorated, ""
	case "lower":
		if d < 0 {
			return Improved, ""
		}
		return Deteriorated, ""
	}
	if d > 0 {
		return Increased, ""
	}
	return Decreased, ""
}

// Rules states the rules of this package in plain words, for a report's
// readers; the package comment is the precise version.
var Rules = []string{
	"Met: the result is equal to or better than the target, better being higher or lower as the measure says. A part-year result that meets the full-year target so far is on track; one that does not is off track.",
	"A count, or a sum of money, that builds up through the year decides the year before it ends once it can no longer change sides: already over a target where lower is better, it is not met (one intrusion against a target of none); already at or past a target where higher is better, it is met.",
	"A target of change (\"5% reduction\") is met by a change at least that large: a result of -7% meets it. A result printed as a change is compared as it stands; when the result is a level, its change on the previous year's figure is computed exactly and printed beside it.",
	"A target in percentage points (\"reduce the gap by 1% point\") is met when the figure moves by at least that many points from the previous year.",
	"A target of direction (\"increase on last year\") is met only by a strict move that way; no change does not meet it.",
	"Otherwise a count or sum that builds up through the year (not a rate, share, average or a stock counted at a date) is not compared with a full-year figure before the year ends.",
	"A figure printed for the year but measured in an earlier one (provided only once a year) is not judged as the year's result, and no direction of travel is drawn from it.",
	"No target: the measure is monitored only. Baseline year: the year sets the figure later targets are set against. Not yet reported: there is no result, or it is printed as N/A. Not assessed: the target is in words only, or target and result cannot be compared; the table note says why.",
	"Direction of travel compares the result with the year before's result or baseline: improved, stable (exactly equal) or deteriorated. A measure whose figures are changes on the previous year improves when the change is in the better direction.",
}
