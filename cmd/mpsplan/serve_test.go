package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/render/tooltest"
)

// serving starts the real binary's serve in a new project and returns the
// base URL, the plan file the example keeps its title in, and the process.
func serving(t *testing.T) (base, planFile string, cmd *exec.Cmd) {
	t.Helper()
	dir := t.TempDir()
	if code, out, errs := runIn(t, dir, "init", "--organisation", "Northshire Police"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	cmd = exec.Command(binary(t), "serve", "2011-14", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1302652800")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	m := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(line)
	if err != nil || m == nil {
		t.Fatalf("serve printed %q (%v)", line, err)
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	return m[1], filepath.Join(dir, "plans", "2011-14", "plan.yaml"), cmd
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// waitVersion polls the version endpoint until it passes after, as a page
// without EventSource would, and returns it. The deadline only guards
// against a hang; nothing is asserted about how fast a rebuild is.
func waitVersion(t *testing.T, base, after string) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		_, _, v := get(t, base+"_mpsplan/version")
		if v = strings.TrimSpace(v); v != after {
			return v
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no rebuild after version %s", after)
	return ""
}

func TestServeHTTP(t *testing.T) {
	base, planFile, cmd := serving(t)
	page := base + "2011-14/2011-14.html"

	code, h, body := get(t, base) // redirected to the plan
	if code != 200 || !strings.Contains(body, "<h1") || !strings.Contains(body, "Northshire Police Policing Plan 2011-14") {
		t.Fatalf("GET /: %d\n%.300s", code, body)
	}
	nonce := regexp.MustCompile(`<script nonce="([^"]+)">`).FindStringSubmatch(body)
	if nonce == nil || !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'nonce-"+nonce[1]+"'") {
		t.Errorf("the reload script's nonce is not the policy's: %q, CSP %q", nonce, h.Get("Content-Security-Policy"))
	}
	if _, _, again := get(t, page); strings.Contains(again, nonce[0]) {
		t.Error("two responses share a nonce")
	}

	// The event stream says the current version at once.
	resp, err := http.Get(base + "_mpsplan/events")
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(resp.Body)
	var first string
	for !strings.HasPrefix(first, "data: ") {
		if first, err = r.ReadString('\n'); err != nil {
			t.Fatal(err)
		}
	}
	if resp.Header.Get("Content-Type") != "text/event-stream" || strings.TrimSpace(first) != "data: 1" {
		t.Errorf("events: %s %q", resp.Header.Get("Content-Type"), first)
	}

	src, err := os.ReadFile(planFile)
	if err != nil {
		t.Fatal(err)
	}
	save := func(text string) {
		t.Helper()
		// As editors save: a new file renamed over the old one.
		tmp := planFile + ".tmp~"
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, planFile); err != nil {
			t.Fatal(err)
		}
	}
	v := "1"
	save(strings.Replace(string(src), "title: Northshire Police Policing Plan 2011-14", "title: Northshire Police Plan for 2011-14", 1))
	v = waitVersion(t, base, v)
	if _, _, body := get(t, page); !strings.Contains(body, "Northshire Police Plan for 2011-14") {
		t.Errorf("the page did not change after the save")
	}
	// The stream tells the open page.
	next := ""
	for !strings.HasPrefix(next, "data: ") {
		if next, err = r.ReadString('\n'); err != nil {
			t.Fatal(err)
		}
	}
	if strings.TrimSpace(next) == "data: 1" {
		t.Errorf("the event stream did not announce the rebuild: %q", next)
	}
	resp.Body.Close()

	// A plan that stops validating shows its problem in the page...
	save(strings.Replace(string(src), "\n  - id: reduce-burglary\n", "\n  - id: reduce-burglary\n\t", 1))
	v = waitVersion(t, base, v)
	code, _, body = get(t, page)
	if code != 500 || !strings.Contains(body, "<code>plans/2011-14/plan.yaml</code></td><td>23:1</td><td>error</td><td>tab character in indentation") {
		t.Errorf("broken plan: %d\n%s", code, body)
	}
	if !strings.Contains(body, "<script nonce=") {
		t.Error("the problems page does not reload itself")
	}
	// ...and recovers when fixed.
	save(string(src))
	waitVersion(t, base, v)
	if code, _, body := get(t, page); code != 200 || !strings.Contains(body, "Northshire Police Policing Plan 2011-14") {
		t.Errorf("after the fix: %d\n%.300s", code, body)
	}

	// Nothing but the built pages: no source, no project file, no way out.
	for _, p := range []string{"mpsplan.yaml", "plans/2011-14/plan.yaml", "../mpsplan.yaml", "%2e%2e/mpsplan.yaml",
		"2011-14/..%2f..%2fmpsplan.yaml", "2011-14/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "2011-14/"} {
		if code, _, body := get(t, base+p); code != 404 {
			t.Errorf("GET %s: %d\n%.200s", p, code, body)
		}
	}

	// Ctrl+C stops it cleanly.
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after SIGINT: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("serve did not stop on SIGINT")
	}
}

// TestServeReloadsInChromium opens the preview in a real browser and checks
// that the page reloads by itself when the plan is saved, under its CSP.
func TestServeReloadsInChromium(t *testing.T) {
	node := tooltest.Look(t, "node")
	chromium := tooltest.Look(t, "chromium")
	tooltest.CITool(t, "node_modules/playwright-core/package.json")
	base, planFile, _ := serving(t)
	tools := filepath.Join(tooltest.RepoRoot(), ".ci", "tools")
	out, err := exec.Command(node, filepath.Join("testdata", "reload-check.js"), tools, chromium,
		base+"2011-14/2011-14.html", planFile, "Northshire Police Policing Plan 2011-14", "Northshire Police Plan 2011-14, revised").CombinedOutput()
	if err != nil {
		t.Errorf("the page did not reload by itself (%v):\n%s", err, out)
	}
	t.Logf("%s", out)
}

// TestBuiltFilesHaveNoScript: the reload script is the preview's alone.
func TestBuiltFilesHaveNoScript(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runIn(t, dir, "init"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runIn(t, dir, "build", "--format", "html"); code != 0 {
		t.Fatal(errs)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "2011-14", "2011-14.html"))
	if err != nil || strings.Contains(string(b), "<script") || strings.Contains(string(b), "_mpsplan") {
		t.Errorf("a built file carries a script (%v)", err)
	}
}
