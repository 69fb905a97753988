package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/mpsplan/mpsplan/internal/serve"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

func newServeCmd(e *env) *cobra.Command {
	var addr, tmplDir string
	c := &cobra.Command{
		Use:         "serve [PLAN...]",
		Annotations: map[string]string{longRunning: "yes"},
		Short:       "Preview plans and their reports in the browser, rebuilt and reloaded as you save",
		Long: `serve builds the plans' HTML and annual reports in memory and serves them on
--addr (default 127.0.0.1:1313). When a plan file (.yaml), a template (.tmpl)
or the stylesheet is saved, the pages are rebuilt and the open page reloads
itself, as hugo server does. A plan that stops validating shows its problems
in the page (file, line, message), and the page comes back when it is fixed.

The reload script exists only in the preview (it is added as a page is
served, under a Content-Security-Policy nonce of its own), never in a built
file. serve listens on loopback unless --addr says otherwise, and serves the
built pages only: nothing else of the project or the machine can be read.
Ctrl+C stops it. With no PLAN it serves every plan under --plans.`,
		Example: `  mpsplan serve 2011-14                       # http://127.0.0.1:1313/
  mpsplan serve 2011-14 --addr 127.0.0.1:8080
  mpsplan serve 2011-14 --templates mytheme   # preview a theme as you write it`,
		ValidArgsFunction: e.completePlans,
		RunE: func(cmd *cobra.Command, args []string) error {
			dirs, err := e.resolve(args)
			if err != nil {
				return err
			}
			if tmplDir != "" {
				if err := checkTemplatesDir(tmplDir); err != nil {
					return err
				}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError("cannot listen on %s: %v", addr, err)
			}
			if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
				fmt.Fprintf(e.stderr, "mpsplan: warning: listening on %s, not loopback: other machines can read the preview\n", ln.Addr())
			}
			return e.serve(ln, dirs, tmplDir)
		},
	}
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:1313", "address to listen on (host:port; port 0 picks a free one)")
	c.Flags().StringVar(&tmplDir, "templates", "", "folder of templates overriding the built-in ones")
	_ = c.MarkFlagDirname("templates")
	return c
}

func (e *env) serve(ln net.Listener, dirs []string, tmplDir string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := serve.New(func() serve.Site { return e.previewSite(dirs, tmplDir) })
	report := func(site serve.Site) {
		if site.Err != "" || site.Diags.HasErrors() {
			fmt.Fprintf(e.stderr, "not built: %s\n", site.Diags.Summary())
			e.printProblems(site.Diags)
			return
		}
		fmt.Fprintf(e.stderr, "built %d page(s)\n", len(site.Pages))
	}
	report(srv.Rebuild())
	watch := []string{e.plansDir}
	watch = append(watch, dirs...)
	if tmplDir != "" {
		watch = append(watch, tmplDir)
	}
	if e.project != nil {
		watch = append(watch, e.project.Dir)
	}
	watchErr := make(chan error, 1)
	go func() { watchErr <- srv.Watch(ctx, unique(watch), report) }()

	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	hs.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(e.stdout, "serving http://%s/ (Ctrl+C to stop)\n", ln.Addr())

	var err error
	select {
	case <-ctx.Done():
	case err = <-watchErr:
		err = &exitError{code: exitUsage, err: fmt.Errorf("watching files: %w", err)}
	case err = <-served:
	}
	stop()
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := hs.Shutdown(shut); serr != nil && err == nil {
		err = serr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	fmt.Fprintln(e.stderr, "stopped")
	return err
}

func unique(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		c := filepath.Clean(s)
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// previewSite builds the HTML of each plan and its reports in memory, as
// build would write them, keyed by the path under the output folder.
func (e *env) previewSite(dirs []string, tmplDir string) serve.Site {
	site := serve.Site{Pages: map[string][]byte{}}
	opts, err := buildOptions()
	if err != nil {
		site.Err = err.Error()
		return site
	}
	tmpl, err := templatesFrom(tmplDir)
	if err != nil {
		site.Err = err.Error()
		return site
	}
	type entry struct{ ID, Title, Path string }
	var index []entry
	for _, dir := range dirs {
		p, diags := plan.Load(dir)
		site.Diags = append(site.Diags, diags...)
		if p == nil || diags.HasErrors() {
			continue
		}
		var msgs bytes.Buffer
		pe := *e
		pe.stderr = &msgs
		_, files, _, ok := pe.buildPlan(dir, []string{"html"}, tmpl, opts, "")
		if !ok {
			site.Err += msgs.String()
			continue
		}
		for i, f := range files {
			path := "/" + filepath.ToSlash(f.path)
			site.Pages[path] = f.data
			if i == 0 {
				index = append(index, entry{p.ID, p.Title, path})
			}
		}
	}
	switch {
	case len(index) == 1:
		site.Index = index[0].Path
	case len(index) > 1:
		var b bytes.Buffer
		if err := indexTmpl.Execute(&b, index); err == nil {
			site.Pages["/index.html"] = b.Bytes()
			site.Index = "/index.html"
		}
	}
	return site
}

var indexTmpl = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Plans</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 50rem; padding: 0 1rem; }</style></head>
<body><main><h1>Plans</h1><ul>
{{range .}}<li><a href="{{.Path}}">{{.ID}}</a>: {{.Title}}</li>
{{end}}</ul></main></body>
</html>
`))
