package plan

import (
	"fmt"
	"slices"
	"strings"
)

// budget checks a plan's money: breakdowns that add up, tables whose
// derived rows hold, and totals stated twice that agree.
func (v *validator) budget(b *Budget) {
	v.ids("breakdown", len(b.Breakdowns), func(i int) (string, Pos) { return b.Breakdowns[i].ID, b.Breakdowns[i].At })
	v.ids("table", len(b.Tables), func(i int) (string, Pos) { return b.Tables[i].ID, b.Tables[i].At })
	v.ids("risk", len(b.Risks), func(i int) (string, Pos) { return b.Risks[i].ID, b.Risks[i].At })
	for i := range b.Breakdowns {
		v.breakdown(&b.Breakdowns[i])
	}
	v.balance(b.Breakdowns)
	for i := range b.Tables {
		v.table(&b.Tables[i])
	}
	v.restated(b.Tables)
	for _, r := range b.Risks {
		if r.Amount != nil {
			v.money(r.Amount, fmt.Sprintf("risk %q amount", r.ID))
		}
	}
	v.initiatives(b.Initiatives)
}

// balance checks the totals a plan states twice: the revenue budget of a
// year and the funding of that budget (gross expenditure and the funding
// of gross expenditure) are one sum, printed in two tables. Either
// breakdown may acknowledge the rule.
//
// A plan has one of each a year. Where it has more, each revenue total is
// compared with the year's first funding total, and each further funding
// total with the year's first revenue total: since equality is
// transitive, every total of the year equals every other exactly when
// those agree, and the comparisons (and diagnostics) grow with the
// breakdowns, not with their square (3,000 breakdowns of one year made
// 2.2 million diagnostics).
func (v *validator) balance(bds []Breakdown) {
	type year struct{ rev, fund []*Breakdown }
	var years []Year
	byYear := map[Year]*year{}
	for i := range bds {
		b := &bds[i]
		if (b.Kind != "revenue" && b.Kind != "funding") || b.Total == nil || b.Total.Unit() != UnitMoney {
			continue
		}
		y := byYear[b.Year]
		if y == nil {
			y = &year{}
			byYear[b.Year] = y
			years = append(years, b.Year)
		}
		if b.Kind == "revenue" {
			y.rev = append(y.rev, b)
		} else {
			y.fund = append(y.fund, b)
		}
	}
	for _, yr := range years {
		y := byYear[yr]
		if len(y.rev) == 0 || len(y.fund) == 0 {
			continue
		}
		for _, rev := range y.rev {
			v.balanced(rev, y.fund[0])
		}
		for _, fund := range y.fund[1:] {
			v.balanced(y.rev[0], fund)
		}
	}
}

// balanced checks that a revenue breakdown's total is its funding's.
func (v *validator) balanced(rev, fund *Breakdown) {
	if rev.Total.Q.Value.Cmp(fund.Total.Q.Value) == 0 {
		return
	}
	d := Quantity{Value: rev.Total.Q.Value.Sub(fund.Total.Q.Value), Unit: UnitMoney}
	acks := append(slices.Clone(rev.Acknowledge), fund.Acknowledge...)
	v.gap(acks, rev.Total.At, "balance", d, "the revenue budget and its funding are the same sum: correct the total that was mistyped",
		"breakdown %q: the revenue total %s for %s is not the funding total %s of breakdown %q (%s) (difference %s)",
		rev.ID, rev.Total.Text, rev.Year, fund.Total.Text, fund.ID, fund.Total.At, d)
}

// restated checks the rows that state another table's figures again
// (same_as): for each year both tables have, the two cells must be the
// same amount, in the units their tables print (2,673.3 in a £m table is
// £2,673.3m).
func (v *validator) restated(ts []Table) {
	byID := map[string]*Table{}
	for i := range ts {
		byID[ts[i].ID] = &ts[i]
	}
	// Each table's rows by ID, and the "did you mean" of table IDs, are
	// made when first needed: looking them up row by row took time that
	// grew with the square of a table.
	rowsOf := map[*Table]map[string]*TableRow{}
	var tableNames *suggester
	for i := range ts {
		t := &ts[i]
		for _, r := range t.Rows {
			if r.SameAs == "" {
				continue
			}
			tid, rid, _ := strings.Cut(r.SameAs, "/")
			other := byID[tid]
			var src *TableRow
			if other != nil {
				if rowsOf[other] == nil {
					rowsOf[other] = rowsByID(other)
				}
				src = rowsOf[other][rid]
			}
			if src == nil || other == t {
				hint := "write table/row, naming a row of another table of the plan"
				if other == nil {
					if tableNames == nil {
						tableNames = newSuggester(keys(boolSet(byID)))
					}
					if s := tableNames.suggest(tid); s != "" {
						hint = fmt.Sprintf("did you mean table %q?", s)
					}
				}
				v.errorf(r.At, "reference", hint, "row %q of table %q is the same as %q, which is no row of another table", r.ID, t.ID, r.SameAs)
				continue
			}
			acks := append(slices.Clone(t.Acknowledge), other.Acknowledge...)
			for col, y := range t.Columns {
				j := slices.Index(other.Columns, y)
				if col >= len(r.Values) || j < 0 || j >= len(src.Values) {
					continue
				}
				a, aok := cellAmount(r.Values[col], t.Unit)
				b, bok := cellAmount(src.Values[j], other.Unit)
				if !aok || !bok || a.Unit != b.Unit || a.Value.Cmp(b.Value) == 0 {
					continue
				}
				d := Quantity{Value: a.Value.Sub(b.Value), Unit: a.Unit}
				v.gap(acks, r.Values[col].At, "balance", d, "a figure stated twice is one figure: correct the one that was mistyped",
					"table %q, row %q, %s: %s, but row %q of table %q (%s), which it restates, says %s (difference %s)",
					t.ID, r.ID, y, cellText(r.Values[col], t.Unit), rid, tid, src.Values[j].At, cellText(src.Values[j], other.Unit), d)
			}
		}
	}
}

