package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/status"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/plandoc"
)

// scale groups measures whose figures can share one axis: levels in
// percent, changes in percent, points; a count or sum has a scale of its
// own, so each gets its own chart. It returns the axis too.
func scale(e entry) (key, title string, axis *doc.Axis) {
	a := e.a
	switch {
	case a.Target.Kind == plan.TargetChange, a.Target.Kind == plan.TargetLevel && status.HoldsChanges(status.Of(e.m)):
		return "change", "Critical performance areas measured as a change on the previous year", changeAxis
	case a.Target.Kind == plan.TargetPoints:
		return "points", "Critical performance areas measured in percentage points", plandoc.AxisFor(plan.UnitPoints, plan.Decimal{})
	case a.Target.Value.Q.Unit == plan.UnitPercent:
		return "percent", "Critical performance areas measured in percent", plandoc.AxisFor(plan.UnitPercent, plan.Decimal{})
	}
	return "measure-" + e.m.ID, e.label(), plandoc.AxisFor(a.Target.Value.Q.Unit, plandoc.Largest(a.Target.Value.Q.Value, a.Result.Value.Q.Value))
}

// changeAxis is the axis of figures that are changes on the year before.
var changeAxis = &doc.Axis{Title: "Change on the previous year (%)", Suffix: "%"}

// targetResultCharts draws, for each critical performance area whose
// target and result were compared as figures, the target beside the
// figure it was judged on, with the status in words on the result.
func (b *builder) targetResultCharts(es []entry) []*doc.Chart {
	var charts []*doc.Chart
	byKey := map[string]*doc.Chart{}
	longs := map[*doc.Chart][]string{}
	for _, e := range es {
		a := e.a
		if !e.own || !(a.Status.Achieved() || a.Status.Missed()) || a.Target.Value == nil || a.Target.Value.Q == nil || a.Result.Value.Q == nil {
			continue
		}
		key, title, axis := scale(e)
		c := byKey[key]
		if c == nil {
			c = &doc.Chart{ID: b.uid("chart-" + key), Kind: doc.ChartTargetResult,
				Title:  title + ": target and result, " + b.year.String(),
				Series: []doc.Series{{Name: "Target", Role: doc.RoleTarget}, {Name: "Result", Role: doc.RoleResult}}, Axis: axis}
			c.Data = &doc.Table{ID: b.uid("chart-" + key + "-data"), Caption: c.Title, RowHeaders: true,
				Head: []string{"Measure", "Target", "Result", "Period covered", "Status"}, Numeric: []bool{false, true, true, false, false}}
			byKey[key] = c
			charts = append(charts, c)
		}
		judged := a.Result.Value.Q.Value
		if a.Change != nil {
			judged = a.Change.Value
		}
		// The mark carries the figure alone, so a writer that prints it with
		// its status beside the bar has room for the status; the period is
		// in the data table and the text alternative.
		rt := resultText(a)
		long := rt
		if a.Period != "" {
			long += ", " + a.Period
		}
		period := resultPeriod(a)
		c.Labels = append(c.Labels, e.label())
		c.Series[0].Values = append(c.Series[0].Values, doc.Point{Value: a.Target.Value.Q.Value.Float64(), Text: a.Target.Text})
		c.Series[1].Values = append(c.Series[1].Values, doc.Point{Value: judged.Float64(), Text: rt, Status: string(a.Status)})
		c.Data.Rows = append(c.Data.Rows, doc.Row{Cells: []string{e.label(), a.Target.Text, rt, period, string(a.Status)}})
		longs[c] = append(longs[c], long)
	}
	for _, c := range charts {
		var parts []string
		for i, l := range c.Labels {
			parts = append(parts, fmt.Sprintf("%s: target %s, result %s, %s", l, c.Series[0].Values[i].Text, longs[c][i], c.Series[1].Values[i].Status))
		}
		c.Alt = c.Title + ". " + strings.Join(parts, "; ") + "."
		if v, ok := c.Data.Uniform(3); ok {
			c.Data.DropColumn(3)
			c.Data.Caption += " (every result covers " + v + ")"
		}
	}
	return charts
}

