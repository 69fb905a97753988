package pdf

import (
	"bytes"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// elem is one element of the structure tree (Document, H2, P, Table, TH...).
type elem struct {
	typ string
	// alt is the alternative text of a Figure, or the contents of a Link.
	alt string
	// attrs are extra dictionary entries, such as a TH's /A <</O /Table
	// /Scope /Column>>.
	attrs  string
	parent *elem
	kids   []kid
	obj    int // object number, given when the tree is written
	// few holds the first kids, which most elements do not pass: kids
	// starts in it rather than in an allocation of its own.
	few [2]kid
}

// kid is one child of an element in reading order: an element, a marked
// content sequence (page and MCID) or a link annotation.
type kid struct {
	e    *elem
	page int
	mcid int
	// link is 1 + the index of a link annotation in canvas.links, 0 for none.
	link int
}

// tagger builds the structure tree while the layout draws, and wraps each
// paint in marked content for the element being drawn. It checks itself as
// it goes and keeps the first problem, which Write returns: a file that
// would be silently non-conforming is never written.
type tagger struct {
	f    *fpdf.Fpdf
	root *elem
	cur  *elem
	// open is the element whose marked content sequence is open on
	// openPage, or nil.
	open     *elem
	openPage int
	// pageMC lists, per page, the element of each MCID: the parent tree.
	pageMC      map[int][]*elem
	lastHeading int
	err         error
	// buf and rd write raw content without a string or reader made for
	// each write.
	buf []byte
	rd  bytes.Reader
	// before is called before anything is written: the canvas ends its
	// pending text object.
	before func()
	// elems is where new elements are made, a block at a time (a
	// document has thousands).
	elems []elem
}

func newTagger(f *fpdf.Fpdf) *tagger {
	root := &elem{typ: "Document"}
	return &tagger{f: f, root: root, cur: root, pageMC: map[int][]*elem{}}
}

func (t *tagger) fail(format string, args ...any) {
	if t.err == nil {
		t.err = errorf("tagging: "+format, args...)
	}
}

// begin opens a new element as the last child of the current one.
func (t *tagger) begin(typ string) *elem {
	return t.beginAttr(typ, "", "")
}

// beginAttr opens an element with alternative text and attributes,
// checking the rules a reader relies on.
func (t *tagger) beginAttr(typ, alt, attrs string) *elem {
	switch {
	case typ == "Figure" && strings.TrimSpace(alt) == "":
		t.fail("a figure has no alternative text")
	case typ == "TH" && !strings.Contains(attrs, "/Scope"):
		t.fail("a table header cell has no scope")
	case len(typ) == 2 && typ[0] == 'H' && typ[1] >= '1' && typ[1] <= '6':
		level := int(typ[1] - '0')
		if level > t.lastHeading+1 {
			t.fail("heading level skipped: H%d follows H%d", level, t.lastHeading)
		}
		t.lastHeading = level
	}
	if len(t.elems) == cap(t.elems) {
		t.elems = make([]elem, 0, 256)
	}
	t.elems = append(t.elems, elem{typ: typ, alt: alt, attrs: attrs, parent: t.cur})
	e := &t.elems[len(t.elems)-1]
	e.kids = e.few[:0]
	t.cur.kids = append(t.cur.kids, kid{e: e})
	t.cur = e
	return e
}

// end closes the current element.
func (t *tagger) end() {
	if t.cur == t.root {
		t.fail("an element was closed twice")
		return
	}
	t.cur = t.cur.parent
}

// enter makes e, an element already in the tree, current again: a link
// that continues on the next line, or the contents drawn after the body.
// It returns the element that was current, for leave.
func (t *tagger) enter(e *elem) *elem {
	prev := t.cur
	t.cur = e
	return prev
}

func (t *tagger) leave(prev *elem) { t.cur = prev }

// content makes sure a marked content sequence of the current element is
// open on page before something is painted.
func (t *tagger) content(page int) {
	if t.cur == t.root {
		t.fail("content drawn outside any tag on page %d", page)
		return
	}
	if t.open == t.cur && t.openPage == page {
		return
	}
	t.closeMC()
	mcid := len(t.pageMC[page])
	t.pageMC[page] = append(t.pageMC[page], t.cur)
	t.cur.kids = append(t.cur.kids, kid{page: page, mcid: mcid})
	t.buf = append(append(append(t.buf[:0], '/'), t.cur.typ...), " <</MCID "...)
	t.buf = append(strconv.AppendInt(t.buf, int64(mcid), 10), ">> BDC"...)
	t.raw(t.buf)
	t.open = t.cur
	t.openPage = page
}

// raw writes b into the current page's content, as a line of its own.
func (t *tagger) raw(b []byte) {
	t.flush()
	t.rd.Reset(b)
	t.f.RawWriteBuf(&t.rd)
}

// artifact paints fn outside the structure tree. kind is "Header",
// "Footer" or "" (a rule, border or background).
func (t *tagger) artifact(kind string, fn func()) {
	t.closeMC()
	t.flush()
	if kind == "" {
		t.f.RawWriteStr("/Artifact BMC")
	} else {
		t.f.RawWriteStr("/Artifact <</Type /Pagination /Subtype /" + kind + ">> BDC")
	}
	fn()
	t.flush()
	t.f.RawWriteStr("EMC")
}

// closeMC ends the open marked content sequence; it must be called before
// the page changes.
func (t *tagger) closeMC() {
	t.flush()
	if t.open != nil {
		t.f.RawWriteStr("EMC")
		t.open = nil
	}
}

// flush ends whatever the canvas has pending before the tagger writes.
func (t *tagger) flush() {
	if t.before != nil {
		t.before()
	}
}

// finish checks that every element was closed.
func (t *tagger) finish() error {
	t.closeMC()
	if t.err == nil && t.cur != t.root {
		t.fail("element %s was never closed", t.cur.typ)
	}
	return t.err
}
