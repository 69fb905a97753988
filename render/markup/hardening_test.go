package markup

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/doc"
)

// TestRemoteImagesAndCSP is issue 15 item 5: an image in author Markdown
// becomes a link, never an <img> the page would fetch, and every page
// carries a Content-Security-Policy that forbids scripts and remote loads,
// even when a replaced plan.html.tmpl leaves it out.
func TestRemoteImagesAndCSP(t *testing.T) {
	md := "![p](https://example.org/t.png) and [![q](//example.org/q.png)](https://example.org) and ![x](javascript:alert(1))"
	d := &doc.Document{Kind: "plan", ID: "t", Title: "T", Sections: []*doc.Section{{ID: "s", Title: "S", Level: 1, Blocks: []doc.Block{&doc.Text{Markdown: md}}}}}
	check := func(t *testing.T, tm *Templates) {
		var b bytes.Buffer
		if err := tm.WriteHTML(&b, d); err != nil {
			t.Fatal(err)
		}
		h := b.String()
		if strings.Contains(h, "<img") || strings.Contains(h, "javascript:") {
			t.Errorf("page loads an image or keeps a script URL:\n%s", h)
		}
		if !strings.Contains(h, `<a class="image-link" href="https://example.org/t.png">p</a>`) {
			t.Errorf("remote image not shown as a link:\n%s", h)
		}
		if n := strings.Count(h, `<meta http-equiv="Content-Security-Policy" content="`+CSP+`">`); n != 1 {
			t.Errorf("page carries the policy %d times, want once:\n%s", n, h[:min(len(h), 600)])
		}
		for _, directive := range []string{"default-src 'none'", "img-src data:"} {
			if !strings.Contains(CSP, directive) {
				t.Errorf("policy lacks %s", directive)
			}
		}
		if strings.Contains(CSP, "script-src") || strings.Contains(CSP, "http") {
			t.Errorf("policy allows scripts or remote loads: %s", CSP)
		}
	}
	t.Run("default templates", func(t *testing.T) { check(t, defaults(t)) })
	t.Run("replaced page template", func(t *testing.T) {
		dir := t.TempDir()
		page := "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>{{.Title}}</title>\n</head>\n<body>{{range .Sections}}{{template \"section.html.tmpl\" .}}{{end}}</body>\n</html>\n"
		if err := os.WriteFile(filepath.Join(dir, "plan.html.tmpl"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		tm, err := LoadTemplates(dir)
		if err != nil {
			t.Fatal(err)
		}
		check(t, tm)
	})
}

// TestTemplateRepeatLimit is issue 15 item 13 (templates): a template that
// asks repeat for a huge string fails with an error naming the template
// instead of taking the process down for lack of memory.
func TestTemplateRepeatLimit(t *testing.T) {
	for _, src := range []string{`{{repeat "x" 1000000000000}}`, `{{repeat "ab" 600000}}`, `{{repeat "x" -1}}`} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "title.md.tmpl"), []byte("# {{.Title}}\n"+src+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		tm, err := LoadTemplates(dir)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		err = tm.WriteMarkdown(&b, sampleDoc())
		if err == nil || !strings.Contains(err.Error(), "repeat") || !strings.Contains(err.Error(), "title.md.tmpl:2") {
			t.Errorf("%s: error %v, want repeat refused at title.md.tmpl:2", src, err)
		}
	}
	if s, err := repeat("-", 3); s != "---" || err != nil {
		t.Errorf("repeat(-, 3) = %q, %v", s, err)
	}
}
