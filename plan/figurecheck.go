package plan

import (
	"regexp"
	"strings"
)

// fractionPercent reports whether f is a plain number strictly between 0
// and 1 (or -1 and 0), the way a spreadsheet shows 85%, and returns the
// percentage it most likely means ("85%"). Plans print percentages with
// their sign, so such a figure where a percentage belongs is a slip.
func fractionPercent(f *Figure) (string, bool) {
	if f == nil || f.Q == nil || f.Q.Unit != UnitNumber {
		return "", false
	}
	a := f.Q.Value.Abs()
	if a.IsZero() || a.Cmp(DecimalFromInt(1)) >= 0 {
		return "", false
	}
	return f.Q.Value.Mul(hundred).String() + "%", true
}

// numberRE finds the numbers a target's text prints: 325, 15,190, 4.2,
// with or without £, %, pp, m or bn around them. Thousands may also be
// grouped with an apostrophe, as in 2007-10's "6'500".
var numberRE = regexp.MustCompile(`\d(?:[\d,'’]*\d)?(?:\.\d+)?`)

var groupSeps = strings.NewReplacer(",", "", "'", "", "’", "")

// textNumbers returns the numbers text prints, as exact decimals, leaving
// out financial years (2008/09) and anything that is not a number.
func textNumbers(text string) []Decimal {
	var out []Decimal
	for _, loc := range numberRE.FindAllStringIndex(text, -1) {
		n := text[loc[0]:loc[1]]
		if rest := text[loc[1]:]; strings.HasPrefix(rest, "/") {
			continue // a year, 2008/09
		}
		if loc[0] > 0 && text[loc[0]-1] == '/' {
			continue
		}
		d, err := ParseDecimal(groupSeps.Replace(n))
		if err == nil {
			out = append(out, d)
		}
	}
	return out
}

// valueNumber is the number a target's value prints, without its sign,
// pound sign or scale: -3% gives 3, £241.1m gives 241.1.
func valueNumber(f *Figure) (Decimal, bool) {
	ns := textNumbers(f.Text)
	if len(ns) != 1 {
		return Decimal{}, false
	}
	return ns[0], true
}

// targetText checks that a target's text prints the number its value
// holds: "Increase number to 325" with value 300 publishes one figure and
// assesses another. Text in words only ("increase on last year") has
// nothing to disagree with.
func (v *validator) targetText(m *Measure, t *Target, what string) {
	if t.Value == nil || t.Value.Q == nil || t.Text == "" {
		return
	}
	want, ok := valueNumber(t.Value)
	if !ok {
		return
	}
	printed := textNumbers(t.Text)
	if len(printed) == 0 {
		return
	}
	for _, n := range printed {
		if n.Cmp(want) == 0 {
			return
		}
	}
	v.wrong(m.Acknowledge, t.At, "target-text", "make the text and the value state the same figure (the value is what reports assess); if the source itself disagrees, acknowledge it with acknowledge: {target-text: reason}",
		"%s target for %s: the text %q does not state the value %s", what, t.Year, t.Text, t.Value.Text)
}
