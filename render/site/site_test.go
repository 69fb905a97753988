package site

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/internal/testplans"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/plandoc"
	"github.com/mpsplan/mpsplan/render/report"
)

var buildDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// published lays out every real plan and its reports, as a build does.
func published(t testing.TB) []Published {
	t.Helper()
	all := testplans.Load(t)
	var pubs []Published
	for _, p := range all {
		d, err := plandoc.Build(p, plandoc.Options{Date: buildDate})
		if err != nil {
			t.Fatal(err)
		}
		pub := Published{Plan: p, Doc: d}
		for _, y := range report.Years(p) {
			rd, err := report.BuildWith(p, y, plan.Related(p, all), plandoc.Options{Date: buildDate})
			if err != nil {
				t.Fatal(err)
			}
			pub.Reports = append(pub.Reports, Report{Year: y, Doc: rd})
		}
		pubs = append(pubs, pub)
	}
	return pubs
}

func buildSite(t testing.TB) (*Site, []Published) {
	t.Helper()
	pubs := published(t)
	s, err := Build(pubs, Options{Formats: []string{"md", "html", "pdf"}, Date: buildDate, Publisher: "Metropolitan Police Authority",
		Licence: &Licence{Name: "OGL-UK-3.0", Title: "Open Government Licence v3.0", Path: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}})
	if err != nil {
		t.Fatal(err)
	}
	return s, pubs
}

func page(s *Site, path string) *doc.Document {
	for _, p := range s.Pages {
		if p.Path == path {
			return p.Doc
		}
	}
	return nil
}

// markdownOf is every Text block of d, joined.
func markdownOf(d *doc.Document) string {
	var b strings.Builder
	d.Walk(func(s *doc.Section) {
		for _, bl := range s.Blocks {
			if t, ok := bl.(*doc.Text); ok {
				b.WriteString(t.Markdown + "\n")
			}
		}
	})
	return b.String()
}

// tableText is every cell of every table of d, joined.
func tableText(d *doc.Document) string {
	var b strings.Builder
	d.Walk(func(s *doc.Section) {
		for _, bl := range s.Blocks {
			if t, ok := bl.(*doc.Table); ok {
				for _, r := range t.Rows {
					b.WriteString(strings.Join(r.Cells, "\t") + "\n")
				}
			}
		}
	})
	return b.String()
}

// TestIndex: the index lists every plan, newest first, with its period,
// status in the title block's words ("status: Proposed, no approval
// recorded", never the YAML's "proposed") and formats, drafts marked; and
// every report.
func TestIndex(t *testing.T) {
	s, pubs := buildSite(t)
	idx := page(s, IndexFile)
	if idx == nil {
		t.Fatal("no index page")
	}
	md := markdownOf(idx)
	last := -1
	var prev *plan.Plan
	for _, p := range newestFirst(pubs) {
		link := "(" + p.Plan.ID + "/" + p.Plan.ID + ".html)"
		at := strings.Index(md, link)
		if at < 0 {
			t.Errorf("the index does not link %s", link)
			continue
		}
		if at < last {
			t.Errorf("%s is listed before %s, which is older", prev.ID, p.Plan.ID)
		}
		last, prev = at, p.Plan
		line := md[strings.LastIndex(md[:at], "\n")+1:]
		line = line[:strings.Index(line, "\n")]
		for _, want := range []string{period(p.Plan), "status: " + p.Plan.Status.Label(), p.Plan.ID + ".pdf)", p.Plan.ID + ".md)", p.Plan.ID + ".csv)", p.Plan.ID + ".json)"} {
			if !strings.Contains(line, want) {
				t.Errorf("%s's entry lacks %q: %s", p.Plan.ID, want, line)
			}
		}
		if draft := strings.HasPrefix(line, "- **Draft**"); draft != (p.Plan.Status == "draft") {
			t.Errorf("%s (status %s) marked draft: %v", p.Plan.ID, p.Plan.Status, draft)
		}
		for _, r := range p.Reports {
			if !strings.Contains(md, "("+p.Plan.ID+"/"+r.Doc.ID+".html)") {
				t.Errorf("the index does not link report %s", r.Doc.ID)
			}
		}
	}
}

