package pdf_test

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/chart"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/pdf"
	"github.com/mpsplan/mpsplan/render/svg"
)

var svgText = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// words returns the letters of texts, in order, without spaces: the two
// writers may wrap a label at different places, never print other words.
func words(texts []string) string {
	s := strings.Join(texts, "")
	return strings.Join(strings.Fields(s), "")
}

// TestSameLabels: for every chart of every plan and report, the SVG (HTML)
// and the PDF print the same texts, in the same order, from one layout.
func TestSameLabels(t *testing.T) {
	var docs []*doc.Document
	for _, id := range planIDs(t) {
		docs = append(docs, planDoc(t, id))
	}
	docs = append(docs, reportDocs(t)...)
	n := 0
	for _, d := range docs {
		var charts []*doc.Chart
		d.Walk(func(s *doc.Section) {
			for _, b := range s.Blocks {
				if c, ok := b.(*doc.Chart); ok && chart.Drawable(c) {
					charts = append(charts, c)
				}
			}
		})
		for _, c := range charts {
			n++
			var fromPDF, fromSVG []string
			for _, tx := range chart.Layout(c, pdf.ChartStyle).Texts {
				fromPDF = append(fromPDF, tx.S)
			}
			for _, m := range svgText.FindAllStringSubmatch(svg.Chart(c), -1) {
				fromSVG = append(fromSVG, html.UnescapeString(m[1]))
			}
			a, b := []rune(words(fromPDF)), []rune(words(fromSVG))
			slices.Sort(a)
			slices.Sort(b)
			if string(a) != string(b) {
				t.Errorf("%s, chart %q: the PDF prints %q, the SVG %q", d.ID, c.ID, fromPDF, fromSVG)
			}
		}
	}
	if n == 0 {
		t.Fatal("no charts in any plan or report")
	}
}
