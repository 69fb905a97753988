package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// baseFile is fpdf's output, read back.
type baseFile struct {
	b []byte
	// offsets holds where each object starts, by object number (0 for
	// none).
	offsets                     []int
	size, root, info, startxref int
}

var (
	reSize  = regexp.MustCompile(`/Size (\d+)`)
	reRoot  = regexp.MustCompile(`/Root (\d+) 0 R`)
	reInfo  = regexp.MustCompile(`/Info (\d+) 0 R`)
	reKids  = regexp.MustCompile(`/Kids \[([0-9 R]*)\]`)
	rePages = regexp.MustCompile(`/Pages (\d+) 0 R`)
)

// cutLine returns the line b starts with and the rest after its newline.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	return bytes.Cut(b, []byte{'\n'})
}

// cutInt reads the unsigned decimal number b starts with and the rest
// after the spaces that follow it.
func cutInt(b []byte) (n int, rest []byte, ok bool) {
	i := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		if n > (1<<40)/10 {
			return 0, nil, false
		}
		n = n*10 + int(b[i]-'0')
	}
	if i == 0 {
		return 0, nil, false
	}
	rest = b[i:]
	for len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	return n, rest, true
}

// parseBase reads fpdf's file: its classic xref table (one subsection
// from object 0, each entry in use) and its trailer.
func parseBase(b []byte) (*baseFile, error) {
	pf := &baseFile{b: b}
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
	s := b[x:i]
	line, s, ok := cutLine(s)
	if !ok || string(line) != "xref" {
		return nil, fmt.Errorf("no classic xref table at %d", x)
	}
	line, s, _ = cutLine(s)
	first, r, ok1 := cutInt(line)
	count, r, ok2 := cutInt(r)
	if !ok1 || !ok2 || len(r) > 0 || first != 0 || count < 1 || count > len(s)/20 {
		return nil, fmt.Errorf("unexpected xref subsection %q", line)
	}
	pf.offsets = make([]int, count)
	_, s, _ = cutLine(s) // object 0, the head of the free list
	for n := 1; n < count; n++ {
		line, s, _ = cutLine(s)
		off, r, ok1 := cutInt(line)
		_, r, ok2 := cutInt(r)
		if !ok1 || !ok2 || string(bytes.TrimRight(r, " ")) != "n" || off <= 0 {
			return nil, fmt.Errorf("unexpected xref entry %q", line)
		}
		pf.offsets[n] = off
	}
	trailer := s
	for _, f := range []struct {
		re *regexp.Regexp
		to *int
	}{{reSize, &pf.size}, {reRoot, &pf.root}, {reInfo, &pf.info}} {
		m := f.re.FindSubmatch(trailer)
		if m == nil {
			return nil, fmt.Errorf("trailer lacks %s", f.re)
		}
		*f.to, _ = strconv.Atoi(string(m[1]))
	}
	if pf.size != count {
		return nil, fmt.Errorf("xref has %d entries, trailer says %d", count, pf.size)
	}
	return pf, nil
}

// objHead is how object n starts: "n 0 obj\n".
func objHead(b []byte, n int) []byte {
	return append(strconv.AppendInt(b, int64(n), 10), " 0 obj\n"...)
}

// dict returns the body of object n, which must be a dictionary.
func (pf *baseFile) dict(n int) (string, error) {
	var h [24]byte
	head := objHead(h[:0], n)
	if n <= 0 || n >= len(pf.offsets) || pf.offsets[n] == 0 || !bytes.HasPrefix(pf.b[pf.offsets[n]:], head) {
		return "", errorf("object %d not found where the xref says", n)
	}
	body := pf.b[pf.offsets[n]+len(head):]
	end := bytes.Index(body, []byte("\nendobj"))
	if end < 0 || bytes.Contains(body[:end], []byte("stream")) {
		return "", errorf("object %d is not a plain dictionary", n)
	}
	d := bytes.TrimSpace(body[:end])
	if !bytes.HasPrefix(d, []byte("<<")) || !bytes.HasSuffix(d, []byte(">>")) {
		return "", errorf("object %d is not a dictionary", n)
	}
	return string(d), nil
}

