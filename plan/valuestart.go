package plan

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// valueStartHint explains a parser error caused by the first character of
// a value, as authors meet them: a title that begins with *, [ or >, or a
// quote inside quotes. The parser's own words ("did not find expected
// key") point elsewhere, at indentation most often. line is the line the
// error is on; the hint is "" when its value starts with none of these.
func valueStartHint(line string) string {
	key, v, ok := splitLine(line)
	if !ok || v == "" {
		return ""
	}
	prefix := key + ": "
	if key == "" {
		prefix = "- "
	}
	quoted := prefix + yamlQuote(clipTo(v, 120))
	switch c := v[0]; c {
	case '*':
		return "a value that starts with * is read as an alias, not text: quote it: " + quoted
	case '&':
		return "a value that starts with & is read as an anchor, not text: quote it: " + quoted
	case '[', '{':
		what, end := "list", "]"
		if c == '{' {
			what, end = "mapping", "}"
		}
		if strings.HasSuffix(v, end) {
			return "" // a list or mapping that ends where it should: the error is elsewhere
		}
		return "a value that starts with " + string(c) + " is read as a " + what + " ending at its " + end + ": if it is text, quote it: " + quoted
	case '>', '|':
		if blockHeader.MatchString(v) {
			return "" // a block of text, rightly begun
		}
		return "a value that starts with " + string(c) + " begins a block of text on the lines below: if it is text, quote it: " + quoted
	case '\'':
		if inner := strings.TrimSuffix(v[1:], "'"); strings.Contains(strings.ReplaceAll(inner, "''", ""), "'") {
			return "inside single quotes a quote is written twice: " + prefix + "'" + strings.ReplaceAll(clipTo(inner, 120), "'", "''") + "'"
		}
	case '"':
		if inner := strings.TrimSuffix(v[1:], `"`); strings.Count(inner, `"`) > strings.Count(inner, `\"`) {
			return `inside double quotes a quote is written \": ` + prefix + `"` + strings.ReplaceAll(clipTo(inner, 120), `"`, `\"`) + `"`
		}
	case '@', '`', '%':
		return "a value cannot start with " + string(c) + " unless it is quoted: " + quoted
	}
	return ""
}

// colonHint explains a key written without a space after its colon
// ("title:Plan"), which YAML reads as text with no key; "" when the line
// has no such key.
func colonHint(line string) string {
	m := keyNoSpace.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	return "put a space after the colon: " + m[1] + ": " + m[2]
}

// keyNoSpace is a line (or list item) that starts with a key and a colon
// with no space after it.
var keyNoSpace = regexp.MustCompile(`^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_-]*):(\S.*)$`)

// blockHeader is the header of a block scalar, | or > with its optional
// indentation and chomping indicators and a comment.
var blockHeader = regexp.MustCompile(`^[|>][-+0-9]*(\s+#.*)?$`)

// splitLine reads "key: value" or "- value" (after any indentation and
// list dashes); key is "" for a list item.
func splitLine(line string) (key, value string, ok bool) {
	t := strings.TrimLeft(line, " ")
	item := false
	for strings.HasPrefix(t, "- ") {
		t, item = strings.TrimLeft(t[2:], " "), true
	}
	if k, v, found := strings.Cut(t, ": "); found && !strings.ContainsAny(k, `"'[{`) {
		return k, strings.TrimSpace(v), true
	}
	if item {
		return "", strings.TrimSpace(t), true
	}
	return "", "", false
}

// yamlQuote writes s as a YAML double-quoted string.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// checkBareTags reports the values written after a bare ! ("title: ! bang"):
// YAML reads the ! as a tag that asks for no type, which leaves no trace in
// the parsed value, so "! bang" would be printed as "bang" without a word.
// Tags that name a type (!!str) are reported by checkNodes, from the node;
// a bare one is found only in the source, as a ! where a node starts.
func checkBareTags(root *yaml.Node, src []byte, report func(n *yaml.Node, msg, hint string)) {
	if bytes.IndexByte(src, '!') < 0 {
		return // nearly every file: nothing to look for
	}
	// Where each ! stands, as yaml.v3 counts (lines from 1, columns in
	// runes from 1), with its offset: one pass, whatever the number of
	// nodes or the length of a line.
	type at struct{ line, col int }
	bangs := map[at]int{}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch r {
		case '\n':
			line, col = line+1, 0
		case '!':
			bangs[at{line, col}] = i
		}
		i += size
		col++
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if off, ok := bangs[at{n.Line, n.Column}]; ok && n.Style&yaml.TaggedStyle == 0 {
			rest := src[off:min(off+512, len(src))] // enough for the message, however long the line
			if j := bytes.IndexByte(rest, '\n'); j >= 0 {
				rest = rest[:j]
			}
			written := strings.TrimSpace(string(rest))
			report(n, fmt.Sprintf("%q is read as %q: a ! that starts a value is a YAML tag, not text", clip(written), clip(n.Value)),
				"quote the value so the ! is part of it: "+yamlQuote(clipTo(written, 120)))
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
}
