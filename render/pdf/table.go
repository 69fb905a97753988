package pdf

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/mpsplan/mpsplan/render/doc"
)

// Table cell padding, mm.
const (
	padH = 1.6
	padV = 1.3
)

// cellLayout is one cell laid out: its lines and how it is tagged.
type cellLayout struct {
	lines []line
	align byte
	typ   string // TH or TD
	attrs string
	x, w  float64
	// spans, for a cell of paragraphs and lists (doc.CellPart), are its
	// paragraphs and list items; lineSpan gives each line's span.
	spans    []cellSpan
	lineSpan []int
}

// cellSpan is a paragraph of a cell (tagged P) or an item of one of its
// bulleted lists (LI in that list's L), starting at line from.
type cellSpan struct {
	from int
	item bool
	list int // which list of the cell, for an item
}

// cellIndent is how far a list item's text in a cell stands in from the
// cell's text, past its bullet (mm).
const cellIndent = 3.5

// rowLayout is one row laid out.
type rowLayout struct {
	cells []cellLayout
	fill  *rgb
	total bool
	group bool
	n     int // lines in the tallest cell
}

// tableLayout is a table laid out at a width.
type tableLayout struct {
	size float64
	x, w float64
	head *rowLayout
	rows []rowLayout
	// repeat: the header row is repeated on each page the table continues
	// on, unless it is too tall to repeat sensibly.
	repeat bool
}

func (t *tableLayout) lineH() float64 { return t.size * ptmm * 1.3 }

// freshRoom is the room a body row has on a new page, under the repeated
// header row.
func (t *tableLayout) freshRoom() float64 {
	if t.repeat {
		return bottom - top - t.height(t.head)
	}
	return bottom - top
}

// startAt is the room the table needs on a page to go on there from row
// i: that row's start, and a group row's with the start of the row under
// it.
func (t *tableLayout) startAt(i int) float64 {
	if i >= len(t.rows) {
		return 0
	}
	h := t.startRoom(&t.rows[i])
	if t.rows[i].group && i+1 < len(t.rows) {
		h = t.height(&t.rows[i]) + t.startRoom(&t.rows[i+1])
	}
	return h
}

// startRoom is the room row r needs on a page to start there: all of it,
// as a row that fits on a new page moves there whole rather than split;
// its first lines when it is taller than a page.
func (t *tableLayout) startRoom(r *rowLayout) float64 {
	if h := t.height(r); h <= t.freshRoom() {
		return h
	}
	return 3*t.lineH() + 2*padV
}

func (t *tableLayout) height(r *rowLayout) float64 {
	return float64(r.n)*t.lineH() + 2*padV
}

// table draws a Table: caption, header row, rows (wrapped, split across
// pages with the header repeated) and the note.
func (l *layout) table(tb *doc.Table, indent float64) { l.tableCaptioned(tb, indent, true) }

// tableCaptioned draws a table, its caption printed or not: a chart's
// data table has the chart's caption, printed once above the figure, so
// its own is a tagged caption for screen readers only (as HTML hides it
// visually), never the same words printed twice.
func (l *layout) tableCaptioned(tb *doc.Table, indent float64, visible bool) {
	tl := l.layoutTable(tb, marginL+indent, contentW-indent)
	l.t.begin("Table")
	if !visible && strings.TrimSpace(tb.Caption) != "" {
		l.t.beginAttr("Caption", clean(tb.Caption), "")
		l.t.end()
		if tb.ID != "" {
			l.c.setAnchor(tb.ID, l.y)
		}
	} else if strings.TrimSpace(tb.Caption) != "" {
		cap, lines := l.caption(tb, indent)
		if h := l.tableStart(tl, cap, lines); h < bottom-top {
			l.need(h)
		}
		if tb.ID != "" {
			l.c.setAnchor(tb.ID, l.y)
		}
		l.t.begin("Caption")
		l.drawLines(lines, cap)
		l.t.end()
		l.y += cap.after
	} else if tb.ID != "" {
		l.need(20)
		l.c.setAnchor(tb.ID, l.y)
	}
	if tl != nil {
		// The header row stays with the first row, and a group row with
		// the start of the row under it.
		// The totals at the foot of a table never stand alone at the head
		// of a page: the row before them keeps them on its page.
		totals := len(tl.rows)
		for totals > 0 && tl.rows[totals-1].total {
			totals--
		}
		tail := 0.0
		for i := totals; i < len(tl.rows); i++ {
			tail += tl.height(&tl.rows[i])
		}
		l.drawRow(tl, tl.head, false, tl.startAt(0))
		for i := range tl.rows {
			keep := 0.0
			switch {
			case tl.rows[i].group && i+1 < len(tl.rows):
				keep = tl.startRoom(&tl.rows[i+1])
			case i == totals-1 && totals > 0 && tail <= (bottom-top)/3:
				keep = tail
			}
			l.drawRow(tl, &tl.rows[i], true, keep)
		}
	}
	l.t.end()
	l.y += 2.5
	if strings.TrimSpace(tb.Note) != "" {
		l.markdown(tb.Note, indent, bodySize-1.5)
	}
	l.y += 1.5
}

