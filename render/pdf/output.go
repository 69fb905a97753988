package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
	"github.com/klauspost/compress/zlib"

	"github.com/mpsplan/mpsplan/internal/freelist"
)

// k converts millimetres to points.
const k = 72 / 25.4

// writeTagged writes the file fpdf made, followed by an incremental update
// that makes it a tagged PDF: the structure tree built while drawing, its
// parent tree, link annotations that belong to Link elements, each page
// with /StructParents and /Tabs /S, and a catalog with /MarkInfo,
// /StructTreeRoot and /DisplayDocTitle. fpdf has no hook for page and
// catalog entries, so the update reads fpdf's own output back; it relies
// on its layout (a classic xref table, pages listed in /Kids) and fails
// loudly on anything else rather than write a broken file.
func writeTagged(w io.Writer, f *fpdf.Fpdf, l *layout) error {
	// fpdf writes pages up to the current one only.
	f.SetPage(f.PageCount())
	// The file is made in scratch buffers (freelist) given back once
	// written: each document made its own, growing them from nothing.
	base, file := buffers.Get(), buffers.Get()
	defer buffers.Put(base)
	defer buffers.Put(file)
	if err := f.Output(base); err != nil {
		return errorf("%v", err)
	}
	raw, err := parseBase(base.Bytes())
	if err != nil {
		return errorf("reading fpdf's output back to tag it: %v", err)
	}
	pf, err := raw.compressed(file, l.d.Created.IsZero(), &l.c.text)
	if err != nil {
		return errorf("compressing fpdf's output: %v", err)
	}
	pages, err := pf.kids()
	if err != nil {
		return err
	}
	if len(pages) != f.PageCount() {
		return errorf("fpdf wrote %d pages, the layout made %d", len(pages), f.PageCount())
	}
	u := &update{next: pf.size, base: len(pf.b)}
	rootObj, pageAnnots := u.tree(l, pages)
	if err := u.pages(pf, pages, pageAnnots); err != nil {
		return err
	}
	cat, err := pf.dict(pf.root)
	if err != nil {
		return err
	}
	if strings.Contains(cat, "/StructTreeRoot") || strings.Contains(cat, "/ViewerPreferences") || strings.Contains(cat, "/MarkInfo") {
		return errorf("the catalog already has tagging entries; fpdf's output changed")
	}
	u.obj(pf.root, insert(cat, fmt.Sprintf("\n/Version /1.7\n/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>", rootObj)))

	// The file's identifier: 16 bytes of its SHA-256, which this
	// machine's processor computes at twice the speed of MD5.
	sum := sha256.Sum256(pf.b)
	id := fmt.Sprintf("%X", sum[:16])
	out := buffers.Get()
	defer buffers.Put(out)
	u.finish(out, fmt.Sprintf("/Root %d 0 R /Info %d 0 R /Prev %d /ID [<%s> <%s>]", pf.root, pf.info, pf.startxref, id, id))
	if _, err := w.Write(pf.b); err != nil {
		return err
	}
	_, err = w.Write(out.Bytes())
	return err
}

