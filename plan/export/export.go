// Package export gives the figures of plans as open data: one row per
// measure (or part of a measure), year and figure, with its target, its
// result and the status the report rules (package status) give it, as
// CSV or JSON.
//
// It reads the validated model only, never a document: the numbers are the
// plan's exact decimals printed in full ("241100000" for £241.1m), beside
// the text as the document prints it, never passed through a float.
package export

import (
	"slices"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/status"
)

// Row is one figure of a measure: a year's target with the year's result,
// or with each of them where the year has several (a part-year result and
// the full year's). Empty fields are absent values.
type Row struct {
	Plan        string   `json:"plan"`
	Measure     string   `json:"measure"`
	Part        string   `json:"part"`
	Codes       []string `json:"codes"`
	Title       string   `json:"title"`
	Unit        string   `json:"unit"`
	Polarity    string   `json:"polarity"`
	Year        string   `json:"year"`
	Period      string   `json:"period"`
	TargetKind  string   `json:"target_kind"`
	TargetText  string   `json:"target_text"`
	TargetValue string   `json:"target_value"`
	ResultText  string   `json:"result_text"`
	ResultValue string   `json:"result_value"`
	ResultOf    string   `json:"result_of"`
	Status      string   `json:"status"`
}

// Column describes one column of the data, for the CSV header and a
// Frictionless Table Schema. Type is a Table Schema type.
type Column struct {
	Name        string
	Type        string
	Description string
	// Values lists the values the column may hold, when a fixed set.
	Values []string
}

// Columns are the columns, in the order CSV prints them; the JSON fields
// have the same names.
var Columns = []Column{
	{"plan", "string", "ID of the plan the figure is published in (its folder under plans/).", nil},
	{"measure", "string", "ID of the measure, the same in every plan that follows it.", nil},
	{"part", "string", "ID of the part of the measure (a breakdown reported separately), empty for the measure itself.", nil},
	{"codes", "string", "Codes the plan gives the measure (SPI, KPI, PSA...), separated by \"; \".", nil},
	{"title", "string", "The measure as worded in the plan; for a part, the measure's title, \" - \" and the part's.", nil},
	{"unit", "string", "What the figures count.", []string{"number", "percent", "points", "money", "text"}},
	{"polarity", "string", "Which direction is better; empty when the plan does not say.", []string{"", "higher", "lower", "none"}},
	{"year", "string", "Financial year, April to March, written 2008/09.", nil},
	{"period", "string", "The part of the year the result covers, empty for a whole year.", nil},
	{"target_kind", "string", "What the target asks, empty when the year has none.", []string{"", "level", "change", "points", "direction", "text", "baseline", "monitor"}},
	{"target_text", "string", "The target as the plan prints it.", nil},
	{"target_value", "number", "The target's number, exact: percent and points as printed (82.5 for 82.5%), money in pounds (241100000 for £241.1m); empty when it has none.", nil},
	{"result_text", "string", "The result as the plan prints it.", nil},
	{"result_value", "number", "The result's number, exact, as target_value; empty when it has none (N/A, words).", nil},
	{"result_of", "string", "The year the result is for, when the plan prints an earlier year's figure in this year's place.", nil},
	{"status", "string", "The result against the target by the report rules (see package plan/status).",
		[]string{string(status.Met), string(status.NotMet), string(status.OnTrack), string(status.OffTrack), string(status.NoTarget),
			string(status.BaselineYr), string(status.NotReported), string(status.Unassessed)}},
}

// Rows returns the rows of plans, in their order: each plan's measures in
// the plan's order, each measure followed by its parts, years ascending,
// a year's results in the order the plan lists them.
func Rows(plans []*plan.Plan) []Row {
	var rows []Row
	for _, p := range plans {
		for i := range p.Measures {
			m := &p.Measures[i]
			base := Row{Plan: p.ID, Measure: m.ID, Codes: append([]string{}, m.Codes...), Title: m.Title, Unit: string(m.Unit), Polarity: m.Polarity}
			rows = appendSeries(rows, base, status.Of(m))
			for j := range m.Parts {
				pt := &m.Parts[j]
				r := base
				r.Part, r.Title = pt.ID, m.Title+" - "+pt.Title
				if pt.Unit != "" {
					r.Unit = string(pt.Unit)
				}
				rows = appendSeries(rows, r, status.OfPart(m, pt))
			}
		}
	}
	return rows
}

// appendSeries appends the rows of one series: a row for each result, with
// its year's target, and a row for each target year without a result.
func appendSeries(rows []Row, base Row, s status.Series) []Row {
	for _, y := range years(s) {
		r := base
		r.Year = y.String()
		var t *plan.Target
		for i := range s.Targets {
			if s.Targets[i].Year == y {
				t = &s.Targets[i]
				break
			}
		}
		if t != nil {
			r.TargetKind, r.TargetText, r.TargetValue = t.Kind, t.Text, value(t.Value)
		}
		found := false
		for i, res := range s.Results {
			if res.Year != y {
				continue
			}
			found = true
			rr := r
			rr.Period, rr.ResultText, rr.ResultValue = res.Period, res.Value.Text, value(&res.Value)
			if res.Earlier() {
				rr.ResultOf = res.Of.String()
			}
			rr.Status = string(status.AssessSeries(only(s, i), y).Status)
			rows = append(rows, rr)
		}
		if !found {
			r.Status = string(status.AssessSeries(s, y).Status)
			rows = append(rows, r)
		}
	}
	return rows
}

// only returns s with the results of year i's year reduced to result i,
// so the status judges that figure (the rules prefer the full year's).
func only(s status.Series, i int) status.Series {
	y := s.Results[i].Year
	var rs []plan.Result
	for j, r := range s.Results {
		if r.Year != y || j == i {
			rs = append(rs, r)
		}
	}
	s.Results = rs
	return s
}

// years are the years a series has a target or a result for, ascending.
func years(s status.Series) []plan.Year {
	var ys []plan.Year
	for _, t := range s.Targets {
		ys = append(ys, t.Year)
	}
	for _, r := range s.Results {
		ys = append(ys, r.Year)
	}
	slices.Sort(ys)
	return slices.Compact(ys)
}

// value is a figure's number printed exactly, or "" when it has none.
func value(f *plan.Figure) string {
	if f == nil || f.Q == nil {
		return ""
	}
	return f.Q.Value.String()
}
