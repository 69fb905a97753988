package status

import (
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

const y06 = plan.Year(2006)

func fig(s string) plan.Figure {
	f := plan.Figure{Text: s}
	if q, err := plan.ParseQuantity(s); err == nil {
		f.Q = &q
	}
	return f
}

func figp(s string) *plan.Figure { f := fig(s); return &f }

// m builds a measure; prev is the 2005/06 baseline ("" for none), target
// is "kind:text" with value text, result "" for none.
type mcase struct {
	title    string
	unit     plan.Unit
	polarity string
	prev     string // 2005/06 baseline
	kind     string
	tval     string // target value; "" for none
	dir      string
	result   string // "" for no result
	period   string // part-year period of the result
	noTarget bool
	changes  bool   // figures: changes
	counts   bool   // accumulates: true
	of       string // the result is this earlier year's figure
}

func (c mcase) measure() *plan.Measure {
	m := &plan.Measure{ID: "x", Title: c.title, Unit: c.unit, Polarity: c.polarity, Kind: "cpa", Accumulates: c.counts}
	if c.changes {
		m.Figures = plan.FiguresChanges
	}
	if m.Title == "" {
		m.Title = "Some measure"
	}
	if c.prev != "" {
		m.Baseline = &plan.Observation{Year: y06 - 1, Value: fig(c.prev)}
	}
	if !c.noTarget {
		t := plan.Target{Year: y06, Kind: c.kind, Text: c.tval, Direction: c.dir}
		if c.tval != "" {
			t.Value = figp(c.tval)
		}
		m.Targets = []plan.Target{t}
	}
	if c.result != "" {
		m.Results = []plan.Result{{Year: y06, Value: fig(c.result), Period: c.period}}
		if c.of != "" {
			m.Results[0].Of, _ = plan.ParseYear(c.of)
		}
	}
	return m
}

func TestStatusRules(t *testing.T) {
	pct, num := plan.UnitPercent, plan.UnitNumber
	tests := []struct {
		name string
		c    mcase
		want Status
	}{
		// Rules 1-4: nothing to judge.
		{"nothing at all", mcase{unit: pct, noTarget: true}, NotReported},
		{"result without target", mcase{unit: pct, noTarget: true, result: "85%"}, NoTarget},
		{"monitor", mcase{unit: pct, kind: "monitor", result: "61.9%"}, NoTarget},
		{"baseline year with a result", mcase{unit: pct, kind: "baseline", result: "5%"}, BaselineYr},
		{"no result", mcase{unit: pct, polarity: "higher", kind: "level", tval: "81%"}, NotReported},
		{"result N/A", mcase{unit: pct, polarity: "higher", kind: "level", tval: "81%", result: "N/A"}, NotReported},
		{"result n/a lower case", mcase{unit: pct, polarity: "higher", kind: "level", tval: "81%", result: "n/a"}, NotReported},
		{"N/A with a baseline target is still baseline", mcase{unit: pct, kind: "baseline", result: "N/A"}, BaselineYr},
		// Rules 5-6: not comparable.
		{"text target", mcase{unit: plan.UnitText, polarity: "higher", kind: "text", result: "on schedule"}, Unassessed},
		{"result in words", mcase{unit: pct, polarity: "higher", kind: "level", tval: "20%", result: "12%/26%"}, Unassessed},
		{"units differ", mcase{unit: pct, polarity: "higher", kind: "level", tval: "20%", result: "20"}, Unassessed},
		{"level without figure", mcase{unit: pct, polarity: "higher", kind: "level", result: "20%"}, Unassessed},
		// Rule 7: levels, both polarities, boundaries.
		{"higher above", mcase{unit: pct, polarity: "higher", kind: "level", tval: "40%", result: "41%"}, Met},
		{"higher equal", mcase{unit: pct, polarity: "higher", kind: "level", tval: "20%", result: "20.0%"}, Met},
		{"higher just below", mcase{unit: pct, polarity: "higher", kind: "level", tval: "81%", result: "80.99%"}, NotMet},
		{"lower below", mcase{unit: num, polarity: "lower", kind: "level", tval: "8,500", result: "7,526"}, Met},
		{"lower equal zero", mcase{unit: num, polarity: "lower", kind: "level", tval: "0", result: "0"}, Met},
		{"lower above", mcase{unit: num, polarity: "lower", kind: "level", tval: "0", result: "1"}, NotMet},
		{"level polarity none", mcase{unit: pct, polarity: "none", kind: "level", tval: "25%", result: "25%"}, Unassessed},
		{"level polarity omitted", mcase{unit: pct, kind: "level", tval: "25%", result: "26%"}, Unassessed},
		{"money level", mcase{unit: plan.UnitMoney, polarity: "higher", kind: "level", tval: "£16m", result: "£16.7m"}, Met},
		// Rule 8: measures holding changes.
		{"held change met", mcase{title: "Change in gun crime", changes: true, unit: pct, polarity: "lower", prev: "4.2%", kind: "change", tval: "-4%", result: "-15.9%"}, Met},
		{"held change equal", mcase{title: "Change in BCS crime", changes: true, unit: pct, polarity: "lower", kind: "change", tval: "-6.3%", result: "-6.3%"}, Met},
		{"held change just missed", mcase{title: "Change in BCS crime", changes: true, unit: pct, polarity: "lower", kind: "change", tval: "-6.3%", result: "-6.2%"}, NotMet},
		{"held change as level kind", mcase{title: "Change in violent crime", changes: true, unit: pct, polarity: "lower", kind: "level", tval: "-5.0%", result: "-7.0%"}, Met},
		{"percent result of a rate measure is the change", mcase{title: "Gun crime per 1,000 population", unit: num, polarity: "lower", prev: "+1.2%", kind: "change", tval: "-4%", result: "-18.0%"}, Met},
		{"percent result of a money measure missing", mcase{unit: plan.UnitMoney, polarity: "higher", prev: "£4m", kind: "change", tval: "+10%", result: "+9.9%"}, NotMet},
		// Rule 9: computed changes.
		{"change -7% meets -5%", mcase{unit: num, polarity: "lower", prev: "100", kind: "change", tval: "-5%", result: "93"}, Met},
		{"change exactly -5%", mcase{unit: num, polarity: "lower", prev: "100", kind: "change", tval: "-5%", result: "95"}, Met},
		{"change -4.9% misses -5%", mcase{unit: num, polarity: "lower", prev: "100", kind: "change", tval: "-5%", result: "95.1"}, NotMet},
		{"change +20% higher exactly", mcase{unit: num, polarity: "higher", prev: "207", kind: "change", tval: "+20%", result: "248.4"}, Met},
		{"change +20% higher short", mcase{unit: num, polarity: "higher", prev: "207", kind: "change", tval: "+20%", result: "248"}, NotMet},
		{"change from negative previous", mcase{unit: pct, title: "Net balance", polarity: "higher", prev: "-10%", kind: "change", tval: "+10%", result: "-9%"}, Met},
		{"change no previous", mcase{unit: num, polarity: "lower", kind: "change", tval: "-5%", result: "93"}, Unassessed},
		{"change previous N/A", mcase{unit: num, polarity: "lower", prev: "N/A", kind: "change", tval: "-5%", result: "93"}, Unassessed},
		{"change previous zero", mcase{unit: num, polarity: "lower", prev: "0", kind: "change", tval: "-5%", result: "3"}, Unassessed},
		{"change target not percent", mcase{unit: num, polarity: "lower", prev: "100", kind: "change", tval: "-5", result: "90"}, Unassessed},
		{"change previous other unit", mcase{unit: num, polarity: "lower", prev: "10%", kind: "change", tval: "-5%", result: "9"}, Unassessed},
		// Rule 10: points.
		{"points from levels met", mcase{unit: pct, polarity: "higher", prev: "50%", kind: "points", tval: "+1pp", result: "51%"}, Met},
		{"points from levels short", mcase{unit: pct, polarity: "higher", prev: "50%", kind: "points", tval: "+1pp", result: "50.9%"}, NotMet},
		{"gap reduced by a point", mcase{unit: pct, polarity: "lower", prev: "7%", kind: "points", tval: "-1pp", result: "6%"}, Met},
		{"gap reduced too little", mcase{unit: pct, polarity: "lower", prev: "7%", kind: "points", tval: "-1pp", result: "6.5%"}, NotMet},
		{"points result in pp", mcase{unit: plan.UnitPoints, polarity: "lower", kind: "points", tval: "-1pp", result: "-1.2pp"}, Met},
		{"points no previous", mcase{unit: pct, polarity: "higher", kind: "points", tval: "+1pp", result: "51%"}, Unassessed},
		{"points target in percent", mcase{unit: pct, polarity: "higher", prev: "50%", kind: "points", tval: "+1%", result: "51%"}, Unassessed},
		{"points from a count", mcase{unit: num, polarity: "higher", prev: "50", kind: "points", tval: "+1pp", result: "51"}, Unassessed},
		// Rule 11: direction.
		{"increase met", mcase{unit: num, polarity: "higher", prev: "100", kind: "direction", dir: "increase", result: "101"}, Met},
		{"increase equal not met", mcase{unit: num, polarity: "higher", prev: "100", kind: "direction", dir: "increase", result: "100"}, NotMet},
		{"decrease met", mcase{unit: pct, polarity: "lower", prev: "10%", kind: "direction", dir: "decrease", result: "9.9%"}, Met},
		{"decrease held change", mcase{title: "Change in robbery", changes: true, unit: pct, polarity: "lower", kind: "direction", dir: "decrease", result: "+2.5%"}, NotMet},
		{"direction no previous", mcase{unit: num, polarity: "higher", kind: "direction", dir: "increase", result: "101"}, Unassessed},
		{"direction missing word", mcase{unit: num, polarity: "higher", prev: "100", kind: "direction", result: "101"}, Unassessed},
		{"decrease from a percent result of a count", mcase{unit: num, polarity: "lower", kind: "direction", dir: "decrease", result: "-0.1%"}, Met},
		// Rule 12: polarity none takes the target's sign.
		{"none, reduction target met", mcase{unit: num, polarity: "none", prev: "100", kind: "change", tval: "-3%", result: "97"}, Met},
		{"none, increase target missed", mcase{unit: num, polarity: "none", prev: "100", kind: "change", tval: "+3%", result: "102"}, NotMet},
		{"none, zero target", mcase{unit: pct, polarity: "none", prev: "10%", kind: "points", tval: "0pp", result: "10%"}, Unassessed},
		{"odd polarity word is none", mcase{unit: num, polarity: "sideways", kind: "level", tval: "5", result: "5"}, Unassessed},
		{"unknown target kind", mcase{unit: num, polarity: "higher", kind: "aspiration", tval: "5", result: "6"}, Unassessed},
		{"target figure in words", mcase{unit: num, polarity: "higher", kind: "level", tval: "lots", result: "6"}, Unassessed},
		// Rule 13: part-year.
		{"part-year on track", mcase{unit: pct, polarity: "higher", kind: "level", tval: "20%", result: "20.8%", period: "April to December 2006"}, OnTrack},
		{"part-year off track", mcase{unit: pct, polarity: "higher", kind: "level", tval: "81%", result: "79%", period: "April to December 2006"}, OffTrack},
		{"part-year average off track", mcase{title: "Networks disrupted - monthly average", unit: num, polarity: "higher", kind: "level", tval: "12.5", result: "10.3", period: "April to December 2006"}, OffTrack},
		// Rule 14: part-year counts.
		{"part-year count already past a higher target is met", mcase{unit: num, counts: true, polarity: "higher", kind: "level", tval: "200", result: "516", period: "April to December 2006"}, Met},
		{"part-year count reaching a higher target is met", mcase{unit: num, counts: true, polarity: "higher", kind: "level", tval: "200", result: "200", period: "April to December 2006"}, Met},
		{"part-year count below target", mcase{unit: num, counts: true, polarity: "higher", kind: "level", tval: "200", result: "150", period: "April to December 2006"}, Unassessed},
		{"part-year count over a lower target is not met", mcase{unit: num, counts: true, polarity: "lower", kind: "level", tval: "0", result: "1", period: "April to August 2006"}, NotMet},
		{"part-year count within a lower target", mcase{unit: num, counts: true, polarity: "lower", kind: "level", tval: "0", result: "0", period: "April to December 2006"}, OnTrack},
		{"part-year money past a higher target is met", mcase{unit: plan.UnitMoney, counts: true, polarity: "higher", kind: "level", tval: "£16m", result: "£16.7m", period: "April to December 2006"}, Met},
		{"part-year level over a lower target", mcase{unit: num, polarity: "lower", kind: "level", tval: "0", result: "1", period: "April to August 2006"}, OffTrack},
		{"part-year level past a higher target", mcase{unit: num, polarity: "higher", kind: "level", tval: "200", result: "516", period: "April to December 2006"}, OnTrack},
		{"part-year count change against full year", mcase{unit: num, counts: true, polarity: "lower", prev: "100", kind: "change", tval: "-5%", result: "70", period: "April to December 2006"}, Unassessed},
		{"part-year rate change against full year", mcase{title: "Gun crime rate", unit: num, polarity: "lower", prev: "100", kind: "change", tval: "-5%", result: "70", period: "April to December 2006"}, OnTrack},
		// An earlier year's figure printed in this year's place.
		{"earlier year's figure", mcase{unit: pct, polarity: "higher", kind: "level", tval: "60%", result: "61.9%", of: "2005/06"}, NotReported},
		{"earlier year's figure, monitored", mcase{unit: pct, polarity: "higher", kind: "monitor", result: "61.9%", of: "2005/06"}, NoTarget},
		{"figure of its own year", mcase{unit: pct, polarity: "higher", kind: "level", tval: "60%", result: "61.9%", of: "2006/07"}, Met},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(tt.c.measure(), y06)
			if a.Status != tt.want {
				t.Errorf("status %q (%s), want %q", a.Status, a.Reason, tt.want)
			}
			if (a.Status == Unassessed || a.Status == NotReported) && a.Reason == "" {
				t.Errorf("status %q without a reason", a.Status)
			}
			if a.Status.Missed() != (a.Shortfall != nil) && tt.c.kind != "direction" {
				t.Errorf("missed=%v but shortfall %v", a.Status.Missed(), a.Shortfall)
			}
			if (a.Result != nil) && a.Period != tt.c.period {
				t.Errorf("period %q, want %q", a.Period, tt.c.period)
			}
		})
	}
}