// tree adds the structure tree to the update: its elements, the link
// annotations, the tree root and the parent tree. It returns the root's
// object and each page's annotations.
func (u *update) tree(l *layout, pages []int) (rootObj int, pageAnnots map[int][]int) {
	// Number every object first: elements in reading order, then the
	// annotations, the tree root, the parent tree.
	var elems []*elem
	var number func(e *elem)
	number = func(e *elem) {
		e.obj = u.alloc()
		elems = append(elems, e)
		for _, kd := range e.kids {
			if kd.e != nil {
				number(kd.e)
			}
		}
	}
	number(l.t.root)
	annots := make([]int, len(l.c.links))
	pageAnnots = map[int][]int{}
	for i, lk := range l.c.links {
		annots[i] = u.alloc()
		pageAnnots[lk.page] = append(pageAnnots[lk.page], annots[i])
		lk.elem.kids = append(lk.elem.kids, kid{page: lk.page, link: i + 1})
	}
	rootObj = u.alloc()
	parentTree := u.alloc()
	// Room for every object at once: about 80 bytes an element, 200 a
	// link and a page.
	u.buf = slices.Grow(u.buf, 80*len(elems)+200*(len(l.c.links)+len(pages)))
	u.objs = slices.Grow(u.objs, len(elems)+len(l.c.links)+len(pages)+3)

	for _, e := range elems {
		u.buf = appendElem(u.buf, e, rootObj, pages, annots)
		u.done(e.obj)
	}
	np := len(pages)
	for i, lk := range l.c.links {
		var act string
		if a, ok := l.c.resolve(lk.target); ok {
			act = fmt.Sprintf("/Dest [%d 0 R /XYZ 0 %.2f null]", pages[a.page-1], (pageH-a.y)*k)
		} else {
			act = "/A <</S /URI /URI " + asciiString(lk.target) + ">>"
		}
		u.buf = fmt.Appendf(u.buf, "<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /StructParent %d /Contents %s %s>>",
			lk.x*k, (pageH-lk.y-lk.h)*k, (lk.x+lk.w)*k, (pageH-lk.y)*k, np+i, textString(linkText(lk)), act)
		u.done(annots[i])
	}
	u.buf = fmt.Appendf(u.buf, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", l.t.root.obj, parentTree, np+len(l.c.links))
	u.done(rootObj)
	u.buf = append(u.buf, "<</Nums [\n"...)
	for p := 1; p <= np; p++ {
		u.buf = append(strconv.AppendInt(u.buf, int64(p-1), 10), " ["...)
		for _, e := range l.t.pageMC[p] {
			u.buf = append(strconv.AppendInt(u.buf, int64(e.obj), 10), " 0 R "...)
		}
		u.buf = append(u.buf, "]\n"...)
	}
	for i, lk := range l.c.links {
		u.buf = fmt.Appendf(u.buf, "%d %d 0 R\n", np+i, lk.elem.obj)
	}
	u.buf = append(u.buf, "]>>"...)
	u.done(parentTree)
	return rootObj, pageAnnots
}

// pages adds each page again, with its structure parents, tab order and
// annotations.
func (u *update) pages(pf *baseFile, pages []int, pageAnnots map[int][]int) error {
	for i, p := range pages {
		d, err := pf.dict(p)
		if err != nil {
			return err
		}
		if strings.Contains(d, "/Annots") || strings.Contains(d, "/StructParents") {
			return errorf("page object %d already has annotations or tags; fpdf's output changed", p)
		}
		d = strings.TrimSuffix(strings.TrimSpace(d), ">>")
		u.buf = fmt.Appendf(append(u.buf, d...), "\n/StructParents %d /Tabs /S", i)
		if a := pageAnnots[i+1]; len(a) > 0 {
			u.buf = append(u.buf, "\n/Annots ["...)
			for _, n := range a {
				u.buf = append(strconv.AppendInt(u.buf, int64(n), 10), " 0 R "...)
			}
			u.buf = append(u.buf, ']')
		}
		u.buf = append(u.buf, ">>"...)
		u.done(p)
	}
	return nil
}

// linkText describes a link for its annotation's /Contents.
func linkText(lk linkRect) string {
	if strings.HasPrefix(lk.target, "#") {
		return "Go to " + strings.TrimPrefix(lk.target, "#")
	}
	return lk.target
}

// appendElem appends a structure element to b. It is written with
// appends, not fmt: a document has thousands of elements.
func appendElem(b []byte, e *elem, rootObj int, pages, annots []int) []byte {
	typ := e.typ
	if typ == "Link" && !hasLink(e) {
		// A link whose target does not exist is drawn as plain text.
		typ = "Span"
	}
	parent := rootObj
	if e.parent != nil {
		parent = e.parent.obj
	}
	ref := func(b []byte, n int) []byte { return append(strconv.AppendInt(b, int64(n), 10), " 0 R"...) }
	// /Type /StructElem is optional (PDF 32000-1, table 323) and was a
	// fifth of the tree's bytes; a single kid stands without an array.
	b = append(b, "<</S /"...)
	b = append(b, typ...)
	b = ref(append(b, " /P "...), parent)
	pg := 0
	for _, kd := range e.kids {
		if kd.e == nil {
			pg = kd.page
			break
		}
	}
	if pg > 0 {
		b = ref(append(b, " /Pg "...), pages[pg-1])
	}
	b = append(b, " /K "...)
	if len(e.kids) != 1 {
		b = append(b, '[')
	}
	for i, kd := range e.kids {
		if i > 0 {
			b = append(b, ' ')
		}
		switch {
		case kd.e != nil:
			b = ref(b, kd.e.obj)
		case kd.link > 0:
			b = ref(append(b, "<</Type /OBJR /Obj "...), annots[kd.link-1])
			b = append(ref(append(b, " /Pg "...), pages[kd.page-1]), ">>"...)
		case kd.page == pg:
			b = strconv.AppendInt(b, int64(kd.mcid), 10)
		default:
			b = ref(append(b, "<</Type /MCR /Pg "...), pages[kd.page-1])
			b = append(strconv.AppendInt(append(b, " /MCID "...), int64(kd.mcid), 10), ">>"...)
		}
	}
	if len(e.kids) != 1 {
		b = append(b, ']')
	}
	if e.typ == "Figure" {
		b = append(append(b, " /Alt "...), textString(e.alt)...)
	}
	if e.attrs != "" {
		b = append(append(b, ' '), e.attrs...)
	}
	if e.parent == nil {
		b = append(b, " /Lang (en-GB)"...)
	}
	return append(b, ">>"...)
}

func hasLink(e *elem) bool {
	for _, kd := range e.kids {
		if kd.link > 0 {
			return true
		}
	}
	return false
}

// textString encodes s as a PDF text string: UTF-16BE with a byte order
// mark, in hex, which needs no escaping.
func textString(s string) string {
	return fmt.Sprintf("<%X>", utf16BE(clean(s)))
}

// utf16BE is s in UTF-16BE with a byte order mark, as fpdf takes a
// bookmark's title (it encodes one itself only while a UTF-8 font of its
// own is set, and text here is set without one).
func utf16BE(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return string(b)
}

// asciiString encodes a URI as a PDF string of 7-bit ASCII, percent-
// encoding anything else.
func asciiString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x21 || c > 0x7e:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// insert adds entries at the end of a dictionary.
func insert(dict, extra string) string {
	d := strings.TrimSpace(dict)
	return strings.TrimSuffix(d, ">>") + extra + ">>"
}

// update collects the objects of an incremental update.
type update struct {
	next int // next free object number
	base int // length of the file being updated
	// buf holds the objects' bodies one after another, objs their
	// numbers in that order with where each body ends.
	buf  []byte
	objs []pending
}

type pending struct{ n, end int }

func (u *update) alloc() int {
	u.next++
	return u.next - 1
}

// obj adds object n with its body.
func (u *update) obj(n int, body string) {
	u.buf = append(u.buf, body...)
	u.done(n)
}

// done ends the body of object n, appended to buf since the last one.
func (u *update) done(n int) {
	u.objs = append(u.objs, pending{n, len(u.buf)})
}

// perStream is how many objects go into one object stream. Each stream
// is compressed on its own, building its own Huffman tables: streams of
// 1,000 objects rather than 100 made a PDF ~5% faster to write and 1%
// smaller, and a reader reads the whole tree anyway.
const perStream = 1000

// finish writes the objects into compressed object streams, then a
// compressed cross-reference stream, which is also the update's trailer.
// (A structure tree written as plain objects made the files 2-3 times
// larger.) The update is written into out.
func (u *update) finish(out *bytes.Buffer, trailer string) {
	// locs holds each object's cross-reference entry by number: type 0
	// for a number the update does not hold.
	type loc struct{ typ, f2, f3 int }
	streams := (len(u.objs) + perStream - 1) / perStream
	locs := make([]loc, u.next+streams+1)
	var s []byte // a stream's objects, made again for each
	start := 0
	for i := 0; i < len(u.objs); i += perStream {
		chunk := u.objs[i:min(i+perStream, len(u.objs))]
		sn := u.alloc()
		// The stream's head: each object's number and its body's offset.
		s = s[:0]
		off, from := 0, start
		for j, o := range chunk {
			s = strconv.AppendInt(s, int64(o.n), 10)
			s = append(s, ' ')
			s = strconv.AppendInt(s, int64(off), 10)
			s = append(s, ' ')
			off += o.end - from + 1
			from = o.end
			locs[o.n] = loc{2, sn, j}
		}
		s = append(s, '\n')
		first := len(s)
		for _, o := range chunk {
			s = append(append(s, u.buf[start:o.end]...), '\n')
			start = o.end
		}
		z := deflate(s)
		locs[sn] = loc{1, u.base + out.Len(), 0}
		fmt.Fprintf(out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", sn, len(chunk), first, z.Len())
		out.Write(z.Bytes())
		buffers.Put(z)
		out.WriteString("\nendstream\nendobj\n")
	}
	xn := u.alloc()
	xref := u.base + out.Len()
	locs[xn] = loc{1, xref, 0}
	var index, entries []byte
	for i := 0; i < len(locs); {
		if locs[i].typ == 0 {
			i++
			continue
		}
		j := i
		for j+1 < len(locs) && locs[j+1].typ != 0 {
			j++
		}
		index = append(strconv.AppendInt(append(strconv.AppendInt(index, int64(i), 10), ' '), int64(j-i+1), 10), ' ')
		for _, l := range locs[i : j+1] {
			entries = append(entries, byte(l.typ), byte(l.f2>>24), byte(l.f2>>16), byte(l.f2>>8), byte(l.f2), byte(l.f3>>8), byte(l.f3))
		}
		i = j + 1
	}
	z := deflate(entries)
	fmt.Fprintf(out, "%d 0 obj\n<</Type /XRef /Size %d /Index [%s] /W [1 4 2] %s /Filter /FlateDecode /Length %d>>\nstream\n",
		xn, u.next, bytes.TrimSpace(index), trailer, z.Len())
	out.Write(z.Bytes())
	buffers.Put(z)
	fmt.Fprintf(out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
}

// deflate compresses b for a /FlateDecode stream into one of the
// scratch buffers, which the caller puts back once it has copied it.
// klauspost/compress's zlib at its fastest level compresses the plans'
// pages three to four times as fast as the standard library's, into files
// of about the same size (within 1%).
func deflate(b []byte) *bytes.Buffer {
	out := buffers.Get()
	zw := compressors.Get()
	zw.Reset(out)
	zw.Write(b)
	zw.Close()
	compressors.Put(zw)
	return out
}

// buffers are the scratch buffers of the writer: the compressed streams
// on their way into the file, and the file itself.
var buffers = freelist.Buffers

// compressors are kept for the next stream: each holds large tables.
var compressors = freelist.New(8, func() *zlib.Writer {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return zw
}, func(*zlib.Writer) {})
