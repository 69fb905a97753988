package plandoc

import (
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// targetResultChart sets each measure's latest result beside the target
// that follows it (or its latest target), where both are figures in the
// same unit. It returns nil when no measure has both.
func (b *builder) targetResultChart(owner, title string, ms []*plan.Measure) *doc.Chart {
	c := &doc.Chart{Kind: doc.ChartTargetResult, Title: title + ": target against latest result",
		Series: []doc.Series{{Name: "Target", Role: doc.RoleTarget}, {Name: "Latest result", Role: doc.RoleResult}}}
	// Targets and results here are figures with words ("82.5% (2007/08)"),
	// so the columns read left-aligned.
	data := &doc.Table{Caption: c.Title, RowHeaders: true, Head: []string{"Measure", "Target", "Latest result"}, Numeric: []bool{false, false, false}}
	var alt []string
	both := 0
	// One axis serves when every figure drawn is in one unit; otherwise
	// each measure is drawn to its own scale.
	units := map[plan.Unit]bool{}
	var drawn []plan.Decimal
	for _, m := range ms {
		if len(m.Results) == 0 {
			continue
		}
		r := m.Results[0]
		for _, x := range m.Results[1:] {
			if x.Year >= r.Year {
				r = x
			}
		}
		var tg *plan.Target
		for i := range m.Targets {
			t := &m.Targets[i]
			if tg == nil || (tg.Year <= r.Year && t.Year > tg.Year) || (t.Year > r.Year && t.Year < tg.Year) {
				tg = t
			}
		}
		if tg == nil {
			continue
		}
		// The marks carry the figure and its year; the data table beside
		// the chart also gives the part of the year a result covers.
		rt := r.Value.Text + " (" + r.Year.String()
		rp := doc.Point{Text: rt + ")", Missing: true}
		if r.Period != "" {
			rt += ", " + r.Period
		}
		rt += ")"
		tt := tg.Text + " (" + tg.Year.String() + ")"
		tp := doc.Point{Text: tt, Missing: true}
		if r.Value.Q != nil {
			rp.Missing, rp.Value = false, r.Value.Q.Value.Float64()
			units[r.Value.Q.Unit] = true
			drawn = append(drawn, r.Value.Q.Value)
		}
		if tg.Kind == plan.TargetLevel && tg.Value != nil && tg.Value.Q != nil && r.Value.Q != nil && tg.Value.Q.Unit == r.Value.Q.Unit {
			tp.Missing, tp.Value = false, tg.Value.Q.Value.Float64()
			drawn = append(drawn, tg.Value.Q.Value)
			both++
		}
		c.Labels = append(c.Labels, m.Title)
		c.Series[0].Values = append(c.Series[0].Values, tp)
		c.Series[1].Values = append(c.Series[1].Values, rp)
		data.Rows = append(data.Rows, doc.Row{Cells: []string{m.Title, tt, rt}})
		alt = append(alt, m.Title+": target "+tt+", latest result "+rt)
	}
	if both == 0 {
		return nil
	}
	if len(units) == 1 {
		for u := range units {
			c.Axis = AxisFor(u, Largest(drawn...))
		}
	}
	c.ID = b.uid(owner + "-chart")
	data.ID = b.uid(owner + "-chart-data")
	c.Data = data
	c.Alt = c.Title + ". " + strings.Join(alt, "; ") + "."
	return c
}

// trendChart draws a long-term measure's results across the years, when it
// has two or more full-year figures in one unit.
func (b *builder) trendChart(m *plan.Measure) *doc.Chart {
	var rs []plan.Result
	for _, r := range m.Results {
		if r.Value.Q == nil || r.Partial() || len(rs) > 0 && r.Value.Q.Unit != rs[0].Value.Q.Unit {
			continue
		}
		rs = append(rs, r)
	}
	if len(rs) < 2 {
		return nil
	}
	slices.SortStableFunc(rs, func(a, b plan.Result) int { return int(a.Year - b.Year) })
	c := &doc.Chart{ID: b.uid("trend-" + m.ID), Kind: doc.ChartTrend, Title: m.Title + ": results by year", Series: []doc.Series{{Name: m.Title, Role: doc.RoleResult}}}
	data := &doc.Table{ID: b.uid("trend-" + m.ID + "-data"), Caption: c.Title, RowHeaders: true, Head: []string{"Year", "Result"}, Numeric: []bool{false, true}}
	var alt []string
	var vals []plan.Decimal
	for _, r := range rs {
		vals = append(vals, r.Value.Q.Value)
	}
	c.Axis = AxisFor(rs[0].Value.Q.Unit, Largest(vals...))
	for _, r := range rs {
		c.Labels = append(c.Labels, r.Year.String())
		c.Series[0].Values = append(c.Series[0].Values, doc.Point{Value: r.Value.Q.Value.Float64(), Text: r.Value.Text})
		data.Rows = append(data.Rows, doc.Row{Cells: []string{r.Year.String(), r.Value.Text}})
		alt = append(alt, r.Value.Text+" in "+r.Year.String())
	}
	c.Data = data
	c.Alt = m.Title + ": " + strings.Join(alt, ", ") + "."
	return c
}
