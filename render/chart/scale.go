package chart

import (
	"math"
	"strconv"
	"strings"

	"github.com/mpsplan/mpsplan/render/doc"
)

// Scale is a value axis: its domain, which runs from tick to tick, and
// its ticks at round numbers. Ticks are held exactly, as an integer count
// of steps and a step of M×10^E, so they print as the plan prints figures
// without float rounding.
type Scale struct {
	Lo, Hi float64 // the domain, in the chart's values
	// Ticks are the tick values in display units (values ÷ 10^Axis.Exp).
	Ticks []Tick
	// Zero is whether the domain includes zero.
	Zero bool
	axis doc.Axis
}

// Tick is one labelled tick: K steps of M×10^E display units.
type Tick struct {
	K, M, E int
	Value   float64 // in the chart's values
}

// Text formats the tick as the axis prints it: "£50m", "-2.5%", "15,000".
func (t Tick) Text(a doc.Axis) string {
	n := t.K * t.M
	if n == 0 {
		return "0" // zero needs no unit: 0, not £0bn
	}
	neg := n < 0
	if neg {
		n = -n
	}
	digits := strconv.Itoa(n)
	frac := ""
	if t.E >= 0 {
		digits += strings.Repeat("0", t.E)
	} else {
		p := -t.E
		for len(digits) <= p {
			digits = "0" + digits
		}
		digits, frac = digits[:len(digits)-p], digits[len(digits)-p:]
		frac = strings.TrimRight(frac, "0")
	}
	s := group(digits)
	if frac != "" {
		s += "." + frac
	}
	s = a.Prefix + s + a.Suffix
	if neg {
		s = "-" + s
	}
	return s
}

// group puts thousands separators into a string of digits.
func group(d string) string {
	var b strings.Builder
	for i, r := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// niceSteps are the mantissas a step may take: axes at 1, 2, 2.5 or 5
// times a power of ten read as round numbers.
var niceSteps = []struct{ m, e int }{{1, 0}, {2, 0}, {25, -1}, {5, 0}}

// NewScale chooses a domain and ticks covering lo..hi (in the chart's
// values) with about want intervals. With zero set the domain includes
// zero (bars always start there).
func NewScale(lo, hi float64, zero bool, want int, a doc.Axis) Scale {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo > hi {
		lo, hi = 0, 1
	}
	if zero {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	unit := math.Pow(10, float64(a.Exp))
	dlo, dhi := lo/unit, hi/unit
	if dhi == dlo {
		if dlo == 0 {
			dhi = 1
		} else {
			pad := math.Abs(dlo) / 10
			if !zero || dlo < 0 {
				dlo -= pad
			}
			if !zero || dhi > 0 {
				dhi += pad
			}
		}
	}
	want = max(want, 2)
	raw := (dhi - dlo) / float64(want)
	e := int(math.Floor(math.Log10(raw)))
	var m, me int
	for {
		found := false
		for _, s := range niceSteps {
			step := float64(s.m) * math.Pow(10, float64(s.e+e))
			if step >= raw*0.999 {
				m, me = s.m, s.e+e
				found = true
				break
			}
		}
		if found {
			break
		}
		e++
	}
	step := float64(m) * math.Pow(10, float64(me))
	k0 := int(math.Floor(dlo/step + 1e-9))
	k1 := int(math.Ceil(dhi/step - 1e-9))
	if k1 == k0 {
		k1++
	}
	sc := Scale{axis: a}
	for k := k0; k <= k1; k++ {
		sc.Ticks = append(sc.Ticks, Tick{K: k, M: m, E: me, Value: float64(k) * step * unit})
	}
	sc.Lo, sc.Hi = sc.Ticks[0].Value, sc.Ticks[len(sc.Ticks)-1].Value
	sc.Zero = sc.Lo <= 0 && sc.Hi >= 0
	return sc
}

// Pos maps a value to a position between from (at Lo) and to (at Hi).
func (s Scale) Pos(v, from, to float64) float64 {
	if s.Hi == s.Lo {
		return from
	}
	return from + (v-s.Lo)/(s.Hi-s.Lo)*(to-from)
}