// caption breaks a table's caption into lines.
func (l *layout) caption(tb *doc.Table, indent float64) (paraOpts, []line) {
	cap := paraOpts{size: bodySize, indent: indent, color: l.pal.ink, after: 1.5}
	return cap, l.fs.breakLines(l.fs.split([]run{{text: tb.Caption, st: stBold}}, cap.size, false), cap.size, cap.w())
}

// tableStart is the room a table needs on a page to start there: its
// caption's lines, its header row and the start of its first row (with a
// group row, the row under it too).
func (l *layout) tableStart(tl *tableLayout, cap paraOpts, lines []line) float64 {
	h := float64(len(lines))*cap.lineH() + cap.after
	if tl != nil {
		h += tl.height(tl.head) + tl.startAt(0)
	}
	return h
}

// firstTableStart is the room the table that opens a section under
// heading needs to start on the heading's page, or 0 when the section
// does not open with a table.
func (l *layout) firstTableStart(s *doc.Section) float64 {
	if len(s.Blocks) == 0 {
		return 0
	}
	tb, ok := s.Blocks[0].(*doc.Table)
	if !ok || tb == nil {
		return 0
	}
	var cap paraOpts
	var lines []line
	if !tb.CaptionHidden && !doc.RepeatsHeading(tb.Caption, s.Title) && strings.TrimSpace(tb.Caption) != "" {
		cap, lines = l.caption(tb, 0)
	}
	return l.tableStart(l.layoutTable(tb, marginL, contentW), cap, lines)
}

// testRowHook, when set (by tests), is told the page each row of each
// table starts on.
var testRowHook func(tl *tableLayout, r *rowLayout, page int)

// kind is t.Kind(), made once a table: it formats the whole header.
func (l *layout) kind(t *doc.Table) string {
	k, ok := l.tableKinds[t]
	if !ok {
		k = t.Kind()
		if l.tableKinds == nil {
			l.tableKinds = map[*doc.Table]string{}
		}
		l.tableKinds[t] = k
	}
	return k
}

// sameKind returns tb and every other table of its kind in the document
// (its tables and its charts' data tables): they are set with the same
// column widths, so a column stands where the reader saw it last.
func (l *layout) sameKind(tb *doc.Table) []*doc.Table {
	if l.kinds == nil {
		l.kinds = map[string][]*doc.Table{}
		l.d.Walk(func(s *doc.Section) {
			for _, b := range s.Blocks {
				var t *doc.Table
				switch b := b.(type) {
				case *doc.Table:
					t = b
				case *doc.Chart:
					if b != nil {
						t = b.Data
					}
				}
				if k := l.kind(t); k != "" {
					l.kinds[k] = append(l.kinds[k], t)
				}
			}
		})
	}
	out := []*doc.Table{tb}
	if k := l.kind(tb); k != "" {
		for _, t := range l.kinds[k] {
			if t != tb {
				out = append(out, t)
			}
		}
	}
	return out
}

