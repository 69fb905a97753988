package plan_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/plan"
	"go.yaml.in/yaml/v3"
)

// writePlan writes files into a fresh plan folder named id and returns it.
func writePlan(t testing.TB, id string, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), id)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const minimal = `id: p
title: T
kind: corporate-plan
organisations: [Metropolitan Police Authority]
period: {first: 2008/09, last: 2010/11}
status: draft
source: {document: x.txt}
`

func TestLoadRealPlan(t *testing.T) {
	p, diags := plan.Load("../plans/2008-11")
	if diags.HasErrors() || diags.Count(plan.Warning) > 0 {
		t.Fatalf("2008-11 must check clean:\n%v", diags)
	}
	if got, want := len(p.Measures), 18; got != want {
		t.Errorf("measures = %d, want %d", got, want)
	}
	if p.Budget == nil || len(p.Budget.Breakdowns) != 3 {
		t.Fatalf("budget breakdowns missing")
	}
	total := p.Budget.Breakdowns[0].Total
	if total.Text != "£3.56bn" || total.Q.Value.Cmp(plan.MustDecimal("3560000000")) != 0 {
		t.Errorf("revenue total = %q (%v), want £3.56bn exactly", total.Text, total.Q)
	}
}

func TestLoadBadFolders(t *testing.T) {
	tests := []struct {
		name string
		dir  func(t *testing.T) string
		want string
	}{
		{"missing folder", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope") }, "cannot read plan folder"},
		{"no yaml files", func(t *testing.T) string { return writePlan(t, "p", map[string]string{"README.md": "x"}) }, "folder holds no plan files"},
		{"huge file", func(t *testing.T) string {
			dir := writePlan(t, "p", nil)
			f, err := os.Create(filepath.Join(dir, "plan.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			// Sparse: 300 MB on paper, nothing on disk.
			if err := f.Truncate(300 << 20); err != nil {
				t.Fatal(err)
			}
			return dir
		}, "file is larger than 8 MiB"},
		{"alias bomb", func(t *testing.T) string {
			var b strings.Builder
			b.WriteString(minimal + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n")
			for i := 1; i < 30; i++ {
				fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
			}
			return writePlan(t, "p", map[string]string{"plan.yaml": b.String()})
		}, `unknown key "a0" in plan`},
		{"deep nesting", func(t *testing.T) string {
			return writePlan(t, "p", map[string]string{"plan.yaml": minimal + "sections: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"})
		}, "plan.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := plan.Load(tt.dir(t))
			if !diags.HasErrors() {
				t.Fatalf("want an error, got none (plan %v)", p != nil)
			}
			var b strings.Builder
			_ = diags.WriteText(&b)
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("diagnostics do not mention %q:\n%s", tt.want, b.String())
			}
		})
	}
}

// TestBOMAndCRLF checks that files saved by Windows editors load exactly
// like their plain counterparts.
func TestBOMAndCRLF(t *testing.T) {
	plain, d1 := plan.Load(writePlan(t, "p", map[string]string{"plan.yaml": minimal + "mission: Working together\n"}))
	windows, d2 := plan.Load(writePlan(t, "p", map[string]string{"plan.yaml": "\ufeff" + strings.ReplaceAll(minimal+"mission: Working together\n", "\n", "\r\n")}))
	if len(d1) != 0 || len(d2) != 0 {
		t.Fatalf("unexpected diagnostics: %v / %v", d1, d2)
	}
	if plain.Mission != windows.Mission || windows.Mission != "Working together" {
		t.Errorf("mission %q vs %q", plain.Mission, windows.Mission)
	}
}

// TestAllProblemsInOneRun checks that problems in several files are all
// reported, in file and line order.
func TestAllProblemsInOneRun(t *testing.T) {
	dir := writePlan(t, "p", map[string]string{
		"plan.yaml":     minimal + "titel: x\n",
		"measures.yaml": "measures:\n  - {id: m, title: M, kind: cpa, unit: nmber}\n",
	})
	_, diags := plan.Load(dir)
	if got := diags.Count(plan.Error); got != 2 {
		t.Fatalf("want 2 errors, got %d: %v", got, diags)
	}
	if !strings.HasSuffix(diags[0].Pos.File, "measures.yaml") || !strings.HasSuffix(diags[1].Pos.File, "plan.yaml") {
		t.Errorf("not sorted by file: %v", diags)
	}
}

// FuzzLoad feeds arbitrary bytes to the loader as a plan file. It must
// never panic or hang, and every diagnostic must carry the file name.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"plan.yaml", "measures.yaml", "budget.yaml"} {
		if data, err := os.ReadFile(filepath.Join("..", "plans", "2008-11", name)); err == nil {
			f.Add(data)
		}
	}
	fixtures, _ := filepath.Glob("../testdata/check/*/*.yaml")
	for _, fx := range fixtures {
		if data, err := os.ReadFile(fx); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(minimal + "measures:\n  - {id: m, title: M, kind: cpa, unit: percent, targets: [{year: 2008/09, kind: level, text: x, value: 1e999999%}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		var diags plan.Diagnostics
		done := make(chan struct{})
		go func() {
			defer close(done)
			p := plan.Decode([]plan.File{{Name: "f.yaml", Data: data}}, &diags)
			if p != nil {
				plan.Validate(p, &diags)
			}
		}()
		// A hang is a failure too: report it so the fuzzer saves the input.
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("loading did not finish within 5s")
		}
		for _, d := range diags {
			if d.Pos.File != "f.yaml" || d.Message == "" {
				t.Fatalf("diagnostic without file or message: %+v", d)
			}
		}
	})
}

