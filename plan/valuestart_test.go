package plan

import (
	"strings"
	"testing"
)

// TestValueStartHints: a parser error caused by a value's first character
// gets a hint that says so, with the value quoted; other errors keep the
// parser's hint.
func TestValueStartHints(t *testing.T) {
	tests := []struct {
		line string // the value of title:, or a whole line
		hint string
	}{
		{"title: *Important* matters", `read as an alias, not text: quote it: title: "*Important* matters"`},
		{"title: 'It's good'", `a quote is written twice: title: 'It''s good'`},
		{`title: "He said "hi""`, `a quote is written \": title: "He said \"hi\""`},
		{"title: [draft] plan", `read as a list ending at its ]: if it is text, quote it: title: "[draft] plan"`},
		{"title: {tbc} later", `read as a mapping ending at its }`},
		{"title: >5%", `begins a block of text on the lines below: if it is text, quote it: title: ">5%"`},
		{"title: |x", `begins a block of text`},
		{"title: @home", `cannot start with @ unless it is quoted: title: "@home"`},
		{"title: `code`", "cannot start with ` unless it is quoted"},
		{"title: Step 1: go", `a value containing ": " must be quoted`},
		{"list:\n  - [a, b\n", `read as a list ending at its ]: if it is text, quote it: - "[a, b"`},
		{"list:\n  - a\n - b", "check the indentation"},
		{"outcomes:\n  - id: o\n    title:Crime is reduced", "put a space after the colon: title: Crime is reduced"},
	}
	for _, tt := range tests {
		src := "id: x\n" + tt.line + "\n"
		var diags Diagnostics
		if root := parseFile(File{Name: "p.yaml", Data: []byte(src)}, &diags); root != nil || len(diags) == 0 {
			t.Errorf("%q parsed; the test needs a parser error", tt.line)
			continue
		}
		if !strings.Contains(diags[0].Hint, tt.hint) {
			t.Errorf("%q: hint %q, want it to contain %q", tt.line, diags[0].Hint, tt.hint)
		}
	}
	// Values that are what they look like get no such hint.
	for _, line := range []string{"title: [a, b]", "summary: |", "summary: >-", "summary: |2 # indented", "title: 'It''s'", `title: "say \"hi\""`, "x", "- item"} {
		if h := valueStartHint(line); h != "" {
			t.Errorf("valueStartHint(%q) = %q, want none", line, h)
		}
	}
}

// TestBareTag: a value after a bare ! is reported where it stands, even
// past other text of its line.
func TestBareTag(t *testing.T) {
	for _, tt := range []struct{ src, msg string }{
		{"title: ! bang\n", `"! bang" is read as "bang"`},
		{"title: Café\nlist:\n  - ! élan vital\n", `"! élan vital" is read as "élan vital"`},
		{"items: [a, ! b]\n", `"! b]" is read as "b"`},
	} {
		var diags Diagnostics
		parseFile(File{Name: "p.yaml", Data: []byte(tt.src)}, &diags)
		if len(diags) != 1 || !strings.Contains(diags[0].Message, tt.msg) {
			t.Errorf("%q: %v, want one diagnostic with %q", tt.src, diags, tt.msg)
		}
	}
	for _, src := range []string{"title: Bang!\n", "title: \"! quoted\"\n", "# ! in a comment\ntitle: x\n"} {
		var diags Diagnostics
		parseFile(File{Name: "p.yaml", Data: []byte(src)}, &diags)
		if len(diags) != 0 {
			t.Errorf("%q: %v, want none", src, diags)
		}
	}
}
