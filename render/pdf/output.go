package pdf

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"io"
	"regexp"
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
	b, err := raw.compressed(file, l.d.Created.IsZero(), &l.c.text)
	if err != nil {
		return errorf("compressing fpdf's output: %v", err)
	}
	pf, err := parseBase(b)
	if err != nil {
		return errorf("reading the compressed output back: %v", err)
	}
	pages, err := pf.kids()
	if err != nil {
		return err
	}
	if len(pages) != f.PageCount() {
		return errorf("fpdf wrote %d pages, the layout made %d", len(pages), f.PageCount())
	}

	u := &update{next: pf.size, base: len(b)}
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
	pageAnnots := map[int][]int{}
	for i, lk := range l.c.links {
		annots[i] = u.alloc()
		pageAnnots[lk.page] = append(pageAnnots[lk.page], annots[i])
		lk.elem.kids = append(lk.elem.kids, kid{page: lk.page, link: i + 1})
	}
	rootObj := u.alloc()
	parentTree := u.alloc()

	for _, e := range elems {
		u.obj(e.obj, elemDict(e, rootObj, pages, annots))
	}
	np := len(pages)
	for i, lk := range l.c.links {
		var act string
		if a, ok := l.c.resolve(lk.target); ok {
			act = fmt.Sprintf("/Dest [%d 0 R /XYZ 0 %.2f null]", pages[a.page-1], (pageH-a.y)*k)
		} else {
			act = "/A <</S /URI /URI " + asciiString(lk.target) + ">>"
		}
		u.obj(annots[i], fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /StructParent %d /Contents %s %s>>",
			lk.x*k, (pageH-lk.y-lk.h)*k, (lk.x+lk.w)*k, (pageH-lk.y)*k, np+i, textString(linkText(lk)), act))
	}
	u.obj(rootObj, fmt.Sprintf("<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", l.t.root.obj, parentTree, np+len(l.c.links)))
	var nums strings.Builder
	for p := 1; p <= np; p++ {
		fmt.Fprintf(&nums, "%d [", p-1)
		for _, e := range l.t.pageMC[p] {
			fmt.Fprintf(&nums, "%d 0 R ", e.obj)
		}
		nums.WriteString("]\n")
	}
	for i, lk := range l.c.links {
		fmt.Fprintf(&nums, "%d %d 0 R\n", np+i, lk.elem.obj)
	}
	u.obj(parentTree, "<</Nums [\n"+nums.String()+"]>>")

	for i, p := range pages {
		d, err := pf.dict(p)
		if err != nil {
			return err
		}
		if strings.Contains(d, "/Annots") || strings.Contains(d, "/StructParents") {
			return errorf("page object %d already has annotations or tags; fpdf's output changed", p)
		}
		extra := fmt.Sprintf("\n/StructParents %d /Tabs /S", i)
		if a := pageAnnots[i+1]; len(a) > 0 {
			extra += "\n/Annots ["
			for _, n := range a {
				extra += fmt.Sprintf("%d 0 R ", n)
			}
			extra += "]"
		}
		u.obj(p, insert(d, extra))
	}
	cat, err := pf.dict(pf.root)
	if err != nil {
		return err
	}
	if strings.Contains(cat, "/StructTreeRoot") || strings.Contains(cat, "/ViewerPreferences") || strings.Contains(cat, "/MarkInfo") {
		return errorf("the catalog already has tagging entries; fpdf's output changed")
	}
	u.obj(pf.root, insert(cat, fmt.Sprintf("\n/Version /1.7\n/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>", rootObj)))

	id := fmt.Sprintf("%X", md5.Sum(b))
	out := buffers.Get()
	defer buffers.Put(out)
	u.finish(out, fmt.Sprintf("/Root %d 0 R /Info %d 0 R /Prev %d /ID [<%s> <%s>]", pf.root, pf.info, pf.startxref, id, id))
	if _, err := w.Write(b); err != nil {
		return err
	}
	_, err = w.Write(out.Bytes())
	return err
}

// linkText describes a link for its annotation's /Contents.
func linkText(lk linkRect) string {
	if strings.HasPrefix(lk.target, "#") {
		return "Go to " + strings.TrimPrefix(lk.target, "#")
	}
	return lk.target
}

