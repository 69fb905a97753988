package diff

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"io"

	"github.com/mpsplan/mpsplan/plan"
)

// JSONVersion is the version of the JSON form of a diff. It changes when
// a field is removed or changes meaning; fields may be added within a
// version.
const JSONVersion = 2

//go:embed diff.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of what WriteJSON writes.
func Schema() []byte { return bytes.Clone(schema) }

// The JSON form is its own set of types, so that what tools read is fixed
// here and not by the report's Go field names.
type (
	jsonDoc struct {
		Version int          `json:"version"`
		Diffs   []jsonReport `json:"diffs"`
	}
	jsonReport struct {
		Old      Side          `json:"old"`
		New      Side          `json:"new"`
		Plan     string        `json:"plan,omitempty"`
		Summary  jsonSummary   `json:"summary"`
		Sections []jsonSection `json:"sections"`
	}
	jsonSummary struct {
		TargetsChanged int         `json:"targets_changed"`
		MoneyChanged   int         `json:"money_changed"`
		MoneyNet       *jsonAmount `json:"money_net"`
		Added          int         `json:"added"`
		Removed        int         `json:"removed"`
		Changed        int         `json:"changed"`
		Renamed        int         `json:"renamed"`
		Moved          int         `json:"moved"`
		ReIdentified   int         `json:"reidentified"`
		Reordered      int         `json:"reordered"`
		Reworded       int         `json:"reworded"`
		Statuses       int         `json:"statuses_changed"`
	}
	jsonSection struct {
		Name      string           `json:"name"`
		Title     string           `json:"title"`
		Fields    []jsonField      `json:"fields"`
		Items     []jsonItem       `json:"items"`
		Reordered []jsonReordering `json:"reordered"`
	}
	jsonItem struct {
		Kind         string       `json:"kind"`
		ID           string       `json:"id"`
		Path         []string     `json:"path"`
		Title        string       `json:"title,omitempty"`
		Change       string       `json:"change"`
		Renamed      bool         `json:"renamed"`
		Moved        bool         `json:"moved"`
		ReIdentified *jsonReIdent `json:"reidentified,omitempty"`
		OldAt        string       `json:"old_at,omitempty"`
		NewAt        string       `json:"new_at,omitempty"`
		Fields       []jsonField  `json:"fields"`
	}
	jsonReIdent struct {
		OldID   string `json:"old_id"`
		Warning string `json:"warning"`
	}
	jsonReordering struct {
		Kind string   `json:"kind"`
		Path []string `json:"path"`
		IDs  []string `json:"ids"`
	}
	jsonField struct {
		Path   []string    `json:"path"`
		Year   string      `json:"year,omitempty"`
		Period string      `json:"period,omitempty"`
		Part   string      `json:"part,omitempty"`
		Label  string      `json:"label"`
		Change string      `json:"change"`
		Old    *jsonValue  `json:"old,omitempty"`
		New    *jsonValue  `json:"new,omitempty"`
		Delta  *jsonAmount `json:"delta,omitempty"`
		Words  []Span      `json:"words,omitempty"`
		Gained []string    `json:"gained,omitempty"`
		Lost   []string    `json:"lost,omitempty"`
	}
	// jsonValue is a value as printed and, for a figure, its exact number
	// and unit (money in pounds); value and unit are null for text.
	jsonValue struct {
		Text  string  `json:"text"`
		Value *string `json:"value"`
		Unit  *string `json:"unit"`
	}
	// jsonAmount is an exact difference: value a decimal string, unit
	// money (pounds), points (between percentages), percent or number.
	jsonAmount struct {
		Text  string `json:"text"`
		Value string `json:"value"`
		Unit  string `json:"unit"`
	}
)

// WriteJSON writes the reports as one JSON document for tools: a version
// and one entry a pair of plans compared. Its JSON Schema is Schema();
// the README describes the fields. The bytes are deterministic.
func WriteJSON(w io.Writer, rs ...*Report) error {
	doc := jsonDoc{Version: JSONVersion, Diffs: []jsonReport{}}
	for _, r := range rs {
		doc.Diffs = append(doc.Diffs, toJSON(r))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep → and £ and < readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

func toJSON(r *Report) jsonReport {
	sum := r.Summary()
	out := jsonReport{Old: r.Old, New: r.New, Plan: r.Plan, Sections: []jsonSection{}, Summary: jsonSummary{
		TargetsChanged: sum.TargetsChanged, MoneyChanged: sum.MoneyChanged,
		Added: sum.Added, Removed: sum.Removed, Changed: sum.Changed, Renamed: sum.Renamed, Moved: sum.Moved,
		ReIdentified: sum.ReIdentified, Reordered: sum.Reordered, Reworded: sum.Reworded, Statuses: sum.StatusesChanged,
	}}
	if sum.MoneyChanged > 0 {
		out.Summary.MoneyNet = amount(sum.MoneyNet, signed(sum.MoneyNet))
	}
	for _, s := range r.Sections {
		js := jsonSection{Name: s.Name, Title: s.Title, Fields: jsonFields(s.Fields), Items: []jsonItem{}, Reordered: []jsonReordering{}}
		for _, it := range s.Items {
			ji := jsonItem{Kind: it.Kind, ID: it.ID, Path: nonNil(it.Path), Title: it.Title, Change: it.Change,
				Renamed: it.Renamed, Moved: it.Moved, OldAt: it.OldAt, NewAt: it.NewAt, Fields: jsonFields(it.Fields)}
			if it.ReIdentified {
				ji.ReIdentified = &jsonReIdent{OldID: it.OldID, Warning: it.Warning}
			}
			js.Items = append(js.Items, ji)
		}
		for _, ro := range s.Reordered {
			js.Reordered = append(js.Reordered, jsonReordering{Kind: ro.Kind, Path: nonNil(ro.Path), IDs: nonNil(ro.IDs)})
		}
		out.Sections = append(out.Sections, js)
	}
	return out
}

func jsonFields(fs []Field) []jsonField {
	out := []jsonField{}
	for _, f := range fs {
		jf := jsonField{Path: nonNil(f.Path), Year: f.Year, Period: f.Period, Part: f.Part, Label: f.Name, Change: f.Change,
			Words: f.Words, Gained: f.Gained, Lost: f.Lost,
			Old: value(f.Old, f.oldQ, f.Change != Added), New: value(f.New, f.newQ, f.Change != Removed)}
		if f.deltaQ != nil {
			jf.Delta = amount(*f.deltaQ, f.Delta)
		}
		out = append(out, jf)
	}
	return out
}

func value(text string, q *plan.Quantity, present bool) *jsonValue {
	if !present {
		return nil
	}
	v := &jsonValue{Text: text}
	if q != nil {
		s, u := q.Value.String(), string(q.Unit)
		v.Value, v.Unit = &s, &u
	}
	return v
}

func amount(q plan.Quantity, text string) *jsonAmount {
	return &jsonAmount{Text: text, Value: q.Value.String(), Unit: string(q.Unit)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
