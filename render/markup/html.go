package markup

import (
	"bufio"
	"bytes"
	htemplate "html/template"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/mpsplan/mpsplan/internal/freelist"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/svg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// escapedHTML renders raw HTML in author Markdown as text. goldmark's
// default drops it ("raw HTML omitted"), which loses what the author
// wrote; printing it unescaped would let a plan run script in the page.
type escapedHTML struct{}

func (escapedHTML) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	r.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		b := n.(*ast.HTMLBlock)
		if entering {
			_, _ = w.WriteString("<p>")
			for i := 0; i < b.Lines().Len(); i++ {
				seg := b.Lines().At(i)
				_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
			}
			if b.HasClosure() {
				_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(src)))
			}
		} else {
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkContinue, nil
	})
	registerImages(r)
}

// registerImages renders an image in author Markdown as a link to it, its
// alternative text as the link's text: an <img> with a remote source would
// make the self-contained page fetch it (and the page's policy blocks it
// anyway). A dangerous URL (javascript:) gives the text alone.
func registerImages(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindImage, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		img := n.(*ast.Image)
		link := !html.IsDangerousURL(img.Destination) && !insideLink(n)
		if entering && link {
			_, _ = w.WriteString(`<a class="image-link" href="`)
			_, _ = w.Write(util.EscapeHTML(util.URLEscape(img.Destination, true)))
			_, _ = w.WriteString(`">`)
			if !n.HasChildren() {
				_, _ = w.Write(util.EscapeHTML(img.Destination))
			}
		}
		if !entering && link {
			_, _ = w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	})
}

// insideLink reports whether n is within a link, where another would not nest.
func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindLink || p.Kind() == ast.KindAutoLink {
			return true
		}
	}
	return false
}

// shiftHeadings moves the headings of author Markdown below the section
// that holds it, so the page keeps one h1 and a clean outline.
type shiftHeadings struct{ depth int }

func (s shiftHeadings) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var hs []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			hs = append(hs, h)
		}
		return ast.WalkContinue, nil
	})
	shift := headingShift(hs, s.depth)
	for _, h := range hs {
		h.Level = min(max(h.Level+shift, 1), 6)
	}
}

var (
	mdOnce sync.Once
	// mdByDepth[d] renders author Markdown under a heading of level d;
	// cmByDepth[d] is the same without the GFM extensions, for text none of
	// them could apply to (see needsGFM), which it renders the same, faster.
	mdByDepth, cmByDepth [7]goldmark.Markdown
)

func markdownFor(depth int) goldmark.Markdown { return pickMarkdown(depth, true) }

func pickMarkdown(depth int, gfm bool) goldmark.Markdown {
	mdOnce.Do(func() {
		for d := range mdByDepth {
			opts := []goldmark.Option{
				goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(shiftHeadings{depth: d}, 100))),
				goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 100))),
			}
			cmByDepth[d] = goldmark.New(opts...)
			mdByDepth[d] = goldmark.New(append(opts, goldmark.WithExtensions(extension.GFM))...)
		}
	})
	d := min(max(depth, 0), 6)
	if gfm {
		return mdByDepth[d]
	}
	return cmByDepth[d]
}

// needsGFM reports whether a GFM extension could change how src reads:
// a table needs "|", strikethrough "~", a task list "[", and an autolink
// "://", "www." or "@". Text without any of them reads the same as
// CommonMark.
func needsGFM(src string) bool {
	return strings.ContainsAny(src, "|~[@") || strings.Contains(src, "://") || strings.Contains(src, "www.")
}

// MarkdownHTML renders author Markdown (CommonMark + GFM) as HTML, with
// raw HTML shown as text and headings placed below a heading of level
// depth (0 leaves them as written).
func MarkdownHTML(src string, depth int) (string, error) {
	if h, ok := plainParagraphs(src); ok {
		return h, nil
	}
	k := mdKey{src, depth}
	if h, ok := converted.get(k); ok {
		return h, nil
	}
	h, err := convert(src, depth)
	if err == nil {
		converted.put(k, h)
	}
	return h, err
}

