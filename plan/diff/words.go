package diff

import (
	"fmt"
	"slices"
	"strings"
)

// Span is a run of words of a text diff: Op "=" unchanged, "-" removed,
// "+" added, or "…" for changes left out to keep the diff short (Text
// then says how many).
type Span struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Bounds that keep a diff readable and its cost predictable whatever the
// plans hold: a reworded outcome shows in full, a rewritten appendix does
// not print itself twice.
const (
	// maxCells bounds the LCS table (words × words) at 4 MiB of int32;
	// beyond it the differing middle is shown as replaced whole.
	maxCells = 1 << 20
	// context is how many unchanged words are kept either side of a change
	// in a text longer than shortText words; a title is shown whole.
	context   = 6
	shortText = 40
	// maxRunWords clips one added or removed run.
	maxRunWords = 60
	// maxChanges is how many added or removed runs a text diff shows.
	maxChanges = 40
	// maxTextWords clips a whole text shown as added, removed or old/new.
	maxTextWords = 80
	// maxSummaryWords clips a text used as the name of an element.
	maxSummaryWords = 20
	ellipsis        = "…"
)

// textField compares two texts word by word. Spacing and line breaks are
// not changes: reflowing a paragraph in YAML changes nothing printed.
func textField(name Loc, a, b string) []Field {
	wa, wb := strings.Fields(a), strings.Fields(b)
	switch {
	case slices.Equal(wa, wb):
		return nil
	case len(wa) == 0:
		return []Field{{Loc: name, Change: Added, New: clip(wb, maxTextWords)}}
	case len(wb) == 0:
		return []Field{{Loc: name, Change: Removed, Old: clip(wa, maxTextWords)}}
	}
	f := Field{Loc: name, Change: Changed, Old: clip(wa, maxTextWords), New: clip(wb, maxTextWords)}
	if len(wa) > 1 || len(wb) > 1 {
		f.Words = wordDiff(wa, wb)
	}
	return []Field{f}
}

func clip(words []string, n int) string {
	if len(words) > n {
		return strings.Join(words[:n], " ") + " " + ellipsis
	}
	return strings.Join(words, " ")
}

func clipWords(s string, n int) string { return clip(strings.Fields(s), n) }

// wordDiff returns the spans that turn a into b: the longest common
// subsequence of words, each change shown as its removed words then its
// added words, long unchanged runs shortened to their ends; or, when the
// texts share less than a third of their words, the one replaced by the
// other.
func wordDiff(a, b []string) []Span {
	ops := lcsOps(a, b)
	same := 0
	for _, o := range ops {
		if o.op == "=" {
			same++
		}
	}
	if same*3 < max(len(a), len(b)) {
		// A rewrite: interleaving the few words the texts share with
		// everything else would be noise.
		return []Span{{Op: "-", Text: clip(a, maxRunWords)}, {Op: "+", Text: clip(b, maxRunWords)}}
	}
	// Group each change's removals before its additions: [-a b-]{+c d+}
	// reads better than [-a-]{+c+}[-b-]{+d+}.
	var spans []Span
	for i := 0; i < len(ops); {
		if ops[i].op == "=" {
			j := i
			for j < len(ops) && ops[j].op == "=" {
				j++
			}
			spans = append(spans, Span{Op: "=", Text: joinWords(ops[i:j])})
			i = j
			continue
		}
		j := i
		var del, ins []op
		for ; j < len(ops) && ops[j].op != "="; j++ {
			if ops[j].op == "-" {
				del = append(del, ops[j])
			} else {
				ins = append(ins, ops[j])
			}
		}
		if len(del) > 0 {
			spans = append(spans, Span{Op: "-", Text: joinWords(del)})
		}
		if len(ins) > 0 {
			spans = append(spans, Span{Op: "+", Text: joinWords(ins)})
		}
		i = j
	}
	if len(a) <= shortText && len(b) <= shortText {
		return spans
	}
	return shorten(spans)
}

type op struct {
	op   string
	word string
}

func joinWords(ops []op) string {
	ws := make([]string, len(ops))
	for i, o := range ops {
		ws[i] = o.word
	}
	return strings.Join(ws, " ")
}

// lcsOps aligns a and b word by word. The common head and tail are taken
// first, which makes a small edit to a long text cheap; the rest is the
// classic LCS table, unless it would exceed maxCells.
func lcsOps(a, b []string) []op {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var ops []op
	for _, w := range a[:p] {
		ops = append(ops, op{"=", w})
	}
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	n, m := len(ma), len(mb)
	if n > 0 && m > 0 && n*m <= maxCells {
		// l[i*(m+1)+j] is the LCS length of ma[i:] and mb[j:].
		l := make([]int32, (n+1)*(m+1))
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					l[i*(m+1)+j] = l[(i+1)*(m+1)+j+1] + 1
				} else {
					l[i*(m+1)+j] = max(l[(i+1)*(m+1)+j], l[i*(m+1)+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n && j < m {
			switch {
			case ma[i] == mb[j]:
				ops = append(ops, op{"=", ma[i]})
				i++
				j++
			case l[(i+1)*(m+1)+j] >= l[i*(m+1)+j+1]:
				ops = append(ops, op{"-", ma[i]})
				i++
			default:
				ops = append(ops, op{"+", mb[j]})
				j++
			}
		}
		ma, mb = ma[i:], mb[j:]
	}
	for _, w := range ma {
		ops = append(ops, op{"-", w})
	}
	for _, w := range mb {
		ops = append(ops, op{"+", w})
	}
	for _, w := range a[len(a)-s:] {
		ops = append(ops, op{"=", w})
	}
	return ops
}

// shorten keeps context words either side of each change, clips long
// added or removed runs, and stops after maxChanges changes.
func shorten(spans []Span) []Span {
	var out []Span
	changes := 0
	for i, sp := range spans {
		if sp.Op != "=" {
			changes++
			if changes > maxChanges {
				rest := 0
				for _, s := range spans[i:] {
					if s.Op != "=" {
						rest++
					}
				}
				out = append(out, Span{Op: ellipsis, Text: fmt.Sprintf("%d more changes", rest)})
				break
			}
			out = append(out, Span{Op: sp.Op, Text: clipWords(sp.Text, maxRunWords)})
			continue
		}
		w := strings.Fields(sp.Text)
		first, last := i == 0, i == len(spans)-1
		switch {
		case first && len(w) > context:
			w = append([]string{ellipsis}, w[len(w)-context:]...)
		case last && len(w) > context:
			w = append(w[:context:context], ellipsis)
		case !first && !last && len(w) > 2*context+1:
			w = append(append(w[:context:context], ellipsis), w[len(w)-context:]...)
		}
		out = append(out, Span{Op: "=", Text: strings.Join(w, " ")})
	}
	return out
}
