package render

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// EscapeMarkdown makes plain text (a title, a table cell) read as the same
// text by any CommonMark or GFM parser: characters that would start
// emphasis, links, code, raw HTML, entities, table cells, strikethrough or
// (at the start) a heading, list or quote are backslash-escaped, and line
// breaks become spaces so a value cannot end its table row or paragraph.
func EscapeMarkdown(s string) string {
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

// gfm parses author Markdown the way the HTML writer renders it, so the
// Markdown writer can find raw HTML and headings in it.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// authorMarkdown prepares a plan author's Markdown for a Markdown document
// whose enclosing heading has level depth: raw HTML is escaped so that it
// reads as text (as in the HTML output, where a <script> in a plan shows as
// text), and ATX headings move below the enclosing heading so the document
// keeps one title and a clean hierarchy.
func authorMarkdown(src string, depth int) string {
	if !strings.ContainsAny(src, "<#") {
		// Neither raw HTML nor an ATX heading: nothing to change, and most
		// plan text takes this way, unparsed.
		return strings.TrimRight(src, "\n")
	}
	source := []byte(src)
	doc := gfm.Parser().Parse(text.NewReader(source))
	type edit struct {
		at  int
		del int // bytes to drop at at, before inserting
		ins string
	}
	var edits []edit
	var headings []*ast.Heading
	escapeLT := func(start, stop int) {
		for i := start; i < stop && i < len(source); i++ {
			if source[i] == '<' && (i == 0 || source[i-1] != '\\') {
				edits = append(edits, edit{at: i, ins: `\`})
			}
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				escapeLT(seg.Start, seg.Stop)
			}
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				escapeLT(seg.Start, seg.Stop)
			}
			if n.HasClosure() {
				escapeLT(n.ClosureLine.Start, n.ClosureLine.Stop)
			}
		case *ast.Heading:
			headings = append(headings, n)
		}
		return ast.WalkContinue, nil
	})
	if shift := headingShift(headings, depth); shift != 0 {
		for _, h := range headings {
			if h.Lines().Len() == 0 {
				continue
			}
			// Find the run of '#' that opens the ATX heading line (a
			// setext heading has none and is left as written).
			start := h.Lines().At(0).Start
			ls := bytes.LastIndexByte(source[:start], '\n') + 1
			if i := bytes.IndexByte(source[ls:start], '#'); i >= 0 {
				switch extra := min(max(h.Level+shift, 1), 6) - h.Level; {
				case extra > 0:
					edits = append(edits, edit{at: ls + i, ins: strings.Repeat("#", extra)})
				case extra < 0:
					edits = append(edits, edit{at: ls + i, del: -extra})
				}
			}
		}
	}
	if len(edits) == 0 {
		return strings.TrimRight(src, "\n")
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return a.at - b.at })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.at < last {
			continue
		}
		b.Write(source[last:e.at])
		b.WriteString(e.ins)
		last = e.at + e.del
	}
	b.Write(source[last:])
	return strings.TrimRight(b.String(), "\n")
}

// headingShift is how far author headings move (up or down) so that the
// highest of them sits one level below the enclosing heading of level
// depth; 0 for a depth of 0 (no enclosing heading).
func headingShift(hs []*ast.Heading, depth int) int {
	if depth <= 0 || len(hs) == 0 {
		return 0
	}
	top := 6
	for _, h := range hs {
		top = min(top, h.Level)
	}
	return depth + 1 - top
}

// MarkdownText reads author Markdown as plain text, for a table cell: the
// words without the markup, paragraphs run together, list items joined
// with "; ", entities and escapes resolved, white space collapsed.
func MarkdownText[S ~string](md S) string {
	src := []byte(md)
	if !bytes.ContainsAny(src, "\\`*_[]<>&#~|-+0123456789") {
		return strings.Join(strings.Fields(string(md)), " ")
	}
	doc := gfm.Parser().Parse(text.NewReader(src))
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

// indent indents every line but the first by n spaces, so a Markdown
// detail continues the list item it follows.
func indent(n int, s string) string {
	pad := strings.Repeat(" ", n)
	lines := strings.Split(s, "\n")
	for i := range lines {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// githubSlugs gives every section the anchor GitHub (and pandoc's gfm
// reader) derive from its heading text, so the Markdown contents list
// links work where the file is read. The title is counted first, as the
// first heading.
func githubSlugs(d *Document) map[*Section]string {
	seen := map[string]int{}
	slug := func(title string) string {
		var b strings.Builder
		b.Grow(len(title))
		for _, r := range strings.ToLower(title) {
			switch {
			case r < utf8.RuneSelf:
				// ASCII, nearly every title: letters, digits, "-" and "_" stay.
				if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
					b.WriteRune(r)
				} else if r == ' ' {
					b.WriteByte('-')
				}
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Pc, r):
				b.WriteRune(r)
			}
		}
		s := b.String()
		n := seen[s]
		seen[s] = n + 1
		if n > 0 {
			s += "-" + itoa(n)
		}
		return s
	}
	slug(d.Title)
	if len(d.Sections) > 0 {
		slug("Contents") // the heading of the contents list
	}
	out := map[*Section]string{}
	d.Walk(func(s *Section) { out[s] = slug(s.Title) })
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// WriteMarkdown prints d as GitHub-flavoured Markdown. On error w may hold
// part of the document: write to a buffer, as mpsplan build does, and
// keep it only on success.
func (t *Templates) WriteMarkdown(w io.Writer, d *Document) error {
	slugs := githubSlugs(d)
	return t.execMarkdown(w, newDocView(d, func(s *Section) string { return slugs[s] }))
}
