package doc

import (
	"fmt"
	"testing"
)

func TestRepeatsHeading(t *testing.T) {
	for _, tt := range []struct {
		caption, heading string
		want             bool
	}{
		{"Capital programme 2008/09", "Capital programme 2008/09", true},
		{"capital  programme\n2008/09", "Capital programme 2008/09", true},
		{"Capital programme 2008/09: results", "Capital programme 2008/09", false},
		{"", "", false},
		{" ", "", false},
	} {
		if got := RepeatsHeading(tt.caption, tt.heading); got != tt.want {
			t.Errorf("RepeatsHeading(%q, %q) = %v, want %v", tt.caption, tt.heading, got, tt.want)
		}
	}
}

// TestKind checks Kind against the fmt form it was first written with: the
// kinds a document's tables share must not change with how it is made.
func TestKind(t *testing.T) {
	tables := []*Table{
		{Head: []string{"Measure", "Target 2008/09", "Result"}, Numeric: []bool{false, true, true}},
		{Head: []string{"a \"quoted\" head", "£ – ’", "tab\there"}, RowHeaders: true, HeaderColumn: 2},
		{Head: []string{""}, Numeric: nil},
		{Head: []string{"x"}, Numeric: []bool{true}, HeaderColumn: -1},
	}
	for _, tb := range tables {
		want := fmt.Sprintf("%q %v %v %d", tb.Head, tb.Numeric, tb.RowHeaders, tb.HeaderColumn)
		if got := tb.Kind(); got != want {
			t.Errorf("Kind() = %s, want %s", got, want)
		}
	}
	if k := (&Table{}).Kind(); k != "" {
		t.Errorf("a table without a header has kind %q, want none", k)
	}
	if k := (*Table)(nil).Kind(); k != "" {
		t.Errorf("a nil table has kind %q, want none", k)
	}
}
