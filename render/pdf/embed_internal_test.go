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
	for r := rune(0x4E00); len(u.runes) < maxCode; r++ {
		u.code(r)
	}
	if c := u.code('Q'); c != 0 {
		t.Errorf("a character past the last code got code %d, want 0", c)
	}
	if c := u.code('a'); c != 1 {
		t.Errorf("'a' lost its code: %d", c)
	}
	// The codes' bytes: one below 0xE0, two from there on, as the
	// encoding's CMap reads them.
	for _, tc := range []struct {
		c    uint16
		want string
	}{{1, "\x01"}, {0x28, "\\("}, {0x0D, "\\r"}, {0x0A, "\\n"}, {0xDF, "\xdf"}, {0xE0, "\xe0\x00"}, {0xE0 + 0x29, "\xe0\\)"}, {maxCode, "\xff\xff"}} {
		if got := string(appendCode(nil, tc.c)); got != tc.want {
			t.Errorf("code %#x is written %q, want %q", tc.c, got, tc.want)
		}
	}
	if got := string(hexCode(0xE0 + 0x15C)); got != "E15C" {
		t.Errorf("hexCode = %s, want E15C", got)
	}
}

// TestEscaped: the table paintText consults says which bytes
// appendEscaped escapes.
func TestEscaped(t *testing.T) {
	for c := range 256 {
		if got := len(appendEscaped(nil, byte(c))) == 2; got != escaped[c] {
			t.Errorf("byte %#x: escaped %v, appendEscaped escapes it: %v", c, escaped[c], got)
		}
	}
	var u usedFace
	if a, b := u.asciiCode('x'), u.code('x'); a != 1 || b != 1 || u.asciiCode('x') != 1 {
		t.Errorf("asciiCode and code disagree: %d, %d", a, b)
	}
}
