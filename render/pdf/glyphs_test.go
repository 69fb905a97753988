package pdf

import (
	"bytes"
	"strings"
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
		{"שלום", "שלום", ""}, // Liberation Sans has Hebrew
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

// TestWideTableRefused is issue 15 item 11: a table with more columns than
// fit across the page (60) is refused with an error naming it, not drawn
// with its label column crushed to one letter; one that fits is drawn.
func TestWideTableRefused(t *testing.T) {
	table := func(n int) *doc.Document {
		head := []string{"Measure"}
		cells := []string{"Percentage of victims satisfied with the service"}
		for i := 1; i < n; i++ {
			head = append(head, "2008/09")
			cells = append(cells, "79.5%")
		}
		return &doc.Document{ID: "p", Title: "T", Sections: []*doc.Section{{ID: "s", Title: "Performance", Level: 1, Blocks: []doc.Block{
			&doc.Table{Caption: "Targets by year", Head: head, Rows: []doc.Row{{Cells: cells}}},
		}}}}
	}
	var b bytes.Buffer
	err := Write(&b, table(60))
	if err == nil || !strings.Contains(err.Error(), `table "Targets by year" has 60 columns`) || !strings.Contains(err.Error(), "split it") {
		t.Errorf("60 columns: error %v", err)
	}
	if err := Write(&b, table(maxCols)); err != nil {
		t.Errorf("%d columns: %v", maxCols, err)
	}
}

// TestIsClean holds clean's shortcut to clean itself: a string isClean
// passes is one clean returns unchanged, and clean's result is clean.
func TestIsClean(t *testing.T) {
	for _, s := range []string{
		"", "plain", "The Met’s £3.56bn – 82.5%", "line\nbreak", "tab\there", "del\x7f",
		"Cafe\u0301", "Café", "שלום", "مرحبا", "🚓", "a\u200bb", "bad \xff utf8", "\uFFFD", "x\x00y",
	} {
		if isClean(s) && clean(s) != s {
			t.Errorf("isClean(%q), but clean gives %q", s, clean(s))
		}
		if c := clean(s); !isClean(c) || clean(c) != c {
			t.Errorf("clean(%q) = %q, which is not clean", s, c)
		}
	}
}
