// Package testreports gives tests every annual report the repository's
// plans can produce, laid out, so writer tests run on the real thing. It is
// apart from internal/testplans, which the report builder's own
// dependencies test with.
package testreports

import (
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/report"
)

// All lays out a report for every year each of plans has results for, the
// other plans as its trends' sources, as mpsplan report does. No report at
// all fails t.
func All(t testing.TB, plans []*plan.Plan) []*doc.Document {
	t.Helper()
	var docs []*doc.Document
	for _, p := range plans {
		var others []*plan.Plan
		for _, o := range plans {
			if o != p {
				others = append(others, o)
			}
		}
		for _, y := range report.ResultYears(p) {
			d, err := report.Build(p, y, others)
			if err != nil {
				t.Fatalf("report %s %v: %v", p.ID, y, err)
			}
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		t.Fatal("no plan has results for a report")
	}
	return docs
}
