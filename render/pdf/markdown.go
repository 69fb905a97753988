package pdf

import (
	"fmt"
	"strings"

	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// leadInKeep is the room (mm) a lead-in paragraph wants below it on its
// page: a table's caption, header and first row, or a chart's title and
// the top of its plot, or a list's first items.
const leadInKeep = 22

// leadInRoom is the room a section's start wants under its heading when
// it opens with short text leading into a table, chart or list: about the
// text's height (its Markdown set as plain paragraphs) and leadInKeep, so
// the heading, the lead-in and what it leads into start on one page. A
// longer text wants nothing more: it may break between its paragraphs,
// and its last keeps with what follows (mdBlock).
func (l *layout) leadInRoom(s *doc.Section) float64 {
	o := paraOpts{size: bodySize}
	h := 0.0
	for _, b := range s.Blocks {
		switch b := b.(type) {
		case *doc.Text:
			if b == nil {
				return 0
			}
			for p := range strings.SplitSeq(strings.TrimSpace(b.Markdown), "\n\n") {
				lines := l.scratchLines([]run{{text: oneLine(p)}}, o.size, false, contentW)
				h += float64(len(lines))*o.lineH() + o.size*ptmm*0.6
				// Past 40 mm it is no short lead-in: the rest of a long
				// text need not be laid out to know that.
				if h > 40 {
					return 0
				}
			}
		case *doc.Table, *doc.Chart, *doc.List:
			if h == 0 {
				return 0
			}
			return h + leadInKeep
		default:
			return 0
		}
	}
	return 0
}

// markdown draws Markdown source as blocks from goldmark's AST.
func (l *layout) markdown(src string, indent, size float64) {
	b := []byte(src)
	doc := mdtext.Parse(b)
	l.mdBlocks(doc, b, indent, size)
}

func (l *layout) mdBlocks(n ast.Node, src []byte, indent, size float64) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		l.mdBlock(c, src, indent, size)
	}
}

func (l *layout) mdBlock(n ast.Node, src []byte, indent, size float64) {
	o := paraOpts{size: size, indent: indent, color: l.pal.ink, after: size * ptmm * 0.6}
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if _, tight := n.(*ast.TextBlock); tight {
			o.after = 0.8
		}
		runs := l.inlines(n, src, 0)
		if l.leadsIn && n.NextSibling() == nil && n.Parent() != nil && n.Parent().Kind() == ast.KindDocument {
			// The text's last paragraph leads into the table, chart or
			// list after it ("the following table:"): it starts a page
			// rather than stand alone at the foot of one.
			// Its lines are drawn as laid out here (a new page lays
			// nothing out in the scratch space).
			lines := l.scratchLines(runs, o.size, o.pre, o.w())
			l.need(min(float64(len(lines))*o.lineH()+o.after+leadInKeep, bottom-top))
			l.paraLines("P", lines, o)
			break
		}
		l.para("P", runs, o)
	case *ast.Heading:
		// An author's heading nests below the section's heading; levels
		// never skip, so a reader's outline stays whole.
		level := min(l.hLevel+n.Level, l.t.lastHeading+1, 6)
		hs := max(headingSize(level), size+1)
		runs := l.inlines(n, src, stBold)
		l.need(hs*ptmm*lead + 12)
		l.para(fmt.Sprintf("H%d", level), runs, paraOpts{size: hs, indent: indent, color: l.pal.accent, after: 1.5})
	case *ast.List:
		l.mdList(n, src, indent, size)
	case *ast.Blockquote:
		l.t.begin("BlockQuote")
		y0, p0 := l.y, l.f.PageNo()
		l.mdBlocks(n, src, nest(indent), size)
		if l.f.PageNo() == p0 {
			l.c.rule(marginL+indent+1.5, y0, marginL+indent+1.5, l.y-1, 0.6, l.pal.lightRule)
		}
		l.t.end()
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(src))
		}
		if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
			b.Write(h.ClosureLine.Value(src))
		}
		st := stMono
		if _, ok := n.(*ast.HTMLBlock); ok {
			st = 0
		}
		o.pre = true
		o.size = size - 1
		l.para("P", []run{{text: strings.TrimRight(b.String(), "\n"), st: st}}, o)
	case *ast.ThematicBreak:
		l.need(4)
		l.c.rule(marginL+indent, l.y+2, pageW-marginR, l.y+2, 0.3, l.pal.ruleCol)
		l.y += 4
	case *east.Table:
		l.table(mdTable(n, src), indent)
	default:
		l.mdBlocks(n, src, indent, size)
	}
}

