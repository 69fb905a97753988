package diff

import (
	"fmt"
	"io"
	"strings"
)

// ANSI styles for a terminal.
const (
	sgrBold   = "\x1b[1m"
	sgrRed    = "\x1b[31m"
	sgrGreen  = "\x1b[32m"
	sgrYellow = "\x1b[33m"
	sgrReset  = "\x1b[0m"
)

type textWriter struct {
	b     strings.Builder
	color bool
}

// clean replaces control characters, so that text from a plan cannot
// drive the reader's terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func (t *textWriter) style(sgr, s string) string {
	if !t.color || s == "" {
		return s
	}
	return sgr + s + sgrReset
}

// WriteText writes the report for a terminal, in colour when color is
// set; the words are the same either way. Nothing is written when the
// plans do not differ, as with diff(1).
func WriteText(w io.Writer, r *Report, color bool) error {
	if r.Empty() {
		return nil
	}
	t := &textWriter{color: color}
	t.b.WriteString(t.style(sgrBold, "--- "+clean(sideText(r.Old))) + "\n")
	t.b.WriteString(t.style(sgrBold, "+++ "+clean(sideText(r.New))) + "\n")
	if r.Plan != "" {
		t.b.WriteString("\n" + t.mark(r.Plan) + " " + t.style(sgrBold, wholePlan(r)) + "\n")
	}
	for _, s := range r.Sections {
		t.b.WriteString("\n" + t.style(sgrBold, s.Title) + "\n")
		for _, f := range s.Fields {
			t.field("  ", f)
		}
		for _, it := range s.Items {
			line := t.mark(it.Change) + " " + it.Kind + " " + clean(it.ID)
			if it.Title != "" {
				line += ": " + clean(it.Title)
			}
			if tags := itemTags(it); tags != "" {
				line += " (" + tags + ")"
			}
			t.b.WriteString("  " + line + "\n")
			for _, f := range it.Fields {
				t.field("      ", f)
			}
			if it.Warning != "" {
				t.b.WriteString("      " + t.style(sgrYellow, "! warning: "+clean(it.Warning)) + "\n")
			}
		}
		for _, ro := range s.Reordered {
			t.b.WriteString("  " + t.mark(Changed) + " " + clean(reorderText(ro)) + "\n")
		}
	}
	_, err := io.WriteString(w, t.b.String())
	return err
}

// wholePlan says that one side does not exist: "plan 2011-14 added".
func wholePlan(r *Report) string {
	id := r.New.ID
	if r.Plan == Removed {
		id = r.Old.ID
	}
	return "plan " + id + " " + r.Plan
}

func sideText(s Side) string {
	out := s.ID
	if s.Title != "" {
		out += ": " + s.Title
	}
	if s.Source != "" {
		out += " (" + s.Source + ")"
	}
	return out
}

// reorderText says which items moved: "reordered: 3 objectives (a, b, c)".
func reorderText(ro Reordering) string {
	n := len(ro.IDs)
	noun := ro.Kind
	if n != 1 {
		noun = plural(ro.Kind)
	}
	return fmt.Sprintf("reordered: %d %s (%s)", n, noun, strings.Join(ro.IDs, ", "))
}

func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "y"):
		return strings.TrimSuffix(s, "y") + "ies"
	case strings.HasSuffix(s, "s"):
		return s
	}
	return s + "s"
}

func itemTags(it Item) string {
	var tags []string
	if it.ReIdentified {
		tags = append(tags, "re-identified, was "+it.OldID)
	}
	if it.Renamed {
		tags = append(tags, "renamed")
	}
	if it.Moved {
		tags = append(tags, "moved")
	}
	return strings.Join(tags, ", ")
}

func (t *textWriter) mark(change string) string {
	switch change {
	case Added:
		return t.style(sgrGreen, "+")
	case Removed:
		return t.style(sgrRed, "-")
	}
	return t.style(sgrYellow, "~")
}

func (t *textWriter) field(indent string, f Field) {
	f.Name, f.Old, f.New = clean(f.Name), clean(f.Old), clean(f.New)
	var v string
	switch {
	case f.Change == Added:
		v = t.style(sgrGreen, f.New)
	case f.Change == Removed:
		v = t.style(sgrRed, f.Old)
	case len(f.Words) > 0:
		var parts []string
		for _, sp := range f.Words {
			text := clean(sp.Text)
			switch sp.Op {
			case "-":
				parts = append(parts, t.style(sgrRed, "[-"+text+"-]"))
			case "+":
				parts = append(parts, t.style(sgrGreen, "{+"+text+"+}"))
			case ellipsis:
				parts = append(parts, "("+text+")")
			default:
				parts = append(parts, text)
			}
		}
		v = strings.Join(parts, " ")
	case f.Change == Reworded:
		v = f.Old + " " + arrow + " " + f.New + " (" + rewordedNote + ")"
	default:
		v = f.Old + " " + arrow + " " + f.New + tail(f, clean)
	}
	fmt.Fprintf(&t.b, "%s%s %s: %s\n", indent, t.mark(f.Change), f.Name, v)
}

// rewordedNote follows a figure printed otherwise with the same value.
const rewordedNote = "wording only, same value"

// tail is what follows old → new: the difference of two figures
// (", +100"), or what a list gained and lost (" (+youth, −drugs)").
func tail(f Field, esc func(string) string) string {
	if f.Delta != "" {
		return ", " + esc(f.Delta)
	}
	var ch []string
	for _, s := range f.Gained {
		ch = append(ch, "+"+s)
	}
	for _, s := range f.Lost {
		ch = append(ch, minus+s)
	}
	if len(ch) == 0 {
		return ""
	}
	return " (" + esc(strings.Join(ch, ", ")) + ")"
}

func mdField(f Field) string {
	var v string
	switch {
	case f.Change == Added:
		v = "*added* " + md(f.New)
	case f.Change == Removed:
		v = "*removed* ~~" + md(f.Old) + "~~"
	case len(f.Words) > 0:
		var parts []string
		for _, sp := range f.Words {
			switch sp.Op {
			case "-":
				parts = append(parts, "~~"+md(sp.Text)+"~~")
			case "+":
				parts = append(parts, "**"+md(sp.Text)+"**")
			case ellipsis:
				parts = append(parts, "*("+md(sp.Text)+")*")
			default:
				parts = append(parts, md(sp.Text))
			}
		}
		v = strings.Join(parts, " ")
	case f.Change == Reworded:
		v = md(f.Old) + " " + arrow + " " + md(f.New) + " *(" + rewordedNote + ")*"
	default:
		v = md(f.Old) + " " + arrow + " " + md(f.New) + tail(f, md)
	}
	return md(f.Name) + ": " + v
}

// mdEscaper escapes every character CommonMark or GitHub could read as
// formatting inside a line.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "~", `\~`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "!", `\!`, "&", `\&`,
)

func md(s string) string { return mdEscaper.Replace(clean(s)) }

// mdCode writes an ID as code; IDs are slugs, but a broken plan's need not
// be, so one with a backtick is escaped as text instead.
func mdCode(s string) string {
	if s == "" || strings.ContainsAny(s, "`\n") {
		return md(s)
	}
	return "`" + s + "`"
}
