package markup

import (
	"fmt"
	"testing"
)

// TestMarkdownHTMLMemo checks that a text converted again (from the memo)
// prints as it did the first time, at its own heading depth.
func TestMarkdownHTMLMemo(t *testing.T) {
	texts := []string{
		"# Aim\n\nTo cut *crime* by 5%.\n\n- one\n- two\n",
		"| a | b |\n| - | - |\n| 1 | 2 |\n",
		"See www.met.police.uk and ~~old~~ text.",
	}
	for _, src := range texts {
		for _, depth := range []int{0, 2, 4} {
			want, err := convert(src, depth)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				got, err := MarkdownHTML(src, depth)
				if err != nil || got != want {
					t.Errorf("MarkdownHTML(%q, %d), call %d = %q, %v; want %q", src, depth, i+1, got, err, want)
				}
			}
		}
	}
	a, _ := MarkdownHTML(texts[0], 0)
	b, _ := MarkdownHTML(texts[0], 3)
	if a == b {
		t.Errorf("depth 0 and depth 3 print the same heading: the memo confuses depths")
	}
}

// TestMemoBounded checks that the memo empties rather than grows past
// memoSize.
func TestMemoBounded(t *testing.T) {
	m := memo{m: map[mdKey]string{}}
	for i := range memoSize + 10 {
		m.put(mdKey{fmt.Sprint(i), 0}, "x")
	}
	if n := len(m.m); n > memoSize {
		t.Errorf("the memo holds %d texts, more than %d", n, memoSize)
	}
	if _, ok := m.get(mdKey{fmt.Sprint(memoSize + 9), 0}); !ok {
		t.Errorf("the last text put is not kept")
	}
}
