package mdtext

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/internal/gfmtest"
)

func TestEscapeMarkdown(t *testing.T) {
	tests := []string{
		"plain words",
		"a | b",
		"*not emphasis* and _not_ either",
		"**£3.56bn**",
		"[not a link](http://example.org)",
		"<script>alert(1)</script>",
		`back\slash and \* escaped`,
		"# not a heading",
		"- not a list",
		"+ not a list",
		"1. not a list",
		"12) not a list",
		"> not a quote",
		"=====",
		"`code`",
		"~~struck~~",
		"AT&amp;T &#35; &copy;",
		"R&D and M&S",
		"line\nbreak",
		"5% to 6% reduction ¹",
		"Target –6'500",
		"!",
		"",
	}
	for _, s := range tests {
		want := strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
		want = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(want)
		// As a paragraph. A URL may become a link (GFM autolinks); its
		// text stays the same.
		got := strings.TrimSpace(unlink(gfmtest.HTML(t, []byte(Escape(s)))))
		got = strings.TrimSuffix(strings.TrimPrefix(got, "<p>"), "</p>")
		if got != want {
			t.Errorf("EscapeMarkdown(%q) = %q reads as %q, want %q", s, Escape(s), got, want)
		}
		// As a table cell.
		cell := unlink(gfmtest.HTML(t, []byte("| h |\n| --- |\n| "+Escape(s)+" |\n")))
		if !strings.Contains(cell, "<td>"+want+"</td>") {
			t.Errorf("EscapeMarkdown(%q) in a table cell reads as %s", s, cell)
		}
	}
}

var linkRE = regexp.MustCompile(`<a href="[^"]*">|</a>`)

func unlink(s string) string { return linkRE.ReplaceAllString(s, "") }

func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range []string{"a | b", "*x*", "1. x", "<b>", "&amp;", "\\", "[x](y)", "# h", "`c`"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\x00\r\t\f\v") || !isPrintable(s) {
			return
		}
		cell := gfmtest.HTML(t, []byte("| h |\n| --- |\n| "+Escape(s)+" |\n"))
		if strings.Count(cell, "<td") != 1 {
			t.Fatalf("EscapeMarkdown(%q) breaks the table: %s", s, cell)
		}
		if strings.Contains(cell, "<em>") || strings.Contains(cell, "<del>") || strings.Contains(cell, "<code>") || strings.Contains(strings.ReplaceAll(cell, "<td>", ""), "<"+"s") {
			t.Fatalf("EscapeMarkdown(%q) left markup: %s", s, cell)
		}
	})
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xfffd {
			return false
		}
	}
	return true
}

func TestMarkdownText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain  words\nover lines", "plain words over lines"},
		{"*emphasis* and **strong** and `code`", "emphasis and strong and code"},
		{"a [link](http://x.org) and <http://y.org>", "a link and http://y.org"},
		{"Lead:\n\n- one\n- two\n- three", "Lead: one; two; three"},
		{"AT&amp;T \\* &#35;", "AT&T * #"},
		{"raw <b>html</b> kept", "raw <b>html</b> kept"},
		{"1. first\n2. second", "first; second"},
		{"- one;\n- two; and\n- three.", "one; two; and three."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Plain(tt.in); got != tt.want {
			t.Errorf("MarkdownText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBlocks: author Markdown as its top-level paragraphs and bulleted
// lists, each item plain text; an ordered list reads as a paragraph.
func TestBlocks(t *testing.T) {
	got := Blocks("These *include*:\n\n- The **first**.\n- The second,\n  wrapped.\n\nAfter.\n\n1. one\n2. two\n")
	want := []Block{{Text: "These include:"}, {Items: []string{"The first.", "The second, wrapped."}}, {Text: "After."}, {Text: "one; two"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Blocks\n got %q\nwant %q", got, want)
	}
	if got := Blocks(""); got != nil {
		t.Errorf("Blocks of nothing = %q", got)
	}
}
