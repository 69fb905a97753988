package pdf

import (
	"math"
	"strconv"
)

// appendFixed2 appends v with two decimals, exactly as
// strconv.AppendFloat(b, v, 'f', 2, 64) does: that call takes its slow,
// exact path for every fixed precision, and text positions were several
// percent of a PDF's time. v times 100 is rounded here unless it is
// within a hair of a half, where the float error of the product could
// round it the other way; strconv decides those, and negative and huge
// numbers.
func appendFixed2(b []byte, v float64) []byte {
	s := v * 100
	r := math.Round(s)
	if !(v >= 0 && s < 1e9) || math.Abs(s-r) > 0.499 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	n := int64(r)
	b = strconv.AppendInt(b, n/100, 10)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// greys holds each colour channel, 0-255, as appendColour writes it: a
// fraction of 255 with three decimals.
var greys = func() (g [256]string) {
	for v := range g {
		g[v] = strconv.FormatFloat(float64(v)/255, 'f', 3, 64)
	}
	return g
}()

// appendChannel appends a colour channel as a fraction of 255.
func appendChannel(b []byte, v int) []byte {
	if v >= 0 && v < len(greys) {
		return append(b, greys[v]...)
	}
	return strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64)
}
