package plan_test

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

// TestFidelity checks, for each plan, a list of figures and phrases taken
// by hand from its source document (testdata/fidelity/<id>.txt, one a
// line, # for comments). Each must appear in some text of the loaded plan,
// so a figure dropped or mistyped while editing a plan fails here.
func TestFidelity(t *testing.T) {
	t.Chdir("..")
	lists, err := filepath.Glob("testdata/fidelity/*.txt")
	if err != nil || len(lists) == 0 {
		t.Fatalf("no fidelity lists found: %v", err)
	}
	for _, list := range lists {
		id := strings.TrimSuffix(filepath.Base(list), ".txt")
		t.Run(id, func(t *testing.T) {
			p, diags := plan.Load(filepath.Join("plans", id))
			if p == nil || diags.HasErrors() {
				t.Fatalf("plan %s does not load: %v", id, diags.Err())
			}
			texts := collectText(reflect.ValueOf(p).Elem(), nil)
			hay := strings.Join(texts, "\n")
			f, err := os.Open(list)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			n := 0
			for line := 1; sc.Scan(); line++ {
				want := strings.TrimSpace(sc.Text())
				if want == "" || strings.HasPrefix(want, "#") {
					continue
				}
				n++
				if !strings.Contains(hay, want) {
					t.Errorf("%s:%d: %q from the source is missing from plan %s", list, line, want, id)
				}
			}
			if n < 10 {
				t.Errorf("%s lists only %d figures; list at least 10 (30 for the large documents)", list, n)
			}
		})
	}
}

// collectText gathers every string and figure text of the model, with
// runs of whitespace collapsed so line-wrapped YAML text still matches.
func collectText(v reflect.Value, out []string) []string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = collectText(v.Elem(), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = collectText(v.Field(i), out)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			out = collectText(v.Index(i), out)
		}
	case reflect.String:
		out = append(out, strings.Join(strings.Fields(v.String()), " "))
	}
	return out
}
