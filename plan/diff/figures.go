package diff

import (
	"reflect"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
)

// Typeset signs: reviewers read these, and U+2212 lines up with "+".
const (
	arrow = "→" // U+2192
	minus = "−" // U+2212
)

// figureField compares two figures. The texts are shown as printed; when
// both are numbers of the same unit the exact difference goes with them.
// tableUnit is the unit a table prints in its header (£m), which its bare
// cells carry.
func figureField(name Loc, a, b *plan.Figure, tableUnit string) []Field {
	at, bt := figureText(a, tableUnit), figureText(b, tableUnit)
	if at == bt && sameQuantity(a, b) {
		return nil
	}
	f := Field{Loc: name, Old: at, New: bt, figure: true, oldQ: exact(a, tableUnit), newQ: exact(b, tableUnit)}
	switch {
	case at == "":
		f.Change = Added
	case bt == "":
		f.Change = Removed
	case sameQuantity(a, b) && a.Q != nil:
		f.Change = Reworded
	default:
		f.Change = Changed
		if a.Q != nil && b.Q != nil && a.Q.Unit == b.Q.Unit {
			f.Delta = delta(*a.Q, *b.Q, tableUnit)
			f.deltaQ = exactDelta(*f.oldQ, *f.newQ)
		}
	}
	return []Field{f}
}

// exact is a figure's quantity with a table's unit applied to a bare
// cell: 2,706.8 in a £m table is £2,706,800,000; 61.9 in a % table, 61.9%.
func exact(f *plan.Figure, tableUnit string) *plan.Quantity {
	if f == nil || f.Q == nil {
		return nil
	}
	q := *f.Q
	if q.Unit != plan.UnitNumber {
		return &q
	}
	if money, err := plan.ParseQuantity("£1" + strings.TrimPrefix(tableUnit, "£")); err == nil && strings.HasPrefix(tableUnit, "£") {
		return &plan.Quantity{Value: q.Value.Mul(money.Value), Unit: plan.UnitMoney}
	}
	if tableUnit == "%" {
		q.Unit = plan.UnitPercent
	}
	return &q
}

// exactDelta is b - a; between percentages it is in points.
func exactDelta(a, b plan.Quantity) *plan.Quantity {
	d := plan.Quantity{Value: b.Value.Sub(a.Value), Unit: a.Unit}
	if a.Unit == plan.UnitPercent {
		d.Unit = plan.UnitPoints
	}
	return &d
}

func sameQuantity(a, b *plan.Figure) bool {
	var qa, qb *plan.Quantity
	if a != nil {
		qa = a.Q
	}
	if b != nil {
		qb = b.Q
	}
	if qa == nil || qb == nil {
		return qa == nil && qb == nil
	}
	return qa.Unit == qb.Unit && qa.Value.Cmp(qb.Value) == 0
}

// figureText is the figure as printed, with a table's unit put on a bare
// cell: 2,706.8 in a £m table is £2,706.8m.
func figureText(f *plan.Figure, tableUnit string) string {
	if f == nil {
		return ""
	}
	t := strings.Join(strings.Fields(f.Text), " ")
	if t == "" || f.Q == nil || f.Q.Unit != plan.UnitNumber {
		return t
	}
	sign := ""
	for _, m := range []string{"-", minus} {
		if rest, ok := strings.CutPrefix(t, m); ok {
			sign, t = minus, rest
		}
	}
	switch {
	case strings.HasPrefix(tableUnit, "£"):
		return sign + "£" + t + strings.TrimPrefix(tableUnit, "£")
	case tableUnit == "%":
		return sign + t + "%"
	}
	return sign + t
}

// delta prints b - a exactly: "+100", "−£60.9m", and in percentage points
// between two percentages ("+2pp"), since a rise from 79% to 81% is not a
// rise of 2%.
func delta(a, b plan.Quantity, tableUnit string) string {
	d := b.Value.Sub(a.Value)
	if d.IsZero() {
		return "no change"
	}
	sign := "+"
	if d.Sign() < 0 {
		sign = minus
	}
	abs := d.Abs()
	switch {
	case a.Unit == plan.UnitPercent, a.Unit == plan.UnitPoints, tableUnit == "%":
		return sign + abs.String() + "pp"
	case a.Unit == plan.UnitMoney:
		return sign + plan.FormatMoney(abs)
	case strings.HasPrefix(tableUnit, "£"):
		return sign + "£" + abs.Grouped(0) + strings.TrimPrefix(tableUnit, "£")
	}
	return sign + abs.Grouped(0)
}