// figure is one year's figure of a measure, and the plan it came from.
type figure struct {
	text, period, planID string
	value                plan.Decimal
	// words marks a target that is not a point on the figures' axis (a
	// change on the year before of a measure of levels): it is stated in
	// the table and the description, not drawn.
	words bool
}

// trends draws, for each critical performance area, its figures across
// every year the plans hold, with its targets: drawn where they are on
// the figures' axis, stated in words where they are a change. The reported plan's
// own figures always win, so the trend agrees with the tables; a year it
// lacks is filled from the other plans: a full-year result before a
// part-year one, and between equals the later plan, which reports with
// hindsight. Another plan's figures are used only where its measure holds
// the same kind of figure (status.Comparable): a plan may keep a measure's
// ID while turning a monthly average into a yearly count. Measures with
// results for fewer than two years have no trend.
func (b *builder) trends() *doc.Section {
	s := &doc.Section{ID: b.uid(SectionTrends), Title: "Trends", Level: 1}
	plans := append([]*plan.Plan{b.p}, b.others...)
	// Each plan's measures by ID, looked up for every chart: searching
	// every plan's measures for each chart's took a plan of 10,000
	// measures seconds.
	byID := make([]map[string][]*plan.Measure, len(plans))
	for i, p := range plans {
		byID[i] = map[string][]*plan.Measure{}
		for j := range p.Measures {
			m := &p.Measures[j]
			byID[i][m.ID] = append(byID[i][m.ID], m)
		}
	}
	for _, e := range b.cpas() {
		if !e.own || e.part != nil || e.a.Result == nil || e.a.Result.Value.Q == nil {
			continue
		}
		if c := b.trendChart(e, plans, byID); c != nil {
			s.Blocks = append(s.Blocks, c)
		}
	}
	if len(s.Blocks) == 0 {
		delete(b.ids, s.ID)
		return nil
	}
	intro := "Each critical performance area across the years the plans hold figures for. " +
		"A part-year figure is marked with the period it covers; the last column names the plan a figure is taken from."
	s.Blocks = append([]doc.Block{&doc.Text{Markdown: intro}}, s.Blocks...)
	return s
}