// layoutTable sets column widths and breaks every cell into lines. It
// returns nil for a table without columns. A table is laid out once at
// one place: the table that opens a section is laid out to know the room
// it needs below the heading (firstTableStart), then drawn from the same
// layout, which drawing does not change.
func (l *layout) layoutTable(tb *doc.Table, x, avail float64) *tableLayout {
	key := tableAt{tb, x, avail}
	if tl, ok := l.tables[key]; ok {
		return tl
	}
	tl := l.newTableLayout(tb, x, avail)
	if l.tables == nil {
		l.tables = map[tableAt]*tableLayout{}
	}
	l.tables[key] = tl
	return tl
}

// tableAt is a table laid out at x, avail wide.
type tableAt struct {
	tb       *doc.Table
	x, avail float64
}

func (l *layout) newTableLayout(tb *doc.Table, x, avail float64) *tableLayout {
	fs := l.fs
	kind := l.sameKind(tb)
	ncol := 0
	for _, t := range kind {
		ncol = max(ncol, len(t.Head))
		for _, r := range t.Rows {
			if !r.Group {
				ncol = max(ncol, len(r.Cells))
			}
		}
	}
	if ncol == 0 {
		return nil
	}
	size := 9.0
	switch {
	case ncol > 14:
		size = 6.5
	case ncol > 9:
		size = 7.5
	case ncol > 6:
		size = 8.5
	}
	numeric := func(c int) bool { return c < len(tb.Numeric) && tb.Numeric[c] }
	cell := func(cells []string, c int) string {
		if c < len(cells) {
			return cells[c]
		}
		return ""
	}
	// The widths of a kind are measured once a document: measuring every
	// table of the kind again for each of them made the work grow with
	// the square of their number.
	key := widthsKey{l.kind(tb), avail}
	widths := l.kindWidths[key]
	if widths == nil {
		widths = l.columnWidths(kind, ncol, size, avail, numeric)
		if key.kind != "" {
			if l.kindWidths == nil {
				l.kindWidths = map[widthsKey][]float64{}
			}
			l.kindWidths[key] = widths
		}
	}

	tl := &tableLayout{size: size, x: x, w: avail}
	mk := func(text string, st style, c int, typ, attrs string) cellLayout {
		cx := x
		for i := range c {
			cx += widths[i]
		}
		align := byte('L')
		if numeric(c) {
			align = 'R'
		}
		inner := max(widths[c]-2*padH, 0.5)
		return cellLayout{lines: fs.breakLines(fs.split([]run{{text: text, st: st}}, size, false), size, inner), align: align, typ: typ, attrs: attrs, x: cx, w: widths[c]}
	}
	finish := func(r *rowLayout) {
		for _, c := range r.cells {
			r.n = max(r.n, len(c.lines))
		}
		r.n = max(r.n, 1)
	}
	head := &rowLayout{fill: &l.pal.headFill}
	for c := range ncol {
		head.cells = append(head.cells, mk(cell(tb.Head, c), stBold, c, "TH", "/A <</O /Table /Scope /Column>>"))
	}
	finish(head)
	tl.head = head
	tl.repeat = tl.height(head) <= (bottom-top)/4
	for _, r := range tb.Rows {
		var row rowLayout
		if r.Group {
			text := strings.Join(r.Cells, " ")
			lines := l.fs.breakLines(l.fs.split([]run{{text: text, st: stBold}}, size, false), size, avail-2*padH)
			row.cells = []cellLayout{{lines: lines, align: 'L', typ: "TH",
				attrs: fmt.Sprintf("/A <</O /Table /Scope /Row /ColSpan %d>>", ncol), x: x, w: avail}}
			row.fill = &l.pal.groupFill
			row.group = true
		} else {
			st := style(0)
			if r.Total {
				st = stBold
				row.total = true
			}
			for c := range ncol {
				typ, attrs := "TD", ""
				if c == tb.HeaderColumn && tb.RowHeaders {
					typ, attrs = "TH", "/A <</O /Table /Scope /Row>>"
				}
				cl := mk(cell(r.Cells, c), st, c, typ, attrs)
				if ps := r.Parts[c]; ps != nil {
					partLines(fs, &cl, ps, st, size)
				}
				row.cells = append(row.cells, cl)
			}
		}
		finish(&row)
		tl.rows = append(tl.rows, row)
	}
	return tl
}

