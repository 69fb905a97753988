package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/internal/schemacheck"
	"github.com/mpsplan/mpsplan/plan/diff"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

// reviewRepo is a temporary git repository holding a copy of the plans,
// in which a test makes the edits a pull request would, one commit each.
type reviewRepo struct {
	t   *testing.T
	dir string
}

func newReviewRepo(t *testing.T) *reviewRepo {
	t.Helper()
	tooltest.Look(t, "git")
	r := &reviewRepo{t: t, dir: t.TempDir()}
	if err := os.CopyFS(filepath.Join(r.dir, "plans"), os.DirFS(filepath.Join(repoRoot(), "plans"))); err != nil {
		t.Fatal(err)
	}
	r.git("init", "-q", "-b", "main")
	r.git("add", ".")
	r.git("commit", "-q", "-m", "the plans as published")
	return r
}

func (r *reviewRepo) git(args ...string) string {
	r.t.Helper()
	return gitIn(r.t, r.dir, args...)
}

func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "-c", "protocol.file.allow=always"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// edit replaces old by new in a plan file, once, failing if old is absent.
func (r *reviewRepo) edit(file, old, new string) {
	r.t.Helper()
	p := filepath.Join(r.dir, "plans", file)
	b, err := os.ReadFile(p)
	if err != nil {
		r.t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		r.t.Fatalf("%s does not hold %q", file, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *reviewRepo) commit(msg string) {
	r.t.Helper()
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
}

// run runs mpsplan in the repository.
func (r *reviewRepo) run(args ...string) (int, string, string) {
	r.t.Helper()
	r.t.Chdir(r.dir)
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func (r *reviewRepo) expect(args []string, code int, want ...string) string {
	r.t.Helper()
	got, out, errs := r.run(args...)
	if got != code {
		r.t.Errorf("mpsplan %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), got, code, out, errs)
	}
	for _, w := range want {
		if !strings.Contains(out+errs, w) {
			r.t.Errorf("mpsplan %s: output lacks %q\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), w, out, errs)
		}
	}
	return out
}

// TestReviewEdits makes, one commit each, the edits a reviewer meets and
// checks what diff --rev and check say about each, then the whole branch
// as one pull-request comment and as JSON for a bot.
func TestReviewEdits(t *testing.T) {
	r := newReviewRepo(t)
	diffRev := []string{"diff", "--rev", "HEAD~1", "--color", "never"}

	if out := r.expect([]string{"diff", "--rev", "HEAD"}, 0, "no plan changed since HEAD"); out != "" {
		t.Errorf("no plan changed, yet diff --rev prints %q on standard output", out)
	}
	r.expect([]string{"diff", "--rev", "HEAD", "--format", "json"}, 0, `"diffs": []`)
	r.expect([]string{"diff", "--rev", "HEAD", "--format", "markdown"}, 0, "No plan changed.")

	// Reordering: the published contents follow the order.
	r.edit("2008-11/plan.yaml", "  - id: information\n    title: Improving the quality and management of our information and data, and our staff's access to it\n", "")
	r.edit("2008-11/plan.yaml", "  - id: corporate-responsibility\n", "  - id: information\n    title: Improving the quality and management of our information and data, and our staff's access to it\n  - id: corporate-responsibility\n")
	r.commit("move an improvement")
	r.expect(diffRev, 1, "Improvements\n  ~ reordered: 1 improvement (information)\n")

	// A new ID, nothing else changed: one item re-identified, with a warning.
	r.edit("2008-11/measures.yaml", "  - id: gun-crime\n", "  - id: gun-enabled-crime\n")
	r.commit("re-identify a measure")
	out := r.expect(diffRev, 1, "~ measure gun-enabled-crime: Gun enabled crime rate (re-identified, was gun-crime)",
		`! warning: lineage to earlier plans breaks: plans that have this measure as "gun-crime" no longer match it`)
	if strings.Contains(out, "+ measure gun-enabled-crime") || strings.Contains(out, "- measure gun-crime") {
		t.Errorf("a re-identified measure is also reported added or removed:\n%s", out)
	}

	// The same value, printed otherwise: a wording change, not a value change.
	r.edit("2008-11/budget.yaml", "      total: £241.1m\n", "      total: {text: £241.1 million, value: £241.1m}\n")
	r.commit("print the capital total in words")
	r.expect(diffRev, 1, "~ total: £241.1m → £241.1 million (wording only, same value)")
	out = r.expect(append(diffRev, "--format", "json"), 1, `"change": "reworded"`)
	if strings.Contains(out, `"delta"`) {
		t.Errorf("a reworded figure has a delta:\n%s", out)
	}

	// A figure edited under an acknowledgement written for another gap.
	r.edit("2008-11/budget.yaml", "          amount: £107m\n", "          amount: £67m\n")
	r.commit("cut the technology budget")
	r.expect([]string{"check", "--strict", "2008-11"}, 1,
		`breakdown "capital": items add up to £199.8m, not the stated total £241.1 million (difference £41.3m); the acknowledgement at plans/2008-11/budget.yaml:`,
		"accepts a difference of £1.3m, not £41.3m")
	r.expect([]string{"check", "--format", "github", "2008-11"}, 1, "::error file=plans/2008-11/budget.yaml,line=62,col=14,title=mpsplan sum::")
	// diff still compares a plan that reads but does not validate, and says so.
	r.expect(diffRev, 1, "~ item technology amount: £107m → £67m, −£40m",
		"accepts a difference of £1.3m, not £41.3m", "mpsplan: 2008-11 does not validate (1 error, 0 warnings, 0 notes); compared as written")
	r.edit("2008-11/budget.yaml", "          amount: £67m\n", "          amount: £107m\n")
	r.commit("restore the technology budget")

	// A plan added, and a plan removed.
	if err := os.CopyFS(filepath.Join(r.dir, "plans", "2011-14"), os.DirFS(filepath.Join(r.dir, "plans", "2008-11"))); err != nil {
		t.Fatal(err)
	}
	r.edit("2011-14/plan.yaml", "id: 2008-11\n", "id: 2011-14\n")
	r.commit("add a plan")
	r.expect(diffRev, 1, "+ plan 2011-14 added")
	r.git("rm", "-q", "-r", "plans/2006-09-draft")
	r.commit("remove the draft")
	r.expect(diffRev, 1, "- plan 2006-09-draft removed")

	// An edit not yet committed is in the work tree, so --rev sees it.
	r.edit("2010-13/plan.yaml", "status: draft", "status: approved")
	r.expect(diffRev, 1, "--- 2010-13", "~ status: draft → approved")
	r.git("checkout", "-q", "--", ".")

	// The whole branch as one comment, and as JSON.
	base := strings.TrimSpace(r.git("rev-list", "--max-parents=0", "HEAD"))
	md := r.expect([]string{"diff", "--rev", base, "--format", "markdown"}, 1,
		"## Plan changes: `2008-11` at `"+base+"` → `2008-11`",
		"- **Warning**: measure `gun-crime` is now `gun-enabled-crime`",
		"**Plan added**", "**Plan removed**", "- **Wording**: 1 figure printed otherwise, same value")
	checkComment(t, md, diff.CommentLimit)
	js := r.expect([]string{"diff", "--rev", base, "--format", "json"}, 1)
	errs, err := schemacheck.Validate(diff.Schema(), []byte(js))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("diff --rev JSON: %s", e)
	}
	var doc struct {
		Diffs []struct {
			Old  struct{ ID, Revision string }
			Plan string
		}
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range doc.Diffs {
		got = append(got, d.Old.ID+":"+d.Plan+":"+d.Old.Revision)
	}
	if want := "2006-09-draft:removed:" + base + " 2008-11::" + base + " 2011-14:added:" + base; strings.Join(got, " ") != want {
		t.Errorf("diff --rev compared %q, want %q", strings.Join(got, " "), want)
	}
}

// TestReviewShallowClone: in a clone of one commit, the revision before it
// is missing, and the error says to fetch it.
func TestReviewShallowClone(t *testing.T) {
	r := newReviewRepo(t)
	r.edit("2008-11/plan.yaml", "status: proposed", "status: draft")
	r.commit("make 2008-11 a draft")
	shallow := filepath.Join(t.TempDir(), "clone")
	gitIn(t, r.dir, "clone", "-q", "--depth", "1", "file://"+r.dir, shallow)
	t.Chdir(shallow)
	var out, errb bytes.Buffer
	code := run([]string{"diff", "--rev", "HEAD~1"}, &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), "revision HEAD~1 is not in this shallow clone") || !strings.Contains(errb.String(), "fetch-depth: 0") {
		t.Errorf("diff --rev HEAD~1 in a shallow clone: exit %d\n%s%s", code, out.String(), errb.String())
	}
	errb.Reset()
	if code := run([]string{"diff", "--rev", "nosuch"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "shallow") {
		t.Errorf("an unknown revision in a shallow clone: exit %d: %s", code, errb.String())
	}
	errb.Reset()
	t.Chdir(r.dir)
	if code := run([]string{"diff", "--rev", "nosuch"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "unknown revision nosuch") {
		t.Errorf("an unknown revision in a full clone: exit %d: %s", code, errb.String())
	}
}

// TestReviewComment renders the cross-plan comment 2006-09 → 2007-10,
// whose every change runs past a GitHub comment, with cmark-gfm (GitHub's
// own Markdown reader), at the default limit and a small one.
func TestReviewComment(t *testing.T) {
	for _, max := range []int{0, 8000} {
		args := []string{"diff", "2006-09", "2007-10", "--format", "markdown"}
		limit := diff.CommentLimit
		if max > 0 {
			args = append(args, "--max-bytes", "8000")
			limit = max
		}
		code, md, errs := mpsplan(t, args...)
		if code != 1 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		checkComment(t, md, limit)
		if !strings.Contains(md, "**Left out** to keep this comment under") {
			t.Errorf("limit %d: the comment does not say what it left out", limit)
		}
	}
}

// checkComment checks a pull-request comment as GitHub would show it:
// within limit, a heading, the summary first, every <details> closed.
func checkComment(t *testing.T, md string, limit int) {
	t.Helper()
	if len(md) > limit {
		t.Errorf("comment is %d bytes, over the limit of %d", len(md), limit)
	}
	cmark := tooltest.Look(t, "cmark-gfm")
	cmd := exec.Command(cmark, "--unsafe", "-e", "table", "-e", "strikethrough")
	cmd.Stdin = strings.NewReader(md)
	html, err := cmd.Output()
	if err != nil {
		t.Fatalf("cmark-gfm: %v", err)
	}
	h := string(html)
	if !strings.HasPrefix(h, "<h2>Plan changes: <code>") {
		t.Errorf("the comment does not open with its heading:\n%.300s", h)
	}
	summary := regexp.MustCompile(`(?s)</p>\s*<ul>\s*<li><strong>Targets</strong>: .*?<li><strong>Money</strong>: `)
	if !summary.MatchString(h) {
		t.Errorf("the summary (targets, then money) does not follow the heading:\n%.600s", h)
	}
	if o, c := strings.Count(h, "<details>"), strings.Count(h, "</details>"); o != c {
		t.Errorf("%d <details> but %d </details>", o, c)
	}
	if strings.Count(h, "<h2>") == 0 || strings.Contains(h, "<script") {
		t.Errorf("unexpected HTML from the comment:\n%.300s", h)
	}
}

// TestReviewNoSilentDegradation: a report needs the plans its trends
// draw on; with one of them invalid, build and report fail and name it
// rather than write a report without its trend rows.
func TestReviewNoSilentDegradation(t *testing.T) {
	tmp := t.TempDir()
	plans := filepath.Join(tmp, "plans")
	if err := os.CopyFS(plans, os.DirFS(filepath.Join(repoRoot(), "plans"))); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(plans, "2007-10", "plan.yaml")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, append(b, "bogus: 1\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "public")
	for _, args := range [][]string{
		{"build", "2006-09", "--format", "md", "--plans", plans, "--out", out},
		{"report", "2006-09", "--year", "2006/07", "--format", "md", "--plans", plans, "--out", out},
	} {
		code, _, errs := mpsplan(t, args...)
		if code != 1 || !strings.Contains(errs, "need plans that do not validate: "+filepath.ToSlash(filepath.Join(plans, "2007-10"))+" (1 error") {
			t.Errorf("mpsplan %s: exit %d, want 1 naming plans/2007-10\n%s", args[0], code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "2006-09", "2006-09-report-2006-07.md")); err == nil {
		t.Error("a report was written without the trends of the invalid plan")
	}
}
