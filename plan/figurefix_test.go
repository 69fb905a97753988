package plan

import "testing"

// TestFigureFix: a figure mistyped in a way that has one reading gets
// that reading as its fix; words the sources print, and figures whose
// reading is unclear, get none.
func TestFigureFix(t *testing.T) {
	tests := []struct {
		text string
		unit Unit
		want string // "" for no fix
	}{
		{"82.5 %", "", "82.5%"},
		{"82.5\u00a0%", UnitPercent, "82.5%"},
		{"£3.56 bn", UnitMoney, "£3.56bn"},
		{"£ 241.1m", "", "£241.1m"},
		{"- 3%", "", "-3%"},
		{"1 060 930", UnitNumber, "1060930"},
		{"1.060.930", UnitNumber, "1,060,930"},
		{"£1.200.000", UnitMoney, "£1,200,000"},
		{"85,5%", UnitPercent, "85.5%"},
		{"-3,25%", "", "-3.25%"},
		{"3.5bn", UnitMoney, "£3.5bn"},
		{"-241.1m", UnitMoney, "-£241.1m"},
		{"1,200m", UnitMoney, "£1,200m"},
		// No fix: words, figures with more than a number, unclear readings.
		{"3.5bn", "", ""},            // money only where money is wanted
		{"1.2m", UnitNumber, ""},     // 1.2 million what?
		{"1.060", UnitNumber, ""},    // a decimal already: nothing to fix
		{"1.060.930", UnitMoney, ""}, // a count, not money
		{"82.5 %", UnitNumber, ""},   // the fix is a percentage
		{"N/A", "", ""},
		{"Monitor", UnitPercent, ""},
		{"61.9% 2005/06", UnitPercent, ""},
		{"13.3%/26%", UnitPercent, ""},
		{"2 of 3", UnitNumber, ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		got, ok := figureFix(tt.text, tt.unit)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("figureFix(%q, %q) = %q, %v; want %q", tt.text, tt.unit, got, ok, tt.want)
		}
	}
}
