// Package pdf writes a doc.Document as an A4 PDF: a cover, a contents
// page with page numbers and links, bookmarks for every section, running
// header and footer with "Page N of M", the authors' Markdown, tables that
// wrap and repeat their header row across pages, and charts drawn as
// vectors with their figures printed beside them.
//
// Text is set in the Go fonts, embedded and subset, so every character
// prints and extracts as Unicode. The output is tagged (a structure tree in
// reading order, with marked content and artifacts) and byte-identical for
// the same Document.
package pdf

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/mpsplan/mpsplan/render/chart"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/theme"
)

// Page geometry, in millimetres.
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 22.0
	marginR  = 22.0
	top      = 24.0
	bottom   = 277.0
	contentW = pageW - marginL - marginR
	bodySize = 10.0
	lead     = 1.4 // line height as a multiple of the font size
)

// Write renders d as an A4 PDF in the default theme.
func Write(w io.Writer, d *doc.Document) error { return WriteTheme(w, d, nil) }

// WriteTheme renders d as an A4 PDF in theme th (nil: the default): its
// colours, fonts, logo and running heads.
func WriteTheme(w io.Writer, d *doc.Document, th *theme.Theme) (err error) {
	defer func() {
		// The layout is written never to panic; this turns a bug into an
		// error rather than a crashed build.
		if r := recover(); r != nil {
			err = errorf("internal error while writing %q: %v", d.ID, r)
		}
	}()
	if d == nil {
		return errorf("no document")
	}
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	// The streams are compressed when the output is read back (output.go).
	f.SetCompression(false)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginL, top, marginR)
	if th == nil {
		th = theme.Default()
	}
	fs := fontsFor(th.Fonts)
	created := d.Created.UTC()
	if d.Created.IsZero() {
		// fpdf writes the clock when given no date; this placeholder keeps
		// the build reproducible and is taken out again (writeTagged), so
		// an undated document carries no date rather than 1970.
		created = time.Unix(0, 0).UTC()
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetCatalogSort(true)
	f.SetTitle(clean(d.Title), true)
	f.SetAuthor(clean(strings.Join(d.Organisations, ", ")), true)
	f.SetSubject(clean(subject(d)), true)
	f.SetKeywords(clean(strings.Join(d.Keywords, ", ")), true)
	f.SetCreator("mpsplan", true)
	f.SetProducer("mpsplan with fpdf", true)
	f.SetLang("en-GB")
	f.SetXmpMetadata(xmp(d))

	t := newTagger(f)
	l := &layout{d: d, f: f, t: t, c: newCanvas(f, t, fs), replay: -1, secPage: map[*doc.Section]int{},
		th: th, fs: fs, pal: coloursOf(th.Colours), chartPal: th.ChartPalette()}
	if err := tooWide(d.Sections); err != nil {
		return err
	}
	l.cover()
	l.reserveContents()
	if slices.ContainsFunc(d.Sections, func(s *doc.Section) bool { return s != nil }) {
		// A document of only its title block (a plan with only the
		// required fields) is its cover: no blank body page after it.
		l.newPage()
		for _, s := range d.Sections {
			l.section(s, 1)
		}
	}
	l.contents()
	l.footers()
	l.writeLinks()
	if err := t.finish(); err != nil {
		return err
	}
	if err := f.Error(); err != nil {
		return errorf("%v", err)
	}
	return writeTagged(w, f, l)
}

// subject is the document's subject line for the metadata.
func subject(d *doc.Document) string {
	if d.Subtitle != "" {
		return d.Title + ": " + d.Subtitle
	}
	return d.Title
}

