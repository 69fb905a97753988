package plan

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// suggest returns the candidate closest to s, if it is close enough to be
// a plausible typo.
func suggest(s string, candidates []string) string {
	return newSuggester(candidates).suggest(s)
}

// maxSuggestLen bounds the names compared: a longer one is no typo of an ID.
const maxSuggestLen = 64

// A suggester finds, among a fixed set of names, the one nearest a
// misspelt name by edit distance (Levenshtein, letters compared without
// case), for a "did you mean". The names are kept in a trie, so the
// distance rows of a shared prefix are computed once for every name under
// it, and a branch is left as soon as nothing in it can be as near as the
// best found: one lookup costs the nodes near the name, not every name, so
// a plan with thousands of unknown references among thousands of IDs still
// validates in linear time. Build one per set of names and reuse it.
type suggester struct {
	names []string // sorted: of equally near names the first wins
	root  trieNode
}

type trieNode struct {
	r    rune
	name int // index in names of the first name ending here, or -1
	kids []*trieNode
}

func newSuggester(candidates []string) *suggester {
	s := &suggester{names: slices.Clone(candidates), root: trieNode{name: -1}}
	slices.Sort(s.names)
	for i, name := range s.names {
		n := &s.root
		for _, r := range strings.ToLower(name) {
			k, found := slices.BinarySearchFunc(n.kids, r, func(c *trieNode, r rune) int { return int(c.r - r) })
			if !found {
				n.kids = slices.Insert(n.kids, k, &trieNode{r: r, name: -1})
			}
			n = n.kids[k]
		}
		if n.name < 0 {
			n.name = i
		}
	}
	return s
}

// suggest returns the name nearest word, or "" when none is within a third
// of its length (at least one edit).
func (s *suggester) suggest(word string) string {
	q := []rune(strings.ToLower(word))
	if len(q) > maxSuggestLen {
		return ""
	}
	limit := max(1, (utf8.RuneCountInString(word)+2)/3)
	// rows[d] is the distance row of the trie node at depth d: rows[d][j]
	// is the distance between the node's prefix and q[:j].
	rows := make([][]int, maxSuggestLen+1)
	cells := make([]int, len(rows)*(len(q)+1)) // one allocation for every row
	for d := range rows {
		rows[d], cells = cells[:len(q)+1:len(q)+1], cells[len(q)+1:]
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	best, bestDist := -1, limit
	var walk func(n *trieNode, depth int)
	walk = func(n *trieNode, depth int) {
		if depth == maxSuggestLen {
			return
		}
		prev, cur := rows[depth], rows[depth+1]
		for _, k := range n.kids {
			cur[0] = prev[0] + 1
			lowest := cur[0]
			for j := 1; j <= len(q); j++ {
				cost := 1
				if q[j-1] == k.r {
					cost = 0
				}
				cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
				lowest = min(lowest, cur[j])
			}
			if d := cur[len(q)]; k.name >= 0 && (d < bestDist || d == bestDist && (best < 0 || k.name < best)) {
				best, bestDist = k.name, d
			}
			// A longer name's distance is at least the row's lowest.
			if lowest <= bestDist {
				walk(k, depth+1)
			}
		}
	}
	walk(&s.root, 0)
	if best < 0 {
		return ""
	}
	return s.names[best]
}
