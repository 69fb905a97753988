package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/mpsplan/mpsplan/internal/freelist"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/markup"
	"github.com/mpsplan/mpsplan/render/plandoc"

	"github.com/mpsplan/mpsplan/render/pdf"
	"github.com/mpsplan/mpsplan/render/site"
	"github.com/spf13/cobra"
)

// formatWriter prints a Document in one output format.
type formatWriter struct {
	ext   string
	write func(t *markup.Templates, w *bytes.Buffer, d *doc.Document) error
}

// formats are the output formats. PDF is laid out in code (package
// render/pdf): of --templates it takes the theme (theme.yaml), as HTML does.
var formats = map[string]formatWriter{
	"md":   {".md", func(t *markup.Templates, w *bytes.Buffer, d *doc.Document) error { return t.WriteMarkdown(w, d) }},
	"html": {".html", func(t *markup.Templates, w *bytes.Buffer, d *doc.Document) error { return t.WriteHTML(w, d) }},
	"pdf": {".pdf", func(t *markup.Templates, w *bytes.Buffer, d *doc.Document) error {
		return pdf.WriteTheme(w, d, t.Theme())
	}},
}

var formatOrder = []string{"md", "html", "pdf"}

func availableFormats() []string {
	var out []string
	for _, f := range formatOrder {
		if _, ok := formats[f]; ok {
			out = append(out, f)
		}
	}
	return out
}

func newBuildCmd(e *env) *cobra.Command {
	var (
		all       bool
		formatArg string
		out       string
		tmplDir   string
		check     bool
		verbose   bool
		quiet     bool
		edition   bool
	)
	c := &cobra.Command{
		Use:   "build [PLAN...]",
		Short: "Build plans into Markdown, HTML and PDF documents",
		Long: `build lays each plan out as its published document and writes it under
--out, one folder a plan: public/2008-11/2008-11.md, .html, .pdf. With no
plan named (or --all) it builds every plan.

Published documents print what the source printed: the source file, its
note, encoder's notes and acknowledged inconsistencies stay in the YAML, and
--edition-notes (or edition_notes: true in the plan) prints them in an
appendix "About this edition". A draft plan is marked DRAFT on every page.

Templates are built in; a file of the same name in --templates replaces the
default (plan.md.tmpl, plan.html.tmpl, table.html.tmpl, style.css...). The
same folder is the theme: its theme.yaml sets colours, fonts, a logo and the
running header and footer, for HTML and PDF alike (see docs/templates.md).

Nothing is written for a plan that fails validation. A plan's files change
together or not at all: each is written to a temporary file first, and only
when all are written are they renamed into place (a failed rename puts the
old ones back). Ctrl-C or SIGTERM stops the build between plans, removing
its temporary files; temporary files an earlier, killed build left behind
are removed. build lists the documents it wrote in --out/.mpsplan-manifest
and removes those no plan produces any more (a deleted plan's, a report
year dropped); it never removes a file it did not write. The document date
comes from the plan, or else from SOURCE_DATE_EPOCH; the same sources
always give the same bytes.

Building every plan (no plan named, or --all, in every format) also
writes the static site into --out: index.html (the plans and reports,
newest first, with their formats and figures), measures/<id>.html (a
measure across the plans that set it: wording, codes, targets, results,
status and a chart), figures.csv and figures.json (as mpsplan export), each
plan's own figures beside its documents, and datapackage.json (a
Frictionless Data Package describing figures.csv, with the project's
licence). Every link is relative. The site is written only when every plan
builds; otherwise it is left as it was.

With --check nothing is written: build lists every file under --out that
differs from what the sources would produce now, or that it would remove
(the site's files too), and exits 1 if any does. When every plan is
checked in every format, a document in a plan folder that build did not
write and no plan produces is listed too, to be removed by hand.

Exit status: 0 built (or up to date), 1 a plan failed or (--check) files
differ, 2 usage, 130/143 interrupted by SIGINT/SIGTERM.`,
		Example: `  mpsplan build                            # every plan, and the site: public/index.html
  mpsplan build 2008-11                    # public/2008-11/2008-11.md, .html, .pdf
  mpsplan build --format html --templates mytheme
  mpsplan build --check                    # in CI: exit 1 if public/ is stale`,
		ValidArgsFunction: e.completePlans,
		RunE: func(cmd *cobra.Command, args []string) error {
			if all && len(args) > 0 {
				return usageError("give plan IDs or --all, not both")
			}
			if err := checkOut(out); err != nil {
				return err
			}
			if verbose && quiet {
				return usageError("give -v or --quiet, not both")
			}
			fmts, opts, err := outputOptions(formatArg)
			if err != nil {
				return err
			}
			opts.Edition = edition
			dirs, err := e.resolve(args)
			if err != nil {
				return err
			}
			e.cache = &loadCache{}
			e.look = true
			sig := watchSignals()
			defer sig.stop()
			b := &buildRun{env: e, out: out, fmts: fmts, sig: sig, verbose: verbose, quiet: quiet,
				everything: len(args) == 0 && len(fmts) == len(formatOrder)}
			bld := e.startBuild(dirs, sig.stopped, b.everything)
			tmpl, err := templatesFrom(tmplDir)
			if err != nil {
				bld.cancel()
				return err
			}
			var results []*planResult
			results, b.site = bld.finish(fmts, tmpl, opts, out)
			if check {
				return b.check(results)
			}
			return b.write(results, len(dirs))
		},
	}
	c.Flags().BoolVar(&all, "all", false, "build every plan (the default when no plan is named)")
	c.Flags().StringVar(&formatArg, "format", "", "comma-separated formats: "+strings.Join(formatOrder, ",")+" (default: all available)")
	c.Flags().StringVar(&out, "out", "public", "folder to write into, one folder a plan")
	c.Flags().StringVar(&tmplDir, "templates", "", "folder of templates overriding the built-in ones")
	c.Flags().BoolVar(&edition, "edition-notes", false, "add the maintainers' appendix About this edition (source, encoder's notes, acknowledged inconsistencies), which published documents omit")
	c.Flags().BoolVar(&check, "check", false, "write nothing; list files that differ from what would be built and exit 1 if any")
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every file written or removed")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing but problems")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formatOrder, cobra.ShellCompDirectiveNoFileComp))
	_ = c.MarkFlagDirname("out")
	_ = c.MarkFlagDirname("templates")
	return c
}

