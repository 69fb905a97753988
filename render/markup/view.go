package markup

import (
	"strings"
	"time"

	"github.com/mpsplan/mpsplan/render/doc"
)

// The views are what templates see: the Document with what every writer
// needs worked out once (anchors, heading levels, the contents), so
// templates only lay out.

// docView is the top template's data: the Document's fields, then what
// the writers work out. The Document's are copied rather than embedded
// (as are a Section's into sectionView): text/template finds a promoted
// field by a breadth-first search through the embedded structs, on every
// use, which was a tenth of the HTML writer's time. TestViewsMirror keeps
// the copies whole.
type docView struct {
	Kind          string
	ID            string
	Title         string
	Subtitle      string
	Organisations []string
	Meta          []doc.Meta
	Date          string
	Created       time.Time
	Keywords      []string
	Draft         bool
	Links         []doc.Link
	// Contents lists the sections of levels 1 and 2.
	Contents []*contentsEntry
	Sections []*sectionView
	// Theme is the look: colours, fonts, logo, running texts.
	Theme *themeView
}

type contentsEntry struct {
	Title    string
	Anchor   string
	Appendix bool
	Children []*contentsEntry
}

// sectionView is a section with its anchor and heading level: the title is
// level 1, so top-level sections are level 2, and a heading is never more
// than one below its parent whatever the Document's Level says.
type sectionView struct {
	ID       string
	Title    string
	Level    int
	Appendix bool
	Anchor   string
	Heading  int
	Blocks   []*blockView
	Sections []*sectionView
}

// blockView lets a template dispatch on the kind of block: Kind is "text",
// "list", "table" or "chart", and the matching field is set. Depth is the
// heading level of the enclosing section, for author Markdown headings.
type blockView struct {
	Kind  string
	Depth int
	// Sep marks a block that opens with a list of the same kind as the
	// list the block before ends with (a built list, or Markdown text
	// such as the "- Outcomes: ..." facts after a placed list), which
	// Markdown would otherwise read as one list.
	Sep   bool
	Text  *doc.Text
	List  *doc.List
	Table *doc.Table
	Chart *doc.Chart
}

// newDocView makes the view of d, naming each section's anchor with
// anchor. shareWidths sets the columns of tables of a kind alike (kindWidths):
// the HTML writer's, which Markdown, having no column widths, does
// without.
func newDocView(d *doc.Document, anchor func(*doc.Section) string, shareWidths bool) *docView {
	v := &docView{Kind: d.Kind, ID: d.ID, Title: d.Title, Subtitle: d.Subtitle, Organisations: d.Organisations,
		Meta: d.Meta, Date: d.Date, Created: d.Created, Keywords: d.Keywords, Draft: d.Draft, Links: d.Links}
	var widths map[string]columns
	if shareWidths {
		widths = kindWidths(d)
	}
	var sections func(ss []*doc.Section, heading int) []*sectionView
	sections = func(ss []*doc.Section, heading int) []*sectionView {
		var out []*sectionView
		for _, s := range ss {
			if s == nil {
				continue
			}
			sv := &sectionView{ID: s.ID, Title: s.Title, Level: s.Level, Appendix: s.Appendix, Anchor: anchor(s), Heading: min(heading, 6)}
			for _, b := range s.Blocks {
				bv := &blockView{Depth: sv.Heading}
				switch b := b.(type) {
				case *doc.Text:
					bv.Kind, bv.Text = "text", b
				case *doc.List:
					bv.Kind, bv.List = "list", b
				case *doc.Table:
					bv.Kind, bv.Table = "table", tableView(b, s.Title, widths)
				case *doc.Chart:
					bv.Kind, bv.Chart = "chart", chartView(b, s.Title, widths)
				}
				if bv.Kind != "" {
					if n := len(sv.Blocks); n > 0 {
						end := sv.Blocks[n-1].listMarker(true)
						bv.Sep = end != "" && end == bv.listMarker(false)
					}
					sv.Blocks = append(sv.Blocks, bv)
				}
			}
			sv.Sections = sections(s.Sections, heading+1)
			out = append(out, sv)
		}
		return out
	}
	v.Sections = sections(d.Sections, 2)
	for _, s := range v.Sections {
		e := &contentsEntry{Title: s.Title, Anchor: s.Anchor, Appendix: s.Appendix}
		for _, c := range s.Sections {
			e.Children = append(e.Children, &contentsEntry{Title: c.Title, Anchor: c.Anchor, Appendix: c.Appendix})
		}
		v.Contents = append(v.Contents, e)
	}
	return v
}

// listMarker is the marker of the list item the block opens with (last:
// ends with): "-", "*" or "+" for a bullet list, "." or ")" for an
// ordered one; "" when it opens (ends) with anything else. A built list
// prints "-" or "1.".
func (bv *blockView) listMarker(last bool) string {
	switch {
	case bv.List != nil && bv.List.Ordered:
		return "."
	case bv.List != nil:
		return "-"
	case bv.Text == nil:
		return ""
	}
	lines := strings.Split(strings.TrimSpace(bv.Text.Markdown), "\n")
	line := lines[0]
	if last {
		// The last line at the margin: a list item's continuation lines
		// are indented.
		for i := len(lines) - 1; i >= 0; i-- {
			if l := lines[i]; l != "" && l[0] != ' ' && l[0] != '\t' {
				line = l
				break
			}
		}
	}
	return itemMarker(line)
}

// itemMarker is the list marker line opens with, or "".
func itemMarker(line string) string {
	if len(line) >= 2 && strings.ContainsRune("-*+", rune(line[0])) && (line[1] == ' ' || line[1] == '\t') {
		return line[:1]
	}
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	if digits > 0 && digits <= 9 && len(line) > digits+1 && strings.ContainsRune(".)", rune(line[digits])) && (line[digits+1] == ' ' || line[digits+1] == '\t') {
		return line[digits : digits+1]
	}
	return ""
}

// tableView returns t, or a copy of it with its caption hidden (for screen
// readers only) where the caption repeats heading, and the widths its
// kind shares in the document.
func tableView(t *doc.Table, heading string, widths map[string]columns) *doc.Table {
	if t == nil {
		return nil
	}
	hide := !t.CaptionHidden && doc.RepeatsHeading(t.Caption, heading)
	w, shared := widths[t.Kind()]
	if !hide && (!shared || t.Widths != nil) {
		return t
	}
	c := *t
	c.CaptionHidden = c.CaptionHidden || hide
	if c.Widths == nil && shared {
		c.Widths, c.MinWidth = w.shares, w.minEm
	}
	return &c
}

// chartView returns c, or a copy of it with its title hidden where it
// repeats heading (the heading is the figure's one visible caption), and
// its data table as tableView gives it.
func chartView(c *doc.Chart, heading string, widths map[string]columns) *doc.Chart {
	if c == nil {
		return nil
	}
	hide := doc.RepeatsHeading(c.Title, heading)
	under := ""
	if hide {
		under = heading
	}
	data := tableView(c.Data, under, widths)
	if !hide && data == c.Data {
		return c
	}
	cc := *c
	cc.TitleHidden = cc.TitleHidden || hide
	cc.Data = data
	return &cc
}
