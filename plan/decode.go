package plan

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// The decoder walks yaml.Node trees itself rather than calling
// yaml.Node.Decode: that keeps a line and column for every value, reports
// every unknown key (Decode loses strictness inside custom unmarshalers) and
// collects all problems in one pass instead of stopping at the first.

// nodeUnmarshaler is implemented by leaf types with their own syntax
// (years, figures, references). They report problems through d.
type nodeUnmarshaler interface {
	unmarshalNode(d *decoder, n *yaml.Node)
}

type decoder struct {
	file string
	data []byte // the file being decoded, to position what is inside a value
	// starts holds the offset of each line of data, once a marker needs them.
	starts []int
	// placed collects the placement markers of every Markdown value read.
	placed []Placement
	diags  *Diagnostics
	types  map[reflect.Type]*structInfo
	// meant holds the top-level keys a misspelt key was taken for, across
	// every file of the plan: "titel" is one error (unknown key, did you
	// mean "title"), not a second one for the missing title.
	meant map[string]bool
}

type fieldInfo struct {
	key      string
	index    int
	required bool
	enum     []string
	doc      string
}

type structInfo struct {
	name   string // for messages: "measure", "breakdown item"
	fields []*fieldInfo
	byKey  map[string]*fieldInfo
	at     int // index of the At field, or -1
}

var (
	posType      = reflect.TypeFor[Pos]()
	markdownType = reflect.TypeFor[Markdown]()
)

func newDecoder(diags *Diagnostics) *decoder {
	return &decoder{diags: diags, types: map[reflect.Type]*structInfo{}, meant: map[string]bool{}}
}

func (d *decoder) info(t reflect.Type) *structInfo {
	if si, ok := d.types[t]; ok {
		return si
	}
	si := describe(t)
	d.types[t] = si
	return si
}

// describe reads a model struct's tags. It is also what the JSON Schema is
// generated from, so the schema and the loader cannot disagree.
func describe(t reflect.Type) *structInfo {
	si := &structInfo{name: words(t.Name()), byKey: map[string]*fieldInfo{}, at: -1}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Name == "At" && f.Type == posType {
			si.at = i
		}
		key := f.Tag.Get("yaml")
		if key == "" || key == "-" {
			continue
		}
		fi := &fieldInfo{key: key, index: i, required: f.Tag.Get("mps") == "required", doc: f.Tag.Get("doc")}
		if e := f.Tag.Get("enum"); e != "" {
			fi.enum = strings.Split(e, ",")
		}
		if w, ok := reflect.Zero(f.Type).Interface().(wordType); ok {
			fi.enum = w.Values()
		}
		si.fields = append(si.fields, fi)
		si.byKey[key] = fi
	}
	return si
}

// wordType is a domain word of the format (a measure's kind, a rule name):
// a string type that lists the words a plan may write. The loader checks
// them and the schema's enum is generated from the same list.
type wordType interface{ Values() []string }

// words turns a type name into words for messages: BreakdownItem → "breakdown item".
func words(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) report(n *yaml.Node, sev Severity, rule, hint, format string, args ...any) {
	*d.diags = append(*d.diags, Diagnostic{Pos: d.pos(n), Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (d *decoder) errorf(n *yaml.Node, hint, format string, args ...any) {
	d.report(n, Error, "syntax", hint, format, args...)
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value lines)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "nothing"
		}
		return fmt.Sprintf("the value %q", clip(n.Value))
	case yaml.AliasNode:
		return "an alias"
	}
	return "a document"
}

func clip(s string) string { return clipTo(s, 40) }

