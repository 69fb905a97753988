package plandoc

import (
	"fmt"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

func (b *builder) budget() *doc.Section {
	bu := b.p.Budget
	s := b.section(SectionBudget, "Budget", 1)
	if bu == nil {
		return s
	}
	s.Blocks = append(s.Blocks, mdBlocks(bu.Summary)...)
	for i := range bu.Breakdowns {
		s.Sections = append(s.Sections, b.breakdown(&bu.Breakdowns[i]))
	}
	if len(bu.Initiatives) > 0 {
		s.Sections = append(s.Sections, b.initiatives(bu.Initiatives))
	}
	if strings.TrimSpace(string(bu.Capital)) != "" {
		cs := b.section("capital", "Capital", 2)
		cs.Blocks = append(cs.Blocks, mdBlocks(bu.Capital)...)
		s.Sections = append(s.Sections, cs)
	}
	for i := range bu.Tables {
		t := &bu.Tables[i]
		ts := b.section("table-"+t.ID, t.Title, 2)
		ts.Blocks = append(ts.Blocks, b.yearTable(t))
		s.Sections = append(s.Sections, ts)
	}
	if len(bu.Risks) > 0 {
		rs := b.section("risks", "Risks and issues", 2)
		for _, t := range b.riskTables(bu.Risks) {
			rs.Blocks = append(rs.Blocks, t)
		}
		s.Sections = append(s.Sections, rs)
	}
	return s
}

// initiatives lists new initiatives and the money given to them.
func (b *builder) initiatives(ins []plan.Initiative) *doc.Section {
	s := b.section("initiatives", "New initiatives", 2)
	hasYear, hasObj, hasDesc := false, false, false
	for _, in := range ins {
		hasYear = hasYear || in.Year != 0
		hasObj = hasObj || len(in.Objectives) > 0
		hasDesc = hasDesc || strings.TrimSpace(string(in.Description)) != ""
	}
	t := &doc.Table{ID: b.uid("initiatives-table"), Caption: "New initiatives and their funding", RowHeaders: true, Head: []string{"Initiative"}}
	if hasYear {
		t.Head = append(t.Head, "Year")
	}
	t.Head = append(t.Head, "Funding")
	amountCol := len(t.Head) - 1
	if hasObj {
		t.Head = append(t.Head, "Objectives")
	}
	if hasDesc {
		t.Head = append(t.Head, "Detail")
	}
	t.Numeric = make([]bool, len(t.Head))
	t.Numeric[amountCol] = true
	for _, in := range ins {
		row := doc.Row{Cells: []string{in.Title}}
		if hasYear {
			y := ""
			if in.Year != 0 {
				y = in.Year.String()
			}
			row.Cells = append(row.Cells, y)
		}
		row.Cells = append(row.Cells, in.Amount.String())
		if hasObj {
			row.Cells = append(row.Cells, strings.Join(refTitles(in.Objectives, b.objectiveT), "; "))
		}
		if hasDesc {
			row.Cells = append(row.Cells, mdtext.Plain(in.Description))
		}
		t.Rows = append(t.Rows, row)
	}
	s.Blocks = append(s.Blocks, t)
	return s
}

func (b *builder) breakdown(bd *plan.Breakdown) *doc.Section {
	s := b.section("breakdown-"+bd.ID, bd.Title+" "+bd.Year.String(), 2)
	s.Blocks = append(s.Blocks, mdBlocks(bd.Note)...)
	hasShare, hasDesc := false, false
	for _, it := range bd.Items {
		hasShare = hasShare || it.Share != nil
		hasDesc = hasDesc || it.Description != ""
	}
	t := &doc.Table{ID: b.uid("breakdown-" + bd.ID + "-table"), Caption: bd.Title + " " + bd.Year.String(), RowHeaders: true,
		Head: []string{"Item", "Amount"}, Numeric: []bool{false, true}}
	if hasShare {
		t.Head = append(t.Head, "Share")
		t.Numeric = append(t.Numeric, true)
	}
	if hasDesc {
		t.Head = append(t.Head, "What it covers")
		t.Numeric = append(t.Numeric, false)
	}
	var labels []string
	var pts []doc.Point
	numeric := true
	for _, it := range bd.Items {
		amount := amountText(&it)
		row := doc.Row{Cells: []string{it.Title, amount}}
		pt := doc.Point{Text: amount}
		if it.Derived && it.Amount.Q != nil {
			pt.Text = it.Amount.Q.String() + " (derived)"
		}
		if hasShare {
			row.Cells = append(row.Cells, it.Share.String())
			if it.Share != nil {
				pt.Text += " (" + it.Share.Text + ")"
			}
		}
		if hasDesc {
			row.Cells = append(row.Cells, mdtext.Plain(it.Description))
		}
		t.Rows = append(t.Rows, row)
		if it.Amount.Q != nil && it.Amount.Q.Value.Sign() >= 0 {
			pt.Value = it.Amount.Q.Value.Float64()
		} else {
			numeric = false
		}
		labels = append(labels, it.Title)
		pts = append(pts, pt)
	}
	if bd.Total != nil {
		row := doc.Row{Cells: []string{"Total", bd.Total.Text}, Total: true}
		for len(row.Cells) < len(t.Head) {
			row.Cells = append(row.Cells, "")
		}
		t.Rows = append(t.Rows, row)
	}
	if !numeric || len(bd.Items) < 2 {
		s.Blocks = append(s.Blocks, t)
		return s
	}
	s.Blocks = append(s.Blocks, b.breakdownChart(bd, t, labels, pts))
	return s
}

// breakdownChart draws a breakdown whose amounts are all figures: shares
// of a whole (revenue, funding), or bars (capital, savings, investment).
func (b *builder) breakdownChart(bd *plan.Breakdown, t *doc.Table, labels []string, pts []doc.Point) *doc.Chart {
	kind := doc.ChartShares
	if !bd.Kind.Shares() {
		kind = doc.ChartBars
	}
	var alt strings.Builder
	fmt.Fprintf(&alt, "%s %s", bd.Title, bd.Year)
	if bd.Total != nil {
		fmt.Fprintf(&alt, ", %s in total", bd.Total.Text)
	}
	alt.WriteString(": ")
	for i, l := range labels {
		if i > 0 {
			alt.WriteString("; ")
		}
		alt.WriteString(l + " " + pts[i].Text)
	}
	alt.WriteString(".")
	var amounts []plan.Decimal
	unit := bd.Items[0].Amount.Q.Unit
	for _, it := range bd.Items {
		amounts = append(amounts, it.Amount.Q.Value)
		if it.Amount.Q.Unit != unit {
			unit = ""
		}
	}
	return &doc.Chart{
		ID: b.uid("breakdown-" + bd.ID + "-chart"), Kind: kind, Title: bd.Title + " " + bd.Year.String(),
		Alt: alt.String(), Labels: labels, Series: []doc.Series{{Name: "Amount", Values: pts}}, Data: t,
		Axis: AxisFor(unit, Largest(amounts...)),
	}
}

func (b *builder) yearTable(yt *plan.Table) *doc.Table {
	first := "Item"
	if yt.Unit != "" {
		first = "Item (" + yt.Unit + ")"
	}
	t := &doc.Table{ID: b.uid("table-" + yt.ID + "-data"), Caption: yt.Title, RowHeaders: true, Head: []string{first}, Numeric: []bool{false}}
	for _, y := range yt.Columns {
		t.Head = append(t.Head, y.String())
		t.Numeric = append(t.Numeric, true)
	}
	for _, r := range yt.Rows {
		row := doc.Row{Cells: []string{r.Label}, Total: r.Total}
		for i := range yt.Columns {
			cell := ""
			if i < len(r.Values) {
				cell = r.Values[i].String()
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Note = strings.TrimSpace(string(yt.Note))
	return t
}

// riskTables lays the risks out in one table, or, when they bear on
// different budgets (area revenue and capital), in one table a budget, in
// the order first named: a document that sets its capital risks under its
// capital budget (2010-13) can then place each table under its own lead-in.
func (b *builder) riskTables(risks []plan.Risk) []*doc.Table {
	var areas []string
	byArea := map[string][]plan.Risk{}
	for _, r := range risks {
		if _, ok := byArea[r.Area]; !ok {
			areas = append(areas, r.Area)
		}
		byArea[r.Area] = append(byArea[r.Area], r)
	}
	if len(areas) == 1 {
		return []*doc.Table{b.riskTable("risks-table", "Financial risks and issues", risks, areas[0] != "")}
	}
	var out []*doc.Table
	for _, a := range areas {
		id, caption := "risks-other-table", "Other financial risks and issues"
		if a != "" {
			id, caption = "risks-"+a+"-table", capitalise(a)+" risks and issues"
		}
		out = append(out, b.riskTable(id, caption, byArea[a], false))
	}
	return out
}

// riskTable is a table of risks, with a Budget column when withArea.
func (b *builder) riskTable(id, caption string, risks []plan.Risk, withArea bool) *doc.Table {
	hasAmount, hasKind := false, false
	for _, r := range risks {
		hasAmount = hasAmount || r.Amount != nil
		hasKind = hasKind || r.Kind != ""
	}
	t := &doc.Table{ID: b.uid(id), Caption: caption, Head: []string{"Risk or issue"}, RowHeaders: true}
	if hasKind {
		t.Head = append(t.Head, "Type")
	}
	if withArea {
		t.Head = append(t.Head, "Budget")
	}
	if hasAmount {
		t.Head = append(t.Head, "Amount")
	}
	t.Head = append(t.Head, "Detail")
	t.Numeric = make([]bool, len(t.Head))
	if hasAmount {
		t.Numeric[len(t.Head)-2] = true
	}
	for _, r := range risks {
		row := doc.Row{Cells: []string{r.Title}}
		if hasKind {
			row.Cells = append(row.Cells, capitalise(r.Kind))
		}
		if withArea {
			row.Cells = append(row.Cells, capitalise(r.Area))
		}
		if hasAmount {
			row.Cells = append(row.Cells, r.Amount.String())
		}
		row.Cells = append(row.Cells, mdtext.Plain(r.Description))
		if parts := cellParts(r.Description); parts != nil {
			row.Parts = map[int][]doc.CellPart{len(row.Cells) - 1: parts}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// amountText is a part's amount as the source prints it; for a part the
// source leaves unprinted ("the remainder"), its words and then the figure
// the total and the other parts imply, said to be derived.
func amountText(it *plan.BreakdownItem) string {
	if !it.Derived || it.Amount.Q == nil {
		return it.Amount.Text
	}
	return it.Amount.Text + " (" + it.Amount.Q.String() + ", derived: the total less the other parts)"
}
