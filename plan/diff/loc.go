package diff

import (
	"slices"
	"strings"
)

// Loc says where in a plan a changed value is, twice: Name for readers
// ("part white target 2008/09 value", the words the text and Markdown
// print) and Path, Year, Period and Part for tools. Path is the plan file
// keys from the item (or, for a section's own values, from the section)
// down to the value, with list elements named by ID ("items",
// "olympics-2012", "amount"); an element matched by year (a target, a
// result, a table column) or a measure's part is not in Path but in Year
// (and Period) or Part.
type Loc struct {
	Name   string
	Path   []string
	Year   string
	Period string
	Part   string
}

// key is the location of field k under l.
func (l Loc) key(k string) Loc {
	return Loc{Name: join(l.Name, k), Path: append(slices.Clip(l.Path), k), Year: l.Year, Period: l.Period, Part: l.Part}
}

// named is l with another reader's name and the same place.
func (l Loc) named(name string) Loc {
	l.Name = name
	return l
}

// elem is the location of the element of list l (a Loc made by key)
// matched by key, an element of kind. Targets and results are matched by
// year (and period), parts by ID into Part; other elements by ID, into
// Path.
func (l Loc) elem(kind, key string, by matchBy) Loc {
	list := l.Path[len(l.Path)-1]
	out := Loc{Name: join(strings.TrimSuffix(strings.TrimSuffix(l.Name, list), " "), kind+" "+key), Year: l.Year, Period: l.Period, Part: l.Part}
	switch by {
	case byYear:
		out.Path = slices.Clip(l.Path)
		out.Year, out.Period, _ = strings.Cut(key, " ")
	case byPart:
		out.Path = slices.Clip(l.Path[:len(l.Path)-1])
		out.Part = key
	default:
		out.Path = append(slices.Clip(l.Path), key)
	}
	return out
}

// matchBy says what the elements of a list are matched by.
type matchBy int

const (
	byID matchBy = iota
	byYear
	byPart
)