func TestChangeAndShortfall(t *testing.T) {
	tests := []struct {
		name              string
		c                 mcase
		change, short     string
		relative          string
		wantNoComputation bool
	}{
		{"computed change", mcase{unit: plan.UnitNumber, polarity: "lower", prev: "15,190", kind: "change", tval: "-5%", result: "15,417"}, "1.5%", "6.494404pp", "1.2989", false},
		{"level miss in points", mcase{unit: plan.UnitPercent, polarity: "higher", kind: "level", tval: "72%", result: "62%"}, "", "10pp", "0.1389", true},
		{"count miss", mcase{title: "average", unit: plan.UnitNumber, polarity: "higher", kind: "level", tval: "12.5", result: "10.3"}, "", "2.2", "0.176", true},
		{"zero target has no relative", mcase{unit: plan.UnitNumber, polarity: "lower", kind: "level", tval: "0", result: "1"}, "", "1", "", true},
		{"points change", mcase{unit: plan.UnitPercent, polarity: "higher", prev: "50%", kind: "points", tval: "+2pp", result: "51.5%"}, "1.5pp", "0.5pp", "0.25", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(tt.c.measure(), y06)
			if got := qs(a.Change); got != tt.change {
				t.Errorf("change %q, want %q", got, tt.change)
			}
			if got := qs(a.Shortfall); got != tt.short {
				t.Errorf("shortfall %q, want %q", got, tt.short)
			}
			rel := ""
			if a.Relative != nil {
				rel = a.Relative.String()
			}
			if rel != tt.relative {
				t.Errorf("relative %q, want %q", rel, tt.relative)
			}
		})
	}
}

