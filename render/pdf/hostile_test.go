package pdf_test

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/pdf"
)

// Page limits in points: the text area is 22 mm in from each side.
const (
	leftPt  = 22 * 72 / 25.4
	rightPt = (210 - 22) * 72 / 25.4
)

var longWord = strings.Repeat("Supercalifragilistic", 500) // 10,000 characters

// hostile is a document built to break a writer: emoji, right-to-left
// script, control characters, invalid UTF-8, a 10,000-character word in
// every place text goes, empty and over-wide tables, degenerate charts, deep
// nesting and links that lead nowhere.
func hostile() map[string]*doc.Document {
	wide := &doc.Table{Caption: "Thirty columns"}
	for c := range 30 {
		wide.Head = append(wide.Head, "Column heading number "+strconv.Itoa(c))
		wide.Numeric = append(wide.Numeric, c%2 == 1)
	}
	for r := range 40 {
		var cells []string
		for c := range 30 {
			cells = append(cells, fmt.Sprintf("cell %d,%d with text that wraps W%s", r, c, strings.Repeat("W", c)))
		}
		wide.Rows = append(wide.Rows, doc.Row{Cells: cells, Total: r == 39})
	}
	long := &doc.Table{Caption: "Long rows", Head: []string{"Measure", "Target"}, RowHeaders: true}
	for r := range 60 {
		long.Rows = append(long.Rows, doc.Row{Cells: []string{fmt.Sprintf("Measure %d: %s", r, strings.Repeat("a long measure title ", r%7+1)), "£3.56bn"}})
		if r%10 == 0 {
			long.Rows = append(long.Rows, doc.Row{Cells: []string{"Outcome group " + strconv.Itoa(r)}, Group: true})
		}
	}
	deep := strings.Repeat("- level\n", 1)
	for i := 1; i < 40; i++ {
		deep += strings.Repeat("  ", i) + "- level " + strconv.Itoa(i) + "\n"
	}
	nan := math.NaN()
	charts := []doc.Block{
		&doc.Chart{Kind: doc.ChartBars, Title: "No labels", Alt: "Nothing."},
		&doc.Chart{Kind: doc.ChartShares, Title: "All missing", Alt: "No figures.", Labels: []string{"a", "b"},
			Series: []doc.Series{{Values: []doc.Point{{Missing: true}, {Value: nan, Text: "NaN"}}}}},
		&doc.Chart{Kind: doc.ChartBars, Title: "Negative and infinite", Alt: "Mixed.", Labels: []string{"up", "down", "inf", longWord},
			Series: []doc.Series{{Name: "2008/09", Values: []doc.Point{{Value: 5, Text: "5%"}, {Value: -3, Text: "-3%"}, {Value: math.Inf(1), Text: "∞"}, {Value: 1, Text: longWord}}}}},
		&doc.Chart{Kind: doc.ChartTargetResult, Title: "Target and result", Alt: "Two of three met.", Labels: []string{"A 🚓", "B", "C"},
			Series: []doc.Series{
				{Name: "Target", Values: []doc.Point{{Value: 80, Text: "80%"}, {Value: 10, Text: "10%"}, {Value: 3, Text: "3"}}},
				{Name: "Result", Values: []doc.Point{{Value: 82, Text: "82%", Status: "met"}, {Value: 9, Text: "9%", Status: "not met"}, {Missing: true}}}}},
		&doc.Chart{Kind: doc.ChartTrend, Title: "Flat trend", Alt: "Flat.", Labels: []string{"2006/07", "2007/08"},
			Series: []doc.Series{{Name: "x", Values: []doc.Point{{Value: 1, Text: "1"}, {Value: 1, Text: "1"}}}}},
	}
	var manyLabels []string
	var manyPoints []doc.Point
	for i := range 120 {
		manyLabels = append(manyLabels, strconv.Itoa(2000+i))
		manyPoints = append(manyPoints, doc.Point{Value: float64(i % 13), Text: strconv.Itoa(i % 13)})
	}
	charts = append(charts, &doc.Chart{Kind: doc.ChartTrend, Title: "Many years", Alt: "Cycles.", Labels: manyLabels, Series: []doc.Series{{Values: manyPoints}}},
		&doc.Chart{Kind: doc.ChartBars, Title: "Many bars", Alt: "Many.", Labels: manyLabels, Series: []doc.Series{{Values: manyPoints}}})

	nested := &doc.Section{ID: "n0", Title: "Nested 0", Level: 1}
	s := nested
	for i := 1; i < 9; i++ {
		sub := &doc.Section{ID: "n" + strconv.Itoa(i), Title: "Nested " + strconv.Itoa(i), Level: i + 1,
			Blocks: []doc.Block{&doc.Text{Markdown: "# Author heading\n\n###### Deep author heading\n\ntext"}}}
		s.Sections = []*doc.Section{sub}
		s = sub
	}

	var many []*doc.Section
	for i := range 150 {
		many = append(many, &doc.Section{ID: "m" + strconv.Itoa(i), Title: fmt.Sprintf("Section %d %s", i, strings.Repeat("with a long title ", i%9)), Level: 1,
			Appendix: i%40 == 39,
			Blocks:   []doc.Block{&doc.Text{Markdown: fmt.Sprintf("See [the next](#m%d) and [the first](#m0).", i+1)}},
			Sections: []*doc.Section{{ID: "s" + strconv.Itoa(i), Title: "Sub " + strconv.Itoa(i), Level: 2}}})
	}

	// A cell holding a list longer than a page: the row splits, and its
	// list goes on in the same L on the next page; parts for a column the
	// table does not have, and empty parts, print nothing.
	var items []string
	for i := range 150 {
		items = append(items, fmt.Sprintf("Issue %d %s", i, strings.Repeat("that wraps ", i%5)))
	}
	listCell := &doc.Table{Caption: "Lists in cells", Head: []string{"Risk", "Detail"}, RowHeaders: true, Rows: []doc.Row{
		{Cells: []string{"Receipts", "flattened"}, Parts: map[int][]doc.CellPart{1: {{Text: "These include:"}, {Items: items}, {Text: "After the list."}, {Items: []string{"a second list"}}}, 7: {{Text: "no such column"}}}},
		{Cells: []string{"Empty", ""}, Parts: map[int][]doc.CellPart{1: {}}},
	}}

	return map[string]*doc.Document{
		"list in a cell": {ID: "l", Title: "List in a cell", Sections: []*doc.Section{{ID: "l1", Title: "Lists", Level: 1, Blocks: []doc.Block{listCell}}}},
		"many sections":  {ID: "m", Title: "Many sections", Sections: many},
		"empty":          {},
		"unicode": {ID: "u", Title: "Plan 🚓 £3.56bn – ‘quoted’ • שלום مرحبا \x00\x07 \xff\xfe", Subtitle: "👮‍♀️",
			Organisations: []string{"Org\u202eevil\u202c"}, Meta: []doc.Meta{{Label: "Period", Value: "2008/09 – 2010/11"}},
			Keywords: []string{"a", "🚓"}, Created: time.Date(2008, 3, 1, 0, 0, 0, 0, time.UTC),
			Sections: []*doc.Section{{ID: "s", Title: "Section 🚓 שלום", Level: 1, Blocks: []doc.Block{
				&doc.Text{Markdown: "Emoji 🚓🚓 and RTL שלום עולם مرحبا بالعالم and CJK 警察 and £ – ‘ ’ •.\n\n" +
					"**bold _bold italic_** `code` [web](https://example.org/a?b=c&d) [js](javascript:alert(1)) [nowhere](#missing) [here](#s) <https://example.org> <b>raw</b>\n\n" +
					"<div>html block</div>\n\n```\n" + strings.Repeat("code ", 80) + "\n\tindented\n```\n\n> quote\n> > nested quote\n\n---\n\n| a | b |\n|---|--:|\n| 1 | 2 | 3 |\n| x |\n\n- [x] done\n- [ ] not done\n\n3. three\n4. four\n"},
				nil,
				&doc.List{Items: []doc.ListItem{{Text: "🚓", Detail: "**d**"}, {Text: longWord, ID: "item"}}},
				&doc.List{Ordered: true},
			}}}},
		"long words": {ID: "w", Title: longWord, Organisations: []string{longWord},
			Sections: []*doc.Section{{ID: "w1", Title: longWord, Level: 1, Blocks: []doc.Block{
				&doc.Text{Markdown: longWord + " " + longWord},
				&doc.List{Ordered: true, Items: []doc.ListItem{{Text: longWord, Detail: longWord}}},
				&doc.Table{Caption: longWord, Head: []string{longWord, "b"}, Rows: []doc.Row{{Cells: []string{longWord, longWord}}, {Cells: []string{longWord}, Group: true}}, Note: longWord},
			}}}},
		"tables": {ID: "t", Title: "Tables", Sections: []*doc.Section{{ID: "t1", Title: "Tables", Level: 1, Blocks: []doc.Block{
			&doc.Table{},
			&doc.Table{Caption: "Head only", Head: []string{"a", "b"}},
			&doc.Table{Caption: "Ragged", Rows: []doc.Row{{Cells: []string{"1"}}, {Cells: []string{"1", "2", "3"}}, {Cells: nil}}},
			wide, long,
		}}}},
		"charts":  {ID: "c", Title: "Charts", Sections: []*doc.Section{{ID: "c1", Title: "Charts", Level: 1, Blocks: charts}}},
		"nesting": {ID: "n", Title: "Nesting", Sections: []*doc.Section{nested, {ID: "d", Title: "Deep list", Level: 1, Blocks: []doc.Block{&doc.Text{Markdown: deep}}}, nil}},
	}
}

