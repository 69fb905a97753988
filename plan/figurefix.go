package plan

import (
	"regexp"
	"slices"
	"strings"
)

// figureFix returns the figure an author most likely meant by text that
// is not one, where unit is the unit the figure must have ("" when any
// will do): "82.5 %" (a space before the unit), "£3.56 bn", "1.060.930"
// (dots between thousands), "82,5%" (a decimal comma), and, where money is
// wanted, "3.5bn" (money without its £). Such text would otherwise be kept
// as words, printed as written but never counted: no status, no sum, no
// chart. Text that no such fix turns into a figure of the unit ("N/A",
// "61.9% 2005/06", "13.3%/26%") is words the source printed, and figureFix
// leaves it alone.
func figureFix(text string, unit Unit) (string, bool) {
	t := strings.TrimSpace(text)
	if t == "" || !strings.ContainsAny(t, "0123456789") {
		return "", false
	}
	fixes := figureFixes
	if unit == UnitMoney {
		fixes = append(slices.Clip(fixes), unmarkedMoneyFix)
	}
	for _, fix := range fixes {
		if f := fix(t); f != t {
			if q, ok := parseQuantity(f); ok && (unit == "" || q.Unit == unit) {
				return f, true
			}
		}
	}
	return "", false
}

// figureFixes are the fixes figureFix tries, each on the trimmed text.
var figureFixes = []func(string) string{
	// Spaces inside the figure: "82.5 %", "£ 3.56 bn", "- 3%".
	func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u2009' || r == '\u202f' {
				return -1
			}
			return r
		}, s)
	},
	// Dots between groups of thousands: "1.060.930" (two dots at least,
	// since "1.060" is a decimal).
	func(s string) string {
		if dottedThousands.MatchString(s) {
			return strings.ReplaceAll(s, ".", ",")
		}
		return s
	},
	// A decimal comma: "82,5%", "-3,25%" (one comma with one or two digits
	// after it, which no grouping of thousands has).
	func(s string) string {
		if decimalComma.MatchString(s) {
			return strings.Replace(s, ",", ".", 1)
		}
		return s
	},
}

// unmarkedMoneyFix adds the pound sign money was written without: "3.5bn",
// "-241.1m". Only where money is wanted: elsewhere 1.2m may count people.
func unmarkedMoneyFix(s string) string {
	if m := unmarkedMoney.FindStringSubmatch(s); m != nil {
		return m[1] + "£" + m[2]
	}
	return s
}

var (
	dottedThousands = regexp.MustCompile(`^[-−+]?£?\d{1,3}(\.\d{3}){2,}(%|bn|m|k)?$`)
	decimalComma    = regexp.MustCompile(`^[-−+]?£?\d+,\d{1,2}(%|pp|bn|m|k)?$`)
	unmarkedMoney   = regexp.MustCompile(`^([-−+]?)(\d[\d,]*(\.\d+)?(bn|m))$`)
)
