package doc

import "testing"

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
