package markup

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
	"github.com/yuin/goldmark/ast"
)

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
	// Parsed as the HTML writer renders it, to find raw HTML and headings.
	doc := mdtext.Parse(source)
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
func githubSlugs(d *doc.Document) map[*doc.Section]string {
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
	out := map[*doc.Section]string{}
	d.Walk(func(s *doc.Section) { out[s] = slug(s.Title) })
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
func (t *Templates) WriteMarkdown(w io.Writer, d *doc.Document) error {
	slugs := githubSlugs(d)
	v := newDocView(d, func(s *doc.Section) string { return slugs[s] }, false)
	v.Theme = newThemeView(t.Theme(), d, false)
	return t.execMarkdown(w, v)
}
