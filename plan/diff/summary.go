package diff

import (
	"slices"

	"github.com/mpsplan/mpsplan/plan"
)

// Summary counts what a report holds, for the opening lines of a
// pull-request comment and for tools.
type Summary struct {
	// TargetsChanged counts the measures whose targets changed (a value,
	// a year added or removed), rewordings aside.
	TargetsChanged int
	// MoneyChanged counts the amounts of money whose value changed,
	// leaving out totals and derived table rows, which restate others;
	// MoneyNet is the net of their differences (new less old), exact, in
	// pounds. Amounts in items added or removed count with the items.
	MoneyChanged int
	MoneyNet     plan.Quantity
	// Items added, removed and changed; of the changed, those renamed,
	// moved and re-identified.
	Added, Removed, Changed, Renamed, Moved, ReIdentified int
	// Reordered counts the items that moved in a list's order.
	Reordered int
	// Reworded counts figures printed otherwise with the same value.
	Reworded int
	// StatusesChanged counts the statuses the change flips (a measure's
	// year from met to not met...), the section statuses.
	StatusesChanged int
}

// Summary counts the report's changes.
func (r *Report) Summary() Summary {
	s := Summary{MoneyNet: plan.Quantity{Unit: plan.UnitMoney}}
	for _, sec := range r.Sections {
		if sec.Name == SectionStatuses {
			s.StatusesChanged += len(sec.Fields)
			continue
		}
		s.fields(sec.Fields)
		for _, it := range sec.Items {
			switch it.Change {
			case Added:
				s.Added++
			case Removed:
				s.Removed++
			default:
				s.Changed++
			}
			s.Renamed += count(it.Renamed)
			s.Moved += count(it.Moved)
			s.ReIdentified += count(it.ReIdentified)
			s.fields(it.Fields)
			s.TargetsChanged += targetsChanged(it.Fields)
		}
		for _, ro := range sec.Reordered {
			s.Reordered += len(ro.IDs)
		}
	}
	return s
}

func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *Summary) fields(fs []Field) {
	for _, f := range fs {
		if f.Change == Reworded {
			s.Reworded++
			continue
		}
		if !f.figure || f.derived || len(f.Path) > 0 && f.Path[len(f.Path)-1] == "total" {
			continue
		}
		money := func(q *plan.Quantity) bool { return q != nil && q.Unit == plan.UnitMoney }
		if f.Change == Changed && money(f.oldQ) && money(f.newQ) {
			s.MoneyNet.Value = s.MoneyNet.Value.Add(f.newQ.Value.Sub(f.oldQ.Value))
			s.MoneyChanged++
		}
	}
}

// targetsChanged is 1 for each of the measure and its parts whose targets
// changed.
func targetsChanged(fs []Field) int {
	var parts []string
	for _, f := range fs {
		if f.Change == Reworded || !slices.ContainsFunc(f.Path, func(k string) bool { return k == "targets" || k == "latest_target" }) {
			continue
		}
		if !slices.Contains(parts, f.Part) {
			parts = append(parts, f.Part)
		}
	}
	return len(parts)
}

// signed prints an amount of money with its sign: +£19.4m, −£60.9m.
func signed(q plan.Quantity) string {
	switch q.Value.Sign() {
	case 0:
		return "£0"
	case -1:
		return minus + plan.FormatMoney(q.Value.Abs())
	}
	return "+" + plan.FormatMoney(q.Value)
}