// convert renders src through goldmark.
func convert(src string, depth int) (string, error) {
	c := convPool.Get().(*converter)
	defer convPool.Put(c)
	c.buf.Reset()
	c.w.Reset(&c.buf)
	if err := pickMarkdown(depth, needsGFM(src)).Convert([]byte(src), c.w); err != nil {
		return "", err
	}
	if err := c.w.Flush(); err != nil {
		return "", err
	}
	return c.buf.String(), nil
}

// converted keeps what goldmark made of each text: a build prints the
// same text in several documents (a measure's definition in its plan, its
// reports and its page of the site), a third of all it converts.
var converted = memo{m: map[mdKey]string{}}

type mdKey struct {
	src   string
	depth int
}

// memo is a map safe for the concurrent jobs of a build, emptied when it
// reaches memoSize, so that a long preview (mpsplan serve) does not keep
// every text it was ever shown.
type memo struct {
	mu sync.RWMutex
	m  map[mdKey]string
}

const memoSize = 4096

func (c *memo) get(k mdKey) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	h, ok := c.m[k]
	return h, ok
}

func (c *memo) put(k mdKey, h string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= memoSize {
		clear(c.m)
	}
	c.m[k] = h
}

// converter is an output buffer with the buffered writer goldmark wants;
// pooled, since goldmark would otherwise make a 4 KB writer for every
// piece of text.
type converter struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

var convPool = sync.Pool{New: func() any {
	c := &converter{}
	c.w = bufio.NewWriterSize(&c.buf, 4096)
	return c
}}

var (
	entityAnywhereRE = regexp.MustCompile(`&#?[0-9A-Za-z]+;`)
	htmlText         = strings.NewReplacer("&", "&amp;", ">", "&gt;", `"`, "&quot;")
)

// plainParagraphs renders text that uses no Markdown at all (most plan
// text) the way goldmark would, without parsing it: paragraphs split at
// blank lines, escaped. It refuses, for goldmark to handle, anything with
// a character or line start that Markdown gives a meaning to.
func plainParagraphs(src string) (string, bool) {
	if strings.ContainsAny(src, "\\`*_[]<|~@\t\r") || strings.Contains(src, "://") || strings.Contains(src, "www.") ||
		strings.Contains(src, "  \n") || (strings.Contains(src, "&") && entityAnywhereRE.MatchString(src)) {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(src) + 16)
	open := false
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimLeft(line, " ")
		if t == "" {
			if open {
				b.WriteString("</p>\n")
				open = false
			}
			continue
		}
		if len(line)-len(t) > 3 {
			return "", false // an indented code block, or a paragraph's continuation: let goldmark decide
		}
		c := t[0]
		switch {
		case c == '-' || c == '+' || c == '*' || c == '>' || c == '=' || c == '#':
			return "", false
		case c >= '0' && c <= '9':
			d := strings.TrimLeft(t, "0123456789")
			if d == "" || d[0] == '.' || d[0] == ')' {
				return "", false
			}
		}
		if open {
			b.WriteByte('\n')
		} else {
			b.WriteString("<p>")
			open = true
		}
		b.WriteString(htmlText.Replace(strings.TrimRight(t, " ")))
	}
	if open {
		b.WriteString("</p>\n")
	}
	return b.String(), true
}

func (t *Templates) htmlFuncs() htemplate.FuncMap {
	f := htemplate.FuncMap(commonFuncs())
	f["markdown"] = func(src string, depth int) (htemplate.HTML, error) {
		s, err := MarkdownHTML(src, depth)
		// goldmark escapes all text and drops unsafe links; raw HTML is
		// escaped by escapedHTML above.
		return htemplate.HTML(s), err //nolint:gosec
	}
	f["css"] = func() htemplate.CSS { return htemplate.CSS(t.css) } //nolint:gosec // the template author's own stylesheet
	// Charts are drawn in the theme's palette, as the PDF draws them.
	st := svg.Style
	st.Palette = t.Theme().ChartPalette()
	f["svg"] = func(c *doc.Chart) htemplate.HTML { return htemplate.HTML(svg.Draw(c, st)) }
	f["csp"] = func() htemplate.HTML { return htemplate.HTML(cspMeta) } // a constant of this package
	f["rowgroups"] = rowGroups
	f["rowhtml"] = rowHTML
	return f
}

