package plan_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/plan"
)

// decodeFile loads data as a plan's only file and validates it, failing the
// test when that takes more than a few seconds (a hang).
func decodeFile(t *testing.T, name string, data []byte) plan.Diagnostics {
	t.Helper()
	var diags plan.Diagnostics
	done := make(chan struct{})
	go func() {
		defer close(done)
		if p := plan.Decode([]plan.File{{Name: name, Data: data}}, &diags); p != nil {
			plan.Validate(p, &diags)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: loading did not finish within 10s", name)
	}
	return diags
}

// TestYAMLTestSuite is issue 15 item 14: every case of the YAML test suite,
// fed to the loader as a plan file, loads without panic or hang, every case
// the suite says is an error is refused, and every diagnostic has a line
// and a column, including syntax errors on the first line, which yaml.v3
// reports without one.
func TestYAMLTestSuite(t *testing.T) {
	cases, err := filepath.Glob("../testdata/yaml-test-suite/*.yaml")
	if err != nil || len(cases) != 402 {
		t.Fatalf("want the suite's 402 cases, found %d (%v)", len(cases), err)
	}
	errorCases := 0
	for _, c := range cases {
		data, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(c)
		diags := decodeFile(t, name, data)
		if _, err := os.Stat(strings.TrimSuffix(c, ".yaml") + ".error"); err == nil {
			errorCases++
			if !diags.HasErrors() {
				t.Errorf("%s: the suite's error case was accepted", name)
			}
		}
		for _, d := range diags {
			if d.Pos.File != name || d.Pos.Line < 1 || d.Pos.Col < 1 {
				t.Errorf("%s: diagnostic without a position: %+v", name, d)
			}
		}
	}
	if errorCases != 94 {
		t.Errorf("want the suite's 94 error cases, found %d", errorCases)
	}
}

// TestSyntaxErrorPositions checks the exact position of syntax errors,
// first line included.
func TestSyntaxErrorPositions(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"nested mapping on line 1", "a: b: c: d\n", "f.yaml:1:5: error: invalid YAML: mapping values"},
		{"directive with junk", "%YAML 1.2 foo\n---\na: 1\n", "f.yaml:1:"},
		{"flow key", "[:x]\n", "f.yaml:1:"},
		{"tab on line 1", "\tid: x\n", "f.yaml:1:1: error: tab character in indentation"},
		{"nested mapping on line 2", "id: x\ntitle: Outcome: safer\n", "f.yaml:2:15: error: invalid YAML: mapping values"},
		{"unclosed flow list", "id: x\norganisations: [a, b\ntitle: T\n", "f.yaml:2:"},
		{"bad indent", "id: x\nperiod:\n  first: 2008/09\n last: 2010/11\n", "f.yaml:4:"},
		{"only a comment", "# yaml-language-server: $schema=../plan.schema.json\n", "f.yaml:1:1: error: file holds only comments"},
		{"second document", "id: x\n---\ntitle: T\n", "f.yaml:2:1: error: file holds more than one YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			_ = decodeFile(t, "f.yaml", []byte(tt.data)).WriteText(&b)
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("want %q in:\n%s", tt.want, b.String())
			}
		})
	}
}

// TestAnchorsTagsTabsRefused is issue 15 item 7: the README says anchors,
// tags and tabs are refused, so an anchor without an alias, an explicit
// tag, and a tab inside a quoted value or block scalar are errors.
func TestAnchorsTagsTabsRefused(t *testing.T) {
	tests := []struct {
		name, extra, want string
	}{
		{"anchor without alias", "subtitle: &a Hello\n", "anchor &a is not supported"},
		{"binary tag", "mission: !!binary aGVsbG8=\n", "tag !!binary is not supported"},
		{"str tag", "mission: !!str 5\n", "tag !!str is not supported"},
		{"local tag", "mission: !mine x\n", "tag !mine is not supported"},
		{"tab in a quoted value", "mission: \"a\tb\"\n", "tab character in the text"},
		{"tab escape in a quoted value", "mission: \"a\\tb\"\n", "control character U+0009"},
		{"tab in a block scalar", "mission: |\n  a\tb\n", "tab character in the text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			diags := decodeFile(t, "f.yaml", []byte(minimal+tt.extra))
			_ = diags.WriteText(&b)
			if !diags.HasErrors() || !strings.Contains(b.String(), tt.want) {
				t.Errorf("want an error %q, got:\n%s", tt.want, b.String())
			}
		})
	}
}

// TestControlCharactersRefused is issue 15 item 6 in the loader: YAML
// escapes such as "\e" and "\0" get past the check for NUL bytes in the
// file, and would put terminal escapes into documents.
func TestControlCharactersRefused(t *testing.T) {
	for _, esc := range []string{`\0`, `\e`, `\a`, `\x7f`, `\x9b`, `\u0008`} {
		t.Run(esc, func(t *testing.T) {
			diags := decodeFile(t, "f.yaml", []byte(minimal+"mission: \"Working "+esc+"[31mtogether\"\n"))
			var b strings.Builder
			_ = diags.WriteText(&b)
			if !diags.HasErrors() || !strings.Contains(b.String(), "control character") || !strings.Contains(b.String(), "f.yaml:8:10") {
				t.Errorf("want a positioned control-character error, got:\n%s", b.String())
			}
		})
	}
	// Line breaks in block scalars are text, not control characters.
	if diags := decodeFile(t, "f.yaml", []byte(minimal+"mission: |\n  line one\n  line two\n")); diags.HasErrors() {
		t.Errorf("block scalar refused: %v", diags)
	}
}