// latestTarget sets the latest target of one side beside the latest of the
// other when the two hold targets for different years, so that a measure
// carried over from one plan to the next shows how its target moved
// ("225 (2007/08) → 325 (2008/09), +100") though no year is in both.
func latestTarget(name Loc, a, b reflect.Value) (Field, bool) {
	ta, tb := a.Interface().([]plan.Target), b.Interface().([]plan.Target)
	if len(ta) == 0 || len(tb) == 0 || slices.Equal(targetYears(ta), targetYears(tb)) {
		return Field{}, false
	}
	la, lb := latest(ta), latest(tb)
	if la.Year == lb.Year {
		return Field{}, false // the target of that year is compared as such
	}
	f := Field{Loc: name, Change: Changed, figure: true,
		Old: targetValue(la) + " (" + la.Year.String() + ")",
		New: targetValue(lb) + " (" + lb.Year.String() + ")"}
	f.oldQ, f.newQ = exact(la.Value, ""), exact(lb.Value, "")
	if la.Kind == lb.Kind && f.oldQ != nil && f.newQ != nil && f.oldQ.Unit == f.newQ.Unit {
		f.Delta = delta(*f.oldQ, *f.newQ, "")
		f.deltaQ = exactDelta(*f.oldQ, *f.newQ)
	}
	return f, true
}

func targetYears(ts []plan.Target) []plan.Year {
	ys := make([]plan.Year, len(ts))
	for i, t := range ts {
		ys[i] = t.Year
	}
	slices.Sort(ys)
	return slices.Compact(ys)
}

func latest(ts []plan.Target) plan.Target {
	l := ts[0]
	for _, t := range ts[1:] {
		if t.Year > l.Year {
			l = t
		}
	}
	return l
}

// targetValue is a target's number as printed, or its words when it has none.
func targetValue(t plan.Target) string {
	if t.Value != nil && t.Value.Text != "" {
		return strings.Join(strings.Fields(t.Value.Text), " ")
	}
	return clipWords(t.Text, maxSummaryWords)
}

// compareTable compares a table's cells by row ID and column year, so a
// column added for a new year or a row moved is not a change to every cell.
func compareTable(at Loc, a, b reflect.Value) []Field {
	ta, tb := a.Interface().(plan.Table), b.Interface().(plan.Table)
	var out []Field
	for _, f := range fieldsOf(a.Type()) {
		if f.key != "rows" {
			out = append(out, compareValue(at.key(f.key), a.Field(f.index), b.Field(f.index))...)
		}
	}
	unit := tb.Unit
	if unit == "" {
		unit = ta.Unit
	}
	years := append(slices.Clone(ta.Columns), tb.Columns...)
	slices.Sort(years)
	years = slices.Compact(years)
	rowType := reflect.TypeFor[plan.TableRow]()
	match(reflect.ValueOf(ta.Rows), reflect.ValueOf(tb.Rows), func(key string, av, bv reflect.Value) {
		if !av.IsValid() {
			av = reflect.Zero(rowType)
		}
		if !bv.IsValid() {
			bv = reflect.Zero(rowType)
		}
		ra, rb := av.Interface().(plan.TableRow), bv.Interface().(plan.TableRow)
		row := at.key("rows").elem("row", key, byID)
		for _, f := range fieldsOf(rowType) {
			if f.key != "values" && f.key != "id" {
				out = append(out, compareValue(row.key(f.key), av.Field(f.index), bv.Field(f.index))...)
			}
		}
		for _, y := range years {
			c := row.key("values").named(join(row.Name, y.String()))
			c.Year = y.String()
			fs := figureField(c, cell(ta.Columns, ra, y), cell(tb.Columns, rb, y), unit)
			for i := range fs {
				fs[i].derived = ra.Equals != "" || rb.Equals != ""
			}
			out = append(out, fs...)
		}
	})
	return out
}

func cell(cols []plan.Year, r plan.TableRow, y plan.Year) *plan.Figure {
	i := slices.Index(cols, y)
	if i < 0 || i >= len(r.Values) {
		return nil
	}
	return r.Values[i]
}
