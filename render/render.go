// Package render holds no code: its sub-packages turn a validated plan into
// published files, in three layers the compiler keeps apart.
//
//   - The model, render/doc: a Document of sections and typed blocks, every
//     figure formatted. It imports nothing of the plan.
//   - Builders turn a validated plan (package plan) into a Document:
//     render/plandoc for the plan itself, render/report for an annual report.
//   - Writers print a Document: render/markup (Markdown and HTML through
//     templates, with render/svg for charts) and render/pdf. A writer sees
//     the model only; what it needs from the plan, the builder puts into the
//     document. TestLayers enforces this: no package under render/ other
//     than the builders may depend on package plan or the YAML parser.
//
// render/mdtext holds the Markdown text helpers both sides share (escaping
// plain text into Markdown, reading Markdown as plain text).
package render
