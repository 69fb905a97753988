package main

// The build's benchmarks, stage by stage and whole, so every change to the
// pipeline is measured where the time goes. scripts/bench runs them beside
// the outside comparisons (pandoc, WeasyPrint) and the timing of the binary.
//
//	go test ./cmd/mpsplan -run '^$' -bench . -benchmem
//
// BenchmarkStage/<document>/<stage>: one document through one stage, its
// input made ready outside the timer:
//
//	decode    the plan's YAML files (already read) into the model
//	validate  the decoded plan (Validate does not change it)
//	layout    the model into a document (plan, or annual report)
//	md, html, pdf  the document through each writer
//
// BenchmarkBuild/<formats>: what `mpsplan build` does for every plan and
// report in those formats, in one process (reading the plans from disk,
// building concurrently), without writing the files.
//
// BenchmarkSite: what the site adds to a build of every plan.

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/markup"
	"github.com/mpsplan/mpsplan/render/plandoc"
	"github.com/mpsplan/mpsplan/render/report"
)

// benchPlans reads every plan under plans/ into memory and returns them,
// with their files, in the order of plan.Dirs.
func benchPlans(b *testing.B) (files [][]plan.File, plans []*plan.Plan) {
	b.Helper()
	dirs, err := plan.Dirs(filepath.Join(repoRoot(), "plans"))
	if err != nil {
		b.Fatal(err)
	}
	for _, dir := range dirs {
		var fs []plan.File
		yamls, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, y := range yamls {
			data, err := os.ReadFile(y)
			if err != nil {
				b.Fatal(err)
			}
			fs = append(fs, plan.File{Name: path.Join("plans", filepath.Base(dir), filepath.Base(y)), Data: data})
		}
		p, diags := plan.Load(dir)
		if p == nil || diags.HasErrors() {
			b.Fatalf("%s does not load: %s", dir, diags.Summary())
		}
		files = append(files, fs)
		plans = append(plans, p)
	}
	return files, plans
}

