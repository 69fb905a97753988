package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExport(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"csv of one plan", []string{"export", "2008-11"}, 0, "2008-11,total-crime,,,Crime,number,lower,2003/04,,,,,\"1,060,930\",1060930,,no target\r\n", ""},
		{"json", []string{"export", "2006-09", "--format", "json"}, 0, `"target_text": "-6.3%"`, ""},
		{"bad format", []string{"export", "--format", "xml"}, 2, "", "--format must be csv or json"},
		{"plan that fails validation", []string{"export", "testdata/check/unknown-key"}, 1, "", "not exported"},
		{"unknown plan", []string{"export", "1999-02"}, 2, "", `no plan "1999-02"`},
		{"file is a folder", []string{"export", "--file", "testdata"}, 2, "", "--file testdata is a folder, not a file: name a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := mpsplan(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstderr:\n%s", code, tt.code, errs)
			}
			if !strings.Contains(out, tt.inStdout) || !strings.Contains(errs, tt.inStderr) {
				t.Errorf("stdout lacks %q or stderr %q:\nstdout:\n%.2000s\nstderr:\n%s", tt.inStdout, tt.inStderr, out, errs)
			}
			if tt.code != 0 && out != "" {
				t.Errorf("printed data although it failed:\n%.500s", out)
			}
		})
	}
}

func TestExportFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "figures.csv")
	if code, _, errs := mpsplan(t, "export", "--file", file); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	plans := map[string]bool{}
	for _, r := range recs[1:] {
		plans[r[0]] = true
	}
	// 2006-09-draft has no measures; 2010-13's headline indicators have no
	// targets or results, so no figures.
	for _, id := range []string{"2006-09", "2007-10", "2008-11"} {
		if !plans[id] {
			t.Errorf("no rows of %s", id)
		}
	}
	_, out, _ := mpsplan(t, "export", "--format", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != len(recs)-1 {
		t.Errorf("JSON has %d rows, CSV %d (%v)", len(rows), len(recs)-1, err)
	}
}

// TestExportFileRefused: a --file that is not a regular file is refused
// before any work, as a usage error naming what it is, and left as it was.
func TestExportFileRefused(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere.csv")
	if err := os.WriteFile(target, []byte("kept\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	for path, what := range map[string]string{dir: "folder", link: "symbolic link"} {
		code, out, errs := mpsplan(t, "export", "--file", path)
		if code != 2 || out != "" || !strings.Contains(errs, "--file "+path+" is a "+what+", not a file") || !strings.Contains(errs, "or - for standard output") {
			t.Errorf("export --file %s (a %s): exit %d, stdout %q, stderr:\n%s", path, what, code, out, errs)
		}
	}
	if b, err := os.ReadFile(target); err != nil || string(b) != "kept\n" {
		t.Errorf("the link's target changed: %q, %v", b, err)
	}
	if code, _, errs := mpsplan(t, "export", "2008-11", "--file", filepath.Join(dir, "new", "figures.csv")); code != 0 {
		t.Errorf("a new file in a new folder: exit %d\n%s", code, errs)
	}
}
