// Package doc is the document model every writer prints: a Document is an
// ordered tree of sections holding typed blocks (text, lists, tables,
// charts), with every figure already formatted as the source prints it.
// It imports nothing of the plan: builders (render/plandoc, render/report)
// fill it in from a validated plan, and writers (render/markup, render/pdf)
// print it, so every format has the same structure and the same figures,
// and a writer never reads the plan or does arithmetic.
package doc

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Document is a publication laid out and ready to print.
type Document struct {
	// Kind is "plan" or "report"; templates may lay them out differently.
	Kind string
	// ID names the output files: 2008-11, 2006-09-report-2006-07.
	ID            string
	Title         string
	Subtitle      string
	Organisations []string
	// Meta is the title block after the title: period, version, status,
	// date, approving body, in that order.
	Meta []Meta
	// Date is the document date as printed (from the plan, else from
	// SOURCE_DATE_EPOCH); empty when neither gives one.
	Date string
	// Created is the same date as a time, for file metadata (PDF creation
	// date); the zero time when there is none, never the clock.
	Created time.Time
	// Keywords go into HTML and PDF metadata.
	Keywords []string
	// Draft marks a document not yet approved: every format says so on
	// every page (a DRAFT mark on each PDF page, a banner in HTML).
	Draft bool
	// Links are the document's other forms beside it (its PDF and
	// Markdown, its plan's figures as data), each relative to the
	// document's own file. The HTML writer prints them
	// under the title block and as alternates in its head; the other
	// writers leave them out, since they are not read beside the files.
	Links    []Link
	Sections []*Section
}

// Link is a link from a document to a file beside it.
type Link struct {
	// Label is what the reader sees: "PDF", "Figures (CSV)".
	Label string
	// Href is the file's path, relative to the document's.
	Href string
	// Type is the file's media type ("application/pdf"), empty for a page.
	Type string
}

// Meta is one labelled line of the title block.
type Meta struct {
	Label string
	Value string
}

// Section is a numbered part of a document. Its ID is unique in the
// document and stable across builds, for anchors, links and PDF bookmarks.
type Section struct {
	ID    string
	Title string
	// Level is 1 for a top-level section; the document title sits above.
	Level    int
	Appendix bool
	Blocks   []Block
	Sections []*Section
}

// Block is one piece of section content: *Text, *List, *Table or *Chart.
type Block interface{ isBlock() }

// Text is a run of the plan author's Markdown (CommonMark + GFM).
type Text struct {
	Markdown string
}

// List is a bulleted or numbered list. Items are plain text, with an
// optional Markdown detail under each.
type List struct {
	// ID, when set, names a list built from a list of the plan (a
	// section's items, the enablers), so that the plan's text can place it
	// ({{place: ID}}); it is not printed.
	ID      string
	Ordered bool
	Items   []ListItem
}

// ListItem is one entry of a List.
type ListItem struct {
	// ID, when set, is an anchor for the item (an objective, a measure).
	ID     string
	Text   string
	Detail string // Markdown
}

// Table is a data table. Cells are plain text exactly as printed.
type Table struct {
	ID      string
	Caption string
	// CaptionHidden says the caption repeats the section heading just
	// above it: it is for screen readers only (visually hidden in HTML, a
	// tagged caption in PDF, left out of Markdown), so a reader sees the
	// words once. The writers set it (on their own copy of the table).
	CaptionHidden bool
	// Widths, when set, are the columns' widths in percent of the table's
	// (to a tenth):
	// tables of one kind (the same columns) are set alike throughout a
	// document. The HTML writer sets them (on its own copy of the table);
	// Markdown has no column widths and leaves them unset.
	Widths []float64
	// MinWidth (in em), set with Widths, is the narrowest the table can be
	// set so with no word broken; narrower, it scrolls.
	MinWidth int
	Head     []string
	// Numeric marks columns of figures, right-aligned.
	Numeric []bool
	// RowHeaders makes a cell of each row a row header: the first, or
	// the one HeaderColumn names.
	RowHeaders bool
	// HeaderColumn is the column of the row headers when a column before
	// it groups the rows (the objective a headline measure serves, printed
	// once for its measures as the source prints it); 0 is the first.
	HeaderColumn int
	Rows         []Row
	// Note is Markdown printed under the table.
	Note string
}

// Row is one table row.
type Row struct {
	Cells []string
	// Parts holds, by column, a cell that is more than a line of text:
	// its paragraphs and bulleted lists, in order (a risk's detail with the
	// issues it lists). Cells keeps such a cell as one line of plain text,
	// for what needs text alone (column widths, tests).
	Parts map[int][]CellPart
	// Group marks a heading row that spans the table (an outcome heading
	// above its objectives); it has one cell.
	Group bool
	// Total marks a total or derived row, printed in bold.
	Total bool
}

// CellPart is a paragraph of a table cell or, with Items, a bulleted list:
// a writer prints it as a list where its format has lists in cells (HTML,
// PDF), and as its items marked "•" on one line where it has not (GFM).
type CellPart struct {
	Text  string
	Items []string
}

// ChartKind selects how a Chart is drawn.
type ChartKind string

// Chart kinds.
const (
	// ChartBars draws one horizontal bar per label (capital programme).
	ChartBars ChartKind = "bars"
	// ChartShares draws one stacked 100% bar of parts (revenue, funding).
	ChartShares ChartKind = "shares"
	// ChartTargetResult draws, per measure, its target beside its result.
	ChartTargetResult ChartKind = "target-result"
	// ChartTrend draws a measure's values across years.
	ChartTrend ChartKind = "trend"
)

