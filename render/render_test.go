package render

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const (
	plansDir  = "../plans"
	goldenDir = "../testdata/golden"
)

type loaded struct {
	id  string
	p   *plan.Plan
	doc *Document
}

// realPlans loads every plan under plans/ that loads without errors and
// lays it out. A plan that does not load is the loader's tests' business;
// it is logged, not built.
func realPlans(t testing.TB) []loaded {
	t.Helper()
	dirs, err := plan.Dirs(plansDir)
	if err != nil {
		t.Fatal(err)
	}
	var out []loaded
	for _, dir := range dirs {
		p, diags := plan.Load(dir)
		if p == nil || diags.HasErrors() {
			t.Logf("%s does not load, not built: %s", dir, diags.Summary())
			continue
		}
		d, err := PlanDocument(p, Options{})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		out = append(out, loaded{id: p.ID, p: p, doc: d})
	}
	if len(out) == 0 {
		t.Fatal("no plan loads")
	}
	return out
}

// allDocs is the sample document and every real plan's.
func allDocs(t testing.TB) []*Document {
	t.Helper()
	docs := []*Document{sampleDoc()}
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

func render(t testing.TB, tm *Templates, d *Document) (md, html []byte) {
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

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the golden file at line %d:\n got: %q\nwant: %q\n(run go test ./render -update if the change is intended)", name, i+1, g, w)
			}
		}
	}
}

