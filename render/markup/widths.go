package markup

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mpsplan/mpsplan/render/doc"
)

// The widths, in em of table text, that shared column widths are set for:
// a desktop's text column, and the half of it beside a chart, where a
// chart's data table stands (style.css: body 64rem, the chart grid's two
// columns, table text 0.95rem).
const (
	tableEm     = 64
	dataTableEm = 31
)

// boldScale is how much wider a header's bold text is set than the body's.
const boldScale = 1.1

// cellPadEm is a cell's padding, left and right (style.css: 0.5rem each),
// in em of table text.
const cellPadEm = 1.1

// columns is how the tables of one kind are set: each column's share of
// the table's width, in percent, and the narrowest the table may be (in
// em) before a column would break a word.
type columns struct {
	shares []float64
	minEm  int
}

// kindWidths returns, for each kind of table that d holds more than once
// (doc.Table.Kind), the columns its tables share, so a column stands where
// the reader saw it last.
func kindWidths(d *doc.Document) map[string]columns {
	kinds := map[string][]*doc.Table{}
	width := map[string]float64{}
	d.Walk(func(s *doc.Section) {
		for _, b := range s.Blocks {
			t, _ := b.(*doc.Table)
			w := float64(tableEm)
			if c, ok := b.(*doc.Chart); ok && c != nil {
				t, w = c.Data, dataTableEm
			}
			if k := t.Kind(); k != "" {
				kinds[k] = append(kinds[k], t)
				if width[k] == 0 || w < width[k] {
					width[k] = w
				}
			}
		}
	})
	out := map[string]columns{}
	for k, ts := range kinds {
		if len(ts) > 1 {
			out[k] = columnShares(ts, width[k])
		}
	}
	return out
}

// columnShares sets the columns of tables of one kind alike, for a table
// about width em wide: each column gets at least its longest word (or its
// whole text, for a figure or a status, which are not broken), and what
// is left in proportion to its longest text. Widths are estimated from
// the characters (textEm), since the reader's font is not known; minEm,
// the width below which the estimate says a word would break, lets the
// table scroll rather than split words where the estimate is short.
func columnShares(tables []*doc.Table, width float64) columns {
	n := 0
	for _, t := range tables {
		n = max(n, len(t.Head))
	}
	if n == 0 {
		return columns{}
	}
	nat := make([]float64, n)   // a column's longest text, on one line
	least := make([]float64, n) // its longest word, or unbroken text
	// measure counts s in column c; scale is 1, or more for bold text.
	measure := func(s string, c int, scale float64) {
		s = strings.TrimSpace(s)
		nat[c] = max(nat[c], min(textEm(s)*scale+cellPadEm, width))
		w := 0.0
		if doc.KeepWhole(s) {
			w = textEm(s)
		} else {
			for _, word := range strings.Fields(s) {
				w = max(w, textEm(word))
			}
		}
		least[c] = max(least[c], min(w*scale+cellPadEm, width*0.45))
	}
	for _, t := range tables {
		for c := range min(n, len(t.Head)) {
			measure(t.Head[c], c, boldScale)
		}
		for _, r := range t.Rows {
			if r.Group {
				continue
			}
			for c := range min(n, len(r.Cells)) {
				measure(r.Cells[c], c, 1)
			}
		}
	}
	w := make([]float64, n)
	sn, sl := sum(nat), sum(least)
	switch {
	case sn <= width:
		copy(w, nat)
	case sl >= width || sn == sl:
		copy(w, least)
	default:
		for i := range w {
			w[i] = least[i] + (width-sl)*(nat[i]-least[i])/(sn-sl)
		}
	}
	// Shares in tenths of a percent, so that rounding leaves no column
	// short of its longest word; what rounding down left over goes to the
	// widest column.
	total := sum(w)
	tenths := make([]int, n)
	left := 1000
	for i := range tenths {
		tenths[i] = int(w[i] * 1000 / total)
		left -= tenths[i]
	}
	tenths[slices.Index(w, slices.Max(w))] += left
	out := columns{shares: make([]float64, n)}
	need := 0.0
	for i, t := range tenths {
		out.shares[i] = float64(t) / 10
		need = max(need, least[i]*1000/float64(t))
	}
	out.minEm = int(math.Ceil(need))
	return out
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

// textEm estimates how wide s is set, in em, in a sans-serif face: the
// widths of DejaVu Sans's and Arial's classes of character, erring wide,
// since a column a little too wide costs nothing and one too narrow
// breaks a word.
func textEm(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < utf8.RuneSelf {
			w += asciiEm[r]
		} else {
			w += runeEm(r)
		}
	}
	return w
}

// runeEm is the estimated width of r in em.
func runeEm(r rune) float64 {
	switch {
	case strings.ContainsRune(" ilj.,;:!|'’()[]/-tfr", r):
		return 0.36
	case strings.ContainsRune("mwMW%@—", r):
		return 0.95
	case unicode.IsUpper(r), strings.ContainsRune("£&–", r):
		return 0.72
	}
	return 0.64 // lower case, digits
}

// asciiEm holds runeEm of each ASCII character: tables are measured a
// character at a time, and most characters are ASCII.
var asciiEm = func() (t [utf8.RuneSelf]float64) {
	for r := range t {
		t[r] = runeEm(rune(r))
	}
	return t
}()