// Chart is a figure drawn from data. Every chart carries a text
// alternative and the data table it was drawn from, which writers print
// beside it: the chart is never the only way to read the figures.
type Chart struct {
	ID    string
	Kind  ChartKind
	Title string
	// TitleHidden says the title repeats the section heading just above
	// the chart, which serves as its caption: the title is for screen
	// readers only. The writers set it (on their own copy of the chart).
	TitleHidden bool
	// Alt is the text alternative, a sentence summarising the figures.
	Alt    string
	Labels []string
	Series []Series
	// Axis says how the values are measured, for the value axis; nil
	// when the labels hold figures in different units, and then each label
	// is drawn to its own scale with no axis.
	Axis *Axis
	Data *Table
}

// Axis is a value axis: what it measures and how its figures print.
type Axis struct {
	// Title names the measure and its unit: "£ million", "Percent",
	// "Change on the previous year (%)", "Number".
	Title string
	// Prefix and Suffix go around every tick figure: "£" and "m", or ""
	// and "%".
	Prefix, Suffix string
	// Exp is the power of ten values are divided by before printing: 6
	// when values are pounds and the axis is in £m.
	Exp int
}

// Series is one set of values of a chart, one per label.
type Series struct {
	Name string
	// Role says what the series is, so it keeps its colour and marker
	// across a publication: a target is always drawn one way, a result
	// another. Empty for other series (parts of a budget, several
	// measures), which take the palette in order.
	Role   Role
	Values []Point
}

// Role is what a series holds.
type Role string

// Roles.
const (
	RoleResult Role = "result"
	RoleTarget Role = "target"
)

// Point is one value: Value positions the mark (geometry only, so a float
// is fine), Text is the figure printed beside it, exactly as the source
// prints it. Missing marks a gap: no figure for this label.
type Point struct {
	Value   float64
	Text    string
	Missing bool
	// Status, for target-result charts, is a word such as "met" or "not
	// met"; writers print it, so status is never told by colour alone.
	Status string
}

func (*Text) isBlock()  {}
func (*List) isBlock()  {}
func (*Table) isBlock() {}
func (*Chart) isBlock() {}

// Walk calls fn for every section of d in document order, depth first.
func (d *Document) Walk(fn func(*Section)) {
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			fn(s)
			walk(s.Sections)
		}
	}
	walk(d.Sections)
}

// Anchors hands out section and item IDs unique within one document:
// base, or base-2, base-3... when a plan's IDs collide with built ones.
type Anchors map[string]bool

// Unique returns base, or the first free base-N, and marks it used.
func (a Anchors) Unique(base string) string {
	id := base
	for n := 2; a[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	a[id] = true
	return id
}

// Uniform returns the value every row of t holds in column col, and true
// when there is exactly one (rows left empty there, and group rows, aside):
// such a column says nothing row by row and reads better in the caption.
func (t *Table) Uniform(col int) (string, bool) {
	v := ""
	for _, r := range t.Rows {
		if r.Group || col >= len(r.Cells) || r.Cells[col] == "" {
			continue
		}
		switch {
		case v == "":
			v = r.Cells[col]
		case r.Cells[col] != v:
			return "", false
		}
	}
	return v, v != ""
}

// DropColumn removes column col from the head and every row of t.
func (t *Table) DropColumn(col int) {
	cut := func(s []string) []string {
		if col < len(s) {
			return append(s[:col:col], s[col+1:]...)
		}
		return s
	}
	t.Head = cut(t.Head)
	if col < len(t.Numeric) {
		t.Numeric = append(t.Numeric[:col:col], t.Numeric[col+1:]...)
	}
	for i := range t.Rows {
		if !t.Rows[i].Group {
			t.Rows[i].Cells = cut(t.Rows[i].Cells)
		}
	}
}

// RepeatsHeading reports whether a caption says just what the heading of
// its section says (case and spacing aside). Such a caption is kept for
// screen readers only: printed under its heading it would show the same
// words twice, and with a chart's data table three times.
func RepeatsHeading(caption, heading string) bool {
	c := strings.Join(strings.Fields(caption), " ")
	return c != "" && strings.EqualFold(c, strings.Join(strings.Fields(heading), " "))
}

// KeepWhole reports whether a table cell reads wrong broken across lines:
// a word or two of at most 12 characters, such as a status ("not met",
// "off track", "on track"). Writers keep such a cell on one line.
func KeepWhole(s string) bool {
	t := strings.TrimSpace(s)
	return t != "" && utf8.RuneCountInString(t) <= 12 && len(strings.Fields(t)) <= 2
}

// Kind is what makes tables one kind: the same columns, in the same order,
// of the same sort. Empty for a table without a header row.
func (t *Table) Kind() string {
	if t == nil || len(t.Head) == 0 {
		return ""
	}
	// The header quoted, then the rest: what fmt's "%q %v %v %d" gave,
	// made without fmt, since every writer asks it of every table.
	b := make([]byte, 0, 64)
	b = append(b, '[')
	for i, h := range t.Head {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendQuote(b, h)
	}
	b = append(b, "] ["...)
	for i, n := range t.Numeric {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendBool(b, n)
	}
	b = append(b, "] "...)
	b = strconv.AppendBool(b, t.RowHeaders)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(t.HeaderColumn), 10)
	return string(b)
}
