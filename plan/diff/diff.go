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
	"reflect"
	"slices"
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
