// Package diff compares two versions of a plan item by item: what a change
// does to the plan (a target raised, an outcome reworded, savings added),
// not which YAML lines moved. Compare builds a Report, a plain value that
// tests inspect; WriteText, WriteMarkdown and WriteJSON print it (the JSON
// through types of its own, json.go, fixed by diff.schema.json).
//
// The comparison walks the model by reflection, guided by the same yaml
// tags the loader uses, so a field added to the model is compared (and
// named by its key) without a change here. Only what the model cannot say
// by itself is special: how list elements are matched (by ID, targets by
// year), tables (cells by row and column year), and the figures' arithmetic.
package diff

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
)

// Kinds of change.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
	// Reworded is a figure printed otherwise with the same value (79% as
	// 79.0%, £3.56bn as £3,560m): a change of wording, not of value.
	Reworded = "reworded"
)

// Report is every difference between two plans, grouped by section:
// metadata first, then the plan's lists in the model's order.
type Report struct {
	Old Side
	New Side
	// Plan is Added when there is no old plan (the whole plan is new) and
	// Removed when there is no new one; empty when both exist.
	Plan     string
	Sections []Section
}

// Side names one of the plans compared.
type Side struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Source string `json:"source"` // the folder, or folder@revision
	// Revision is the git revision the plan was read at, as given
	// (HEAD~1, main); empty for the work tree.
	Revision string `json:"revision,omitempty"`
}

// Section groups the changes to one part of the plan: metadata, outcomes,
// measures, budget... Fields are changes to the section's own values (the
// plan's status, the budget summary); Items are changes to its listed things.
type Section struct {
	Name   string // the plan file key, or "metadata"
	Title  string
	Fields []Field
	Items  []Item
	// Reordered lists the lists of the section whose order changed.
	Reordered []Reordering
}

// Reordering is a change of order in a list of items: the published
// contents and sections follow it, though no item changed.
type Reordering struct {
	Kind string   // what the list holds: objective
	Path []string // the plan file keys of the list: objectives, budget breakdowns
	// IDs are the items that moved, in the new order: the fewest whose
	// moves give the new order.
	IDs []string
}

// Item is an outcome, objective, measure, budget table... that was added,
// removed or changed, matched by ID across the two plans.
type Item struct {
	Kind string
	ID   string
	// Path is the plan file keys of the item: its list and its ID
	// (objectives, reduce-violence; budget, breakdowns, capital).
	Path []string
	// ReIdentified: the item is the same as one of another ID, OldID, in
	// the old plan; Warning says what that breaks.
	ReIdentified bool
	OldID        string
	Warning      string
	Title        string
	Change       string
	// Renamed: the same ID has a new title.
	Renamed bool
	// Moved: it now sits under another outcome, objective or priority.
	Moved  bool
	OldAt  string
	NewAt  string
	Fields []Field

	value reflect.Value // the item of an added or removed one, to pair re-identified items
}

// Field is one changed value. Name is the path of plan file keys to it,
// with list elements named by kind and key: "title", "target 2008/09 value",
// "item olympics-2012 amount", "row gap 2010/11". Old and New are as
// printed; Delta is the difference of two figures ("+100", "−£60.9m",
// "+2pp"); Words is a word-level diff of two texts.
type Field struct {
	Loc
	Change string
	Old    string
	New    string
	Delta  string
	Words  []Span
	// Gained and Lost are the members a list of references or codes
	// gained and lost.
	Gained []string
	Lost   []string

	// figure marks a change that carries a figure, the part of an added
	// or removed item worth showing.
	figure bool
	// oldQ, newQ and deltaQ are the exact figures behind Old, New and
	// Delta, a table's bare cells in its header's unit (2,706.8 in a £m
	// table is £2,706,800,000), for tools.
	oldQ, newQ, deltaQ *plan.Quantity
	// derived marks a figure computed from others (a breakdown's total, a
	// table row with equals), left out of a net sum of money.
	derived bool
}

// Empty reports whether the plans do not differ.
func (r *Report) Empty() bool { return r.Plan == "" && len(r.Sections) == 0 }

