// Package report lays out an annual report, "How we did during 2006/07",
// as a doc.Document. Every status, count and direction of travel in it
// is computed by package status from the plan's own targets and results,
// so the report cannot disagree with the plan; figures are printed as the
// plan writes them.
package report

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/status"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/plandoc"
)

// Section IDs of a report, stable for anchors and bookmarks.
const (
	SectionSummary     = "summary"
	SectionCommentary  = "commentary"
	SectionByOutcome   = "results-by-outcome"
	SectionTrends      = "trends"
	SectionInspections = "inspections"
	SectionRules       = "how-status-is-decided"
)

// missedMost is how many missed critical performance areas the summary
// names: enough to point at the worst, few enough to read at a glance.
const missedMost = 5

// ID names a report's output files: 2006-09-report-2006-07.
func ID(planID string, y plan.Year) string {
	return planID + "-report-" + strings.ReplaceAll(y.String(), "/", "-")
}

// Years returns the years for which p sets targets and reports results
// for at least one measure, in order: the reports a build produces. A year
// with results but no targets (long-term figures quoted for context) has
// nothing to report against.
func Years(p *plan.Plan) []plan.Year { return years(p, true) }

// ResultYears returns every year for which p has any result, in order:
// the years a report can be asked for.
func ResultYears(p *plan.Plan) []plan.Year { return years(p, false) }

func years(p *plan.Plan, withTarget bool) []plan.Year {
	if p == nil {
		return nil
	}
	var ys []plan.Year
	eachSeries(p, func(_ *plan.Measure, s status.Series) {
		for _, r := range s.Results {
			if slices.Contains(ys, r.Year) {
				continue
			}
			if !withTarget || slices.ContainsFunc(s.Targets, func(t plan.Target) bool { return t.Year == r.Year }) {
				ys = append(ys, r.Year)
			}
		}
	})
	slices.Sort(ys)
	return ys
}

func eachSeries(p *plan.Plan, fn func(*plan.Measure, status.Series)) {
	for i := range p.Measures {
		m := &p.Measures[i]
		fn(m, status.Of(m))
		for j := range m.Parts {
			fn(m, status.OfPart(m, &m.Parts[j]))
		}
	}
}

// Build lays out the report of plan p for year. others are further plans
// (in any order; p among them is ignored) that follow the same measures by
// ID, for the trends. It fails when p has no result for year.
func Build(p *plan.Plan, year plan.Year, others []*plan.Plan) (*doc.Document, error) {
	return BuildWith(p, year, others, plandoc.Options{})
}

// BuildWith is Build with the options of a build: its date, if any, is
// the report's date.
func BuildWith(p *plan.Plan, year plan.Year, others []*plan.Plan, opts plandoc.Options) (*doc.Document, error) {
	if p == nil {
		return nil, errors.New("report: no plan")
	}
	if ys := ResultYears(p); !slices.Contains(ys, year) {
		return nil, &NoResultsError{PlanID: p.ID, Year: year, Have: ys}
	}
	b := &builder{p: p, year: year, others: sortedOthers(p, others), ids: doc.Anchors{}}
	b.collect()
	d := &doc.Document{
		Kind:          "report",
		ID:            ID(p.ID, year),
		Title:         "How we did during " + year.String(),
		Subtitle:      p.Title,
		Organisations: slices.Clone(p.Organisations),
		Keywords:      append(slices.Clone(p.Organisations), "Annual report", year.String()),
	}
	// The date the plan says the year's results were published; else the
	// build's date (SOURCE_DATE_EPOCH); else none: never the clock, so
	// builds are reproducible, and never the plan's own date, which is
	// before the year it reports on begins.
	var published plan.Date
	if r := p.ReportFor(year); r != nil {
		published = r.Date
	}
	d.Date, d.Created = plandoc.DocumentDate(published, opts.Date)
	d.Meta = b.meta(d.Date, published != "")
	for _, f := range []func() *doc.Section{b.summary, b.commentary, b.byOutcome, b.trends, b.inspections, b.rules} {
		if s := f(); s != nil {
			d.Sections = append(d.Sections, s)
		}
	}
	return d, nil
}

// NoResultsError is returned for a year the plan has no result for: there
// is nothing to report. Have lists the years it has results for.
type NoResultsError struct {
	PlanID string
	Year   plan.Year
	Have   []plan.Year
}

func (e *NoResultsError) Error() string {
	if len(e.Have) == 0 {
		return fmt.Sprintf("plan %s has no results, so there is no report to build", e.PlanID)
	}
	have := make([]string, len(e.Have))
	for i, y := range e.Have {
		have[i] = y.String()
	}
	return fmt.Sprintf("plan %s has no results for %s: it has results for %s", e.PlanID, e.Year, strings.Join(have, ", "))
}

