package plan

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	ids := []string{"crime-reduced", "offenders-brought-to-justice", "confidence", "Confidence-up", "a", "b"}
	tests := []struct{ word, want string }{
		{"crime-reduce", "crime-reduced"},
		{"CRIME-REDUCED", "crime-reduced"}, // case is ignored
		{"ofenders-brougt-to-justice", "offenders-brought-to-justice"},
		{"confidense", "confidence"},
		{"confidence-u", "Confidence-up"},
		{"c", "a"}, // one edit is always allowed; of equals the first sorted wins
		{"something-else-entirely", ""},
		{strings.Repeat("x", 100), ""},
		{"", "a"},
	}
	for _, tt := range tests {
		if got := suggest(tt.word, ids); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// TestSuggestMatchesBruteForce compares the trie search with computing
// every distance, on names made to share prefixes and differ by little.
func TestSuggestMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		parts := []string{"crime", "crim", "reduce", "reduced", "young", "people", "-", "x", "é", "Ab"}
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		return b.String()
	}
	for round := range 50 {
		var names []string
		for range 1 + rng.IntN(40) {
			names = append(names, word())
		}
		sg := newSuggester(names)
		for range 40 {
			w := word()
			if got, want := sg.suggest(w), bruteSuggest(w, names); got != want {
				t.Fatalf("round %d: suggest(%q) in %q = %q, want %q", round, w, names, got, want)
			}
		}
	}
}

func bruteSuggest(s string, candidates []string) string {
	sorted := slices.Clone(candidates)
	slices.Sort(sorted)
	best, bestDist := "", 0
	for _, c := range sorted {
		d := bruteDistance([]rune(strings.ToLower(s)), []rune(strings.ToLower(c)))
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > max(1, (len([]rune(s))+2)/3) {
		return ""
	}
	return best
}

func bruteDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
