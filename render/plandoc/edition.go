package plandoc

import (
	"reflect"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

// SectionEdition is the ID of the maintainers' appendix.
const SectionEdition = "about-this-edition"

// aboutEdition is the appendix "About this edition": what the plan keeps
// for its maintainers and never prints in the published document (the
// source and its note, the encoder's notes, the source's inconsistencies
// acknowledged and why, other wordings of items). It is built only when
// asked for (Options.Edition or the plan's edition_notes).
func (b *builder) aboutEdition() *doc.Section {
	p := b.p
	s := b.section(SectionEdition, "About this edition", 1)
	s.Appendix = true
	s.Blocks = append(s.Blocks, &doc.Text{Markdown: "This appendix is for the maintainers of this edition: " +
		"it records how the published document was encoded. It is not part of the published text."})
	var src []string
	if p.Source.Title != "" {
		src = append(src, "Source: "+mdtext.Escape(p.Source.Title))
	}
	if p.Source.Document != "" {
		src = append(src, "Source file: "+mdtext.Escape(p.Source.Document))
	}
	if p.Source.Note != "" {
		src = append(src, "Source note: "+mdtext.Escape(strings.Join(strings.Fields(p.Source.Note), " ")))
	}
	if len(src) > 0 {
		s.Blocks = append(s.Blocks, &doc.Text{Markdown: "- " + strings.Join(src, "\n- ")})
	}
	notes, acks, words := &doc.Table{ID: b.uid("encoder-notes"), Caption: "Encoder's notes", Head: []string{"Where", "Note"}, RowHeaders: true},
		&doc.Table{ID: b.uid("acknowledged"), Caption: "Inconsistencies of the source, acknowledged", Head: []string{"Where", "Rule", "Reason"}, RowHeaders: true},
		&doc.Table{ID: b.uid("wordings"), Caption: "Other wordings the source uses", Head: []string{"Item", "Wording"}, RowHeaders: true}
	pv := reflect.ValueOf(p).Elem()
	visit := func(where string, f reflect.StructField, v reflect.Value) {
		switch {
		case f.Name == "EncoderNote" && v.String() != "":
			notes.Rows = append(notes.Rows, doc.Row{Cells: []string{where, mdtext.Plain(v.String())}})
		case f.Type == reflect.TypeFor[plan.Acknowledge]():
			for _, a := range v.Interface().(plan.Acknowledge) {
				acks.Rows = append(acks.Rows, doc.Row{Cells: []string{where, string(a.Rule), strings.Join(strings.Fields(a.Reason), " ")}})
			}
		case f.Name == "Wordings":
			for _, w := range v.Interface().([]string) {
				words.Rows = append(words.Rows, doc.Row{Cells: []string{where, w}})
			}
		}
	}
	// The plan's own fields, so each item is named by itself, not after
	// the plan's title.
	for i := range pv.NumField() {
		if f := pv.Type().Field(i); f.IsExported() && f.Name != "Source" {
			collect(pv.Field(i), "", visit)
		}
	}
	for _, t := range []*doc.Table{notes, acks, words} {
		if len(t.Rows) > 0 {
			s.Blocks = append(s.Blocks, t)
		}
	}
	return s
}

// collect calls fn for every field of every struct under v, with where
// naming the item it belongs to ("Measure: Reduction in ..., target 2007/08").
func collect(v reflect.Value, where string, fn func(where string, f reflect.StructField, v reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			collect(v.Elem(), where, fn)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Struct || v.Type().Elem().Kind() == reflect.Pointer {
			for i := range v.Len() {
				collect(v.Index(i), where, fn)
			}
		}
	case reflect.Struct:
		here := where
		if label := itemLabel(v); label != "" {
			if here != "" {
				here += ", "
			}
			here += label
		}
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Name == "At" {
				continue
			}
			fn(here, f, v.Field(i))
			if f.Type != reflect.TypeFor[plan.Acknowledge]() {
				collect(v.Field(i), here, fn)
			}
		}
	}
}

// itemLabel names a plan item by its title, else its label or ID, and a
// target or figure by its year.
func itemLabel(v reflect.Value) string {
	for _, name := range []string{"Title", "Label", "ID"} {
		if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
			return f.String()
		}
	}
	if f := v.FieldByName("Year"); f.IsValid() && f.Type() == reflect.TypeFor[plan.Year]() && f.Int() != 0 {
		return f.Interface().(plan.Year).String()
	}
	return ""
}
