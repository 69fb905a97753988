// Package templates holds the default templates mpsplan prints documents
// with, embedded in the binary. A file of the same name in the folder given
// to --templates replaces the default, so a user can change the title
// block or the table layout without copying the rest.
//
// Markdown templates (*.md.tmpl) are text/template; HTML templates
// (*.html.tmpl) are html/template; style.css is inlined into every HTML
// file. The top template is <kind>.<format>.tmpl (plan.md.tmpl,
// report.html.tmpl), falling back to plan.<format>.tmpl; the others are
// partials it calls by file name.
package templates

import "embed"

// FS holds the default templates.
//
//go:embed *.tmpl *.css
var FS embed.FS
