package diff

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
)

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
