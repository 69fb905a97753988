package main

import (
	"fmt"
	"path/filepath"
	"runtime"

	"github.com/mpsplan/mpsplan/render/markup"
	"github.com/mpsplan/mpsplan/render/plandoc"
	"github.com/mpsplan/mpsplan/render/site"
)

// siteResult is the static site of a build of every plan (render/site):
// its pages printed through the same HTML writer and theme as the plans,
// and its data files, ready to write with the plans' files.
type siteResult struct {
	files []outFile
	// err is why the site could not be laid out (a plan whose ID is one
	// of the site's names); the build fails.
	err error
}

// siteWork is the site on its way through a build: laid out once every
// plan is (layoutSite), its pages printed by jobs beside the plans'
// documents (queue), put together by result.
type siteWork struct {
	site  *site.Site
	out   string
	pages []printed
	files []outFile // the data files
	err   error
}

// layoutSite lays out the site of the plans laid out, every one of them:
// an index without one would drop a published plan.
func (e *env) layoutSite(works []*planWork, fmts []string, opts plandoc.Options, out string) *siteWork {
	var pubs []site.Published
	for _, w := range works {
		pubs = append(pubs, w.pub)
	}
	so := site.Options{Formats: fmts, Date: opts.Date}
	if pr := e.project; pr != nil {
		so.Publisher = pr.Organisation.Name
		if l := pr.Licence; l != nil {
			so.Licence = &site.Licence{Name: l.Name, Title: l.Title, Path: l.Path}
		}
	}
	s, err := site.Build(pubs, so)
	return &siteWork{site: s, out: out, err: err}
}

// buildSite lays out and prints the site of works, every plan laid out.
func (e *env) buildSite(works []*planWork, fmts []string, tmpl *markup.Templates, opts plandoc.Options, out string) *siteResult {
	sw := e.layoutSite(works, fmts, opts, out)
	pl := newPool()
	sw.queue(pl, tmpl, e.look)
	pl.run(runtime.GOMAXPROCS(0))
	return sw.result()
}

// queue adds a job for each page: a hundred or more, one a measure; and
// one for each data file, to look at the file it replaces (outFile).
func (sw *siteWork) queue(pl *pool, tmpl *markup.Templates, look bool) {
	if sw.err != nil {
		return
	}
	sw.pages = make([]printed, len(sw.site.Pages))
	for i, p := range sw.site.Pages {
		pl.add(printCost("html", p.Doc), func() {
			var data []byte
			if data, sw.pages[i].err = render("html", tmpl, p.Doc); sw.pages[i].err == nil {
				sw.pages[i].file = newOutFile(filepath.Join(sw.out, filepath.FromSlash(p.Path)), data, look)
			}
		})
	}
	sw.files = make([]outFile, len(sw.site.Files))
	for i, f := range sw.site.Files {
		pl.add(float64(len(f.Data))/1000, func() {
			sw.files[i] = newOutFile(filepath.Join(sw.out, filepath.FromSlash(f.Path)), f.Data, look)
		})
	}
}

// result returns the site's files, pages first, once every job is done.
func (sw *siteWork) result() *siteResult {
	if sw.err != nil {
		return &siteResult{err: sw.err}
	}
	res := &siteResult{}
	for i, p := range sw.site.Pages {
		if err := sw.pages[i].err; err != nil {
			return &siteResult{err: fmt.Errorf("site page %s: %w", p.Path, err)}
		}
		res.files = append(res.files, sw.pages[i].file)
	}
	res.files = append(res.files, sw.files...)
	return res
}
