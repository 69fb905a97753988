// Package mdtext moves text between plain and Markdown: Escape makes plain
// text (a title, a cell) safe to put into the Markdown of a document's
// Text blocks and notes; Plain reads an author's Markdown back as plain
// text for a table cell. Builders use both; the Markdown writer escapes
// cells with Escape.
package mdtext

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Escape makes plain text (a title, a table cell) read as the same
// text by any CommonMark or GFM parser: characters that would start
// emphasis, links, code, raw HTML, entities, table cells, strikethrough or
// (at the start) a heading, list or quote are backslash-escaped, and line
// breaks become spaces so a value cannot end its table row or paragraph.
func Escape(s string) string {
	if strings.ContainsAny(s, "\n\r") {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
	}
	if !strings.ContainsAny(s, "\\`*_[]<|~&") {
		// Most plan text: nothing to escape unless it opens like a
		// heading, quote, list or thematic break.
		if t := strings.TrimLeft(s, " "); t == "" || !strings.ContainsRune("#>-+=0123456789", rune(t[0])) {
			return s
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	// start: only spaces so far; digits: only spaces then digits so far.
	start, digits := true, false
	for i, r := range s {
		next := s[i+utf8.RuneLen(r):]
		endOrSpace := next == "" || next[0] == ' '
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '|', '~':
			b.WriteByte('\\')
		case '&':
			// Only "&name;" and "&#123;" are entity references.
			if entityRE.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		case '#', '>':
			if start {
				b.WriteByte('\\')
			}
		case '-', '+', '=':
			// A list marker ("- "), a thematic break or setext underline
			// ("---", "==="): only at the start, and only before a space,
			// the end or the same character, so "-3%" stays as written.
			if start && (endOrSpace || next[0] == byte(r)) {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1. " or "1) " at the start would begin an ordered list.
			if digits && endOrSpace {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
		switch {
		case r == ' ' && start:
		case r >= '0' && r <= '9' && (start || digits):
			start, digits = false, true
		default:
			start, digits = false, false
		}
	}
	return b.String()
}

var entityRE = regexp.MustCompile(`^&#?[0-9A-Za-z]+;`)

// gfm parses author Markdown as the writers read it: one parser for every
// writer, made on first use rather than as the program starts.
var gfm = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
})

// Parse parses author Markdown (CommonMark with GitHub's extensions) as
// every writer reads it. The parser is safe for concurrent use.
func Parse(src []byte) ast.Node {
	return gfm().Parse(text.NewReader(src))
}

// Plain reads author Markdown as plain text, for a table cell: the
// words without the markup, paragraphs run together, list items joined
// with "; ", entities and escapes resolved, white space collapsed.
func Plain[S ~string](md S) string {
	src := []byte(md)
	if !bytes.ContainsAny(src, "\\`*_[]<>&#~|-+0123456789") {
		return strings.Join(strings.Fields(string(md)), " ")
	}
	doc := Parse(src)
	var b []byte
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				v := util.UnescapePunctuations(n.Segment.Value(src))
				v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
				b = append(b, v...)
				if n.SoftLineBreak() || n.HardLineBreak() {
					b = append(b, ' ')
				}
			}
		case *ast.String:
			if entering {
				b = append(b, n.Value...)
			}
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
			if entering {
				b = append(b, nodeSource(n, src)...)
				return ast.WalkSkipChildren, nil
			}
		case *ast.ListItem:
			if !entering && n.NextSibling() != nil {
				// Items that end in their own punctuation or in "and"
				// ("...; and") already read on; others get a semicolon.
				b = bytes.TrimRight(b, " ")
				if len(b) > 0 && !bytes.ContainsAny(b[len(b)-1:], ";,.:") && !bytes.HasSuffix(b, []byte(" and")) && !bytes.HasSuffix(b, []byte(" or")) {
					b = append(b, ';')
				}
				b = append(b, ' ')
			}
		default:
			if !entering && n.Type() == ast.TypeBlock {
				b = append(b, ' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(string(b)), " ")
}

// Block is a top-level paragraph of author Markdown, as plain text, or
// (Items set) a bulleted list, its items as plain text.
type Block struct {
	Text  string
	Items []string
}

// Blocks reads author Markdown as its top-level paragraphs and bulleted
// lists, each as plain text (see Plain), for a table cell that prints them
// apart. Other blocks (an ordered list, a quote) are read as paragraphs.
func Blocks[S ~string](md S) []Block {
	src := []byte(md)
	root := Parse(src)
	var out []Block
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if l, ok := n.(*ast.List); ok && !l.IsOrdered() {
			var b Block
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				b.Items = append(b.Items, Plain(blockSource(it, src)))
			}
			out = append(out, b)
			continue
		}
		if t := Plain(blockSource(n, src)); t != "" {
			out = append(out, Block{Text: t})
		}
	}
	return out
}

// blockSource is the source of a block node: from the line of the first
// of its lines, or its children's, to the end of the last.
func blockSource(n ast.Node, src []byte) string {
	start, stop := -1, -1
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		if n.Type() == ast.TypeBlock {
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				if start < 0 || seg.Start < start {
					start = seg.Start
				}
				stop = max(stop, seg.Stop)
			}
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
	}
	walk(n)
	if start < 0 {
		return ""
	}
	// From the start of its line: an ordered list's first marker ("1. ")
	// is before its first paragraph's text.
	start = bytes.LastIndexByte(src[:start], '\n') + 1
	return string(src[start:stop])
}

// nodeSource is the source text of an inline node (code span, autolink,
// raw HTML), as written.
func nodeSource(n ast.Node, src []byte) []byte {
	switch n := n.(type) {
	case *ast.AutoLink:
		return n.URL(src)
	case *ast.RawHTML:
		var out []byte
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			out = append(out, seg.Value(src)...)
		}
		return out
	}
	var out []byte
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			out = append(out, t.Segment.Value(src)...)
		}
	}
	return out
}
