package pdf_test

import (
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/chart"
)

// figureContent is a Figure's marked content in an uncompressed page
// stream (qpdf --qdf).
var figureContent = regexp.MustCompile(`(?s)/Figure <</MCID \d+>> BDC\n(.*?)\nEMC`)

// chartColours reads the colours a figure's content paints with: the
// marks (stroked lines, filled shapes) and the text, from the colour
// operators (g, G, rg, RG) in force at each painting operator.
func chartColours(content string) (marks, texts []chart.Color, err error) {
	type state struct{ fill, stroke chart.Color }
	var st state
	var stack []state
	var operands []float64
	for _, tok := range strings.Fields(content) {
		if v, err := strconv.ParseFloat(tok, 64); err == nil {
			operands = append(operands, v)
			continue
		}
		c := func(n int) (chart.Color, error) {
			if len(operands) < n {
				return chart.Color{}, fmt.Errorf("%s with %d operands", tok, len(operands))
			}
			v := operands[len(operands)-n:]
			b := func(x float64) uint8 { return uint8(math.Round(max(0, min(1, x)) * 255)) }
			if n == 1 {
				return chart.Color{R: b(v[0]), G: b(v[0]), B: b(v[0])}, nil
			}
			return chart.Color{R: b(v[0]), G: b(v[1]), B: b(v[2])}, nil
		}
		switch tok {
		case "g":
			st.fill, err = c(1)
		case "G":
			st.stroke, err = c(1)
		case "rg":
			st.fill, err = c(3)
		case "RG":
			st.stroke, err = c(3)
		case "q":
			stack = append(stack, st)
		case "Q":
			if len(stack) > 0 {
				st, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "S", "s":
			marks = append(marks, st.stroke)
		case "f", "F", "f*":
			marks = append(marks, st.fill)
		case "B", "B*", "b", "b*":
			marks = append(marks, st.fill, st.stroke)
		case "Tj", "TJ", "'", `"`:
			texts = append(texts, st.fill)
		}
		if err != nil {
			return nil, nil, err
		}
		operands = operands[:0]
	}
	return marks, texts, nil
}

// TestChartContrast parses the colours every chart of every plan's and
// report's PDF paints with: marks at least 3:1 on white (the light
// gridlines aside: they carry no figure), text at least 4.5:1.
func TestChartContrast(t *testing.T) {
	n := 0
	seen := map[string]bool{}
	for _, d := range allDocs(t) {
		path, _ := writePDF(t, d)
		qdf := filepath.Join(t.TempDir(), "qdf.pdf")
		run(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
		b, err := os.ReadFile(qdf)
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range figureContent.FindAllStringSubmatch(string(b), -1) {
			marks, texts, err := chartColours(m[1])
			if err != nil {
				t.Errorf("%s, figure %d: %v", d.ID, i+1, err)
			}
			n += len(marks) + len(texts)
			for _, c := range append(marks, texts...) {
				seen[c.Hex()] = true
			}
			for _, c := range marks {
				if r := chart.Contrast(c, chart.White); r < 3 && c != chart.Default.Grid {
					t.Errorf("%s, figure %d: a mark in %s is %.2f:1 on white, under 3:1", d.ID, i+1, c.Hex(), r)
				}
			}
			for _, c := range texts {
				if r := chart.Contrast(c, chart.White); r < 4.5 {
					t.Errorf("%s, figure %d: text in %s is %.2f:1 on white, under 4.5:1", d.ID, i+1, c.Hex(), r)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no chart colour found in any PDF")
	}
	t.Logf("%d colour uses checked, %d colours: %v", n, len(seen), slices.Sorted(maps.Keys(seen)))
	// The reader itself: a pale text, an orange mark and a light gridline.
	marks, texts, err := chartColours("q 0.957 0.416 0.145 rg BT (x) Tj ET Q 0.957 0.416 0.145 RG 1 1 m 2 2 l S 0.851 G 0 0 m 1 1 l S")
	if err != nil || len(texts) != 1 || texts[0].Hex() != "#F46A25" || len(marks) != 2 || marks[0].Hex() != "#F46A25" || marks[1] != chart.Default.Grid {
		t.Errorf("chartColours = %v, %v, %v", marks, texts, err)
	}
}
