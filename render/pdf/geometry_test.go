package pdf_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// wordBox is one word as pdftotext -bbox reads it back: its text and its
// box in points from the top left of its page.
type wordBox struct {
	Text string  `xml:",chardata"`
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
}

// pageBoxes is one page of word boxes.
type pageBoxes struct {
	Width  float64   `xml:"width,attr"`
	Height float64   `xml:"height,attr"`
	Words  []wordBox `xml:"word"`
}

// mediaBox is the page size as the PDF writer states it, once for all
// pages.
var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)

// pad is how far (in points) readWordBoxes widens each page on every side.
const pad = 99

// readWordBoxes runs pdftotext -bbox on the PDF b and returns its pages,
// each word's box in points from the top left of its page.
//
// pdftotext drops every character outside the page, so a word that leaves
// the page would leave the check unseen. The file it reads is b with the
// page widened by pad points on every side (the MediaBox rewritten in
// place, at the same length, so every object keeps its offset); the boxes
// are moved back, and the page keeps its own size.
func readWordBoxes(t *testing.T, b []byte) []pageBoxes {
	t.Helper()
	m := mediaBox.FindSubmatchIndex(b)
	if m == nil {
		t.Fatal("the PDF states no /MediaBox [0 0 w h]")
	}
	var w, h float64
	fmt.Sscan(string(b[m[2]:m[3]]), &w)
	fmt.Sscan(string(b[m[4]:m[5]]), &h)
	top := math.Ceil(h) + pad
	wide := fmt.Sprintf("/MediaBox [-%d -%d %d %d", pad, pad, int(math.Ceil(w))+pad, int(top))
	old := m[1] - m[0] - 1
	if len(wide) > old {
		t.Fatalf("cannot widen %s in place", b[m[0]:m[1]])
	}
	b = slices.Clone(b)
	copy(b[m[0]:m[1]], wide+strings.Repeat(" ", old-len(wide))+"]")
	path := filepath.Join(t.TempDir(), "wide.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, "pdftotext", "-bbox", path, "-")
	var v struct {
		Pages []pageBoxes `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", path, err)
	}
	n := 0
	for i := range v.Pages {
		p := &v.Pages[i]
		p.Width, p.Height = w, h
		for j := range p.Words {
			wd := &p.Words[j]
			wd.XMin, wd.XMax = wd.XMin-pad, wd.XMax-pad
			wd.YMin, wd.YMax = wd.YMin-(top-h), wd.YMax-(top-h)
		}
		n += len(p.Words)
	}
	if n == 0 {
		t.Fatalf("pdftotext -bbox %s: no words read back", path)
	}
	return v.Pages
}

// overlapTol is how far (in points, each way) two word boxes may run into
// each other before they count as overlapping. pdftotext's boxes span the
// font's whole ascent and descent, which lines set at 1.2 times the size
// just touch; a real collision runs well past a point.
const overlapTol = 0.5

// geometryProblems lists the words of pages that overlap another word or
// leave their page.
func geometryProblems(pages []pageBoxes) []string {
	var probs []string
	for p, pg := range pages {
		ws := pg.Words
		for i, a := range ws {
			if a.XMin < 0 || a.YMin < 0 || a.XMax > pg.Width || a.YMax > pg.Height {
				probs = append(probs, fmt.Sprintf("page %d: %q at (%.1f,%.1f)-(%.1f,%.1f) leaves the %.0f×%.0f page",
					p+1, a.Text, a.XMin, a.YMin, a.XMax, a.YMax, pg.Width, pg.Height))
			}
			for _, b := range ws[i+1:] {
				dx := min(a.XMax, b.XMax) - max(a.XMin, b.XMin)
				dy := min(a.YMax, b.YMax) - max(a.YMin, b.YMin)
				if dx > overlapTol && dy > overlapTol {
					probs = append(probs, fmt.Sprintf("page %d: %q at (%.1f,%.1f) overlaps %q at (%.1f,%.1f) by %.1f×%.1f pt",
						p+1, a.Text, a.XMin, a.YMin, b.Text, b.XMin, b.YMin, dx, dy))
				}
			}
		}
	}
	return probs
}

// TestGeometryProblems proves the check can fail: a PDF with two words
// printed over each other and a word running off the page's right edge
// (which pdftotext alone would drop) is read back with both problems.
func TestGeometryProblems(t *testing.T) {
	f := fpdf.New("P", "pt", "A4", "")
	f.AddPage()
	f.SetFont("Helvetica", "", 10)
	f.Text(100, 100, "-6.3%")
	f.Text(110, 100, "April") // over "-6.3%"
	f.Text(100, 112, "below") // the next line, clear of both
	f.Text(560, 400, "off page")
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	got := geometryProblems(readWordBoxes(t, buf.Bytes()))
	if len(got) != 2 || !strings.Contains(got[0], `"-6.3%" at (100.0,92.8) overlaps "April"`) ||
		!strings.Contains(got[1], `"page" at (`) || !strings.Contains(got[1], "leaves the 595×842 page") {
		t.Errorf("geometryProblems = %q, want -6.3%% overlapping April and \"page\" off the page", got)
	}
}

// TestWordGeometry reads back the word boxes of every PDF of every plan and
// report (pdftotext -bbox) and fails when two words overlap or a word lies
// outside its page: a collided chart label or an overflowing table cell.
func TestWordGeometry(t *testing.T) {
	for _, d := range allDocs(t) {
		t.Run(d.ID, func(t *testing.T) {
			t.Parallel()
			_, b := writePDF(t, d)
			for _, p := range geometryProblems(readWordBoxes(t, b)) {
				t.Error(p)
			}
		})
	}
}
