package plan

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Decimal is an exact decimal number. Plans carry money and rates, and a
// float would turn £0.07bn into 0.07000000000000000666: sums that the source
// says add up would then fail to, or worse, pass by accident. The zero value
// is 0. Decimal values are immutable; every operation returns a new value.
//
// Nearly every figure a plan holds has at most 18 significant digits, so a
// Decimal keeps it as an int64 count of units in its last place (m / 10^s),
// and adds, compares and multiplies without allocating; a value that does
// not fit is held as a big.Rat. The form is canonical (the fewest places,
// int64 whenever the value fits), so equal values have equal fields.
type Decimal struct {
	m int64    // the value is m / 10^s when r is nil
	s int32    // decimal places, 0 to maxPlaces; m has no trailing zero when s > 0
	r *big.Rat // the value when it does not fit m and s
}

// maxPlaces is the most places of the int64 form: 10^18 fits an int64.
const maxPlaces = 18

var pow10 = func() (p [maxPlaces + 1]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

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
	neg := false
	switch t[0] {
	case '-', '+':
		neg = t[0] == '-'
		t = t[1:]
	default:
		// U+2212 MINUS SIGN, as typeset documents print it.
		if strings.HasPrefix(t, "−") {
			neg = true
			t = t[len("−"):]
		}
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if intPart == "" && (!hasDot || frac == "") {
		return Decimal{}, ErrNotDecimal
	}
	if hasDot && frac == "" {
		return Decimal{}, ErrNotDecimal
	}
	digits, ok := groupedDigits(intPart)
	if !ok {
		return Decimal{}, ErrNotDecimal
	}
	for i := range len(frac) {
		if c := frac[i]; c < '0' || c > '9' {
			return Decimal{}, ErrNotDecimal
		}
	}
	if digits+len(frac) > 40 {
		// Far beyond any figure a plan prints; refusing keeps hostile input cheap.
		return Decimal{}, ErrNotDecimal
	}
	// Up to 18 significant digits fit an int64: 10^18-1 < 2^63.
	var m int64
	sig := 0
	for _, part := range [2]string{intPart, frac} {
		for i := range len(part) {
			c := part[i]
			if c == ',' {
				continue
			}
			if sig > 0 || c != '0' {
				sig++
			}
			if sig > maxPlaces {
				return parseBigDecimal(neg, intPart, frac)
			}
			m = m*10 + int64(c-'0')
		}
	}
	if neg {
		m = -m
	}
	return smallDecimal(m, len(frac)), nil
}

// groupedDigits checks that s is digits, with commas only between groups
// of three, and returns how many digits it holds.
func groupedDigits(s string) (int, bool) {
	digits, group, commas := 0, 0, false
	for i := range len(s) {
		switch c := s[i]; {
		case c == ',':
			if group == 0 || group > 3 || commas && group != 3 {
				return 0, false
			}
			commas, group = true, 0
		case c >= '0' && c <= '9':
			digits++
			group++
		default:
			return 0, false
		}
	}
	if commas && group != 3 {
		return 0, false
	}
	return digits, true
}

// parseBigDecimal reads a number of more significant digits than an int64
// holds; intPart and frac are checked already.
func parseBigDecimal(neg bool, intPart, frac string) (Decimal, error) {
	sign := ""
	if neg {
		sign = "-"
	}
	r, ok := new(big.Rat).SetString(sign + orZero(strings.ReplaceAll(intPart, ",", "")) + "." + orZero(frac))
	if !ok {
		return Decimal{}, ErrNotDecimal
	}
	return ratDecimal(r), nil
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// smallDecimal returns m / 10^s in canonical form; m is not math.MinInt64
// and s is not negative.
func smallDecimal(m int64, s int) Decimal {
	if m == 0 {
		return Decimal{}
	}
	for s > 0 && m%10 == 0 {
		m /= 10
		s--
	}
	if s > maxPlaces {
		den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s)), nil)
		return Decimal{r: new(big.Rat).SetFrac(big.NewInt(m), den)}
	}
	return Decimal{m: m, s: int32(s)}
}

// ratDecimal returns r in canonical form: as an int64 count of places
// whenever the value fits one.
func ratDecimal(r *big.Rat) Decimal {
	if r.IsInt() {
		if n := r.Num(); n.IsInt64() && n.Int64() != math.MinInt64 {
			return Decimal{m: n.Int64()}
		}
		return Decimal{r: r}
	}
	p := ratPlaces(r)
	if p > maxPlaces {
		return Decimal{r: r}
	}
	// The denominator divides 10^p, so m is a whole number.
	m := new(big.Int).Mul(r.Num(), new(big.Int).Quo(big.NewInt(pow10[p]), r.Denom()))
	if !m.IsInt64() || m.Int64() == math.MinInt64 {
		return Decimal{r: r}
	}
	return Decimal{m: m.Int64(), s: int32(p)}
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
func DecimalFromInt(n int64) Decimal {
	if n == math.MinInt64 {
		return Decimal{r: new(big.Rat).SetInt64(n)}
	}
	return Decimal{m: n}
}

func (d Decimal) rat() *big.Rat {
	if d.r != nil {
		return d.r
	}
	r := new(big.Rat).SetInt64(d.m)
	if d.s > 0 {
		r.SetFrac(r.Num(), big.NewInt(pow10[d.s]))
	}
	return r
}

// mul64 returns a*b, and false when it does not fit an int64 (or is
// math.MinInt64, which has no negation). Neither a nor b is math.MinInt64.
func mul64(a, b int64) (int64, bool) {
	neg := (a < 0) != (b < 0)
	hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(lo), true
	}
	return int64(lo), true
}

