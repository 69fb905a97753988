package plan

import (
	"slices"
	"testing"
)

func TestRelated(t *testing.T) {
	mk := func(id, owner string, orgs []string, preds []string, versionOf string) *Plan {
		p := &Plan{ID: id, Owner: owner, Organisations: orgs, VersionOf: versionOf}
		for _, r := range preds {
			p.Predecessors = append(p.Predecessors, Ref{ID: r})
		}
		return p
	}
	mpa := []string{"Metropolitan Police Authority", "Metropolitan Police Service"}
	mps := []string{"Metropolitan Police Service", "Metropolitan Police Authority"}
	draft := mk("2006-09-draft", "Metropolitan Police Authority", mpa, nil, "2006-09")
	p0609 := mk("2006-09", "Metropolitan Police Authority", mpa, nil, "")
	p0710 := mk("2007-10", "Metropolitan Police Authority", mpa, []string{"2006-09"}, "")
	p1013 := mk("2010-13", "Metropolitan Police Authority", mps, []string{"2007-10"}, "")
	other := mk("2011-14", "", []string{"Northshire Police"}, nil, "")
	merged := mk("2012-15", "", []string{"Southshire Police"}, []string{"2011-14"}, "")
	all := []*Plan{draft, p0609, p0710, p1013, other, merged}
	ids := func(ps []*Plan) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	for _, tt := range []struct {
		p    *Plan
		want []string
	}{
		// the draft is a version of 2006-09, not its past; the other force is never drawn on
		{p0609, []string{"2007-10", "2010-13"}},
		// the approved plan speaks for its draft
		{p0710, []string{"2006-09", "2010-13"}},
		{draft, []string{"2007-10", "2010-13"}},
		{other, nil},
		// a predecessor of another organisation (a merger), and its predecessors' none
		{merged, []string{"2011-14"}},
	} {
		if got := ids(Related(tt.p, all)); !slices.Equal(got, tt.want) {
			t.Errorf("Related(%s) = %v, want %v", tt.p.ID, got, tt.want)
		}
	}
	if got := p1013.Organisation(); got != "Metropolitan Police Authority" {
		t.Errorf("owner wins over the first-named organisation: got %q", got)
	}
}
