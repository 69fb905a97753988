package markup

import (
	"math"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/doc"
)

// TestColumnShares: tables of one kind get shares that add up to 100%,
// give each column at least its longest word at the table's minimum
// width, and follow the longer text where there is room.
func TestColumnShares(t *testing.T) {
	a := &doc.Table{Head: []string{"Measure", "Status"}, Rows: []doc.Row{{Cells: []string{"Victim satisfaction with the overall service", "not met"}}}}
	b := &doc.Table{Head: []string{"Measure", "Status"}, Rows: []doc.Row{{Cells: []string{"Crime", "on track"}}, {Group: true, Cells: []string{"a group heading longer than any cell of the table, which spans the row"}}}}
	c := &doc.Table{Head: []string{"Year", "Direction"}, Rows: []doc.Row{{Cells: []string{"2006", "improved on the year before"}}}}
	for _, tt := range []struct {
		name     string
		tables   []*doc.Table
		width    float64
		wider    int      // the column with the larger share
		maxMinEm int      // the most the minimum width may be
		longest  []string // each column's longest word, or unbroken text
	}{
		{"natural widths fit: in proportion", []*doc.Table{a, b}, 64, 0, 64, []string{"satisfaction", "not met"}},
		{"the longer text gets more", []*doc.Table{c}, 64, 1, 64, []string{"2006", "Direction"}},
		{"squeezed: words and the status kept whole", []*doc.Table{a, b}, 12, 0, 20, []string{"satisfaction", "not met"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := columnShares(tt.tables, tt.width)
			sum := 0.0
			for _, s := range got.shares {
				sum += s
			}
			if math.Abs(sum-100) > 1e-9 {
				t.Errorf("shares %v add up to %v", got.shares, sum)
			}
			if got.shares[tt.wider] <= got.shares[1-tt.wider] {
				t.Errorf("shares %v: column %d should be the wider", got.shares, tt.wider)
			}
			if got.minEm > tt.maxMinEm {
				t.Errorf("min width %d em, more than %d", got.minEm, tt.maxMinEm)
			}
			// At its minimum width every column holds its longest word
			// ("satisfaction") or its unbroken status ("not met").
			for c, word := range tt.longest {
				if room := float64(got.minEm) * got.shares[c] / 100; room < textEm(word) {
					t.Errorf("column %d: %.1f em at the minimum width, %q needs %.1f", c, room, word, textEm(word))
				}
			}
		})
	}
	if got := columnShares([]*doc.Table{{}}, 64); got.shares != nil {
		t.Errorf("a table without columns: %v", got)
	}
}

// TestTextEm: wide letters count for more than narrow ones, so a column of
// "WWW" is set wider than one of "iii".
func TestTextEm(t *testing.T) {
	if textEm("WWW") <= textEm("iii") || textEm("") != 0 || textEm(strings.Repeat("0", 10)) <= textEm("0") {
		t.Errorf("textEm: WWW %.2f, iii %.2f", textEm("WWW"), textEm("iii"))
	}
}