// elemDict writes a structure element. It is written with appends, not
// fmt: a document has thousands of elements.
func elemDict(e *elem, rootObj int, pages, annots []int) string {
	b := make([]byte, 0, 96+12*len(e.kids)+len(e.attrs))
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
	b = append(b, "<</Type /StructElem /S /"...)
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
	b = append(b, " /K ["...)
	for _, kd := range e.kids {
		switch {
		case kd.e != nil:
			b = append(ref(b, kd.e.obj), ' ')
		case kd.link > 0:
			b = ref(append(b, "<</Type /OBJR /Obj "...), annots[kd.link-1])
			b = append(ref(append(b, " /Pg "...), pages[kd.page-1]), ">> "...)
		case kd.page == pg:
			b = append(strconv.AppendInt(b, int64(kd.mcid), 10), ' ')
		default:
			b = ref(append(b, "<</Type /MCR /Pg "...), pages[kd.page-1])
			b = append(strconv.AppendInt(append(b, " /MCID "...), int64(kd.mcid), 10), ">> "...)
		}
	}
	b = append(b, ']')
	if e.typ == "Figure" {
		b = append(append(b, " /Alt "...), textString(e.alt)...)
	}
	if e.attrs != "" {
		b = append(append(b, ' '), e.attrs...)
	}
	if e.parent == nil {
		b = append(b, " /Lang (en-GB)"...)
	}
	b = append(b, ">>"...)
	return string(b)
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

// baseFile is fpdf's output, read back.
type baseFile struct {
	b                           []byte
	offsets                     map[int]int
	size, root, info, startxref int
}

var (
	reSize = regexp.MustCompile(`/Size (\d+)`)
	reRoot = regexp.MustCompile(`/Root (\d+) 0 R`)
	reInfo = regexp.MustCompile(`/Info (\d+) 0 R`)
	reKids = regexp.MustCompile(`/Kids \[([0-9 R]*)\]`)
)

func parseBase(b []byte) (*baseFile, error) {
	pf := &baseFile{b: b, offsets: map[int]int{}}
	i := bytes.LastIndex(b, []byte("startxref\n"))
	if i < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	rest := b[i+len("startxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return nil, fmt.Errorf("no xref offset")
	}
	x, err := strconv.Atoi(string(rest[:end]))
	if err != nil || x <= 0 || x >= len(b) {
		return nil, fmt.Errorf("bad xref offset")
	}
	pf.startxref = x
	s := string(b[x:i])
	lines := strings.Split(s, "\n")
	if len(lines) < 3 || lines[0] != "xref" {
		return nil, fmt.Errorf("no classic xref table at %d", x)
	}
	var first, count int
	if _, err := fmt.Sscanf(lines[1], "%d %d", &first, &count); err != nil || first != 0 || len(lines) < 2+count {
		return nil, fmt.Errorf("unexpected xref subsection %q", lines[1])
	}
	for n := 1; n < count; n++ {
		var off, gen int
		var kind string
		if _, err := fmt.Sscanf(lines[2+n], "%d %d %s", &off, &gen, &kind); err != nil || kind != "n" {
			return nil, fmt.Errorf("unexpected xref entry %q", lines[2+n])
		}
		pf.offsets[n] = off
	}
	trailer := strings.Join(lines[2+count:], "\n")
	for _, f := range []struct {
		re *regexp.Regexp
		to *int
	}{{reSize, &pf.size}, {reRoot, &pf.root}, {reInfo, &pf.info}} {
		m := f.re.FindStringSubmatch(trailer)
		if m == nil {
			return nil, fmt.Errorf("trailer lacks %s", f.re)
		}
		*f.to, _ = strconv.Atoi(m[1])
	}
	if pf.size != count {
		return nil, fmt.Errorf("xref has %d entries, trailer says %d", count, pf.size)
	}
	return pf, nil
}

// dict returns the body of object n, which must be a dictionary.
func (pf *baseFile) dict(n int) (string, error) {
	off, ok := pf.offsets[n]
	head := fmt.Sprintf("%d 0 obj\n", n)
	if !ok || off+len(head) > len(pf.b) || string(pf.b[off:off+len(head)]) != head {
		return "", errorf("object %d not found where the xref says", n)
	}
	body := pf.b[off+len(head):]
	end := bytes.Index(body, []byte("\nendobj"))
	if end < 0 || bytes.Contains(body[:end], []byte("stream")) {
		return "", errorf("object %d is not a plain dictionary", n)
	}
	d := strings.TrimSpace(string(body[:end]))
	if !strings.HasPrefix(d, "<<") || !strings.HasSuffix(d, ">>") {
		return "", errorf("object %d is not a dictionary", n)
	}
	return d, nil
}

// kids returns the page objects in order, from the page tree root.
func (pf *baseFile) kids() ([]int, error) {
	cat, err := pf.dict(pf.root)
	if err != nil {
		return nil, err
	}
	m := regexp.MustCompile(`/Pages (\d+) 0 R`).FindStringSubmatch(cat)
	if m == nil {
		return nil, errorf("catalog has no /Pages")
	}
	n, _ := strconv.Atoi(m[1])
	pt, err := pf.dict(n)
	if err != nil {
		return nil, err
	}
	km := reKids.FindStringSubmatch(pt)
	if km == nil {
		return nil, errorf("page tree has no /Kids")
	}
	var pages []int
	f := strings.Fields(km[1])
	if len(f)%3 != 0 {
		return nil, errorf("unexpected /Kids %q", km[1])
	}
	for i := 0; i < len(f); i += 3 {
		p, err := strconv.Atoi(f[i])
		if err != nil || f[i+1] != "0" || f[i+2] != "R" {
			return nil, errorf("unexpected /Kids %q", km[1])
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// update collects the objects of an incremental update.
type update struct {
	next int // next free object number
	base int // length of the file being updated
	objs []pending
}

type pending struct {
	n    int
	body string
}

func (u *update) alloc() int {
	u.next++
	return u.next - 1
}

func (u *update) obj(n int, body string) {
	u.objs = append(u.objs, pending{n, body})
}

// perStream is how many objects go into one object stream.
const perStream = 100

// finish writes the objects into compressed object streams, then a
// compressed cross-reference stream, which is also the update's trailer.
// (A structure tree written as plain objects made the files 2-3 times
// larger.) The update is written into out.
func (u *update) finish(out *bytes.Buffer, trailer string) {
	type loc struct{ typ, f2, f3 int }
	locs := map[int]loc{}
	head, body := buffers.Get(), buffers.Get()
	defer buffers.Put(head)
	defer buffers.Put(body)
	for i := 0; i < len(u.objs); i += perStream {
		chunk := u.objs[i:min(i+perStream, len(u.objs))]
		sn := u.alloc()
		head.Reset()
		body.Reset()
		for j, o := range chunk {
			head.WriteString(strconv.Itoa(o.n))
			head.WriteByte(' ')
			head.WriteString(strconv.Itoa(body.Len()))
			head.WriteByte(' ')
			body.WriteString(o.body)
			body.WriteByte('\n')
			locs[o.n] = loc{2, sn, j}
		}
		head.WriteByte('\n')
		first := head.Len()
		head.Write(body.Bytes())
		z := deflate(head.Bytes())
		locs[sn] = loc{1, u.base + out.Len(), 0}
		fmt.Fprintf(out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", sn, len(chunk), first, z.Len())
		out.Write(z.Bytes())
		buffers.Put(z)
		out.WriteString("\nendstream\nendobj\n")
	}
	xn := u.alloc()
	xref := u.base + out.Len()
	locs[xn] = loc{1, xref, 0}
	nums := make([]int, 0, len(locs))
	for n := range locs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	var index strings.Builder
	var entries []byte
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		fmt.Fprintf(&index, "%d %d ", nums[i], j-i+1)
		for _, n := range nums[i : j+1] {
			l := locs[n]
			entries = append(entries, byte(l.typ), byte(l.f2>>24), byte(l.f2>>16), byte(l.f2>>8), byte(l.f2), byte(l.f3>>8), byte(l.f3))
		}
		i = j + 1
	}
	z := deflate(entries)
	fmt.Fprintf(out, "%d 0 obj\n<</Type /XRef /Size %d /Index [%s] /W [1 4 2] %s /Filter /FlateDecode /Length %d>>\nstream\n",
		xn, u.next, strings.TrimSpace(index.String()), trailer, z.Len())
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

// contentDict is the dictionary fpdf gives a page's content stream when
// its own compression is off.
var contentDict = regexp.MustCompile(`^<</Length (\d+)>>\nstream\n`)

// resourcesStart opens the resource dictionary fpdf writes for every
// page, and noFonts is its /Font entry when no font was added to fpdf.
var resourcesStart, noFonts = []byte("<<\n/ProcSet "), []byte("/Font <<\n>>\n")

// infoDates are the date entries fpdf always writes into the Info
// dictionary, one a line.
var infoDates = regexp.MustCompile(`(?m)^/(CreationDate|ModDate) [^\n]*\n`)

// compressed returns fpdf's output, made in out, with every page content stream
// compressed through deflate, and the fonts of the text drawn (tf)
// embedded: their objects follow fpdf's, and the resources' /Font
// dictionary, which fpdf leaves empty, names them. fpdf compresses its
// streams itself but makes a new compressor for each; Write turns that
// off and compresses here. The result is the same file otherwise, with
// its own xref table; for an undated document, the Info dictionary loses
// the placeholder dates fpdf was given.
func (pf *baseFile) compressed(out *bytes.Buffer, undated bool, tf *textFonts) ([]byte, error) {
	fonts, entries, err := tf.objects(pf.size)
	if err != nil {
		return nil, err
	}
	type span struct{ n, off int }
	spans := make([]span, 0, len(pf.offsets))
	for n, off := range pf.offsets {
		spans = append(spans, span{n, off})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.off - b.off })
	if len(spans) == 0 {
		return nil, fmt.Errorf("no objects")
	}
	b := pf.b
	out.Reset()
	out.Write(b[:spans[0].off])
	offsets := make([]int, pf.size)
	for i, sp := range spans {
		end := pf.startxref
		if i+1 < len(spans) {
			end = spans[i+1].off
		}
		if sp.off > end || end > len(b) {
			return nil, fmt.Errorf("object %d overlaps the next", sp.n)
		}
		obj := b[sp.off:end]
		offsets[sp.n] = out.Len()
		head := fmt.Sprintf("%d 0 obj\n", sp.n)
		body, ok := bytes.CutPrefix(obj, []byte(head))
		if !ok {
			return nil, fmt.Errorf("object %d not found where the xref says", sp.n)
		}
		if undated && sp.n == pf.info {
			obj = infoDates.ReplaceAll(obj, nil)
		}
		if bytes.HasPrefix(body, resourcesStart) {
			if !bytes.Contains(obj, noFonts) {
				return nil, fmt.Errorf("the resources (object %d) already name fonts", sp.n)
			}
			obj = bytes.Replace(obj, noFonts, []byte("/Font <<"+entries+">>\n"), 1)
		}
		m := contentDict.FindSubmatchIndex(body)
		if m == nil {
			out.Write(obj)
			continue
		}
		n, _ := strconv.Atoi(string(body[m[2]:m[3]]))
		data := body[m[1]:]
		if n > len(data) || !bytes.HasPrefix(data[n:], []byte("\nendstream\nendobj\n")) {
			return nil, fmt.Errorf("object %d: stream of unexpected length", sp.n)
		}
		z := deflate(data[:n])
		fmt.Fprintf(out, "%s<</Filter /FlateDecode /Length %d>>\nstream\n", head, z.Len())
		out.Write(z.Bytes())
		buffers.Put(z)
		out.Write(data[n:])
	}
	for i, o := range fonts {
		offsets = append(offsets, out.Len())
		n := pf.size + i
		if o.data == nil {
			fmt.Fprintf(out, "%d 0 obj\n%s\nendobj\n", n, o.dict)
			continue
		}
		z := deflate(o.data)
		fmt.Fprintf(out, "%d 0 obj\n%s /Filter /FlateDecode /Length %d>>\nstream\n", n, strings.TrimSuffix(o.dict, ">>"), z.Len())
		out.Write(z.Bytes())
		buffers.Put(z)
		out.WriteString("\nendstream\nendobj\n")
	}
	size := pf.size + len(fonts)
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		fmt.Fprintf(out, "%010d 00000 n \n", offsets[n])
	}
	// The trailer as fpdf wrote it, then the new xref's offset.
	tr := bytes.Index(b[pf.startxref:], []byte("trailer"))
	sx := bytes.LastIndex(b, []byte("startxref\n"))
	if tr < 0 || sx < pf.startxref+tr {
		return nil, fmt.Errorf("no trailer")
	}
	trailer := b[pf.startxref+tr : sx]
	if len(fonts) > 0 {
		trailer = reSize.ReplaceAll(trailer, []byte("/Size "+strconv.Itoa(size)))
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}
