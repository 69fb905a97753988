package markup

import (
	"bytes"
	htemplate "html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/theme"
)

// TestUnknownOverride: a template file whose name is no template's is an
// error naming the closest and all the templates, not silently ignored.
func TestUnknownOverride(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"styles.css", "theme.yaml", "logo.png", "notes.md"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := LoadTemplates(dir)
	if err == nil {
		t.Fatal("styles.css accepted")
	}
	want := filepath.Join(dir, "styles.css") + ": no such template; did you mean style.css? (the templates are block.html.tmpl,"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q\nlacks %q", err, want)
	}
	for _, other := range []string{"theme.yaml", "logo.png", "notes.md"} {
		if strings.Contains(err.Error(), other) {
			t.Errorf("%s is the theme's, not a template, yet the error names it: %v", other, err)
		}
	}
}

// TestThemeHTML: the theme's colours, logo (with its alternative text),
// running foot and the draft banner reach the HTML.
func TestThemeHTML(t *testing.T) {
	tm, err := DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	th := theme.Default()
	th.Colours.Accent = theme.Colour{R: 0, G: 87, B: 60}
	th.Logo = &theme.Logo{Type: "png", Data: []byte("\x89PNG"), Alt: "Example Authority", Width: 50}
	th.Footer = "Published by {organisations}"
	d := sampleDoc()
	d.Draft = true
	var h, md bytes.Buffer
	themed := tm.WithTheme(th)
	if err := themed.WriteHTML(&h, d); err != nil {
		t.Fatal(err)
	}
	if err := themed.WriteMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"--accent: #00573c;",
		`<img class="logo" src="data:image/png;base64,iVBORw==" alt="Example Authority" width="189">`,
		`<footer class="running-foot">Published by ` + htemplate.HTMLEscapeString(strings.Join(d.Organisations, ", ")) + `</footer>`,
		`<p class="draft-banner"><strong>Draft</strong>`,
	} {
		if !strings.Contains(h.String(), want) {
			t.Errorf("HTML lacks %s", want)
		}
	}
	if !strings.HasPrefix(md.String(), "> **Draft**") {
		t.Errorf("Markdown of a draft does not open with the draft line: %.80s", md.String())
	}
	// The shared default is untouched, and an approved document has no banner.
	h.Reset()
	d.Draft = false
	if err := tm.WriteHTML(&h, d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h.String(), `class="draft-banner"`) || strings.Contains(h.String(), "#00573c") {
		t.Error("the default templates print the other theme, or an approved document has the draft banner")
	}
}

// TestTemplateFieldError: a field a template does not have is reported in
// words an author can act on: the file and line, the field, the closest
// field there is and where the fields are listed.
func TestTemplateFieldError(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "table.html.tmpl"), []byte("<table>\n<caption>{{.Captoin}}</caption></table>"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = tm.WriteHTML(&bytes.Buffer{}, sampleDoc())
	want := filepath.Join(dir, "table.html.tmpl") + `:2:11: in table.html.tmpl: .Captoin: there is no field Captoin here; did you mean .Caption? the fields here are .ID, .Caption,`
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "docs/templates.md") {
		t.Errorf("error %v\nwant it to contain %s", err, want)
	}
}
