// Package roll starts the next plan from the last one, as a rolling
// three-year plan is written: the same outcomes, objectives and measures
// under the same IDs, one year on. It works on the YAML itself, not on the
// model, so the author's layout, quoting and comments carry over and the
// new files read like the old ones.
package roll

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"go.yaml.in/yaml/v3"
)

// Summary counts what Forward carried and left behind, for the message
// the command prints.
type Summary struct {
	// Carried counts targets carried into the new period, each marked
	// for review.
	Carried int
	// DroppedTargets counts targets for years before the new period.
	DroppedTargets int
	// Results counts results left behind: they belong to the old plan.
	Results int
	// Reports counts the annual reports left behind with the results they
	// report on, each with the section of its commentary.
	Reports int
	// Dropped counts other dated things left behind: activities,
	// breakdowns, table columns and initiatives for earlier years, and
	// inspection grades.
	Dropped int
}

// Forward rewrites the files of plan oldID (period first to last) as plan
// newID, whose period is one year later: results and inspection grades
// are left behind, targets and other dated items for years before the new
// period are dropped, targets still in it are marked for review, the
// status is draft, and oldID is named as the predecessor. The publication
// facts of the old plan (date, version, approval, source) are not carried.
func Forward(files []plan.File, oldID, newID string, first, last plan.Year) ([]plan.File, Summary, error) {
	r := &roller{oldID: oldID, newID: newID, first: first + 1, last: last + 1, leftBehind: map[string]bool{}}
	docs := make([]*yaml.Node, len(files))
	for i, f := range files {
		var doc yaml.Node
		if err := yaml.Unmarshal(f.Data, &doc); err != nil {
			return nil, Summary{}, fmt.Errorf("%s: %v", f.Name, err)
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
			return nil, Summary{}, fmt.Errorf("%s: not a plan file", f.Name)
		}
		docs[i] = &doc
		// The sections giving the reports' commentary go with the
		// reports, wherever in the plan's files each is written.
		r.reports(doc.Content[0])
	}
	var out []plan.File
	for i, f := range files {
		doc := docs[i]
		r.top(doc.Content[0])
		if len(doc.Content[0].Content) == 0 {
			continue // a file that held only what was left behind (reports.yaml)
		}
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(doc); err != nil {
			return nil, Summary{}, fmt.Errorf("%s: %v", f.Name, err)
		}
		if err := enc.Close(); err != nil {
			return nil, Summary{}, err
		}
		out = append(out, plan.File{Name: f.Name, Data: b.Bytes()})
	}
	return out, r.sum, nil
}

type roller struct {
	oldID, newID string
	first, last  plan.Year
	sum          Summary
	// leftBehind holds the IDs of the sections left behind (the reports'
	// commentary), which the outline may no longer name.
	leftBehind map[string]bool
}

// reports leaves the annual reports behind with the sections that give
// their commentary: both are about results, which stay with the old plan.
func (r *roller) reports(m *yaml.Node) {
	n := get(m, "reports")
	if n == nil {
		return
	}
	if n.Kind == yaml.SequenceNode {
		for _, rep := range n.Content {
			if c := field(rep, "commentary"); c != "" {
				r.leftBehind[c] = true
			}
		}
		r.sum.Reports += len(n.Content)
	}
	del(m, "reports")
}

// sections drops the sections left behind from seq, at any depth.
func (r *roller) sections(seq *yaml.Node) {
	r.sum.Dropped += r.filter(seq, func(s *yaml.Node) bool { return !r.leftBehind[field(s, "id")] })
	for _, s := range seq.Content {
		if sub := get(s, "sections"); sub != nil {
			r.sections(sub)
		}
	}
}

// outline drops the entries naming a section left behind, at any depth:
// a bare ID, or {part: ID, parts: [...]}.
func (r *roller) outline(seq *yaml.Node) {
	r.filter(seq, func(e *yaml.Node) bool {
		if e.Kind == yaml.ScalarNode {
			return !r.leftBehind[e.Value]
		}
		return !r.leftBehind[field(e, "part")]
	})
	for _, e := range seq.Content {
		if parts := get(e, "parts"); parts != nil {
			r.outline(parts)
		}
	}
}

// Keys of the old plan that describe its publication, not its content.
var publication = []string{"date", "approved_by", "version", "version_of", "source"}

