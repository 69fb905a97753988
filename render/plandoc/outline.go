package plandoc

import (
	"fmt"
	"slices"

	"github.com/mpsplan/mpsplan/internal/suggest"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// arrange lays the document's top-level sections out as the plan's
// outline says (see plan.OutlineEntry): every section of the tree, built
// or written, can be placed at any level, and a table or chart with an ID
// can be placed in a section, after its text. It returns every problem of
// the outline, positioned: a part that does not exist (with the closest
// that does), one placed twice, one left out.
func arrange(top []*doc.Section, outline []plan.OutlineEntry) ([]*doc.Section, plan.Diagnostics) {
	a := &arranger{secs: map[string]*doc.Section{}, blocks: map[string]doc.Block{}, placed: map[string]bool{}, parent: map[string]string{}}
	var index func(ss []*doc.Section, parent string)
	index = func(ss []*doc.Section, parent string) {
		for _, s := range ss {
			a.secs[s.ID] = s
			a.order = append(a.order, s.ID)
			a.parent[s.ID] = parent
			for _, bl := range s.Blocks {
				if id := blockID(bl); id != "" {
					a.blocks[id] = bl
					a.parent[id] = s.ID
				}
			}
			index(s.Sections, s.ID)
		}
	}
	index(top, "")
	var named func(es []plan.OutlineEntry)
	named = func(es []plan.OutlineEntry) {
		for _, e := range es {
			a.named[e.Part] = true
			named(e.Parts)
		}
	}
	a.named = map[string]bool{}
	named(outline)
	// Sections and blocks move: what an entry places is taken from where
	// it was built, so nothing prints twice.
	var out []*doc.Section
	for i := range outline {
		if outline[i].Headless {
			a.problem(outline[i].At, "part %q is at the top of the outline, where it needs its heading; place it inside the section that introduces it ({part: SECTION, parts: [{part: %s, heading: false}]})", outline[i].Part, outline[i].Part)
		}
		if s := a.take(&outline[i]); s != nil {
			out = append(out, s)
		}
	}
	// What the outline does not place stays inside a part it placed
	// without listing what it holds; anything else is left out, an error.
	var kept func(ss []*doc.Section)
	kept = func(ss []*doc.Section) {
		for _, s := range ss {
			a.placed[s.ID] = true
			kept(s.Sections)
		}
	}
	kept(out)
	for _, id := range a.order {
		if !a.placed[id] && a.parent[id] == "" && !a.emptied(a.secs[id]) {
			a.problem(outline[0].At, "the outline leaves out part %q (%s); place it in the outline", id, a.secs[id].Title)
		}
	}
	for _, id := range a.listedOut {
		if !a.placed[id] {
			a.problem(a.listedAt[id], "the outline leaves out part %q (%s) of %q, which lists what it holds; place it", id, a.secs[id].Title, a.parent[id])
		}
	}
	relevel(out, 1)
	a.diags.Sort()
	return out, a.diags
}

type arranger struct {
	secs      map[string]*doc.Section
	blocks    map[string]doc.Block
	parent    map[string]string // the section an ID was built in; "" at the top
	order     []string
	placed    map[string]bool
	named     map[string]bool // every ID the outline names, at any level
	listedOut []string        // children left out by an entry that lists its parts
	listedAt  map[string]plan.Pos
	diags     plan.Diagnostics
}

func (a *arranger) problem(at plan.Pos, format string, args ...any) {
	a.diags = append(a.diags, plan.Diagnostic{Pos: at, Severity: plan.Error, Rule: "outline", Message: fmt.Sprintf(format, args...)})
}

// names lists every ID an entry may name, for "did you mean".
func (a *arranger) names() []string {
	out := slices.Clone(a.order)
	for id := range a.blocks {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func (a *arranger) unknown(e *plan.OutlineEntry) {
	hint := ""
	if s := suggest.Closest(e.Part, a.names()); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	a.diags = append(a.diags, plan.Diagnostic{Pos: e.At, Severity: plan.Error, Rule: "outline",
		Message: fmt.Sprintf("the outline names part %q, which the document does not have", e.Part), Hint: hint})
}

// builtPart reports whether id names a part the builder lays out.
func builtPart(id string) bool {
	return slices.ContainsFunc(parts, func(p part) bool { return p.id == id })
}

// namesPresent reports whether any of entries, at any depth, names a part
// the document has: a part left out may not take them with it.
func (a *arranger) namesPresent(entries []plan.OutlineEntry) bool {
	for _, e := range entries {
		if a.secs[e.Part] != nil || a.blocks[e.Part] != nil || a.namesPresent(e.Parts) {
			return true
		}
	}
	return false
}

// take places the section of entry e, arranged as e says.
func (a *arranger) take(e *plan.OutlineEntry) *doc.Section {
	s := a.secs[e.Part]
	if s == nil {
		if builtPart(e.Part) && !a.namesPresent(e.Parts) {
			// A part the builder makes, which this plan has nothing for
			// (key activities in a plan rolled forward past its old
			// ones): left out, as it is without an outline, so the
			// outline keeps its place for when the plan has some.
			return nil
		}
		if a.blocks[e.Part] != nil {
			a.problem(e.At, "%q is a table or chart: place it inside a section ({part: SECTION, parts: [%s]})", e.Part, e.Part)
		} else {
			a.unknown(e)
		}
		return nil
	}
	if a.placed[e.Part] {
		a.problem(e.At, "the outline places part %q twice", e.Part)
		return nil
	}
	a.placed[e.Part] = true
	if len(e.Parts) == 0 {
		// Held as built, less what the outline moves elsewhere.
		s.Sections = slices.DeleteFunc(s.Sections, func(c *doc.Section) bool { return a.named[c.ID] })
		s.Blocks = slices.DeleteFunc(s.Blocks, func(bl doc.Block) bool { return a.named[blockID(bl)] })
		return s
	}
	children := s.Sections
	s.Sections = nil
	for i := range e.Parts {
		c := &e.Parts[i]
		if bl := a.blocks[c.Part]; bl != nil {
			if a.placed[c.Part] {
				a.problem(c.At, "the outline places %q twice", c.Part)
				continue
			}
			a.placed[c.Part] = true
			a.moveBlock(c.Part, bl, s)
			continue
		}
		cs := a.take(c)
		switch {
		case cs == nil:
		case c.Headless && len(s.Sections) > 0:
			a.problem(c.At, "part %q, placed without its heading, would print under %q, not after the text of %q; list it before the parts with headings", c.Part, s.Sections[len(s.Sections)-1].Title, s.Title)
		case c.Headless:
			// Its contents follow the text of s: blocks after s's own,
			// subsections first among s's.
			s.Blocks = append(s.Blocks, cs.Blocks...)
			s.Sections = append(s.Sections, cs.Sections...)
		default:
			s.Sections = append(s.Sections, cs)
		}
	}
	if a.listedAt == nil {
		a.listedAt = map[string]plan.Pos{}
	}
	for _, c := range children {
		if !slices.ContainsFunc(e.Parts, func(x plan.OutlineEntry) bool { return x.Part == c.ID }) {
			a.listedOut = append(a.listedOut, c.ID)
			a.listedAt[c.ID] = e.At
		}
	}
	return s
}

// emptied reports whether the outline has placed all that a section held
// elsewhere, leaving only its heading (2007-10's objectives, each placed
// under its priority in Appendix 1): such a part need not be placed, and
// is left out rather than printed as an empty heading.
func (a *arranger) emptied(s *doc.Section) bool {
	if len(s.Blocks) > 0 || len(s.Sections) == 0 {
		return false
	}
	for _, c := range s.Sections {
		if !a.placed[c.ID] {
			return false
		}
	}
	return true
}

// moveBlock takes a table or chart from the section it was built in and
// puts it after the text of s.
func (a *arranger) moveBlock(id string, bl doc.Block, s *doc.Section) {
	if from := a.secs[a.parent[id]]; from != nil {
		from.Blocks = slices.DeleteFunc(from.Blocks, func(x doc.Block) bool { return x == bl })
	}
	s.Blocks = append(s.Blocks, bl)
}

func blockID(bl doc.Block) string {
	switch bl := bl.(type) {
	case *doc.Table:
		return bl.ID
	case *doc.Chart:
		return bl.ID
	}
	return ""
}

// relevel sets each section's level from where the outline put it.
func relevel(ss []*doc.Section, level int) {
	for _, s := range ss {
		s.Level = level
		relevel(s.Sections, level+1)
	}
}