// cellAmount is a table cell's exact amount, a bare number taking the
// unit the table prints in its header (£m, £bn, %).
func cellAmount(f *Figure, unit string) (Quantity, bool) {
	if f == nil || f.Q == nil {
		return Quantity{}, false
	}
	q := *f.Q
	if q.Unit != UnitNumber {
		return q, true
	}
	if suffix, ok := strings.CutPrefix(unit, "£"); ok {
		if scale, ok := moneyScale[suffix]; ok {
			return Quantity{Value: q.Value.Mul(scale), Unit: UnitMoney}, true
		}
	}
	if unit == "%" {
		q.Unit = UnitPercent
	}
	return q, true
}

// cellText is a cell as printed, with the table's money unit around a
// bare number: 2,673.3 in a £m table is £2,673.3m.
func cellText(f *Figure, unit string) string {
	if suffix, ok := strings.CutPrefix(unit, "£"); ok && f.Q != nil && f.Q.Unit == UnitNumber {
		return "£" + f.Text + suffix
	}
	return f.Text
}

func (v *validator) money(f *Figure, what string) bool {
	if f.Text == "" && f.Q == nil {
		return false // no value at all: the loader has reported the missing key
	}
	if f.Unit() != UnitMoney {
		hint := "write money with a pound sign: £241.1m, £3.56bn"
		if fix, ok := figureFix(f.Text, UnitMoney); ok && f.Q == nil {
			hint = "did you mean " + fix + "?"
		}
		v.errorf(f.At, "unit", hint, "%s %q is not an amount of money", what, f.Text)
		return false
	}
	return true
}

func (v *validator) breakdown(bd *Breakdown) {
	v.acknowledges(bd.Acknowledge)
	v.inPeriod(bd.At, bd.Year, identified("breakdown", bd.ID))
	v.ids("item of breakdown "+bd.ID, len(bd.Items), func(i int) (string, Pos) { return bd.Items[i].ID, bd.Items[i].At })
	sum, sumOK := Decimal{}, true
	shares, nShares, sharesOK := Decimal{}, 0, true
	derived := 0
	for _, it := range bd.Items {
		if it.Derived {
			// A derived part is the total less the others: the sum check
			// below is what proves its figure.
			if derived++; derived > 1 {
				v.errorf(it.At, "derived", "mark only the part the source leaves unprinted; the figures of the others are printed",
					"breakdown %q marks more than one part derived: a figure can be derived from the total only once", bd.ID)
			}
			if bd.Total == nil {
				v.errorf(it.At, "derived", "give the breakdown the total the source states, or write the part's figure as printed",
					"part %q of breakdown %q is derived, but the breakdown states no total to derive it from", it.ID, bd.ID)
			}
		}
		if v.money(&it.Amount, fmt.Sprintf("%q amount", it.ID)) {
			sum = sum.Add(it.Amount.Q.Value)
		} else {
			sumOK = false
		}
		if it.Share == nil {
			continue
		}
		nShares++
		if it.Share.Unit() != UnitPercent {
			sharesOK = false
			if pc, ok := fractionPercent(it.Share); ok {
				v.errorf(it.Share.At, "fraction", "write the share as printed, with its % sign: "+pc,
					"share %q of %q: did you mean %s?", it.Share.Text, it.ID, pc)
				continue
			}
			v.errorf(it.Share.At, "unit", "write a share as a percentage: 77%", "share %q of %q is not a percentage", it.Share.Text, it.ID)
			continue
		}
		if q := it.Share.Q.Value; q.Sign() < 0 || q.Cmp(hundred) > 0 {
			v.errorf(it.Share.At, "percent-range", "a share lies between 0% and 100%", "share %q of %q is out of range", it.Share.Text, it.ID)
		}
		shares = shares.Add(it.Share.Q.Value)
	}
	if bd.Total != nil && v.money(bd.Total, fmt.Sprintf("breakdown %q total", bd.ID)) && sumOK && sum.Cmp(bd.Total.Q.Value) != 0 {
		d := Quantity{Value: bd.Total.Q.Value.Sub(sum), Unit: UnitMoney}
		v.gap(bd.Acknowledge, bd.Total.At, "sum", d, "correct the figure that was mistyped",
			"breakdown %q: items add up to %s, not the stated total %s (difference %s)",
			bd.ID, FormatMoney(sum), bd.Total.Text, d)
	}
	if nShares > 0 && nShares < len(bd.Items) {
		v.errorf(bd.At, "shares", "give every item a share, or none", "breakdown %q gives shares for %d of its %d items", bd.ID, nShares, len(bd.Items))
	} else if nShares > 0 && sharesOK && shares.Cmp(hundred) != 0 {
		d := Quantity{Value: shares.Sub(hundred), Unit: UnitPoints}
		v.gap(bd.Acknowledge, bd.At, "shares", d, "shares of a whole add up to 100%",
			"breakdown %q: shares add up to %s%%, not 100%% (difference %s)", bd.ID, shares, d)
	}
}

