package report

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/internal/golden"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/markup"
	"github.com/mpsplan/mpsplan/render/pdf"
	"github.com/mpsplan/mpsplan/render/plandoc"
)

const (
	root      = "../.."
	goldenDir = root + "/testdata/report/golden"
)

func load(t *testing.T, dir string) *plan.Plan {
	t.Helper()
	p, diags := plan.Load(dir)
	if p == nil || diags.HasErrors() {
		var b bytes.Buffer
		_ = diags.WriteText(&b)
		t.Fatalf("load %s:\n%s", dir, b.String())
	}
	return p
}

// allPlans loads every plan under plans/, the way a build does.
func allPlans(t *testing.T) []*plan.Plan {
	t.Helper()
	dirs, err := plan.Dirs(filepath.Join(root, "plans"))
	if err != nil {
		t.Fatal(err)
	}
	var ps []*plan.Plan
	for _, d := range dirs {
		ps = append(ps, load(t, d))
	}
	return ps
}

func fixture(t *testing.T) (*plan.Plan, []*plan.Plan) {
	p := load(t, filepath.Join(root, "testdata/report/plans/2006-09-fixture"))
	next := load(t, filepath.Join(root, "testdata/report/plans/2007-10-fixture"))
	return p, []*plan.Plan{next}
}

func markdown(t *testing.T, d *doc.Document) []byte {
	return write(t, d, (*markup.Templates).WriteMarkdown)
}

func html(t *testing.T, d *doc.Document) []byte {
	return write(t, d, (*markup.Templates).WriteHTML)
}

// write prints d with the default templates, as a build does.
func write(t *testing.T, d *doc.Document, fn func(*markup.Templates, io.Writer, *doc.Document) error) []byte {
	t.Helper()
	tm, err := markup.DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := fn(tm, &b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	p, others := fixture(t)
	d, err := Build(p, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join(goldenDir, d.ID+".md"), markdown(t, d))
	golden.Check(t, filepath.Join(goldenDir, d.ID+".html"), html(t, d))

	real := allPlans(t)
	i := indexOf(t, real, "2006-09")
	d, err = Build(real[i], 2006, real)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "2006-09-report-2006-07" || d.Kind != "report" {
		t.Errorf("document %q of kind %q", d.ID, d.Kind)
	}
	golden.Check(t, filepath.Join(goldenDir, d.ID+".md"), markdown(t, d))
	golden.Check(t, filepath.Join(goldenDir, d.ID+".html"), html(t, d))
	var pb bytes.Buffer
	if err := pdf.Write(&pb, d); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join(goldenDir, d.ID+".pdf"), pb.Bytes())
}

