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

// pageContent is a page's content stream in an uncompressed file (qpdf
// --qdf).
var pageContent = regexp.MustCompile(`(?s)%% Contents for page \d+\n.*?\nstream\n(.*?)endstream`)

// contentTokens splits a content stream into its tokens, a literal string
// (which holds any byte, spaces and parentheses too) as one.
func contentTokens(content string) []string {
	var toks []string
	for i := 0; i < len(content); {
		switch c := content[i]; {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			i++
		case c == '(':
			depth, j := 0, i
			for ; j < len(content); j++ {
				if content[j] == '\\' {
					j++
				} else if content[j] == '(' {
					depth++
				} else if content[j] == ')' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			toks = append(toks, content[i:min(j+1, len(content))])
			i = j + 1
		default:
			j := i
			for j < len(content) && !strings.ContainsRune(" \n\r\t(", rune(content[j])) {
				j++
			}
			toks = append(toks, content[i:j])
			i = j
		}
	}
	return toks
}

// chartColours reads the colours the figures of a page's content paint
// with: the marks (stroked lines, filled shapes) and the text, from the
// colour operators (g, G, rg, RG) in force at each painting operator
// inside a Figure's marked content. The colours are followed through the
// whole page: text takes the colour last set, which may be set before
// the figure begins.
func chartColours(content string) (marks, texts []chart.Color, err error) {
	type state struct{ fill, stroke chart.Color }
	var st state
	var stack []state
	var operands []float64
	// tags holds, for each open marked-content sequence, whether it is
	// (in) a Figure; tag is the last name seen, a BDC's or BMC's tag.
	var tags []bool
	tag := ""
	for _, tok := range contentTokens(content) {
		if v, err := strconv.ParseFloat(tok, 64); err == nil {
			operands = append(operands, v)
			continue
		}
		if strings.HasPrefix(tok, "/") && tag == "" {
			tag = tok
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
		inFig := len(tags) > 0 && tags[len(tags)-1]
		switch tok {
		case "BDC", "BMC":
			tags = append(tags, inFig || tag == "/Figure")
		case "EMC":
			if len(tags) > 0 {
				tags = tags[:len(tags)-1]
			}
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
			if inFig {
				marks = append(marks, st.stroke)
			}
		case "f", "F", "f*":
			if inFig {
				marks = append(marks, st.fill)
			}
		case "B", "B*", "b", "b*":
			if inFig {
				marks = append(marks, st.fill, st.stroke)
			}
		case "Tj", "TJ", "'", `"`:
			if inFig {
				texts = append(texts, st.fill)
			}
		}
		if err != nil {
			return nil, nil, err
		}
		if !strings.HasPrefix(tok, "/") && !strings.HasPrefix(tok, "<<") && !strings.HasSuffix(tok, ">>") {
			tag = ""
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
		for i, m := range pageContent.FindAllStringSubmatch(string(b), -1) {
			marks, texts, err := chartColours(m[1])
			if err != nil {
				t.Errorf("%s, page %d: %v", d.ID, i+1, err)
			}
			n += len(marks) + len(texts)
			for _, c := range append(marks, texts...) {
				seen[c.Hex()] = true
			}
			for _, c := range marks {
				if r := chart.Contrast(c, chart.White); r < 3 && c != chart.Default.Grid {
					t.Errorf("%s, page %d: a mark in %s is %.2f:1 on white, under 3:1", d.ID, i+1, c.Hex(), r)
				}
			}
			for _, c := range texts {
				if r := chart.Contrast(c, chart.White); r < 4.5 {
					t.Errorf("%s, page %d: text in %s is %.2f:1 on white, under 4.5:1", d.ID, i+1, c.Hex(), r)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no chart colour found in any PDF")
	}
	t.Logf("%d colour uses checked, %d colours: %v", n, len(seen), slices.Sorted(maps.Keys(seen)))
	// The reader itself: a pale text, an orange mark and a light
	// gridline in a figure; outside it, marks and text are not counted,
	// but the colour they set is in force in the figure.
	marks, texts, err := chartColours("0.5 g BT (x) Tj ET 0 0 5 5 re f /Figure <</MCID 0>> BDC BT (\\) Tj) Tj ET " +
		"q 0.957 0.416 0.145 rg BT (x) Tj ET Q 0.957 0.416 0.145 RG 1 1 m 2 2 l S /Span <</MCID 1>> BDC 0.851 G 0 0 m 1 1 l S EMC EMC 0 0 m 1 1 l S")
	if err != nil || len(texts) != 2 || texts[0].Hex() != "#808080" || texts[1].Hex() != "#F46A25" ||
		len(marks) != 2 || marks[0].Hex() != "#F46A25" || marks[1] != chart.Default.Grid {
		t.Errorf("chartColours = %v, %v, %v", marks, texts, err)
	}
}
