package plan

import (
	"strconv"
	"strings"
)

// subject names what a diagnostic is about: `measure "x", part "y",
// target`. Validation checks every figure of every measure and finds
// nothing wrong with nearly all of them, so the name is kept in parts and
// written out only when a diagnostic prints it (fmt calls String).
type subject struct {
	kind    string // "measure"; the whole name when plain ("plan year")
	id      string // printed quoted after kind, unless plain
	part    string // a part of the measure, when hasPart
	role    string // what of it: " baseline", " target", " column"
	plain   bool
	hasPart bool
}

// named is a subject with a name of its own and no ID: "plan year".
func named(name string) subject { return subject{kind: name, plain: true} }

// identified is a subject of a kind with an ID: `measure "x"`.
func identified(kind, id string) subject { return subject{kind: kind, id: id} }

// inPart is the subject narrowed to a part of it: `measure "x", part "y",`.
func (s subject) inPart(id string) subject {
	s.part, s.hasPart = id, true
	return s
}

// as is the subject's role, appended to its name: " target".
func (s subject) as(role string) subject {
	s.role = role
	return s
}

func (s subject) String() string {
	var b strings.Builder
	b.WriteString(s.kind)
	if !s.plain {
		b.WriteByte(' ')
		b.WriteString(strconv.Quote(s.id))
	}
	if s.hasPart {
		b.WriteString(", part ")
		b.WriteString(strconv.Quote(s.part))
		b.WriteByte(',')
	}
	b.WriteString(s.role)
	return b.String()
}
