package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The names below are how every document (a plan, its annual report, a
// diff) names an objective or a measure, so a reader finds the same words
// for the same thing wherever it is printed.

// Heading is the objective as a heading names it: its code and title
// ("2. Reduce crime"), or the title alone when it has no code.
func (o *Objective) Heading() string {
	if o.Code != "" {
		return o.Code + ". " + o.Title
	}
	return o.Title
}

// Label is the measure as a table row names it: its title, then its codes
// in brackets ("Violent crime (SPI 5a, PSA 3)"). A code the title already
// carries as a word of its own ("Change in recorded crime (PSA 1 proxy)")
// is not repeated.
func (m *Measure) Label() string {
	var codes []string
	for _, c := range m.Codes {
		if strings.TrimSpace(c) != "" && !containsWord(m.Title, c) {
			codes = append(codes, c)
		}
	}
	if len(codes) == 0 {
		return m.Title
	}
	return m.Title + " (" + strings.Join(codes, ", ") + ")"
}

// containsWord reports whether w occurs in s with neither a letter nor a
// digit against either end, so "PSA 1" is found in "(PSA 1 proxy)" but not
// in "PSA 12".
func containsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i+len(w) <= len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !wordRune(before, start > 0) && !wordRune(after, end < len(s)) {
			return true
		}
		i = start + 1
	}
	return false
}

func wordRune(r rune, present bool) bool {
	return present && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
