package serve

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/plan"
)

func TestHandler(t *testing.T) {
	var broken atomic.Bool
	s := New(func() Site {
		if broken.Load() {
			return Site{Diags: plan.Diagnostics{{Pos: plan.Pos{File: "plans/p/plan.yaml", Line: 3, Col: 7}, Severity: plan.Error, Message: "a <b>bad</b> value", Hint: "fix it"}}}
		}
		return Site{Index: "/p/p.html", Pages: map[string][]byte{"/p/p.html": []byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><h1>P</h1></body></html>`)}}
	})
	s.Rebuild()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	defer s.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, tt := range []struct {
		path string
		code int
		has  string
	}{
		{"/", 200, "<h1>P</h1><script nonce="},
		{"/p/p.html", 200, "var served = 1;"},
		{"/p/p.html", 200, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-`},
		{"/p/", 404, ""},
		{"/p/../p/p.html", 200, "<h1>P</h1>"}, // cleaned by the client
		{"/plan.yaml", 404, ""},
		{"/_mpsplan/version", 200, "1\n"},
		{"/favicon.ico", 204, ""},
	} {
		if code, body := get(tt.path); code != tt.code || !strings.Contains(body, tt.has) {
			t.Errorf("GET %s: %d\n%s", tt.path, code, body)
		}
	}
	broken.Store(true)
	s.Rebuild()
	code, body := get("/p/p.html")
	if code != 500 || !strings.Contains(body, "<td><code>plans/p/plan.yaml</code></td><td>3:7</td><td>error</td><td>a &lt;b&gt;bad&lt;/b&gt; value") ||
		!strings.Contains(body, "var served = 2;") {
		t.Errorf("broken site: %d\n%s", code, body)
	}
}

func TestSource(t *testing.T) {
	for name, want := range map[string]bool{
		"plans/p/plan.yaml": true, "x/measures.yml": true, "templates/plan.html.tmpl": true, "t/style.css": true,
		"plans/p/.plan.yaml.swp": false, "plans/p/plan.yaml~": false, "plans/p/#plan.yaml#": false, "plans/p/4913": false,
		"public/p/p.html": false,
	} {
		if got := source(name); got != want {
			t.Errorf("source(%q) = %v", name, got)
		}
	}
}

// TestWatchSaveByRename saves as editors do (write a temporary file, rename
// it over the plan file) and expects one rebuild for the burst.
func TestWatchSaveByRename(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(file, []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	var builds atomic.Int32
	s := New(func() Site { builds.Add(1); return Site{} })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rebuilt := make(chan struct{}, 10)
	done := make(chan error, 1)
	go func() { done <- s.Watch(ctx, []string{dir}, func(Site) { rebuilt <- struct{}{} }) }()
	// The watch is set up when a change made now is seen; retry until it is.
	deadline := time.After(30 * time.Second)
	for i := 0; ; i++ {
		tmp := filepath.Join(dir, ".plan.yaml.swp")
		if err := os.WriteFile(tmp, []byte{'b', byte('0' + i%10)}, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, file); err != nil {
			t.Fatal(err)
		}
		select {
		case <-rebuilt:
		case <-time.After(2 * Debounce * 4):
			continue
		case <-deadline:
			t.Fatal("no rebuild after saving by rename")
		}
		break
	}
	if b, _ := os.ReadFile(file); !strings.HasPrefix(string(b), "b") {
		t.Fatalf("file holds %q", b)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
