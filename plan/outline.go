package plan

import (
	"reflect"

	"go.yaml.in/yaml/v3"
)

// OutlineEntry is one part of a plan's outline: the ID of a part of the
// document (a part the builder lays out, such as budget or performance; a
// section of the plan; a table or chart by its ID), and, when Parts is
// given, the order of what it holds. An entry is written as the ID alone,
// or as {part: ID, parts: [...]}.
//
// Headless ({part: ID, heading: false}) places a part without its own
// heading: what it holds follows the text of the section it is placed in
// (a built part's outcomes under the written section whose lead-in
// introduces them, "...four strategic outcomes as follows:"), so the
// words of one heading are not printed twice.
type OutlineEntry struct {
	At       Pos
	Part     string
	Parts    []OutlineEntry
	Headless bool
}

// outlineMapping is the long form of an outline entry; its type name is
// what messages call it.
type outlineMapping struct {
	Part    string         `yaml:"part" mps:"required" doc:"ID of the part: a built part (summary, budget, performance...), a section of the plan, or a table or chart."`
	Parts   []OutlineEntry `yaml:"parts" doc:"What the part holds, in order: its subsections, and tables or charts to place after its text."`
	Heading *bool          `yaml:"heading" doc:"false to place the part without its own heading: what it holds follows the text of the section it is placed in, before that section's parts with headings."`
}

func (o *OutlineEntry) unmarshalNode(d *decoder, n *yaml.Node) {
	o.At = d.pos(n)
	switch n.Kind {
	case yaml.ScalarNode:
		o.Part = n.Value
	case yaml.MappingNode:
		var m outlineMapping
		d.decodeStruct(n, reflect.ValueOf(&m).Elem(), nil)
		o.Part, o.Parts = m.Part, m.Parts
		o.Headless = m.Heading != nil && !*m.Heading
	default:
		d.errorf(n, "write the part's ID (budget), or {part: budget, parts: [...]} to order what it holds", "an outline entry must be an ID or a mapping, found %s", kindName(n))
	}
}

// outlineSchema is the JSON Schema of an outline entry.
func (g *schemaGen) outlineSchema() any {
	return map[string]any{
		"description": "A part of the document by its ID, or {part, parts} to order what it holds.",
		"oneOf": []any{
			map[string]any{"type": "string"},
			map[string]any{
				"type":                 "object",
				"additionalProperties": false,
				"required":             []string{"part"},
				"properties": map[string]any{
					"part":    map[string]any{"type": "string"},
					"parts":   map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/OutlineEntry"}},
					"heading": map[string]any{"type": "boolean", "description": "false to place the part without its own heading, its contents after the text of the section it is placed in."},
				},
			},
		},
	}
}
