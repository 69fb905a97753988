// Package markup prints a document (render/doc) as Markdown and as HTML,
// through templates: the embedded defaults, each replaceable by a file of
// the same name from a folder (mpsplan build --templates). Both formats
// share one set of views (anchors, heading levels, contents) and one
// template loader, which is why they live together.
package markup

import (
	"errors"
	"fmt"
	htemplate "html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	ttemplate "text/template"

	"github.com/mpsplan/mpsplan/internal/suggest"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
	"github.com/mpsplan/mpsplan/render/theme"
	"github.com/mpsplan/mpsplan/templates"
)

// Templates prints Documents as Markdown and HTML: the embedded default
// templates, each replaced by a file of the same name from an override
// folder where there is one.
type Templates struct {
	md   *ttemplate.Template
	html *htemplate.Template
	css  string
	// files maps a template name to the file it came from, so an error
	// names the file a user must change.
	files map[string]string
	// theme is the look both HTML and PDF print with (nil: the default).
	theme *theme.Theme
	// srcs are the template sources by name, names them in order: a
	// theme's templates are parsed anew from them (WithTheme).
	srcs  map[string][]byte
	names []string
}

// WithTheme returns the templates printing with theme th: its colours,
// fonts and logo in HTML, as the PDF writer prints them.
func (t *Templates) WithTheme(th *theme.Theme) *Templates {
	c := *t
	c.theme = th
	// The HTML functions draw charts in the theme's palette, so the HTML
	// templates are parsed anew with functions bound to the copy (the
	// sources parsed once already: it cannot fail).
	if h, err := c.parseHTML(); err == nil {
		c.html = h
	}
	return &c
}

// Theme is the theme the templates print with.
func (t *Templates) Theme() *theme.Theme {
	if t.theme == nil {
		return theme.Default()
	}
	return t.theme
}

var (
	defaultOnce sync.Once
	defaultTmpl *Templates
	defaultErr  error
)

// DefaultTemplates returns the embedded templates, parsed once.
func DefaultTemplates() (*Templates, error) {
	defaultOnce.Do(func() { defaultTmpl, defaultErr = LoadTemplates("") })
	return defaultTmpl, defaultErr
}

// LoadTemplates parses the embedded templates with the files of dir (when
// dir is not empty) overriding those of the same name: *.md.tmpl,
// *.html.tmpl and style.css. A *.tmpl or *.css file of dir whose name is
// no template's is an error naming the templates there are (a misspelt
// override would otherwise be silently ignored); other files (theme.yaml,
// fonts, a logo, notes) are the theme's business. An error names the file
// and line.
func LoadTemplates(dir string) (*Templates, error) {
	srcs := map[string][]byte{}
	t := &Templates{files: map[string]string{}}
	ents, err := fs.ReadDir(templates.FS, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		if !templateFile(e.Name()) {
			continue
		}
		b, err := fs.ReadFile(templates.FS, e.Name())
		if err != nil {
			return nil, err
		}
		srcs[e.Name()] = b
		t.files[e.Name()] = "templates/" + e.Name() // as in the repository it was built from
	}
	if dir != "" {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		var unknown []string
		for _, e := range ents {
			if !e.IsDir() && overrideLike(e.Name()) && srcs[e.Name()] == nil {
				unknown = append(unknown, e.Name())
			}
		}
		if len(unknown) > 0 {
			return nil, unknownTemplates(dir, unknown, srcs)
		}
		for _, e := range ents {
			if e.IsDir() || !templateFile(e.Name()) {
				continue
			}
			p := filepath.Join(dir, e.Name())
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("templates: %w", err)
			}
			srcs[e.Name()] = b
			t.files[e.Name()] = p
		}
	}
	names := make([]string, 0, len(srcs))
	for n := range srcs {
		names = append(names, n)
	}
	slices.Sort(names)
	t.css = string(srcs["style.css"])
	t.srcs, t.names = srcs, names
	t.md = ttemplate.New("").Funcs(t.markdownFuncs())
	for _, n := range names {
		if strings.HasSuffix(n, ".md.tmpl") {
			if _, err := t.md.New(n).Parse(string(srcs[n])); err != nil {
				return nil, t.fileError(err)
			}
		}
	}
	if t.html, err = t.parseHTML(); err != nil {
		return nil, err
	}
	return t, nil
}