// Count returns the number of changed fields and items, for a summary line.
func (r *Report) Count() int {
	n := 0
	for _, s := range r.Sections {
		n += len(s.Fields) + len(s.Items) + len(s.Reordered)
	}
	return n
}

// Compare returns the differences from old to new. Neither plan is changed.
// A nil side is a plan that does not exist there: every item of the other
// is then added (or removed), and Plan says so.
func Compare(old, new *plan.Plan) *Report {
	whole := ""
	switch {
	case old == nil && new != nil:
		whole = Added
	case new == nil && old != nil:
		whole = Removed
	}
	if old == nil {
		old = &plan.Plan{}
	}
	if new == nil {
		new = &plan.Plan{}
	}
	r := &Report{
		Old:  Side{ID: old.ID, Title: old.Title, Source: old.Dir},
		New:  Side{ID: new.ID, Title: new.Title, Source: new.Dir},
		Plan: whole,
	}
	meta := Section{Name: "metadata", Title: "Metadata"}
	var rest []Section
	a, b := reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem()
	for _, f := range fieldsOf(a.Type()) {
		av, bv := a.Field(f.index), b.Field(f.index)
		switch {
		case isStructList(f.typ):
			s := Section{Name: f.key, Title: title(f.key)}
			s.add(items(kindOf("", f.key), []string{f.key}, av, bv))
			rest = append(rest, s)
		case f.typ.Kind() == reflect.Pointer && f.typ.Elem().Kind() == reflect.Struct:
			s := Section{Name: f.key, Title: title(f.key)}
			av, bv = deref(av), deref(bv)
			for _, g := range fieldsOf(av.Type()) {
				if isStructList(g.typ) {
					s.add(items(kindOf(f.key, g.key), []string{f.key, g.key}, av.Field(g.index), bv.Field(g.index)))
				} else {
					s.Fields = append(s.Fields, compareValue(Loc{}.key(g.key), av.Field(g.index), bv.Field(g.index))...)
				}
			}
			rest = append(rest, s)
		default:
			meta.Fields = append(meta.Fields, compareValue(Loc{}.key(f.key), av, bv)...)
		}
	}
	rest = append(rest, statuses(old, new))
	for _, s := range append([]Section{meta}, rest...) {
		if len(s.Fields)+len(s.Items)+len(s.Reordered) > 0 {
			r.Sections = append(r.Sections, s)
		}
	}
	r.followIDs()
	return r
}

// followIDs keeps an item whose references changed only because what
// they refer to was re-identified from being called moved: it sits where
// it sat. The changed references are still listed.
func (r *Report) followIDs() {
	renamed := map[string]string{}
	for _, s := range r.Sections {
		for _, it := range s.Items {
			if it.ReIdentified {
				renamed[it.OldID] = it.ID
			}
		}
	}
	if len(renamed) == 0 {
		return
	}
	for i := range r.Sections {
		for j := range r.Sections[i].Items {
			it := &r.Sections[i].Items[j]
			if !it.Moved {
				continue
			}
			it.Moved = false
			for _, f := range it.Fields {
				if len(f.Path) == 1 && parentKeys[f.Path[0]] && !followsIDs(f, renamed) {
					it.Moved = true
				}
			}
		}
	}
}

// followsIDs reports whether a change of references is only old IDs
// replaced by their new ones.
func followsIDs(f Field, renamed map[string]string) bool {
	if f.Change != Changed || len(f.Lost) != len(f.Gained) {
		return false
	}
	for _, l := range f.Lost {
		if !slices.Contains(f.Gained, renamed[l]) {
			return false
		}
	}
	return true
}

// field is one yaml-tagged field of a model struct.
type field struct {
	key   string
	index int
	typ   reflect.Type
}

func fieldsOf(t reflect.Type) []field {
	var fs []field
	for i := range t.NumField() {
		sf := t.Field(i)
		key, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if !sf.IsExported() || key == "" || key == "-" {
			continue
		}
		fs = append(fs, field{key: key, index: i, typ: sf.Type})
	}
	return fs
}

