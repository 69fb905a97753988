package pdf

import (
	"math"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/theme"
)

// TestWidowsAndOrphans: a paragraph never leaves its first line alone at
// the foot of a page or its last line alone at the head of the next.
func TestWidowsAndOrphans(t *testing.T) {
	for _, tt := range []struct {
		lines, fit int // lines in the paragraph, lines that fit on the page
		next       int // lines that go to the next page
	}{
		{5, 5, 0},
		{5, 4, 2}, // one line would be alone: two move
		{5, 3, 2},
		{6, 3, 3},
		{5, 1, 5}, // the first line would be alone: all move
		{3, 2, 3}, // either rule would be broken: all move
		{2, 1, 2},
		{1, 0, 1},
		{9, 8, 2},
	} {
		l, f, tg := testLayout()
		o := paraOpts{size: bodySize, color: l.pal.ink}
		lh := o.lineH()
		l.y = bottom - float64(tt.fit)*lh - lh/2
		lines := make([]line, tt.lines)
		for i := range lines {
			lines[i] = line{frags: []frag{{text: "word"}}}
		}
		tg.begin("P")
		l.drawLines(lines, o)
		tg.end()
		next := 0
		if f.PageNo() == 3 {
			next = int(math.Round((l.y - top) / lh))
		}
		if next != tt.next {
			t.Errorf("%d lines with room for %d: %d went to the next page, want %d", tt.lines, tt.fit, next, tt.next)
		}
		if err := tg.finish(); err != nil {
			t.Error(err)
		}
	}
}

// TestLeadInKeepsWithNext: the last paragraph of a text that a table,
// chart or list follows starts a new page rather than stand at the foot
// of one with no room under it; any other paragraph stays.
func TestLeadInKeepsWithNext(t *testing.T) {
	for _, leadsIn := range []bool{true, false} {
		l, f, tg := testLayout()
		lh := paraOpts{size: bodySize}.lineH()
		l.y = bottom - 2*lh - leadInKeep/2 // room for the paragraph, not for what it leads into
		l.leadsIn = leadsIn
		l.markdown("The following table:", 0, bodySize)
		if moved := f.PageNo() == 3; moved != leadsIn {
			t.Errorf("a lead-in (%v) with no room under it: on page %d", leadsIn, f.PageNo())
		}
		if err := tg.finish(); err != nil {
			t.Error(err)
		}
	}
}

// testLayout is a layout of an empty document on its second page, as the
// body starts after a cover.
func testLayout() (*layout, *fpdf.Fpdf, *tagger) {
	f := fpdf.New("P", "mm", "A4", "")
	th := theme.Default()
	fs := fontsFor(th.Fonts)
	tg := newTagger(f)
	l := &layout{d: &doc.Document{}, f: f, t: tg, c: newCanvas(f, tg, fs), replay: -1, th: th, fs: fs, pal: coloursOf(th.Colours)}
	l.newPage()
	l.newPage()
	return l, f, tg
}
