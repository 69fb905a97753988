// Package serve is mpsplan's local preview: it serves a plan's built
// pages from memory, rebuilds them when a source file is saved, and makes
// the open page reload itself, as hugo server does.
//
// The reload script is added to a page as it is served, never to a built
// file, and runs under a Content-Security-Policy nonce of its own. A build
// that fails is shown in the page, diagnostic by diagnostic; the next good
// build replaces it. Only the built pages are served: a path that is not
// one of them is 404, so nothing outside the project's output can be read.
package serve

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mpsplan/mpsplan/plan"
)

// Site is the result of one build: the pages by URL path ("/2008-11/2008-11.html"),
// the page "/" leads to, and, when the build failed, why.
type Site struct {
	Pages map[string][]byte
	Index string
	// Diags are the plan's problems; with an error among them, or Err
	// set, the build failed and every page shows the problems instead.
	Diags plan.Diagnostics
	Err   string
}

func (s *Site) failed() bool { return s.Err != "" || s.Diags.HasErrors() }

// Server holds the current build and the pages waiting to reload.
type Server struct {
	build func() Site

	mu      sync.Mutex
	site    Site
	version int
	waiting map[chan int]struct{}
	closed  bool
}

// New returns a server that builds with build; call Rebuild once before
// serving.
func New(build func() Site) *Server {
	return &Server{build: build, waiting: map[chan int]struct{}{}}
}

// Rebuild builds the site again and tells every open page. It returns the
// new site.
func (s *Server) Rebuild() Site {
	site := s.build()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.site = site
	s.version++
	for ch := range s.waiting {
		select {
		case ch <- s.version:
		default: // a page that has not read the last version needs only the newest
		}
	}
	return site
}

// Close ends every open event stream, so that the HTTP server can shut
// down without waiting for pages that never hang up.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	for ch := range s.waiting {
		close(ch)
	}
	s.waiting = nil
}

func (s *Server) current() (Site, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.site, s.version
}

// Paths of the preview's own endpoints, apart from any page path (plan IDs
// are slugs, so they cannot begin with an underscore).
const (
	EventsPath  = "/_mpsplan/events"  // Server-Sent Events: the build version, on each build
	VersionPath = "/_mpsplan/version" // the build version as text, for polling
)

// Handler serves the pages, the events and the version.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+EventsPath, s.events)
	mux.HandleFunc("GET "+VersionPath, func(w http.ResponseWriter, r *http.Request) {
		_, v := s.current()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprintln(w, v)
	})
	// Browsers ask for an icon the documents do not have: no content,
	// rather than an error in the console on every reload.
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /", s.page)
	return mux
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	site, v := s.current()
	p := r.URL.Path
	if p != "/" && path.Clean(p) != p {
		http.NotFound(w, r)
		return
	}
	if site.failed() && (p == "/" || strings.HasSuffix(p, ".html") || site.Pages[p] != nil) {
		s.write(w, http.StatusInternalServerError, problemsPage(site), v)
		return
	}
	if p == "/" && site.Index != "" {
		http.Redirect(w, r, site.Index, http.StatusFound)
		return
	}
	body, ok := site.Pages[p]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if !strings.HasSuffix(p, ".html") {
		w.Header().Set("Content-Type", http.DetectContentType(body))
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(body)
		return
	}
	s.write(w, http.StatusOK, body, v)
}

// write serves an HTML page with the reload script, allowed by a nonce
// made for this response alone; the page may run no other script.
func (s *Server) write(w http.ResponseWriter, status int, page []byte, version int) {
	var raw [16]byte
	_, _ = rand.Read(raw[:])
	nonce := base64.StdEncoding.EncodeToString(raw[:])
	script := fmt.Sprintf(`<script nonce="%s">%s</script>`, nonce, strings.Replace(reloadJS, "VERSION", strconv.Itoa(version), 1))
	policy := pagePolicy
	// A built page carries its own policy, which runs no script at all:
	// the preview's copy allows this one script, by its nonce, and the
	// event stream it opens; the rest of the page's policy stands.
	if m := cspMetaRE.FindSubmatchIndex(page); m != nil {
		policy = string(page[m[2]:m[3]])
		page = slices.Concat(page[:m[0]], []byte(`<meta http-equiv="Content-Security-Policy" content="`+policy+`; script-src 'nonce-`+nonce+`'; connect-src 'self'">`), page[m[1]:])
	}
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(script))
	out = append(append(append(out, page[:i]...), script...), page[i:]...)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", policy+"; script-src 'nonce-"+nonce+"'; connect-src 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// pagePolicy is the preview's policy for a page that carries none (the
// problems page), as strict as a built page's.
const pagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"

var cspMetaRE = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// reloadJS reloads the page when the build it was served from is replaced.
// EventSource reconnects by itself when the server restarts.
const reloadJS = `(function () {
  var served = VERSION;
  var events = new EventSource("` + EventsPath + `");
  events.onmessage = function (e) { if (Number(e.data) !== served) { events.close(); location.reload(); } };
})();`

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan int, 1)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	s.waiting[ch] = struct{}{}
	v := s.version
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.waiting != nil {
			delete(s.waiting, ch)
		}
		s.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "retry: 500\ndata: %d\n\n", v)
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case v, open := <-ch:
			if !open {
				return
			}
			fmt.Fprintf(w, "data: %d\n\n", v)
			flusher.Flush()
		}
	}
}

var problemsTmpl = template.Must(template.New("problems").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not built: {{.Count}}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { color: #a00000; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #ccc; }
code { font-family: ui-monospace, monospace; }
.hint { color: #444; }
</style>
</head>
<body>
<main>
<h1>The plan is not built: {{.Count}}</h1>
<p>Fix the files below and save: this page reloads by itself when the plan builds again.</p>
{{if .Err}}<pre>{{.Err}}</pre>{{end}}
{{if .Diags}}<table>
<caption>Problems, in the order to fix them</caption>
<thead><tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Severity</th><th scope="col">Problem</th></tr></thead>
<tbody>
{{range .Diags}}<tr class="diagnostic"><td><code>{{.Pos.File}}</code></td><td>{{if .Pos.Line}}{{.Pos.Line}}{{if .Pos.Col}}:{{.Pos.Col}}{{end}}{{end}}</td><td>{{.Severity}}</td><td>{{.Message}}{{if .Hint}}<br><span class="hint">hint: {{.Hint}}</span>{{end}}</td></tr>
{{end}}</tbody>
</table>{{end}}
</main>
</body>
</html>
`))

func problemsPage(site Site) []byte {
	var shown plan.Diagnostics
	for _, d := range site.Diags {
		if d.Severity != plan.Note {
			shown = append(shown, d)
		}
	}
	count := site.Diags.Summary()
	if len(site.Diags) == 0 {
		count = "the build failed"
	}
	var b bytes.Buffer
	if err := problemsTmpl.Execute(&b, map[string]any{"Count": count, "Diags": shown, "Err": site.Err}); err != nil {
		return []byte("<!DOCTYPE html><title>Not built</title><p>The plan is not built: " + template.HTMLEscapeString(err.Error()))
	}
	return b.Bytes()
}