func qs(q *plan.Quantity) string {
	if q == nil {
		return ""
	}
	return q.String()
}

func TestTravel(t *testing.T) {
	tests := []struct {
		name string
		c    mcase
		want Travel
	}{
		{"higher up", mcase{unit: plan.UnitPercent, polarity: "higher", prev: "18.0%", kind: "level", tval: "20%", result: "20.8%"}, Improved},
		{"higher down", mcase{unit: plan.UnitPercent, polarity: "higher", prev: "73%", kind: "level", tval: "72%", result: "62%"}, Deteriorated},
		{"equal is stable", mcase{unit: plan.UnitPercent, polarity: "higher", prev: "79%", kind: "level", tval: "81%", result: "79.0%"}, Stable},
		{"lower down", mcase{unit: plan.UnitNumber, polarity: "lower", prev: "9,406", kind: "level", tval: "8,500", result: "7,526"}, Improved},
		{"lower up", mcase{unit: plan.UnitNumber, polarity: "lower", prev: "0", kind: "level", tval: "0", result: "1"}, Deteriorated},
		{"none up", mcase{unit: plan.UnitPercent, polarity: "none", prev: "12.1%", kind: "monitor", result: "13%"}, Increased},
		{"none down", mcase{unit: plan.UnitPercent, prev: "12.1%", kind: "monitor", result: "12.0%"}, Decreased},
		{"held change falling is improvement", mcase{title: "Change in gun crime", changes: true, unit: plan.UnitPercent, polarity: "lower", prev: "4.2%", kind: "change", tval: "-4%", result: "-15.9%"}, Improved},
		{"held change rising", mcase{title: "Change in robbery", changes: true, unit: plan.UnitPercent, polarity: "lower", prev: "16.1%", kind: "monitor", result: "+2.5%"}, Deteriorated},
		{"percent result of a count falling", mcase{title: "Crimes per 1000 population", unit: plan.UnitNumber, polarity: "lower", prev: "-0.1%", kind: "monitor", result: "-5.2%"}, Improved},
		{"held change zero", mcase{title: "Change in robbery", changes: true, unit: plan.UnitPercent, polarity: "lower", kind: "monitor", result: "0%"}, Stable},
		{"no previous", mcase{unit: plan.UnitPercent, polarity: "higher", kind: "level", tval: "20%", result: "20.8%"}, ""},
		{"previous N/A", mcase{unit: plan.UnitPercent, polarity: "higher", prev: "N/A", kind: "level", tval: "100%", result: "95%"}, ""},
		{"no result", mcase{unit: plan.UnitPercent, polarity: "higher", prev: "55%", kind: "level", tval: "100%"}, ""},
		{"previous other unit", mcase{unit: plan.UnitNumber, polarity: "higher", prev: "35.2m", kind: "monitor", result: "£16.7m"}, ""},
		{"earlier year's figure", mcase{unit: plan.UnitPercent, polarity: "higher", prev: "61.9%", kind: "monitor", result: "61.9%", of: "2005/06"}, ""},
		{"part-year count against full year", mcase{unit: plan.UnitNumber, counts: true, polarity: "higher", prev: "207", kind: "level", tval: "200", result: "516", period: "April to December 2006"}, ""},
		{"part-year money sum against full year", mcase{title: "Value of cash forfeiture orders and confiscation orders per 1,000 population", unit: plan.UnitMoney, counts: true, polarity: "higher", prev: "£4,744", kind: "monitor", result: "£2,251", period: "April to December 2006"}, ""},
		{"money sum over whole years", mcase{title: "Value of assets recovered", unit: plan.UnitMoney, polarity: "higher", prev: "£4,744", kind: "monitor", result: "£2,251"}, Deteriorated},
		{"part-year average against full year", mcase{title: "KSI (Monthly Average)", unit: plan.UnitNumber, polarity: "lower", prev: "323", kind: "monitor", result: "312", period: "April to October 2006"}, Improved},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(tt.c.measure(), y06)
			if a.Travel != tt.want {
				t.Errorf("travel %q (%s), want %q", a.Travel, a.TravelReason, tt.want)
			}
			if a.Travel == "" && a.TravelReason == "" {
				t.Error("no direction of travel and no reason")
			}
		})
	}
}

