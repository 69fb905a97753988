package plandoc

import (
	"fmt"
	"slices"

	"github.com/mpsplan/mpsplan/internal/suggest"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// place puts each table, chart or list a placement marker names
// ({{place: ID}} on a line of its own in the plan's text, see
// plan.Placement) where the marker stands: the text is cut there and the
// part moved from where it was built, without the blocks that lead into it
// only there (leads: a group label above its list). A built section left
// empty by the move (a table's own heading, a part whose every list was
// placed) goes. It returns every problem, at the marker: a part the
// document does not have (with the closest that does), one placed twice,
// one the outline places too, and a marker in text the document does not
// print as paragraphs (a table cell).
func place(top []*doc.Section, placements []plan.Placement, outline []plan.OutlineEntry, leads map[doc.Block]string) ([]*doc.Section, plan.Diagnostics) {
	pl := &placer{home: map[string]*doc.Section{}, blocks: map[string]doc.Block{}, done: map[string]bool{}}
	walkSections(top, func(s *doc.Section) {
		for _, bl := range s.Blocks {
			if id := placeableID(bl); id != "" {
				pl.blocks[id], pl.home[id] = bl, s
			}
		}
	})
	pl.check(placements, outline)
	if len(pl.diags) > 0 {
		pl.diags.Sort()
		return top, pl.diags
	}
	placed := map[string]bool{}
	for _, p := range placements {
		placed[p.Part] = true
	}
	homes := map[*doc.Section]bool{}
	moved := map[doc.Block]bool{}
	walkSections(top, func(s *doc.Section) {
		var out []doc.Block
		for _, bl := range s.Blocks {
			t, ok := bl.(*doc.Text)
			if !ok {
				// A part a marker earlier in this section placed already.
				if !moved[bl] {
					out = append(out, bl)
				}
				continue
			}
			if id, ok := leads[bl]; ok && placed[id] {
				homes[s] = true
				continue
			}
			for _, pc := range plan.SplitPlacements(t.Markdown) {
				if pc.Part == "" {
					out = append(out, &doc.Text{Markdown: pc.Markdown})
					continue
				}
				part := pl.blocks[pc.Part]
				if from := pl.home[pc.Part]; from != s {
					from.Blocks = slices.DeleteFunc(from.Blocks, func(x doc.Block) bool { return x == part })
					homes[from] = true
				} else {
					// Built before the text in this section: out holds it.
					out = slices.DeleteFunc(out, func(x doc.Block) bool { return x == part })
				}
				moved[part], pl.done[pc.Part] = true, true
				out = append(out, part)
			}
		}
		s.Blocks = out
	})
	emptied := map[*doc.Section]bool{}
	for s := range homes {
		emptied[s] = len(s.Blocks) == 0 && len(s.Sections) == 0
	}
	top = dropEmptied(top, emptied)
	for _, p := range placements {
		if !pl.done[p.Part] {
			pl.problem(p.At, "the placement marker for %q stands in text printed as one value (a table cell, a note), not as paragraphs; move it to a section's body or a summary", p.Part)
		}
	}
	pl.diags.Sort()
	return top, pl.diags
}

type placer struct {
	blocks map[string]doc.Block
	home   map[string]*doc.Section // the section each part is in now
	done   map[string]bool
	diags  plan.Diagnostics
}

func (pl *placer) problem(at plan.Pos, format string, args ...any) {
	pl.diags = append(pl.diags, plan.Diagnostic{Pos: at, Severity: plan.Error, Rule: "placement", Message: fmt.Sprintf(format, args...)})
}

// check reports markers that cannot be placed, before anything moves.
func (pl *placer) check(placements []plan.Placement, outline []plan.OutlineEntry) {
	byOutline := map[string]plan.Pos{}
	var walk func([]plan.OutlineEntry)
	walk = func(es []plan.OutlineEntry) {
		for _, e := range es {
			byOutline[e.Part] = e.At
			walk(e.Parts)
		}
	}
	walk(outline)
	var ids []string
	for id := range pl.blocks {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	first := map[string]plan.Pos{}
	for _, p := range placements {
		if pl.blocks[p.Part] == nil {
			d := plan.Diagnostic{Pos: p.At, Severity: plan.Error, Rule: "placement",
				Message: fmt.Sprintf("the placement marker names %q, which is no table, chart or list of the document", p.Part)}
			if s := suggest.Closest(p.Part, ids); s != "" {
				d.Hint = fmt.Sprintf("did you mean %q?", s)
			} else {
				d.Hint = "name a table or chart by its ID (the id of its element in the HTML), or a list: SECTION-items for a section's items, enablers-list, commitments-list, activities-YEAR-OBJECTIVE for key activities"
			}
			pl.diags = append(pl.diags, d)
			continue
		}
		if at, ok := first[p.Part]; ok {
			pl.problem(p.At, "%q is placed twice: a marker at %s places it already; keep one", p.Part, at)
			continue
		}
		first[p.Part] = p.At
		if at, ok := byOutline[p.Part]; ok {
			pl.problem(p.At, "%q is placed twice: the outline places it too (%s); keep one", p.Part, at)
		}
	}
}

// placeableID is the ID a marker names a block by; "" for a block that
// cannot be placed (text, an unnamed list).
func placeableID(bl doc.Block) string {
	if l, ok := bl.(*doc.List); ok {
		return l.ID
	}
	return blockID(bl)
}

func walkSections(ss []*doc.Section, fn func(*doc.Section)) {
	for _, s := range ss {
		fn(s)
		walkSections(s.Sections, fn)
	}
}

// dropEmptied removes the sections a move left with nothing in them, and
// then those whose every subsection went so: a heading over nothing ("Key
// activities" once each of its lists stands under its objective) is not
// printed.
func dropEmptied(ss []*doc.Section, emptied map[*doc.Section]bool) []*doc.Section {
	out := ss[:0]
	for _, s := range ss {
		had := len(s.Sections) > 0
		s.Sections = dropEmptied(s.Sections, emptied)
		if (emptied[s] || had && len(s.Sections) == 0) && len(s.Blocks) == 0 && len(s.Sections) == 0 {
			continue
		}
		out = append(out, s)
	}
	return out
}
