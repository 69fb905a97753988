package plandoc

import (
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// TestPlace: a placement marker puts the table, chart or list it names
// where it stands, between the paragraphs around it, and a section the
// move empties goes; a marker that cannot be placed is an error at the
// marker, with the closest name.
func TestPlace(t *testing.T) {
	gap := &doc.Table{ID: "gap-table"}
	top := func() []*doc.Section {
		return []*doc.Section{
			{ID: "budget", Level: 1, Blocks: []doc.Block{&doc.Text{Markdown: "The following table:\n\n{{place: gap-table}}\n\nThe budget therefore falls short.\n\n{{place: five-ps-items}}"}},
				Sections: []*doc.Section{
					{ID: "table-gap", Level: 2, Blocks: []doc.Block{gap}},
					{ID: "risks", Level: 2, Blocks: []doc.Block{&doc.Text{Markdown: "Risks"}, &doc.Table{ID: "risks-table"}}},
				}},
			{ID: "five-ps", Level: 1, Blocks: []doc.Block{&doc.List{ID: "five-ps-items"}, &doc.Text{Markdown: "The 5 Ps are:\n{{place: risks-table}}\n"}}},
			{ID: "summary", Level: 1, Blocks: []doc.Block{&doc.Chart{ID: "trend-chart"}, &doc.Text{Markdown: "As the chart shows:\n\n{{place: trend-chart}}"}}},
		}
	}
	at := func(line int) plan.Pos { return plan.Pos{File: "budget.yaml", Line: line, Col: 5} }
	mark := func(line int, id string) plan.Placement { return plan.Placement{At: at(line), Part: id} }
	all := []plan.Placement{mark(3, "gap-table"), mark(7, "five-ps-items"), mark(9, "risks-table"), mark(11, "trend-chart")}

	out, diags := place(top(), all, nil, nil)
	if len(diags) > 0 {
		t.Fatalf("unexpected problems: %v", diags)
	}
	got := blocksTree(out)
	want := "budget[text:The following table: table:gap-table text:The budget therefore falls short. list:five-ps-items risks] " +
		"risks[text:Risks] five-ps[text:The 5 Ps are: table:risks-table] summary[text:As the chart shows: chart:trend-chart]"
	if got != want {
		t.Errorf("placed\n got %s\nwant %s", got, want)
	}
	if out[0].Blocks[1] != gap && out[0].Blocks[1].(*doc.Table).ID != "gap-table" {
		t.Error("the table was not moved")
	}

	for _, tt := range []struct {
		name       string
		placements []plan.Placement
		outline    []plan.OutlineEntry
		want       []string
		hint       string
	}{
		{name: "unknown", placements: []plan.Placement{mark(3, "gap-tabel")},
			want: []string{`budget.yaml:3:5: error: the placement marker names "gap-tabel", which is no table, chart or list of the document`}, hint: `did you mean "gap-table"?`},
		{name: "twice", placements: []plan.Placement{mark(3, "gap-table"), mark(9, "gap-table")},
			want: []string{`budget.yaml:9:5: error: "gap-table" is placed twice: a marker at budget.yaml:3:5 places it already; keep one`}},
		{name: "and by the outline", placements: []plan.Placement{mark(3, "gap-table")},
			outline: []plan.OutlineEntry{{At: plan.Pos{File: "outline.yaml", Line: 2, Col: 3}, Part: "five-ps", Parts: []plan.OutlineEntry{{At: plan.Pos{File: "outline.yaml", Line: 3, Col: 5}, Part: "gap-table"}}}},
			want:    []string{`budget.yaml:3:5: error: "gap-table" is placed twice: the outline places it too (outline.yaml:3:5); keep one`}},
		{name: "not in paragraphs", placements: []plan.Placement{mark(3, "gap-table"), mark(20, "risks-table"), mark(21, "trend-chart")},
			want: []string{`budget.yaml:20:5: error: the placement marker for "risks-table" stands in text printed as one value`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ss := top()
			if tt.name == "not in paragraphs" {
				ss[1].Blocks = ss[1].Blocks[:1] // the marker for risks-table is in no text
			}
			_, diags := place(ss, tt.placements, tt.outline, nil)
			var msgs []string
			for _, d := range diags {
				msgs = append(msgs, d.Error())
			}
			if len(msgs) != len(tt.want) {
				t.Fatalf("problems\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(tt.want, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(msgs[i], w) {
					t.Errorf("problem\n got %s\nwant %s", msgs[i], w)
				}
			}
			if tt.hint != "" && diags[0].Hint != tt.hint {
				t.Errorf("hint %q, want %q", diags[0].Hint, tt.hint)
			}
		})
	}
}

// blocksTree prints every section, depth first, with its blocks (text by
// its first line, parts by ID) and the IDs of its subsections.
func blocksTree(ss []*doc.Section) string {
	var parts []string
	walkSections(ss, func(s *doc.Section) {
		var in []string
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *doc.Text:
				first, _, _ := strings.Cut(b.Markdown, "\n")
				in = append(in, "text:"+first)
			case *doc.Table:
				in = append(in, "table:"+b.ID)
			case *doc.Chart:
				in = append(in, "chart:"+b.ID)
			case *doc.List:
				in = append(in, "list:"+b.ID)
			}
		}
		for _, c := range s.Sections {
			in = append(in, c.ID)
		}
		parts = append(parts, s.ID+"["+strings.Join(in, " ")+"]")
	})
	return strings.Join(parts, " ")
}

