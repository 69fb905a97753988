package markup

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/doc"
)

var (
	htmlHeading = regexp.MustCompile(`<h[2-6][^>]*>(.*?)</h[2-6]>`)
	htmlCaption = regexp.MustCompile(`<(figcaption|caption)([^>]*)>(.*?)</(?:figcaption|caption)>`)
	mdHeading   = regexp.MustCompile(`(?m)^#{2,6} (.*)$`)
	mdCaption   = regexp.MustCompile(`(?m)^\*\*(.*)\*\*$`)
)

// visibleRepeats lists the captions of page (HTML when isHTML, else
// Markdown) that print the words of the heading above them again.
func visibleRepeats(page string, isHTML bool) []string {
	heading, caption := mdHeading, mdCaption
	if isHTML {
		heading, caption = htmlHeading, htmlCaption
	}
	hs := heading.FindAllStringSubmatchIndex(page, -1)
	var out []string
	for _, c := range caption.FindAllStringSubmatchIndex(page, -1) {
		text := page[c[2]:c[3]]
		if isHTML {
			if strings.Contains(page[c[4]:c[5]], "visually-hidden") || strings.Contains(page[:c[0]], `<div class="chart-data">`) &&
				strings.LastIndex(page[:c[0]], `<div class="chart-data">`) > strings.LastIndex(page[:c[0]], "</figure>") {
				continue // for screen readers only
			}
			text = page[c[6]:c[7]]
		}
		h := ""
		for _, m := range hs {
			if m[0] < c[0] {
				h = page[m[2]:m[3]]
			}
		}
		if doc.RepeatsHeading(html.UnescapeString(text), html.UnescapeString(h)) {
			out = append(out, text)
		}
	}
	return out
}

// TestCaptionsNotRepeated: a heading, its chart and its table never show
// the same words more than once. A caption that repeats its heading is
// visually hidden in HTML (screen readers still hear it) and left out of
// Markdown, where the heading serves; every plan and report is checked.
func TestCaptionsNotRepeated(t *testing.T) {
	docs := plansAndReports(t)
	tm := defaults(t)
	hidden := 0
	for _, d := range docs {
		md, h := render(t, tm, d)
		for _, r := range visibleRepeats(string(h), true) {
			t.Errorf("%s.html: the caption %q repeats its heading", d.ID, r)
		}
		for _, r := range visibleRepeats(string(md), false) {
			t.Errorf("%s.md: the caption %q repeats its heading", d.ID, r)
		}
		hidden += strings.Count(string(h), `class="visually-hidden"`)
	}
	if hidden == 0 {
		t.Error("no caption repeats its heading in any plan or report: the test proves nothing")
	}
	// The check itself finds a repeat.
	if r := visibleRepeats("<h3>Capital 2008/09</h3>\n<figure><figcaption>Capital 2008/09</figcaption></figure>", true); len(r) != 1 {
		t.Errorf("a visible figcaption under the same heading is not found: %q", r)
	}
	if r := visibleRepeats("### Capital 2008/09\n\nText.\n\n**Capital 2008/09**\n", false); len(r) != 1 {
		t.Errorf("a bold caption under the same Markdown heading is not found: %q", r)
	}
}
