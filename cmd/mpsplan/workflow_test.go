package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestExampleWorkflow keeps docs/ci/github-workflow.yml in step with the
// command: every mpsplan command line in it parses (subcommand and flags,
// run with --help), the checkout fetches the history diff --rev needs, and
// the site build writes into public/ is deployed.
func TestExampleWorkflow(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(), "docs", "ci", "github-workflow.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("the workflow is not YAML: %v", err)
	}
	invocation := regexp.MustCompile(`\bmpsplan ([^|;&>\n]*)`)
	var lines []string
	deep, uploaded, deployed := false, false, false
	for _, job := range wf.Jobs {
		for _, st := range job.Steps {
			if strings.HasPrefix(st.Uses, "actions/checkout@") && st.With["fetch-depth"] == "0" {
				deep = true
			}
			if strings.HasPrefix(st.Uses, "actions/upload-pages-artifact@") && strings.TrimSuffix(st.With["path"], "/") == "public" {
				uploaded = true
			}
			if strings.HasPrefix(st.Uses, "actions/deploy-pages@") {
				deployed = true
			}
			for _, m := range invocation.FindAllStringSubmatch(st.Run, -1) {
				lines = append(lines, m[1])
			}
		}
	}
	if !deep {
		t.Error("the workflow's checkout does not fetch the history (fetch-depth: 0) that diff --rev needs")
	}
	if !uploaded || !deployed {
		t.Error("the workflow does not deploy public/, the site build writes, to GitHub Pages")
	}
	if len(lines) < 4 {
		t.Fatalf("found %d mpsplan command lines, want check, check --format sarif, build and diff --rev", len(lines))
	}
	for _, l := range lines {
		var args []string
		for _, f := range strings.Fields(l) {
			args = append(args, strings.Trim(f, `"`))
		}
		if code := run(append(args, "--help"), io.Discard, io.Discard); code != 0 {
			t.Errorf("mpsplan %s: the command line does not parse (exit %d)", l, code)
		}
	}
	if !strings.Contains(string(data), `SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"`) {
		t.Error("the workflow does not date the build by the commit")
	}
}
