package pdf

import (
	"slices"
	"testing"
)

// TestCodes: a document's characters get codes from 1 in the order it
// first draws them, the same code each time, astral ones included, and
// the code 0 (the missing glyph) once every code is taken.
func TestCodes(t *testing.T) {
	var u usedFace
	var got []uint16
	for _, r := range "ab£a🚓b£🚓z" {
		got = append(got, u.code(r))
	}
	if want := []uint16{1, 2, 3, 1, 4, 2, 3, 4, 5}; !slices.Equal(got, want) {
		t.Errorf("codes %v, want %v", got, want)
	}
	if string(u.runes) != "ab£🚓z" {
		t.Errorf("runes %q", string(u.runes))
	}
	for r := rune(0x4E00); len(u.runes) < 0xFFFF; r++ {
		u.code(r)
	}
	if c := u.code('Q'); c != 0 {
		t.Errorf("a character past 65,535 got code %d, want 0", c)
	}
	if c := u.code('a'); c != 1 {
		t.Errorf("'a' lost its code: %d", c)
	}
}