func TestGoldenPlans(t *testing.T) {
	tm := defaults(t)
	for _, l := range realPlans(t) {
		t.Run(l.id, func(t *testing.T) {
			md, html := render(t, tm, l.doc)
			golden(t, l.id+".md", md)
			golden(t, l.id+".html", html)
		})
	}
	t.Run("sample", func(t *testing.T) {
		md, html := render(t, tm, sampleDoc())
		golden(t, "sample.md", md)
		golden(t, "sample.html", html)
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

func TestDocumentDate(t *testing.T) {
	epoch := time.Unix(1700000000, 0) // 14 November 2023
	tests := []struct {
		plan     plan.Date
		fallback time.Time
		want     string
		created  time.Time
	}{
		{"2006-02-23", epoch, "23 February 2006", time.Date(2006, 2, 23, 0, 0, 0, 0, time.UTC)},
		{"2005-09", epoch, "September 2005", time.Date(2005, 9, 1, 0, 0, 0, 0, time.UTC)},
		{"", epoch, "14 November 2023", time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)},
		{"", time.Time{}, "", time.Time{}},
		{"2006-1", epoch, "2006-1", time.Time{}},
		{"2006-13-40", epoch, "2006-13-40", time.Time{}},
	}
	for _, tt := range tests {
		got, created := documentDate(tt.plan, tt.fallback)
		if got != tt.want || !created.Equal(tt.created) {
			t.Errorf("documentDate(%q) = %q, %v; want %q, %v", tt.plan, got, created, tt.want, tt.created)
		}
	}
}

// gfmHTML renders Markdown the way a GFM reader would, keeping raw HTML so
// a test can see whether any got through.
func gfmHTML(t testing.TB, src []byte) string {
	t.Helper()
	var b bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := md.Convert(src, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

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
		got := strings.TrimSpace(unlink(gfmHTML(t, []byte(EscapeMarkdown(s)))))
		got = strings.TrimSuffix(strings.TrimPrefix(got, "<p>"), "</p>")
		if got != want {
			t.Errorf("EscapeMarkdown(%q) = %q reads as %q, want %q", s, EscapeMarkdown(s), got, want)
		}
		// As a table cell.
		cell := unlink(gfmHTML(t, []byte("| h |\n| --- |\n| "+EscapeMarkdown(s)+" |\n")))
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
		cell := gfmHTML(t, []byte("| h |\n| --- |\n| "+EscapeMarkdown(s)+" |\n"))
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
		d := &Document{Kind: "plan", ID: "t", Title: "T", Sections: []*Section{{ID: "s", Title: "S", Level: 1, Blocks: []Block{&Text{Markdown: src}}}}}
		md, h := render(t, tm, d)
		for what, out := range map[string]string{"html": string(h), "markdown read by a GFM parser": gfmHTML(t, md)} {
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
		root := gfm.Parser().Parse(text.NewReader(md))
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
		var walk func(ss []*Section)
		walk = func(ss []*Section) {
			for _, s := range ss {
				for _, b := range s.Blocks {
					var tb *Table
					switch b := b.(type) {
					case *Table:
						tb = b
					case *Chart:
						tb = b.Data
					}
					if tb != nil {
						want++
						for _, r := range tb.Rows {
							cells = append(cells, r.Cells...)
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
		out := gfmHTML(t, md)
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

func TestPlanDocumentNil(t *testing.T) {
	if _, err := PlanDocument(nil, Options{}); err == nil {
		t.Error("PlanDocument(nil) gives no error")
	}
}

// TestPlanLayout checks what the builder promises on the real plans:
// unique anchors, no empty section, and the charts the issue names.
func TestPlanLayout(t *testing.T) {
	for _, l := range realPlans(t) {
		ids := map[string]bool{}
		check := func(id, what string) {
			if id == "" {
				return
			}
			if ids[id] {
				t.Errorf("%s: anchor %q used twice (%s)", l.id, id, what)
			}
			ids[id] = true
		}
		charts := map[ChartKind]int{}
		l.doc.Walk(func(s *Section) {
			check(s.ID, "section")
			if len(s.Blocks) == 0 && len(s.Sections) == 0 && s.Level == 1 {
				t.Errorf("%s: section %q is empty", l.id, s.ID)
			}
			for _, b := range s.Blocks {
				switch b := b.(type) {
				case *Table:
					check(b.ID, "table")
				case *Chart:
					check(b.ID, "chart")
					charts[b.Kind]++
					if b.Alt == "" || b.Data == nil || len(b.Data.Rows) < len(b.Labels) {
						t.Errorf("%s: chart %q lacks its text alternative or data table", l.id, b.ID)
					}
					check(b.Data.ID, "chart data")
				}
			}
		})
		if l.p.Budget != nil {
			for _, bd := range l.p.Budget.Breakdowns {
				if (bd.Kind == "revenue" || bd.Kind == "funding" || bd.Kind == "capital") && len(bd.Items) > 1 && !ids["breakdown-"+bd.ID+"-chart"] {
					t.Errorf("%s: no chart for the %s breakdown %q", l.id, bd.Kind, bd.ID)
				}
			}
		}
		for _, m := range l.p.Measures {
			if m.Kind != "cpa" || len(m.Results) == 0 {
				continue
			}
			for _, tg := range m.Targets {
				if tg.Kind == plan.TargetLevel && charts[ChartTargetResult] == 0 {
					t.Errorf("%s: CPA %q has a level target and a result but no target-result chart", l.id, m.ID)
				}
			}
		}
	}
}

// buildPlan lays p out and prints it as Markdown and HTML, as mpsplan
// build does.
func buildPlan(tm *Templates, p *plan.Plan) (md, html []byte, err error) {
	var m, h bytes.Buffer
	// Sized as mpsplan build sizes its buffers.
	m.Grow(256 << 10)
	h.Grow(256 << 10)
	d, err := PlanDocument(p, Options{})
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
	dirs, _ := plan.Dirs(plansDir)
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
		d, err := PlanDocument(p, Options{})
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
		l.doc.Walk(func(s *Section) {
			for _, b := range s.Blocks {
				if tx, ok := b.(*Text); ok {
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
		d.Walk(func(s *Section) {
			for _, b := range s.Blocks {
				switch b := b.(type) {
				case *Text:
					texts = append(texts, b.Markdown)
				case *Table:
					texts = append(texts, b.Note)
				case *List:
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
func authorTables(d *Document) int {
	n := 0
	d.Walk(func(s *Section) {
		for _, b := range s.Blocks {
			if tx, ok := b.(*Text); ok {
				_ = ast.Walk(gfm.Parser().Parse(text.NewReader([]byte(tx.Markdown))), func(node ast.Node, e bool) (ast.WalkStatus, error) {
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
	d := &Document{Title: "Plan 2008-11", Sections: []*Section{
		{Title: "Key activities 2008/09"},
		{Title: "Communities are engaged with, confident in & satisfied"},
		{Title: "Risks and issues", Sections: []*Section{{Title: "Risks and Issues"}}},
		{Title: "People's *priorities* – 2012_games"},
		{Title: "Contents"},
	}}
	want := []string{"key-activities-200809", "communities-are-engaged-with-confident-in--satisfied", "risks-and-issues", "risks-and-issues-1", "peoples-priorities--2012_games", "contents-1"}
	slugs := githubSlugs(d)
	i := 0
	d.Walk(func(s *Section) {
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
		if got := MarkdownText(tt.in); got != tt.want {
			t.Errorf("MarkdownText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// decodePlan reads one YAML file as a plan, for builder tests; the plan
// must load without errors.
func decodePlan(t *testing.T, src string) *plan.Plan {
	t.Helper()
	base := "id: t\ntitle: Test plan\nkind: corporate-plan\norganisations: [Authority]\nperiod: {first: 2007/08, last: 2009/10}\nstatus: approved\nsource: {document: x.txt}\n"
	var diags plan.Diagnostics
	p := plan.Decode([]plan.File{{Name: "plan.yaml", Data: []byte(base + src)}}, &diags)
	if p != nil {
		plan.Validate(p, &diags)
	}
	if p == nil || diags.HasErrors() {
		var b bytes.Buffer
		_ = diags.WriteText(&b)
		t.Fatalf("test plan does not load:\n%s", b.String())
	}
	return p
}

// TestPlanDocumentRules checks the builder's layout rules on small plans.
func TestPlanDocumentRules(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		// want lists "id: title" of the top-level sections, in order.
		want []string
		// check, if set, looks further.
		check func(t *testing.T, d *Document)
	}{
		{
			name: "nothing but the required: no sections",
			yaml: "",
			want: nil,
		},
		{
			name: "a plan section with a built ID opens that part; others follow, appendices last",
			yaml: "improvements: [{id: a, title: Improve A}]\nsections:\n  - {id: annex, title: Annex, appendix: true, body: Annexed.}\n  - {id: continuous-improvement, title: Ignored title, body: Our narrative.}\n  - {id: extra, title: Extra, body: More.}\n",
			want: []string{"continuous-improvement: Continuous improvement", "extra: Extra", "annex: Annex"},
			check: func(t *testing.T, d *Document) {
				s := d.Sections[0]
				if tx, ok := s.Blocks[0].(*Text); !ok || tx.Markdown != "Our narrative." {
					t.Errorf("the plan's narrative does not open the built section: %#v", s.Blocks)
				}
				if !d.Sections[2].Appendix {
					t.Error("appendix not marked")
				}
			},
		},
		{
			name: "a foreword section takes the summary's place when there is no summary",
			yaml: "mission: Be safe\nsections:\n  - {id: foreword, title: Foreword, body: Dear reader.}\n",
			want: []string{"foreword: Foreword", "mission-and-values: Mission and values"},
		},
		{
			name: "with a summary, the foreword stays where it is written",
			yaml: "summary: In short.\nmission: Be safe\nsections:\n  - {id: foreword, title: Foreword, body: Dear reader.}\n",
			want: []string{"summary: Summary", "mission-and-values: Mission and values", "foreword: Foreword"},
		},
		{
			name: "IDs that collide with built anchors are made unique",
			yaml: "outcomes: [{id: a, title: Outcome A}]\nsections:\n  - {id: outcome-a, title: Clash, body: x}\n",
			want: []string{"outcomes: Strategic outcomes", "outcome-a-2: Clash"},
		},
		{
			name: "a CPA with a level target and a result gets a target-result chart",
			yaml: "objectives: [{id: o, title: Objective}]\nmeasures:\n  - {id: m, title: Satisfaction, kind: cpa, unit: percent, polarity: higher, objectives: [o], targets: [{year: 2007/08, kind: level, text: 82.5%, value: 82.5%}], results: [{year: 2007/08, value: 79%}]}\n",
			// No outcome or priority: nothing to fit together.
			want: []string{"objectives: Corporate objectives", "performance: Performance measures"},
			check: func(t *testing.T, d *Document) {
				var c *Chart
				d.Walk(func(s *Section) {
					for _, b := range s.Blocks {
						if x, ok := b.(*Chart); ok {
							c = x
						}
					}
				})
				if c == nil || c.Kind != ChartTargetResult || c.Series[0].Values[0].Value != 82.5 || c.Series[1].Values[0].Value != 79 {
					t.Errorf("target-result chart: %+v", c)
				}
			},
		},
		{
			name: "a change target against a level result is words, so no chart",
			yaml: "measures:\n  - {id: m, title: Crime, kind: cpa, unit: number, polarity: lower, targets: [{year: 2007/08, kind: change, text: 3% reduction, value: -3%}], results: [{year: 2007/08, value: \"1,000\"}]}\n",
			want: []string{"performance: Performance measures"},
			check: func(t *testing.T, d *Document) {
				d.Walk(func(s *Section) {
					for _, b := range s.Blocks {
						if _, ok := b.(*Chart); ok {
							t.Error("a chart with nothing to compare")
						}
					}
				})
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := PlanDocument(decodePlan(t, tt.yaml), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range d.Sections {
				got = append(got, s.ID+": "+s.Title)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.check != nil && len(got) == len(tt.want) {
				tt.check(t, d)
			}
		})
	}
}

// TestAdjacentListsStayApart: two lists in a row are two lists when the
// Markdown is read back, as in the HTML.
func TestAdjacentListsStayApart(t *testing.T) {
	d := &Document{Kind: "plan", ID: "t", Title: "T", Sections: []*Section{{ID: "s", Title: "S", Level: 1, Blocks: []Block{
		&List{Items: []ListItem{{Text: "a"}, {Text: "b"}}},
		&List{Items: []ListItem{{Text: "c"}}},
		&List{Ordered: true, Items: []ListItem{{Text: "d"}}},
		&List{Ordered: true, Items: []ListItem{{Text: "e"}}},
	}}}}
	md, h := render(t, defaults(t), d)
	root := gfm.Parser().Parse(text.NewReader(md))
	lists, inSection := 0, false
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if hd, ok := n.(*ast.Heading); ok {
			inSection = hd.Level == 2 && strings.Contains(string(n.Lines().Value(md)), "S") && !strings.Contains(string(n.Lines().Value(md)), "Contents")
		}
		if _, ok := n.(*ast.List); ok && inSection {
			lists++
		}
	}
	if lists != 4 {
		t.Errorf("Markdown reads as %d lists, want 4:\n%s", lists, md)
	}
	main := string(h[bytes.Index(h, []byte("<main")):])
	if n := strings.Count(main, "<ul>") + strings.Count(main, "<ol>"); n != 4 {
		t.Errorf("HTML has %d lists, want 4", n)
	}
}