// BenchmarkLoad measures loading and validating the real 2008-11 plan and
// generated plans of growing size, to show the cost grows linearly.
func BenchmarkLoad(b *testing.B) {
	b.Run("2008-11", func(b *testing.B) {
		for b.Loop() {
			if _, diags := plan.Load("../plans/2008-11"); diags.HasErrors() {
				b.Fatal(diags.Err())
			}
		}
	})
	for _, n := range []int{1000, 10000} {
		dir := generated(b, n)
		b.Run(fmt.Sprintf("measures=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, diags := plan.Load(dir); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
		})
		if n == 10000 {
			b.Run(fmt.Sprintf("measures=%d,yaml-only", n), func(b *testing.B) { yamlOnly(b, dir) })
		}
	}
	dir := markers(b, 5000)
	b.Run("markers=5000", func(b *testing.B) {
		for b.Loop() {
			if p, diags := plan.Load(dir); diags.HasErrors() || len(p.Placements) != 5000 {
				b.Fatal(diags.Err())
			}
		}
	})
	dir = tableRows(b, 5000)
	b.Run("table-rows=5000", func(b *testing.B) {
		for b.Loop() {
			if _, diags := plan.Load(dir); diags.Count(plan.Error) != 5000+1 {
				b.Fatalf("%d errors, want %d", diags.Count(plan.Error), 5000+1)
			}
		}
	})
	for _, n := range [][2]int{{2000, 200}, {20000, 2000}} {
		dir := unknownRefs(b, n[0], n[1])
		b.Run(fmt.Sprintf("outcomes=%d,unknown=%d", n[0], n[1]), func(b *testing.B) {
			for b.Loop() {
				if _, diags := plan.Load(dir); diags.Count(plan.Error) != n[1] {
					b.Fatalf("%d errors, want %d", diags.Count(plan.Error), n[1])
				}
			}
		})
	}
}

// yamlOnly parses the files of the plan in dir into yaml.v3 node trees and
// does nothing else: the part of loading that is the YAML library's, which
// the loader builds on and cannot make faster.
func yamlOnly(b *testing.B, dir string) {
	var files [][]byte
	for _, name := range []string{"plan.yaml", "measures.yaml"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	for b.Loop() {
		for _, data := range files {
			var doc yaml.Node
			if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// markers generates a plan of n sections, each placing its list with a
// placement marker, which the loader finds in the file to position it.
func markers(b *testing.B, n int) string {
	var s strings.Builder
	s.WriteString("sections:\n")
	for i := range n {
		fmt.Fprintf(&s, "  - id: s%d\n    title: Section %d\n    body: |\n      The list:\n\n      {{place: s%d-items}}\n", i, i, i)
	}
	return writePlan(b, "p", map[string]string{"plan.yaml": minimal + s.String()})
}

// tableRows generates a budget of two tables of n rows: each row of the
// second restates the same row of the first (same_as) and is the sum of
// two rows, one of which does not exist (a "did you mean" each), and one
// of them names a table that does not exist.
func tableRows(b *testing.B, n int) string {
	var first, second strings.Builder
	for i := range n {
		fmt.Fprintf(&first, "        - {id: row-%d, label: Row %d, values: [\"£%d.0m\"]}\n", i, i, i)
		of := "first"
		if i == n/2 {
			of = "frist"
		}
		fmt.Fprintf(&second, "        - {id: row-%d, label: Row %d, values: [\"%d.0\"], same_as: %s/row-%d, equals: row-%d + rwo-%d}\n", i, i, i, of, i, (i+1)%n, i)
	}
	budget := "budget:\n  tables:\n    - id: first\n      title: First\n      columns: [2009/10]\n      rows:\n" + first.String() +
		"    - id: second\n      title: Second\n      unit: £m\n      columns: [2009/10]\n      rows:\n" + second.String()
	return writePlan(b, "p", map[string]string{"plan.yaml": minimal + budget})
}

// unknownRefs generates a plan of n outcomes and as many objectives, of
// which unknown refer to an outcome that does not exist: half a typo of
// one that does (a "did you mean" is found), half like none (every
// outcome is a candidate and none is close).
func unknownRefs(b *testing.B, n, unknown int) string {
	var s strings.Builder
	s.WriteString("outcomes:\n")
	for i := range n {
		fmt.Fprintf(&s, "  - {id: outcome-number-%d, title: Outcome %d}\n", i, i)
	}
	s.WriteString("objectives:\n")
	for i := range n {
		ref := fmt.Sprintf("outcome-number-%d", i)
		switch {
		case i < unknown/2:
			ref = fmt.Sprintf("outcome-numbr-%d", i)
		case i < unknown:
			ref = fmt.Sprintf("quite-another-thing-%d", i)
		}
		fmt.Fprintf(&s, "  - {id: objective-%d, title: Objective %d, outcomes: [%s]}\n", i, i, ref)
	}
	return writePlan(b, "p", map[string]string{"plan.yaml": minimal + s.String()})
}

func generated(b *testing.B, n int) string {
	var m strings.Builder
	m.WriteString("outcomes:\n  - {id: o, title: O}\nobjectives:\n  - {id: obj, title: Obj, outcomes: [o]}\nmeasures:\n")
	for i := range n {
		fmt.Fprintf(&m, `  - id: measure-%d
    title: Measure number %d, a percentage of something
    codes: [SPI %d]
    kind: cpa
    unit: percent
    polarity: higher
    objectives: [obj]
    baseline: {year: 2007/08, value: 61.9%%}
    targets:
      - {year: 2008/09, kind: level, text: 82.5%%, value: 82.5%%}
      - {year: 2009/10, kind: points, text: 1%% increase, value: +1pp}
    results:
      - {year: 2008/09, period: April to December 2008, value: 79.%d%%}
`, i, i, i, i%10)
	}
	return writePlan(b, "p", map[string]string{"plan.yaml": minimal, "measures.yaml": m.String()})
}
