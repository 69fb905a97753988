package plan

import (
	"math/big"
	"reflect"
	"strings"
	"testing"
)

// TestDecimalPrinting: parsing and printing exact decimals, unit by unit.
func TestDecimalPrinting(t *testing.T) {
	tests := []struct {
		in, str, grouped string
		places           int
	}{
		{"3.56", "3.56", "3.56", 2},
		{"-0.9", "-0.9", "-0.9", 1},
		{"+1.2", "1.2", "1.2", 1},
		{"1,060,930", "1060930", "1,060,930", 0},
		{"0.07", "0.07", "0.07", 2},
		{".5", "0.5", "0.5", 1},
		{"−6.3", "-6.3", "-6.3", 1},
		{"2706.80", "2706.8", "2,706.8", 1},
		{"0", "0", "0", 0},
	}
	for _, tt := range tests {
		d, err := ParseDecimal(tt.in)
		if err != nil {
			t.Errorf("ParseDecimal(%q): %v", tt.in, err)
			continue
		}
		if d.String() != tt.str || d.Grouped(0) != tt.grouped || d.Places() != tt.places {
			t.Errorf("%q: String %q Grouped %q Places %d, want %q %q %d", tt.in, d.String(), d.Grouped(0), d.Places(), tt.str, tt.grouped, tt.places)
		}
	}
	for _, bad := range []string{"", "-", ".", "1.", "1,06", ",100", "1,0000", "1e5", "0x10", "1.2.3", "12a", "1 000"} {
		if _, err := ParseDecimal(bad); err == nil {
			t.Errorf("ParseDecimal(%q) accepted", bad)
		}
	}
	// The float a float64 sum would give is not what the source says.
	sum := MustDecimal("2.76").Add(MustDecimal("0.48")).Add(MustDecimal("0.23")).Add(MustDecimal("0.07")).Add(MustDecimal("0.02"))
	if sum.String() != "3.56" {
		t.Errorf("2.76 + 0.48 + 0.23 + 0.07 + 0.02 = %s", sum)
	}
}

// TestQuantityPrinting: every unit prints back to text that parses to the
// same quantity, and money is printed the way the documents print it.
func TestQuantityPrinting(t *testing.T) {
	tests := []struct{ in, out string }{
		{"82.5%", "82.5%"},
		{"-6.3%", "-6.3%"},
		{"+1.2%", "1.2%"},
		{"1pp", "1pp"},
		{"-1.5pp", "-1.5pp"},
		{"£3.56bn", "£3.56bn"},
		{"£3,560m", "£3.56bn"},
		{"£241.1m", "£241.1m"},
		{"-£60.9m", "-£60.9m"},
		{"£4,744", "£4,744"},
		{"£999,999", "£999,999"},
		{"£1,000,000", "£1m"},
		{"£1,234.5m", "£1.2345bn"},
		{"£0.5k", "£500"},
		{"1,060,930", "1,060,930"},
		{"0.07", "0.07"},
	}
	for _, tt := range tests {
		q, err := ParseQuantity(tt.in)
		if err != nil {
			t.Errorf("ParseQuantity(%q): %v", tt.in, err)
			continue
		}
		if q.String() != tt.out {
			t.Errorf("%q prints %q, want %q", tt.in, q.String(), tt.out)
		}
		back, err := ParseQuantity(q.String())
		if err != nil || back.Unit != q.Unit || back.Value.Cmp(q.Value) != 0 {
			t.Errorf("%q -> %q -> %v %v: not the same quantity", tt.in, q.String(), back, err)
		}
	}
	for _, bad := range []string{"5% reduction", "£", "%", "--5", "£-5m", "5%%", "12 ¹", "£5mm"} {
		if _, err := ParseQuantity(bad); err == nil {
			t.Errorf("ParseQuantity(%q) accepted", bad)
		}
	}
}

// FuzzDecimalRoundTrip: whatever parses prints back to text that parses to
// the same number, in both plain and grouped form, and arithmetic is exact.
func FuzzDecimalRoundTrip(f *testing.F) {
	for _, s := range []string{"3.56", "-0.9", "1,060,930", "0.07", ".5", "−6.3", "0", "99999999999999999999.000000000000000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			return
		}
		for _, text := range []string{d.String(), d.Grouped(0), d.Fixed(d.Places())} {
			back, err := ParseDecimal(text)
			if err != nil || back.Cmp(d) != 0 {
				t.Fatalf("%q -> %q -> %v, %v", s, text, back, err)
			}
		}
		if d.Add(d).Sub(d).Cmp(d) != 0 || d.Neg().Neg().Cmp(d) != 0 || d.Sub(d).Sign() != 0 {
			t.Fatalf("%q: arithmetic is not exact", s)
		}
	})
}