func TestFiguresChosen(t *testing.T) {
	m := &plan.Measure{
		Title: "Satisfaction", Unit: plan.UnitPercent, Polarity: "higher",
		Baseline: &plan.Observation{Year: 2004, Value: fig("70%")},
		Targets: []plan.Target{
			{Year: 2005, Kind: "level", Text: "75%", Value: figp("75%")},
			{Year: 2006, Kind: "level", Text: "81%", Value: figp("81%")},
		},
		Results: []plan.Result{
			{Year: 2005, Period: "April to September 2005", Value: fig("70%")},
			{Year: 2005, Value: fig("76%")},
			{Year: 2006, Period: "April to June 2006", Value: fig("82%")},
			{Year: 2006, Period: "April to December 2006", Value: fig("80%")},
		},
	}
	a := Assess(m, 2006)
	if a.Target.Text != "81%" || a.Result.Value.Text != "80%" || a.Period != "April to December 2006" {
		t.Errorf("used target %q result %q period %q", a.Target.Text, a.Result.Value.Text, a.Period)
	}
	if a.Previous == nil || a.Previous.Value.Text != "76%" || a.Previous.Baseline {
		t.Errorf("previous %+v, want the full-year 2005/06 result", a.Previous)
	}
	if a.Status != OffTrack || a.Travel != Improved {
		t.Errorf("status %q travel %q", a.Status, a.Travel)
	}
	// The baseline counts only when it is for the year before.
	if b := Assess(m, 2005); b.Previous == nil || !b.Previous.Baseline || b.Status != Met {
		t.Errorf("2005/06: previous %+v status %q", b.Previous, b.Status)
	}
	m.Baseline.Year = 2003
	if b := Assess(m, 2005); b.Previous != nil {
		t.Errorf("a baseline two years back was used: %+v", b.Previous)
	}
	if c := Assess(m, 2007); c.Status != NotReported {
		t.Errorf("2007/08 with nothing: %q", c.Status)
	}
}

