package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

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

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	var s map[string]any
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatalf("diff.schema.json is not JSON: %v", err)
	}
	return s
}

// TestJSONMatchesSchema validates every JSON diff in the golden files, and
// a report with every kind of change, against the schema mpsplan prints.
func TestJSONMatchesSchema(t *testing.T) {
	schema := loadSchema(t)
	files, _ := filepath.Glob("../../testdata/diff/golden/*.json")
	if len(files) == 0 {
		t.Fatal("no golden JSON files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, e := range validate(schema, schema, v, "$") {
			t.Errorf("%s: %s", filepath.Base(f), e)
		}
	}
}

// TestSchemaValidatorFails: the validator itself rejects what the schema
// forbids, so a passing TestJSONMatchesSchema means something.
func TestSchemaValidatorFails(t *testing.T) {
	schema := loadSchema(t)
	bad := []string{
		`{"diffs": []}`,
		`{"version": 1, "diffs": []}`,
		`{"version": 2, "diffs": [], "extra": 1}`,
		`{"version": 2, "diffs": [{"old": {"id": "a", "title": "", "source": ""}, "new": {"id": "b", "title": "", "source": ""}, "plan": "renamed", "summary": {}, "sections": []}]}`,
	}
	for _, b := range bad {
		var v any
		if err := json.Unmarshal([]byte(b), &v); err != nil {
			t.Fatal(err)
		}
		if errs := validate(schema, schema, v, "$"); len(errs) == 0 {
			t.Errorf("validator accepts %s", b)
		}
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var v any
	_ = json.Unmarshal(buf.Bytes(), &v)
	if errs := validate(schema, schema, v, "$"); len(errs) > 0 {
		t.Errorf("an empty document fails: %v", errs)
	}
}
