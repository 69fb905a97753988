package plandoc

import (
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// AxisFor is the value axis of figures in unit u whose largest size is
// most: what it measures and how its ticks print, as the plans print
// figures (82.5%, 1pp, £241.1m, £3.56bn, 1,060,930). Money is held in
// pounds, so an axis of millions divides by 10^6.
func AxisFor(u plan.Unit, most plan.Decimal) *doc.Axis {
	switch u {
	case plan.UnitPercent:
		return &doc.Axis{Title: "Percent", Suffix: "%"}
	case plan.UnitPoints:
		return &doc.Axis{Title: "Percentage points", Suffix: "pp"}
	case plan.UnitMoney:
		switch m := most.Abs(); {
		case m.Cmp(plan.DecimalFromInt(1_000_000_000)) >= 0:
			return &doc.Axis{Title: "£ billion", Prefix: "£", Suffix: "bn", Exp: 9}
		case m.Cmp(plan.DecimalFromInt(1_000_000)) >= 0:
			return &doc.Axis{Title: "£ million", Prefix: "£", Suffix: "m", Exp: 6}
		}
		return &doc.Axis{Title: "Pounds", Prefix: "£"}
	case plan.UnitNumber:
		return &doc.Axis{Title: "Number"}
	}
	return nil
}

// Largest returns the figure of greatest size among ds (zero for none).
func Largest(ds ...plan.Decimal) plan.Decimal {
	m := plan.DecimalFromInt(0)
	for _, d := range ds {
		if d.Abs().Cmp(m) > 0 {
			m = d.Abs()
		}
	}
	return m
}
