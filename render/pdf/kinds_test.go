package pdf

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/mpsplan/mpsplan/internal/testplans"
	"github.com/mpsplan/mpsplan/internal/testreports"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/plandoc"
	"github.com/mpsplan/mpsplan/render/theme"
)

// TestTableKindsShareWidths: in every plan and report, the tables of one
// kind (same columns) are set with the same column widths, and at least
// one document has such a kind, with tables whose own widths would differ.
func TestTableKindsShareWidths(t *testing.T) {
	docs := everyDoc(t)
	shared := 0
	for _, d := range docs {
		f := fpdf.New("P", "mm", "A4", "")
		th := theme.Default()
		fs := fontsFor(th.Fonts)
		l := &layout{d: d, f: f, fs: fs, th: th}
		alone := &layout{d: &doc.Document{}, f: f, fs: fs, th: th}
		l.sameKind(&doc.Table{})
		for kind, tables := range l.kinds {
			if len(tables) < 2 {
				continue
			}
			var first []float64
			differ := false
			for i, tb := range tables {
				w := colWidths(l.layoutTable(tb, marginL, contentW))
				if i == 0 {
					first = w
				} else if !slices.Equal(w, first) {
					t.Errorf("%s: tables of kind %s: %q is set %v, %q %v", d.ID, kind, tables[0].Caption, first, tb.Caption, w)
				}
				differ = differ || !slices.Equal(colWidths(alone.layoutTable(tb, marginL, contentW)), first)
			}
			if differ {
				shared++
			}
		}
	}
	if shared == 0 {
		t.Error("no document has tables of one kind that their own widths would set apart: the test proves nothing")
	}
}

// everyDoc lays out every plan and every report.
func everyDoc(t *testing.T) []*doc.Document {
	plans := testplans.Load(t)
	docs := testreports.All(t, plans)
	for _, p := range plans {
		d, err := plandoc.Build(p, plandoc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func colWidths(tl *tableLayout) []float64 {
	var w []float64
	for _, c := range tl.head.cells {
		w = append(w, c.w)
	}
	return w
}

// TestRowsKeptTogether writes every plan and report and follows each
// table's rows onto their pages: the header row starts on the page of the
// first body row, a group row on the page of the row under it, and the
// totals at a table's foot never start a page without a row above them.
func TestRowsKeptTogether(t *testing.T) {
	type start struct {
		r    *rowLayout
		page int
	}
	var rows map[*tableLayout][]start
	testRowHook = func(tl *tableLayout, r *rowLayout, page int) { rows[tl] = append(rows[tl], start{r, page}) }
	defer func() { testRowHook = nil }()
	docs := everyDoc(t)
	totals := 0
	for _, d := range docs {
		rows = map[*tableLayout][]start{}
		if err := Write(io.Discard, d); err != nil {
			t.Fatal(err)
		}
		for tl, rs := range rows {
			var head []string
			for _, c := range tl.head.cells {
				for _, ln := range c.lines {
					for _, f := range ln.frags {
						head = append(head, f.text)
					}
				}
			}
			name := fmt.Sprintf("%s: the table headed %q", d.ID, strings.Join(head, " "))
			for i, s := range rs {
				if i+1 >= len(rs) {
					continue
				}
				next := rs[i+1]
				switch {
				case s.r == tl.head && i == 0 && next.page != s.page:
					t.Errorf("%s: the header row is alone at the foot of page %d", name, s.page)
				case s.r.group && next.page != s.page:
					t.Errorf("%s: a group row is alone at the foot of page %d", name, s.page)
				case !s.r.total && next.r.total && next.page != s.page:
					t.Errorf("%s: the totals start page %d alone", name, next.page)
				}
				if next.r.total && !s.r.total {
					totals++
				}
			}
		}
	}
	if totals == 0 {
		t.Error("no table with totals in any plan or report: the test proves nothing")
	}
}

// TestDistributeKeepsShortWords: when the columns' longest words do not
// fit side by side, the short words and figures (whole) keep their width
// and only the columns with long words (a web address) give way; widths
// always fill the room exactly.
func TestDistributeKeepsShortWords(t *testing.T) {
	tests := []struct {
		name             string
		nat, minw, whole []float64
		avail            float64
		atLeastWhole     bool
	}{
		{"figures keep whole beside long words", []float64{162, 121, 26.7, 121}, []float64{74.7, 74.7, 16.8, 74.7}, []float64{17.5, 16.1, 16.8, 16}, 166, true},
		{"natural widths fit", []float64{40, 30, 20}, []float64{10, 10, 10}, []float64{10, 10, 10}, 166, true},
		{"minimum widths fit", []float64{120, 90, 20}, []float64{40, 40, 15}, []float64{12, 12, 15}, 166, true},
		{"not even the whole words fit", []float64{90, 90, 90}, []float64{70, 70, 70}, []float64{60, 60, 60}, 166, false},
	}
	for _, tt := range tests {
		w := distribute(tt.nat, tt.minw, tt.whole, tt.avail)
		sum := 0.0
		for i, x := range w {
			sum += x
			if tt.atLeastWhole && x < tt.whole[i]-1e-9 {
				t.Errorf("%s: column %d is %.2f, narrower than its whole words (%.2f): %v", tt.name, i, x, tt.whole[i], w)
			}
		}
		if math.Abs(sum-tt.avail) > 1e-6 {
			t.Errorf("%s: widths %v add up to %.4f, not %.1f", tt.name, w, sum, tt.avail)
		}
	}
}
