package plan_test

import (
	"reflect"
	"strings"
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
// quoted string, the same marker twice at each of its places. A marker is
// found on the first line at or after its value's that holds it; one the
// file does not hold as written (an escape in a quoted string) is placed
// at its value.
func TestPlacementPositions(t *testing.T) {
	at := func(line, col int) plan.Pos { return plan.Pos{File: "p/plan.yaml", Line: line, Col: col} }
	tests := []struct {
		name, yaml string
		want       []plan.Placement
	}{
		{"block and quoted", "id: p\nsummary: |\n  Lead-in:\n\n  {{place: gap}}\n\n  More.\n\n  {{place: gap}}\nsections:\n  - {id: s, title: S, body: \"The list:\\n\\n{{place: s-items}}\\n\"}\n",
			[]plan.Placement{{At: at(5, 3), Part: "gap"}, {At: at(9, 3), Part: "gap"}, {At: at(11, 43), Part: "s-items"}}},
		{"escaped, and inside a line", "id: p\nsummary: |\n  {{place: a}}\n\n  x {{place: b}}\nsections:\n  - {id: s, title: S, body: \"\\u007b{place: c}}\"}\n",
			[]plan.Placement{{At: at(3, 3), Part: "a"}, {At: at(7, 29), Part: "c"}}},
	}
	for _, tt := range tests {
		p, diags := plan.LoadFS(fstest.MapFS{"p/plan.yaml": {Data: []byte(tt.yaml)}}, "p", plan.LoadOptions{})
		if p == nil {
			t.Fatalf("%s: no plan", tt.name)
		}
		if !reflect.DeepEqual(p.Placements, tt.want) {
			t.Errorf("%s: placements\n got %+v\nwant %+v", tt.name, p.Placements, tt.want)
		}
		// A marker inside a line is reported where that line's text starts.
		reported := 0
		for _, d := range diags {
			if d.Rule == "placement" {
				reported++
				if d.Pos != at(5, 3) || d.Message != "a placement marker must be a line of its own" {
					t.Errorf("%s: placement diagnostic %v: %s", tt.name, d.Pos, d.Message)
				}
			}
		}
		if want := strings.Count(tt.yaml, "x {{"); reported != want {
			t.Errorf("%s: %d placement diagnostics, want %d: %v", tt.name, reported, want, diags)
		}
	}
}
