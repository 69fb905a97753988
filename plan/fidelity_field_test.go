package plan_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

// A field entry checks what the source says that is no figure: a plan's
// status, the outcomes an objective serves, a measure's data source, or
// that a measure has no targets at all:
//
//	field plan <plan-id> status proposed
//	field objective reduce-serious-violence outcomes crime-reduced, offenders-brought-to-justice
//	field measure local-police-good-job data_source BCS
//	field measure counter-terrorism-indicator targets (none)
//
// <key> is the YAML key. The value is compared with the field's text (runs
// of white space collapsed), references as IDs joined by ", "; (none)
// means the field is empty.
func init() { figureChecks["field"] = checkField }

// fieldLists are the kinds of item a field entry may name, by the plan
// field that lists them.
var fieldLists = map[string]string{
	"outcome": "Outcomes", "objective": "Objectives", "measure": "Measures",
	"activity": "Activities", "section": "Sections",
}

func checkField(p *plan.Plan, rest string) string {
	w, want, ok := fields(rest, 3)
	if !ok {
		return fmt.Sprintf("%q: write: field <kind> <id> <key> <value>", "field "+rest)
	}
	kind, id, key := w[0], w[1], w[2]
	var item reflect.Value
	if kind == "plan" {
		if id != p.ID {
			return fmt.Sprintf("field plan %s: the plan is %s", id, p.ID)
		}
		item = reflect.ValueOf(p).Elem()
	} else {
		name, ok := fieldLists[kind]
		if !ok {
			return fmt.Sprintf("field %s: kind must be plan, outcome, objective, measure, activity or section", kind)
		}
		list := reflect.ValueOf(p).Elem().FieldByName(name)
		for i := range list.Len() {
			if list.Index(i).FieldByName("ID").String() == id {
				item = list.Index(i)
			}
		}
		if !item.IsValid() {
			return fmt.Sprintf("plan has no %s %q", kind, id)
		}
	}
	for i := range item.NumField() {
		f := item.Type().Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name != key {
			continue
		}
		got := fieldText(item.Field(i))
		if got == strings.Join(strings.Fields(want), " ") || want == "(none)" && got == "" {
			return ""
		}
		if got == "" {
			got = "(none)"
		}
		return fmt.Sprintf("%s %s: %s is %q, not %q as the source says", kind, id, key, got, want)
	}
	return fmt.Sprintf("%s %s has no key %q", kind, id, key)
}

// fieldText is the text of a field: a string, references as IDs joined by
// ", ", or "" for an empty list or nil; a list of anything else is "" only
// when empty.
func fieldText(v reflect.Value) string {
	switch {
	case v.Kind() == reflect.String:
		return strings.Join(strings.Fields(v.String()), " ")
	case v.Type() == reflect.TypeFor[[]plan.Ref]():
		var ids []string
		for _, r := range v.Interface().([]plan.Ref) {
			ids = append(ids, r.ID)
		}
		return strings.Join(ids, ", ")
	case v.Kind() == reflect.Slice && v.Len() == 0, v.Kind() == reflect.Pointer && v.IsNil():
		return ""
	}
	return fmt.Sprintf("%d of %s", lenOf(v), v.Type())
}

func lenOf(v reflect.Value) int {
	if v.Kind() == reflect.Slice {
		return v.Len()
	}
	return 1
}

// TestFieldEntries proves field entries can fail, and pass when right.
func TestFieldEntries(t *testing.T) {
	t.Chdir("..")
	p, diags := plan.Load("plans/2010-13")
	if p == nil || diags.HasErrors() {
		t.Fatalf("plan 2010-13 does not load: %v", diags.Err())
	}
	tests := []struct{ entry, want string }{
		{"plan 2010-13 status draft", ""},
		{"plan 2010-13 status approved", `plan 2010-13: status is "draft", not "approved"`},
		{"plan 2008-11 status draft", "the plan is 2010-13"},
		{"measure local-police-good-job data_source BCS", ""},
		{"measure local-police-good-job data_source PAS", `data_source is "BCS", not "PAS"`},
		{"measure counter-terrorism-indicator targets (none)", ""},
		{"measure counter-terrorism-indicator comment (In development)", ""},
		{"objective build-confidence outcomes confidence", ""},
		{"objective safer-neighbourhoods outcomes confidence", `outcomes is "confidence, safety", not "confidence"`},
		{"measure local-police-good-job colour blue", `has no key "colour"`},
		{"measure no-such data_source BCS", `plan has no measure "no-such"`},
		{"budget x y z", "kind must be"},
		{"measure x", "write: field"},
	}
	for _, tt := range tests {
		got := checkField(p, tt.entry)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("field %s: got %q, want %q", tt.entry, got, tt.want)
		}
	}
}
