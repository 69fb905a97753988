package plan

import (
	"encoding/json"
	"reflect"
	"slices"
)

// SchemaID is the $id of the JSON Schema for plan files.
const SchemaID = "https://mpsplan.example/schema/plan.schema.json"

// Schema returns a JSON Schema (draft 2020-12) of the plan format. It is
// generated from the same struct tags the loader reads, so an editor that
// uses it flags exactly what `mpsplan check` rejects as unknown or missing.
func Schema() ([]byte, error) {
	g := &schemaGen{defs: map[string]any{}}
	root := g.object(reflect.TypeFor[Plan]())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = SchemaID
	root["title"] = "mpsplan plan file"
	root["description"] = "A police plan, one folder a plan; top-level keys may be split over several files of the folder, so none is required by the schema of a single file."
	delete(root, "required")
	root["$defs"] = g.defs
	return json.MarshalIndent(root, "", "  ")
}

type schemaGen struct{ defs map[string]any }

var figureSchema = map[string]any{
	"description": "A figure as printed: 79%, £241.1m, 15,190, N/A; or {text, value} when the printed text carries more than the number.",
	"oneOf": []any{
		map[string]any{"type": []string{"string", "number"}},
		map[string]any{
			"type":                 "object",
			"additionalProperties": false,
			"required":             []string{"text", "value"},
			"properties": map[string]any{
				"text":  map[string]any{"type": "string"},
				"value": map[string]any{"type": []string{"string", "number"}},
			},
		},
	},
}

func (g *schemaGen) typ(t reflect.Type) any {
	switch t {
	case reflect.TypeFor[Year]():
		return map[string]any{"type": "string", "pattern": `^\d{4}/\d{2}$`, "description": "Financial year: 2008/09."}
	case reflect.TypeFor[Date]():
		return map[string]any{"type": "string", "pattern": dateRE.String()}
	case reflect.TypeFor[Ref]():
		return map[string]any{"type": "string", "description": "ID of another item of the plan."}
	case reflect.TypeFor[Figure]():
		return figureSchema
	case reflect.TypeFor[OutlineEntry]():
		if _, ok := g.defs["OutlineEntry"]; !ok {
			g.defs["OutlineEntry"] = g.outlineSchema()
		}
		return map[string]any{"$ref": "#/$defs/OutlineEntry"}
	case reflect.TypeFor[Acknowledge]():
		props := map[string]any{}
		for _, r := range Acknowledgeable() {
			props[string(r)] = map[string]any{"type": "string", "minLength": 1}
			if slices.Contains(gapRules, r) {
				props[string(r)] = g.typ(reflect.TypeFor[acknowledgedGap]())
			}
		}
		return map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.typ(t.Elem())
	case reflect.Slice:
		return map[string]any{"type": "array", "items": g.typ(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Struct:
		if _, ok := g.defs[t.Name()]; !ok {
			g.defs[t.Name()] = true // placeholder against recursion (Section)
			g.defs[t.Name()] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + t.Name()}
	}
	return map[string]any{}
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	si := describe(t)
	props := map[string]any{}
	var required []string
	for _, f := range si.fields {
		s := g.typ(t.Field(f.index).Type)
		if m, ok := s.(map[string]any); ok {
			c := map[string]any{}
			for k, v := range m {
				c[k] = v
			}
			if f.doc != "" {
				c["description"] = f.doc
			}
			if f.enum != nil {
				c["enum"] = f.enum
			}
			s = c
		}
		props[f.key] = s
		if f.required {
			required = append(required, f.key)
		}
	}
	out := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if required != nil {
		out["required"] = required
	}
	return out
}
