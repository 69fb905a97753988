package plan

// The loader reads by hand what it once read with regexps and maps, for
// speed; these tests hold each hand-written reader to what it replaced.

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestKeysSeen: the array-then-map set of keys answers as a map would,
// below, at and past the size where it grows a map, deletions included.
func TestKeysSeen(t *testing.T) {
	for _, n := range []int{1, 7, 8, 9, 30} {
		var s keysSeen
		want := map[string]Pos{}
		check := func(step string) {
			for i := range n + 2 {
				k := fmt.Sprint("k", i)
				got, ok := s.get(k)
				w, wok := want[k]
				if got != w || ok != wok {
					t.Fatalf("n=%d, %s: get(%q) = %v %v, want %v %v", n, step, k, got, ok, w, wok)
				}
			}
		}
		for i := range n {
			k := fmt.Sprint("k", i)
			s.set(k, Pos{Line: i + 1})
			want[k] = Pos{Line: i + 1}
		}
		check("after set")
		for i := 0; i < n; i += 3 {
			k := fmt.Sprint("k", i)
			s.delete(k)
			delete(want, k)
		}
		check("after delete")
		s.set("k0", Pos{Line: 99})
		want["k0"] = Pos{Line: 99}
		check("after setting again")
	}
}

// TestParseYear: the hand-written reader accepts what ^(\d{4})/(\d{2})$
// accepts, and only the years that follow on.
func TestParseYear(t *testing.T) {
	re := regexp.MustCompile(`^(\d{4})/(\d{2})$`)
	for _, s := range []string{"2008/09", "1999/00", "2008/10", "2008-09", "2008/9", "208/09", "2008/09 ", "２008/09", "2008/0a", "", "2008/099", "abcd/ef"} {
		y, err := ParseYear(s)
		shaped := re.MatchString(s)
		if err == nil && (!shaped || y.String() != s) {
			t.Errorf("ParseYear(%q) = %v, want an error", s, y)
		}
		if err != nil && shaped && s != "2008/10" {
			t.Errorf("ParseYear(%q): %v", s, err)
		}
	}
}

// TestMeantYear: the fix suggested for a misspelt year is the year the
// author wrote, and nothing is suggested where that year is unclear.
func TestMeantYear(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when no year is suggested
	}{
		{"2026-27", "2026/27"},
		{"2026–27", "2026/27"},
		{"2026/2027", "2026/27"},
		{"2026 - 27", "2026/27"},
		{" 2026-27 ", "2026/27"},
		{"1999-00", "1999/00"},
		{"1999-2000", "1999/00"},
		{"2008/9", "2008/09"},
		{"2026-28", ""},   // two years on: which was meant?
		{"2026/2028", ""}, // likewise
		{"2026", ""},      // a calendar year: its financial year could be either
		{"202627", ""},
		{"2026-", ""},
		{"2026-2x", ""},
		{"26-27", ""},
		{"abcd-ef", ""},
		{"", ""},
	}
	for _, tt := range tests {
		y, ok := meantYear(tt.in)
		got := ""
		if ok {
			got = y.String()
		}
		if got != tt.want {
			t.Errorf("meantYear(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if _, err := ParseYear(tt.in); tt.want != "" && (err == nil || !strings.Contains(err.Error(), "write it as "+tt.want)) {
			t.Errorf("ParseYear(%q): %v, want it to suggest %s", tt.in, err, tt.want)
		}
	}
}

// TestIsSlug: the hand-written check accepts what ^[a-z0-9]+(-[a-z0-9]+)*$ accepts.
func TestIsSlug(t *testing.T) {
	re := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, s := range []string{"", "a", "2008-11", "reduce-serious-violence", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a-1-b2", "-", "a\n"} {
		if got, want := isSlug(s), re.MatchString(s); got != want {
			t.Errorf("isSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestControlIndex: the ASCII shortcut finds what strings.IndexFunc finds.
func TestControlIndex(t *testing.T) {
	for _, s := range []string{"", "plain text", "line\nbreak", "tab\there", "del\x7f", "bell\a", "é then \x1b", "é only", "\u0085 next line", "a\u200bb", "\x00", "x\r\n"} {
		if got, want := controlIndex(s), strings.IndexFunc(s, isControl); got != want {
			t.Errorf("controlIndex(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestSubject: a subject prints as the name validation once formatted
// eagerly for every figure.
func TestSubject(t *testing.T) {
	tests := []struct {
		s    subject
		want string
	}{
		{identified("measure", "m-1").as(" baseline"), fmt.Sprintf("%s baseline", fmt.Sprintf("measure %q", "m-1"))},
		{identified("measure", `a"b`).inPart("").as(" target"), fmt.Sprintf("%s, part %q, target", fmt.Sprintf("measure %q", `a"b`), "")},
		{identified("measure", "m").inPart("white"), fmt.Sprintf("%s, part %q,", `measure "m"`, "white")},
		{identified("table", "t\n").as(" column"), fmt.Sprintf("table %q column", "t\n")},
		{identified("activity", ""), fmt.Sprintf("activity %q", "")},
		{named("plan year"), "plan year"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%#v prints %q, want %q", tt.s, got, tt.want)
		}
	}
}
