package diff

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
)

// CommentLimit is the most a GitHub pull-request comment holds (65,536
// characters); the default size limit of WriteMarkdown.
const CommentLimit = 65536

// foldLines is how many lines a section shows before it folds into a
// <details> element that the reader opens.
const foldLines = 12

// maxWarnings is how many re-identified items the summary names.
const maxWarnings = 5

// WriteMarkdown writes the reports as one pull-request comment. Each
// opens with a heading naming the two sides by plan and revision and a
// summary (targets and money changed, with the net sum; items added,
// removed, renamed, moved, re-identified, reordered); then its sections,
// those with figures first, and in each the items with figures first.
// Long sections fold. The whole stays within maxBytes (0 means
// CommentLimit): sections that do not fit are cut, and the comment ends
// by saying what it left out. Plan text is escaped, so it shows as
// written rather than as formatting.
func WriteMarkdown(w io.Writer, maxBytes int, rs ...*Report) error {
	if maxBytes <= 0 {
		maxBytes = CommentLimit
	}
	heads := make([]string, len(rs))
	size := 0
	for i, r := range rs {
		heads[i] = mdHead(r)
		size += len(heads[i])
	}
	// Room for the closing note, which is written only if needed.
	const noteRoom = 600
	budget := maxBytes - size - noteRoom
	bodies := make([]strings.Builder, len(rs))
	var left []string
	leftCount := 0
	for i, r := range rs {
		for _, s := range figuresFirst(r.Sections) {
			lines := mdSection(s)
			whole := mdFold(s, lines, len(lines))
			if len(whole) <= budget {
				bodies[i].WriteString(whole)
				budget -= len(whole)
				continue
			}
			// Keep what fits of the section, item by item.
			n := 0
			for n < len(lines) && len(mdFold(s, lines, n+1))+len(mdCut(len(lines)-n-1)) <= budget {
				n++
			}
			if n > 0 {
				part := mdFold(s, lines, n)
				budget -= len(part)
				bodies[i].WriteString(part)
			}
			leftCount += len(lines) - n
			if len(rs) > 1 {
				left = append(left, mdSideName(r)+" "+s.Title)
			} else {
				left = append(left, s.Title)
			}
		}
	}
	var b strings.Builder
	for i := range rs {
		b.WriteString(heads[i])
		b.WriteString(bodies[i].String())
	}
	if leftCount > 0 {
		fmt.Fprintf(&b, "\n---\n\n**Left out** to keep this comment under %s bytes: %d %s in %s. Run `mpsplan diff` locally, or use `--format json`, to see every change.\n",
			plan.DecimalFromInt(int64(maxBytes)).Grouped(0), leftCount, plural1(leftCount, "change"), md(strings.Join(left, ", ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdHead is a report's heading, summary and warnings.
func mdHead(r *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Plan changes: %s %s %s\n\n", mdSide(r.Old), arrow, mdSide(r.New))
	if r.Empty() {
		fmt.Fprintf(&b, "No differences between %s and %s.\n\n", md(r.Old.Source), md(r.New.Source))
		return b.String()
	}
	switch r.Plan {
	case Added:
		fmt.Fprintf(&b, "**Plan added**: %s (%s) is new; %s holds no such plan.\n\n", md(r.New.Title), md(r.New.Source), md(r.Old.Source))
	case Removed:
		fmt.Fprintf(&b, "**Plan removed**: %s (%s) is gone; %s holds no such plan.\n\n", md(r.Old.Title), md(r.Old.Source), md(r.New.Source))
	default:
		fmt.Fprintf(&b, "From %s (%s) to %s (%s).\n\n", md(r.Old.Title), md(r.Old.Source), md(r.New.Title), md(r.New.Source))
	}
	s := r.Summary()
	fmt.Fprintf(&b, "- **Targets**: %s\n", countText(s.TargetsChanged, "measure", "changed", "no target changed"))
	money := "no amount changed"
	if s.MoneyChanged > 0 {
		money = fmt.Sprintf("%d %s changed, net **%s**", s.MoneyChanged, plural1(s.MoneyChanged, "amount"), md(signed(s.MoneyNet)))
	}
	fmt.Fprintf(&b, "- **Money**: %s\n", money)
	if s.StatusesChanged > 0 {
		fmt.Fprintf(&b, "- **Statuses**: %d flipped (see Statuses)\n", s.StatusesChanged)
	}
	var items []string
	for _, c := range []struct {
		n    int
		word string
	}{{s.Added, "added"}, {s.Removed, "removed"}, {s.Changed, "changed"}, {s.Renamed, "renamed"}, {s.Moved, "moved"}, {s.ReIdentified, "re-identified"}, {s.Reordered, "reordered"}} {
		if c.n > 0 {
			items = append(items, fmt.Sprintf("%d %s", c.n, c.word))
		}
	}
	if len(items) > 0 {
		fmt.Fprintf(&b, "- **Items**: %s\n", strings.Join(items, ", "))
	}
	if s.Reworded > 0 {
		fmt.Fprintf(&b, "- **Wording**: %d %s printed otherwise, same value\n", s.Reworded, plural1(s.Reworded, "figure"))
	}
	shown := 0
	for _, sec := range r.Sections {
		for _, it := range sec.Items {
			if it.Warning != "" && shown < maxWarnings {
				fmt.Fprintf(&b, "- **Warning**: %s %s is now %s: lineage to earlier plans breaks (trends and comparisons across plans follow items by ID)\n", it.Kind, mdCode(it.OldID), mdCode(it.ID))
				shown++
			}
		}
	}
	if more := s.ReIdentified - shown; more > 0 {
		fmt.Fprintf(&b, "- **Warning**: %d more %s re-identified, each marked in its section\n", more, plural1(more, "item"))
	}
	return b.String()
}

func countText(n int, noun, verb, none string) string {
	if n == 0 {
		return none
	}
	return fmt.Sprintf("%d %s %s", n, plural1(n, noun), verb)
}

func plural1(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return plural(noun)
}

// mdSide names one side by plan and revision: `2008-11` at `HEAD~1`.
func mdSide(s Side) string {
	out := mdCode(s.ID)
	if s.Revision != "" {
		out += " at " + mdCode(s.Revision)
	}
	return out
}

// mdSideName is a side for the closing note: 2008-11.
func mdSideName(r *Report) string {
	if r.New.ID != "" {
		return r.New.ID
	}
	return r.Old.ID
}

// figuresFirst orders sections, and the items in each, so that changes to
// figures (targets, money, results) come before changes to words; the
// order is otherwise kept.
func figuresFirst(ss []Section) []Section {
	out := slices.Clone(ss)
	for i := range out {
		its := slices.Clone(out[i].Items)
		for j := range its {
			its[j].Fields = slices.Clone(its[j].Fields)
			slices.SortStableFunc(its[j].Fields, func(a, b Field) int { return cmp.Compare(rank(!a.figure), rank(!b.figure)) })
		}
		slices.SortStableFunc(its, func(a, b Item) int { return cmp.Compare(rank(!hasFigures(a.Fields)), rank(!hasFigures(b.Fields))) })
		out[i].Items = its
	}
	slices.SortStableFunc(out, func(a, b Section) int { return cmp.Compare(rank(!sectionFigures(a)), rank(!sectionFigures(b))) })
	return out
}

func rank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func hasFigures(fs []Field) bool {
	return slices.ContainsFunc(fs, func(f Field) bool { return f.figure && f.Change != Reworded })
}

func sectionFigures(s Section) bool {
	if s.Name == SectionStatuses {
		return true // what the figures mean for the report: met, not met
	}
	return hasFigures(s.Fields) || slices.ContainsFunc(s.Items, func(it Item) bool { return hasFigures(it.Fields) })
}

// mdSection is a section's changes, one entry a field or item (an item's
// fields nested under it), so that it can be cut between entries.
func mdSection(s Section) []string {
	var out []string
	for _, f := range s.Fields {
		out = append(out, "- "+mdField(f)+"\n")
	}
	for _, it := range s.Items {
		var b strings.Builder
		fmt.Fprintf(&b, "- **%s** %s %s", it.Change, it.Kind, mdCode(it.ID))
		if it.Title != "" {
			b.WriteString(": " + md(it.Title))
		}
		if tags := itemTags(it); tags != "" {
			b.WriteString(" (" + md(tags) + ")")
		}
		b.WriteString("\n")
		for _, f := range it.Fields {
			b.WriteString("  - " + mdField(f) + "\n")
		}
		if it.Warning != "" {
			b.WriteString("  - **warning**: " + md(it.Warning) + "\n")
		}
		out = append(out, b.String())
	}
	for _, ro := range s.Reordered {
		out = append(out, "- **"+md(reorderText(ro))+"**\n")
	}
	return out
}

// mdFold writes a section heading and its first n entries, folded into
// <details> when the section is long; a section cut short says so.
func mdFold(s Section, entries []string, n int) string {
	var b strings.Builder
	lines := 0
	for _, e := range entries {
		lines += strings.Count(e, "\n")
	}
	fmt.Fprintf(&b, "\n### %s\n\n", md(s.Title))
	fold := lines > foldLines
	if fold {
		fmt.Fprintf(&b, "<details><summary>%d %s (%d lines)</summary>\n\n", len(entries), plural1(len(entries), "change"), lines)
	}
	for _, e := range entries[:n] {
		b.WriteString(e)
	}
	if n < len(entries) {
		b.WriteString(mdCut(len(entries) - n))
	}
	if fold {
		b.WriteString("\n</details>\n")
	}
	return b.String()
}

func mdCut(n int) string {
	return fmt.Sprintf("- *… %d more %s left out (see the note at the end)*\n", n, plural1(n, "change"))
}
