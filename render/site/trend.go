package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/status"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/plandoc"
)

// point is the figure a year is drawn with, and where it comes from.
type point struct {
	text, period, planID string
	value                plan.Decimal
	rank                 int
}

// Ranks of the claims on a year: a full-year figure beats a part-year
// one, which beats an earlier year's figure printed in the year's place;
// between equals the later plan wins, as it reports with hindsight.
const (
	rankEarlier = iota
	rankPart
	rankFull
)

// trend draws the line's figures across the years: results, and the
// targets that are points on the same axis (a level; a change when the
// figures are changes), from every plan whose measure holds the same kind
// of figure as the newest (status.Comparable: a plan may keep an ID while
// redefining the measure, and such figures are not drawn as one line).
// It returns nil when fewer than two years have a result.
func (g *line) trend(ids doc.Anchors) *doc.Chart {
	_, newest := g.newest()
	ref := status.Of(newest)
	unit, ok := g.resultUnit(ref)
	if !ok {
		return nil
	}
	results := map[plan.Year]point{}
	targets := map[plan.Year]point{}
	for i, p := range g.plans {
		m := g.measures[i]
		s := status.Of(m)
		if !status.Comparable(s, ref) {
			continue
		}
		claim := func(y plan.Year, period string, f plan.Figure, rank int) {
			if f.Q == nil || f.Q.Unit != unit {
				return
			}
			if old, ok := results[y]; ok && old.rank > rank {
				return
			}
			results[y] = point{text: f.Text, period: period, planID: unbroken(p.ID), value: f.Q.Value, rank: rank}
		}
		if m.Baseline != nil {
			claim(m.Baseline.Year, m.Baseline.Period, m.Baseline.Value, rankOf(m.Baseline.Period))
		}
		for _, r := range m.Results {
			if r.Earlier() {
				claim(r.Of, r.Period, r.Value, rankEarlier)
				continue
			}
			claim(r.Year, r.Period, r.Value, rankOf(r.Period))
		}
		for _, t := range m.Targets {
			onAxis := t.Value != nil && t.Value.Q != nil && t.Value.Q.Unit == unit &&
				(t.Kind == plan.TargetLevel || t.Kind == plan.TargetChange && s.Changes)
			if onAxis {
				targets[t.Year] = point{text: t.Text, planID: unbroken(p.ID), value: t.Value.Q.Value}
			}
		}
	}
	if len(results) < 2 {
		return nil
	}
	return g.trendChart(ids, ref, unit, results, targets)
}

func rankOf(period string) int {
	if period == "" {
		return rankFull
	}
	return rankPart
}

// resultUnit is the unit the line's results are drawn in: that of the
// newest numeric result of a plan comparable with the newest.
func (g *line) resultUnit(ref status.Series) (plan.Unit, bool) {
	for i := len(g.measures) - 1; i >= 0; i-- {
		m := g.measures[i]
		if !status.Comparable(status.Of(m), ref) {
			continue
		}
		for j := len(m.Results) - 1; j >= 0; j-- {
			if q := m.Results[j].Value.Q; q != nil {
				return q.Unit, true
			}
		}
	}
	return "", false
}

func (g *line) trendChart(ids doc.Anchors, ref status.Series, unit plan.Unit, results, targets map[plan.Year]point) *doc.Chart {
	var years []plan.Year
	var values []plan.Decimal
	for y, f := range results {
		years = append(years, y)
		values = append(values, f.value)
	}
	for y, f := range targets {
		years = append(years, y)
		values = append(values, f.value)
	}
	first, last := slices.Min(years), slices.Max(years)
	_, m := g.newest()
	c := &doc.Chart{ID: ids.Unique("trend"), Kind: doc.ChartTrend,
		Title:  fmt.Sprintf("%s, %s to %s", m.Title, first, last),
		Series: []doc.Series{{Name: "Result", Role: doc.RoleResult}, {Name: "Target", Role: doc.RoleTarget}},
		Axis:   plandoc.AxisFor(unit, plandoc.Largest(values...))}
	if unit == plan.UnitPercent && (ref.Changes || ref.Unit == plan.UnitNumber || ref.Unit == plan.UnitMoney) {
		c.Axis = &doc.Axis{Title: "Change on the previous year (%)", Suffix: "%"}
	}
	c.Data = &doc.Table{ID: ids.Unique("trend-data"), Caption: c.Title, RowHeaders: true,
		Head: []string{"Year", "Result", "Period covered", "Target", "From plan"}, Numeric: []bool{false, true, false, true, false}}
	var alt []string
	hasTarget := false
	for y := first; y <= last; y++ {
		c.Labels = append(c.Labels, y.String())
		row := []string{y.String(), "", "", "", ""}
		rp, tp := doc.Point{Missing: true}, doc.Point{Missing: true}
		said := "no figure for " + y.String()
		if r, ok := results[y]; ok {
			rp = doc.Point{Value: r.value.Float64(), Text: r.text}
			row[1], row[2], row[4] = r.text, r.period, r.planID
			said = r.text + " in " + y.String()
			if r.period != "" {
				rp.Text += " (" + r.period + ")"
				said += " (" + r.period + ")"
			}
		}
		if t, ok := targets[y]; ok {
			tp = doc.Point{Value: t.value.Float64(), Text: t.text}
			hasTarget = true
			row[3] = t.text
			if row[4] == "" {
				row[4] = t.planID
			} else if t.planID != row[4] {
				row[4] += "; target: " + t.planID
			}
			said += ", target " + t.text
		}
		if row[1] != "" && row[2] == "" {
			row[2] = "the whole year"
		}
		alt = append(alt, said)
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