// rowHTML prints a row's cells (see rowCells) as HTML in one call: a row
// header as <th scope="row">, a figure as <td class="num">. A template
// wanting other cell markup ranges over "cells" instead; this is the fast
// way for the default, since every template action costs a reflective
// call and tables hold most of a document's text.
func rowHTML(t *doc.Table, r doc.Row) htemplate.HTML {
	var b strings.Builder
	for _, c := range rowCells(t, r) {
		nobr := c.NoBreak
		switch {
		case c.Header:
			b.WriteString(`<th scope="row">`)
		case c.Numeric && nobr:
			b.WriteString(`<td class="num nobr">`)
		case c.Numeric:
			b.WriteString(`<td class="num">`)
		case nobr:
			b.WriteString(`<td class="nobr">`)
		default:
			b.WriteString(`<td>`)
		}
		if c.Parts != nil {
			writeParts(&b, c.Parts)
		} else {
			b.WriteString(htemplate.HTMLEscapeString(c.Text))
		}
		if c.Header {
			b.WriteString("</th>")
		} else {
			b.WriteString("</td>")
		}
	}
	return htemplate.HTML(b.String()) //nolint:gosec // every cell escaped above
}

// writeParts prints a cell's paragraphs as <p> and its lists as <ul>.
func writeParts(b *strings.Builder, ps []doc.CellPart) {
	for _, p := range ps {
		if p.Text != "" {
			b.WriteString("<p>" + htemplate.HTMLEscapeString(p.Text) + "</p>")
		}
		if len(p.Items) > 0 {
			b.WriteString("<ul>")
			for _, it := range p.Items {
				b.WriteString("<li>" + htemplate.HTMLEscapeString(it) + "</li>")
			}
			b.WriteString("</ul>")
		}
	}
}

// rowGroup is a run of rows under a group heading row (nil for rows before
// any), printed as one <tbody>.
type rowGroup struct {
	Head *doc.Row
	Rows []doc.Row
}

func rowGroups(rows []doc.Row) []rowGroup {
	var out []rowGroup
	for i := range rows {
		r := rows[i]
		if r.Group {
			out = append(out, rowGroup{Head: &rows[i]})
			continue
		}
		if len(out) == 0 {
			out = append(out, rowGroup{})
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, r)
	}
	return out
}

// WriteHTML prints d as one self-contained HTML5 file. On error w may hold
// part of the document, as with WriteMarkdown.
func (t *Templates) WriteHTML(w io.Writer, d *doc.Document) error {
	b := freelist.Buffers.Get()
	defer freelist.Buffers.Put(b)
	v := newDocView(d, func(s *doc.Section) string { return s.ID }, true)
	v.Theme = newThemeView(t.Theme(), d, true)
	if err := t.execHTML(b, v); err != nil {
		return err
	}
	_, err := w.Write(withCSP(b.Bytes()))
	return err
}

// CSP is the Content-Security-Policy every page carries: the page is
// self-contained, so it may run no script and load nothing from anywhere
// (inline CSS and inline SVG aside), whatever a template or plan puts in it.
// A theme's logo and fonts are data: URLs, the only loads allowed.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"

var cspMeta = []byte(`<meta http-equiv="Content-Security-Policy" content="` + CSP + `">`)

// withCSP adds the policy right after <head> when a replaced plan.html.tmpl
// left it out, so no template can make a page without it.
func withCSP(page []byte) []byte {
	if bytes.Contains(page, []byte(`http-equiv="Content-Security-Policy"`)) {
		return page
	}
	i := bytes.Index(page, []byte("<head>"))
	if i < 0 {
		return page
	}
	i += len("<head>")
	out := make([]byte, 0, len(page)+len(cspMeta)+1)
	out = append(out, page[:i]...)
	out = append(out, '\n')
	out = append(out, cspMeta...)
	return append(out, page[i:]...)
}
