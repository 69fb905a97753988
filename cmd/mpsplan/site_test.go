package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/render/site"
)

// TestSite builds the real binary, builds every plan with it as CI does,
// and checks the site it writes: every link of every page resolves, the
// data package describes files of the site, its CSV is what export gives,
// and build --check fails on a stale, missing or obsolete page of the site
// (which build then removes).
func TestSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	out := t.TempDir()
	run := func(args ...string) (int, string) {
		return runBinary(t, repoRoot(), []string{"SOURCE_DATE_EPOCH=1700000000"}, args...)
	}
	if code, msg := run("build", "--out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, msg)
	}
	pages := sitePages(t, out)
	t.Run("links", func(t *testing.T) { checkLinks(t, out) })
	t.Run("document links", func(t *testing.T) { checkDocumentLinks(t, out, run) })
	t.Run("data", func(t *testing.T) { checkDataPackage(t, out) })
	t.Run("export", func(t *testing.T) {
		// The site's figures are what mpsplan export gives.
		file := filepath.Join(t.TempDir(), "all.csv")
		if code, msg := run("export", "--file", file); code != 0 {
			t.Fatalf("export: exit %d\n%s", code, msg)
		}
		exported, _ := os.ReadFile(file)
		data, _ := os.ReadFile(filepath.Join(out, site.FiguresCSV))
		if len(data) == 0 || string(data) != string(exported) {
			t.Errorf("%s (%d bytes) is not what mpsplan export writes (%d bytes)", site.FiguresCSV, len(data), len(exported))
		}
	})
	// The Nu HTML checker and axe-core see every site page in render/site
	// (htmlcheck_test.go), printed by the same writer: a test binary of its
	// own, so its minutes of Chromium do not add to this package's.
	if len(pages) < 10 {
		t.Errorf("only %d site pages", len(pages))
	}
	t.Run("check", func(t *testing.T) {
		if code, msg := run("build", "--check", "--out", out); code != 0 {
			t.Fatalf("build --check right after build: exit %d\n%s", code, msg)
		}
		stale := filepath.Join(out, site.MeasuresDir, "gun-crime.html")
		gone := filepath.Join(out, site.IndexFile)
		old := filepath.Join(out, site.MeasuresDir, "no-such-measure.html")
		for _, f := range []string{stale, old} {
			if err := os.WriteFile(f, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Remove(gone); err != nil {
			t.Fatal(err)
		}
		// The manifest lists a page the site no longer has, as when a
		// measure leaves every plan.
		manifest := filepath.Join(out, manifestName)
		m, _ := os.ReadFile(manifest)
		if err := os.WriteFile(manifest, append(m, "measures/no-such-measure.html\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		code, msg := run("build", "--check", "--out", out)
		for _, f := range []string{stale, gone, old} {
			if !strings.Contains(msg, f) {
				t.Errorf("build --check does not list %s", f)
			}
		}
		if code != 1 {
			t.Errorf("build --check with a stale site: exit %d, want 1\n%s", code, msg)
		}
		if code, msg := run("build", "--out", out); code != 0 {
			t.Fatalf("build: exit %d\n%s", code, msg)
		}
		if _, err := os.Stat(old); err == nil {
			t.Error("build left a page the site no longer has")
		}
		if code, msg := run("build", "--check", "--out", out); code != 0 {
			t.Errorf("build --check after build: exit %d\n%s", code, msg)
		}
	})
}

// checkDocumentLinks: each plan's and report's HTML in the site links its
// PDF, its Markdown and its plan's figures, files that are there; and a
// build of one plan writes the same page and the same figures, so
// building one plan never changes what the site published.
func checkDocumentLinks(t *testing.T, out string, run func(args ...string) (int, string)) {
	docs, _ := filepath.Glob(filepath.Join(out, "*", "*.html"))
	n := 0
	for _, f := range docs {
		dir := filepath.Base(filepath.Dir(f))
		if dir == site.MeasuresDir {
			continue
		}
		n++
		b, _ := os.ReadFile(f)
		id := strings.TrimSuffix(filepath.Base(f), ".html")
		for _, want := range []string{id + ".pdf", id + ".md", dir + ".csv", dir + ".json"} {
			if !strings.Contains(string(b), `<a href="`+want+`"`) {
				t.Errorf("%s does not link %s", f, want)
			}
		}
	}
	if n < 6 { // five plans and a report
		t.Errorf("only %d plan and report pages", n)
	}
	one := t.TempDir()
	if code, msg := run("build", "2006-09", "--out", one); code != 0 {
		t.Fatalf("build 2006-09: exit %d\n%s", code, msg)
	}
	for _, f := range []string{"2006-09.html", "2006-09-report-2006-07.html", "2006-09.csv", "2006-09.json"} {
		a, _ := os.ReadFile(filepath.Join(out, "2006-09", f))
		b, _ := os.ReadFile(filepath.Join(one, "2006-09", f))
		if len(a) == 0 || string(a) != string(b) {
			t.Errorf("%s: a build of the plan alone writes %d bytes, unlike the site's %d", f, len(b), len(a))
		}
	}
}

// sitePages are the site's own HTML pages: the index and the measures'.
func sitePages(t *testing.T, out string) []string {
	t.Helper()
	pages, _ := filepath.Glob(filepath.Join(out, site.MeasuresDir, "*.html"))
	if len(pages) < 10 {
		t.Fatalf("only %d measure pages", len(pages))
	}
	return append([]string{filepath.Join(out, site.IndexFile)}, pages...)
}

var (
	linkRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// checkLinks follows every href and src of every HTML page under out (the
// site's and the documents'): a link within the site must be relative and
// lead to a file under out, and its fragment to an element of that page.
func checkLinks(t *testing.T, out string) {
	ids := map[string][]string{}
	idsOf := func(path string) []string {
		if v, ok := ids[path]; ok {
			return v
		}
		b, _ := os.ReadFile(path)
		var v []string
		for _, m := range idRE.FindAllStringSubmatch(string(b), -1) {
			v = append(v, m[1])
		}
		ids[path] = v
		return v
	}
	links, external := 0, 0
	err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range linkRE.FindAllStringSubmatch(string(b), -1) {
			ref := strings.ReplaceAll(m[1], "&amp;", "&")
			u, err := url.Parse(ref)
			switch {
			case err != nil:
				t.Errorf("%s: link %q does not parse: %v", path, ref, err)
				continue
			case u.Scheme == "data":
				continue
			case u.Scheme == "https" || u.Scheme == "http" || u.Scheme == "mailto":
				external++ // outside the site: a licence, an address
				continue
			case u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/"):
				t.Errorf("%s: link %q is not relative", path, ref)
				continue
			}
			links++
			target := path
			if u.Path != "" {
				target = filepath.Join(filepath.Dir(path), filepath.FromSlash(u.Path))
			}
			if rel, err := filepath.Rel(out, target); err != nil || !filepath.IsLocal(rel) {
				t.Errorf("%s: link %q leads outside the site", path, ref)
				continue
			}
			if st, err := os.Stat(target); err != nil || st.IsDir() {
				t.Errorf("%s: link %q does not resolve: %v", path, ref, err)
				continue
			}
			if u.Fragment != "" && !slices.Contains(idsOf(target), u.Fragment) {
				t.Errorf("%s: link %q: %s has no element with id %q", path, ref, target, u.Fragment)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if links < 500 {
		t.Errorf("only %d links followed", links)
	}
	t.Logf("%d links within the site resolve; %d lead outside it", links, external)
}

// checkDataPackage wants every resource of datapackage.json to be a file
// of the site.
func checkDataPackage(t *testing.T, out string) {
	b, err := os.ReadFile(filepath.Join(out, site.DataPackageFile))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Resources []struct{ Path string } }
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	if len(pkg.Resources) == 0 {
		t.Fatal("the data package has no resource")
	}
	for _, r := range pkg.Resources {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(r.Path))); err != nil || !filepath.IsLocal(r.Path) {
			t.Errorf("resource %s: %v", r.Path, err)
		}
	}
}

// TestSiteWaitsForEveryPlan: when a plan fails, the site is left as it was
// (an index without the plan would unpublish it) and the build says so;
// once every plan builds, the site follows; a plan named after a folder
// of the site is refused.
func TestSiteWaitsForEveryPlan(t *testing.T) {
	plans := writePlans(t, map[string]string{"a": smallPlan("a", "First A"), "b": smallPlan("b", "B")})
	out := t.TempDir()
	index := filepath.Join(out, site.IndexFile)
	if code, _, errs := mpsplan(t, "build", "--plans", plans, "--out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errs)
	}
	before, err := os.ReadFile(index)
	if err != nil || !strings.Contains(string(before), "First A") {
		t.Fatalf("the index does not list plan a: %v", err)
	}
	if err := os.WriteFile(filepath.Join(plans, "a", "plan.yaml"), []byte(smallPlan("a", "Second A")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(plans, "b", "plan.yaml"), []byte("id: b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := mpsplan(t, "build", "--plans", plans, "--out", out)
	if after, _ := os.ReadFile(index); code != 1 || string(after) != string(before) || !strings.Contains(errs, "the site") {
		t.Errorf("a plan failed: exit %d, index changed %v, stderr:\n%s", code, string(after) != string(before), errs)
	}
	if err := os.WriteFile(filepath.Join(plans, "b", "plan.yaml"), []byte(smallPlan("b", "B")), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := mpsplan(t, "build", "--plans", plans, "--out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errs)
	}
	if after, _ := os.ReadFile(index); !strings.Contains(string(after), "Second A") {
		t.Error("the index does not follow the plan once every plan builds")
	}
	clash := writePlans(t, map[string]string{"measures": smallPlan("measures", "M")})
	empty := t.TempDir()
	if code, _, errs := mpsplan(t, "build", "--plans", clash, "--out", empty); code != 1 || !strings.Contains(errs, "give the plan another ID") {
		t.Errorf("a plan named measures: exit %d\n%s", code, errs)
	}
	if left, _ := os.ReadDir(empty); len(left) > 0 {
		t.Errorf("a build refused for a plan named measures wrote %d file(s)", len(left))
	}
}
