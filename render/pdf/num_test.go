package pdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/theme"
)

// TestAppendFixed2: appendFixed2 writes what strconv writes, for the
// numbers a page holds (halves and near-halves included), negatives,
// and numbers too large to round by hand.
func TestAppendFixed2(t *testing.T) {
	vals := []float64{0, 0.005, 0.015, 0.125, 0.375, 1.005, 2.675, 62.36, 691.8, 841.89, 1e7 + 0.005, 1e15, 1e300, -0.001, -3.14159, math.Inf(1), math.NaN()}
	for i := range 100000 {
		vals = append(vals, float64(i)/200, float64(i)/1000*k, (pageH-float64(i)/300)*k)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		vals = append(vals, r.Float64()*1000)
	}
	for _, v := range vals {
		if got, want := string(appendFixed2(nil, v)), strconv.FormatFloat(v, 'f', 2, 64); got != want {
			t.Errorf("appendFixed2(%v) = %s, want %s", v, got, want)
		}
	}
}

// TestAppendChannel: every channel as strconv writes it.
func TestAppendChannel(t *testing.T) {
	for v := -1; v <= 256; v++ {
		if got, want := string(appendChannel(nil, v)), strconv.FormatFloat(float64(v)/255, 'f', 3, 64); got != want {
			t.Errorf("appendChannel(%d) = %s, want %s", v, got, want)
		}
	}
}

// TestOneLine: oneLine is strings.Join(strings.Fields(s), " "), for text
// already on one line with single spaces and for every other kind of
// white space.
func TestOneLine(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\nb", "a\tb", "a\u00a0b", "a\u2003b", "a\u0085b",
		"£1 – the ‘x’", "\xff \xfe", "a\rb", "a\vb", "a\fb", "  ", "x y z"} {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestWord: faceWidths.word ends a word where strings.IndexAny does
// and measures it as fonts.width does.
func TestWord(t *testing.T) {
	fs := fontsFor(theme.Default().Fonts)
	for _, s := range []string{"", "a", "ab cd", "ab\ncd", "£ x", "a\u00a0b c", "naïve–‘x’ y", "\xff z", "🚓 x"} {
		for _, pre := range []bool{false, true} {
			want := strings.IndexAny(s, " \n")
			if pre {
				want = strings.IndexByte(s, '\n')
			}
			if want < 0 {
				want = len(s)
			}
			k := fontKey{stBold, 10.5}
			if fs.spaceWidth(k) != fs.width(k, " ") {
				t.Errorf("spaceWidth %v, width of a space %v", fs.spaceWidth(k), fs.width(k, " "))
			}
			end, w := fs.widths(k.face()).word(s, pre)
			if end != want || float64(w)*k.size/1000*ptmm != fs.width(k, s[:want]) {
				t.Errorf("word(%q, %v) = %d, %d; want %d, width %v", s, pre, end, w, want, fs.width(k, s[:want]))
			}
		}
	}
}