// checkOut refuses an empty --out, which would otherwise write into the
// current folder, and one that is a file, before any work.
func checkOut(out string) error {
	if strings.TrimSpace(out) == "" {
		return usageError("--out must name a folder (--out . for the current one)")
	}
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return usageError("--out %s is a file, not a folder: name a folder to write into (it is made if it does not exist)", out)
	}
	return nil
}

func parseFormats(arg string) ([]string, error) {
	if arg == "" {
		return availableFormats(), nil
	}
	var out []string
	for _, f := range strings.Split(arg, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if _, ok := formats[f]; !ok {
			return nil, usageError("--format: unknown format %q (available: %s)", f, strings.Join(availableFormats(), ","))
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	// Build in a fixed order whatever order they were named in.
	slices.SortFunc(out, func(a, b string) int { return slices.Index(formatOrder, a) - slices.Index(formatOrder, b) })
	return out, nil
}

// strayFiles lists the documents in the plan folders under out (out/*/*.md,
// .html, .pdf) that are not among expected, sorted.
func strayFiles(out string, expected map[string]bool) []string {
	var stray []string
	for _, ext := range formatOrder {
		matches, _ := filepath.Glob(filepath.Join(out, "*", "*."+ext))
		for _, m := range matches {
			if !expected[filepath.Clean(m)] {
				stray = append(stray, m)
			}
		}
	}
	slices.Sort(stray)
	return stray
}

// outFile is a file a build made, ready to write.
type outFile struct {
	path string
	data []byte
	// seen is the file at path when the job that made data found the
	// same bytes there, and nil when it did not look or they differed. A
	// build that changes nothing would otherwise spend its last, serial
	// milliseconds reading back every file it made.
	seen os.FileInfo
}

// newOutFile is a file made by a job, which reads the file it replaces
// when look is set.
func newOutFile(path string, data []byte, look bool) outFile {
	f := outFile{path: path, data: data}
	if !look {
		return f
	}
	if fi, err := os.Lstat(path); err == nil && f.matches(fi) {
		f.seen = fi
	}
	return f
}

// sameContent reports whether the file at path starts with data, which
// its size (known equal) makes the whole of it. It reads into a kept
// buffer in one read: os.ReadFile would make a buffer and ask the size
// again, and syscalls are dear where builds run.
func sameContent(path string, data []byte) bool {
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	buf := freelist.Buffers.Get()
	defer freelist.Buffers.Put(buf)
	buf.Reset()
	buf.Grow(len(data))
	old := buf.Bytes()[:len(data)]
	_, err = io.ReadFull(fh, old)
	return err == nil && bytes.Equal(old, data)
}

// onDisk reports whether f's path holds f's data (matches).
func (f outFile) onDisk() bool {
	fi, err := os.Lstat(f.path)
	return err == nil && f.matches(fi)
}

// matches reports whether fi, the file at f's path, holds f's data: the
// file f's job saw, still the same file of the same size and time, or
// else the file read now. A file changed since it was seen is read again.
func (f outFile) matches(fi os.FileInfo) bool {
	if !fi.Mode().IsRegular() || fi.Size() != int64(len(f.data)) {
		return false
	}
	if f.seen != nil && os.SameFile(fi, f.seen) && fi.ModTime().Equal(f.seen.ModTime()) {
		return true
	}
	return sameContent(f.path, f.data)
}

// planResult is one plan's files, ready to write, and its messages.
type planResult struct {
	id    string // the plan's ID, once loaded
	files []outFile
	ok    bool
	msgs  bytes.Buffer
	// pub is the plan as laid out, for the site.
	pub site.Published
}

// A build builds the plans in dirs and, with withSite, the site of them
// all, on every processor (see pool). Jobs load the plans first, the
// largest first: a plan's reports draw on the others, so laying one out
// before all are loaded would wait on another job's load. Then a job per
// plan lays it out and queues a job for each of its documents and
// formats; once every plan is laid out, the site is, and queues its
// pages.
//
// The loading starts before the templates are known (startBuild), so
// the plans load while they are parsed, and the second processor, idle
// since the program started, wakes meanwhile; finish hands the templates
// over (or cancel gives up) and waits for the jobs.
type build struct {
	e        *env
	dirs     []string
	stopped  func() bool
	withSite bool
	pl       *pool
	// set by finish before the plans are laid out
	fmts      []string
	tmpl      *markup.Templates
	opts      plandoc.Options
	out       string
	cancelled atomic.Bool
	// what the jobs make
	results []*planResult
	works   []*planWork
	sw      *siteWork
	loaded  func() // one call a plan loaded, and one from finish
}

// startBuild starts loading the plans in dirs on every processor.
func (e *env) startBuild(dirs []string, stopped func() bool, withSite bool) *build {
	b := &build{e: e, dirs: dirs, stopped: stopped, withSite: withSite, pl: newPool(),
		results: make([]*planResult, len(dirs)), works: make([]*planWork, len(dirs))}
	sizes := make([]float64, len(dirs))
	laidOut := after(len(dirs), b.layoutSite)
	b.loaded = after(len(dirs)+1, func() {
		for i := range dirs {
			b.results[i] = &planResult{}
			b.pl.add(unlocking(sizes[i]), func() {
				defer laidOut()
				b.prepare(i)
			})
		}
	})
	for i, dir := range dirs {
		sizes[i] = folderSize(dir)
		b.pl.add(unlocking(sizes[i]), func() {
			defer b.loaded()
			if e.cache != nil && !stopped() {
				e.load(dir) // kept in the cache for the job that lays it out
			}
		})
	}
	b.pl.hold() // until finish or cancel: the loads may end before either
	b.pl.start(runtime.GOMAXPROCS(0))
	return b
}

// prepare lays out the plan of dirs[i] and queues its documents.
func (b *build) prepare(i int) {
	if b.cancelled.Load() || b.stopped() {
		return // interrupted: not built, and not reported as failed
	}
	r := b.results[i]
	pe := *b.e
	pe.stderr = &r.msgs
	w, id, ok := pe.preparePlan(b.dirs[i], b.fmts, b.tmpl, b.opts, b.out)
	r.id = id
	if ok {
		b.works[i] = w
		w.queue(b.pl, b.e.look)
	}
}

// layoutSite queues the site's layout once every plan is laid out, when
// every plan was.
func (b *build) layoutSite() {
	if !b.withSite || slices.Contains(b.works, nil) {
		return
	}
	b.pl.add(first, func() {
		b.sw = b.e.layoutSite(b.works, b.fmts, b.opts, b.out)
		b.sw.queue(b.pl, b.tmpl, b.e.look)
	})
}

// cancel abandons the build (the templates failed): what is loading
// finishes, nothing is laid out.
func (b *build) cancel() {
	b.cancelled.Store(true)
	b.loaded()
	b.pl.release()
	b.pl.wait()
}

// finish lays the plans out in fmts with tmpl, writing into out, once
// they are loaded, and returns their results in the order of dirs: files
// are written and messages printed in that order, so the output does not
// depend on scheduling. The site is nil unless every plan built.
func (b *build) finish(fmts []string, tmpl *markup.Templates, opts plandoc.Options, out string) ([]*planResult, *siteResult) {
	b.fmts, b.tmpl, b.opts, b.out = fmts, tmpl, opts, out
	b.loaded()
	b.pl.release()
	b.pl.wait()
	all := true
	for i, w := range b.works {
		if w == nil {
			all = false
			continue
		}
		r := b.results[i]
		pe := *b.e
		pe.stderr = &r.msgs
		r.files, r.ok = w.finish(&pe)
		r.pub = w.pub
		all = all && r.ok
	}
	if b.sw == nil || !all || b.stopped() {
		return b.results, nil
	}
	return b.results, b.sw.result()
}

// folderSize is the size of the files in dir, what loading it costs.
func folderSize(dir string) float64 {
	entries, _ := os.ReadDir(dir)
	n := 0.0
	for _, de := range entries {
		if fi, err := de.Info(); err == nil && fi.Mode().IsRegular() {
			n += float64(fi.Size())
		}
	}
	return n
}

// render writes d in format f into a kept scratch buffer and returns a
// copy of just its size. A build holds every file until all are made;
// growing a buffer for each (or making each 256 KB to spare the growing)
// was most of the fresh memory a build asked of the system.
func render(f string, tmpl *markup.Templates, d *doc.Document) ([]byte, error) {
	buf := freelist.Buffers.Get()
	defer freelist.Buffers.Put(buf)
	if err := formats[f].write(tmpl, buf, d); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// buildPlan loads, validates and renders one plan in every format, all in
// memory: either every file of the plan is ready or none is, so a failure
// leaves the plan's existing files as they were.
func (e *env) buildPlan(dir string, fmts []string, tmpl *markup.Templates, opts plandoc.Options, out string) (string, []outFile, site.Published, bool) {
	w, id, ok := e.preparePlan(dir, fmts, tmpl, opts, out)
	if !ok {
		return id, nil, site.Published{}, false
	}
	pl := newPool()
	w.queue(pl, e.look)
	pl.run(runtime.GOMAXPROCS(0))
	files, ok := w.finish(e)
	return id, files, w.pub, ok
}
