package markup

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/mpsplan/mpsplan/render/chart"
)

var (
	svgElem   = regexp.MustCompile(`<svg[^>]*>|<(rect|line|circle|text)\b[^>]*>`)
	svgAttr   = regexp.MustCompile(`\b(fill|stroke|data-series)="([^"]*)"`)
	svgRegion = regexp.MustCompile(`(?s)<svg class="chart-svg".*?</svg>`)
)

// The contrast a chart's colours must have (WCAG 2.2 1.4.11 and 1.4.3):
// marks 3:1 against the white page and against the series beside them,
// text 4.5:1 against the page.
const (
	markContrast = 3.0
	textContrast = 4.5
)

// chartColourProblems parses every inline SVG chart of page and lists the
// colours short of the contrast they need. The gridlines are exempt: the
// guidance asks for them light, and they carry no figure (every value is
// printed as text).
func chartColourProblems(page string, grid chart.Color) (problems []string, colours int) {
	for n, svg := range svgRegion.FindAllString(page, -1) {
		textFill := chart.Color{}
		series := map[int]chart.Color{}
		for _, el := range svgElem.FindAllStringSubmatch(svg, -1) {
			attrs := map[string]string{}
			for _, a := range svgAttr.FindAllStringSubmatch(el[0], -1) {
				attrs[a[1]] = a[2]
			}
			col := func(name string) (chart.Color, bool) {
				v, ok := attrs[name]
				if !ok {
					return chart.Color{}, false
				}
				c, err := chart.ParseHex(v)
				if err != nil {
					problems = append(problems, fmt.Sprintf("chart %d: %s", n+1, err))
					return chart.Color{}, false
				}
				colours++
				return c, true
			}
			need := func(c chart.Color, min float64, what string) {
				if r := chart.Contrast(c, chart.White); r < min {
					problems = append(problems, fmt.Sprintf("chart %d: %s %s is %.2f:1 on white, under %.1f:1", n+1, what, c.Hex(), r, min))
				}
			}
			switch el[1] {
			case "": // the <svg> itself: its fill is the text's
				if c, ok := col("fill"); ok {
					textFill = c
					need(c, textContrast, "text")
				}
			case "text":
				if c, ok := col("fill"); ok {
					need(c, textContrast, "text")
				} else if textFill == (chart.Color{}) {
					problems = append(problems, fmt.Sprintf("chart %d: a text has no colour", n+1))
				}
			default:
				c, ok := col("fill")
				if !ok {
					c, ok = col("stroke")
				}
				if !ok {
					problems = append(problems, fmt.Sprintf("chart %d: a <%s> has no colour", n+1, el[1]))
					continue
				}
				if c != grid {
					need(c, markContrast, "mark")
				}
				if s, err := strconv.Atoi(attrs["data-series"]); err == nil {
					if old, seen := series[s]; seen && old != c {
						problems = append(problems, fmt.Sprintf("chart %d: series %d is drawn in %s and %s", n+1, s, old.Hex(), c.Hex()))
					}
					series[s] = c
				}
			}
		}
		keys := make([]int, 0, len(series))
		for k := range series {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i := 1; i < len(keys); i++ {
			a, b := series[keys[i-1]], series[keys[i]]
			if r := chart.Contrast(a, b); r < markContrast {
				problems = append(problems, fmt.Sprintf("chart %d: series %d (%s) and %d (%s) are %.2f:1 apart, under %.1f:1",
					n+1, keys[i-1], a.Hex(), keys[i], b.Hex(), r, markContrast))
			}
		}
	}
	return problems, colours
}

// TestChartContrast parses every colour of every chart in the HTML of
// every plan and report: marks at least 3:1 on white and against the
// series beside them, text at least 4.5:1, one colour a series.
func TestChartContrast(t *testing.T) {
	tm := defaults(t)
	total := 0
	for _, d := range plansAndReports(t) {
		_, h := render(t, tm, d)
		probs, n := chartColourProblems(string(h), chart.Default.Grid)
		total += n
		for _, p := range probs {
			t.Errorf("%s.html: %s", d.ID, p)
		}
	}
	if total == 0 {
		t.Fatal("no chart colour found in any plan or report")
	}
	// The check itself fails on a light mark, pale text and two series
	// too alike.
	bad := `<svg class="chart-svg" fill="#1A1A1A"><rect fill="#FFDD00" data-series="0"/><text fill="#F46A25">x</text>` +
		`<line stroke="#12436D" data-series="1"/><circle fill="#3D3D3D" data-series="2"/><line stroke="#D9D9D9"/></svg>`
	probs, _ := chartColourProblems(bad, chart.Default.Grid)
	if len(probs) != 3 {
		t.Errorf("the check finds %d problems in a chart with three: %q", len(probs), probs)
	}
}
