package plan

// textStatesValue reports whether the printed text of a long-form figure
// ({text: "61.9% 2005/06", value: 61.9%}) agrees with its value. A text
// in words ("the remainder") states no number and agrees; a text with
// numbers must print the value's, or the plan would print one figure and
// the report assess another.
func textStatesValue(text, value string) bool {
	want, ok := onlyNumber(value)
	return !ok || printsNumber(text, want)
}

// valueHint is the advice for a figure whose text contradicts its value.
const valueHint = "the value must be the number the text prints ({text: 90% of the time, value: 90%}): correct whichever is wrong"

// oneWholeYearResult refuses a second whole-year result for a year: the
// plan would print both and the report assess only one.
func (v *validator) oneWholeYearResult(results []Result, what subject) {
	whole := map[Year]Pos{}
	for _, r := range results {
		if r.Partial() {
			continue
		}
		if prev, dup := whole[r.Year]; dup {
			v.errorf(r.At, "duplicate-id", "keep one result a year, or give the part-year one its period: April to December 2006",
				"%s has a second whole-year result for %s (first at %s)", what, r.Year, prev)
			continue
		}
		whole[r.Year] = r.At
	}
}
