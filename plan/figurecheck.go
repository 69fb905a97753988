package plan

import (
	"iter"
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

// textNumbers yields the numbers text prints, as exact decimals, leaving
// out financial years (2008/09) and anything that is not a number. A
// number is what the pattern \d(?:[\d,'’]*\d)?(?:\.\d+)? matches: 325,
// 15,190, 4.2, with or without £, %, pp, m or bn around them; thousands may
// also be grouped with an apostrophe, as in 2007-10's "6'500". It is
// scanned by hand: validation reads the text of every target, and a regexp
// there cost more than the rest of the check.
func textNumbers(text string) iter.Seq[Decimal] {
	return func(yield func(Decimal) bool) {
		for i := 0; i < len(text); {
			if !isDigit(text, i) {
				i++
				continue
			}
			start, end := i, numberEnd(text, i)
			i = end
			if strings.HasPrefix(text[end:], "/") || start > 0 && text[start-1] == '/' {
				continue // a year, 2008/09
			}
			n := text[start:end]
			if strings.ContainsAny(n, ",'’") {
				n = groupSeps.Replace(n)
			}
			if d, err := ParseDecimal(n); err == nil && !yield(d) {
				return
			}
		}
	}
}

var groupSeps = strings.NewReplacer(",", "", "'", "", "’", "")

func isDigit(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

// numberEnd returns the end of the number starting with the digit at
// start: as the pattern's greedy groups take it, the longest run of
// digits and separators that ends in a digit, then a point and its digits.
func numberEnd(text string, start int) int {
	end := start + 1
	for j := end; j < len(text); {
		switch {
		case isDigit(text, j):
			j++
			end = j
		case text[j] == ',' || text[j] == '\'':
			j++
		case strings.HasPrefix(text[j:], "’"):
			j += len("’")
		default:
			j = len(text)
		}
	}
	if end < len(text) && text[end] == '.' && isDigit(text, end+1) {
		end += 2
		for isDigit(text, end) {
			end++
		}
	}
	return end
}

// valueNumber is the number a target's value prints, without its sign,
// pound sign or scale: -3% gives 3, £241.1m gives 241.1.
func valueNumber(f *Figure) (Decimal, bool) {
	return onlyNumber(f.Text)
}

// onlyNumber returns the number text prints, and false unless it prints
// exactly one.
func onlyNumber(text string) (Decimal, bool) {
	var only Decimal
	n := 0
	for d := range textNumbers(text) {
		if n++; n > 1 {
			return Decimal{}, false
		}
		only = d
	}
	return only, n == 1
}

// printsNumber reports whether text prints no number at all, or prints
// want among its numbers.
func printsNumber(text string, want Decimal) bool {
	none := true
	for n := range textNumbers(text) {
		if n.Cmp(want) == 0 {
			return true
		}
		none = false
	}
	return none
}

// targetText checks that a target's text prints the number its value
// holds: "Increase number to 325" with value 300 publishes one figure and
// assesses another. Text in words only ("increase on last year") has
// nothing to disagree with.
func (v *validator) targetText(m *Measure, t *Target, what subject) {
	if t.Value == nil || t.Value.Q == nil || t.Text == "" {
		return
	}
	want, ok := valueNumber(t.Value)
	if !ok {
		return
	}
	if printsNumber(t.Text, want) {
		return
	}
	v.wrong(m.Acknowledge, t.At, "target-text", "make the text and the value state the same figure (the value is what reports assess); if the source itself disagrees, acknowledge it with acknowledge: {target-text: reason}",
		"%s target for %s: the text %q does not state the value %s", what, t.Year, t.Text, t.Value.Text)
}