// sortedOthers orders the other plans by period then ID, so a trend
// that two plans both give a figure for is decided the same way on every
// build, whatever order the caller passes them in.
func sortedOthers(p *plan.Plan, others []*plan.Plan) []*plan.Plan {
	var out []*plan.Plan
	for _, o := range others {
		if o != nil && o != p && o.ID != p.ID {
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b *plan.Plan) int {
		if c := int(a.Period.First) - int(b.Period.First); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// entry is one row of the report: a measure, or a part of one, with its
// assessment for the year.
type entry struct {
	m    *plan.Measure
	part *plan.MeasurePart
	// own is false for a measure reported only through its parts.
	own bool
	a   status.Assessment
}

func (e entry) label() string {
	l := e.m.Label()
	if e.part != nil {
		l += ": " + e.part.Title
	}
	return l
}

type builder struct {
	p      *plan.Plan
	year   plan.Year
	others []*plan.Plan
	ids    doc.Anchors
	// entries are the measures with a figure for the year, in plan order,
	// each followed by its parts.
	entries []entry
}

// uid returns an anchor unique in the report.
func (b *builder) uid(base string) string { return b.ids.Unique(base) }

// concerns reports whether a series has a target or a result for y: what
// puts it in that year's report.
func concerns(s status.Series, y plan.Year) bool {
	return slices.ContainsFunc(s.Targets, func(t plan.Target) bool { return t.Year == y }) ||
		slices.ContainsFunc(s.Results, func(r plan.Result) bool { return r.Year == y })
}

func (b *builder) collect() {
	for i := range b.p.Measures {
		m := &b.p.Measures[i]
		own := concerns(status.Of(m), b.year)
		var parts []entry
		for j := range m.Parts {
			pt := &m.Parts[j]
			if concerns(status.OfPart(m, pt), b.year) {
				parts = append(parts, entry{m: m, part: pt, own: true, a: status.AssessPart(m, pt, b.year)})
			}
		}
		if !own && len(parts) == 0 {
			continue
		}
		b.entries = append(b.entries, entry{m: m, own: own, a: status.Assess(m, b.year)})
		b.entries = append(b.entries, parts...)
	}
}

// meta is the title block; published says the date is the plan's date
// of publication of the results rather than the build's.
func (b *builder) meta(date string, published bool) []doc.Meta {
	p := b.p
	var m []doc.Meta
	add := func(label, value string) {
		if value != "" {
			m = append(m, doc.Meta{Label: label, Value: value})
		}
	}
	add("Year reported", b.year.String())
	add("Plan", p.Title+" ("+p.Period.First.String()+" to "+p.Period.Last.String()+")")
	add("Results cover", b.periods())
	if published {
		add("Results published", date)
	} else {
		add("Date", date)
	}
	// The plan's source is for maintainers: never printed.
	return m
}

// periods says what part of the year the results cover: the most common
// period, and that rows say when theirs differs.
func (b *builder) periods() string {
	counts := map[string]int{}
	var order []string
	for _, e := range b.entries {
		if !e.own || e.a.Result == nil || e.a.Result.Earlier() {
			continue
		}
		if counts[e.a.Period] == 0 {
			order = append(order, e.a.Period)
		}
		counts[e.a.Period]++
	}
	if len(order) == 0 {
		return ""
	}
	best := order[0]
	for _, p := range order[1:] {
		if counts[p] > counts[best] {
			best = p
		}
	}
	s := periodText(best, b.year)
	if len(order) > 1 {
		s += ", unless a row says otherwise"
	}
	return s
}

// resultPeriod says what a result covers: its period, or, for an
// earlier year's figure printed in the year's place, that year.
func resultPeriod(a status.Assessment) string {
	if r := a.Result; r != nil && r.Earlier() {
		return r.Of.String() + " (the latest figure available)"
	}
	return periodText(a.Period, a.Year)
}

func periodText(period string, y plan.Year) string {
	if period == "" {
		return "the whole of " + y.String()
	}
	return period
}

// count puts n before the noun or verb phrase that agrees with it: "1 is
// unassessed", "3 are unassessed", "1 critical performance area".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// commentary prints the plan's own account of the year, when its reports
// entry names the section that holds it, exactly as the plan document lays
// it out (plandoc.Build builds it, so both print the same text), under the
// report's own IDs.
func (b *builder) commentary() *doc.Section {
	r := b.p.ReportFor(b.year)
	if r == nil || r.Commentary.ID == "" {
		return nil
	}
	id := r.Commentary.ID
	pd, err := plandoc.Build(b.p, plandoc.Options{})
	if err != nil {
		return nil
	}
	var found *doc.Section
	pd.Walk(func(s *doc.Section) {
		if found == nil && s.ID == id {
			found = s
		}
	})
	if found == nil {
		return nil
	}
	s := &doc.Section{ID: b.uid(SectionCommentary), Title: "Commentary as published", Level: 1}
	s.Blocks = append(s.Blocks, &doc.Text{Markdown: fmt.Sprintf(
		"The account the plan publishes with these figures, under %q, as written. "+
			"Its figures may cover another period than the tables; the statuses in this report are computed from the tables, this text is not.",
		found.Title)})
	s.Blocks = append(s.Blocks, found.Blocks...)
	var relevel func(ss []*doc.Section, level int) []*doc.Section
	relevel = func(ss []*doc.Section, level int) []*doc.Section {
		out := make([]*doc.Section, len(ss))
		for i, x := range ss {
			out[i] = &doc.Section{ID: b.uid(x.ID), Title: x.Title, Level: level, Blocks: x.Blocks, Sections: relevel(x.Sections, level+1)}
		}
		return out
	}
	s.Sections = relevel(found.Sections, 2)
	return s
}
