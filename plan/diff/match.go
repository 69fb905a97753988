package diff

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
)

// parentKeys are the references that place an item in the plan's
// hierarchy; a change to them is a move. (Strategies support an objective
// rather than contain it.)
var parentKeys = map[string]bool{"outcomes": true, "objectives": true, "priorities": true, "strands": true}

// items matches two lists of top-level things by key and reports those
// added, removed or changed: in the new plan's order, then the removed ones
// in the old plan's order. An item removed and another added that differ
// in nothing but the ID are one item re-identified. A change of order
// among the items on both sides is reported apart, as a reordering: the
// published contents and sections follow it.
func items(kind string, list []string, a, b reflect.Value) ([]Item, *Reordering) {
	var out []Item
	var gone, born []int // indexes into out
	match(a, b, func(key string, av, bv reflect.Value) {
		it := Item{Kind: kind, ID: key, Path: append(slices.Clone(list), key)}
		switch {
		case !av.IsValid():
			it.Change, it.Title, it.NewAt = Added, titleOf(bv), posOf(bv)
			it.Fields = figuresOnly(compareStruct(Loc{}, reflect.Zero(bv.Type()), bv))
			it.value = bv
			born = append(born, len(out))
		case !bv.IsValid():
			it.Change, it.Title, it.OldAt = Removed, titleOf(av), posOf(av)
			it.Fields = figuresOnly(compareStruct(Loc{}, av, reflect.Zero(av.Type())))
			it.value = av
			gone = append(gone, len(out))
		default:
			it.Fields = compareStruct(Loc{}, av, bv)
			if len(it.Fields) == 0 {
				return
			}
			it.Change, it.Title, it.OldAt, it.NewAt = Changed, titleOf(bv), posOf(av), posOf(bv)
			it.flag()
		}
		out = append(out, it)
	})
	out = reidentify(out, gone, born)
	return out, reordering(kind, list, keys(a), keys(b))
}

// flag marks a changed item renamed (a new title) or moved (other parents).
func (it *Item) flag() {
	for _, f := range it.Fields {
		if len(f.Path) == 1 {
			it.Renamed = it.Renamed || f.Path[0] == "title"
			it.Moved = it.Moved || parentKeys[f.Path[0]]
		}
	}
}

// reidentify pairs each removed item with an added one equal to it in all
// but the ID, and reports the pair as one item whose ID changed. Lineage
// rests on IDs (trends across plans, diffs between plans), so the item
// carries a warning.
//
// Items equal in all but the ID have one title (titleOf reads it as the
// comparison does, word by word), so each removed item is compared only
// with the added ones of its title: a plan whose every ID was renumbered
// compared each item with every other, and 3,000 measures took four
// minutes.
func reidentify(out []Item, gone, born []int) []Item {
	drop, used := map[int]bool{}, map[int]bool{}
	byTitle := map[string][]int{}
	for _, b := range born {
		t := titleOf(out[b].value)
		byTitle[t] = append(byTitle[t], b)
	}
	for _, g := range gone {
		for _, b := range byTitle[titleOf(out[g].value)] {
			if used[b] {
				continue
			}
			if len(withoutID(compareStruct(Loc{}, out[g].value, out[b].value))) > 0 {
				continue
			}
			it := &out[b]
			it.Change, it.OldID, it.ReIdentified, it.OldAt = Changed, out[g].ID, true, out[g].OldAt
			it.Fields = []Field{{Loc: Loc{Name: "id", Path: []string{"id"}}, Change: Changed, Old: out[g].ID, New: it.ID}}
			it.Warning = fmt.Sprintf("lineage to earlier plans breaks: plans that have this %s as %q no longer match it (trends, comparisons across plans)", it.Kind, it.OldID)
			drop[g], used[b] = true, true
			break
		}
	}
	if len(drop) == 0 {
		return out
	}
	kept := out[:0]
	for i, it := range out {
		if !drop[i] {
			kept = append(kept, it)
		}
	}
	return kept
}

func withoutID(fs []Field) []Field {
	var out []Field
	for _, f := range fs {
		if !(len(f.Path) == 1 && f.Path[0] == "id") {
			out = append(out, f)
		}
	}
	return out
}

// reordering compares the order of the keys both lists hold. The items
// that moved are those outside a longest run kept in order: the fewest
// moves that turn the old order into the new.
func reordering(kind string, list, ak, bk []string) *Reordering {
	pos := map[string]int{}
	for i, k := range ak {
		pos[k] = i
	}
	var common []string
	var seq []int
	for _, k := range bk {
		if i, ok := pos[k]; ok {
			common = append(common, k)
			seq = append(seq, i)
		}
	}
	keep := increasingRun(seq)
	var moved []string
	for i, k := range common {
		if !keep[i] {
			moved = append(moved, k)
		}
	}
	if len(moved) == 0 {
		return nil
	}
	return &Reordering{Kind: kind, Path: slices.Clone(list), IDs: moved}
}

