package markup

import "github.com/mpsplan/mpsplan/render/doc"

// The views are what templates see: the Document with what every writer
// needs worked out once (anchors, heading levels, the contents), so
// templates only lay out.

// docView is the top template's data. Document fields are promoted.
type docView struct {
	*doc.Document
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
	*doc.Section
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
	// Sep marks a list that follows a list of the same kind, which
	// Markdown would otherwise read as one list.
	Sep   bool
	Text  *doc.Text
	List  *doc.List
	Table *doc.Table
	Chart *doc.Chart
}

func newDocView(d *doc.Document, anchor func(*doc.Section) string) *docView {
	v := &docView{Document: d}
	var sections func(ss []*doc.Section, heading int) []*sectionView
	sections = func(ss []*doc.Section, heading int) []*sectionView {
		var out []*sectionView
		for _, s := range ss {
			if s == nil {
				continue
			}
			sv := &sectionView{Section: s, Anchor: anchor(s), Heading: min(heading, 6)}
			for _, b := range s.Blocks {
				bv := &blockView{Depth: sv.Heading}
				switch b := b.(type) {
				case *doc.Text:
					bv.Kind, bv.Text = "text", b
				case *doc.List:
					bv.Kind, bv.List = "list", b
				case *doc.Table:
					bv.Kind, bv.Table = "table", underHeading(b, s.Title)
				case *doc.Chart:
					bv.Kind, bv.Chart = "chart", chartUnderHeading(b, s.Title)
				}
				if bv.Kind != "" {
					if n := len(sv.Blocks); n > 0 && bv.List != nil && sv.Blocks[n-1].List != nil {
						bv.Sep = sv.Blocks[n-1].List.Ordered == bv.List.Ordered
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

// underHeading returns t, or a copy of it with its caption hidden (for
// screen readers only) where the caption repeats heading.
func underHeading(t *doc.Table, heading string) *doc.Table {
	if t == nil || t.CaptionHidden || !doc.RepeatsHeading(t.Caption, heading) {
		return t
	}
	c := *t
	c.CaptionHidden = true
	return &c
}

// chartUnderHeading returns c, or a copy of it with its title and its data
// table's caption hidden where they repeat heading: the heading is the
// figure's one visible caption.
func chartUnderHeading(c *doc.Chart, heading string) *doc.Chart {
	if c == nil || !doc.RepeatsHeading(c.Title, heading) {
		return c
	}
	cc := *c
	cc.TitleHidden = true
	cc.Data = underHeading(c.Data, heading)
	return &cc
}
