package plan

import (
	"fmt"
	"strings"
)

// Unit is what a quantity counts.
type Unit string

// The units a figure can carry. A measure's unit says which of these its
// baselines, targets and results must use.
const (
	UnitNumber  Unit = "number"  // a count or rate: 225, 1,060,930, 20.1
	UnitPercent Unit = "percent" // 82.5%, -6.3% (a share, rate or change)
	UnitPoints  Unit = "points"  // percentage points: 1pp
	UnitMoney   Unit = "money"   // pounds sterling: £3.56bn, £241.1m, £4,744
	UnitText    Unit = "text"    // no number: milestones, qualitative measures
)

// Quantity is an exact amount with its unit. Money is held in pounds, so
// £3.56bn and £3,560m compare equal; the text a plan prints is kept apart,
// in Figure.
type Quantity struct {
	Value Decimal
	Unit  Unit
}

var moneyScale = map[string]Decimal{
	"":   DecimalFromInt(1),
	"k":  DecimalFromInt(1_000),
	"m":  DecimalFromInt(1_000_000),
	"bn": DecimalFromInt(1_000_000_000),
}

// ParseQuantity reads the figures plans print: "82.5%", "-6.3%", "1pp",
// "£3.56bn", "£241.1m", "£4,744", "-£60.9m", "1,060,930". Surrounding space
// is ignored; anything else (a footnote marker, a word) makes it fail, so
// the caller can keep the text as a text-only figure.
func ParseQuantity(s string) (Quantity, error) {
	q, ok := parseQuantity(s)
	if !ok {
		return Quantity{}, fmt.Errorf("%q is not a figure: write a number (225, 1,060,930), a percentage (82.5%%), percentage points (1pp) or money (£241.1m, £3.56bn)", s)
	}
	return q, nil
}

// parseQuantity is ParseQuantity without the error, for the loader: most
// figures that are not numbers are words (N/A, Monitor) kept as text, and
// an error message made for each would be thrown away.
func parseQuantity(s string) (Quantity, bool) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Quantity{}, false
	}
	neg := false
	for _, m := range []string{"-", "−", "+"} {
		if strings.HasPrefix(t, m) {
			neg = m != "+"
			t = t[len(m):]
			break
		}
	}
	unit := UnitNumber
	scale := DecimalFromInt(1)
	switch {
	case strings.HasPrefix(t, "£"):
		unit = UnitMoney
		t = t[len("£"):]
		for _, suf := range []string{"bn", "m", "k"} {
			if strings.HasSuffix(t, suf) {
				scale = moneyScale[suf]
				t = strings.TrimSuffix(t, suf)
				break
			}
		}
	case strings.HasSuffix(t, "%"):
		unit = UnitPercent
		t = strings.TrimSuffix(t, "%")
	case strings.HasSuffix(t, "pp"):
		unit = UnitPoints
		t = strings.TrimSuffix(t, "pp")
	}
	if strings.ContainsAny(t, "+-−") {
		return Quantity{}, false
	}
	d, err := ParseDecimal(t)
	if err != nil {
		return Quantity{}, false
	}
	d = d.Mul(scale)
	if neg {
		d = d.Neg()
	}
	return Quantity{Value: d, Unit: unit}, true
}

// String prints the quantity canonically; renderers prefer the source text
// in Figure.Text, and use this only for derived figures such as differences.
func (q Quantity) String() string {
	switch q.Unit {
	case UnitPercent:
		return q.Value.String() + "%"
	case UnitPoints:
		return q.Value.String() + "pp"
	case UnitMoney:
		return FormatMoney(q.Value)
	}
	return q.Value.Grouped(0)
}

// FormatMoney prints pounds the way the MPA documents do: £3.56bn from a
// billion up, £241.1m from a million up, else £4,744. It is exact: it picks
// the scale but never drops a significant digit.
func FormatMoney(v Decimal) string {
	sign := ""
	if v.Sign() < 0 {
		sign = "-"
		v = v.Abs()
	}
	switch {
	case v.Cmp(moneyScale["bn"]) >= 0:
		q, _ := v.Quo(moneyScale["bn"], v.Places()+9)
		return sign + "£" + trimZeros(q.String()) + "bn"
	case v.Cmp(moneyScale["m"]) >= 0:
		q, _ := v.Quo(moneyScale["m"], v.Places()+6)
		return sign + "£" + groupInt(trimZeros(q.String())) + "m"
	}
	return sign + "£" + v.Grouped(0)
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func groupInt(s string) string {
	d, err := ParseDecimal(s)
	if err != nil {
		return s
	}
	return d.Grouped(0)
}

// MarshalText prints the canonical form, for JSON.
func (q Quantity) MarshalText() ([]byte, error) { return []byte(q.String()), nil }
