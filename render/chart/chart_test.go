package chart

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/doc"
)

func TestTickText(t *testing.T) {
	money := doc.Axis{Prefix: "£", Suffix: "m", Exp: 6}
	pct := doc.Axis{Suffix: "%"}
	for _, c := range []struct {
		tick Tick
		axis doc.Axis
		want string
	}{
		{Tick{K: 0, M: 5, E: 1}, money, "0"},
		{Tick{K: 2, M: 25, E: 0}, money, "£50m"},
		{Tick{K: 3, M: 25, E: -1}, pct, "7.5%"},
		{Tick{K: -1, M: 25, E: -1}, pct, "-2.5%"},
		{Tick{K: 3, M: 1, E: -1}, pct, "0.3%"},  // 0.1×3 exactly, not 0.30000000000000004
		{Tick{K: 7, M: 1, E: -2}, pct, "0.07%"}, // leading zeros kept
		{Tick{K: 4, M: 5, E: 3}, doc.Axis{}, "20,000"},
		{Tick{K: 1, M: 5, E: 3}, doc.Axis{}, "5,000"}, // grouped like 10,000 beside it
		{Tick{K: 12, M: 1, E: 5}, doc.Axis{}, "1,200,000"},
	} {
		if got := c.tick.Text(c.axis); got != c.want {
			t.Errorf("%+v: %q, want %q", c.tick, got, c.want)
		}
	}
}

func TestScale(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		zero   bool
		exp    int
		want   string
	}{
		{0, 241.1e6, true, 6, "0 £50m £100m £150m £200m £250m"},
		{-15.9, -4, true, 0, "-20% -15% -10% -5% 0"},
		{20.8, 79, true, 0, "0 20% 40% 60% 80%"},
		{1.9, 2.76, true, 0, "0 1% 2% 3%"},
		{-6.3, 5, true, 0, "-7.5% -5% -2.5% 0 2.5% 5%"},
		{1, 1, false, 0, "0.9% 0.95% 1% 1.05% 1.1%"},
	} {
		a := doc.Axis{Suffix: "%"}
		if c.exp == 6 {
			a = doc.Axis{Prefix: "£", Suffix: "m", Exp: 6}
		}
		sc := NewScale(c.lo, c.hi, c.zero, 5, a)
		var got []string
		for _, tk := range sc.Ticks {
			got = append(got, tk.Text(a))
		}
		if s := strings.Join(got, " "); s != c.want {
			t.Errorf("%v..%v: ticks %s, want %s", c.lo, c.hi, s, c.want)
		}
		if sc.Lo > c.lo || sc.Hi < c.hi {
			t.Errorf("%v..%v: domain %v..%v cuts the data", c.lo, c.hi, sc.Lo, sc.Hi)
		}
		if c.zero && (sc.Lo > 0 || sc.Hi < 0) {
			t.Errorf("%v..%v: domain %v..%v leaves out zero", c.lo, c.hi, sc.Lo, sc.Hi)
		}
	}
}

// TestScaleRandom: every domain covers its data, runs tick to tick, and has
// between 2 and 8 round ticks.
func TestScaleRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		mag := math.Pow(10, float64(r.IntN(14)-4))
		a, b := (r.Float64()*2-1)*mag, (r.Float64()*2-1)*mag
		lo, hi := min(a, b), max(a, b)
		sc := NewScale(lo, hi, r.IntN(2) == 0, 2+r.IntN(5), doc.Axis{})
		if sc.Lo > lo || sc.Hi < hi || len(sc.Ticks) < 2 || len(sc.Ticks) > 12 {
			t.Fatalf("%g..%g: domain %g..%g with %d ticks", lo, hi, sc.Lo, sc.Hi, len(sc.Ticks))
		}
		for _, tk := range sc.Ticks {
			if tk.M != 1 && tk.M != 2 && tk.M != 25 && tk.M != 5 {
				t.Fatalf("%g..%g: tick step %d×10^%d is not round", lo, hi, tk.M, tk.E)
			}
		}
	}
}