var (
	figureType     = reflect.TypeFor[plan.Figure]()
	figurePtrType  = reflect.TypeFor[*plan.Figure]()
	refsType       = reflect.TypeFor[[]plan.Ref]()
	ackType        = reflect.TypeFor[plan.Acknowledge]()
	yearType       = reflect.TypeFor[plan.Year]()
	targetsType    = reflect.TypeFor[[]plan.Target]()
	tableType      = reflect.TypeFor[plan.Table]()
	inspectionType = reflect.TypeFor[plan.Inspection]()
	resultType     = reflect.TypeFor[plan.Result]()
	targetType     = reflect.TypeFor[plan.Target]()
	partType       = reflect.TypeFor[plan.MeasurePart]()
)

func isStructList(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && t != refsType && t != ackType
}

// deref returns what a pointer points to, or the zero value for nil, so an
// absent section compares like an empty one.
func deref(v reflect.Value) reflect.Value {
	if v.IsNil() {
		return reflect.New(v.Type().Elem()).Elem()
	}
	return v.Elem()
}

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
func reidentify(out []Item, gone, born []int) []Item {
	drop, used := map[int]bool{}, map[int]bool{}
	for _, g := range gone {
		for _, b := range born {
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

// increasingRun marks the members of a longest increasing subsequence of seq.
func increasingRun(seq []int) []bool {
	n := len(seq)
	length, prev := make([]int, n), make([]int, n)
	best := -1
	for i := range n {
		length[i], prev[i] = 1, -1
		for j := range i {
			if seq[j] < seq[i] && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	keep := make([]bool, n)
	for i := best; i >= 0; i = prev[i] {
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

// compareStruct compares two values of one model struct, field by field,
// naming each change prefix + key.
func compareStruct(at Loc, a, b reflect.Value) []Field {
	if a.Type() == tableType {
		return compareTable(at, a, b)
	}
	var out []Field
	for _, f := range fieldsOf(a.Type()) {
		av, bv := a.Field(f.index), b.Field(f.index)
		out = append(out, compareValue(at.key(f.key), av, bv)...)
		if f.typ == targetsType {
			if lt, ok := latestTarget(at.key("latest_target").named(join(at.Name, "latest target")), av, bv); ok {
				out = append(out, lt)
			}
		}
	}
	if a.Type() == targetType {
		out = tidyTarget(at, a.Interface().(plan.Target), b.Interface().(plan.Target), out)
	}
	return out
}

// tidyTarget drops what a target's value change already says: a text that
// is just the value ("79%"), and the difference between targets of other
// kinds (-3% a year and a level of 67% do not subtract).
func tidyTarget(at Loc, a, b plan.Target, fs []Field) []Field {
	bare := a.Value != nil && b.Value != nil && a.Text == a.Value.Text && b.Text == b.Value.Text
	out := fs[:0]
	for _, f := range fs {
		switch f.Name {
		case join(at.Name, "text"):
			if bare {
				continue
			}
		case join(at.Name, "value"):
			if a.Kind != b.Kind {
				f.Delta = ""
			}
		}
		out = append(out, f)
	}
	return out
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + " " + key
}

// compareValue compares two values of one field, whatever its type.
func compareValue(name Loc, a, b reflect.Value) []Field {
	t := a.Type()
	switch {
	case t == figureType:
		return figureField(name, a.Addr().Interface().(*plan.Figure), b.Addr().Interface().(*plan.Figure), "")
	case t == figurePtrType:
		return figureField(name, a.Interface().(*plan.Figure), b.Interface().(*plan.Figure), "")
	case t == refsType:
		return listField(name, refIDs(a), refIDs(b), ", ")
	case t == ackType:
		return compareAcks(name, a.Interface().(plan.Acknowledge), b.Interface().(plan.Acknowledge))
	case t == yearType:
		return scalarField(name, yearText(a), yearText(b))
	case isStructList(t):
		return compareList(singular(lastWord(name.Name)), name, a, b)
	}
	switch t.Kind() {
	case reflect.String:
		return textField(name, a.String(), b.String())
	case reflect.Int, reflect.Int64, reflect.Int32:
		return scalarField(name, intText(a.Int()), intText(b.Int()))
	case reflect.Bool:
		return scalarField(name, strconv.FormatBool(a.Bool()), strconv.FormatBool(b.Bool()))
	case reflect.Slice:
		// Codes and wordings may hold commas themselves.
		sep := "; "
		if t.Elem() == yearType {
			sep = ", "
		}
		return listField(name, stringsOf(a), stringsOf(b), sep)
	case reflect.Struct:
		return compareStruct(name, a, b)
	case reflect.Pointer:
		if t.Elem().Kind() != reflect.Struct {
			return scalarField(name, printed(a), printed(b))
		}
		switch {
		case a.IsNil() && b.IsNil():
			return nil
		case a.IsNil():
			return []Field{{Loc: name, Change: Added, New: summary(b.Elem(), true), figure: hasFigure(t), newQ: mainQuantity(b.Elem())}}
		case b.IsNil():
			return []Field{{Loc: name, Change: Removed, Old: summary(a.Elem(), true), figure: hasFigure(t), oldQ: mainQuantity(a.Elem())}}
		}
		return compareStruct(name, a.Elem(), b.Elem())
	}
	// A type the model does not use yet: compare what it prints.
	return scalarField(name, printed(a), printed(b))
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// compareList compares a list of elements nested in an item (targets,
// breakdown items, table rows, subsections) by key; an element added or
// removed is one change, named "kind key" and summarised.
func compareList(kind string, name Loc, a, b reflect.Value) []Field {
	var out []Field
	fig := hasFigure(a.Type())
	by := byID
	switch a.Type().Elem() {
	case targetType, resultType:
		by = byYear
	case partType:
		by = byPart
	}
	match(a, b, func(key string, av, bv reflect.Value) {
		n := name.elem(kind, key, by)
		switch {
		case !av.IsValid():
			out = append(out, Field{Loc: n, Change: Added, New: summary(bv, false), figure: fig, newQ: mainQuantity(bv)})
		case !bv.IsValid():
			out = append(out, Field{Loc: n, Change: Removed, Old: summary(av, false), figure: fig, oldQ: mainQuantity(av)})
		default:
			out = append(out, compareStruct(n, av, bv)...)
		}
	})
	return out
}

// summary describes an element added or removed in a few words: its title
// and its figure ("2012 Games: £24.9m", "3% reduction (-3%)"), and with
// its year when the element is not named by it ("79% (2005/06)").
func summary(v reflect.Value, withYear bool) string {
	var parts []string
	name, sep, end := titleOf(v), ": ", ""
	if name == "" {
		if t := v.FieldByName("Text"); t.IsValid() && t.Kind() == reflect.String {
			// A target's words with its number: "3% reduction (-3%)".
			name, sep, end = clipWords(t.String(), maxSummaryWords), " (", ")"
		}
	}
	fig := ""
	for _, n := range []string{"Value", "Amount", "Total"} {
		if f := v.FieldByName(n); f.IsValid() {
			fig = figureOf(f).String()
			if fig != "" {
				break
			}
		}
	}
	switch {
	case name != "" && fig != "" && !strings.Contains(name, fig):
		parts = append(parts, name+sep+fig+end)
	case name != "":
		parts = append(parts, name)
	case fig != "":
		parts = append(parts, fig)
	}
	if y := v.FieldByName("Year"); withYear && y.IsValid() && y.Type() == yearType && y.Int() != 0 {
		parts = append(parts, "("+yearText(y)+")")
	}
	return strings.Join(parts, " ")
}

// mainQuantity is the figure summary shows for an element (its value,
// amount or total), exact, or nil.
func mainQuantity(v reflect.Value) *plan.Quantity {
	for _, n := range []string{"Value", "Amount", "Total"} {
		if f := v.FieldByName(n); f.IsValid() {
			if q := exact(figureOf(f), ""); q != nil {
				return q
			}
		}
	}
	return nil
}

func figureOf(v reflect.Value) *plan.Figure {
	switch v.Type() {
	case figureType:
		f := v.Interface().(plan.Figure)
		return &f
	case figurePtrType:
		return v.Interface().(*plan.Figure)
	}
	return nil
}

// hasFigure reports whether values of t can hold a figure.
func hasFigure(t reflect.Type) bool { return holdsFigure(t, map[reflect.Type]bool{}) }

func holdsFigure(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false // a recursive type (Section) holds a figure only through another field
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		return t == figurePtrType || holdsFigure(t.Elem(), seen)
	case reflect.Struct:
		if t == figureType {
			return true
		}
		for _, f := range fieldsOf(t) {
			if holdsFigure(f.typ, seen) {
				return true
			}
		}
	}
	return false
}

func intText(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

func scalarField(name Loc, a, b string) []Field {
	switch {
	case a == b:
		return nil
	case a == "":
		return []Field{{Loc: name, Change: Added, New: b}}
	case b == "":
		return []Field{{Loc: name, Change: Removed, Old: a}}
	}
	return []Field{{Loc: name, Change: Changed, Old: a, New: b}}
}

func refIDs(v reflect.Value) []string {
	refs := v.Interface().([]plan.Ref)
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.ID
	}
	return out
}

// stringsOf prints the members of a list of names, years or figures.
func stringsOf(v reflect.Value) []string {
	out := make([]string, v.Len())
	for i := range out {
		out[i] = printed(v.Index(i))
	}
	return out
}

// printed is a value as a reader would write it: a year as 2008/09, a
// figure as printed, what a pointer points to (never its address), text
// on one line.
func printed(v reflect.Value) string {
	switch {
	case v.Type() == yearType:
		return yearText(v)
	case v.Type() == figureType, v.Type() == figurePtrType:
		return figureOf(v).String()
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return printed(v.Elem())
	}
	return strings.Join(strings.Fields(fmt.Sprint(v.Interface())), " ")
}

// listField compares two lists of names as sets: the order of an
// objective's outcomes or a measure's codes carries no meaning.
func listField(name Loc, a, b []string, sep string) []Field {
	var gained, lost []string
	for _, s := range b {
		if !slices.Contains(a, s) && !slices.Contains(gained, s) {
			gained = append(gained, s)
		}
	}
	for _, s := range a {
		if !slices.Contains(b, s) && !slices.Contains(lost, s) {
			lost = append(lost, s)
		}
	}
	if len(gained)+len(lost) == 0 {
		return nil
	}
	f := scalarField(name, strings.Join(a, sep), strings.Join(b, sep))
	if f[0].Change == Changed {
		f[0].Gained, f[0].Lost = gained, lost
	}
	return f
}

func compareAcks(name Loc, a, b plan.Acknowledge) []Field {
	var out []Field
	var rules []plan.Rule
	for _, k := range b {
		rules = append(rules, k.Rule)
	}
	for _, k := range a {
		if !slices.Contains(rules, k.Rule) {
			rules = append(rules, k.Rule)
		}
	}
	for _, r := range rules {
		ra, _ := a.Reason(r)
		rb, _ := b.Reason(r)
		rule := name.key(string(r))
		out = append(out, textField(rule.key("reason").named(rule.Name), ra, rb)...)
		var da, db *plan.Figure
		if k := a.Get(r); k != nil {
			da = k.Difference
		}
		if k := b.Get(r); k != nil {
			db = k.Difference
		}
		out = append(out, figureField(rule.key("difference"), da, db, "")...)
	}
	return out
}

// kindOf names the things of a list: "outcome" for outcomes, "value" for
// the items of values.
func kindOf(parent, key string) string {
	if parent == "values" && key == "items" {
		return "value"
	}
	return singular(key)
}

func singular(key string) string {
	switch {
	case strings.HasSuffix(key, "ies"):
		return strings.TrimSuffix(key, "ies") + "y"
	case strings.HasSuffix(key, "s"):
		return strings.TrimSuffix(key, "s")
	}
	return key
}

func title(key string) string {
	s := strings.ReplaceAll(key, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
