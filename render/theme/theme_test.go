package theme

import (
	"reflect"
	"testing"

	"github.com/mpsplan/mpsplan/render/chart"
)

// TestChartPalette: the default theme draws charts in render/chart's
// default palette, unchanged; a theme's chart colours colour the series in
// order, the first two a result and its target, and its text and muted
// colours the labels and axes.
func TestChartPalette(t *testing.T) {
	if got := Default().ChartPalette(); !reflect.DeepEqual(got, chart.Default) {
		t.Errorf("default theme: palette %+v, want chart.Default", got)
	}
	th := Default()
	th.Colours.Chart = []Colour{{0, 61, 42}, {217, 115, 26}, {59, 47, 122}}
	th.Colours.Text = Colour{32, 32, 32}
	th.Colours.Muted = Colour{77, 77, 77}
	p := th.ChartPalette()
	want := []string{"#003D2A", "#D9731A", "#3B2F7A"}
	for i, c := range p.Categorical {
		if i >= len(want) || c.Hex() != want[i] {
			t.Fatalf("categorical %v, want %v", p.Categorical, want)
		}
	}
	if p.Result.Hex() != want[0] || p.Target.Hex() != want[1] || p.Text.Hex() != "#202020" || p.Muted.Hex() != "#4D4D4D" || p.Axis != p.Muted {
		t.Errorf("palette %+v", p)
	}
	if chart.Default.Categorical[0].Hex() != "#12436D" {
		t.Error("a theme's palette changed the default one")
	}
	if probs := th.Colours.Check(); len(probs) != 0 {
		t.Errorf("an accessible palette reported: %v", probs)
	}
	th.Colours.Chart = append(th.Colours.Chart, Colour{90, 79, 160})
	if probs := th.Colours.Check(); len(probs) != 1 || probs[0].Slot != "chart" || probs[0].Index != 3 {
		t.Errorf("neighbours 1.6:1 apart: problems %+v", probs)
	}
}
