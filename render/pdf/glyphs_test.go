package pdf

import (
	"bytes"
	"testing"

	"github.com/mpsplan/mpsplan/render/doc"
)

// TestGlyphFallback is issue 15 item 10: text in NFD form (macOS: "e" +
// U+0301) is normalised to NFC and prints as the fonts' "é"; Hebrew,
// Arabic, CJK and emoji, which the Go fonts lack, print as U+FFFD instead
// of empty boxes, and Missing names them for the build's warning.
func TestGlyphFallback(t *testing.T) {
	tests := []struct{ in, want, missing string }{
		{"Cafe\u0301 £3.5m – ’ •", "Café £3.5m – ’ •", ""},
		{"שלום", "\uFFFD\uFFFD\uFFFD\uFFFD", "שלום"},
		{"مرحبا", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD", "مرحبا"},
		{"東京 東", "\uFFFD\uFFFD \uFFFD", "東京"},
		{"🚓 x", "\uFFFD x", "🚓"},
		{"a\u200bb\x1bc", "abc", ""},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(Missing(tt.in)); got != tt.missing {
			t.Errorf("Missing(%q) = %q, want %q", tt.in, got, tt.missing)
		}
	}
}

// TestNoBlankPageAfterCover is issue 15 item 13 (PDF): a document with no
// sections, as a plan with only the required fields gives, is one page,
// its cover, not a cover and a blank page.
func TestNoBlankPageAfterCover(t *testing.T) {
	d := &doc.Document{ID: "p", Title: "T", Organisations: []string{"Metropolitan Police Authority"}, Meta: []doc.Meta{{Label: "Period", Value: "2008/09 to 2010/11"}}}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b.Bytes(), []byte("/Type /Page\n")) + bytes.Count(b.Bytes(), []byte("/Type /Page ")) + bytes.Count(b.Bytes(), []byte("/Type /Page>")); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
}
