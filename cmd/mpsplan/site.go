package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

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

// buildSite lays out the site of the plans built, or returns nil when a
// plan was not built: an index without it would drop a published plan, so
// the site is left as it was until every plan builds.
func (e *env) buildSite(results []*planResult, fmts []string, tmpl *markup.Templates, opts plandoc.Options, out string) *siteResult {
	var pubs []site.Published
	for _, r := range results {
		if !r.ok {
			return nil
		}
		pubs = append(pubs, r.pub)
	}
	so := site.Options{Formats: fmts, Date: opts.Date}
	if pr := e.project; pr != nil {
		so.Publisher = pr.Organisation.Name
		if l := pr.Licence; l != nil {
			so.Licence = &site.Licence{Name: l.Name, Title: l.Title, Path: l.Path}
		}
	}
	s, err := site.Build(pubs, so)
	if err != nil {
		return &siteResult{err: err}
	}
	res := &siteResult{files: make([]outFile, len(s.Pages))}
	// A hundred pages or more, one a measure: printed concurrently, one a
	// processor, each into its own place, so the order stays the pages'.
	errs := make([]error, len(s.Pages))
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(s.Pages); i = int(next.Add(1) - 1) {
				p := s.Pages[i]
				var buf bytes.Buffer
				errs[i] = formats["html"].write(tmpl, &buf, p.Doc)
				res.files[i] = outFile{path: filepath.Join(out, filepath.FromSlash(p.Path)), data: buf.Bytes()}
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return &siteResult{err: fmt.Errorf("site page %s: %w", s.Pages[i].Path, err)}
		}
	}
	for _, f := range s.Files {
		res.files = append(res.files, outFile{path: filepath.Join(out, filepath.FromSlash(f.Path)), data: f.Data})
	}
	return res
}
