package pdf_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/pdf"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

// squash removes all white space, so text wrapped over lines still matches.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// run runs an outside tool and returns its output, failing t on error.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tooltest.Look(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// docText is every piece of text a Document carries, for deciding which
// fidelity phrases the PDF must print.
func docText(d *doc.Document) string {
	var b strings.Builder
	add := func(ss ...string) {
		for _, s := range ss {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	table := func(t *doc.Table) {
		if t == nil {
			return
		}
		add(t.Caption, t.Note)
		add(t.Head...)
		for _, r := range t.Rows {
			add(r.Cells...)
		}
	}
	add(d.Title, d.Subtitle)
	add(d.Organisations...)
	for _, m := range d.Meta {
		add(m.Label, m.Value)
	}
	d.Walk(func(s *doc.Section) {
		add(s.Title)
		for _, bl := range s.Blocks {
			switch bl := bl.(type) {
			case *doc.Text:
				add(bl.Markdown)
			case *doc.List:
				for _, it := range bl.Items {
					add(it.Text, it.Detail)
				}
			case *doc.Table:
				table(bl)
			case *doc.Chart:
				add(bl.Title)
				add(bl.Labels...)
				for _, s := range bl.Series {
					for _, p := range s.Values {
						add(p.Text, p.Status)
					}
				}
				table(bl.Data)
			}
		}
	})
	return b.String()
}

// pageLine matches a running footer.
var pageLine = regexp.MustCompile(`^(.*\s)?Page \d+ of \d+$`)

// bodyText drops the running header and footer lines from pdftotext -raw
// output (content order, which keeps each table cell's lines together),
// so a paragraph that continues on the next page reads on.
func bodyText(raw, title string) string {
	var b strings.Builder
	for _, l := range strings.Split(raw, "\n") {
		t := strings.TrimSpace(strings.Trim(l, "\f"))
		short, cut := strings.CutSuffix(t, "…")
		// The running head and foot, and a draft's DRAFT mark: a sentence
		// that runs over a page reads on without them.
		if t == title || cut && strings.HasPrefix(title, short) || pageLine.MatchString(t) || t == "DRAFT" {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// fidelity returns the figures and phrases listed for plan id.
func fidelity(t *testing.T, id string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(tooltest.RepoRoot(), "testdata", "fidelity", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// TestPlans builds every plan's PDF and checks what readers get from it:
// the figures and headings extract as text, the file is structurally sound
// (qpdf), every font is embedded, and the bytes are the same every time.
func TestPlans(t *testing.T) {
	for _, id := range planIDs(t) {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			d := planDoc(t, id)
			path, b := writePDF(t, d)

			var again bytes.Buffer
			if err := pdf.Write(&again, planDoc(t, id)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b, again.Bytes()) {
				t.Errorf("two builds of %s differ", id)
			}

			raw := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
			text := squash(bodyText(raw, d.Title))
			var want []string
			d.Walk(func(s *doc.Section) { want = append(want, s.Title) })
			inDoc := squash(docText(d))
			skipped := 0
			for _, f := range fidelity(t, id) {
				f = strings.ReplaceAll(f, "**", "")
				if strings.Contains(inDoc, squash(f)) {
					want = append(want, f)
				} else {
					skipped++
				}
			}
			for _, w := range want {
				// Words of the title are on the cover, which bodyText
				// leaves out with the running heads.
				inTitle := strings.Contains(squash(d.Title), squash(w)) && strings.Contains(squash(raw), squash(w))
				if !strings.Contains(text, squash(w)) && !inTitle {
					t.Errorf("pdftotext output lacks %q", w)
				}
			}
			info := run(t, "pdfinfo", path)
			var pages int
			for _, l := range strings.Split(info, "\n") {
				fmt.Sscanf(l, "Pages: %d", &pages)
			}
			checkOutline(t, d, path, strings.Split(raw, "\f"))
			checkLinks(t, d, path, strings.Split(raw, "\f"))
			if !strings.Contains(squash(raw), squash(d.Title)) {
				t.Errorf("pdftotext output lacks the title %q", d.Title)
			}
			if footer := fmt.Sprintf("Page 2 of %d", pages); pages < 2 || !strings.Contains(raw, footer) {
				t.Errorf("no footer %q in %d pages", footer, pages)
			}
			t.Logf("%s: %d pages, %d bytes, %d phrases checked (%d fidelity phrases not in the Document)", id, pages, len(b), len(want), skipped)

			if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			// The tags are an incremental update: the file up to the first
			// %%EOF is the untagged PDF. Tagging must not change the text.
			untagged := filepath.Join(t.TempDir(), "untagged.pdf")
			end := bytes.Index(b, []byte("%%EOF\n")) + len("%%EOF\n")
			if err := os.WriteFile(untagged, b[:end], 0o644); err != nil {
				t.Fatal(err)
			}
			if end == len(b) {
				t.Error("the file has no tagging update")
			} else if u := run(t, "pdftotext", "-enc", "UTF-8", untagged, "-"); u != run(t, "pdftotext", "-enc", "UTF-8", path, "-") {
				t.Error("pdftotext reads different text from the tagged and the untagged file")
			}
			fonts := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
			if len(fonts) < 3 {
				t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(fonts, "\n"))
			}
			for _, l := range fonts[2:] {
				if f := strings.Fields(l); len(f) < 7 || f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", l)
				}
			}
		})
	}
}

// TestMetadata checks the document information a reader shows.
func TestMetadata(t *testing.T) {
	d := planDoc(t, "2008-11")
	path, _ := writePDF(t, d)
	info := run(t, "pdfinfo", path)
	for _, w := range []string{
		"Title:           Corporate Plan 2008-11",
		"Subject:         Corporate Plan 2008-11: Executive Summary",
		"Keywords:        " + strings.Join(d.Keywords, ", "),
		"Author:          Metropolitan Police Authority, Metropolitan Police Service",
		"Creator:         mpsplan",
		"Tagged:          yes",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}
	meta := run(t, "pdfinfo", "-meta", path)
	var x struct{}
	if err := xml.Unmarshal([]byte(meta[strings.Index(meta, "<x:xmpmeta"):strings.LastIndex(meta, "</x:xmpmeta>")+len("</x:xmpmeta>")]), &x); err != nil {
		t.Errorf("XMP metadata is not well-formed XML: %v", err)
	}
	if !strings.Contains(meta, "<pdfuaid:part>1</pdfuaid:part>") {
		t.Errorf("XMP lacks the PDF/UA identification:\n%s", meta)
	}
}

// BenchmarkWrite measures writing each plan's PDF.
func BenchmarkWrite(b *testing.B) {
	for _, id := range planIDs(b) {
		d := planDoc(b, id)
		b.Run(id, func(b *testing.B) {
			for b.Loop() {
				var w bytes.Buffer
				if err := pdf.Write(&w, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

// checkOutline checks there is a bookmark for every section, nested as the
// sections are, each leading to the page that shows its title.
func checkOutline(t *testing.T, d *doc.Document, path string, pages []string) {
	t.Helper()
	var q struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &q); err != nil {
		t.Fatal(err)
	}
	var check func(os []outline, ss []*doc.Section)
	check = func(os []outline, ss []*doc.Section) {
		if len(os) != len(ss) {
			t.Errorf("%d bookmarks where there are %d sections", len(os), len(ss))
			return
		}
		for i, o := range os {
			if o.Title != ss[i].Title {
				t.Errorf("bookmark %q for section %q", o.Title, ss[i].Title)
			}
			if o.Page < 1 || o.Page > len(pages) || !strings.Contains(squash(pages[o.Page-1]), squash(ss[i].Title)) {
				t.Errorf("bookmark %q leads to page %d, which does not show it", o.Title, o.Page)
			}
			check(o.Kids, ss[i].Sections)
		}
	}
	check(q.Outlines, d.Sections)
}

// checkLinks checks that every link to a section (the contents, cross
// references) leads to the page that shows the section's title.
func checkLinks(t *testing.T, d *doc.Document, path string, pages []string) {
	t.Helper()
	titles := map[string]string{}
	d.Walk(func(s *doc.Section) { titles[s.ID] = s.Title })
	listed := 0 // the contents lists two levels
	for _, s := range d.Sections {
		listed += 1 + len(s.Sections)
	}
	var q qpdfJSON
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", path)), &q); err != nil || len(q.Qpdf) < 2 {
		t.Fatalf("qpdf JSON: %v", err)
	}
	objs := map[string]qobj{}
	if err := json.Unmarshal(q.Qpdf[1], &objs); err != nil {
		t.Fatal(err)
	}
	pageNo := map[string]int{}
	for i, p := range q.Pages {
		pageNo[p.Object] = i + 1
	}
	checked := 0
	for _, p := range q.Pages {
		annots, _ := objs["obj:"+p.Object].Value.(map[string]any)["/Annots"].([]any)
		for _, a := range annots {
			ad, _ := objs["obj:"+a.(string)].Value.(map[string]any)
			dest, ok := ad["/Dest"].([]any)
			if !ok {
				continue
			}
			id := strings.TrimPrefix(strings.TrimPrefix(fmt.Sprint(ad["/Contents"]), "u:"), "Go to ")
			title, ok := titles[id]
			if !ok {
				continue
			}
			n := pageNo[fmt.Sprint(dest[0])]
			if n < 1 || !strings.Contains(squash(pages[n-1]), squash(title)) {
				t.Errorf("link to %q leads to page %d, which does not show it", title, n)
			}
			checked++
		}
	}
	if checked < listed {
		t.Errorf("checked %d links to sections, fewer than the %d sections the contents lists", checked, listed)
	}
}

// TestConcurrent writes the plans at the same time: the shared font
// measurer and Markdown parser must give the same bytes as one at a time
// (run with -race to check for races too).
func TestConcurrent(t *testing.T) {
	ids := planIDs(t)
	want := map[string][]byte{}
	for _, id := range ids {
		var b bytes.Buffer
		if err := pdf.Write(&b, planDoc(t, id)); err != nil {
			t.Fatal(err)
		}
		want[id] = b.Bytes()
	}
	errs := make(chan error, len(ids))
	for _, id := range ids {
		d := planDoc(t, id)
		go func() {
			var b bytes.Buffer
			err := pdf.Write(&b, d)
			if err == nil && !bytes.Equal(b.Bytes(), want[id]) {
				err = fmt.Errorf("%s: concurrent write differs", id)
			}
			errs <- err
		}()
	}
	for range ids {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestCreationDate: the file's dates are the document's; an undated
// document has none (not the Unix epoch, not the clock).
func TestCreationDate(t *testing.T) {
	for _, tt := range []struct {
		created time.Time
		want    string
	}{
		{time.Date(2008, 3, 1, 12, 30, 0, 0, time.UTC), "Sat Mar  1 12:30:00 2008 UTC"},
		{time.Date(2008, 3, 1, 12, 30, 0, 0, time.FixedZone("BST", 3600)), "Sat Mar  1 11:30:00 2008 UTC"},
		{time.Time{}, ""},
	} {
		d := &doc.Document{ID: "d", Title: "Dated", Created: tt.created}
		path, data := writePDF(t, d)
		info := run(t, "pdfinfo", path)
		meta := run(t, "pdfinfo", "-meta", path)
		if tt.created.IsZero() {
			if strings.Contains(info, "CreationDate") || strings.Contains(info, "ModDate") || strings.Contains(meta, "CreateDate") ||
				strings.Contains(meta, "ModifyDate") || bytes.Contains(data, []byte("D:1970")) {
				t.Errorf("an undated document carries a date:\n%s\n%s", info, meta)
			}
			continue
		}
		for _, f := range []string{"CreationDate", "ModDate"} {
			if w := fmt.Sprintf("%s:%s%s", f, strings.Repeat(" ", 16-len(f)), tt.want); !strings.Contains(info, w) {
				t.Errorf("created %v: pdfinfo lacks %q:\n%s", tt.created, w, info)
			}
		}
		if !strings.Contains(meta, "<xmp:CreateDate>"+tt.created.UTC().Format("2006-01-02T15:04:05Z")) {
			t.Errorf("XMP CreateDate does not match:\n%s", meta)
		}
	}
}
