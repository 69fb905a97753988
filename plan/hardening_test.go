package plan_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

func diagText(ds plan.Diagnostics) string {
	var b strings.Builder
	_ = ds.WriteText(&b)
	return b.String()
}

// TestPlanIDSlugAndFolder is issue 15 item 1: a plan id is a slug, and it
// must be its folder's name whatever the folder is called, "@" and "."
// included, so no id can write outside --out or over another plan.
func TestPlanIDSlugAndFolder(t *testing.T) {
	withID := func(id string) string { return strings.Replace(minimal, "id: p\n", "id: "+id+"\n", 1) }
	tests := []struct {
		name, folder, id string
		want             []string
	}{
		{"path in id", "evil@1", "../../../../tmp/escaped", []string{`plan id "../../../../tmp/escaped" is not a valid ID`, `does not match its folder name "evil@1"`}},
		{"copy with @ in folder", "2008-11@v2", "2008-11", []string{`plan id "2008-11" does not match its folder name "2008-11@v2"`}},
		{"upper case", "Plan", "Plan", []string{`plan id "Plan" is not a valid ID`}},
		{"slug matching folder", "2008-11", "2008-11", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := plan.Load(writePlan(t, tt.folder, map[string]string{"plan.yaml": withID(tt.id)}))
			got := diagText(diags)
			if len(tt.want) == 0 && diags.HasErrors() {
				t.Errorf("want no error, got:\n%s", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("want %q in:\n%s", w, got)
				}
			}
		})
	}
	t.Run("folder given as .", func(t *testing.T) {
		dir := writePlan(t, "right", map[string]string{"plan.yaml": withID("wrong")})
		t.Chdir(dir)
		_, diags := plan.Load(".")
		if got := diagText(diags); !strings.Contains(got, `does not match its folder name "right"`) {
			t.Errorf("the folder name of . is not checked:\n%s", got)
		}
	})
}