// TestMeasurePages: every measure of an approved plan has a page named by
// its ID, with a row for every target and result each plan gives it.
func TestMeasurePages(t *testing.T) {
	s, pubs := buildSite(t)
	for _, p := range approvedPlans(pubs) {
		for _, m := range p.Measures {
			d := page(s, "measures/"+m.ID+".html")
			if d == nil {
				t.Errorf("%s: no page for measure %s", p.ID, m.ID)
				continue
			}
			var figures *doc.Table
			d.Walk(func(sec *doc.Section) {
				if sec.Title == "Targets and results" {
					figures = sec.Blocks[0].(*doc.Table)
				}
			})
			if figures == nil {
				t.Fatalf("measure %s: no table of targets and results", m.ID)
			}
			for _, r := range m.Results {
				want := []string{r.Year.String(), unbroken(p.ID)}
				if !slices.ContainsFunc(figures.Rows, func(row doc.Row) bool {
					return row.Cells[0] == want[0] && row.Cells[1] == want[1] && strings.HasPrefix(row.Cells[3], r.Value.Text)
				}) {
					t.Errorf("measure %s: no row for %s's result %s in %s", m.ID, p.ID, r.Value.Text, r.Year)
				}
			}
			if m.Baseline != nil && !strings.Contains(markdownOf(d)+tableText(d), m.Baseline.Value.Text+" (") {
				t.Errorf("measure %s: %s's baseline %s is not on its page", m.ID, p.ID, m.Baseline.Value.Text)
			}
			for _, tg := range m.Targets {
				if !slices.ContainsFunc(figures.Rows, func(row doc.Row) bool {
					return row.Cells[0] == tg.Year.String() && row.Cells[1] == unbroken(p.ID) && row.Cells[2] == tg.Text
				}) {
					t.Errorf("measure %s: no row for %s's target %q in %s", m.ID, p.ID, tg.Text, tg.Year)
				}
			}
		}
	}
}

// TestMeasureChart: a measure with results in several years is drawn with
// the plans' chart model, one label a year, the later plan's figure
// winning a year two plans give.
func TestMeasureChart(t *testing.T) {
	s, _ := buildSite(t)
	charts := 0
	for _, pg := range s.Pages {
		pg.Doc.Walk(func(sec *doc.Section) {
			for _, b := range sec.Blocks {
				c, ok := b.(*doc.Chart)
				if !ok {
					continue
				}
				charts++
				if c.Kind != doc.ChartTrend || c.Data == nil || c.Alt == "" || c.Axis == nil {
					t.Errorf("%s: chart %s lacks its kind, data, text alternative or axis", pg.Path, c.ID)
				}
				for _, sr := range c.Series {
					if len(sr.Values) != len(c.Labels) {
						t.Errorf("%s: series %s has %d values for %d labels", pg.Path, sr.Name, len(sr.Values), len(c.Labels))
					}
				}
			}
		})
	}
	if charts < 10 {
		t.Errorf("only %d measure charts", charts)
	}
	d := page(s, "measures/victim-satisfaction.html")
	var c *doc.Chart
	d.Walk(func(sec *doc.Section) {
		for _, b := range sec.Blocks {
			if ch, ok := b.(*doc.Chart); ok {
				c = ch
			}
		}
	})
	if c == nil {
		t.Fatal("victim-satisfaction has no chart")
	}
	for i, l := range c.Labels {
		if l == "2006/07" && c.Data.Rows[i].Cells[len(c.Data.Rows[i].Cells)-1] != unbroken("2007-10")+"; target: "+unbroken("2006-09") {
			t.Errorf("2006/07 of victim-satisfaction is taken from %q, want the later plan's result and the year's own target",
				c.Data.Rows[i].Cells[len(c.Data.Rows[i].Cells)-1])
		}
	}
}

// TestReservedID: a plan whose ID is one of the site's names is refused.
func TestReservedID(t *testing.T) {
	pubs := published(t)[:1]
	p := *pubs[0].Plan
	p.ID = MeasuresDir
	pubs[0].Plan = &p
	if _, err := Build(pubs, Options{}); err == nil || !strings.Contains(err.Error(), "measures") {
		t.Errorf("a plan named measures: %v", err)
	}
}

func TestOwns(t *testing.T) {
	for _, tt := range []struct {
		rel  string
		want bool
	}{
		{"index.html", true},
		{"datapackage.json", true},
		{"figures.csv", true},
		{"measures/gun-crime.html", true},
		{"measures/.x.html", false},
		{"measures", false},
		{"2008-11/2008-11.csv", true},
		{"2008-11/2008-11.json", true},
		{"2008-11/2007-10.csv", false},
		{"2008-11/2008-11.html", false},
		{"a/b/c.html", false},
		{"other.html", false},
	} {
		if got := Owns(tt.rel); got != tt.want {
			t.Errorf("Owns(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

// TestDeterministic: the same plans give the same site.
func TestDeterministic(t *testing.T) {
	a, _ := buildSite(t)
	b, _ := buildSite(t)
	if len(a.Pages) != len(b.Pages) || len(a.Files) != len(b.Files) {
		t.Fatal("two builds differ in their files")
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || string(a.Files[i].Data) != string(b.Files[i].Data) {
			t.Errorf("%s differs between two builds", a.Files[i].Path)
		}
	}
	for i := range a.Pages {
		if a.Pages[i].Path != b.Pages[i].Path || markdownOf(a.Pages[i].Doc) != markdownOf(b.Pages[i].Doc) {
			t.Errorf("%s differs between two builds", a.Pages[i].Path)
		}
	}
}