// mdList draws a Markdown list as L, LI, Lbl and LBody.
func (l *layout) mdList(n *ast.List, src []byte, indent, size float64) {
	numbering := "/Disc"
	if n.IsOrdered() {
		numbering = "/Decimal"
	}
	l.t.beginAttr("L", "", "/A <</O /List /ListNumbering "+numbering+">>")
	o := paraOpts{size: size, indent: nest(indent), color: l.pal.ink}
	i := n.Start
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		label := "•"
		if n.IsOrdered() {
			label = fmt.Sprintf("%d.", i)
			i++
		}
		l.item(label, o, func() { l.mdBlocks(c, src, nest(indent), size) })
	}
	l.t.end()
	l.y += 1.5
}

// inlines turns a block's inline nodes into styled runs.
func (l *layout) inlines(n ast.Node, src []byte, base style) []run {
	var out []run
	add := func(s string, st style, link string, linkN int) {
		out = append(out, run{text: s, st: st, link: link, linkN: linkN})
	}
	var walk func(n ast.Node, st style, link string, linkN int)
	walk = func(n ast.Node, st style, link string, linkN int) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(src)
				if !c.IsRaw() {
					v = util.UnescapePunctuations(util.ResolveEntityNames(util.ResolveNumericReferences(v)))
				}
				add(string(v), st, link, linkN)
				switch {
				case c.HardLineBreak():
					add("\n", st, link, linkN)
				case c.SoftLineBreak():
					add(" ", st, link, linkN)
				}
			case *ast.String:
				add(string(c.Value), st, link, linkN)
			case *ast.CodeSpan:
				walk(c, st|stMono, link, linkN)
			case *ast.Emphasis:
				if c.Level >= 2 {
					walk(c, st|stBold, link, linkN)
				} else {
					walk(c, st|stItalic, link, linkN)
				}
			case *ast.Link:
				dest := string(c.Destination)
				if linkable(dest) {
					l.linkN++
					walk(c, st, dest, l.linkN)
				} else {
					walk(c, st, link, linkN)
				}
			case *ast.AutoLink:
				url, label := string(c.URL(src)), string(c.Label(src))
				if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
					url = "mailto:" + url
				}
				if linkable(url) {
					l.linkN++
					add(label, st, url, l.linkN)
				} else {
					add(label, st, link, linkN)
				}
			case *ast.RawHTML:
				// Shown as the author wrote it: removing it would lose text.
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					add(string(seg.Value(src)), st, link, linkN)
				}
			case *east.TaskCheckBox:
				if c.IsChecked {
					add("[x] ", st, link, linkN)
				} else {
					add("[ ] ", st, link, linkN)
				}
			default:
				walk(c, st, link, linkN)
			}
		}
	}
	walk(n, base, "", 0)
	return out
}

// linkable reports whether a link can work in a PDF: a web or mail
// address, or an anchor in the document.
func linkable(dest string) bool {
	return isURI(dest) || (strings.HasPrefix(dest, "#") && len(dest) > 1)
}

// plain is the text of an inline tree without styles.
func plain(n ast.Node, src []byte) string {
	l := &layout{}
	var b strings.Builder
	for _, r := range l.inlines(n, src, 0) {
		b.WriteString(r.text)
	}
	return b.String()
}

// mdTable converts a GFM table to a doc.Table.
func mdTable(t *east.Table, src []byte) *doc.Table {
	out := &doc.Table{}
	for _, a := range t.Alignments {
		out.Numeric = append(out.Numeric, a == east.AlignRight)
	}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, plain(c, src))
		}
		if _, head := r.(*east.TableHeader); head {
			out.Head = cells
		} else {
			out.Rows = append(out.Rows, doc.Row{Cells: cells})
		}
	}
	return out
}
