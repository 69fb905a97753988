package pdf

import (
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestTaggerChecks shows the tagging layer refuses what would make a
// silently non-conforming file.
func TestTaggerChecks(t *testing.T) {
	for _, tt := range []struct {
		name string
		draw func(t *tagger)
		want string // "" for no error
	}{
		{"sound", func(t *tagger) {
			t.begin("H1")
			t.content(1)
			t.end()
			t.beginAttr("Figure", "A bar chart.", "")
			t.content(1)
			t.end()
			t.begin("H2")
			t.end()
			t.begin("H3")
			t.end()
			t.begin("H2")
			t.end()
			t.beginAttr("TH", "", "/A <</O /Table /Scope /Column>>")
			t.end()
		}, ""},
		{"figure without alternative text", func(t *tagger) {
			t.beginAttr("Figure", " ", "")
			t.end()
		}, "a figure has no alternative text"},
		{"skipped heading level", func(t *tagger) {
			t.begin("H1")
			t.end()
			t.begin("H3")
			t.end()
		}, "heading level skipped: H3 follows H1"},
		{"first heading not H1", func(t *tagger) {
			t.begin("H2")
			t.end()
		}, "heading level skipped: H2 follows H0"},
		{"header cell without scope", func(t *tagger) {
			t.begin("TH")
			t.end()
		}, "a table header cell has no scope"},
		{"content outside any tag", func(t *tagger) {
			t.content(1)
		}, "content drawn outside any tag on page 1"},
		{"element never closed", func(t *tagger) {
			t.begin("P")
		}, "element P was never closed"},
		{"element closed twice", func(t *tagger) {
			t.begin("P")
			t.end()
			t.end()
		}, "an element was closed twice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := fpdf.New("P", "mm", "A4", "")
			f.AddPage()
			tg := newTagger(f)
			tt.draw(tg)
			err := tg.finish()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}