// TestDate checks a report is dated by the build, never by the plan (a
// plan is approved before the year it reports on) nor by the clock.
func TestDate(t *testing.T) {
	p, others := fixture(t)
	d, err := Build(p, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != "" || !d.Created.IsZero() || slices.ContainsFunc(d.Meta, func(m doc.Meta) bool { return m.Label == "Date" }) {
		t.Errorf("undated build: date %q, created %v, meta %v", d.Date, d.Created, d.Meta)
	}
	d, err = BuildWith(p, 2006, others, plandoc.Options{Date: time.Date(2007, 5, 3, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != "3 May 2007" || !slices.Contains(d.Meta, doc.Meta{Label: "Date", Value: "3 May 2007"}) {
		t.Errorf("dated build: %q, meta %v", d.Date, d.Meta)
	}
	// The plan's date of publication of the year's results wins over the
	// build's, and is said to be that; another year's is not used.
	dated := *p
	dated.Reports = []plan.Report{{Year: 2005, Date: "2006-05-02"}, {Year: 2006, Date: "2007-03"}}
	for _, opts := range []plandoc.Options{{}, {Date: time.Date(2007, 5, 3, 12, 0, 0, 0, time.UTC)}} {
		d, err = BuildWith(&dated, 2006, others, opts)
		if err != nil {
			t.Fatal(err)
		}
		if d.Date != "March 2007" || !d.Created.Equal(time.Date(2007, 3, 1, 0, 0, 0, 0, time.UTC)) ||
			!slices.Contains(d.Meta, doc.Meta{Label: "Results published", Value: "March 2007"}) ||
			slices.ContainsFunc(d.Meta, func(m doc.Meta) bool { return m.Label == "Date" }) {
			t.Errorf("results published 2007-03, build date %v: date %q, created %v, meta %v", opts.Date, d.Date, d.Created, d.Meta)
		}
	}
	// Undated in every format: no date line, no 1970.
	d, err = Build(p, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string][]byte{"md": markdown(t, d), "html": html(t, d)} {
		if bytes.Contains(out, []byte("1970")) || bytes.Contains(out, []byte("Date:")) || bytes.Contains(out, []byte(">Date<")) {
			t.Errorf("undated %s report prints a date", name)
		}
	}
}

// TestEarlierYearResult: a figure printed for 2006/07 that is 2005/06's
// (of: 2005/06) is said to be so in words, is not judged or compared as
// 2006/07's, and is not drawn as 2006/07's in a trend.
func TestEarlierYearResult(t *testing.T) {
	p, others := fixture(t)
	d, err := Build(p, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	md := string(markdown(t, d))
	var row []string
	for _, r := range tableRows([]byte(md)) {
		if strings.HasPrefix(r.cells[0], "% of police officer time spent on frontline duties") && len(r.cells) == 7 {
			row = r.cells
		}
	}
	if row == nil {
		t.Fatalf("no row for the frontline-time measure:\n%s", md)
	}
	if row[3] != "61.9% 2005/06" || row[4] != "2005/06 (the latest figure available)" || row[5] != "no target" || row[6] != "not comparable" {
		t.Errorf("frontline-time row: %q", row)
	}
	if want := "The figure printed for 2006/07 is 2005/06's, the latest available; it is not assessed as 2006/07's result."; !strings.Contains(md, want) {
		t.Errorf("the report does not say %q", want)
	}
	if strings.Contains(md, "61.9% 2005/06 in 2006/07") {
		t.Error("a trend draws the 2005/06 figure as 2006/07's")
	}
	// With a target, it is not yet reported, not judged on last year's figure.
	q := *p
	q.Measures = slices.Clone(p.Measures)
	for i := range q.Measures {
		if m := &q.Measures[i]; m.ID == "frontline-time" {
			v, _ := plan.ParseQuantity("60%")
			m.Targets = []plan.Target{{Year: 2006, Kind: plan.TargetLevel, Text: "60%", Value: &plan.Figure{Text: "60%", Q: &v}}}
		}
	}
	d, err = Build(&q, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range tableRows(markdown(t, d)) {
		if strings.HasPrefix(r.cells[0], "% of police officer time spent on frontline duties") && len(r.cells) == 7 && r.cells[5] != "not yet reported" {
			t.Errorf("with a target of 60%%, the 2005/06 figure is judged: %q", r.cells)
		}
	}
}

// mdRow is a row of a Markdown table with the header and caption of its
// table.
type mdRow struct {
	caption     string
	head, cells []string
	line        int
}

// tableRows reads the GFM tables of a Markdown document, cells unescaped.
func tableRows(md []byte) []mdRow {
	var rows []mdRow
	var head []string
	caption, lastBold := "", ""
	sc := bufio.NewScanner(bytes.NewReader(md))
	sc.Buffer(nil, 1<<20)
	n, prevTable := 0, false
	for sc.Scan() {
		n++
		line := sc.Text()
		if !strings.HasPrefix(line, "|") {
			if strings.HasPrefix(line, "**") {
				lastBold = strings.Trim(line, "*")
			}
			prevTable = false
			continue
		}
		if !prevTable {
			caption = lastBold
		}
		cells := splitRow(line)
		switch {
		case !prevTable:
			head = cells
		case len(cells) > 0 && strings.HasPrefix(cells[0], "---"):
		default:
			rows = append(rows, mdRow{caption: caption, head: head, cells: cells, line: n})
		}
		prevTable = true
	}
	return rows
}

func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	var cells []string
	var b strings.Builder
	esc := false
	for _, r := range line {
		switch {
		case esc:
			b.WriteRune(r)
			esc = false
		case r == '\\':
			esc = true
		case r == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	return cells
}

// TestAppendix4 checks that the 2006/07 report built from plans/2006-09
// prints every figure of the source's Appendix 4 tables in the right row
// and column: the 2005/06 figure, the 2006/07 target and the result.
func TestAppendix4(t *testing.T) {
	plans := allPlans(t)
	i := indexOf(t, plans, "2006-09")
	d, err := Build(plans[i], 2006, plans)
	if err != nil {
		t.Fatal(err)
	}
	var rows []mdRow
	grades := map[string]mdRow{}
	for _, r := range tableRows(markdown(t, d)) {
		if len(r.cells) == 3 && r.head[0] == "Area" {
			body := "HMIC"
			if strings.Contains(r.caption, "PPAF") {
				body = "PPAF"
			}
			grades[body+"\t"+r.cells[0]] = r
		}
		if (len(r.head) == 7 || len(r.head) == 6 && !slices.Contains(r.head, "Period covered")) && r.head[0] == "Measure" && r.head[2] == "Target 2006/07" && r.head[3] == "Result 2006/07" && len(r.cells) == len(r.head) {
			rows = append(rows, r)
		}
	}
	data, err := os.ReadFile(filepath.Join(root, "testdata/report/appendix4-2006-07.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) == 4 && (f[0] == "HMIC" || f[0] == "PPAF") {
			r, ok := grades[f[0]+"\t"+f[1]]
			if !ok || r.cells[1] != f[2] || r.cells[2] != f[3] {
				t.Errorf("appendix4-2006-07.txt:%d: %s %s graded %s, %s; report has %q", n+1, f[0], f[1], f[2], f[3], r.cells)
			}
			checked++
			continue
		}
		if len(f) != 4 {
			t.Fatalf("appendix4-2006-07.txt:%d: want 4 tab-separated fields, found %d", n+1, len(f))
		}
		keys := strings.Split(f[0], " + ")
		var found []mdRow
		for _, r := range rows {
			if !slices.ContainsFunc(keys, func(k string) bool { return !strings.Contains(r.cells[0], k) }) {
				found = append(found, r)
			}
		}
		if len(found) != 1 {
			t.Errorf("appendix4-2006-07.txt:%d: %d report rows match %q, want 1", n+1, len(found), f[0])
			continue
		}
		r := found[0]
		for j, col := range []string{"2005/06 figure", "target", "result"} {
			got := r.cells[j+1]
			if j == 2 {
				// A computed change may follow the result as printed.
				got, _, _ = strings.Cut(got, " (change ")
			}
			if got != f[j+1] {
				t.Errorf("appendix4-2006-07.txt:%d %s: %s %q, report line %d has %q", n+1, f[0], col, f[j+1], r.line, got)
			}
		}
		checked++
	}
	if checked < 93 {
		t.Errorf("checked only %d rows", checked)
	}
}

func TestBuildErrors(t *testing.T) {
	p, others := fixture(t)
	if _, err := Build(nil, 2006, nil); err == nil {
		t.Error("nil plan: no error")
	}
	_, err := Build(p, 2009, others)
	if err == nil || !strings.Contains(err.Error(), "no results for 2009/10") || !strings.Contains(err.Error(), "2004/05, 2006/07") {
		t.Errorf("year without results: %v", err)
	}
	empty := &plan.Plan{ID: "empty"}
	if _, err := Build(empty, 2006, nil); err == nil || !strings.Contains(err.Error(), "has no results") {
		t.Errorf("plan without results: %v", err)
	}
}

func TestYears(t *testing.T) {
	p, others := fixture(t)
	if got := Years(p); !slices.Equal(got, []plan.Year{2006}) {
		t.Errorf("Years = %v, want [2006/07] (2004/05 has a result but no target)", got)
	}
	if got := ResultYears(p); !slices.Equal(got, []plan.Year{2004, 2006}) {
		t.Errorf("ResultYears = %v", got)
	}
	if got := Years(others[0]); !slices.Equal(got, []plan.Year{2007}) {
		t.Errorf("Years of the next plan = %v, want [2007/08] (its 2006/07 results have no target there)", got)
	}
	if Years(nil) != nil || ResultYears(nil) != nil {
		t.Error("nil plan has years")
	}
	if got := ID("2006-09", 2006); got != "2006-09-report-2006-07" {
		t.Errorf("ID = %q", got)
	}
}

// TestDeterministic builds the same report with the other plans in
// different orders: the bytes must not change.
func TestDeterministic(t *testing.T) {
	plans := allPlans(t)
	i := indexOf(t, plans, "2006-09")
	d1, err := Build(plans[i], 2006, plans)
	if err != nil {
		t.Fatal(err)
	}
	rev := slices.Clone(plans)
	slices.Reverse(rev)
	d2, err := Build(plans[i], 2006, rev)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(markdown(t, d1), markdown(t, d2)) || !bytes.Equal(html(t, d1), html(t, d2)) {
		t.Error("the order of the other plans changes the report")
	}
}

// TestNotColourAlone checks what writers rely on to never tell status by
// colour alone: every chart has a text alternative and a data table, every
// judged point names its status in words, and IDs are unique.
func TestNotColourAlone(t *testing.T) {
	p, others := fixture(t)
	d, err := Build(p, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	charts := map[doc.ChartKind]int{}
	uniq := func(id string) {
		if id == "" || ids[id] {
			t.Errorf("ID %q empty or repeated", id)
		}
		ids[id] = true
	}
	d.Walk(func(s *doc.Section) {
		uniq(s.ID)
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *doc.Table:
				uniq(b.ID)
			case *doc.Chart:
				uniq(b.ID)
				charts[b.Kind]++
				if b.Alt == "" || b.Data == nil || len(b.Data.Rows) != len(b.Labels) {
					t.Errorf("chart %s: alt %q, data %v", b.ID, b.Alt, b.Data)
				}
				if b.Data != nil {
					uniq(b.Data.ID)
				}
				for _, se := range b.Series {
					if len(se.Values) != len(b.Labels) {
						t.Errorf("chart %s series %s: %d values for %d labels", b.ID, se.Name, len(se.Values), len(b.Labels))
					}
				}
				if b.Kind == doc.ChartTargetResult {
					for _, v := range b.Series[1].Values {
						if v.Status == "" || !strings.Contains(b.Alt, v.Status) {
							t.Errorf("chart %s: result %q without its status in words", b.ID, v.Text)
						}
					}
				}
			}
		}
	})
	if charts[doc.ChartTargetResult] == 0 || charts[doc.ChartTrend] == 0 {
		t.Errorf("charts by kind: %v", charts)
	}
}

// TestEveryPlanAndYear builds the report of every plan for every year it
// has results for, and prints it in every format: a plan's figures, however
// written, must never make a report fail. Reports of years with results
// but no targets are built too, though build does not write them.
func TestEveryPlanAndYear(t *testing.T) {
	plans := allPlans(t)
	fix, others := fixture(t)
	plans = append(plans, fix, others[0])
	built := 0
	for _, p := range plans {
		for _, y := range ResultYears(p) {
			d, err := Build(p, y, plans)
			if err != nil {
				t.Errorf("%s %s: %v", p.ID, y, err)
				continue
			}
			markdown(t, d)
			html(t, d)
			if err := pdf.Write(io.Discard, d); err != nil {
				t.Errorf("%s %s: pdf: %v", p.ID, y, err)
			}
			built++
		}
	}
	if built < 5 {
		t.Errorf("only %d reports built", built)
	}
}

// TestCommentary checks the plan's own account of the year is printed,
// and only that year's.
func TestCommentary(t *testing.T) {
	p, others := fixture(t)
	d, err := Build(p, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	var c *doc.Section
	d.Walk(func(s *doc.Section) {
		if s.ID == SectionCommentary {
			c = s
		}
	})
	if c == nil || len(c.Sections) != 1 || c.Sections[0].ID != "summary-2" || c.Sections[0].Level != 2 || c.Appendix {
		t.Fatalf("commentary section: %+v", c)
	}
	md := string(markdown(t, d))
	if !strings.Contains(md, "gun enabled crime has reduced by 12.8%") || strings.Contains(md, "Not this year's account") {
		t.Error("the commentary is not the 2006/07 account")
	}
	// The plan's reports entry names the section: without it, a section
	// titled like an account is not taken for one.
	q := *p
	q.Reports = nil
	if d, err = Build(&q, 2006, others); err != nil {
		t.Fatal(err)
	}
	d.Walk(func(s *doc.Section) {
		if s.ID == SectionCommentary {
			t.Error("a commentary the plan does not name")
		}
	})
	p.Sections = nil
	d, err = Build(p, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	d.Walk(func(s *doc.Section) {
		if s.ID == SectionCommentary {
			t.Error("a commentary without a plan section")
		}
	})
}

// TestCountsReadAsEnglish: a count agrees with its verb, one or many.
func TestCountsReadAsEnglish(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 are unassessed"}, {1, "1 is unassessed"}, {2, "2 are unassessed"}} {
		if got := count(tt.n, "is unassessed", "are unassessed"); got != tt.want {
			t.Errorf("count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	// In a report: the fixture has one critical performance area of each
	// of these once its others are removed.
	p, others := fixture(t)
	q := *p
	q.Measures = nil
	for _, m := range p.Measures {
		if m.ID == "victim-satisfaction" || m.ID == "counter-terrorism-pi" {
			q.Measures = append(q.Measures, m)
		}
	}
	d, err := Build(&q, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	want := "Of the 2 critical performance areas with a target or result for 2006/07, **0 met their target or are on track**, **1 did not or is off track**, and **1 is unassessed**"
	if md := string(markdown(t, d)); !strings.Contains(md, want) {
		t.Errorf("the summary does not read %q", want)
	}
}

// TestTrendChangeTargets: a target of change on a measure of levels is
// not a point on the trend's axis, so it is stated in the trend's table
// and text, not left blank.
func TestTrendChangeTargets(t *testing.T) {
	p, others := fixture(t)
	d, err := Build(p, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	var c *doc.Chart
	d.Walk(func(s *doc.Section) {
		for _, b := range s.Blocks {
			if x, ok := b.(*doc.Chart); ok && x.ID == "trend-asset-cases" {
				c = x
			}
		}
	})
	if c == nil {
		t.Fatal("no trend of the asset seizure cases")
	}
	last := c.Data.Rows[len(c.Data.Rows)-1].Cells
	if last[0] != "2006/07" || !slices.Contains(last, "20% increase") || !strings.Contains(c.Alt, "516 in 2006/07, target 20% increase") {
		t.Errorf("trend: row %q, alt %q", last, c.Alt)
	}
	if len(c.Series) > 1 && !c.Series[1].Values[len(c.Series[1].Values)-1].Missing {
		t.Error("the change target is drawn as a level")
	}
}