// FuzzQuantityRoundTrip: a parsed figure prints canonically (money scaled
// as the documents print it) to text that parses to the same quantity.
func FuzzQuantityRoundTrip(f *testing.F) {
	for _, s := range []string{"82.5%", "-1pp", "£3.56bn", "£241.1m", "-£60.9m", "£4,744", "£0.5k", "1,060,930", "£1,234.5678m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s)
		if err != nil {
			return
		}
		text := q.String()
		back, err := ParseQuantity(text)
		if err != nil || back.Unit != q.Unit || back.Value.Cmp(q.Value) != 0 {
			t.Fatalf("%q -> %q -> %v, %v", s, text, back, err)
		}
		if back.String() != text {
			t.Fatalf("%q prints %q, then %q", s, text, back.String())
		}
		if q.Unit == UnitMoney {
			if m := FormatMoney(q.Value); m != text {
				t.Fatalf("%q: FormatMoney %q, String %q", s, m, text)
			}
		}
	})
}

// ratOf is the reference for a decimal's value: the text read by big.Rat,
// as ParseDecimal read every number before it kept small ones in an int64.
func ratOf(t *testing.T, s string) *big.Rat {
	t.Helper()
	s = strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), "−", "-")
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("big.Rat cannot read %q", s)
	}
	return r
}

// checkAgainstRat compares every operation on a and b with big.Rat's
// exact arithmetic, and checks that each result is in canonical form (it
// reads back from its own text to the very same fields).
func checkAgainstRat(t *testing.T, a, b string) {
	da, errA := ParseDecimal(a)
	db, errB := ParseDecimal(b)
	if errA != nil || errB != nil {
		return
	}
	ra, rb := ratOf(t, a), ratOf(t, b)
	canonical := func(what string, d Decimal, want *big.Rat) {
		t.Helper()
		if d.rat().Cmp(want) != 0 {
			t.Fatalf("%s = %s, want %s", what, d.rat().RatString(), want.RatString())
		}
		places := ratPlaces(want)
		if d.Places() != places || d.String() != want.FloatString(places) {
			t.Fatalf("%s prints %q (%d places), want %q", what, d.String(), d.Places(), want.FloatString(places))
		}
		for p := range 4 {
			if d.Fixed(p) != want.FloatString(p) {
				t.Fatalf("%s.Fixed(%d) = %q, want %q", what, p, d.Fixed(p), want.FloatString(p))
			}
		}
		if f, _ := want.Float64(); d.Float64() != f {
			t.Fatalf("%s.Float64() = %v, want %v", what, d.Float64(), f)
		}
		if d.Sign() != want.Sign() {
			t.Fatalf("%s.Sign() = %d, want %d", what, d.Sign(), want.Sign())
		}
		// Past 40 digits ParseDecimal refuses the text, not the value.
		if back, err := ParseDecimal(d.String()); err == nil && !reflect.DeepEqual(back, d) {
			t.Fatalf("%s is not canonical: %#v, read back as %#v", what, d, back)
		}
	}
	canonical(a, da, ra)
	canonical(a+" + "+b, da.Add(db), new(big.Rat).Add(ra, rb))
	canonical(a+" - "+b, da.Sub(db), new(big.Rat).Sub(ra, rb))
	canonical(a+" * "+b, da.Mul(db), new(big.Rat).Mul(ra, rb))
	canonical("-"+a, da.Neg(), new(big.Rat).Neg(ra))
	canonical("|"+a+"|", da.Abs(), new(big.Rat).Abs(ra))
	if got, want := da.Cmp(db), ra.Cmp(rb); got != want {
		t.Fatalf("%s cmp %s = %d, want %d", a, b, got, want)
	}
}

// decimalEdges are numbers at the edges of the int64 form: 18 and 19
// significant digits, 2^63 and its neighbours, many places, tiny values.
var decimalEdges = []string{
	"0", "1", "-1", "0.5", "-0.5", "0.05", "-0.04", "3.56", "100", "1,060,930", "2706.80", "0.000", "−6.3",
	"999999999999999999", "-999999999999999999", "0.999999999999999999", "1000000000000000000",
	"9223372036854775807", "-9223372036854775808", "9223372036854775808", "4611686018427387904",
	"3037000499.97605", "3037000500", "123456789.123456789", "0.000000000000000001", "0.0000000000000000001",
	"99999999999999999999.000000000000000001", "1000000000", "0.1", "12345678901234567.8",
}

// TestDecimalMatchesRat: the int64 form and its fallback give big.Rat's
// exact results, on every pair of edge values.
func TestDecimalMatchesRat(t *testing.T) {
	for _, a := range decimalEdges {
		for _, b := range decimalEdges {
			checkAgainstRat(t, a, b)
		}
	}
}

// FuzzDecimalMatchesRat: any two numbers ParseDecimal reads give big.Rat's
// exact results under every operation.
func FuzzDecimalMatchesRat(f *testing.F) {
	for i, s := range decimalEdges {
		f.Add(s, decimalEdges[(i*7+3)%len(decimalEdges)])
	}
	f.Fuzz(checkAgainstRat)
}
