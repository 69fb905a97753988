package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// parseFile parses one file to its root mapping, reporting problems with
// the bytes (encoding, tabs, control characters, anchors, tags, syntax)
// at their position. Every diagnostic it makes has a line.
func parseFile(f File, diags *Diagnostics) *yaml.Node {
	bad := func(line, col int, msg, hint string) *yaml.Node {
		*diags = append(*diags, Diagnostic{Pos: Pos{File: f.Name, Line: line, Col: col}, Severity: Error, Rule: "syntax", Message: msg, Hint: hint})
		return nil
	}
	data := bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf")) // a BOM is harmless; editors on Windows add it
	if len(bytes.TrimSpace(data)) == 0 {
		return bad(1, 1, "file is empty", "a plan file holds top-level keys such as id: and title:; delete the file if it is not needed")
	}
	if !utf8.Valid(data) {
		line, col := badUTF8(data)
		return bad(line, col, "file is not valid UTF-8 text", "save the file as UTF-8 (in most editors: Save with encoding → UTF-8)")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return bad(line, col, "file contains a NUL byte; it is not a text file", "")
	}
	tabs := tabDiagnostics(f.Name, data)
	doc, err := parseOne(data)
	if err != nil {
		if len(tabs) > 0 {
			// A tab is the likeliest cause of the parser's complaint, and
			// the parser places it less well.
			*diags = append(*diags, tabs...)
			return nil
		}
		var line, col int
		msg, hint := "", ""
		if errors.Is(err, errOnlyComments) {
			line, col = firstTextLine(data), 1
			msg, hint = "file holds only comments, no keys", "a plan file holds top-level keys such as id: and title:; delete the file if it is not needed"
		} else if errors.Is(err, errTwoDocuments) {
			line, col = lineCol(data, secondDocument(data))
			msg, hint = "file holds more than one YAML document (a second ---)", "put each plan in its own folder, and keep one document a file"
		} else {
			line, col, msg, hint = yamlError(data, err)
		}
		return bad(line, col, msg, hint)
	}
	*diags = append(*diags, tabs...)
	if len(doc.Content) == 0 {
		return bad(1, 1, "file is empty", "")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return bad(root.Line, root.Column, "a plan file must be a mapping of keys such as id: and title:, found "+kindName(root), "")
	}
	report := func(n *yaml.Node, msg, hint string) { bad(n.Line, n.Column, msg, hint) }
	checkNodes(root, report)
	checkBareTags(root, data, report)
	return root
}

var (
	errOnlyComments = errors.New("only comments")
	errTwoDocuments = errors.New("two documents")
)

// parseOne parses data, which must hold exactly one YAML document.
func parseOne(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errOnlyComments
		}
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, errTwoDocuments
	} else if !errors.Is(err, io.EOF) {
		return nil, err
	}
	return &doc, nil
}

// secondDocument returns the offset of the line starting the second
// document: the second "---" line, or the first after a "..." line.
func secondDocument(data []byte) int {
	off, seen := 0, false
	for _, l := range strings.SplitAfter(string(data), "\n") {
		t := strings.TrimRight(l, "\r\n")
		if t == "---" || strings.HasPrefix(t, "--- ") || t == "..." {
			if seen || t == "..." {
				if t == "..." {
					return min(off+len(l), len(data))
				}
				return off
			}
			seen = true
		} else if strings.TrimSpace(t) != "" && !strings.HasPrefix(strings.TrimSpace(t), "#") && !strings.HasPrefix(t, "%") {
			seen = true
		}
		off += len(l)
	}
	return 0
}

func firstTextLine(data []byte) int {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			return i + 1
		}
	}
	return 1
}

// tabDiagnostics reports the tabs in data, one diagnostic a line. YAML
// refuses tabs in indentation; inside a value a tab prints differently in
// every format, so plans use spaces throughout.
func tabDiagnostics(name string, data []byte) Diagnostics {
	if bytes.IndexByte(data, '\t') < 0 {
		return nil // the usual case: no need to split the file into lines
	}
	var out Diagnostics
	for i, l := range strings.Split(string(data), "\n") {
		j := strings.IndexByte(l, '\t')
		if j < 0 {
			continue
		}
		col := utf8.RuneCountInString(l[:j]) + 1
		msg, hint := "tab character in the text", "replace the tab with spaces"
		if strings.TrimLeft(l[:j], " ") == "" {
			msg, hint = "tab character in indentation", "YAML indents with spaces only: replace the tab with spaces"
		}
		out = append(out, Diagnostic{Pos: Pos{File: name, Line: i + 1, Col: col}, Severity: Error, Rule: "syntax", Message: msg, Hint: hint})
	}
	return out
}

// checkNodes refuses what the decoder would otherwise let through
// silently: anchors (aliases are refused where they are decoded), explicit
// tags such as !!binary, and control characters that YAML escapes ("\e",
// "\0", "\t") put into a value.
func checkNodes(n *yaml.Node, report func(n *yaml.Node, msg, hint string)) {
	if n.Anchor != "" {
		report(n, fmt.Sprintf("anchor &%s is not supported", clip(n.Anchor)), "remove the anchor; plans do not use anchors and aliases")
	}
	if n.Style&yaml.TaggedStyle != 0 {
		report(n, fmt.Sprintf("tag %s is not supported", clip(n.Tag)), "remove the tag: plan values are plain text, numbers and lists")
	}
	if n.Kind == yaml.ScalarNode {
		if i := controlIndex(n.Value); i >= 0 {
			r, _ := utf8.DecodeRuneInString(n.Value[i:])
			report(n, fmt.Sprintf("value contains the control character U+%04X", r), "remove it; plan text is printed in documents and terminals, where control characters do harm")
		}
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if isNull(v) && v.Value == "" && swallowed(k) {
				report(k, fmt.Sprintf("%s: is empty: %q after it is a comment, since # after a space starts one", clip(k.Value), clip(k.LineComment)),
					fmt.Sprintf("quote the value so # is part of it: %s: %s; or, for a comment, put a space after the #", clip(k.Value), yamlQuote(clipTo(k.LineComment, 120))))
			} else {
				checkSwallowed(v, report)
			}
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			checkSwallowed(item, report)
		}
	}
	for _, c := range n.Content {
		checkNodes(c, report)
	}
}