func abs64(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// add64 returns a+b, and false when it does not fit (as for mul64).
func add64(a, b int64) (int64, bool) {
	c := a + b
	if (a > 0 && b > 0 && c < 0) || (a < 0 && b < 0 && c >= 0) || c == math.MinInt64 {
		return 0, false
	}
	return c, true
}

// aligned returns the int64 forms of d and e at their common number of
// places, and false when either is a big.Rat or one does not fit.
func aligned(d, e Decimal) (a, b int64, s int, ok bool) {
	if d.r != nil || e.r != nil {
		return 0, 0, 0, false
	}
	a, b, s = d.m, e.m, int(max(d.s, e.s))
	if d.s < e.s {
		a, ok = mul64(a, pow10[e.s-d.s])
	} else {
		b, ok = mul64(b, pow10[d.s-e.s])
	}
	return a, b, s, ok
}

// Add returns d+e.
func (d Decimal) Add(e Decimal) Decimal {
	if a, b, s, ok := aligned(d, e); ok {
		if c, ok := add64(a, b); ok {
			return smallDecimal(c, s)
		}
	}
	return ratDecimal(new(big.Rat).Add(d.rat(), e.rat()))
}

// Sub returns d-e.
func (d Decimal) Sub(e Decimal) Decimal { return d.Add(e.Neg()) }

// Mul returns d*e.
func (d Decimal) Mul(e Decimal) Decimal {
	if d.r == nil && e.r == nil {
		if c, ok := mul64(d.m, e.m); ok {
			return smallDecimal(c, int(d.s+e.s))
		}
	}
	return ratDecimal(new(big.Rat).Mul(d.rat(), e.rat()))
}

// Neg returns -d.
func (d Decimal) Neg() Decimal {
	if d.r == nil {
		return Decimal{m: -d.m, s: d.s}
	}
	return ratDecimal(new(big.Rat).Neg(d.r))
}

// Abs returns |d|.
func (d Decimal) Abs() Decimal {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}

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
	return ratDecimal(r), true
}

// Cmp compares d and e: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int {
	if a, b, _, ok := aligned(d, e); ok {
		return cmp.Compare(a, b)
	}
	return d.rat().Cmp(e.rat())
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int {
	if d.r != nil {
		return d.r.Sign()
	}
	return cmp.Compare(d.m, 0)
}

// IsZero reports whether d is zero.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Float64 returns the nearest float64, for drawing charts only.
func (d Decimal) Float64() float64 {
	// Below 2^53 the int64 and the power of ten are exact floats, and one
	// division rounds once, to the nearest float: what big.Rat gives.
	if d.r == nil && abs64(d.m) < 1<<53 {
		return float64(d.m) / float64(pow10[d.s])
	}
	f, _ := d.rat().Float64()
	return f
}

// Places returns the number of decimal places needed to print d exactly.
func (d Decimal) Places() int {
	if d.r == nil {
		return int(d.s)
	}
	return ratPlaces(d.r)
}

func ratPlaces(r *big.Rat) int {
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
func (d Decimal) String() string { return d.Fixed(d.Places()) }

// Fixed prints d with exactly places decimal places, rounding half away
// from zero when d has more.
func (d Decimal) Fixed(places int) string {
	if d.r != nil || places < int(d.s) {
		return d.rat().FloatString(places)
	}
	// As big.Rat.FloatString prints it: sign, whole part, point, places.
	var buf [24]byte
	digits := strconv.AppendUint(buf[:0], uint64(abs64(d.m)), 10)
	for len(digits) <= int(d.s) {
		digits = append([]byte{'0'}, digits...)
	}
	whole := len(digits) - int(d.s)
	var b strings.Builder
	b.Grow(len(digits) + places + 2)
	if d.m < 0 {
		b.WriteByte('-')
	}
	b.Write(digits[:whole])
	if places > 0 {
		b.WriteByte('.')
		b.Write(digits[whole:])
		for range places - int(d.s) {
			b.WriteByte('0')
		}
	}
	return b.String()
}

// Grouped prints d with thousands separators ("2,706.8") and at least
// minPlaces decimal places.
func (d Decimal) Grouped(minPlaces int) string {
	p := max(d.Places(), minPlaces)
	s := d.Fixed(p)
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