func (r *roller) top(m *yaml.Node) {
	for _, k := range publication {
		del(m, k)
	}
	if n := get(m, "inspections"); n != nil {
		r.sum.Dropped += len(n.Content)
		del(m, "inspections")
	}
	if n := get(m, "id"); n != nil {
		setScalar(n, r.newID)
	}
	for _, k := range []string{"title", "subtitle"} {
		if n := get(m, k); n != nil && n.Kind == yaml.ScalarNode {
			setScalar(n, strings.ReplaceAll(n.Value, r.oldID, r.newID))
		}
	}
	if n := get(m, "status"); n != nil {
		setScalar(n, "draft")
	}
	if n := get(m, "period"); n != nil {
		*n = *flowMap("first", r.first.String(), "last", r.last.String())
	}
	if n := get(m, "plan_years"); n != nil && n.Kind == yaml.SequenceNode {
		for _, y := range n.Content {
			if yr, err := plan.ParseYear(y.Value); err == nil {
				setScalar(y, (yr + 1).String())
			}
		}
		r.filter(n, func(y *yaml.Node) bool { return r.inPeriod(y.Value) })
		if len(n.Content) == 0 {
			del(m, "plan_years")
		}
	}
	if get(m, "id") != nil {
		preds := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{str(r.oldID)}}
		set(m, "predecessors", preds, "period")
	}
	if n := get(m, "activities"); n != nil {
		r.sum.Dropped += r.filter(n, func(a *yaml.Node) bool { return r.notBefore(field(a, "year")) })
	}
	if n := get(m, "measures"); n != nil {
		for _, ms := range n.Content {
			r.series(ms)
			if parts := get(ms, "parts"); parts != nil {
				for _, p := range parts.Content {
					r.series(p)
				}
			}
		}
	}
	if b := get(m, "budget"); b != nil {
		r.budget(b)
	}
	if len(r.leftBehind) > 0 {
		if n := get(m, "sections"); n != nil {
			r.sections(n)
		}
		if n := get(m, "outline"); n != nil {
			r.outline(n)
		}
	}
}

// series leaves a measure's (or part's) results behind and carries its
// targets still in the new period, marked for review.
func (r *roller) series(ms *yaml.Node) {
	if n := get(ms, "results"); n != nil {
		r.sum.Results += len(n.Content)
		del(ms, "results")
	}
	ts := get(ms, "targets")
	if ts == nil {
		return
	}
	r.sum.DroppedTargets += r.filter(ts, func(t *yaml.Node) bool { return r.notBefore(field(t, "year")) })
	for _, t := range ts.Content {
		if t.Kind == yaml.MappingNode {
			set(t, "review", str("carried from "+r.oldID), "")
			r.sum.Carried++
		}
	}
	if len(ts.Content) == 0 {
		del(ms, "targets")
	}
}

func (r *roller) budget(b *yaml.Node) {
	if n := get(b, "breakdowns"); n != nil {
		r.sum.Dropped += r.filter(n, func(bd *yaml.Node) bool { return r.notBefore(field(bd, "year")) })
	}
	if n := get(b, "initiatives"); n != nil {
		r.sum.Dropped += r.filter(n, func(in *yaml.Node) bool { return r.notBefore(field(in, "year")) })
	}
	if n := get(b, "tables"); n != nil {
		for _, t := range n.Content {
			r.table(t)
		}
		r.filter(n, func(t *yaml.Node) bool {
			cols := get(t, "columns")
			return cols == nil || len(cols.Content) > 0
		})
	}
}

// table drops the columns for years before the new period, with the cell
// of every row in them; derived rows stay derived, column by column.
func (r *roller) table(t *yaml.Node) {
	cols := get(t, "columns")
	if cols == nil || cols.Kind != yaml.SequenceNode {
		return
	}
	var keep []bool
	for _, c := range cols.Content {
		keep = append(keep, r.notBefore(c.Value))
	}
	pick := func(seq *yaml.Node) {
		if seq == nil || seq.Kind != yaml.SequenceNode || len(seq.Content) != len(keep) {
			return
		}
		var out []*yaml.Node
		for i, c := range seq.Content {
			if keep[i] {
				out = append(out, c)
			}
		}
		seq.Content = out
	}
	if rows := get(t, "rows"); rows != nil {
		for _, row := range rows.Content {
			pick(get(row, "values"))
		}
	}
	before := len(cols.Content)
	pick(cols)
	r.sum.Dropped += before - len(cols.Content)
}

func (r *roller) notBefore(year string) bool {
	y, err := plan.ParseYear(year)
	return err != nil || y >= r.first
}

func (r *roller) inPeriod(year string) bool {
	y, err := plan.ParseYear(year)
	return err == nil && y >= r.first && y <= r.last
}

// filter keeps the elements of seq for which keep holds and returns how
// many it dropped.
func (r *roller) filter(seq *yaml.Node, keep func(*yaml.Node) bool) int {
	if seq.Kind != yaml.SequenceNode {
		return 0
	}
	var out []*yaml.Node
	for _, e := range seq.Content {
		if keep(e) {
			out = append(out, e)
		}
	}
	n := len(seq.Content) - len(out)
	seq.Content = out
	return n
}

func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func field(m *yaml.Node, key string) string {
	if n := get(m, key); n != nil {
		return n.Value
	}
	return ""
}

func del(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// set gives key the value v, in place if the key is there, else after
// the key named after (or at the end).
func set(m *yaml.Node, key string, v *yaml.Node, after string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	pair := []*yaml.Node{str(key), v}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if after != "" && m.Content[i].Value == after {
			m.Content = append(m.Content[:i+2], append(pair, m.Content[i+2:]...)...)
			return
		}
	}
	m.Content = append(m.Content, pair...)
}

func setScalar(n *yaml.Node, v string) {
	*n = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: n.Style &^ (yaml.TaggedStyle)}
}

func str(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }

func flowMap(kv ...string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Content = append(m.Content, str(kv[i]), str(kv[i+1]))
	}
	return m
}
