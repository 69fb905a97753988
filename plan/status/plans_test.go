package status

import (
	"path/filepath"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

// TestRewordingKeepsStatus judges every measure and part of every plan,
// then again with every title and wording replaced: meaning lives in the
// measure's fields, so no status, reason or direction of travel may move.
func TestRewordingKeepsStatus(t *testing.T) {
	dirs, err := plan.Dirs(filepath.Join("..", "..", "plans"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no plans: %v", err)
	}
	rewords := []string{"", "Change in reduction rate per 1,000 - monthly average %", "Number of things"}
	judged := 0
	for _, dir := range dirs {
		p, diags := plan.Load(dir)
		if p == nil || diags.HasErrors() {
			t.Fatalf("%s: %v", dir, diags)
		}
		for i := range p.Measures {
			m := &p.Measures[i]
			for y := p.Period.First - 1; y <= p.Period.Last; y++ {
				want := judgeAll(m, y)
				judged += len(want)
				for _, w := range rewords {
					c := *m
					c.Title, c.Wordings = w, []string{w + " again"}
					c.Parts = append([]plan.MeasurePart(nil), m.Parts...)
					for j := range c.Parts {
						c.Parts[j].Title = w
					}
					got := judgeAll(&c, y)
					for k := range want {
						if got[k] != want[k] {
							t.Errorf("%s %s %s, title %q: %+v, was %+v", p.ID, m.ID, y, w, got[k], want[k])
						}
					}
				}
			}
		}
	}
	if judged < 100 {
		t.Errorf("only %d judgements made; are the plans loaded?", judged)
	}
}

type verdict struct {
	Status Status
	Reason string
	Travel Travel
}

func judgeAll(m *plan.Measure, y plan.Year) []verdict {
	a := Assess(m, y)
	out := []verdict{{a.Status, a.Reason, a.Travel}}
	for i := range m.Parts {
		a := AssessPart(m, &m.Parts[i], y)
		out = append(out, verdict{a.Status, a.Reason, a.Travel})
	}
	return out
}
