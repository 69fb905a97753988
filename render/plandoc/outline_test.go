package plandoc

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// seedsDir finds the source documents (the shared seeds folder beside the
// repository, or MPSPLAN_SEEDS); "" when they are not on this machine.
func seedsDir() string {
	if d := os.Getenv("MPSPLAN_SEEDS"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	for _, d := range []string{filepath.Join(root, "..", "shared", "seeds"), filepath.Join(root, "..", "..", "shared", "seeds")} {
		if _, err := os.Stat(d); err == nil {
			return d
		}
	}
	return ""
}

// heading is a top-level part of a plan's document and the words its
// source prints at that part, in the source file named.
type heading struct{ id, seed, words string }

const (
	seed2008 = "000_45bcaa74c00314fc.txt"
	seed2010 = "001_82891739ebda29b1.txt"
	seed2007 = "002_f7de03162f57584f.txt"
	seedRep7 = "003_ea954719954d59dd.txt"
	seedDraf = "004_cbd0c441336dcafe.txt"
)

// sourceOrder is, per plan, its top-level headings in the order its
// outline gives and the words of its source at each.
var sourceOrder = map[string][]heading{
	"2010-13": {
		{"london-policing-context", seed2010, "Section 1 - The London Policing Context"},
		{"responding-to-priorities", seed2010, "Section 2- Responding to priorities"},
		{"budget", seed2010, "Section 3 - Using our Resources Effectively"},
		{"managing-our-performance", seed2010, "Section 4 - Managing our Performance"},
	},
	"2008-11": {
		{"summary", seed2008, "Executive Summary"},
		{"outcomes", seed2008, "- Crime, disorder, vulnerability and harm are prevented and reduced"},
		{"objectives", seed2008, "## Corporate objectives 2008-11"},
		{"key-activities", seed2008, "Working across boundaries"},
		{"performance", seed2008, "Gun enabled crime rate"},
		{"continuous-improvement", seed2008, "## Continuous improvement"},
		{"mission-and-values", seed2008, "## Values"},
		{"budget", seed2008, "## MPS/MPA budget"},
		{"how-it-fits", seed2008, "## How it all fits together"},
	},
	"2007-10": {
		{"user-guide", seed2007, "User Guide"},
		{"summary", seed2007, "Joint Foreword"},
		{"mpa-introduction", seed2007, "Introduction to the Metropolitan Police Authority"},
		{"mission-and-values", seed2007, "Our values"},
		{"part-1", seed2007, "Part 1: Policing London Strategy"},
		{"part-2", seed2007, "Part 2: Policing London Plan"},
		{"part-3", seed2007, "Part 3: Delivering the plan"},
		{"part-4", seed2007, "Part 4: Making best use of resources"},
		{"appendix-1", seed2007, "Appendix 1: 2007/08 Objectives, measures and targets"},
		{"appendix-3", seed2007, "Appendix 3: Policing priority background information"},
		{"appendix-4", seed2007, "Appendix 4: How we did during 2006/07"},
		{"further-copies", seed2007, "Further copies and alternative languages"},
		{"contacts", seed2007, "Contacts"},
	},
	"2006-09-draft": {
		{"foreword", seedDraf, "Foreword:"},
		{"mission-and-values", seedDraf, "Our Values"},
		{"purpose-and-building", seedDraf, "Purpose & Building of the Corporate Strategy"},
		{"strategy-overview", seedDraf, "Our Mission: Working Together for a Safer London"},
		{"priority-descriptions", seedDraf, "Descriptions of Strategic Priorities"},
		{"strategic-outcomes", seedDraf, "Strategic Outcomes"},
		{"delivery", seedDraf, "Delivery of the Corporate Strategy"},
	},
	// Report 7 approves the strategy of the September 2005 draft
	// ("essentially unchanged"), which follows the report; how the year
	// went is Appendix 4 of the next year's strategy.
	"2006-09": {
		{"summary", seedRep7, "Summary"},
		{"recommendations", seedRep7, "A. Recommendation"},
		{"supporting-information", seedRep7, "B. Supporting information"},
		{"corporate-strategy", seedRep7, "Corporate Strategy"},
		{"annual-policing-plan", seedRep7, "Annual Policing Plan 2006/07 - Operational Objectives and Targets"},
		{"met-modernisation-programme", seedRep7, "Met Modernisation Programme"},
		{"efficiency-value-for-money", seedRep7, "Efficiency and value for money"},
		{"race-equality-impact", seedRep7, "C. Race and equality impact"},
		{"financial-implications", seedRep7, "D. Financial implications"},
		{"background-papers", seedRep7, "E. Background papers"},
		{"contact-details", seedRep7, "F. Contact details"},
		{"mission-and-values", seedDraf, "Our Values"},
		{"purpose-and-building", seedDraf, "Purpose & Building of the Corporate Strategy"},
		{"strategy-overview", seedDraf, "Our Mission: Working Together for a Safer London"},
		{"priority-descriptions", seedDraf, "Descriptions of Strategic Priorities"},
		{"strategic-outcomes", seedDraf, "Strategic Outcomes"},
		{"delivery", seedDraf, "Delivery of the Corporate Strategy"},
		{"how-we-did-2006-07", seed2007, "Appendix 4: How we did during 2006/07"},
		{"inspections", seed2007, "Inspections by Her Majesty's Inspectorate of Constabularies (HMIC)"},
	},
}

// TestSourceOrder: every plan's top-level headings come out in the order
// of its outline, and (where the sources are on the machine) that is the
// order its source prints them in.
func TestSourceOrder(t *testing.T) {
	seeds := seedsDir()
	if seeds == "" {
		t.Log("source documents not found (set MPSPLAN_SEEDS): document order checked, source order not")
	}
	for id, want := range sourceOrder {
		t.Run(id, func(t *testing.T) {
			_, d := buildSeed(t, id)
			var got []string
			for _, s := range d.Sections {
				got = append(got, s.ID)
			}
			var ids []string
			for _, h := range want {
				ids = append(ids, h.id)
			}
			if strings.Join(got, " ") != strings.Join(ids, " ") {
				t.Errorf("top-level parts\n got %v\nwant %v", got, ids)
			}
			if seeds == "" {
				return
			}
			at := map[string]int{} // how far each source has been read
			for _, h := range want {
				b, err := os.ReadFile(filepath.Join(seeds, h.seed))
				if err != nil {
					t.Fatal(err)
				}
				i := strings.Index(string(b[at[h.seed]:]), h.words)
				if i < 0 {
					t.Errorf("%s: %q is not in %s after the previous heading: the outline is not in the source's order", h.id, h.words, h.seed)
					continue
				}
				at[h.seed] += i + len(h.words)
			}
		})
	}
}

// TestOutlineProblems: an outline naming a part the document does not
// have, placing one twice or leaving one out is an error at its line,
// with the closest name.
func TestOutlineProblems(t *testing.T) {
	top := func() []*doc.Section {
		return []*doc.Section{
			{ID: "summary", Title: "Summary", Level: 1},
			{ID: "budget", Title: "Budget", Level: 1, Blocks: []doc.Block{&doc.Table{ID: "gap-table"}},
				Sections: []*doc.Section{{ID: "revenue", Title: "Revenue", Level: 2}, {ID: "capital", Title: "Capital", Level: 2}}},
			{ID: "context", Title: "Context", Level: 1, Blocks: []doc.Block{&doc.Text{Markdown: "the following table:"}}},
			{ID: "objectives", Title: "Objectives", Level: 1, Sections: []*doc.Section{{ID: "o1", Title: "O1", Level: 2}, {ID: "o2", Title: "O2", Level: 2}}},
		}
	}
	at := func(line int) plan.Pos { return plan.Pos{File: "outline.yaml", Line: line, Col: 5} }
	e := func(line int, id string, parts ...plan.OutlineEntry) plan.OutlineEntry {
		return plan.OutlineEntry{At: at(line), Part: id, Parts: parts}
	}
	headless := func(x plan.OutlineEntry) plan.OutlineEntry { x.Headless = true; return x }
	for _, tt := range []struct {
		name    string
		outline []plan.OutlineEntry
		want    []string // messages, in order
		order   string   // the arranged tree, when no problem
	}{
		{name: "reorder and nest", outline: []plan.OutlineEntry{e(1, "context", e(2, "gap-table"), e(3, "capital")), e(4, "budget"), e(5, "summary"), e(6, "objectives")},
			order: "context[text table capital] budget[revenue] summary[] objectives[o1 o2]"},
		{name: "unknown", outline: []plan.OutlineEntry{e(1, "sumary"), e(2, "budget"), e(3, "context"), e(9, "objectives")},
			want: []string{`outline.yaml:1:5: error: the outline leaves out part "summary" (Summary); place it in the outline`, `outline.yaml:1:5: error: the outline names part "sumary", which the document does not have`}},
		// A built part the plan has nothing for is left out, as without an
		// outline; one holding a part the document has is not.
		{name: "built part with nothing", outline: []plan.OutlineEntry{e(1, "budget"), e(2, "key-activities"), e(3, "summary"), e(4, "context"), e(5, "inspections", e(6, "performance")), e(7, "objectives")},
			order: "budget[table revenue capital] summary[] context[text] objectives[o1 o2]"},
		{name: "built part with nothing holds one", outline: []plan.OutlineEntry{e(1, "summary"), e(2, "budget"), e(3, "inspections", e(4, "context")), e(5, "objectives")},
			want: []string{`outline.yaml:1:5: error: the outline leaves out part "context" (Context); place it in the outline`, `outline.yaml:3:5: error: the outline names part "inspections", which the document does not have`}},
		{name: "twice", outline: []plan.OutlineEntry{e(1, "summary"), e(2, "budget"), e(3, "context"), e(4, "summary"), e(5, "objectives")},
			want: []string{`outline.yaml:4:5: error: the outline places part "summary" twice`}},
		{name: "left out of a listed part", outline: []plan.OutlineEntry{e(1, "summary"), e(2, "budget", e(3, "revenue")), e(4, "context"), e(5, "objectives")},
			want: []string{`outline.yaml:2:5: error: the outline leaves out part "capital" (Capital) of "budget", which lists what it holds; place it`}},
		{name: "table at the top", outline: []plan.OutlineEntry{e(1, "gap-table"), e(2, "summary"), e(3, "budget"), e(4, "context"), e(5, "objectives")},
			want: []string{`outline.yaml:1:5: error: "gap-table" is a table or chart: place it inside a section`}},
		{name: "emptied part left out", outline: []plan.OutlineEntry{e(1, "context", e(2, "o1"), e(3, "o2")), e(4, "summary"), e(5, "budget")},
			order: "context[text o1 o2] summary[] budget[table revenue capital]"},
		{name: "without its heading", outline: []plan.OutlineEntry{e(1, "summary"), headless(e(2, "budget", headless(e(3, "objectives")), e(4, "revenue"), e(5, "capital"))), e(6, "context")},
			want: []string{`outline.yaml:2:5: error: part "budget" is at the top of the outline, where it needs its heading`}},
		{name: "contents under the lead-in", outline: []plan.OutlineEntry{e(1, "context", headless(e(2, "objectives"))), e(3, "summary"), e(4, "budget")},
			order: "context[text o1 o2] summary[] budget[table revenue capital]"},
		{name: "headless after a heading", outline: []plan.OutlineEntry{e(1, "summary"), e(2, "budget", e(3, "revenue"), headless(e(4, "context")), e(5, "capital")), e(6, "objectives")},
			want: []string{`outline.yaml:4:5: error: part "context", placed without its heading, would print under "Revenue", not after the text of "Budget"; list it before the parts with headings`}},
		{name: "part not emptied", outline: []plan.OutlineEntry{e(1, "summary"), e(2, "budget"), e(3, "context", e(4, "o1"))},
			want: []string{`outline.yaml:1:5: error: the outline leaves out part "objectives" (Objectives); place it in the outline`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, diags := arrange(top(), tt.outline)
			var msgs []string
			for _, d := range diags {
				msgs = append(msgs, d.Error())
			}
			for i, w := range tt.want {
				if i >= len(msgs) || !strings.HasPrefix(msgs[i], w) {
					t.Errorf("problems\n%s\nwant (in order)\n%s", strings.Join(msgs, "\n"), strings.Join(tt.want, "\n"))
					break
				}
			}
			if len(tt.want) == 0 && len(msgs) > 0 {
				t.Errorf("unexpected problems: %v", msgs)
			}
			if tt.name == "unknown" && (len(diags) < 2 || diags[1].Hint != `did you mean "summary"?`) {
				t.Errorf("no did you mean: %+v", diags)
			}
			if tt.order != "" {
				if got := tree(out); got != tt.order {
					t.Errorf("arranged\n got %s\nwant %s", got, tt.order)
				}
				if out[0].Sections[0].Level != 2 || out[1].Level != 1 {
					t.Error("levels not set from the outline")
				}
			}
		})
	}
}

// tree prints sections with their blocks and children, one level deep.
func tree(ss []*doc.Section) string {
	var parts []string
	for _, s := range ss {
		var in []string
		for _, b := range s.Blocks {
			switch b.(type) {
			case *doc.Text:
				in = append(in, "text")
			case *doc.Table:
				in = append(in, "table")
			}
		}
		for _, c := range s.Sections {
			in = append(in, c.ID)
		}
		parts = append(parts, s.ID+"["+strings.Join(in, " ")+"]")
	}
	return strings.Join(parts, " ")
}

// TestHeadlessParts: 2007-10 places its outcomes and priorities without
// their built headings ({part: outcomes, heading: false}), so each follows
// its lead-in under the source's one heading ("Strategic Outcomes ... four
// strategic outcomes as follows:"), not under a second, built one.
func TestHeadlessParts(t *testing.T) {
	p, d := buildSeed(t, "2007-10")
	titles := map[string]*doc.Section{}
	walkSections(d.Sections, func(s *doc.Section) { titles[strings.ToLower(s.Title)] = s })
	for _, lead := range []string{"strategic outcomes", "strategic priority overview"} {
		s := titles[lead]
		if s == nil || len(s.Sections) < 4 {
			t.Errorf("%q does not hold the parts its lead-in introduces: %v", lead, s)
		}
	}
	if s := titles["strategic priorities"]; s != nil {
		t.Errorf("the built heading %q is printed too", s.Title)
	}
	if n := len(titles["strategic outcomes"].Sections); n != len(p.Outcomes) {
		t.Errorf("Strategic Outcomes holds %d sections, want the %d outcomes", n, len(p.Outcomes))
	}
}