// TestPalette: the Analysis Function palette in its order, every colour at
// least 3:1 against white and against its neighbour (WCAG 1.4.11), and
// text colours at least 4.5:1.
func TestPalette(t *testing.T) {
	want := []string{"#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"}
	p := Default
	for i, c := range p.Categorical {
		if c.Hex() != want[i] {
			t.Errorf("categorical %d is %s, want %s", i, c.Hex(), want[i])
		}
		if r := Contrast(c, White); r < 3 {
			t.Errorf("%s is %.2f:1 on white, under 3:1", c.Hex(), r)
		}
		if i > 0 {
			if r := Contrast(c, p.Categorical[i-1]); r < 3 {
				t.Errorf("%s beside %s is %.2f:1, under 3:1", c.Hex(), p.Categorical[i-1].Hex(), r)
			}
		}
	}
	if p.Result.Hex() != "#12436D" || p.Target.Hex() != "#F46A25" {
		t.Errorf("duo is %s, %s; want #12436D, #F46A25", p.Result.Hex(), p.Target.Hex())
	}
	if r := Contrast(p.Result, p.Target); r < 3 {
		t.Errorf("result and target are %.2f:1 apart", r)
	}
	for _, c := range []Color{p.Text, p.Muted} {
		if r := Contrast(c, White); r < 4.5 {
			t.Errorf("text colour %s is %.2f:1 on white", c.Hex(), r)
		}
	}
	if _, err := ParseHex("#12436"); err == nil {
		t.Error("a five-digit colour parsed")
	}
}

// TestRoleColours: a result and a target keep their colours whatever their
// order in the chart.
func TestRoleColours(t *testing.T) {
	a := &doc.Chart{Series: []doc.Series{{Role: doc.RoleTarget}, {Role: doc.RoleResult}}}
	b := &doc.Chart{Series: []doc.Series{{Role: doc.RoleResult}, {Role: doc.RoleTarget}}}
	if Default.SeriesColor(a, 0) != Default.SeriesColor(b, 1) || Default.SeriesColor(a, 1) != Default.SeriesColor(b, 0) {
		t.Error("target and result swap colours with their order")
	}
	c := &doc.Chart{Series: []doc.Series{{}, {}, {}}}
	for i := range 3 {
		if Default.SeriesColor(c, i) != Default.Categorical[i] {
			t.Errorf("series %d does not take categorical colour %d", i, i)
		}
	}
}

// charts returns charts of every kind: plain, negative, crowded, with long
// labels and figures, gaps and equal values.
func charts(r *rand.Rand) []*doc.Chart {
	long := "Number of people killed in under 30 days or seriously injured in road traffic collisions per 100 million vehicle km travelled"
	var out []*doc.Chart
	for _, kind := range []doc.ChartKind{doc.ChartBars, doc.ChartShares, doc.ChartTargetResult, doc.ChartTrend} {
		for n := range 12 {
			labels := 1 + r.IntN(9)
			c := &doc.Chart{Kind: kind, Axis: &doc.Axis{Suffix: "%"}}
			series := 1 + r.IntN(2)
			if kind == doc.ChartTargetResult {
				series = 2
				c.Series = []doc.Series{{Name: "Target", Role: doc.RoleTarget}, {Name: "Result", Role: doc.RoleResult}}
				if n%3 == 0 {
					c.Axis = nil
				}
			} else if kind == doc.ChartTrend && n%2 == 0 {
				series = 2
				c.Series = []doc.Series{{Name: "Result", Role: doc.RoleResult}, {Name: "Target", Role: doc.RoleTarget}}
			} else if n == 11 {
				series = 8 // more than the palette: small multiples
			}
			for len(c.Series) < series {
				c.Series = append(c.Series, doc.Series{Name: fmt.Sprintf("Series %d", len(c.Series)+1)})
			}
			for i := range labels {
				l := fmt.Sprintf("%d/%02d", 2000+i, i+1)
				if kind != doc.ChartTrend || n%4 == 1 {
					l = long[:10+r.IntN(len(long)-10)]
				}
				c.Labels = append(c.Labels, l)
				for s := range c.Series {
					v := math.Round((r.Float64()*120-20*float64(n%2))*10) / 10
					if n == 5 {
						v = 25
					}
					p := doc.Point{Value: v, Text: fmt.Sprintf("%.1f%%", v)}
					if r.IntN(5) == 0 {
						p.Text += " (April to December 2006)"
					}
					if r.IntN(9) == 0 {
						p = doc.Point{Missing: true}
					}
					if c.Series[s].Role == doc.RoleResult && kind == doc.ChartTargetResult {
						p.Status = []string{"met", "not met", "on track"}[r.IntN(3)]
					}
					c.Series[s].Values = append(c.Series[s].Values, p)
				}
			}
			out = append(out, c)
		}
	}
	return out
}