// parseHTML parses the HTML templates with functions bound to t.
func (t *Templates) parseHTML() (*htemplate.Template, error) {
	h := htemplate.New("").Funcs(t.htmlFuncs())
	for _, n := range t.names {
		if strings.HasSuffix(n, ".html.tmpl") {
			if _, err := h.New(n).Parse(string(t.srcs[n])); err != nil {
				return nil, t.fileError(err)
			}
		}
	}
	return h, nil
}

// overrideLike reports whether name looks like a template override.
func overrideLike(name string) bool {
	return strings.HasSuffix(name, ".tmpl") || strings.HasSuffix(name, ".css")
}

// unknownTemplates names the override files that match no template, with
// the closest template name and the list of them all.
func unknownTemplates(dir string, unknown []string, srcs map[string][]byte) error {
	names := make([]string, 0, len(srcs))
	for n := range srcs {
		names = append(names, n)
	}
	slices.Sort(names)
	var msgs []string
	for _, u := range unknown {
		m := fmt.Sprintf("%s: no such template", filepath.Join(dir, u))
		if s := suggest.Closest(u, names); s != "" {
			m += fmt.Sprintf("; did you mean %s?", s)
		}
		msgs = append(msgs, m+" (the templates are "+strings.Join(names, ", ")+")")
	}
	return errors.New(strings.Join(msgs, "\n"))
}

func templateFile(name string) bool {
	return strings.HasSuffix(name, ".md.tmpl") || strings.HasSuffix(name, ".html.tmpl") || name == "style.css"
}

// fileError rewrites the template package's "template: plan.md.tmpl:12:"
// to the file the template was read from, "mytemplates/plan.md.tmpl:12:",
// wherever a template name appears in the message.
func (t *Templates) fileError(err error) error {
	msg := err.Error()
	names := make([]string, 0, len(t.files))
	for n := range t.files {
		names = append(names, n)
	}
	// Longest first, so "table.md.tmpl" never rewrites inside "x-table.md.tmpl".
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	for _, prefix := range []string{"html/template:", "template: "} {
		for _, n := range names {
			msg = strings.ReplaceAll(msg, prefix+n+":", t.files[n]+":")
		}
	}
	for _, n := range names {
		msg = strings.ReplaceAll(msg, "html/template: \""+n+"\"", t.files[n])
	}
	return errors.New(authorWords(msg))
}

func (t *Templates) top(kind, ext string, defined func(string) bool) string {
	if kind != "" && defined(kind+ext) {
		return kind + ext
	}
	return "plan" + ext
}

func (t *Templates) execMarkdown(w io.Writer, v *docView) error {
	name := t.top(v.Kind, ".md.tmpl", func(n string) bool { return t.md.Lookup(n) != nil })
	if err := t.md.ExecuteTemplate(w, name, v); err != nil {
		return t.fileError(err)
	}
	return nil
}

func (t *Templates) execHTML(w io.Writer, v *docView) error {
	name := t.top(v.Kind, ".html.tmpl", func(n string) bool { return t.html.Lookup(n) != nil })
	if err := t.html.ExecuteTemplate(w, name, v); err != nil {
		return t.fileError(err)
	}
	return nil
}

// Funcs both template kinds share.
func commonFuncs() map[string]any {
	return map[string]any{
		"add":  func(a, b int) int { return a + b },
		"join": strings.Join,
		// numeric reports whether column i of a table holds figures.
		"numeric": func(t *doc.Table, i int) bool { return t != nil && i < len(t.Numeric) && t.Numeric[i] },
		"repeat":  repeat,
		"cells":   rowCells,
		// first is a group row's heading: its first cell, if any.
		"first": func(cells []string) string {
			if len(cells) == 0 {
				return ""
			}
			return cells[0]
		},
	}
}

// maxRepeat bounds what the repeat helper may make. A template that asks
// for more (repeat "x" 1e12) would otherwise take all the memory there is.
const maxRepeat = 1 << 20

