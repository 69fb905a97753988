package plan

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// splitEntry recognises the commonest YAML surprise of a plan: in a
// mapping written in braces, a comma separates entries, so
// {year: 2025/26, value: 4,600} holds value: 4 and a key "600" with no
// value, and {title: Crime, disorder} a key "disorder". Such keys follow
// a plain value and have no value of their own (no colon); reported as
// unknown keys they would send the author looking for a misspelling.
//
// i indexes the first such key in n.Content. splitEntry returns the text
// as the author wrote it ("value: 4,600") and the index of the last key
// the comma split off, or ok false when the keys at i are not such a split.
func (d *decoder) splitEntry(n *yaml.Node, i int, si *structInfo) (written string, last int, ok bool) {
	if n.Style&yaml.FlowStyle == 0 || i < 2 {
		return "", 0, false
	}
	key, prev := n.Content[i-2], n.Content[i-1]
	if prev.Kind != yaml.ScalarNode || prev.Style != 0 || isNull(prev) {
		return "", 0, false // a quoted value ends at its quote: the comma was meant
	}
	last = -1
	for j := i; j+1 < len(n.Content); j += 2 {
		k, v := n.Content[j], n.Content[j+1]
		if k.Kind != yaml.ScalarNode || k.Style != 0 || !isNull(v) || v.Value != "" || si.byKey[k.Value] != nil {
			break
		}
		// A near-miss of a known key, or a key that is misspelt, is
		// reported as such; figures and words that follow a value are not.
		if j == i && suggest(k.Value, knownKeys(si)) != "" {
			return "", 0, false
		}
		last = j
	}
	if last < 0 {
		return "", 0, false
	}
	return key.Value + ": " + d.sourceText(n, i, last), last, true
}

// sourceText returns the text of the file from the start of the value at
// n.Content[i-1] to the end of the key at n.Content[last], all on one
// line; across lines, the parts joined by commas.
func (d *decoder) sourceText(n *yaml.Node, i, last int) string {
	a, b := n.Content[i-1], n.Content[last]
	starts := d.lineStarts()
	from, to := a.Column-1, b.Column-1+utf8.RuneCountInString(b.Value)
	// Columns count runes: the line is read from its start up to the end
	// of b, so only a short line is read (a long one, of many entries,
	// would be read again for each).
	if a.Line == b.Line && a.Line >= 1 && a.Line <= len(starts) && 0 <= from && from < to && to <= maxLocateLine {
		line := d.data[starts[a.Line-1]:]
		var text []rune
		for c := 0; c < to && len(line) > 0; c++ {
			r, size := utf8.DecodeRune(line)
			if r == '\n' {
				break
			}
			if c >= from {
				text = append(text, r)
			}
			line = line[size:]
		}
		if len(text) == to-from {
			return string(text)
		}
	}
	parts := []string{a.Value}
	for j := i; j <= last; j += 2 {
		parts = append(parts, n.Content[j].Value)
	}
	return strings.Join(parts, ", ")
}

// reportSplit reports the entry the comma split, at its value.
func (d *decoder) reportSplit(n *yaml.Node, i, last int, written string) {
	prev := n.Content[i-1]
	key := n.Content[i-2].Value
	var keys []string
	for j := i; j <= last && len(keys) < 4; j += 2 {
		keys = append(keys, fmt.Sprintf("%q", clip(n.Content[j].Value)))
	}
	what := "a key " + keys[0]
	if last > i {
		what = "keys " + strings.Join(keys, ", ")
		if (last-i)/2+1 > len(keys) {
			what += " and more"
		}
	}
	_, rest, _ := strings.Cut(written, ": ")
	d.errorf(prev, fmt.Sprintf("quote the value so the comma is part of it: %s: %s (or write the entries on lines of their own)", key, yamlQuote(clipTo(rest, 120))),
		"%s is read as %s: %s and %s, because in { } a comma separates entries", clipTo(written, 120), key, clip(prev.Value), what)
}

// knownKeys lists the keys of a struct, in order.
func knownKeys(si *structInfo) []string {
	keys := make([]string, len(si.fields))
	for i, f := range si.fields {
		keys[i] = f.key
	}
	return keys
}