// TestNoOverlap: in every chart laid out, at both writers' sizes, no two
// texts overlap, none leaves the figure and no gridline runs through one;
// nothing is cut short.
func TestNoOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	styles := []Style{{Width: 470, Size: 8.5}, {Width: 560, Size: 14}, {Width: 300, Size: 9}}
	for ci, c := range charts(r) {
		for _, st := range styles {
			f := Layout(c, st)
			if !Drawable(c) {
				continue
			}
			if len(f.Texts) == 0 || f.H <= 0 {
				t.Fatalf("chart %d (%s): nothing laid out", ci, c.Kind)
			}
			for i, a := range f.Texts {
				x0, y0, x1, y1 := a.Box()
				if x0 < -0.01 || x1 > f.W+0.01 || y0 < -0.01 || y1 > f.H+0.01 {
					t.Errorf("chart %d (%s, width %v): %q at %.1f,%.1f-%.1f,%.1f leaves the %vx%.1f figure", ci, c.Kind, st.Width, a.S, x0, y0, x1, y1, f.W, f.H)
				}
				if strings.Contains(a.S, "…") {
					t.Errorf("chart %d: %q is cut", ci, a.S)
				}
				for _, b := range f.Texts[i+1:] {
					bx0, by0, bx1, by1 := b.Box()
					if x0 < bx1-0.01 && bx0 < x1-0.01 && y0 < by1-0.01 && by0 < y1-0.01 {
						t.Errorf("chart %d (%s, width %v): %q overlaps %q", ci, c.Kind, st.Width, a.S, b.S)
					}
				}
				// No light gridline runs through a text.
				for _, m := range f.Marks {
					if m.Kind == Line && m.Color == Default.Grid && m.Y == m.Y2 && m.Y > y0+0.01 && m.Y < y1-0.01 &&
						min(m.X, m.X2) < x1-0.01 && max(m.X, m.X2) > x0+0.01 {
						t.Errorf("chart %d (%s, width %v): a gridline at %.1f runs through %q", ci, c.Kind, st.Width, m.Y, a.S)
					}
					if m.Kind == Line && m.Color == Default.Grid && m.X == m.X2 && m.X > x0+0.01 && m.X < x1-0.01 &&
						min(m.Y, m.Y2) < y1-0.01 && max(m.Y, m.Y2) > y0+0.01 {
						t.Errorf("chart %d (%s, width %v): a gridline at x %.1f runs through %q", ci, c.Kind, st.Width, m.X, a.S)
					}
				}
			}
		}
	}
}

// TestLabelsWhole: every category label and figure appears in the texts,
// word for word, wrapped maybe but never cut.
func TestLabelsWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for ci, c := range charts(r) {
		f := Layout(c, Style{Width: 470, Size: 8.5})
		if !Drawable(c) {
			continue
		}
		var all []string
		for _, tx := range f.Texts {
			all = append(all, tx.S)
		}
		// A word wider than its column breaks between characters: the
		// letters are all there, in order.
		text := strings.Join(all, "")
		for _, l := range c.Labels {
			for _, w := range strings.Fields(l) {
				if !strings.Contains(text, w) {
					t.Errorf("chart %d: label word %q missing", ci, w)
				}
			}
		}
	}
}

// TestTrendRange: a line chart far from zero starts where its data do and
// says so on its axis; one near zero includes it.
func TestTrendRange(t *testing.T) {
	c := &doc.Chart{Kind: doc.ChartTrend, Labels: []string{"2005/06", "2006/07"}, Axis: &doc.Axis{Title: "Percent", Suffix: "%"},
		Series: []doc.Series{{Name: "Result", Role: doc.RoleResult, Values: []doc.Point{{Value: 79, Text: "79%"}, {Value: 82.5, Text: "82.5%"}}}}}
	f := Layout(c, Style{Width: 470, Size: 8.5})
	found := false
	for _, tx := range f.Texts {
		if strings.HasPrefix(tx.S, "Percent (axis starts at ") {
			found = true
		}
	}
	if !found {
		t.Error("a trend from 79% to 82.5% does not say where its axis starts")
	}
	c.Series[0].Values[0].Value, c.Series[0].Values[0].Text = 30, "30%"
	f = Layout(c, Style{Width: 470, Size: 8.5})
	for _, tx := range f.Texts {
		if strings.Contains(tx.S, "axis starts") {
			t.Errorf("a trend from 30%% to 82.5%% does not start at zero: %q", tx.S)
		}
	}
}

func TestWrapNeverCuts(t *testing.T) {
	l := &lay{st: Style{Measure: Approx, Size: 10}}
	s := "2 percentage point increase in the proportion of victims satisfied"
	lines := l.wrap(s, 80, false)
	if strings.Join(lines, " ") != s {
		t.Errorf("wrapped %q into %q", s, lines)
	}
	for _, ln := range lines {
		if w := Approx(ln, 10, false); w > 80 && strings.Contains(ln, " ") {
			t.Errorf("line %q is %.1f wide, over 80", ln, w)
		}
	}
	long := strings.Repeat("x", 5000)
	if got := strings.Join(l.wrap(long, 50, false), ""); got != long {
		t.Error("a word wider than the line lost characters")
	}
}
