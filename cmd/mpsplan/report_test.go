package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/markup"
	"github.com/mpsplan/mpsplan/render/site"

	"github.com/mpsplan/mpsplan/render/pdf"
	"github.com/mpsplan/mpsplan/render/report"
)

func TestReportExitCodes(t *testing.T) {
	out := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"builds", []string{"report", "2006-09", "--year", "2006/07", "--format", "md", "--out", out}, 0, "built the 2006/07 report of 2006-09"},
		{"year without results", []string{"report", "2006-09", "--year", "2007/08", "--out", out}, 2, "plan 2006-09 has no results for 2007/08: it has results for 2006/07"},
		{"plan without results", []string{"report", "2010-13", "--year", "2010/11", "--out", out}, 2, "no results"},
		{"no year", []string{"report", "2006-09", "--out", out}, 2, "--year 2006/07"},
		{"bad year", []string{"report", "2006-09", "--year", "2006-07"}, 2, "not a financial year"},
		{"no plan", []string{"report", "--year", "2006/07"}, 2, "accepts 1 arg"},
		{"unknown plan", []string{"report", "1999-02", "--year", "2006/07"}, 2, `no plan "1999-02"`},
		{"bad format", []string{"report", "2006-09", "--year", "2006/07", "--format", "docx"}, 2, "unknown format"},
		{"missing templates", []string{"report", "2006-09", "--year", "2006/07", "--templates", filepath.Join(out, "none")}, 2, "none does not exist"},
		{"invalid plan", []string{"report", "testdata/check/unknown-key", "--year", "2006/07", "--out", out}, 1, "not built"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := mpsplan(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstderr:\n%s", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.inStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.inStderr, errs)
			}
		})
	}
}

// TestReportFiles builds the 2006/07 report twice: the files are the
// report package's Document printed by the default templates (the command
// adds nothing and loses nothing), and the second build rewrites nothing.
func TestReportFiles(t *testing.T) {
	out := t.TempDir()
	args := []string{"report", "2006-09", "--year", "2006/07", "--out", out}
	if code, _, errs := mpsplan(t, args...); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	p, diags := plan.Load("plans/2006-09")
	if diags.HasErrors() {
		t.Fatal(diags.Summary())
	}
	e := &env{stdout: io.Discard, stderr: io.Discard, plansDir: "plans"}
	others, err := e.otherPlans(p)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(p, 2006, others)
	if err != nil {
		t.Fatal(err)
	}
	doc.Links = site.DocumentLinks(p.ID, doc, formatOrder) // as the build adds them
	tm, err := markup.DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	var md, html, pdfb bytes.Buffer
	if err := tm.WriteMarkdown(&md, doc); err != nil {
		t.Fatal(err)
	}
	if err := tm.WriteHTML(&html, doc); err != nil {
		t.Fatal(err)
	}
	if err := pdf.Write(&pdfb, doc); err != nil {
		t.Fatal(err)
	}
	for ext, want := range map[string][]byte{".md": md.Bytes(), ".html": html.Bytes(), ".pdf": pdfb.Bytes()} {
		got, err := os.ReadFile(filepath.Join(out, "2006-09", "2006-09-report-2006-07"+ext))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the report package's document", ext)
		}
	}
	code, _, errs := mpsplan(t, args...)
	if code != 0 || !strings.Contains(errs, ": 0 file(s) written") {
		t.Errorf("second build: exit %d, %s", code, errs)
	}
	ents, _ := os.ReadDir(filepath.Join(out, "2006-09"))
	if len(ents) != 3 {
		t.Errorf("%d files in the plan's folder, want 3 (no temporary files left)", len(ents))
	}
}

// TestReportTemplates checks a report goes through the same overridable
// templates as a plan.
func TestReportTemplates(t *testing.T) {
	tmpl, out := t.TempDir(), t.TempDir()
	builtin, err := os.ReadFile(filepath.Join(repoRoot(), "templates/title.md.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmpl, "title.md.tmpl"), append([]byte("OVERRIDDEN TITLE\n"), builtin...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := mpsplan(t, "report", "2006-09", "--year", "2006/07", "--format", "md", "--templates", tmpl, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got, err := os.ReadFile(filepath.Join(out, "2006-09", "2006-09-report-2006-07.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte("OVERRIDDEN TITLE")) {
		t.Error("the --templates override was not used")
	}
}

// TestBuildWritesReports checks mpsplan build writes every report a plan
// has results against targets for, beside the plan, and that --check
// covers them.
func TestBuildWritesReports(t *testing.T) {
	out := t.TempDir()
	if code, _, errs := mpsplan(t, "build", "2006-09", "2008-11", "--format", "md", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range []string{"2006-09/2006-09.md", "2006-09/2006-09-report-2006-07.md"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	// 2008-11 quotes results for context but sets no target for them.
	if m, _ := filepath.Glob(filepath.Join(out, "2008-11", "*report*")); len(m) != 0 {
		t.Errorf("reports for a plan with no results against targets: %v", m)
	}
	rep := filepath.Join(out, "2006-09", "2006-09-report-2006-07.md")
	if err := os.WriteFile(rep, []byte("stale"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := mpsplan(t, "build", "2006-09", "--format", "md", "--out", out, "--check")
	if code != 1 || !strings.Contains(stdout, "2006-09-report-2006-07.md") {
		t.Errorf("--check with a stale report: exit %d, stdout %q", code, stdout)
	}
}

// TestReportDate: the 2006/07 report of 2006-09, whose plan gives no
// publication date, is dated by SOURCE_DATE_EPOCH, and without it has no
// date at all, in every format (no 1970).
func TestReportDate(t *testing.T) {
	for _, epoch := range []string{"1178193600", ""} { // 3 May 2007, 12:00 UTC
		t.Run("epoch="+epoch, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", epoch)
			out := t.TempDir()
			if code, _, errs := mpsplan(t, "report", "2006-09", "--year", "2006/07", "--format", "md,html,pdf", "--out", out); code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			base := filepath.Join(out, "2006-09", "2006-09-report-2006-07")
			md, _ := os.ReadFile(base + ".md")
			html, _ := os.ReadFile(base + ".html")
			pdfData, _ := os.ReadFile(base + ".pdf")
			dated := bytes.Contains(md, []byte("**Date:** 3 May 2007")) && bytes.Contains(html, []byte("<dt>Date</dt><dd>3 May 2007</dd>")) &&
				bytes.Contains(pdfData, []byte("D:20070503120000"))
			undated := !bytes.Contains(md, []byte("Date:")) && !bytes.Contains(html, []byte("<dt>Date</dt>")) &&
				!bytes.Contains(pdfData, []byte("CreationDate")) && !bytes.Contains(md, []byte("1970")) && !bytes.Contains(html, []byte("1970"))
			if epoch != "" && !dated || epoch == "" && !undated {
				t.Errorf("SOURCE_DATE_EPOCH=%q: dated %v, undated %v", epoch, dated, undated)
			}
		})
	}
}