// TestSymlinksOutsideRefused is issue 15 item 4: a plan file or plan
// folder that is a symbolic link leading outside the folder holding the
// plans is refused with a clear error, and what it points at is never read
// or quoted; links that stay inside are followed.
func TestSymlinksOutsideRefused(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "git-credentials")
	if err := os.WriteFile(secret, []byte("https://user:s3cret-token@example.org\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Run("file", func(t *testing.T) {
		dir := writePlan(t, "p", map[string]string{"plan.yaml": minimal})
		if err := os.Symlink(secret, filepath.Join(dir, "creds.yaml")); err != nil {
			t.Skip(err)
		}
		_, diags := plan.Load(dir)
		got := diagText(diags)
		if !strings.Contains(got, "creds.yaml: error: file is a symbolic link leading outside") || strings.Contains(got, "s3cret") {
			t.Errorf("want the link refused without its contents:\n%s", got)
		}
	})
	t.Run("folder", func(t *testing.T) {
		outside := writePlan(t, "p", map[string]string{"plan.yaml": minimal})
		plans := t.TempDir()
		if err := os.Symlink(outside, filepath.Join(plans, "p")); err != nil {
			t.Skip(err)
		}
		dirs, err := plan.Dirs(plans)
		if err != nil || len(dirs) != 1 {
			t.Fatalf("a symlinked plan folder must be listed, not skipped: %v %v", dirs, err)
		}
		_, diags := plan.Load(dirs[0])
		if got := diagText(diags); !strings.Contains(got, "plan folder is a symbolic link leading outside") {
			t.Errorf("want the folder refused:\n%s", got)
		}
	})
	t.Run("inside is followed", func(t *testing.T) {
		plans := t.TempDir()
		real := filepath.Join(plans, "shared")
		if err := os.Mkdir(real, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(real, "plan.yaml"), []byte(minimal), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(filepath.Join(plans, "p"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("../shared/plan.yaml", filepath.Join(plans, "p", "plan.yaml")); err != nil {
			t.Skip(err)
		}
		if _, diags := plan.Load(filepath.Join(plans, "p")); diags.HasErrors() {
			t.Errorf("a link inside the plans folder must be followed:\n%s", diagText(diags))
		}
	})
	t.Run("fifo", func(t *testing.T) {
		dir := writePlan(t, "p", map[string]string{"plan.yaml": minimal})
		if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
			t.Skip(err)
		}
		_, diags := plan.Load(dir) // would block forever if the FIFO were opened
		if got := diagText(diags); !strings.Contains(got, "pipe.yaml: error: not a regular file") {
			t.Errorf("want the FIFO refused:\n%s", got)
		}
	})
}

// TestDiagnosticExcerptsSanitised is issue 15 item 4's second half: a
// diagnostic quotes at most a short excerpt of a value, with control
// characters escaped.
func TestDiagnosticExcerptsSanitised(t *testing.T) {
	long := strings.Repeat("token", 40)
	diags := decodeFile(t, "f.yaml", []byte("https://user:"+long+"@example.org\n"))
	got := diagText(diags)
	if strings.Contains(got, long[:60]) {
		t.Errorf("diagnostic quotes too much:\n%s", got)
	}
}

// TestReportContradictionRefused is issue 15 item 2: a text that prints one
// number and a value that holds another, and two whole-year results for
// one year, are errors rather than a report that contradicts its plan.
func TestReportContradictionRefused(t *testing.T) {
	measure := func(targets, results string) string {
		return minimal + `outcomes: [{id: o, title: O}]
objectives: [{id: obj, title: Obj, outcomes: [o]}]
measures:
  - id: m
    title: M
    kind: cpa
    unit: percent
    polarity: higher
    objectives: [obj]
    targets: [` + targets + `]
    results: [` + results + `]
`
	}
	tests := []struct {
		name, data, want string
	}{
		{"target text and value differ", measure(`{year: 2008/09, kind: level, text: "90%", value: 10%}`, `{year: 2008/09, value: 50%}`),
			`target for 2008/09: the text "90%" does not state the value 10%`},
		{"figure text and value differ", measure(`{year: 2008/09, kind: level, text: "90%", value: 90%}`, `{year: 2008/09, value: {text: "50% (all crime)", value: 55%}}`),
			`figure prints "50% (all crime)" but its value is 55%`},
		{"two whole-year results", measure(`{year: 2008/09, kind: level, text: "90%", value: 90%}`, `{year: 2008/09, value: 50%}, {year: 2008/09, value: 95%}`),
			`has a second whole-year result for 2008/09`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diagText(decodeFile(t, "f.yaml", []byte(tt.data)))
			if !strings.Contains(got, tt.want) || !strings.Contains(got, "error") {
				t.Errorf("want an error %q, got:\n%s", tt.want, got)
			}
		})
	}
	ok := []struct{ text, value string }{
		{"90% of the time", "90%"}, {"£2,673.3 million (fixed)", "£2,673.3m"}, {"the remainder", "£28.2m"},
		{"6'500", "6,500"}, {"3% reduction", "-3%"}, {"61.9% 2005/06", "61.9%"},
	}
	for _, c := range ok {
		got := diagText(decodeFile(t, "f.yaml", []byte(measure(`{year: 2008/09, kind: level, text: "`+c.text+`", value: "`+c.value+`"}`, ""))))
		if strings.Contains(got, "prints") {
			t.Errorf("text %q with value %s refused:\n%s", c.text, c.value, got)
		}
	}
}

// TestQuoExactPastFortyDigits is issue 15 item 8: division stays exact
// however many digits the result has; it used to return 0 past 40.
func TestQuoExactPastFortyDigits(t *testing.T) {
	huge, err := plan.ParseQuantity("£12345678901234567890123456789012bn")
	if err != nil {
		t.Fatal(err)
	}
	sum := huge.Value.Add(huge.Value)
	if got, want := plan.FormatMoney(sum), "£24691357802469135780246913578024bn"; got != want {
		t.Errorf("FormatMoney = %s, want %s", got, want)
	}
	q, ok := sum.Quo(plan.MustDecimal("0.5"), 2)
	if !ok || q.String() != "49382715604938271560493827156048000000000" {
		t.Errorf("Quo = %v %v", q, ok)
	}
	third, _ := plan.DecimalFromInt(1).Quo(plan.DecimalFromInt(3), 45)
	if third.String() != "0."+strings.Repeat("3", 45) {
		t.Errorf("1/3 to 45 places = %s", third)
	}
}
