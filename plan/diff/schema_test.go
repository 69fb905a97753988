package diff

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/mpsplan/mpsplan/internal/schemacheck"
)

// TestJSONMatchesSchema validates every JSON diff in the golden files
// against the schema mpsplan prints.
func TestJSONMatchesSchema(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/diff/golden/*.json")
	if len(files) == 0 {
		t.Fatal("no golden JSON files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		errs, err := schemacheck.Validate(Schema(), data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, e := range errs {
			t.Errorf("%s: %s", filepath.Base(f), e)
		}
	}
}

// TestSchemaValidatorFails: the validator rejects what the schema
// forbids, so a passing TestJSONMatchesSchema means something.
func TestSchemaValidatorFails(t *testing.T) {
	bad := []string{
		`{"diffs": []}`,
		`{"version": 1, "diffs": []}`,
		`{"version": 2, "diffs": [], "extra": 1}`,
		`{"version": 2, "diffs": [{"old": {"id": "a", "title": "", "source": ""}, "new": {"id": "b", "title": "", "source": ""}, "plan": "renamed", "summary": {}, "sections": []}]}`,
	}
	for _, b := range bad {
		errs, err := schemacheck.Validate(Schema(), []byte(b))
		if err != nil {
			t.Fatal(err)
		}
		if len(errs) == 0 {
			t.Errorf("validator accepts %s", b)
		}
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if errs, err := schemacheck.Validate(Schema(), buf.Bytes()); err != nil || len(errs) > 0 {
		t.Errorf("an empty document fails: %v %v", err, errs)
	}
}
