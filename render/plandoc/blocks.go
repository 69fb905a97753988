package plandoc

import (
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

func mdBlocks(md plan.Markdown) []doc.Block {
	if strings.TrimSpace(string(md)) == "" {
		return nil
	}
	return []doc.Block{&doc.Text{Markdown: strings.TrimRight(string(md), "\n")}}
}

// cellParts is Markdown for a table cell that holds a list ("These
// include:" and the issues it lists): its paragraphs and lists, so that
// the list prints as one; nil for text without a list, which a cell
// prints as one paragraph.
func cellParts(md plan.Markdown) []doc.CellPart {
	bs := mdtext.Blocks(md)
	if !slices.ContainsFunc(bs, func(b mdtext.Block) bool { return len(b.Items) > 0 }) {
		return nil
	}
	out := make([]doc.CellPart, len(bs))
	for i, b := range bs {
		out[i] = doc.CellPart{Text: b.Text, Items: b.Items}
	}
	return out
}

// itemList lists a plan's items; id names the list for placement markers.
func itemList(id string, items []plan.Item) *doc.List {
	l := &doc.List{ID: id}
	for _, it := range items {
		l.Items = append(l.Items, doc.ListItem{Text: it.Title, Detail: strings.TrimRight(string(it.Description), "\n")})
	}
	return l
}

// refTitles names the referenced items, in the order written; a dangling
// reference (in a plan that did not validate) is left out.
func refTitles(refs []plan.Ref, title map[string]string) []string {
	var out []string
	for _, r := range refs {
		if t := title[r.ID]; t != "" {
			out = append(out, t)
		}
	}
	return out
}

func hasRef(refs []plan.Ref, id string) bool {
	return slices.ContainsFunc(refs, func(r plan.Ref) bool { return r.ID == id })
}

// facts prints labelled lines ("Contributes to: ...") as a Markdown list.
func facts(pairs ...[2]string) []doc.Block {
	var lines []string
	for _, kv := range pairs {
		if kv[1] != "" {
			lines = append(lines, "- "+kv[0]+": "+kv[1])
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return []doc.Block{&doc.Text{Markdown: strings.Join(lines, "\n")}}
}

func escapeJoin(ss []string) string {
	e := make([]string, len(ss))
	for i, s := range ss {
		e[i] = mdtext.Escape(s)
	}
	return strings.Join(e, "; ")
}
