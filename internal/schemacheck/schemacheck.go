// Package schemacheck validates JSON against a JSON Schema, for tests: the
// subset of draft 2020-12 that mpsplan's own schemas use. It is small on
// purpose (no dependency): a schema using more than it knows must grow it.
package schemacheck

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Validate checks the JSON document data against schema and returns every
// violation, each with its JSON path ($.diffs[0].summary), or the error
// that stops either from being read.
func Validate(schema, data []byte) ([]string, error) {
	var s map[string]any
	if err := json.Unmarshal(schema, &s); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("document: %w", err)
	}
	return validate(s, s, v, "$"), nil
}

// validate checks v against schema s, the subset of JSON Schema 2020-12
// diff.schema.json uses: type, const, enum, properties, required,
// additionalProperties false, items, $ref into $defs, oneOf, pattern and
// minimum. It returns every violation, each with its JSON path.
func validate(root, s map[string]any, v any, at string) []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		def, _ := root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok || def == nil {
			return []string{at + ": unresolved $ref " + ref}
		}
		errs = append(errs, validate(root, def, v, at)...)
	}
	if t, ok := s["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, x := range t {
				types = append(types, x.(string))
			}
		}
		if !slices.Contains(types, jsonType(v)) && !(jsonType(v) == "integer" && slices.Contains(types, "number")) {
			fail("is %s, want %v", jsonType(v), types)
			return errs
		}
	}
	if c, ok := s["const"]; ok && fmt.Sprint(c) != fmt.Sprint(v) {
		fail("is %v, want %v", v, c)
	}
	if e, ok := s["enum"].([]any); ok && !slices.ContainsFunc(e, func(x any) bool { return x == v }) {
		fail("%v is not one of %v", v, e)
	}
	if p, ok := s["pattern"].(string); ok {
		if str, ok := v.(string); ok && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	}
	if m, ok := s["minimum"].(float64); ok {
		if n, ok := v.(float64); ok && n < m {
			fail("%v is below %v", n, m)
		}
	}
	if one, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, sub := range one {
			if len(validate(root, sub.(map[string]any), v, at)) == 0 {
				n++
			}
		}
		if n != 1 {
			fail("matches %d of the oneOf schemas, want 1", n)
		}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := obj[r]; !ok {
				fail("lacks required %q", r)
			}
		}
		for k, x := range obj {
			ps, ok := props[k].(map[string]any)
			if !ok {
				if s["additionalProperties"] == false {
					fail("has %q, which the schema does not allow", k)
				}
				continue
			}
			errs = append(errs, validate(root, ps, x, at+"."+k)...)
		}
	}
	if list, ok := v.([]any); ok {
		if is, ok := s["items"].(map[string]any); ok {
			for i, x := range list {
				errs = append(errs, validate(root, is, x, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	}
	return errs
}

func jsonType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if v == float64(int64(v)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "unknown"
}

func asStrings(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, x := range l {
		out = append(out, x.(string))
	}
	return out
}
