package plandoc

import (
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/mdtext"
)

func (b *builder) activityList(sel func(*plan.Activity) bool) *doc.List {
	l := &doc.List{}
	for i := range b.p.Activities {
		a := &b.p.Activities[i]
		if sel(a) {
			l.Items = append(l.Items, doc.ListItem{Text: a.Title, Detail: strings.TrimRight(string(a.Description), "\n")})
		}
	}
	if len(l.Items) == 0 {
		return nil
	}
	return l
}

func (b *builder) activities() *doc.Section {
	p := b.p
	s := b.section(SectionActivities, "Key activities", 1)
	var years []plan.Year
	for _, a := range p.Activities {
		if !slices.Contains(years, a.Year) {
			years = append(years, a.Year)
		}
	}
	slices.Sort(years)
	for _, y := range years {
		title := "Key activities " + y.String()
		if y == 0 {
			title = "Key activities"
		}
		var target *doc.Section
		if len(years) == 1 {
			target = s
			s.Title = title
		} else {
			target = b.section("activities-"+strings.ReplaceAll(y.String(), "/", "-"), title, 2)
			s.Sections = append(s.Sections, target)
		}
		// Grouped by the objective or priority they deliver, as the
		// published plans list them.
		var groups []string
		byGroup := map[string]*doc.List{}
		labels := map[string]string{}
		for _, a := range p.Activities {
			if a.Year != y {
				continue
			}
			refs := append(refIDs(a.Objectives), refIDs(a.Priorities)...)
			g := strings.Join(refs, " ")
			if _, ok := byGroup[g]; !ok {
				groups = append(groups, g)
				byGroup[g] = &doc.List{ID: b.activitiesID(y, refs)}
				labels[g] = strings.Join(append(refTitles(a.Objectives, b.objectiveT), refTitles(a.Priorities, b.priorityT)...), "; ")
			}
			byGroup[g].Items = append(byGroup[g].Items, doc.ListItem{Text: a.Title, Detail: strings.TrimRight(string(a.Description), "\n")})
		}
		for _, g := range groups {
			if labels[g] != "" {
				label := &doc.Text{Markdown: "**" + mdtext.Escape(labels[g]) + "**"}
				target.Blocks = append(target.Blocks, label)
				// The label names the group only here: placed under its
				// objective's lead-in, the list goes without it.
				b.leads[label] = byGroup[g].ID
			}
			target.Blocks = append(target.Blocks, byGroup[g])
		}
	}
	return s
}

// activitiesID names a year's list of the activities delivering the same
// objectives and priorities, for placement markers:
// activities-2010-11-build-confidence (year, then the objective and
// priority IDs); activities-build-confidence for activities of no year.
// A list delivering nothing named has none: activities-2010-11 is the
// year's section.
func (b *builder) activitiesID(y plan.Year, refs []string) string {
	if len(refs) == 0 {
		return ""
	}
	id := "activities-"
	if y != 0 {
		id += strings.ReplaceAll(y.String(), "/", "-") + "-"
	}
	return b.uid(id + strings.Join(refs, "-"))
}

func refIDs(rs []plan.Ref) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}
