package plan

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Decimal is an exact decimal number. Plans carry money and rates, and a
// float would turn £0.07bn into 0.07000000000000000666: sums that the source
// says add up would then fail to, or worse, pass by accident. The zero value
// is 0. Decimal values are immutable; every operation returns a new value.
type Decimal struct {
	r *big.Rat // nil means zero
}

// ErrNotDecimal is returned by ParseDecimal for text that is not a number.
var ErrNotDecimal = errors.New("not a decimal number")

// ParseDecimal reads a plain decimal such as "3.56", "-0.9", "+1.2" or
// "1,060,930". Thousands separators are accepted only in groups of three,
// so "1,06" is rejected rather than misread.
func ParseDecimal(s string) (Decimal, error) {
	t := s
	if t == "" {
		return Decimal{}, ErrNotDecimal
	}
	sign := ""
	switch t[0] {
	case '-', '+':
		if t[0] == '-' {
			sign = "-"
		}
		t = t[1:]
	default:
		// U+2212 MINUS SIGN, as typeset documents print it.
		if strings.HasPrefix(t, "−") {
			sign = "-"
			t = t[len("−"):]
		}
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if intPart == "" && (!hasDot || frac == "") {
		return Decimal{}, ErrNotDecimal
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return Decimal{}, ErrNotDecimal
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return Decimal{}, ErrNotDecimal
			}
		}
		intPart = strings.Join(groups, "")
	}
	for _, part := range []string{intPart, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return Decimal{}, ErrNotDecimal
			}
		}
	}
	if hasDot && frac == "" {
		return Decimal{}, ErrNotDecimal
	}
	if len(intPart)+len(frac) > 40 {
		// Far beyond any figure a plan prints; refusing keeps hostile input cheap.
		return Decimal{}, ErrNotDecimal
	}
	r, ok := new(big.Rat).SetString(sign + orZero(intPart) + "." + orZero(frac))
	if !ok {
		return Decimal{}, ErrNotDecimal
	}
	return Decimal{r: r}, nil
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// MustDecimal is ParseDecimal for constants in code and tests.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(fmt.Sprintf("plan.MustDecimal(%q): %v", s, err))
	}
	return d
}

// DecimalFromInt returns n as a Decimal.
func DecimalFromInt(n int64) Decimal { return Decimal{r: new(big.Rat).SetInt64(n)} }

func (d Decimal) rat() *big.Rat {
	if d.r == nil {
		return new(big.Rat)
	}
	return d.r
}

// Add returns d+e.
func (d Decimal) Add(e Decimal) Decimal { return Decimal{r: new(big.Rat).Add(d.rat(), e.rat())} }

// Sub returns d-e.
func (d Decimal) Sub(e Decimal) Decimal { return Decimal{r: new(big.Rat).Sub(d.rat(), e.rat())} }

// Mul returns d*e.
func (d Decimal) Mul(e Decimal) Decimal { return Decimal{r: new(big.Rat).Mul(d.rat(), e.rat())} }

// Neg returns -d.
func (d Decimal) Neg() Decimal { return Decimal{r: new(big.Rat).Neg(d.rat())} }

// Abs returns |d|.
func (d Decimal) Abs() Decimal { return Decimal{r: new(big.Rat).Abs(d.rat())} }

// Quo returns d/e rounded to places decimal places (half away from zero),
// and false when e is zero. Only presentation (a share of a total) divides;
// validation never does. The result is exact to its places however many
// digits it has: the digit limit of ParseDecimal guards plan text, not
// arithmetic.
func (d Decimal) Quo(e Decimal, places int) (Decimal, bool) {
	if e.Sign() == 0 {
		return Decimal{}, false
	}
	q := new(big.Rat).Quo(d.rat(), e.rat())
	r, ok := new(big.Rat).SetString(q.FloatString(places))
	if !ok {
		return Decimal{}, false
	}
	return Decimal{r: r}, true
}

// Cmp compares d and e: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int { return d.rat().Cmp(e.rat()) }

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int { return d.rat().Sign() }

// IsZero reports whether d is zero.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Float64 returns the nearest float64, for drawing charts only.
func (d Decimal) Float64() float64 { f, _ := d.rat().Float64(); return f }

// Places returns the number of decimal places needed to print d exactly.
func (d Decimal) Places() int {
	r := d.rat()
	if r.IsInt() {
		return 0
	}
	// Every Decimal comes from finite decimal text and sums or products of
	// such, so the denominator divides a power of ten; the cap guards the rest.
	den := r.Denom()
	p := big.NewInt(1)
	ten := big.NewInt(10)
	m := new(big.Int)
	for n := 0; n < 80; n++ {
		if m.Mod(p, den).Sign() == 0 {
			return n
		}
		p.Mul(p, ten)
	}
	return 80
}

// String prints d exactly with the fewest decimal places ("3.56", "-6.3", "100").
func (d Decimal) String() string { return d.rat().FloatString(d.Places()) }

// Fixed prints d with exactly places decimal places, rounding half away
// from zero when d has more.
func (d Decimal) Fixed(places int) string { return d.rat().FloatString(places) }

// Grouped prints d with thousands separators ("2,706.8") and at least
// minPlaces decimal places.
func (d Decimal) Grouped(minPlaces int) string {
	p := max(d.Places(), minPlaces)
	s := d.rat().FloatString(p)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasDot := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasDot {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// MarshalText prints d exactly, so JSON output keeps every digit.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
