package plan

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// numberPattern is the pattern textNumbers scans for by hand, kept here as
// the reference the scanner must agree with.
var numberPattern = regexp.MustCompile(`\d(?:[\d,'’]*\d)?(?:\.\d+)?`)

// regexpNumbers is textNumbers as it was written with the pattern.
func regexpNumbers(text string) []string {
	var out []string
	for _, loc := range numberPattern.FindAllStringIndex(text, -1) {
		if strings.HasPrefix(text[loc[1]:], "/") || loc[0] > 0 && text[loc[0]-1] == '/' {
			continue
		}
		if d, err := ParseDecimal(groupSeps.Replace(text[loc[0]:loc[1]])); err == nil {
			out = append(out, d.String())
		}
	}
	return out
}

func scannedNumbers(text string) []string {
	var out []string
	for d := range textNumbers(text) {
		out = append(out, d.String())
	}
	return out
}

// TestTextNumbers: the numbers a target's text prints, years and words left out.
func TestTextNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Increase number to 325", []string{"325"}},
		{"15,190 by 2008/09", []string{"15190"}},
		{"£241.1m, then 4.2%", []string{"241.1", "4.2"}},
		{"6'500 and 6’500", []string{"6500", "6500"}},
		{"1.5.6 12,, 3,4", []string{"1.5", "6", "12", "34"}},
		{"2007/08 to 2010/11", nil},
		{"no numbers", nil},
		{"7.", []string{"7"}},
	}
	for _, tt := range tests {
		if got := scannedNumbers(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("textNumbers(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// FuzzTextNumbers: the hand-written scanner finds exactly the numbers the
// pattern finds, in any text.
func FuzzTextNumbers(f *testing.F) {
	for _, s := range []string{"Increase to 325", "15,190 by 2008/09", "6'500’1", "1.5.6 12,, 3,4", "2007/08", "9,9.9/9", "1’’2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := scannedNumbers(text), regexpNumbers(text); !slices.Equal(got, want) {
			t.Fatalf("textNumbers(%q) = %q, the pattern finds %q", text, got, want)
		}
	})
}
