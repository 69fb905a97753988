package markup

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mpsplan/mpsplan/internal/gfmtest"
	"github.com/mpsplan/mpsplan/internal/golden"
	"github.com/mpsplan/mpsplan/internal/testplans"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
	"github.com/mpsplan/mpsplan/render/plandoc"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

const (
	goldenDir = "../../testdata/golden"
)

type loaded struct {
	id  string
	p   *plan.Plan
	doc *doc.Document
}

// realPlans lays out every plan under plans/ that loads.
func realPlans(t testing.TB) []loaded {
	t.Helper()
	var out []loaded
	for _, p := range testplans.Load(t) {
		d, err := plandoc.Build(p, plandoc.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		out = append(out, loaded{id: p.ID, p: p, doc: d})
	}
	return out
}

// allDocs is the sample document and every real plan's.
func allDocs(t testing.TB) []*doc.Document {
	t.Helper()
	docs := []*doc.Document{sampleDoc()}
	for _, l := range realPlans(t) {
		docs = append(docs, l.doc)
	}
	return docs
}

func defaults(t testing.TB) *Templates {
	t.Helper()
	tm, err := DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func render(t testing.TB, tm *Templates, d *doc.Document) (md, html []byte) {
	t.Helper()
	var m, h bytes.Buffer
	if err := tm.WriteMarkdown(&m, d); err != nil {
		t.Fatalf("%s: markdown: %v", d.ID, err)
	}
	if err := tm.WriteHTML(&h, d); err != nil {
		t.Fatalf("%s: html: %v", d.ID, err)
	}
	return m.Bytes(), h.Bytes()
}

func TestGoldenPlans(t *testing.T) {
	tm := defaults(t)
	for _, l := range realPlans(t) {
		t.Run(l.id, func(t *testing.T) {
			md, html := render(t, tm, l.doc)
			golden.Check(t, filepath.Join(goldenDir, l.id+".md"), md)
			golden.Check(t, filepath.Join(goldenDir, l.id+".html"), html)
		})
	}
	t.Run("sample", func(t *testing.T) {
		md, html := render(t, tm, sampleDoc())
		golden.Check(t, filepath.Join(goldenDir, "sample.md"), md)
		golden.Check(t, filepath.Join(goldenDir, "sample.html"), html)
	})
}

// TestDeterministic builds every plan twice, the second time from a fresh
// load and fresh templates, and wants the same bytes.
func TestDeterministic(t *testing.T) {
	first := realPlans(t)
	second := realPlans(t)
	fresh, err := LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	for i := range first {
		m1, h1 := render(t, defaults(t), first[i].doc)
		m2, h2 := render(t, fresh, second[i].doc)
		if !bytes.Equal(m1, m2) || !bytes.Equal(h1, h2) {
			t.Errorf("%s: two builds differ", first[i].id)
		}
	}
}

// TestRawHTMLIsText: raw HTML a plan author writes shows as text in both
// formats; it never reaches a browser as markup.
func TestRawHTMLIsText(t *testing.T) {
	tests := []string{
		"<script>alert(1)</script>",
		"before <b onclick=\"x()\">inline</b> after",
		"<div>\nblock\n</div>",
		"<!-- a comment -->",
		"<img src=x onerror=alert(1)>",
	}
	tm := defaults(t)
	for _, src := range tests {
		d := &doc.Document{Kind: "plan", ID: "t", Title: "T", Sections: []*doc.Section{{ID: "s", Title: "S", Level: 1, Blocks: []doc.Block{&doc.Text{Markdown: src}}}}}
		md, h := render(t, tm, d)
		for what, out := range map[string]string{"html": string(h), "markdown read by a GFM parser": gfmtest.HTML(t, md)} {
			body := out[strings.Index(out, "<h2")+1:]
			for _, tag := range []string{"<script", "<b ", "<div>", "<!--", "<img"} {
				if strings.Contains(body, tag) {
					t.Errorf("%q: %s has markup %s:\n%s", src, what, tag, body)
				}
			}
			if !strings.Contains(body, "&lt;") {
				t.Errorf("%q: %s does not show the HTML as text:\n%s", src, what, body)
			}
		}
	}
}

// TestMarkdownStructure reads every built Markdown file back with a GFM
// parser: one h1, no heading more than one level below the one before,
// and every table of the document a table, with its cells as written.
func TestMarkdownStructure(t *testing.T) {
	tm := defaults(t)
	docs := allDocs(t)
	for _, d := range docs {
		md, _ := render(t, tm, d)
		root := mdtext.Parse(md)
		h1, last, tables := 0, 0, 0
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Heading:
				if n.Level == 1 {
					h1++
				}
				if n.Level > last+1 {
					seg := n.Lines().At(0)
					t.Errorf("%s: heading %q is level %d after level %d", d.ID, seg.Value(md), n.Level, last)
				}
				last = n.Level
			case *east.Table:
				tables++
			}
			return ast.WalkContinue, nil
		})
		if h1 != 1 {
			t.Errorf("%s: %d level-1 headings, want 1", d.ID, h1)
		}
		want := 0
		var cells []string
		var walk func(ss []*doc.Section)
		walk = func(ss []*doc.Section) {
			for _, s := range ss {
				for _, b := range s.Blocks {
					var tb *doc.Table
					switch b := b.(type) {
					case *doc.Table:
						tb = b
					case *doc.Chart:
						tb = b.Data
					}
					if tb != nil {
						want++
						for _, r := range tb.Rows {
							for i, c := range r.Cells {
								if ps := r.Parts[i]; ps != nil {
									// A cell holding a list reads back
									// with its items marked "•".
									var w []string
									for _, p := range ps {
										if p.Text != "" {
											w = append(w, p.Text)
										}
										for _, it := range p.Items {
											w = append(w, "• "+it)
										}
									}
									c = strings.Join(w, " ")
								}
								cells = append(cells, c)
							}
						}
					}
				}
				walk(s.Sections)
			}
		}
		walk(d.Sections)
		want += authorTables(d) // tables the author wrote in Markdown count too
		if tables != want {
			t.Errorf("%s: a GFM parser reads %d tables, the document has %d", d.ID, tables, want)
		}
		out := gfmtest.HTML(t, md)
		for _, c := range cells {
			esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(c)
			if !strings.Contains(out, ">"+esc+"<") {
				t.Errorf("%s: cell %q does not read back as written", d.ID, c)
			}
		}
	}
}

