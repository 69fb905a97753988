// Package site lays out the static site a build publishes beside the
// documents: an index of the plans and their annual reports, a page per
// measure that follows it across the plans of its lineage, and the figures
// as open data (CSV, JSON and a Frictionless datapackage.json).
//
// It is a builder, as render/plandoc and render/report are: it reads the
// validated plans and the documents the build laid out, and returns pages
// as doc.Documents, which the build prints through the same HTML writer,
// templates and theme as the plans, and data files ready to write. Every
// link it makes is relative, so the folder can be served from anywhere or
// opened from disk.
package site

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

// Folders and files of the site under the build's output folder. A plan's
// documents are in a folder named by its ID, so no plan may take one of
// these names (Build refuses it).
const (
	IndexFile       = "index.html"
	MeasuresDir     = "measures"
	DataPackageFile = "datapackage.json"
	FiguresCSV      = "figures.csv"
	FiguresJSON     = "figures.json"
)

// Options are what a site needs beyond the plans.
type Options struct {
	// Formats are the formats the documents were built in ("md", "html",
	// "pdf"): the index links those only.
	Formats []string
	// Date is the build's date (SOURCE_DATE_EPOCH), printed on the index
	// and in the data package; the zero time leaves it out.
	Date time.Time
	// Publisher is the organisation that publishes the site (the
	// project's); empty takes the newest plan's organisation.
	Publisher string
	// Licence is the licence the figures are offered under; nil states none.
	Licence *Licence
}

// Licence names a licence as a data package does.
type Licence struct {
	Name  string // an Open Definition or SPDX identifier: OGL-UK-3.0
	Title string
	Path  string // its URL
}

// Published is one plan as the build laid it out: the validated plan, its
// document, and its annual reports.
type Published struct {
	Plan    *plan.Plan
	Doc     *doc.Document
	Reports []Report
}

// Report is one annual report of a plan.
type Report struct {
	Year plan.Year
	Doc  *doc.Document
}

// Page is one HTML page of the site, to print with the HTML writer.
type Page struct {
	Path string // slash-separated, relative to the output folder
	Doc  *doc.Document
}

// File is a data file of the site, ready to write.
type File struct {
	Path string
	Data []byte
}

// Site is every page and data file of the site.
type Site struct {
	Pages []Page
	Files []File
}

// Build lays out the site of pubs, the plans built in this run (every
// plan of the project). It fails when a plan's ID is one of the site's
// own names, which its documents' folder would collide with.
func Build(pubs []Published, opts Options) (*Site, error) {
	for _, p := range pubs {
		if Reserved(p.Plan.ID) {
			return nil, fmt.Errorf("plan %s: its ID is the name of a folder or file of the site; give the plan another ID", p.Plan.ID)
		}
	}
	newest := newestFirst(pubs)
	if opts.Publisher == "" && len(newest) > 0 {
		opts.Publisher = newest[0].Plan.Organisation()
	}
	s := &Site{}
	measures := lineages(pubs)
	s.Pages = append(s.Pages, Page{Path: IndexFile, Doc: index(newest, measures, opts)})
	for _, m := range measures {
		s.Pages = append(s.Pages, Page{Path: measurePath(m.ID), Doc: m.page(opts)})
	}
	// The data in the order the plans were given, as mpsplan export prints it.
	files, err := dataFiles(pubs, opts)
	if err != nil {
		return nil, err
	}
	s.Files = files
	return s, nil
}

// Reserved reports whether id is a name the site uses at the top of the
// output folder.
func Reserved(id string) bool {
	return slices.Contains([]string{IndexFile, MeasuresDir, DataPackageFile, FiguresCSV, FiguresJSON}, id)
}

// Owns reports whether rel, a slash-separated path under the output
// folder, is a file the site writes: those a build may remove when the
// site no longer has them.
func Owns(rel string) bool {
	if Reserved(rel) && rel != MeasuresDir {
		return true
	}
	dir, file, ok := strings.Cut(rel, "/")
	if !ok || strings.Contains(file, "/") || file == "" || strings.HasPrefix(file, ".") {
		return false
	}
	if dir == MeasuresDir {
		return strings.HasSuffix(file, ".html")
	}
	return file == dir+".csv" || file == dir+".json"
}

func measurePath(id string) string { return MeasuresDir + "/" + id + ".html" }

// planDataPath is where a plan's own figures go: beside its documents.
func planDataPath(id, ext string) string { return id + "/" + id + "." + ext }

// newestFirst orders plans by the first year of their period, newest
// first, then by date (newest first), then by ID, so the index reads from
// the current plan back.
func newestFirst(pubs []Published) []Published {
	out := slices.Clone(pubs)
	slices.SortStableFunc(out, func(a, b Published) int {
		if c := b.Plan.Period.First - a.Plan.Period.First; c != 0 {
			return int(c)
		}
		if c := strings.Compare(string(b.Plan.Date), string(a.Plan.Date)); c != 0 {
			return c
		}
		return strings.Compare(a.Plan.ID, b.Plan.ID)
	})
	return out
}

// approvedPlans are the plans whose figures speak for their lineage: a
// draft published apart from the plan approved from it is left out when
// that plan is there, as plan.Related leaves it out of trends.
func approvedPlans(pubs []Published) []*plan.Plan {
	ids := map[string]bool{}
	for _, p := range pubs {
		ids[p.Plan.ID] = true
	}
	var out []*plan.Plan
	for _, p := range pubs {
		if p.Plan.VersionOf != "" && ids[p.Plan.VersionOf] {
			continue
		}
		out = append(out, p.Plan)
	}
	return out
}
