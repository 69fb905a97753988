package plan

import (
	"fmt"
	"path/filepath"
	"slices"
)

// ThemeDir is the folder of the plan's theme, with the position of its
// key for a problem with the folder; "" when the plan names none.
func (p *Plan) ThemeDir() (string, Pos) {
	if p.Theme == "" {
		return "", Pos{}
	}
	return filepath.Join(p.Dir, filepath.FromSlash(p.Theme)), p.keyPos["theme"]
}

// Organisation returns the organisation the plan belongs to: its owner,
// or else the first organisation it names (validation warns when a joint
// plan names no owner, since the order of names on a cover can change).
func (p *Plan) Organisation() string {
	if p.Owner != "" {
		return p.Owner
	}
	if len(p.Organisations) > 0 {
		return p.Organisations[0]
	}
	return ""
}

// SameAs reports whether p and o are versions of one plan: the same ID,
// or a draft published apart from the plan approved from it (version_of).
func (p *Plan) SameAs(o *Plan) bool {
	return p.ID == o.ID || p.VersionOf == o.ID || o.VersionOf == p.ID ||
		p.VersionOf != "" && p.VersionOf == o.VersionOf
}

// Related returns the plans of all that p may draw on for trends and
// comparisons: those of p's organisation, and p's predecessors and
// theirs, whoever published them. Other versions of p itself are left
// out (a draft is not a plan of its own year's past), and so is a draft
// when the plan approved from it is there. The order of all is kept.
func Related(p *Plan, all []*Plan) []*Plan {
	byID := map[string]*Plan{}
	for _, o := range all {
		if o != nil {
			byID[o.ID] = o
		}
	}
	lineage := map[string]bool{}
	var walk func(*Plan)
	walk = func(q *Plan) {
		for _, r := range q.Predecessors {
			if lineage[r.ID] {
				continue
			}
			lineage[r.ID] = true
			if pr := byID[r.ID]; pr != nil {
				walk(pr)
			}
		}
	}
	walk(p)
	org := p.Organisation()
	var out []*Plan
	for _, o := range all {
		if o == nil || o == p || p.SameAs(o) {
			continue
		}
		if o.VersionOf != "" && byID[o.VersionOf] != nil {
			continue // the approved plan speaks for its draft
		}
		if lineage[o.ID] || org != "" && o.Organisation() == org {
			out = append(out, o)
		}
	}
	return out
}

// lineage checks the plan's own part of its lineage: an owner among its
// organisations, one for a joint plan, and references to other plans
// that are IDs and not the plan itself. Whether those plans exist is for
// the commands that load them all.
func (v *validator) lineage() {
	p := v.p
	switch {
	case p.Owner != "" && len(p.Organisations) > 0 && !slices.Contains(p.Organisations, p.Owner):
		hint := fmt.Sprintf("the owner is one of the organisations: %q", p.Organisations[0])
		if s := suggest(p.Owner, p.Organisations); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		v.errorf(p.keyPos["owner"], "owner", hint, "owner %q is not among the plan's organisations", p.Owner)
	case p.Owner == "" && len(p.Organisations) > 1:
		v.add(p.keyPos["organisations"], Warning, "owner", fmt.Sprintf("add owner: %s (the body the plan belongs to; trends and reports follow its plans)", p.Organisations[0]),
			"the plan is published jointly by %d organisations but names no owner; it is taken to belong to %s", len(p.Organisations), p.Organisations[0])
	}
	seen := map[string]bool{}
	for _, r := range p.Predecessors {
		switch {
		case r.ID == p.ID:
			v.errorf(r.At, "lineage", "name the plans this one follows on from", "plan %q names itself as its predecessor", p.ID)
		case r.ID == p.VersionOf && r.ID != "":
			v.errorf(r.At, "lineage", "a draft and the plan approved from it are one plan: keep version_of and remove the predecessor",
				"plan %q names %q both as a predecessor and as the plan it is a version of", p.ID, r.ID)
		case seen[r.ID]:
			v.errorf(r.At, "lineage", "list each predecessor once", "predecessor %q is listed twice", r.ID)
		case !isSlug(r.ID):
			v.errorf(r.At, "lineage", "predecessors are plan IDs: 2008-11", "predecessor %q is not a plan ID", r.ID)
		}
		seen[r.ID] = true
	}
	if p.VersionOf == p.ID && p.ID != "" {
		v.errorf(p.keyPos["version_of"], "lineage", "version_of names the plan approved from this draft", "plan %q is named as a version of itself", p.ID)
	}
}
