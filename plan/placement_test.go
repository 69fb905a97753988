package plan_test

import (
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/mpsplan/mpsplan/plan"
)

func TestSplitPlacements(t *testing.T) {
	for _, tt := range []struct {
		name, md string
		want     []plan.Piece
	}{
		{"no marker", "One.\n\nTwo.\n", []plan.Piece{{Markdown: "One.\n\nTwo."}}},
		{"between paragraphs", "The following table:\n\n{{place: gap}}\n\nAfter.", []plan.Piece{{Markdown: "The following table:"}, {Part: "gap"}, {Markdown: "After."}}},
		{"spaces inside, trailing blanks", "Lead-in:\n{{ place:gap }}  \n", []plan.Piece{{Markdown: "Lead-in:"}, {Part: "gap"}}},
		{"first and two in a row", "{{place: a}}\n{{place: b}}\nText", []plan.Piece{{Part: "a"}, {Part: "b"}, {Markdown: "Text"}}},
		{"indented is not a marker", "- item\n\n  {{place: a}}", []plan.Piece{{Markdown: "- item\n\n  {{place: a}}"}}},
		{"inside a sentence is not a marker", "See {{place: a}}.", []plan.Piece{{Markdown: "See {{place: a}}."}}},
	} {
		if got := plan.SplitPlacements(tt.md); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestPlacementPositions: the loader records each marker of any Markdown
// value at its line and column in the file, in a literal block or a
// quoted string, the same marker twice at each of its places.
func TestPlacementPositions(t *testing.T) {
	yaml := "id: p\nsummary: |\n  Lead-in:\n\n  {{place: gap}}\n\n  More.\n\n  {{place: gap}}\nsections:\n  - {id: s, title: S, body: \"The list:\\n\\n{{place: s-items}}\\n\"}\n"
	p, _ := plan.LoadFS(fstest.MapFS{"p/plan.yaml": {Data: []byte(yaml)}}, "p", plan.LoadOptions{})
	if p == nil {
		t.Fatal("no plan")
	}
	want := []plan.Placement{
		{At: plan.Pos{File: "p/plan.yaml", Line: 5, Col: 3}, Part: "gap"},
		{At: plan.Pos{File: "p/plan.yaml", Line: 9, Col: 3}, Part: "gap"},
		{At: plan.Pos{File: "p/plan.yaml", Line: 11, Col: 43}, Part: "s-items"},
	}
	if !reflect.DeepEqual(p.Placements, want) {
		t.Errorf("placements\n got %+v\nwant %+v", p.Placements, want)
	}
}