func TestParts(t *testing.T) {
	m := &plan.Measure{Title: "Crimes", Unit: plan.UnitNumber, Polarity: "lower", Accumulates: true}
	p := &plan.MeasurePart{
		ID: "owned", Title: "Owned",
		Baseline: &plan.Observation{Year: 2005, Value: fig("9406")},
		Targets:  []plan.Target{{Year: 2006, Kind: "level", Text: "8,500", Value: figp("8,500")}},
		Results:  []plan.Result{{Year: 2006, Period: "April to December 2006", Value: fig("7,526")}},
	}
	a := AssessPart(m, p, 2006)
	if a.Status != OnTrack {
		t.Errorf("part status %q (%s)", a.Status, a.Reason)
	}
	if a.Travel != "" {
		t.Errorf("part-year count compared with a full year: %q", a.Travel)
	}
	if Assess(nil, 2006).Status != NotReported || AssessPart(m, nil, 2006).Status != NotReported {
		t.Error("nil measure or part")
	}
}

func TestStatusWords(t *testing.T) {
	for _, s := range []Status{Met, OnTrack} {
		if !s.Achieved() || s.Missed() {
			t.Errorf("%q", s)
		}
	}
	for _, s := range []Status{NotMet, OffTrack} {
		if s.Achieved() || !s.Missed() {
			t.Errorf("%q", s)
		}
	}
	for _, s := range []Status{NoTarget, BaselineYr, NotReported, Unassessed} {
		if s.Achieved() || s.Missed() {
			t.Errorf("%q", s)
		}
	}
}