// kids returns the page objects in order, from the page tree root.
func (pf *baseFile) kids() ([]int, error) {
	cat, err := pf.dict(pf.root)
	if err != nil {
		return nil, err
	}
	m := rePages.FindStringSubmatch(cat)
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
	f := strings.Fields(km[1])
	if len(f)%3 != 0 {
		return nil, errorf("unexpected /Kids %q", km[1])
	}
	pages := make([]int, 0, len(f)/3)
	for i := 0; i < len(f); i += 3 {
		p, err := strconv.Atoi(f[i])
		if err != nil || f[i+1] != "0" || f[i+2] != "R" {
			return nil, errorf("unexpected /Kids %q", km[1])
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// contentDict is the dictionary fpdf gives a page's content stream when
// its own compression is off.
var contentDict = []byte("<</Length ")

// resourcesStart opens the resource dictionary fpdf writes for every
// page, and noFonts is its /Font entry when no font was added to fpdf.
var resourcesStart, noFonts = []byte("<<\n/ProcSet "), []byte("/Font <<\n>>\n")

// infoDates are the date entries fpdf always writes into the Info
// dictionary, one a line.
var infoDates = regexp.MustCompile(`(?m)^/(CreationDate|ModDate) [^\n]*\n`)

// streamLength reads the length of an uncompressed stream from body, an
// object's body as fpdf writes it ("<</Length n>>\nstream\n..."), and
// returns it with where the data starts.
func streamLength(body []byte) (n, start int, ok bool) {
	rest, ok := bytes.CutPrefix(body, contentDict)
	if !ok {
		return 0, 0, false
	}
	n, rest, ok = cutInt(rest)
	if !ok {
		return 0, 0, false
	}
	rest, ok = bytes.CutPrefix(rest, []byte(">>\nstream\n"))
	return n, len(body) - len(rest), ok
}

// compressed returns fpdf's output, made in out, with every page content
// stream compressed through deflate, and the fonts of the text drawn (tf)
// embedded: their objects follow fpdf's, and the resources' /Font
// dictionary, which fpdf leaves empty, names them. fpdf compresses its
// streams itself but makes a new compressor for each; Write turns that
// off and compresses here. The result is the same file otherwise, with
// its own xref table; for an undated document, the Info dictionary loses
// the placeholder dates fpdf was given. It is returned read, as parseBase
// would read it.
func (pf *baseFile) compressed(out *bytes.Buffer, undated bool, tf *textFonts) (*baseFile, error) {
	fonts, entries, err := tf.objects(pf.size)
	if err != nil {
		return nil, err
	}
	// fpdf writes its objects in an order of its own (the page tree
	// last): they are copied in the order they stand in the file.
	order := make([]int, 0, len(pf.offsets))
	for n, off := range pf.offsets {
		if off > 0 {
			order = append(order, n)
		}
	}
	if len(order) == 0 {
		return nil, fmt.Errorf("no objects")
	}
	slices.SortFunc(order, func(a, b int) int { return pf.offsets[a] - pf.offsets[b] })
	b := pf.b
	out.Reset()
	out.Grow(len(b) / 2)
	out.Write(b[:pf.offsets[order[0]]])
	size := pf.size + len(fonts)
	offsets := make([]int, size)
	var head, num []byte
	for i, n := range order {
		off := pf.offsets[n]
		end := pf.startxref
		if i+1 < len(order) {
			end = pf.offsets[order[i+1]]
		}
		if off > end || end > len(b) {
			return nil, fmt.Errorf("object %d overlaps the next", n)
		}
		obj := b[off:end]
		offsets[n] = out.Len()
		head = objHead(head[:0], n)
		body, ok := bytes.CutPrefix(obj, head)
		if !ok {
			return nil, fmt.Errorf("object %d not found where the xref says", n)
		}
		if undated && n == pf.info {
			obj = infoDates.ReplaceAll(obj, nil)
		}
		if bytes.HasPrefix(body, resourcesStart) {
			if !bytes.Contains(obj, noFonts) {
				return nil, fmt.Errorf("the resources (object %d) already name fonts", n)
			}
			obj = bytes.Replace(obj, noFonts, []byte("/Font <<"+entries+">>\n"), 1)
		}
		sn, start, ok := streamLength(body)
		if !ok {
			out.Write(obj)
			continue
		}
		data := body[start:]
		if sn > len(data) || !bytes.HasPrefix(data[sn:], []byte("\nendstream\nendobj\n")) {
			return nil, fmt.Errorf("object %d: stream of unexpected length", n)
		}
		z := deflate(data[:sn])
		out.Write(head)
		out.WriteString("<</Filter /FlateDecode /Length ")
		num = strconv.AppendInt(num[:0], int64(z.Len()), 10)
		out.Write(num)
		out.WriteString(">>\nstream\n")
		out.Write(z.Bytes())
		buffers.Put(z)
		out.Write(data[sn:])
	}
	writeObjects(out, fonts, pf.size, offsets)
	return pf.finishCopy(out, offsets, len(fonts) > 0)
}

// writeObjects writes objs into out, numbered from first, each
// stream compressed, and records where each starts in offsets.
func writeObjects(out *bytes.Buffer, objs []pdfObject, first int, offsets []int) {
	for i, o := range objs {
		n := first + i
		offsets[n] = out.Len()
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
}

// finishCopy ends the copy of pf made in out, whose objects start at
// offsets: its xref table, then fpdf's trailer with the new size when
// objects were added, and returns the copy read.
func (pf *baseFile) finishCopy(out *bytes.Buffer, offsets []int, added bool) (*baseFile, error) {
	size := len(offsets)
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", size)
	entry := []byte("0000000000 00000 n \n")
	for n := 1; n < size; n++ {
		// Ten digits, padded with zeros, as fpdf writes them.
		for i, v := 9, offsets[n]; i >= 0; i, v = i-1, v/10 {
			entry[i] = byte('0' + v%10)
		}
		out.Write(entry)
	}
	// The trailer as fpdf wrote it, then the new xref's offset.
	b := pf.b
	tr := bytes.Index(b[pf.startxref:], []byte("trailer"))
	sx := bytes.LastIndex(b, []byte("startxref\n"))
	if tr < 0 || sx < pf.startxref+tr {
		return nil, fmt.Errorf("no trailer")
	}
	trailer := b[pf.startxref+tr : sx]
	if added {
		trailer = reSize.ReplaceAll(trailer, []byte("/Size "+strconv.Itoa(size)))
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	return &baseFile{b: out.Bytes(), offsets: offsets, size: size, root: pf.root, info: pf.info, startxref: xref}, nil
}
