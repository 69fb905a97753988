package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/markup"
	"github.com/mpsplan/mpsplan/render/plandoc"
	"github.com/mpsplan/mpsplan/render/report"
	"github.com/mpsplan/mpsplan/render/site"
)

// planWork is one plan on its way through a build: loaded and laid out
// (preparePlan), its documents printed by jobs of their own (queue), and
// its files put together in order (finish).
type planWork struct {
	p    *plan.Plan
	tmpl *markup.Templates
	doc  *docWork
	// reports are the plan's annual reports, laid out; reportErr is why
	// they could not be, reported after the plan's own documents.
	reports   []*docWork
	reportErr error
	data      []outFile // the plan's figures (CSV and JSON), with HTML
	pub       site.Published
}

// docWork is one document and what printing it in each format made.
type docWork struct {
	doc    *doc.Document
	year   plan.Year // a report's year
	dir    string    // the folder its files go in
	prints []printed // one a format, in the order asked for
}

// printed is a document printed in one format, or why it could not be.
type printed struct {
	format string
	file   outFile
	err    error
}

func newDocWork(d *doc.Document, year plan.Year, dir string, fmts []string) *docWork {
	w := &docWork{doc: d, year: year, dir: dir, prints: make([]printed, len(fmts))}
	for i, f := range fmts {
		w.prints[i].format = f
	}
	return w
}

// queue adds a job for each format of the document; look is outFile's.
func (d *docWork) queue(pl *pool, tmpl *markup.Templates, look bool) {
	for i := range d.prints {
		pr := &d.prints[i]
		pl.add(printCost(pr.format, d.doc), func() {
			var data []byte
			if data, pr.err = render(pr.format, tmpl, d.doc); pr.err == nil {
				pr.file = newOutFile(filepath.Join(d.dir, d.doc.ID+formats[pr.format].ext), data, look)
			}
		})
	}
}

// files returns the document's files, or the first format that failed.
func (d *docWork) files() ([]outFile, *printed) {
	var files []outFile
	for i, pr := range d.prints {
		if pr.err != nil {
			return nil, &d.prints[i]
		}
		files = append(files, pr.file)
	}
	return files, nil
}

// preparePlan loads, validates and lays out the plan in dir and its
// reports, printing its problems to e.stderr. It returns the plan's ID
// once known, and false when the plan cannot be built.
func (e *env) preparePlan(dir string, fmts []string, tmpl *markup.Templates, opts plandoc.Options, out string) (*planWork, string, bool) {
	p, ok := e.loadValid(dir)
	if !ok {
		return nil, "", false
	}
	if !filepath.IsLocal(p.ID) || strings.ContainsAny(p.ID, `/\`) {
		// Validation refuses such an id; this guards the file system all the same.
		fmt.Fprintf(e.stderr, "mpsplan: %s: not built: plan id %q is not a folder name\n", dir, p.ID)
		return nil, "", false
	}
	if tmpl, ok = e.templatesFor(p, tmpl); !ok {
		return nil, p.ID, false
	}
	if slices.Contains(fmts, "pdf") {
		_ = glyphWarnings(p).WriteText(e.stderr)
	}
	d, err := plandoc.Build(p, opts)
	if de := (*plan.DiagnosticsError)(nil); errors.As(err, &de) {
		// An outline's problems, each at its line, as check prints them.
		e.printProblems(de.Diags)
		fmt.Fprintf(e.stderr, "mpsplan: %s: not built: its outline has %d problem(s)\n", p.ID, len(de.Diags))
		return nil, p.ID, false
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "mpsplan: %s: not built: %v\n", p.ID, err)
		return nil, p.ID, false
	}
	w := &planWork{p: p, tmpl: tmpl, doc: newDocWork(d, 0, filepath.Join(out, d.ID), fmts)}
	if slices.Contains(fmts, "html") {
		// The HTML links the plan's figures: they are written beside it,
		// after the documents (the first file is the plan's page).
		d.Links = site.DocumentLinks(p.ID, d, fmts)
		figures, err := site.PlanData(p)
		if err != nil {
			fmt.Fprintf(e.stderr, "mpsplan: %s: not built: its figures: %v\n", p.ID, err)
			return nil, p.ID, false
		}
		for _, f := range figures {
			w.data = append(w.data, newOutFile(filepath.Join(out, filepath.FromSlash(f.Path)), f.Data, e.look))
		}
	}
	// The plan's annual reports go beside it.
	w.reports, w.reportErr = e.reportDocs(p, report.Years(p), fmts, opts, filepath.Join(out, p.ID))
	w.pub = site.Published{Plan: p, Doc: d}
	for _, r := range w.reports {
		w.pub.Reports = append(w.pub.Reports, site.Report{Year: r.year, Doc: r.doc})
	}
	return w, p.ID, true
}

// reportDocs lays out p's reports for years, their files to go in dir.
func (e *env) reportDocs(p *plan.Plan, years []plan.Year, fmts []string, opts plandoc.Options, dir string) ([]*docWork, error) {
	if len(years) == 0 {
		return nil, nil
	}
	others, err := e.otherPlans(p)
	if err != nil {
		return nil, err
	}
	var docs []*docWork
	for _, y := range years {
		d, err := report.BuildWith(p, y, others, opts)
		if err != nil {
			return nil, err
		}
		if slices.Contains(fmts, "html") {
			d.Links = site.DocumentLinks(p.ID, d, fmts)
		}
		docs = append(docs, newDocWork(d, y, dir, fmts))
	}
	return docs, nil
}

// queue adds a job for each document of the plan and each format.
func (w *planWork) queue(pl *pool, look bool) {
	w.doc.queue(pl, w.tmpl, look)
	if w.reportErr == nil {
		for _, r := range w.reports {
			r.queue(pl, w.tmpl, look)
		}
	}
}

// finish returns the plan's files once every job is done: its documents,
// its reports', then its figures. Either all were printed or, the first
// failure printed to e.stderr, none is returned.
func (w *planWork) finish(e *env) ([]outFile, bool) {
	id := w.p.ID
	files, bad := w.doc.files()
	if bad != nil {
		fmt.Fprintf(e.stderr, "mpsplan: %s: not built: %s: %v\n", id, bad.format, bad.err)
		return nil, false
	}
	reports, err := reportFiles(id, w.reports, w.reportErr)
	if err != nil {
		fmt.Fprintf(e.stderr, "mpsplan: %s: not built: %v\n", id, err)
		return nil, false
	}
	return slices.Concat(files, reports, w.data), true
}

// reportFiles returns the files of a plan's reports once printed, or the
// first reason one could not be.
func reportFiles(id string, docs []*docWork, err error) ([]outFile, error) {
	if err != nil {
		return nil, err
	}
	var files []outFile
	for _, r := range docs {
		fs, bad := r.files()
		if bad != nil {
			return nil, fmt.Errorf("%s: report %s not built: %s: %w", id, r.year, bad.format, bad.err)
		}
		files = append(files, fs...)
	}
	return files, nil
}