// widthsKey names the column widths of a kind of table at one width.
type widthsKey struct {
	kind  string
	avail float64
}

// columnWidths sets the widths of the columns of the tables of one kind
// to fill avail.
func (l *layout) columnWidths(kind []*doc.Table, ncol int, size, avail float64, numeric func(int) bool) []float64 {
	fs := l.fs
	cell := func(cells []string, c int) string {
		if c < len(cells) {
			return cells[c]
		}
		return ""
	}
	// Column widths from natural (one line) and minimum (longest word)
	// widths over every table of the kind, filling the available width.
	nat := make([]float64, ncol)
	minw := make([]float64, ncol)
	whole := make([]float64, ncol)
	measure := func(s string, st style, c int) {
		s = clean(strings.ReplaceAll(s, "\n", " "))
		w := fs.width(fontKey{st, size}, s) + 2*padH
		nat[c] = max(nat[c], min(w, avail))
		// A figure ("£1,234.5m", "-3 %") is not broken, nor a word or two
		// of status ("not met", "off track"); a sentence in a figures
		// column ("5% reduction (2007/08)") may be, between its words.
		// Where even the longest words do not fit, the short ones (a
		// figure, a year, most words) still keep whole (kept) and only
		// a long one (a web address) breaks between characters.
		t := strings.TrimSpace(s)
		longest, kept := 0.0, 0.0
		if numeric(c) && utf8.RuneCountInString(t) <= 14 || doc.KeepWhole(t) {
			longest = fs.width(fontKey{st, size}, t)
			kept = longest
		} else {
			for word := range strings.FieldsSeq(s) {
				ww := fs.width(fontKey{st, size}, word)
				longest = max(longest, ww)
				if utf8.RuneCountInString(word) <= 14 {
					kept = max(kept, ww)
				}
			}
		}
		minw[c] = max(minw[c], min(longest+2*padH, avail*0.45))
		if kept > 0 {
			whole[c] = max(whole[c], min(kept+2*padH, avail*0.45))
		}
	}
	for _, t := range kind {
		for c := range ncol {
			measure(cell(t.Head, c), stBold, c)
		}
		for _, r := range t.Rows {
			if r.Group {
				continue
			}
			st := style(0)
			if r.Total {
				st = stBold
			}
			for c := range ncol {
				measure(cell(r.Cells, c), st, c)
			}
		}
	}
	return distribute(nat, minw, whole, avail)
}

// partLines breaks a cell of paragraphs and lists into lines, a list
// item's lines indented past its bullet.
func partLines(fs *fonts, c *cellLayout, ps []doc.CellPart, st style, size float64) {
	inner := max(c.w-2*padH, 0.5)
	c.lines, c.spans, c.lineSpan = nil, nil, nil
	add := func(text string, item bool, list int, w float64) {
		ls := fs.breakLines(fs.split([]run{{text: text, st: st}}, size, false), size, w)
		c.spans = append(c.spans, cellSpan{from: len(c.lines), item: item, list: list})
		for range ls {
			c.lineSpan = append(c.lineSpan, len(c.spans)-1)
		}
		c.lines = append(c.lines, ls...)
	}
	lists := 0
	for _, p := range ps {
		if p.Text != "" {
			add(p.Text, false, 0, inner)
		}
		if len(p.Items) > 0 {
			for _, it := range p.Items {
				add(it, true, lists, max(inner-cellIndent, 0.5))
			}
			lists++
		}
	}
}