// layout holds the state of one document being laid out.
type layout struct {
	d   *doc.Document
	th  *theme.Theme
	fs  *fonts
	pal colours
	f   *fpdf.Fpdf
	t   *tagger
	c   *canvas
	y   float64
	// Contents: the entries, the pages reserved for them, the elements
	// they fill, and replay, the index of the reserved page being filled
	// (-1 while laying out the body).
	entries  []tocEntry
	tocPages []int
	tocHead  *elem
	tocElem  *elem
	replay   int
	secPage  map[*doc.Section]int
	// linkN numbers the links of the document; links maps the number to
	// its Link element while its block is drawn.
	linkN int
	links map[int]*elem
	// hLevel is the heading level (1-6) of the section being drawn, so an
	// author's own heading nests below it.
	hLevel int
	// heading is the title of the section whose blocks are being drawn: a
	// caption that repeats it is tagged for screen readers, not printed.
	heading string
	// kinds lists the document's tables by kind (see sameKind), and
	// kindWidths their column widths, measured once.
	kinds      map[string][]*doc.Table
	kindWidths map[widthsKey][]float64
	tableKinds map[*doc.Table]string
	// tables holds each table's layout (see layoutTable).
	tables map[tableAt]*tableLayout
	// frags and lines are scratch space for scratchLines.
	frags []frag
	lines []line
	// chartPal is the theme's chart palette, the one HTML draws in too.
	chartPal chart.Palette
	// leadsIn is set while a text block is drawn that a table, chart or
	// list follows: its last paragraph introduces them, and keeps with
	// their start (see mdBlock).
	leadsIn bool
}

// newPage ends the page and starts the next: a new page, or the next
// reserved contents page when the contents are drawn.
func (l *layout) newPage() {
	l.t.closeMC()
	if l.replay >= 0 {
		l.replay++
		if l.replay < len(l.tocPages) {
			l.gotoPage(l.tocPages[l.replay])
			l.y = top
			return
		}
		// Reserved too few pages: a bug, reported rather than drawing
		// over the body.
		l.t.fail("the contents need more pages than were reserved")
		l.replay = len(l.tocPages) - 1
		l.y = top
		return
	}
	l.f.AddPage()
	l.c.forget()
	l.y = top
	if l.f.PageNo() > 1 {
		l.header()
	}
}

// gotoPage takes up page n again, to draw what could only be drawn once
// the body was laid out (contents, footers).
func (l *layout) gotoPage(n int) {
	l.t.closeMC()
	l.f.SetPage(n)
	l.c.forget()
}

// need starts a new page unless h millimetres fit on this one.
func (l *layout) need(h float64) {
	if l.y+h > bottom {
		l.newPage()
	}
}

func (l *layout) header() {
	k := fontKey{0, 8}
	w := contentW
	if l.d.Draft {
		w -= l.fs.width(fontKey{stBold, 9}, draftMark) + 4
		l.draftMark(14)
	}
	s := l.fs.fit(clean(l.running(l.th.Header, l.d.Title)), k, w)
	l.c.artifactText(marginL, 14, s, k, l.pal.muted, "Header")
	l.c.tags.artifact("Header", func() {
		l.f.SetLineWidth(0.2)
		l.f.SetDrawColor(l.pal.ruleCol.r, l.pal.ruleCol.g, l.pal.ruleCol.b)
		l.f.Line(marginL, 16, pageW-marginR, 16)
	})
}

// draftMark is printed at the head of every page of a draft.
const draftMark = "DRAFT"

// draftMark prints DRAFT at the right of the running head, baseline y.
func (l *layout) draftMark(y float64) {
	k := fontKey{stBold, 9}
	l.c.artifactText(pageW-marginR-l.fs.width(k, draftMark), y, draftMark, k, l.pal.draft, "Header")
}

// running is the theme's running text with its placeholders filled, or
// def when the theme sets none.
func (l *layout) running(pattern, def string) string {
	if pattern == "" {
		return def
	}
	return theme.RunningText(pattern, map[string]string{
		"title": l.d.Title, "subtitle": l.d.Subtitle, "date": l.d.Date, "id": l.d.ID,
		"organisations": strings.Join(l.d.Organisations, ", "),
	})
}

