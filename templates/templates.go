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
//
// What the templates see (package render):
//
//   - the top template: the render.Document's fields (.Title, .Subtitle,
//     .Organisations, .Meta with .Label and .Value, .Date, .Keywords),
//     .Contents (entries with .Title, .Anchor, .Appendix, .Children) and
//     .Sections;
//   - section.*.tmpl: a section with .Title, .Anchor (its link target),
//     .Heading (2 to 6: the title is 1), .Appendix, .Blocks, .Sections;
//   - block.*.tmpl and text.*.tmpl: a block with one of .Text, .List,
//     .Table, .Chart set, and .Depth, the heading level it sits under;
//   - list, table and chart templates: the render.List, render.Table and
//     render.Chart themselves.
//
// Functions: md (escape plain text for Markdown), markdown TEXT DEPTH
// (author Markdown: escaped raw HTML, headings placed under DEPTH; HTML in
// HTML templates), indent, marker, mdcells and cells (a table row's
// cells), rowhtml (a row's cells as HTML), numeric TABLE COLUMN, first,
// rowgroups, svg CHART, css, add, join, repeat.
package templates

import "embed"

// FS holds the default templates.
//
//go:embed *.tmpl *.css
var FS embed.FS