// distribute sets column widths summing to avail: natural widths when they
// fit, else minimum widths plus a share of the rest. When even the minimum
// widths do not fit, each column keeps the width of what it holds that
// must stay whole (whole: its figures and short words) and the rest is
// shared by the columns with long words, which break between characters;
// when not even that fits, every column shrinks alike.
func distribute(nat, minw, whole []float64, avail float64) []float64 {
	n := len(nat)
	w := make([]float64, n)
	sum := func(v []float64) float64 {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s
	}
	sn, sm := sum(nat), sum(minw)
	switch {
	case sn <= avail && sn > 0:
		for i := range w {
			w[i] = nat[i] + (avail-sn)*nat[i]/sn
		}
	case sm >= avail && sm > 0:
		floor := make([]float64, n)
		for i := range floor {
			floor[i] = max(whole[i], min(minColW, minw[i]))
		}
		if sf := sum(floor); sf < avail {
			for i := range w {
				w[i] = floor[i] + (avail-sf)*(minw[i]-floor[i])/(sm-sf)
			}
			break
		}
		for i := range w {
			w[i] = minw[i] * avail / sm
		}
	case sn > 0:
		extra := sn - sm
		for i := range w {
			w[i] = minw[i]
			if extra > 0 {
				w[i] += (avail - sm) * (nat[i] - minw[i]) / extra
			}
		}
	default:
		for i := range w {
			w[i] = avail / float64(n)
		}
	}
	return w
}

// drawRow draws a row (the header row when body is false), moving to a new
// page when it does not fit and splitting it between lines when it is
// taller than a page. keep is the room wanted below the row on the same
// page: a group heading stays with the start of its first row.
func (l *layout) drawRow(tl *tableLayout, r *rowLayout, body bool, keep float64) {
	lh := tl.lineH()
	h := tl.height(r)
	freshRoom := bottom - top
	if body {
		freshRoom = tl.freshRoom()
	}
	if l.y+h+keep > bottom && (h+keep <= freshRoom || l.y+2*padV+lh > bottom) {
		l.tableBreak(tl, body)
	}
	if testRowHook != nil {
		testRowHook(tl, r, l.f.PageNo())
	}
	l.t.begin("TR")
	elems := make([]*elem, len(r.cells))
	tags := make([]cellTags, len(r.cells))
	from := 0
	for {
		k := int((bottom - l.y - 2*padV) / lh)
		if k < 1 {
			l.tableBreak(tl, body)
			continue
		}
		to := min(r.n, from+k)
		chunk := float64(to-from)*lh + 2*padV
		if r.fill != nil {
			l.c.background(tl.x, l.y, tl.w, chunk, *r.fill)
		}
		if r.total {
			l.c.rule(tl.x, l.y, tl.x+tl.w, l.y, 0.5, l.pal.ruleCol)
		}
		for ci, c := range r.cells {
			if elems[ci] == nil {
				elems[ci] = l.t.beginAttr(c.typ, "", c.attrs)
				l.t.end()
			}
			prev := l.t.enter(elems[ci])
			if c.spans != nil {
				l.cellParts(tl, c, from, to, elems[ci], &tags[ci])
			} else {
				l.cellLines(tl, c, from, to, false)
			}
			l.t.leave(prev)
		}
		l.c.rule(tl.x, l.y+chunk, tl.x+tl.w, l.y+chunk, 0.2, l.pal.lightRule)
		l.y += chunk
		from = to
		if from >= r.n {
			break
		}
		l.tableBreak(tl, body)
	}
	if r == tl.head {
		l.c.rule(tl.x, l.y, tl.x+tl.w, l.y, 0.5, l.pal.ruleCol)
	}
	l.t.end()
}

// cellLines draws lines [from, to) of a cell at the cursor.
func (l *layout) cellLines(tl *tableLayout, c cellLayout, from, to int, artifact bool) {
	lh := tl.lineH()
	inner := max(c.w-2*padH, 0.5)
	narrow := inner < 3*tl.size*ptmm
	draw := func() {
		for i := from; i < to && i < len(c.lines); i++ {
			l.drawLine(c.lines[i], c.x+padH, l.y+padV+float64(i-from)*lh, inner, tl.size, c.align, l.pal.ink, artifact)
		}
	}
	if narrow {
		// So narrow that a single character may not fit: clip, so nothing
		// runs into the next column or past the margin.
		l.c.clip(c.x, l.y, c.w, float64(to-from)*lh+2*padV, draw)
	} else {
		draw()
	}
}

