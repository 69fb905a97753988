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
		byGroup := map[string][]doc.ListItem{}
		for _, a := range p.Activities {
			if a.Year != y {
				continue
			}
			g := strings.Join(append(refTitles(a.Objectives, b.objectiveT), refTitles(a.Priorities, b.priorityT)...), "; ")
			if _, ok := byGroup[g]; !ok {
				groups = append(groups, g)
			}
			byGroup[g] = append(byGroup[g], doc.ListItem{Text: a.Title, Detail: strings.TrimRight(string(a.Description), "\n")})
		}
		for _, g := range groups {
			if g != "" {
				target.Blocks = append(target.Blocks, &doc.Text{Markdown: "**" + mdtext.Escape(g) + "**"})
			}
			target.Blocks = append(target.Blocks, &doc.List{Items: byGroup[g]})
		}
	}
	return s
}