// footers draws the document's date and "Page N of M" on every page but
// the cover, once the number of pages is known. A document without a date
// leaves the date out: its ID names a file, which a reader has no use for.
// The real numbers are drawn (no alias substituted after the fonts are
// subset, which loses digits).
func (l *layout) footers() {
	n := l.f.PageCount()
	k := fontKey{0, 8}
	left := l.fs.fit(clean(l.running(l.th.Footer, l.d.Date)), k, contentW*2/3)
	for p := 2; p <= n; p++ {
		l.gotoPage(p)
		s := fmt.Sprintf("Page %d of %d", p, n)
		l.c.tags.artifact("Footer", func() {
			l.f.SetLineWidth(0.2)
			l.f.SetDrawColor(l.pal.ruleCol.r, l.pal.ruleCol.g, l.pal.ruleCol.b)
			l.f.Line(marginL, 283, pageW-marginR, 283)
		})
		if left != "" {
			l.c.artifactText(marginL, 288, left, k, l.pal.muted, "Footer")
		}
		l.c.artifactText(pageW-marginR-l.fs.width(k, s), 288, s, k, l.pal.muted, "Footer")
	}
	l.t.closeMC()
}

// fit shortens s with an ellipsis until it is at most w wide; it returns
// "" when not even the ellipsis fits.
func (fs *fonts) fit(s string, k fontKey, w float64) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if fs.width(k, s) <= w {
		return s
	}
	if fs.width(k, "…") > w {
		return ""
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fs.width(k, string(r[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

// cover draws the title page: title, subtitle, organisations and the
// title block (period, version, status, date...).
func (l *layout) cover() {
	l.newPage()
	l.c.background(0, 0, pageW, 10, l.pal.accent)
	if l.d.Draft {
		l.draftMark(20)
	}
	l.y = 62
	if lg := l.th.Logo; lg != nil {
		l.logo(lg)
	}
	l.para("H1", []run{{text: l.d.Title, st: stBold}}, paraOpts{size: 26, color: l.pal.accent, after: 4})
	l.hLevel = 1
	if l.d.Subtitle != "" {
		l.para("P", []run{{text: l.d.Subtitle}}, paraOpts{size: 16, color: l.pal.ink, after: 10})
	}
	if len(l.d.Organisations) > 0 {
		l.y += 4
		for _, o := range l.d.Organisations {
			l.para("P", []run{{text: o, st: stBold}}, paraOpts{size: 12.5, color: l.pal.ink, after: 1.5})
		}
		l.y += 8
	}
	if l.y < 140 {
		l.y = 140
	}
	dated := false
	for _, m := range l.d.Meta {
		if m.Value == l.d.Date {
			dated = true
		}
	}
	meta := l.d.Meta
	if !dated && l.d.Date != "" {
		meta = append(meta[:len(meta):len(meta)], doc.Meta{Label: "Date", Value: l.d.Date})
	}
	if len(meta) > 0 {
		l.c.rule(marginL, l.y, pageW-marginR, l.y, 0.4, l.pal.accent)
		l.y += 5
	}
	for _, m := range meta {
		runs := []run{{text: m.Value}}
		if m.Label != "" {
			runs = append([]run{{text: m.Label + ": ", st: stBold}}, runs...)
		}
		l.para("P", runs, paraOpts{size: 11, color: l.pal.ink, after: 1.5})
	}
}

// paraOpts says how a paragraph is set.
type paraOpts struct {
	size   float64
	indent float64
	width  float64 // 0: to the right margin
	align  byte    // 'L' (default), 'R' or 'C'
	color  rgb
	after  float64 // space after, mm
	pre    bool    // keep spaces and line breaks (code)
}

func (o paraOpts) lineH() float64 { return o.size * ptmm * lead }

func (o paraOpts) w() float64 {
	if o.width > 0 {
		return o.width
	}
	return contentW - o.indent
}

// para draws a paragraph as one structure element of type typ.
func (l *layout) para(typ string, runs []run, o paraOpts) {
	l.paraLines(typ, l.scratchLines(runs, o.size, o.pre, o.w()), o)
}

// paraLines draws a paragraph laid out in lines.
func (l *layout) paraLines(typ string, lines []line, o paraOpts) {
	l.t.begin(typ)
	l.drawLines(lines, o)
	l.t.end()
	l.y += o.after
}

// drawLines draws lines from the cursor down, breaking pages as needed,
// never leaving the first line of a paragraph alone at the foot of a page
// or its last line alone at the head of the next.
func (l *layout) drawLines(lines []line, o paraOpts) {
	lh := o.lineH()
	n := len(lines)
	// breakAt is the line that starts the next page early, -1 for none.
	breakAt := -1
	plan := func(i int) {
		breakAt = -1
		fits := int((bottom - l.y + 1e-9) / lh)
		if r := n - i; fits < r && r-fits == 1 && fits >= 3 {
			breakAt = i + fits - 1
		}
	}
	if fits := int((bottom - l.y + 1e-9) / lh); fits < n && (fits == 1 || fits == 2 && n == 3) {
		l.newPage()
	}
	plan(0)
	for i, ln := range lines {
		if i == breakAt || l.y+lh > bottom {
			l.newPage()
			plan(i)
		}
		l.drawLine(ln, marginL+o.indent, l.y, o.w(), o.size, o.align, o.color, false)
		l.y += lh
	}
}

// drawLine draws one line with its top at y. Runs of one style and link
// are drawn as one string, keeping the spaces (also a trailing one), so
// extracted and tagged text has its words apart.
func (l *layout) drawLine(ln line, x, y, w, size float64, align byte, col rgb, artifact bool) {
	switch align {
	case 'R':
		x += w - ln.w
	case 'C':
		x += (w - ln.w) / 2
	}
	base := y + size*ptmm*1.05
	for i := 0; i < len(ln.frags); {
		j := i
		segW := 0.0
		for ; j < len(ln.frags) && ln.frags[j].st == ln.frags[i].st && ln.frags[j].linkN == ln.frags[i].linkN; j++ {
			fr := ln.frags[j]
			segW += fr.w
			if fr.space && j < len(ln.frags)-1 {
				segW += l.fs.spaceWidth(fontKey{fr.st, size})
			}
		}
		fr := ln.frags[i]
		k := fontKey{fr.st, size}
		seg := ln.frags[i:j]
		switch {
		case artifact:
			l.c.artifactFrags(x, base, seg, k, col, "")
		case fr.linkN > 0:
			e := l.links[fr.linkN]
			var prev *elem
			if e == nil {
				e = l.t.beginAttr("Link", fr.link, "")
				if l.links == nil {
					l.links = map[int]*elem{}
				}
				l.links[fr.linkN] = e
			} else {
				prev = l.t.enter(e)
			}
			l.c.drawFrags(x, base, seg, k, l.pal.linkCol)
			l.c.link(x, y, segW, size*ptmm*lead, fr.link, e)
			if prev != nil {
				l.t.leave(prev)
			} else {
				l.t.end()
			}
			l.c.rule(x, base+0.5, x+segW, base+0.5, 0.15, l.pal.linkCol)
		default:
			l.c.drawFrags(x, base, seg, k, col)
		}
		x += segW
		i = j
	}
}

// tocEntry is one line of the contents.
type tocEntry struct {
	s     *doc.Section
	depth int
	lines []line
}

const (
	tocSize   = 10.5
	tocNumW   = 14.0
	tocIndent = 7.0
)

// reserveContents lays the contents out to count its pages, then adds
// that many blank pages; contents fills them when the body is done and
// every page number is known.
func (l *layout) reserveContents() {
	var walk func(ss []*doc.Section, depth int)
	walk = func(ss []*doc.Section, depth int) {
		for _, s := range ss {
			if s == nil {
				continue
			}
			if depth <= 2 {
				st := style(0)
				if depth == 1 {
					st = stBold
				}
				ind := float64(depth-1) * tocIndent
				lines := l.fs.breakLines(l.fs.split([]run{{text: s.Title, st: st}}, tocSize, false), tocSize, contentW-ind-tocNumW)
				if len(lines) == 0 {
					lines = []line{{}}
				}
				l.entries = append(l.entries, tocEntry{s: s, depth: depth, lines: lines})
			}
			walk(s.Sections, depth+1)
		}
	}
	walk(l.d.Sections, 1)
	if len(l.entries) == 0 {
		return
	}
	// Count pages exactly as contents will draw them.
	lh := tocSize * ptmm * lead
	y := top + headingH(2)
	pages := 1
	for _, e := range l.entries {
		// An entry's lines stay together, as contents draws them.
		h := float64(len(e.lines)) * lh
		if y+h > bottom {
			pages++
			y = top
		}
		y += h + tocGap(e.depth)
	}
	for range pages {
		l.newPage()
		l.tocPages = append(l.tocPages, l.f.PageNo())
	}
	l.tocHead = l.t.begin("H2")
	l.t.end()
	l.tocElem = l.t.begin("TOC")
	l.t.end()
}

func tocGap(depth int) float64 {
	if depth == 1 {
		return 1.6
	}
	return 0.6
}

// contents fills the reserved pages with entries linking to their sections.
func (l *layout) contents() {
	if len(l.tocPages) == 0 {
		return
	}
	l.replay = 0
	l.gotoPage(l.tocPages[0])
	l.y = top
	prev := l.t.enter(l.tocHead)
	l.headingText("Contents", 2)
	l.t.leave(prev)
	prev = l.t.enter(l.tocElem)
	lh := tocSize * ptmm * lead
	for _, e := range l.entries {
		ind := float64(e.depth-1) * tocIndent
		page := l.secPage[e.s]
		l.need(float64(len(e.lines)) * lh)
		l.t.begin("TOCI")
		link := l.t.beginAttr("Link", "#"+e.s.ID, "")
		for i, ln := range e.lines {
			col := l.pal.ink
			l.drawLine(ln, marginL+ind, l.y, contentW-ind-tocNumW, tocSize, 'L', col, false)
			if i == len(e.lines)-1 && page > 0 {
				k := fontKey{0, tocSize}
				// The leading space keeps title and number apart in the
				// extracted and tagged text.
				num := fmt.Sprint(page)
				l.c.drawText(pageW-marginR-l.fs.width(k, num)-l.fs.width(k, " "), l.y+tocSize*ptmm*1.05, " "+num, k, col)
			}
			l.c.link(marginL+ind, l.y, contentW-ind, lh, "#"+e.s.ID, link)
			l.y += lh
		}
		l.t.end()
		l.t.end()
		l.y += tocGap(e.depth)
	}
	l.t.leave(prev)
	l.t.closeMC()
	l.replay = -1
}

// headingSize is the font size of a heading of level (H1-H6).
func headingSize(level int) float64 {
	switch level {
	case 1:
		return 20
	case 2:
		return 16
	case 3:
		return 13
	default:
		return 11
	}
}

// headingH is the height a one-line heading of level takes, space included.
func headingH(level int) float64 { return headingSize(level)*ptmm*lead + 3 }

// headingText draws a heading's text in the current (heading) element.
func (l *layout) headingText(title string, level int) {
	size := headingSize(level)
	o := paraOpts{size: size, color: l.pal.accent}
	lines := l.scratchLines([]run{{text: title, st: stBold}}, size, false, contentW)
	l.drawLines(lines, o)
	l.y += 3
}

// section draws a section, its blocks and its subsections.
func (l *layout) section(s *doc.Section, depth int) {
	if s == nil {
		return
	}
	level := min(depth+1, 6)
	size := headingSize(level)
	first := l.fs.breakLines(l.fs.split([]run{{text: s.Title, st: stBold}}, size, false), size, contentW)
	h := float64(max(len(first), 1))*size*ptmm*lead + 3
	if depth == 1 {
		l.y += 4
		if s.Appendix || l.y > top+(bottom-top)*0.62 {
			l.newPage()
		}
	} else {
		l.y += 2
	}
	// Keep a heading with the start of what follows it: a table's
	// caption, header and first row, or some lines.
	l.need(min(h+l.startRoom(s), bottom-top))
	l.c.setAnchor(s.ID, l.y)
	l.secPage[s] = l.f.PageNo()
	l.f.Bookmark(utf16BE(clean(s.Title)), depth-1, l.y)
	l.t.begin("Sect")
	l.t.begin(fmt.Sprintf("H%d", level))
	l.drawLines(first, paraOpts{size: size, color: l.pal.accent})
	l.y += 3
	l.t.end()
	l.hLevel = level
	l.heading = s.Title
	for i, b := range s.Blocks {
		l.leadsIn = false
		if i+1 < len(s.Blocks) {
			switch s.Blocks[i+1].(type) {
			case *doc.Table, *doc.Chart, *doc.List:
				l.leadsIn = true
			}
		}
		l.block(b, 0)
	}
	l.leadsIn = false
	l.heading = ""
	for _, sub := range s.Sections {
		l.section(sub, depth+1)
	}
	l.t.end()
	l.hLevel = level - 1
}

// startRoom is the room the start of s wants under its heading: some
// lines, a table's caption, header and first row, or a short lead-in with
// the start of what it leads into; for a section that opens with a
// subsection, that subsection's heading (about two lines) and its start.
func (l *layout) startRoom(s *doc.Section) float64 {
	if len(s.Blocks) == 0 && len(s.Sections) > 0 {
		return 14 + l.startRoom(s.Sections[0])
	}
	return max(22, l.firstTableStart(s), l.leadInRoom(s))
}

// block draws one block of a section.
func (l *layout) block(b doc.Block, indent float64) {
	l.links = nil
	switch b := b.(type) {
	case *doc.Text:
		if b != nil {
			l.markdown(b.Markdown, indent, bodySize)
		}
	case *doc.List:
		if b != nil {
			l.list(b, indent)
		}
	case *doc.Table:
		if b != nil {
			l.tableCaptioned(b, indent, !b.CaptionHidden && !doc.RepeatsHeading(b.Caption, l.heading))
		}
	case *doc.Chart:
		if b != nil {
			l.chart(b)
		}
	}
}

// list draws a List block: each item's text with an optional Markdown
// detail under it.
func (l *layout) list(ls *doc.List, indent float64) {
	if len(ls.Items) == 0 {
		return
	}
	numbering := "/Disc"
	if ls.Ordered {
		numbering = "/Decimal"
	}
	l.t.beginAttr("L", "", "/A <</O /List /ListNumbering "+numbering+">>")
	o := paraOpts{size: bodySize, indent: nest(indent), color: l.pal.ink}
	for i, it := range ls.Items {
		label := "•"
		if ls.Ordered {
			label = fmt.Sprintf("%d.", i+1)
		}
		l.item(label, o, func() {
			if it.ID != "" {
				l.c.setAnchor(it.ID, l.y)
			}
			lines := l.scratchLines([]run{{text: it.Text}}, o.size, false, o.w())
			l.t.begin("P")
			l.drawLines(lines, o)
			l.t.end()
			if strings.TrimSpace(it.Detail) != "" {
				l.y += 1
				l.markdown(it.Detail, nest(indent), bodySize-0.5)
			}
		})
		l.y += 1.5
	}
	l.t.end()
	l.y += 2
}

// nest is the indent of content nested in a list item or quotation. It
// stops growing at a third of the width, so deep nesting never squeezes
// text to nothing.
func nest(indent float64) float64 { return min(indent+6, contentW/3) }

// item draws one list item: its label beside the first line of body.
func (l *layout) item(label string, o paraOpts, body func()) {
	l.t.begin("LI")
	// Room for three lines, so the body's first paragraph never moves to
	// the next page (drawLines' orphan rule) without its label.
	l.need(3 * o.lineH())
	l.t.begin("Lbl")
	k := fontKey{0, o.size}
	label = l.fs.fit(clean(label), k, 12)
	x := max(marginL+o.indent-1.5-l.fs.width(k, label), marginL)
	l.c.drawText(x, l.y+o.size*ptmm*1.05, label, k, l.pal.ink)
	l.t.end()
	l.t.begin("LBody")
	body()
	l.t.end()
	l.t.end()
}

// writeLinks adds the link areas; internal links whose anchor does not
// exist are left as plain text rather than pointing nowhere.
func (l *layout) writeLinks() {
	kept := l.c.links[:0]
	for _, lk := range l.c.links {
		if isURI(lk.target) {
			kept = append(kept, lk)
			continue
		}
		if _, ok := l.c.resolve(lk.target); ok {
			kept = append(kept, lk)
		}
	}
	l.c.links = kept
}