// trendChart draws e's measure across plans (the reported plan first),
// whose measures byID holds by ID, plan by plan.
func (b *builder) trendChart(e entry, plans []*plan.Plan, byID []map[string][]*plan.Measure) *doc.Chart {
	unit := e.a.Result.Value.Q.Unit
	results := map[plan.Year]figure{}
	targets := map[plan.Year]figure{}
	// rank orders the claims on a year: the reported plan's own figure,
	// then another plan's full-year figure, then a part-year one.
	rank := map[plan.Year]int{}
	targetOwn := map[plan.Year]bool{}
	for i, p := range plans {
		own := i == 0
		// put claims year y for figure f; an earlier year's figure printed
		// in a later year's place (weak) is y's, and is drawn only where
		// no plan gives y a figure of its own.
		put := func(y plan.Year, period string, f plan.Figure, weak bool) {
			if f.Q == nil || f.Q.Unit != unit {
				return
			}
			r := 1
			switch {
			case weak:
				r = 0
			case own:
				r = 3
			case period == "":
				r = 2
			}
			if old, ok := rank[y]; ok && (old > r || old == 3 && !own) {
				return
			}
			results[y] = figure{text: f.Text, period: period, planID: p.ID, value: f.Q.Value}
			rank[y] = r
		}
		for _, m := range byID[i][e.m.ID] {
			if !status.Comparable(status.Of(m), status.Of(e.m)) {
				continue
			}
			if m.Baseline != nil {
				put(m.Baseline.Year, m.Baseline.Period, m.Baseline.Value, false)
			}
			for _, r := range m.Results {
				if r.Earlier() {
					put(r.Of, "", r.Value, true)
					continue
				}
				put(r.Year, r.Period, r.Value, false)
			}
			for _, t := range m.Targets {
				if targetOwn[t.Year] {
					continue
				}
				onAxis := t.Value != nil && t.Value.Q != nil && t.Value.Q.Unit == unit &&
					(t.Kind == plan.TargetLevel || t.Kind == plan.TargetChange && status.HoldsChanges(status.Of(m)))
				switch {
				case onAxis:
					targets[t.Year] = figure{text: t.Text, planID: p.ID, value: t.Value.Q.Value}
				case t.Kind == plan.TargetChange || t.Kind == plan.TargetPoints || t.Kind == plan.TargetDirection:
					targets[t.Year] = figure{text: t.Text, planID: p.ID, words: true}
				default:
					continue
				}
				targetOwn[t.Year] = own
			}
		}
	}
	if len(results) < 2 {
		return nil
	}
	var years []plan.Year
	for y := range results {
		years = append(years, y)
	}
	for y := range targets {
		years = append(years, y)
	}
	first, last := slices.Min(years), slices.Max(years)
	c := &doc.Chart{ID: b.uid("trend-" + e.m.ID), Kind: doc.ChartTrend,
		Title:  fmt.Sprintf("%s, %s to %s", e.label(), first, last),
		Series: []doc.Series{{Name: "Result", Role: doc.RoleResult}, {Name: "Target", Role: doc.RoleTarget}}}
	var vals []plan.Decimal
	for _, f := range results {
		vals = append(vals, f.value)
	}
	for _, f := range targets {
		vals = append(vals, f.value)
	}
	c.Axis = plandoc.AxisFor(unit, plandoc.Largest(vals...))
	if unit == plan.UnitPercent && status.HoldsChanges(status.Of(e.m)) {
		c.Axis = changeAxis
	}
	c.Data = &doc.Table{ID: b.uid("trend-" + e.m.ID + "-data"), Caption: c.Title, RowHeaders: true,
		Head: []string{"Year", "Result", "Period covered", "Target", "From plan"}, Numeric: []bool{false, true, false, true, false}}
	var alt []string
	hasTarget := false
	for y := first; y <= last; y++ {
		c.Labels = append(c.Labels, y.String())
		r, hasResult := results[y]
		rp := doc.Point{Missing: true}
		row := []string{y.String(), "", "", "", ""}
		if hasResult {
			rp = doc.Point{Value: r.value.Float64(), Text: r.text}
			row[1], row[2], row[4] = r.text, periodText(r.period, y), r.planID
			t := r.text + " in " + y.String()
			if r.period != "" {
				rp.Text += " (" + r.period + ")"
				t += " (" + r.period + ")"
			}
			alt = append(alt, t)
		} else {
			alt = append(alt, "no figure for "+y.String())
		}
		tp := doc.Point{Missing: true}
		if t, ok := targets[y]; ok {
			if !t.words {
				tp = doc.Point{Value: t.value.Float64(), Text: t.text}
				hasTarget = true
			}
			row[3] = t.text
			switch {
			case !hasResult:
				row[4] = t.planID
			case t.planID != row[4]:
				row[4] += "; target: " + t.planID
			}
			alt[len(alt)-1] += ", target " + t.text
		}
		c.Series[0].Values = append(c.Series[0].Values, rp)
		c.Series[1].Values = append(c.Series[1].Values, tp)
		c.Data.Rows = append(c.Data.Rows, doc.Row{Cells: row})
	}
	if !hasTarget {
		c.Series = c.Series[:1]
	}
	if v, ok := c.Data.Uniform(2); ok {
		c.Data.DropColumn(2)
		c.Data.Caption += " (every result covers " + v + ")"
	}
	c.Alt = c.Title + ": " + strings.Join(alt, "; ") + "."
	return c
}