// checkSwallowed reports a value that a comment cut short (see swallowed).
func checkSwallowed(n *yaml.Node, report func(n *yaml.Node, msg, hint string)) {
	if n.Value != "" && swallowed(n) {
		whole := n.Value + " " + n.LineComment
		report(n, fmt.Sprintf("%q is read as %q and a comment %q, since # after a space starts one", clip(whole), clip(n.Value), clip(n.LineComment)),
			fmt.Sprintf("quote the value so # is part of it: %s; or, for a comment, put a space after the #", yamlQuote(clipTo(whole, 120))))
	}
}

// swallowed reports a plain scalar followed on its line by a comment that
// is most likely text: "Priority #1 plan" is the value "Priority" and the
// comment "#1 plan", and the published title would lose "#1 plan"
// without a word. A comment meant as one starts "# " (a space after the
// #), as YAML's own examples write it; one that does not is refused, and
// the fix either way is one keystroke.
func swallowed(n *yaml.Node) bool {
	c := n.LineComment
	return n.Kind == yaml.ScalarNode && n.Style == 0 && len(c) > 1 && c[0] == '#' && c[1] != ' ' && c[1] != '\t' && c[1] != '#'
}

// isControl reports a control character other than the line break, which
// block scalars and folded text legitimately hold.
func isControl(r rune) bool { return r != '\n' && unicode.IsControl(r) }

// controlIndex is strings.IndexFunc(s, isControl), with the ASCII bytes
// that make up nearly all plan text checked without decoding runes: every
// value of a plan passes through it.
func controlIndex(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if j := strings.IndexFunc(s[i:], isControl); j >= 0 {
				return i + j
			}
			return -1
		}
		if c < 0x20 && c != '\n' || c == 0x7f {
			return i
		}
	}
	return -1
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlError turns a parser error into a positioned message. yaml.v3 names
// no column, names the line of the enclosing construct rather than the
// offending one for many errors, and leaves the line out altogether when it
// is the first; so the position is found by parsing ever longer prefixes of
// the file until one fails with the same message.
func yamlError(data []byte, err error) (line, col int, msg, hint string) {
	text := err.Error()
	msg = text
	if m := yamlLineRE.FindStringSubmatch(text); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if off, ok := errorOffset(data, text); ok {
		line, col = lineCol(data, off)
	}
	if line == 0 {
		// Only a problem on the first line goes without a line number.
		line = 1
	}
	if col == 0 {
		col = 1
		if l := lineText(data, line); strings.TrimLeft(l, " ") != "" {
			col = len(l) - len(strings.TrimLeft(l, " ")) + 1
		}
	}
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		hint = "a value containing \": \" must be quoted: title: \"Outcome: safer streets\""
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-' indicator"):
		hint = "check the indentation of this line against the one above"
	case strings.Contains(msg, "unexpected end of stream"):
		hint = "a quote (\" or ') is opened and never closed, or a list or mapping is left open"
	case strings.Contains(msg, "found character that cannot start any token"):
		hint = "quote values that start with a special character such as @, ` or %"
	}
	if h := valueStartHint(lineText(data, line)); h != "" {
		hint = h // the value's first character is the likelier cause
	} else if h := colonHint(lineText(data, line)); h != "" && strings.Contains(msg, "could not find expected ':'") {
		hint = h
	}
	return line, col, "invalid YAML: " + msg, hint
}

// maxLocateLine bounds the search for a column within one line; past it
// the column is the line's first character.
const maxLocateLine = 400

// errorOffset finds the offset of the byte whose inclusion makes the
// parser fail with text: first the line, by binary search over line ends
// (a streaming parser fails on a prefix once the prefix holds the
// offending token), then the byte within that line.
func errorOffset(data []byte, text string) (int, bool) {
	fails := func(n int) bool {
		_, err := parseOne(data[:n])
		return err != nil && err.Error() == text
	}
	var ends []int // offset just past each line
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	if !fails(len(data)) {
		return 0, false
	}
	lo, hi := 0, len(ends)-1 // find the first line end whose prefix fails
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(ends[mid]) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	start := 0
	if lo > 0 {
		start = ends[lo-1]
	}
	end := ends[lo]
	if end-start > maxLocateLine || (end-start)*end > 16<<20 {
		return start, true
	}
	for n := start + 1; n <= end; n++ {
		if fails(n) {
			// The byte just taken in; a multi-byte rune counts from its start.
			i := n - 1
			for i > start && !utf8.RuneStart(data[i]) {
				i--
			}
			if data[i] == '\n' || data[i] == '\r' {
				// The line end completed the problem: point at its last character.
				for i > start && (data[i-1] == '\n' || data[i-1] == '\r') {
					i--
				}
				i = max(start, i-1)
			}
			return i, true
		}
	}
	return start, true
}