// table checks the shape of a table and recomputes each derived row.
func (v *validator) table(t *Table) {
	v.acknowledges(t.Acknowledge)
	for _, y := range t.Columns {
		v.inPeriod(t.At, y, identified("table", t.ID).as(" column"))
	}
	rows := rowsByID(t)
	var rowNames *suggester // made at the first unknown row
	v.ids("row of table "+t.ID, len(t.Rows), func(i int) (string, Pos) { return t.Rows[i].ID, t.Rows[i].At })
	for i := range t.Rows {
		r := &t.Rows[i]
		if len(r.Values) != len(t.Columns) {
			v.errorf(r.At, "table", "write one value a column, ~ for an empty cell", "row %q of table %q has %d values for %d columns", r.ID, t.ID, len(r.Values), len(t.Columns))
		}
		for _, c := range r.Values {
			if c != nil && c.Q == nil {
				hint := "table cells hold numbers: 2,673.3"
				if fix, ok := figureFix(c.Text, ""); ok {
					hint = "did you mean " + fix + "?"
				}
				v.errorf(c.At, "table", hint, "cell %q of row %q is not a number", c.Text, r.ID)
			}
		}
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		if r.Equals == "" || len(r.Values) != len(t.Columns) {
			continue
		}
		terms, err := parseFormula(r.Equals)
		if err != nil {
			v.errorf(r.At, "table", "write row IDs joined by + and -: approved + savings - lower", "row %q: %v", r.ID, err)
			continue
		}
		ok := true
		for _, term := range terms {
			src := rows[term.id]
			switch {
			case src == nil:
				hint := ""
				if rowNames == nil {
					rowNames = newSuggester(keys(boolSet(rows)))
				}
				if s := rowNames.suggest(term.id); s != "" {
					hint = fmt.Sprintf("did you mean %q?", s)
				}
				v.errorf(r.At, "reference", hint, "row %q of table %q refers to unknown row %q", r.ID, t.ID, term.id)
				ok = false
			case src == r:
				v.errorf(r.At, "table", "", "row %q is defined in terms of itself", r.ID)
				ok = false
			case len(src.Values) != len(t.Columns):
				ok = false
			}
		}
		if !ok {
			continue
		}
		for col, y := range t.Columns {
			if c := r.Values[col]; c == nil || c.Q == nil {
				continue // the document prints no figure here: nothing to check
			}
			want := Decimal{}
			for _, term := range terms {
				if c := rows[term.id].Values[col]; c != nil && c.Q != nil {
					want = want.Add(c.Q.Value.Mul(DecimalFromInt(int64(term.sign))))
				}
			}
			got, pos := r.Values[col].Q.Value, r.Values[col].At
			if got.Cmp(want) != 0 {
				d := Quantity{Value: got.Sub(want), Unit: UnitNumber}
				v.gap(t.Acknowledge, pos, "sum", d, "correct the mistyped cell",
					"table %q, row %q, %s: %s = %s, but the row says %s (difference %s)", t.ID, r.ID, y, r.Equals, want.Grouped(0), got.Grouped(0), d.Value)
			}
		}
	}
}

// rowsByID maps each row ID of t to its row, the last of rows that share one.
func rowsByID(t *Table) map[string]*TableRow {
	rows := make(map[string]*TableRow, len(t.Rows))
	for i := range t.Rows {
		rows[t.Rows[i].ID] = &t.Rows[i]
	}
	return rows
}

func boolSet[T any](m map[string]T) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

type term struct {
	sign int
	id   string
}

// parseFormula reads "a + b - c" into signed row IDs.
func parseFormula(s string) ([]term, error) {
	// Operators stand apart from IDs, since IDs themselves contain hyphens.
	fields := strings.Fields(s)
	var out []term
	sign := 1
	expectID := true
	for _, f := range fields {
		switch {
		case f == "+" || f == "-":
			if expectID {
				return nil, fmt.Errorf("formula %q has an operator where a row ID belongs", s)
			}
			sign = 1
			if f == "-" {
				sign = -1
			}
			expectID = true
		default:
			if !expectID {
				return nil, fmt.Errorf("formula %q needs + or - between row IDs", s)
			}
			out = append(out, term{sign: sign, id: f})
			expectID = false
		}
	}
	if expectID {
		return nil, fmt.Errorf("formula %q is incomplete", s)
	}
	return out, nil
}