func BenchmarkStage(b *testing.B) {
	files, plans := benchPlans(b)
	tmpl, err := markup.DefaultTemplates()
	if err != nil {
		b.Fatal(err)
	}
	for i, p := range plans {
		b.Run(p.ID+"/decode", func(b *testing.B) {
			for b.Loop() {
				var diags plan.Diagnostics
				if plan.Decode(files[i], &diags) == nil || diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
		})
		b.Run(p.ID+"/validate", func(b *testing.B) {
			for b.Loop() {
				var diags plan.Diagnostics
				plan.Validate(p, &diags)
				if diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
		})
		benchDocument(b, p.ID, tmpl, func() (*doc.Document, error) { return plandoc.Build(p, plandoc.Options{}) })
		others := plan.Related(p, without(plans, p))
		for _, y := range report.Years(p) {
			benchDocument(b, report.ID(p.ID, y), tmpl, func() (*doc.Document, error) {
				return report.BuildWith(p, y, others, plandoc.Options{})
			})
		}
	}
}

// benchDocument measures laying out one document and printing it in each
// format.
func benchDocument(b *testing.B, name string, tmpl *markup.Templates, layout func() (*doc.Document, error)) {
	d, err := layout()
	if err != nil {
		b.Fatalf("%s: %v", name, err)
	}
	b.Run(name+"/layout", func(b *testing.B) {
		for b.Loop() {
			if _, err := layout(); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, f := range formatOrder {
		var size int
		b.Run(name+"/"+f, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := formats[f].write(tmpl, &buf, d); err != nil {
					b.Fatal(err)
				}
			}
			size = buf.Len()
			b.ReportMetric(float64(size)/1024, "KB")
		})
	}
}

func without(ps []*plan.Plan, p *plan.Plan) []*plan.Plan {
	var out []*plan.Plan
	for _, o := range ps {
		if o != p {
			out = append(out, o)
		}
	}
	return out
}

func BenchmarkBuild(b *testing.B) {
	b.Chdir(repoRoot())
	e := &env{stdout: io.Discard, stderr: io.Discard, plansDir: "plans"}
	dirs, err := e.resolve(nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, arg := range []string{"md,html,pdf", "md,html", "pdf"} {
		fmts, opts, tmpl, err := outputSettings(arg, "")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.ReplaceAll(arg, ",", "+"), func(b *testing.B) {
			var files, size int
			for b.Loop() {
				files, size = 0, 0
				e.cache = &loadCache{} // as build does, once a run
				results, _ := e.startBuild(dirs, func() bool { return false }, false).finish(fmts, tmpl, opts, "public")
				for _, r := range results {
					if !r.ok {
						b.Fatalf("a plan failed: %s", r.msgs.String())
					}
					for _, f := range r.files {
						files++
						size += len(f.data)
					}
				}
			}
			b.ReportMetric(float64(files), "files")
			b.ReportMetric(float64(size)/1024, "KB")
		})
	}
}

// BenchmarkSite measures what building every plan adds for the site
// (render/site): the index, the measure pages through the HTML writer, and
// the data files, from the plans and documents the build laid out.
func BenchmarkSite(b *testing.B) {
	b.Chdir(repoRoot())
	e := &env{stdout: io.Discard, stderr: io.Discard, plansDir: "plans"}
	dirs, err := e.resolve(nil)
	if err != nil {
		b.Fatal(err)
	}
	fmts, opts, tmpl, err := outputSettings("", "")
	if err != nil {
		b.Fatal(err)
	}
	e.cache = &loadCache{}
	var works []*planWork
	for _, dir := range dirs {
		w, _, ok := e.preparePlan(dir, fmts, tmpl, opts, "public")
		if !ok {
			b.Fatalf("%s does not build", dir)
		}
		works = append(works, w)
	}
	var files, size int
	for b.Loop() {
		st := e.buildSite(works, fmts, tmpl, opts, "public")
		if st == nil || st.err != nil {
			b.Fatalf("the site is not built: %v", st)
		}
		files, size = len(st.files), 0
		for _, f := range st.files {
			size += len(f.data)
		}
	}
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(size)/1024, "KB")
}

// BenchmarkHostileMarkdown builds plans whose Markdown is made to be slow
// to parse: 2 MB of "[" (unclosed link openers), a list nested 1,400
// deep, and 1,000 nested block quotes each opening a list. Each must be
// refused or built in well under a second.
func BenchmarkHostileMarkdown(b *testing.B) {
	nested := func(n int, line func(i int) string) string {
		var s strings.Builder
		for i := range n {
			s.WriteString(line(i) + "\n")
		}
		return s.String()
	}
	cases := []struct{ name, md string }{
		{"brackets=2MB", strings.Repeat("[", 2<<20)},
		{"list-depth=1400", nested(1400, func(i int) string { return strings.Repeat("  ", i) + "- level" })},
		{"quote-depth=1000", nested(1000, func(i int) string { return strings.Repeat("> ", i) + "- a" })},
	}
	tmpl, err := markup.DefaultTemplates()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		dir := filepath.Join(b.TempDir(), "p")
		quoted, _ := json.Marshal(c.md) // a JSON string is a YAML scalar
		src := "id: p\ntitle: T\nkind: corporate-plan\norganisations: [Metropolitan Police Authority]\n" +
			"period: {first: 2008/09, last: 2010/11}\nstatus: draft\nsource: {document: x.txt}\nmission: " + string(quoted) + "\n"
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				p, diags := plan.Load(dir)
				if p == nil || diags.HasErrors() {
					continue // refused: as good as built
				}
				d, err := plandoc.Build(p, plandoc.Options{})
				if err != nil {
					continue
				}
				for _, f := range formatOrder {
					var buf bytes.Buffer
					_ = formats[f].write(tmpl, &buf, d)
				}
			}
		})
	}
}