func TestComparable(t *testing.T) {
	s := func(u plan.Unit, changes, counts bool) Series {
		return Series{Unit: u, Changes: changes, Accumulates: counts}
	}
	tests := []struct {
		name string
		a, b Series
		want bool
	}{
		{"two levels", s(plan.UnitPercent, false, false), s(plan.UnitPercent, false, false), true},
		{"an average and a count", s(plan.UnitNumber, false, false), s(plan.UnitNumber, false, true), false},
		{"two changes", s(plan.UnitPercent, true, false), s(plan.UnitPercent, true, false), true},
		{"a change and a level", s(plan.UnitPercent, true, false), s(plan.UnitPercent, false, false), false},
		{"number and money", s(plan.UnitNumber, false, true), s(plan.UnitMoney, false, true), false},
	}
	for _, tt := range tests {
		if got := Comparable(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: Comparable = %v", tt.name, got)
		}
	}
}

// FuzzAssess feeds the rules arbitrary figures and words: they must never
// panic, and a verdict must keep its invariants.
func FuzzAssess(f *testing.F) {
	f.Add("Change in gun crime", "percent", "lower", "4.2%", "change", "-4%", "", "-15.9%", "April to December 2006", true, false)
	f.Add("Networks - monthly average", "number", "higher", "9.6", "level", "12.5", "", "10.3", "", false, false)
	f.Add("Gap", "percent", "none", "7%", "points", "-1pp", "", "6.5%", "", false, false)
	f.Add("SDs", "number", "higher", "0", "direction", "", "increase", "N/A", "", false, true)
	f.Add("", "money", "", "£0", "change", "+0%", "", "£1bn", "x", false, true)
	f.Fuzz(func(t *testing.T, title, unit, polarity, prev, kind, tval, dir, result, period string, changes, counts bool) {
		c := mcase{title: title, unit: plan.Unit(unit), polarity: polarity, prev: prev, kind: kind, tval: tval, dir: dir, result: result, period: period, changes: changes, counts: counts}
		a := Assess(c.measure(), y06)
		if a.Status == "" {
			t.Fatal("no status")
		}
		if (a.Status == Unassessed || a.Status == NotReported) && a.Reason == "" {
			t.Errorf("%q without a reason", a.Status)
		}
		if a.Shortfall != nil && (!a.Status.Missed() || a.Shortfall.Value.Sign() < 0) {
			t.Errorf("shortfall %v with status %q", a.Shortfall, a.Status)
		}
		// Only a figure that accumulates can decide its year early.
		if a.Result != nil && a.Result.Partial() && (a.Status == Met || a.Status == NotMet) && !counts {
			t.Errorf("part-year result of a level judged %q", a.Status)
		}
	})
}