func TestTemplateOverride(t *testing.T) {
	d := sampleDoc()
	tests := []struct {
		name, file, src  string
		wantMD, wantHTML string // text the output must contain
		wantErr          string // with the folder prepended
	}{
		{name: "title block", file: "title.md.tmpl", src: "# Overridden: {{md .Title}}\n", wantMD: "# Overridden: Sample plan \\| 2026\n"},
		{name: "table layout", file: "table.html.tmpl", src: `<p class="my-table">{{.Caption}}</p>`, wantHTML: `<p class="my-table">Revenue budget</p>`},
		{name: "stylesheet", file: "style.css", src: "body { color: #123456; }", wantHTML: "body { color: #123456; }"},
		{name: "parse error", file: "list.md.tmpl", src: "line one\n{{if .Ordered}\n", wantErr: "list.md.tmpl:2:"},
		{name: "exec error", file: "chart.html.tmpl", src: "<p>\n{{.NoSuchField}}</p>", wantErr: "chart.html.tmpl:2:"},
		{name: "unknown func", file: "text.md.tmpl", src: "{{nosuch .}}", wantErr: "text.md.tmpl:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			tm, err := LoadTemplates(dir)
			var md, h bytes.Buffer
			if err == nil {
				if err = tm.WriteMarkdown(&md, d); err == nil {
					err = tm.WriteHTML(&h, d)
				}
			}
			if tt.wantErr != "" {
				want := filepath.Join(dir, tt.wantErr)
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("error %v, want it to name %s", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(md.String(), tt.wantMD) || !strings.Contains(h.String(), tt.wantHTML) {
				t.Errorf("override not used:\n%s\n%s", md.String()[:min(md.Len(), 300)], h.String()[:min(h.Len(), 300)])
			}
		})
	}
	if _, err := LoadTemplates(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing template folder gives no error")
	}
}

// buildPlan lays p out and prints it as Markdown and HTML, as mpsplan
// build does.
func buildPlan(tm *Templates, p *plan.Plan) (md, html []byte, err error) {
	var m, h bytes.Buffer
	// Sized as mpsplan build sizes its buffers.
	m.Grow(256 << 10)
	h.Grow(256 << 10)
	d, err := plandoc.Build(p, plandoc.Options{})
	if err == nil {
		err = tm.WriteMarkdown(&m, d)
	}
	if err == nil {
		err = tm.WriteHTML(&h, d)
	}
	return m.Bytes(), h.Bytes(), err
}

// BenchmarkBuildAll lays out every plan and prints it as Markdown and
// HTML: one after the other, and concurrently, one plan a goroutine, as
// mpsplan build does.
// FuzzBuild decodes any YAML as a plan and, whatever the diagnostics,
// lays it out and prints it: nothing may panic, however broken the plan.
func FuzzBuild(f *testing.F) {
	dirs, _ := plan.Dirs(testplans.Dir())
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		var all []byte
		for _, file := range files {
			b, _ := os.ReadFile(file)
			all = append(append(all, b...), '\n')
		}
		f.Add(all)
	}
	f.Add([]byte("id: x\ntitle: T\nobjectives: [{id: a, title: A, outcomes: [nope]}]\nmeasures: [{id: m, title: M, kind: cpa, unit: percent, results: [{year: 2006/07, value: 79%}], targets: [{year: 2007/08, kind: level, text: x, value: 5}]}]\n"))
	tm, err := DefaultTemplates()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags plan.Diagnostics
		p := plan.Decode([]plan.File{{Name: "plan.yaml", Data: data}}, &diags)
		if p == nil {
			return
		}
		plan.Validate(p, &diags)
		d, err := plandoc.Build(p, plandoc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := tm.WriteMarkdown(&b, d); err != nil {
			t.Fatal(err)
		}
		if err := tm.WriteHTML(&b, d); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkBuildAll(b *testing.B) {
	plans := realPlans(b)
	tm := defaults(b)
	one := func(l loaded) {
		if _, _, err := buildPlan(tm, l.p); err != nil {
			b.Error(err)
		}
	}
	b.Run("sequential", func(b *testing.B) {
		for b.Loop() {
			for _, l := range plans {
				one(l)
			}
		}
	})
	b.Run("concurrent", func(b *testing.B) {
		for b.Loop() {
			var wg sync.WaitGroup
			for _, l := range plans {
				wg.Go(func() { one(l) })
			}
			wg.Wait()
		}
	})
}

// TestPlainParagraphs: where the fast path renders text without goldmark,
// it must give what goldmark gives, on every text of every plan and on
// text made to test its edges.
func TestPlainParagraphs(t *testing.T) {
	texts := []string{
		"One line.", "Two\nlines.", "Para one.\n\nPara two.\n", "  leading spaces", "1 April 2006 was a date.",
		"1. a list", "12) a list", "- a list", "say \"hi\"", "trailing  \nbreak", "    code", "a\n    continued",
		"£3.56bn – 77% (2008/09)", "www.example.org", "a: b", "x\n\n\n\ny", "a > b", "R&D and M&S", "AT&amp;T", "&#35;",
		"see http://example.org", "# heading", "===", "a\n===", "a\n---", "wow!", "a #1 b", "x = y", "mail me@example.org",
	}
	for _, l := range realPlans(t) {
		l.doc.Walk(func(s *doc.Section) {
			for _, b := range s.Blocks {
				if tx, ok := b.(*doc.Text); ok {
					texts = append(texts, tx.Markdown)
				}
			}
		})
	}
	fast := 0
	for _, src := range texts {
		got, ok := plainParagraphs(src)
		if !ok {
			continue
		}
		fast++
		var want bytes.Buffer
		if err := markdownFor(2).Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if got != want.String() {
			t.Errorf("plainParagraphs(%q) = %q, goldmark gives %q", src, got, want.String())
		}
	}
	if fast == 0 {
		t.Error("the fast path was never taken")
	}
}

// TestCommonMarkPath: text that needsGFM says no GFM extension applies to
// must render the same through plain CommonMark.
func TestCommonMarkPath(t *testing.T) {
	texts := []string{
		"**bold** and *em*\n\n- one\n- two", "a | b\n--- | ---\n1 | 2", "~~gone~~", "- [ ] task\n- [x] done",
		"see http://example.org", "www.example.org", "me@example.org", "1. one\n2. two\n\n> quote",
	}
	for _, d := range allDocs(t) {
		d.Walk(func(s *doc.Section) {
			for _, b := range s.Blocks {
				switch b := b.(type) {
				case *doc.Text:
					texts = append(texts, b.Markdown)
				case *doc.Table:
					texts = append(texts, b.Note)
				case *doc.List:
					for _, it := range b.Items {
						texts = append(texts, it.Detail)
					}
				}
			}
		})
	}
	cm := 0
	for _, src := range texts {
		if needsGFM(src) {
			continue
		}
		cm++
		var a, b bytes.Buffer
		if err := pickMarkdown(2, true).Convert([]byte(src), &a); err != nil {
			t.Fatal(err)
		}
		if err := pickMarkdown(2, false).Convert([]byte(src), &b); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("CommonMark and GFM differ on %q:\n%s\n%s", src, a.String(), b.String())
		}
	}
	if cm == 0 {
		t.Error("the CommonMark path was never taken")
	}
}

// TestConcurrentWriters: the build command renders plans in parallel with
// one Templates; every output must be what a lone run gives (and go test
// -race must find nothing).
func TestConcurrentWriters(t *testing.T) {
	tm := defaults(t)
	plans := realPlans(t)
	type out struct{ md, html []byte }
	want := make([]out, len(plans))
	for i, l := range plans {
		want[i].md, want[i].html = render(t, tm, l.doc)
	}
	got := make([]out, len(plans))
	done := make(chan int)
	for i, l := range plans {
		go func() {
			m, h, err := buildPlan(tm, l.p)
			if err != nil {
				t.Error(err)
			}
			got[i] = out{m, h}
			done <- i
		}()
	}
	for range plans {
		<-done
	}
	for i := range plans {
		if !bytes.Equal(got[i].md, want[i].md) || !bytes.Equal(got[i].html, want[i].html) {
			t.Errorf("%s: concurrent output differs", plans[i].id)
		}
	}
}

// TestHTMLShape checks, without outside tools, what every HTML file must
// have: one self-contained file (nothing fetched), en-GB, a skip link to
// the main content, one h1, a contents list, captions on every table and
// a scope on every header cell.
func TestHTMLShape(t *testing.T) {
	tm := defaults(t)
	docs := allDocs(t)
	for _, d := range docs {
		_, b := render(t, tm, d)
		h := string(b)
		for _, bad := range []string{"<link", "<script", "<img", "<iframe", " src=", "@import", "url("} {
			if strings.Contains(h, bad) {
				t.Errorf("%s: HTML holds %q: it must fetch nothing", d.ID, bad)
			}
		}
		for _, want := range []string{`<html lang="en-GB">`, `<a class="skip-link" href="#main">`, `<main id="main"`, `<nav class="contents"`, "@media print", "<style>"} {
			if !strings.Contains(h, want) {
				t.Errorf("%s: HTML lacks %q", d.ID, want)
			}
		}
		if n := strings.Count(h, "<h1"); n != 1 {
			t.Errorf("%s: %d h1 elements", d.ID, n)
		}
		if tables, captions := strings.Count(h, "<table"), strings.Count(h, "<caption"); tables != captions+authorTables(d) {
			t.Errorf("%s: %d tables, %d captions", d.ID, tables, captions)
		}
		if ths, scoped := strings.Count(h, "<th"), strings.Count(h, "<th scope="); ths-strings.Count(h, "<thead") != scoped+authorHeaderCells(h) {
			t.Errorf("%s: %d header cells, %d with a scope", d.ID, ths-strings.Count(h, "<thead"), scoped)
		}
		if n := strings.Count(h, "<svg"); n != strings.Count(h, `role="img"`) || n != strings.Count(h, "<desc") {
			t.Errorf("%s: a chart lacks role=img or its description", d.ID)
		}
	}
}

// authorTables counts the tables plan authors wrote in Markdown, which
// GFM prints without a caption.
func authorTables(d *doc.Document) int {
	n := 0
	d.Walk(func(s *doc.Section) {
		for _, b := range s.Blocks {
			if tx, ok := b.(*doc.Text); ok {
				_ = ast.Walk(mdtext.Parse([]byte(tx.Markdown)), func(node ast.Node, e bool) (ast.WalkStatus, error) {
					if _, ok := node.(*east.Table); ok && e {
						n++
					}
					return ast.WalkContinue, nil
				})
			}
		}
	})
	return n
}

// authorHeaderCells counts header cells goldmark prints for author tables:
// "<th>" or "<th style=...>" without a scope.
func authorHeaderCells(h string) int {
	return strings.Count(h, "<th>") + strings.Count(h, "<th style=")
}

func TestGithubSlugs(t *testing.T) {
	d := &doc.Document{Title: "Plan 2008-11", Sections: []*doc.Section{
		{Title: "Key activities 2008/09"},
		{Title: "Communities are engaged with, confident in & satisfied"},
		{Title: "Risks and issues", Sections: []*doc.Section{{Title: "Risks and Issues"}}},
		{Title: "People's *priorities* – 2012_games"},
		{Title: "Contents"},
	}}
	want := []string{"key-activities-200809", "communities-are-engaged-with-confident-in--satisfied", "risks-and-issues", "risks-and-issues-1", "peoples-priorities--2012_games", "contents-1"}
	slugs := githubSlugs(d)
	i := 0
	d.Walk(func(s *doc.Section) {
		if slugs[s] != want[i] {
			t.Errorf("slug of %q = %q, want %q", s.Title, slugs[s], want[i])
		}
		i++
	})
}

// TestTemplateErrorFile: errors of both template packages name the file a
// template came from, built in or overriding.
func TestTemplateErrorFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "title.html.tmpl"), []byte("<p>{{.Title}}</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{`template: table.md.tmpl:3:7: executing "table.md.tmpl" at <md>: boom`, `templates/table.md.tmpl:3:7: executing "table.md.tmpl" at <md>: boom`},
		{`html/template:title.html.tmpl:1:5: no such template`, filepath.Join(dir, "title.html.tmpl") + `:1:5: no such template`},
		{`template: x-table.md.tmpl:1: other`, `template: x-table.md.tmpl:1: other`},
	}
	for _, tt := range tests {
		if got := tm.fileError(errors.New(tt.in)).Error(); got != tt.want {
			t.Errorf("fileError(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAdjacentListsStayApart: two lists in a row are two lists when the
// Markdown is read back, as in the HTML: built lists, and a built list
// beside Markdown text that opens or ends with a list (a placed list
// followed by an objective's "- Outcomes: ..." facts).
func TestAdjacentListsStayApart(t *testing.T) {
	d := &doc.Document{Kind: "plan", ID: "t", Title: "T", Sections: []*doc.Section{{ID: "s", Title: "S", Level: 1, Blocks: []doc.Block{
		&doc.List{Items: []doc.ListItem{{Text: "a"}, {Text: "b"}}},
		&doc.List{Items: []doc.ListItem{{Text: "c"}}},
		&doc.List{Ordered: true, Items: []doc.ListItem{{Text: "d"}}},
		&doc.List{Ordered: true, Items: []doc.ListItem{{Text: "e"}}},
		&doc.Text{Markdown: "1. f\n2. g\n   continued"},
		&doc.List{Items: []doc.ListItem{{Text: "h"}}},
		&doc.Text{Markdown: "- Outcomes: i"},
		&doc.List{Items: []doc.ListItem{{Text: "j"}}},
	}}}}
	md, h := render(t, defaults(t), d)
	root := mdtext.Parse(md)
	lists, inSection := 0, false
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if hd, ok := n.(*ast.Heading); ok {
			inSection = hd.Level == 2 && strings.Contains(string(n.Lines().Value(md)), "S") && !strings.Contains(string(n.Lines().Value(md)), "Contents")
		}
		if _, ok := n.(*ast.List); ok && inSection {
			lists++
		}
	}
	if lists != 8 {
		t.Errorf("Markdown reads as %d lists, want 8:\n%s", lists, md)
	}
	main := string(h[bytes.Index(h, []byte("<main")):])
	if n := strings.Count(main, "<ul>") + strings.Count(main, "<ol>"); n != 8 {
		t.Errorf("HTML has %d lists, want 8", n)
	}
}

// TestCellParts: a cell holding a list prints it as <p> and <ul> in HTML
// (the table stays valid: see the Nu checker tests), and in a GFM cell,
// which holds no blocks, on its line with each item marked "•".
func TestCellParts(t *testing.T) {
	tb := &doc.Table{Head: []string{"Risk", "Detail"}, RowHeaders: true}
	r := doc.Row{Cells: []string{"Receipts", "These include: a; b <c>. Then."},
		Parts: map[int][]doc.CellPart{1: {{Text: "These include:"}, {Items: []string{"a", "b <c>"}}, {Text: "Then."}}}}
	if got, want := string(rowHTML(tb, r)), `<th scope="row">Receipts</th><td><p>These include:</p><ul><li>a</li><li>b &lt;c&gt;</li></ul><p>Then.</p></td>`; got != want {
		t.Errorf("HTML\n got %s\nwant %s", got, want)
	}
	if got, want := strings.Join(mdCells(tb, r), " | "), `Receipts | These include: • a • b \<c> Then.`; got != want {
		t.Errorf("Markdown\n got %s\nwant %s", got, want)
	}
}