// cellTags are the structure elements of a cell's paragraphs and lists,
// made as the first line of each is drawn, so that a row split across
// pages goes on in the same elements.
type cellTags struct {
	lists  map[int]*elem
	bodies map[int]*elem // by span: its P, or its item's LBody
}

// cellParts draws lines [from, to) of a cell of paragraphs and lists at
// the cursor: a paragraph as P, each list item as LI (its bullet in Lbl,
// its text in LBody) of the list's L, all within the cell's TD.
func (l *layout) cellParts(tl *tableLayout, c cellLayout, from, to int, td *elem, tags *cellTags) {
	if tags.bodies == nil {
		tags.lists, tags.bodies = map[int]*elem{}, map[int]*elem{}
	}
	lh := tl.lineH()
	inner := max(c.w-2*padH, 0.5)
	for i := from; i < to && i < len(c.lines); i++ {
		si := c.lineSpan[i]
		sp := c.spans[si]
		x, y := c.x+padH, l.y+padV+float64(i-from)*lh
		body := tags.bodies[si]
		if body == nil {
			prev := l.t.enter(td)
			if sp.item {
				lst := tags.lists[sp.list]
				if lst == nil {
					lst = l.t.beginAttr("L", "", "/A <</O /List /ListNumbering /Disc>>")
					l.t.end()
					tags.lists[sp.list] = lst
				}
				l.t.enter(lst)
				l.t.begin("LI")
				l.t.begin("Lbl")
				l.c.drawText(x, y+tl.size*ptmm*1.05, "•", fontKey{0, tl.size}, l.pal.ink)
				l.t.end()
				body = l.t.begin("LBody")
				l.t.end()
				l.t.end()
			} else {
				body = l.t.begin("P")
				l.t.end()
			}
			l.t.leave(prev)
			tags.bodies[si] = body
		}
		w := inner
		if sp.item {
			x, w = x+cellIndent, max(inner-cellIndent, 0.5)
		}
		prev := l.t.enter(body)
		l.drawLine(c.lines[i], x, y, w, tl.size, c.align, l.pal.ink, false)
		l.t.leave(prev)
	}
}

// tableBreak starts a new page within a table and repeats its header row
// there, as an artifact: it was already read once.
func (l *layout) tableBreak(tl *tableLayout, body bool) {
	l.newPage()
	if !body || !tl.repeat {
		return
	}
	h := tl.height(tl.head)
	l.c.background(tl.x, l.y, tl.w, h, l.pal.headFill)
	for _, c := range tl.head.cells {
		l.cellLines(tl, c, 0, tl.head.n, true)
	}
	l.y += h
	l.c.rule(tl.x, l.y, tl.x+tl.w, l.y, 0.5, l.pal.ruleCol)
}

// minColW is the narrowest a table column may be drawn (mm): a short figure
// such as "79%" in the smallest table type. A table needing more room than
// the page gives at that width would be squeezed until its labels were one
// letter a line, so the writer refuses it instead (see tooWide).
const minColW = 5.5

// maxCols is the most columns an A4 page takes at minColW each.
var maxCols = int(math.Floor(contentW / minColW))

// tooWide returns an error naming the first table of d with more columns
// than fit across the page. The PDF never clips or crushes a table; the
// author splits it (the HTML and Markdown would show it whole).
func tooWide(ss []*doc.Section) error {
	for _, s := range ss {
		if s == nil {
			continue
		}
		for _, b := range s.Blocks {
			tb, ok := b.(*doc.Table)
			if !ok || tb == nil {
				continue
			}
			n := len(tb.Head)
			for _, r := range tb.Rows {
				n = max(n, len(r.Cells))
			}
			if n > maxCols {
				name := tb.Caption
				if name == "" {
					name = s.Title
				}
				return errorf("table %q has %d columns, and at most %d fit across an A4 page: split it into tables of fewer columns", name, n, maxCols)
			}
		}
		if err := tooWide(s.Sections); err != nil {
			return err
		}
	}
	return nil
}
