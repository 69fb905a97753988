package pdf_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/doc"
)

// footLine is a page's running foot as pdftotext -layout prints it.
var footLine = regexp.MustCompile(`^(.*?)\s*Page \d+ of \d+$`)

// TestRunningHeads: every page after the cover of every plan's and
// report's PDF is headed by the document's title and footed by its date
// (nothing when it has none), never by its ID, which names a file.
func TestRunningHeads(t *testing.T) {
	for _, d := range allDocs(t) {
		t.Run(d.ID, func(t *testing.T) {
			t.Parallel()
			checkRunningHeads(t, d)
		})
	}
}

// allDocs lays out every plan and every report.
func allDocs(t *testing.T) []*doc.Document {
	docs := reportDocs(t)
	for _, id := range planIDs(t) {
		docs = append(docs, planDoc(t, id))
	}
	return docs
}

func checkRunningHeads(t *testing.T, d *doc.Document) {
	path, _ := writePDF(t, d)
	pages := strings.Split(run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"), "\f")
	for i, pg := range pages[1:] {
		var lines []string
		for _, l := range strings.Split(pg, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) < 2 {
			continue
		}
		head, foot := strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(lines[0], "DRAFT")), "…"), lines[len(lines)-1]
		if head == "" || !strings.HasPrefix(d.Title, head) {
			t.Errorf("page %d is headed %q, not by the title %q", i+2, lines[0], d.Title)
		}
		m := footLine.FindStringSubmatch(foot)
		if m == nil || m[1] != d.Date {
			t.Errorf("page %d is footed %q, want the date %q and the page number", i+2, foot, d.Date)
		}
	}
}

// TestCaptionsNotRepeated: a chart's or table's caption that repeats its
// section's heading is not printed again under it (it stays a tagged
// caption for screen readers), in every plan's and report's PDF.
func TestCaptionsNotRepeated(t *testing.T) {
	for _, d := range allDocs(t) {
		t.Run(d.ID, func(t *testing.T) {
			t.Parallel()
			path, _ := writePDF(t, d)
			titles := map[string]bool{}
			d.Walk(func(s *doc.Section) { titles[strings.Join(strings.Fields(s.Title), " ")] = true })
			// In content order a heading is one line when it fits; the
			// words printed again before the next heading are a repeat.
			last := ""
			for _, l := range strings.Split(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"), "\n") {
				l = strings.Join(strings.Fields(strings.Trim(l, "\f")), " ")
				if !titles[l] {
					continue
				}
				if l == last {
					t.Errorf("%q is printed twice: the heading and a caption under it", l)
				}
				last = l
			}
		})
	}
}
