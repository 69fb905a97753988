package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestOutFileOnDisk checks that a file its job saw on disk counts as
// written only while it is still that file, unchanged.
func TestOutFileOnDisk(t *testing.T) {
	tests := []struct {
		name   string
		old    string // on disk before the job; "" for none
		data   string // what the job made
		look   bool
		seen   bool                         // want the job to have seen it
		change func(t *testing.T, p string) // after the job, before writing
		want   bool
	}{
		{name: "same, seen", old: "abc", data: "abc", look: true, seen: true, want: true},
		{name: "same, not looked at", old: "abc", data: "abc", want: true},
		{name: "different", old: "abc", data: "abd", look: true, want: false},
		{name: "longer", old: "abc", data: "abcd", look: true, want: false},
		{name: "missing", data: "abc", look: true, want: false},
		{name: "replaced since", old: "abc", data: "abc", look: true, seen: true, want: false,
			change: func(t *testing.T, p string) {
				tmp := p + ".new"
				write(t, tmp, "xyz")
				if err := os.Rename(tmp, p); err != nil {
					t.Fatal(err)
				}
			}},
		{name: "rewritten in place since", old: "abc", data: "abc", look: true, seen: true, want: false,
			change: func(t *testing.T, p string) {
				write(t, p, "xyz")
				later := time.Now().Add(time.Hour)
				if err := os.Chtimes(p, later, later); err != nil {
					t.Fatal(err)
				}
			}},
		{name: "removed since", old: "abc", data: "abc", look: true, seen: true, want: false,
			change: func(t *testing.T, p string) { os.Remove(p) }},
		{name: "touched since, same bytes", old: "abc", data: "abc", look: true, seen: true, want: true,
			change: func(t *testing.T, p string) {
				later := time.Now().Add(time.Hour)
				if err := os.Chtimes(p, later, later); err != nil {
					t.Fatal(err)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "doc.md")
			if tc.old != "" {
				write(t, p, tc.old)
			}
			f := newOutFile(p, []byte(tc.data), tc.look)
			if got := f.seen != nil; got != tc.seen {
				t.Errorf("seen = %v, want %v", got, tc.seen)
			}
			if tc.change != nil {
				tc.change(t, p)
			}
			if got := f.onDisk(); got != tc.want {
				t.Errorf("onDisk() = %v, want %v", got, tc.want)
			}
		})
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
