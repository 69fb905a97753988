package main

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/pdf"
)

// glyphWarnings walks every text of a plan and warns, naming the field and
// the position of the item holding it, about the characters its PDF cannot
// print (they print as U+FFFD): Hebrew, Arabic, CJK, emoji.
func glyphWarnings(p *plan.Plan) plan.Diagnostics {
	var out plan.Diagnostics
	var walk func(v reflect.Value, at plan.Pos, field string)
	walk = func(v reflect.Value, at plan.Pos, field string) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), at, field)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), at, field)
			}
		case reflect.Struct:
			if f := v.FieldByName("At"); f.IsValid() && f.Type() == reflect.TypeFor[plan.Pos]() {
				if pos := f.Interface().(plan.Pos); pos.Line > 0 {
					at = pos
				}
			}
			t := v.Type()
			for i := range t.NumField() {
				sf := t.Field(i)
				key, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
				if !sf.IsExported() || key == "-" {
					continue
				}
				name := key
				if name == "" {
					name = field // an embedded or untagged field: the parent's name
				}
				walk(v.Field(i), at, name)
			}
		case reflect.String:
			if miss := pdf.Missing(v.String()); len(miss) > 0 {
				var chars []string
				for _, r := range miss[:min(len(miss), 5)] {
					chars = append(chars, fmt.Sprintf("%q (U+%04X)", r, r))
				}
				if len(miss) > 5 {
					chars = append(chars, fmt.Sprintf("and %d more", len(miss)-5))
				}
				out = append(out, plan.Diagnostic{Pos: at, Severity: plan.Warning, Rule: "glyph",
					Message: fmt.Sprintf("%s: the PDF's fonts lack %s, printed as \uFFFD", field, strings.Join(chars, ", ")),
					Hint:    "the HTML and Markdown show them; the PDF's embedded Go fonts cover Latin, Greek and Cyrillic only"})
			}
		}
	}
	walk(reflect.ValueOf(p), plan.Pos{File: p.Dir}, "plan")
	return out
}
