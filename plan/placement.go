package plan

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Placement is a placement marker written in a plan's Markdown: a line of
// its own, {{place: ID}}, that puts the built table, chart or list with
// that ID there, so that a lead-in ("the following table:") is followed by
// what it introduces, in every format. The loader records every marker it
// reads with its position; the document builder, which knows what it
// builds, places each one and reports a marker it cannot place there.
type Placement struct {
	At   Pos
	Part string
}

// markerLine is a whole line that is a placement marker.
var markerLine = regexp.MustCompile(`^\{\{\s*place:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*\}\}$`)

// IsMarkerLine reports whether a line of a plan file, indented as it may
// be inside a block of text, is a placement marker and nothing else.
func IsMarkerLine(line string) bool {
	return markerLine.MatchString(strings.TrimSpace(line))
}

// Piece is a run of Markdown between placement markers, or (Part set) one
// marker.
type Piece struct {
	Markdown string
	Part     string
}

// SplitPlacements cuts Markdown at its placement markers (lines of their
// own, unindented), in order. Text without markers comes back as one piece.
// Runs of text are trimmed of the blank lines around a marker.
func SplitPlacements(md string) []Piece {
	var out []Piece
	var text []string
	flush := func() {
		if t := strings.Trim(strings.Join(text, "\n"), "\n"); strings.TrimSpace(t) != "" {
			out = append(out, Piece{Markdown: t})
		}
		text = text[:0]
	}
	for line := range strings.SplitSeq(md, "\n") {
		if m := markerLine.FindStringSubmatch(strings.TrimRight(line, " \t")); m != nil {
			flush()
			out = append(out, Piece{Part: m[1]})
			continue
		}
		text = append(text, line)
	}
	flush()
	return out
}

// placements reads the placement markers of one Markdown value, recording
// each at its line and column of the file, and reports a marker that is
// malformed or not on a line of its own.
func (d *decoder) placements(n *yaml.Node, md string) {
	if !strings.Contains(md, "{{") {
		return
	}
	from := n.Line // markers are searched for in the file from here on
	for line := range strings.SplitSeq(md, "\n") {
		trimmed := strings.TrimSpace(line)
		if !strings.Contains(trimmed, "{{") {
			continue
		}
		at, next := d.findInFile(n, trimmed, from)
		from = next
		m := markerLine.FindStringSubmatch(strings.TrimRight(line, " \t"))
		switch {
		case m != nil:
			d.placed = append(d.placed, Placement{At: at, Part: m[1]})
		case markerLine.MatchString(trimmed):
			d.diagAt(at, "placement", "start the marker at the beginning of its line: a table, chart or list is placed between paragraphs, not inside a list or quote",
				"placement marker %s is indented", trimmed)
		case strings.HasPrefix(trimmed, "{{") && strings.HasSuffix(trimmed, "}}"):
			d.diagAt(at, "placement", "write {{place: ID}}, the ID of a built table, chart or list, on a line of its own",
				"%s is not a placement marker", clip(trimmed))
		case strings.Contains(trimmed, "{{place"):
			d.diagAt(at, "placement", "put {{place: ID}} on a line of its own, with a blank line before and after it",
				"a placement marker must be a line of its own")
		}
	}
}

// findInFile finds text in the file being decoded, on line from (of node
// n) or after it, and returns its position and the line to search on from
// for the next marker of the same value. Where the file does not hold the
// text as written (an escaped, quoted scalar), the node's position is used.
//
// The text holds no line break, so its first match in the file from that
// line on is on the first line that holds it: one search of the bytes
// finds it, and the file is split into lines once, not once a marker (a
// plan of many markers took time that grew with the square of its size).
func (d *decoder) findInFile(n *yaml.Node, text string, from int) (Pos, int) {
	starts := d.lineStarts()
	first := max(from, 1)
	if first > len(starts) {
		return d.pos(n), from
	}
	off := starts[first-1]
	j := bytes.Index(d.data[off:], []byte(text))
	if j < 0 {
		return d.pos(n), from
	}
	at := off + j
	// The line holding at: the last that starts at or before it.
	line, _ := slices.BinarySearch(starts, at+1)
	return Pos{File: d.file, Line: line, Col: utf8.RuneCount(d.data[starts[line-1]:at]) + 1}, line + 1
}

// lineStarts returns the offset of each line of the file being decoded,
// found on first use in a file.
func (d *decoder) lineStarts() []int {
	if d.starts == nil {
		d.starts = []int{0}
		for i, c := range d.data {
			if c == '\n' {
				d.starts = append(d.starts, i+1)
			}
		}
	}
	return d.starts
}

func (d *decoder) diagAt(at Pos, rule, hint, format string, args ...any) {
	*d.diags = append(*d.diags, Diagnostic{Pos: at, Severity: Error, Rule: rule, Message: fmt.Sprintf(format, args...), Hint: hint})
}