// TestPlaceActivityLists: a group's label goes with its list when the list
// is placed under its objective's lead-in, and a part whose every list was
// placed (its year's section, then Key activities itself) goes with it; a
// list not placed keeps its label.
func TestPlaceActivityLists(t *testing.T) {
	top := func() ([]*doc.Section, map[doc.Block]string) {
		la, lb := &doc.Text{Markdown: "**Build confidence**"}, &doc.Text{Markdown: "**Lead and manage**"}
		return []*doc.Section{
			{ID: "objective-a", Level: 2, Blocks: []doc.Block{&doc.Text{Markdown: "These are the key areas:\n\n{{place: activities-2010-11-a}}"}}},
			{ID: "objective-b", Level: 2, Blocks: []doc.Block{&doc.Text{Markdown: "These are the things:\n\n{{place: activities-2010-11-b}}\n\nMore."}}},
			{ID: "key-activities", Level: 1, Sections: []*doc.Section{
				{ID: "activities-2010-11", Level: 2, Blocks: []doc.Block{la, &doc.List{ID: "activities-2010-11-a"}, lb, &doc.List{ID: "activities-2010-11-b"}}},
			}},
		}, map[doc.Block]string{la: "activities-2010-11-a", lb: "activities-2010-11-b"}
	}
	at := plan.Pos{File: "plan.yaml", Line: 3, Col: 7}
	for _, tt := range []struct {
		name   string
		places []string
		want   string
	}{
		{"all placed", []string{"activities-2010-11-a", "activities-2010-11-b"},
			"objective-a[text:These are the key areas: list:activities-2010-11-a] objective-b[text:These are the things: list:activities-2010-11-b text:More.]"},
		{"one placed", []string{"activities-2010-11-a"},
			"objective-a[text:These are the key areas: list:activities-2010-11-a] objective-b[text:These are the things:] " +
				"key-activities[activities-2010-11] activities-2010-11[text:**Lead and manage** list:activities-2010-11-b]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ss, leads := top()
			var ps []plan.Placement
			for _, id := range tt.places {
				ps = append(ps, plan.Placement{At: at, Part: id})
			}
			if len(tt.places) == 1 {
				// The unplaced marker is text only: take it out.
				ss[1].Blocks[0] = &doc.Text{Markdown: "These are the things:\n\nMore."}
			}
			out, diags := place(ss, ps, nil, leads)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			if got := blocksTree(out); got != tt.want {
				t.Errorf("placed\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestActivitiesUnderLeadIns: in 2010-13 every objective's key areas for
// 2010/11 follow its lead-in ("These are some of the key areas ...:"), as
// the source prints them, and no empty Key activities part is left.
func TestActivitiesUnderLeadIns(t *testing.T) {
	p, d := buildSeed(t, "2010-13")
	found := map[string]bool{}
	walkSections(d.Sections, func(s *doc.Section) {
		if s.ID == SectionActivities {
			t.Errorf("a Key activities part is printed: %s", blocksTree([]*doc.Section{s}))
		}
		for i, bl := range s.Blocks {
			l, ok := bl.(*doc.List)
			if !ok || !strings.HasPrefix(l.ID, "activities-") {
				continue
			}
			found[l.ID] = true
			lead, _ := s.Blocks[max(i-1, 0)].(*doc.Text)
			if s.ID != "objective-"+strings.TrimPrefix(l.ID, "activities-2010-11-") || i == 0 || lead == nil || !strings.HasSuffix(lead.Markdown, ":") {
				t.Errorf("%s is in %s, not under its objective's lead-in", l.ID, s.ID)
			}
		}
	})
	for _, o := range p.Objectives {
		if !found["activities-2010-11-"+o.ID] {
			t.Errorf("objective %s's activities are not printed", o.ID)
		}
	}
}