// clipTo shortens s to n runes, marking the cut.
func clipTo(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// decode stores node n into v, reporting every problem it finds. what is
// the key the value was written under, for messages; it is formatted only
// when there is a problem, since decoding a large plan calls this for
// every value.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, what string) {
	if n.Kind == yaml.AliasNode {
		// Refusing aliases outright also rules out alias bombs: expansion
		// never happens, so no input can make the walk exponential.
		d.errorf(n, "write the value out in full; plans do not use anchors and aliases", "alias *%s is not supported", n.Value)
		return
	}
	if v.CanAddr() {
		if u, ok := v.Addr().Interface().(nodeUnmarshaler); ok {
			if !isNull(n) {
				u.unmarshalNode(d, n)
			}
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		nv := reflect.New(v.Type().Elem())
		d.decode(n, nv.Elem(), what)
		v.Set(nv)
	case reflect.Struct:
		d.decodeStruct(n, v, nil)
	case reflect.Slice:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.SequenceNode {
			hint := fmt.Sprintf("write %q as a list, one item a line starting with \"- \"", what)
			if n.Kind == yaml.ScalarNode && n.Style == 0 {
				// One item written bare (outcomes: crime-reduced): the
				// same in brackets is a list of one.
				hint = fmt.Sprintf("a list of one is written in brackets: %s: [%s]", what, clipTo(n.Value, 60))
			}
			d.errorf(n, hint, "%q must be a list, found %s", what, kindName(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			// A null item is an empty table cell where items are pointers;
			// anywhere else it is a stray "- " that must not vanish.
			if isNull(c) && v.Type().Elem().Kind() != reflect.Pointer {
				d.errorf(c, "delete the empty \"- \" line, or give it a value", "item %d of %q is empty", i+1, what)
				continue
			}
			d.decode(c, s.Index(i), what)
		}
		v.Set(s)
	case reflect.String:
		if s, ok := d.scalar(n, what); ok {
			v.SetString(s)
			if v.Type() == markdownType {
				d.placements(n, s)
			}
		}
	case reflect.Int:
		s, ok := d.scalar(n, what)
		if !ok {
			return
		}
		i, err := strconv.Atoi(s)
		if err != nil {
			d.errorf(n, "write a whole number such as 4", "%q must be a whole number, found %q", what, clip(s))
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		s, ok := d.scalar(n, what)
		if !ok {
			return
		}
		switch s {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		default:
			d.errorf(n, "write true or false", "%q must be true or false, found %q", what, clip(s))
		}
	default:
		panic(fmt.Sprintf("plan: model field of unsupported kind %s", v.Kind()))
	}
}

// scalar returns the text of a scalar node, reporting lists and mappings.
func (d *decoder) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "", "%q must be a single value, found %s", what, kindName(n))
		return "", false
	}
	if isNull(n) {
		return "", false
	}
	return n.Value, true
}

// decodeStruct decodes a mapping into struct v. seen, when not nil,
// carries keys across several files of one plan; required keys are then
// checked by the caller once all files are read.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, seen *keysSeen) {
	si := d.info(v.Type())
	if n.Kind != yaml.MappingNode {
		d.errorf(n, fmt.Sprintf("write the %s as indented \"key: value\" lines", si.name), "%s must be a mapping, found %s", si.name, kindName(n))
		return
	}
	if si.at >= 0 {
		v.Field(si.at).Set(reflect.ValueOf(d.pos(n)))
	}
	checkRequired := seen == nil
	meant := d.meant
	if seen == nil {
		seen = &keysSeen{}
		meant = nil // made when a key is misspelt, which is rare
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "keys are plain words such as title", "a %s key must be a word, found %s", si.name, kindName(k))
			continue
		}
		if first, dup := seen.get(k.Value); dup {
			d.errorf(k, "delete one of the two; each key may appear once", "key %q is already set at %s", k.Value, first)
			continue
		}
		f := si.byKey[k.Value]
		if f == nil {
			if written, last, ok := d.splitEntry(n, i, si); ok {
				d.reportSplit(n, i, last, written)
				i = last
				continue
			}
		}
		seen.set(k.Value, d.pos(k))
		if f == nil {
			if s := d.unknownKey(k, si); s != "" {
				if meant == nil {
					meant = map[string]bool{}
				}
				meant[s] = true
			}
			continue
		}
		if isNull(val) {
			seen.delete(k.Value) // an empty value counts as missing
			if f.required {
				d.errorf(val, fmt.Sprintf("give %s a value, or remove the line", k.Value), "key %q of %s has no value", k.Value, si.name)
			}
			continue
		}
		fv := v.Field(f.index)
		d.decode(val, fv, k.Value)
		if f.enum != nil && fv.Kind() == reflect.String && fv.String() != "" {
			d.checkEnum(val, f, fv.String())
		}
	}
	if checkRequired {
		d.requireKeys(n, si, seen, meant)
	}
}

// requireKeys reports each required key missing from seen, except those a
// misspelt key was taken for (meant), already reported as unknown.
func (d *decoder) requireKeys(n *yaml.Node, si *structInfo, seen *keysSeen, meant map[string]bool) {
	for _, f := range si.fields {
		if _, ok := seen.get(f.key); f.required && !ok && !meant[f.key] {
			hint := f.doc
			if f.enum != nil {
				hint = "one of: " + strings.Join(f.enum, ", ")
			}
			d.errorf(n, hint, "%s is missing required key %q", si.name, f.key)
		}
	}
}

func (d *decoder) checkEnum(n *yaml.Node, f *fieldInfo, s string) {
	if slices.Contains(f.enum, s) {
		return
	}
	hint := "one of: " + strings.Join(f.enum, ", ")
	if s2 := suggest(s, f.enum); s2 != "" {
		hint = fmt.Sprintf("did you mean %q? (%s)", s2, hint)
	}
	d.errorf(n, hint, "%q is not a valid %s", s, f.key)
}

// unknownKey reports a key the struct does not have, and returns the
// known key it is probably a misspelling of, if any.
func (d *decoder) unknownKey(k *yaml.Node, si *structInfo) string {
	keys := knownKeys(si)
	hint := "known keys: " + strings.Join(keys, ", ")
	s := suggest(k.Value, keys)
	if s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	d.report(k, Error, "unknown-key", hint, "unknown key %q in %s", clip(k.Value), si.name)
	return s
}