// repeat is strings.Repeat for templates, refusing a negative count and
// any result past maxRepeat bytes with an error naming the template.
func repeat(s string, n int) (string, error) {
	if n < 0 {
		return "", fmt.Errorf("repeat: negative count %d", n)
	}
	if s != "" && n > maxRepeat/len(s) {
		return "", fmt.Errorf("repeat: %d copies of a %d-byte string is more than templates may make (%d bytes)", n, len(s), maxRepeat)
	}
	return strings.Repeat(s, n), nil
}

// Cell is one table cell as templates print it: Header for a row header
// (the first cell when the table has row headers), Numeric for a column of
// figures, NoBreak for a word or two that read wrong broken across lines
// (a status: "not met", "on track").
type Cell struct {
	Text string
	// Parts, when set, is the cell's paragraphs and bulleted lists, to
	// print in place of Text (see doc.CellPart).
	Parts   []doc.CellPart
	Header  bool
	Numeric bool
	// NoBreak marks a cell of a word or two, a status such as "not met",
	// which is kept on one line (class nobr in the default HTML).
	NoBreak bool
}

// rowCells gives a row one Cell a column of the table (padding short
// rows), so a table template makes one call a row, not several a cell.
func rowCells(t *doc.Table, r doc.Row) []Cell {
	n := max(len(t.Head), len(r.Cells))
	out := make([]Cell, n)
	for i := range out {
		if i < len(r.Cells) {
			out[i].Text = r.Cells[i]
		}
		out[i].Parts = r.Parts[i]
		out[i].Header = i == t.HeaderColumn && t.RowHeaders
		out[i].Numeric = i < len(t.Numeric) && t.Numeric[i]
		out[i].NoBreak = !out[i].Header && strings.Contains(strings.TrimSpace(out[i].Text), " ") && doc.KeepWhole(out[i].Text)
	}
	return out
}

func (t *Templates) markdownFuncs() ttemplate.FuncMap {
	f := ttemplate.FuncMap(commonFuncs())
	f["md"] = mdtext.Escape
	f["markdown"] = authorMarkdown
	f["indent"] = indent
	f["marker"] = func(ordered bool, i int) string {
		if ordered {
			return itoa(i+1) + ". "
		}
		return "- "
	}
	f["mdcells"] = mdCells
	return f
}

// mdCells prints a row's cells escaped for a GFM table, bold in a total
// row, one a column of the table.
func mdCells(t *doc.Table, r doc.Row) []string {
	out := make([]string, max(len(t.Head), len(r.Cells)))
	for i := range r.Cells {
		c := mdtext.Escape(r.Cells[i])
		if ps := r.Parts[i]; ps != nil {
			c = mdParts(ps)
		}
		if r.Total && c != "" {
			c = "**" + c + "**"
		}
		out[i] = c
	}
	return out
}

// mdParts prints a cell's paragraphs and lists on the one line a GFM
// cell has, without HTML: paragraphs run on, each list item marked "•".
func mdParts(ps []doc.CellPart) string {
	var words []string
	for _, p := range ps {
		if p.Text != "" {
			words = append(words, mdtext.Escape(p.Text))
		}
		for _, it := range p.Items {
			words = append(words, "• "+mdtext.Escape(it))
		}
	}
	return strings.Join(words, " ")
}

var noField = regexp.MustCompile(`executing "([^"]+)" at <([^>]*)>: can't evaluate field (\w+) in type ([\w.*\[\]]+)`)

// authorWords says what the template package reports in words a template
// author can act on: which field is missing, what the template sees there,
// where the fields are listed.
func authorWords(msg string) string {
	return noField.ReplaceAllStringFunc(msg, func(m string) string {
		s := noField.FindStringSubmatch(m)
		what := s[4]
		if fields := fieldNames(what); len(fields) > 0 {
			hint := ""
			if c := suggest.Closest(s[3], fields); c != "" {
				hint = fmt.Sprintf("did you mean .%s? ", c)
			}
			return fmt.Sprintf("in %s: %s: there is no field %s here; %sthe fields here are %s (docs/templates.md lists them all)",
				s[1], s[2], s[3], hint, "."+strings.Join(fields, ", ."))
		}
		return fmt.Sprintf("in %s: %s: there is no field %s in %s (docs/templates.md lists the fields)", s[1], s[2], s[3], what)
	})
}