// TestHostile writes every hostile document: no panic, no error, the text
// survives (the long word whole, £ and quotes exact), and no word is drawn
// past the side margins.
func TestHostile(t *testing.T) {
	for name, d := range hostile() {
		t.Run(name, func(t *testing.T) {
			if d.ID == "" {
				d.ID = "empty"
			}
			path, b := writePDF(t, d)
			var again bytes.Buffer
			if err := pdf.Write(&again, d); err != nil || !bytes.Equal(b, again.Bytes()) {
				t.Errorf("second write differs (err %v)", err)
			}
			if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			text := squash(bodyText(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"), d.Title))
			switch name {
			case "long words":
				if n := strings.Count(text, longWord); n < 6 {
					t.Errorf("the 10,000-character word survives whole %d times, want at least 6", n)
				}
			case "list in a cell":
				// One L a list, each item an LI with its bullet and text,
				// in the TD, however many pages the row runs over.
				st := run(t, "pdfinfo", "-struct-text", path)
				if n := strings.Count(st, " LI (block)\n"); n != 151 {
					t.Errorf("%d list items tagged LI, want 151", n)
				}
				if !regexp.MustCompile(`TD\n\s+P \(block\)\n\s+"These include:"\n\s+L \(block\):`).MatchString(st) || strings.Count(st, " L (block):\n") != 2 {
					t.Errorf("the cell is not TD > P, L (two lists):\n%.2000s", st)
				}
				for _, w := range []string{"Issue149", "Afterthelist.", "asecondlist"} {
					if !strings.Contains(text, w) {
						t.Errorf("text lacks %q", w)
					}
				}
			case "unicode":
				for _, w := range []string{"£3.56bn–‘quoted’•", "Emoji\uFFFD\uFFFDand", "CJK\uFFFD\uFFFDand", "https://example.org"} {
					if !strings.Contains(text, w) {
						t.Errorf("text lacks %q", w)
					}
				}
			}
			bbox := run(t, "pdftotext", "-bbox", path, "-")
			var bad int
			for _, l := range strings.Split(bbox, "\n") {
				if !strings.Contains(l, "<word ") {
					continue
				}
				var x0, y0, x1, y1 float64
				i := strings.Index(l, "xMin=")
				fmt.Sscanf(l[i:], `xMin="%f" yMin="%f" xMax="%f" yMax="%f"`, &x0, &y0, &x1, &y1)
				if x0 < leftPt-1 || x1 > rightPt+1 {
					if bad++; bad <= 5 {
						t.Errorf("word past the margins (%.1f to %.1f pt, text area %.1f to %.1f): %s", x0, x1, leftPt, rightPt, l)
					}
				}
			}
		})
	}
}

// FuzzWrite puts arbitrary text everywhere a Document carries text.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"", "🚓", "שלום", "\xff", "**a** [b](#c)\n\n- x\n  - y", longWord[:300], "| a |\n|---|\n| b |", "<x>", "```\n\t\n```"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Document{ID: "f", Title: s, Subtitle: s, Organisations: []string{s}, Meta: []doc.Meta{{Label: s, Value: s}},
			Sections: []*doc.Section{{ID: s, Title: s, Level: 1, Blocks: []doc.Block{
				&doc.Text{Markdown: s},
				&doc.List{Items: []doc.ListItem{{ID: s, Text: s, Detail: s}}},
				&doc.Table{Caption: s, Head: []string{s, s}, Numeric: []bool{false, true}, Rows: []doc.Row{{Cells: []string{s, s}}, {Cells: []string{s}, Group: true}}, Note: s},
				&doc.Chart{Kind: doc.ChartBars, Title: s, Alt: "alt " + s, Labels: []string{s}, Series: []doc.Series{{Name: s, Values: []doc.Point{{Value: 1, Text: s, Status: s}}}}},
			}}},
		}
		var b bytes.Buffer
		if err := pdf.Write(&b, d); err != nil {
			t.Fatalf("Write: %v", err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Fatal("output is not a PDF")
		}
	})
}
