package plan

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

// TestSchemaEnumsFromTypes: every field whose type is a domain word gets
// its schema enum from the type's own list, and carries no enum tag that
// could drift from it.
func TestSchemaEnumsFromTypes(t *testing.T) {
	raw, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties map[string]map[string]any
		Defs       map[string]struct {
			Properties map[string]map[string]any
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]bool{}
	found := 0
	var walk func(reflect.Type)
	walk = func(st reflect.Type) {
		if seen[st] {
			return
		}
		seen[st] = true
		props := s.Properties
		if st != reflect.TypeFor[Plan]() {
			props = s.Defs[st.Name()].Properties
		}
		for i := range st.NumField() {
			f := st.Field(i)
			key := f.Tag.Get("yaml")
			if key == "" || key == "-" {
				continue
			}
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if w, ok := reflect.Zero(f.Type).Interface().(wordType); ok {
				found++
				if f.Tag.Get("enum") != "" {
					t.Errorf("%s.%s has an enum tag beside its type's words", st.Name(), f.Name)
				}
				var got []string
				for _, v := range props[key]["enum"].([]any) {
					got = append(got, v.(string))
				}
				if !slices.Equal(got, w.Values()) {
					t.Errorf("%s.%s: schema enum %v, type's words %v", st.Name(), f.Name, got, w.Values())
				}
			}
			if ft.Kind() == reflect.Struct && ft.PkgPath() == st.PkgPath() && ft.NumField() > 0 {
				walk(ft)
			}
		}
	}
	walk(reflect.TypeFor[Plan]())
	// plan kind, measure kind, figures, breakdown kind, inspection body
	if found < 5 {
		t.Errorf("only %d fields of domain-word types found", found)
	}
}

func TestWords(t *testing.T) {
	if KindPolicingPlan.Label() != "Policing plan" || PlanKind("pamphlet").Label() != "pamphlet" {
		t.Error("plan kind labels")
	}
	if StatusProposed.Label() != "Proposed, no approval recorded" || StatusDraft.Label() != "Draft" || len(PlanStatus("").Values()) != 3 {
		t.Error("plan statuses")
	}
	if !KindStrategyAndPlan.IsPolicingPlan() || KindCorporatePlan.IsPolicingPlan() {
		t.Error("policing plans")
	}
	if !MeasureCPA.Critical() || MeasureIndicator.Critical() || MeasureLongTerm.Title() != "Long-term measures" {
		t.Error("measure kinds")
	}
	if BodyPPAF.Title() != "Police Performance Assessment Framework (PPAF) domain" || len(InspectionBodies()) != 2 {
		t.Error("inspection bodies")
	}
	if !BreakdownFunding.Shares() || BreakdownCapital.Shares() {
		t.Error("breakdown kinds")
	}
	for _, r := range Acknowledgeable() {
		if !slices.Contains(Rule("").Values(), string(r)) || !slices.Contains(acknowledgeable, string(r)) {
			t.Errorf("rule %q", r)
		}
	}
}