// increasingRun marks the members of a longest increasing subsequence of
// seq, whose values are distinct and not negative: of the longest, the
// one ending first, each member preceded by the first that can precede it
// (what reordering reports as moved depends on the choice).
//
// The best run ending below each value is kept in a Fenwick tree over the
// values, so that each member's predecessor is found in a logarithmic
// number of steps: comparing each member with every earlier one cost the
// square of a list's length.
func increasingRun(seq []int) []bool {
	n := len(seq)
	size := 0
	for _, v := range seq {
		size = max(size, v+1)
	}
	// run is the longest run found ending at index at of seq: longer is
	// better, and of equal length the one ending first.
	type run struct{ length, at int }
	better := func(a, b run) bool { return a.length > b.length || a.length == b.length && a.length > 0 && a.at < b.at }
	tree := make([]run, size+1) // 1-based: tree[k] covers values below k
	length, prev := make([]int, n), make([]int, n)
	best := -1
	for i, v := range seq {
		q := run{0, -1}
		for k := v; k > 0; k -= k & -k {
			if better(tree[k], q) {
				q = tree[k]
			}
		}
		length[i], prev[i] = q.length+1, q.at
		cur := run{length[i], i}
		for k := v + 1; k <= size; k += k & -k {
			if better(cur, tree[k]) {
				tree[k] = cur
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	return chain(prev, best)
}

// chain marks the members of the run ending at last, each member's
// predecessor at prev (-1 for none); none when last is -1.
func chain(prev []int, last int) []bool {
	keep := make([]bool, len(prev))
	for i := last; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}

// add puts the items and reordering of one list into the section.
func (s *Section) add(its []Item, r *Reordering) {
	s.Items = append(s.Items, its...)
	if r != nil {
		s.Reordered = append(s.Reordered, *r)
	}
}

func figuresOnly(fs []Field) []Field {
	var out []Field
	for _, f := range fs {
		if f.figure {
			out = append(out, f)
		}
	}
	return out
}

// match pairs the elements of two lists by key and calls f for each key:
// first the new list's, in order, then those only in the old list. An
// element on one side only comes with an invalid Value for the other.
func match(a, b reflect.Value, f func(key string, av, bv reflect.Value)) {
	ak, bk := keys(a), keys(b)
	ai := make(map[string]int, len(ak))
	for i, k := range ak {
		ai[k] = i
	}
	bi := make(map[string]bool, len(bk))
	for j, k := range bk {
		bi[k] = true
		var av reflect.Value
		if i, ok := ai[k]; ok {
			av = a.Index(i)
		}
		f(k, av, b.Index(j))
	}
	for i, k := range ak {
		if !bi[k] {
			f(k, a.Index(i), reflect.Value{})
		}
	}
}

// keys returns the matching key of every element of a list: its ID (for
// an inspection, body and ID, as IDs are unique within a body), a target's
// year, a result's year and period. A repeated key (which validation
// rejects) gets a suffix so no element is lost.
func keys(list reflect.Value) []string {
	out := make([]string, list.Len())
	seen := map[string]int{}
	for i := range out {
		k := keyOf(list.Index(i))
		if n := seen[k]; n > 0 {
			seen[k] = n + 1
			k = fmt.Sprintf("%s#%d", k, n+1)
		} else {
			seen[k] = 1
		}
		out[i] = k
	}
	return out
}

func keyOf(v reflect.Value) string {
	switch v.Type() {
	case targetType:
		return yearText(v.FieldByName("Year"))
	case resultType:
		k := yearText(v.FieldByName("Year"))
		if p := v.FieldByName("Period").String(); p != "" {
			k += " " + p
		}
		return k
	case inspectionType:
		return v.FieldByName("Body").String() + " " + v.FieldByName("ID").String()
	}
	if id := v.FieldByName("ID"); id.IsValid() && id.Kind() == reflect.String {
		return id.String()
	}
	if y := v.FieldByName("Year"); y.IsValid() && y.Type() == yearType {
		return yearText(y)
	}
	return ""
}

func yearText(v reflect.Value) string {
	if v.Int() == 0 {
		return ""
	}
	return plan.Year(v.Int()).String()
}

// titleOf returns what an element is called: its title, label or area.
func titleOf(v reflect.Value) string {
	for _, name := range []string{"Title", "Label", "Area"} {
		if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
			return strings.Join(strings.Fields(f.String()), " ")
		}
	}
	return ""
}

func posOf(v reflect.Value) string {
	if at := v.FieldByName("At"); at.IsValid() {
		if p, ok := at.Interface().(plan.Pos); ok && p.File != "" {
			return p.String()
		}
	}
	return ""
}
