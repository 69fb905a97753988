package plan

// The leaf types of the model: values with a syntax of their own (years,
// dates, references, figures, acknowledgements), each read from its YAML
// node by its unmarshalNode.

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Year is a financial year, April to March, named by its first calendar
// year: 2008 is "2008/09".
type Year int

// ParseYear reads "2008/09".
func ParseYear(s string) (Year, error) {
	// Four digits, a slash, two digits: read by hand, as every target and
	// result of a plan has a year.
	if len(s) != 7 || s[4] != '/' || !allDigits(s[:4]) || !allDigits(s[5:]) {
		if y, ok := meantYear(s); ok {
			return 0, fmt.Errorf("%q is not a financial year: write it as %s", s, y)
		}
		return 0, fmt.Errorf("%q is not a financial year: write it as 2008/09", s)
	}
	y, _ := strconv.Atoi(s[:4])
	e, _ := strconv.Atoi(s[5:])
	if (y+1)%100 != e {
		return 0, fmt.Errorf("%q is not a financial year: %d/%02d would be %d/%02d", s, y, e, y, (y+1)%100)
	}
	return Year(y), nil
}

// meantYear reads the year an author meant by another spelling of it:
// 2008-09, 2008–09, 2008/2009, 2008 - 09, 2008/9. It reads only a first
// year of four digits whose second, when given, follows on, so that the
// fix it suggests is the author's year, never a guess.
func meantYear(s string) (Year, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 4 || !allDigits(s[:4]) {
		return 0, false
	}
	y, _ := strconv.Atoi(s[:4])
	rest := strings.TrimLeft(s[4:], " /-–—_")
	if rest == s[4:] || rest == "" || !allDigits(rest) {
		return 0, false // no separator, nothing after it, or not a number
	}
	switch e, _ := strconv.Atoi(rest); {
	case len(rest) <= 2 && e == (y+1)%100, len(rest) == 4 && e == y+1:
		return Year(y), true
	}
	return 0, false
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String prints the year as "2008/09".
func (y Year) String() string { return fmt.Sprintf("%d/%02d", int(y), (int(y)+1)%100) }

// MarshalText prints the year as "2008/09", for JSON.
func (y Year) MarshalText() ([]byte, error) { return []byte(y.String()), nil }

func (y *Year) unmarshalNode(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n, "year")
	if !ok {
		return
	}
	v, err := ParseYear(s)
	if err != nil {
		d.errorf(n, "a financial year runs April to March and is written 2008/09", "%v", err)
		return
	}
	*y = v
}

var dateRE = regexp.MustCompile(`^(\d{4})-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`)

// Date is a calendar date, or a month when the document gives no day:
// "2006-02-23" or "2005-09".
type Date string

func (t *Date) unmarshalNode(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n, "date")
	if !ok {
		return
	}
	if !dateRE.MatchString(s) {
		d.errorf(n, "write 2006-02-23, or 2005-09 when only the month is known", "%q is not a date", clip(s))
		return
	}
	*t = Date(s)
}

func (r *Ref) unmarshalNode(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n, "reference")
	if !ok {
		return
	}
	*r = Ref{At: d.pos(n), ID: s}
}

// Figure is a number as the document prints it. Text is kept verbatim for
// printing; Q is its exact value, or nil when the figure is words ("N/A",
// "Monitor") or carries a mark the source glued to it.
type Figure struct {
	At   Pos
	Text string
	Q    *Quantity
	// refused is set when the loader has reported the figure's value, so
	// that validation does not report it a second time.
	refused bool
}

// Unit returns the figure's unit, UnitText when it has no number.
func (f *Figure) Unit() Unit {
	if f == nil || f.Q == nil {
		return UnitText
	}
	return f.Q.Unit
}

// String returns the text as printed.
func (f *Figure) String() string {
	if f == nil {
		return ""
	}
	return f.Text
}

// MarshalText writes the text as printed, for JSON.
func (f Figure) MarshalText() ([]byte, error) { return []byte(f.Text), nil }

func (f *Figure) unmarshalNode(d *decoder, n *yaml.Node) {
	f.At = d.pos(n)
	switch n.Kind {
	case yaml.ScalarNode:
		f.Text = n.Value
		if q, ok := parseQuantity(n.Value); ok {
			f.Q = &q
		}
	case yaml.MappingNode:
		// {text: "61.9% 2005/06", value: 61.9%}: the printed text carries
		// more than the number.
		var m figureMapping
		d.decodeStruct(n, reflect.ValueOf(&m).Elem(), nil)
		f.Text = m.Text
		if m.Value != "" {
			q, err := ParseQuantity(m.Value)
			if err != nil {
				hint := ""
				if fix, ok := figureFix(m.Value, ""); ok {
					hint = "did you mean value: " + fix + "?"
				}
				d.errorf(n, hint, "%v", err)
				f.refused = true
				return
			}
			f.Q = &q
			if !textStatesValue(m.Text, m.Value) {
				d.report(n, Error, "value", valueHint, "figure prints %q but its value is %s", clip(m.Text), clip(m.Value))
			}
		}
	default:
		d.errorf(n, "write the figure as printed (79%, £241.1m, 15,190), or as {text: ..., value: ...}", "a figure must be a value, found %s", kindName(n))
	}
}

// figureMapping is the long form of a figure, {text: ..., value: ...}; its
// type name is what messages call it.
type figureMapping struct {
	Text  string `yaml:"text" mps:"required" doc:"The figure as printed."`
	Value string `yaml:"value" mps:"required" doc:"Its number: 61.9%, £35.2m, 9,406."`
}

// acknowledgeable lists the rules an Acknowledge entry may name, as words.
var acknowledgeable = Rule("").Values()

// gapRules are the rules about figures that do not add up: their
// acknowledgement states the difference it accepts.
var gapRules = []Rule{RuleSum, RuleShares, RuleBalance}

// acknowledgedGap is the form of an acknowledgement of a gap rule; its type
// name is what messages call it.
type acknowledgedGap struct {
	Difference string `yaml:"difference" mps:"required" doc:"The gap accepted, as check prints it: the stated figure less the computed one (£1.3m, -£0.04bn, 1%, 0.1 in a table's unit)."`
	Reason     string `yaml:"reason" mps:"required" doc:"Why the source is inconsistent."`
}

func (a *Acknowledge) unmarshalNode(d *decoder, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "write rule: reason lines, such as duplicate-code: the source gives SPI 10a twice", "acknowledge must be a mapping from rule to reason, found %s", kindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || !slices.Contains(acknowledgeable, k.Value) {
			hint := "rules that can be acknowledged: " + strings.Join(acknowledgeable, ", ")
			if s := suggest(k.Value, acknowledgeable); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			d.report(k, Error, "unknown-key", hint, "%q is not a rule that can be acknowledged", clip(k.Value))
			continue
		}
		rule := Rule(k.Value)
		if _, dup := a.Reason(rule); dup {
			d.errorf(k, "", "rule %q is acknowledged twice", k.Value)
			continue
		}
		ack := Ack{At: d.pos(k), Rule: rule}
		if v.Kind == yaml.MappingNode {
			if !slices.Contains(gapRules, rule) {
				d.errorf(v, fmt.Sprintf("write %s: reason", k.Value), "rule %q accepts no figure: give the reason only", k.Value)
				continue
			}
			var m acknowledgedGap
			before := len(*d.diags)
			d.decodeStruct(v, reflect.ValueOf(&m).Elem(), nil)
			if len(*d.diags) > before {
				continue
			}
			q, err := ParseQuantity(m.Difference)
			if err != nil {
				d.errorf(v, "write the difference check reports, such as £1.3m", "difference of acknowledged rule %q: %v", k.Value, err)
				continue
			}
			at := ack.At
			for j := 0; j+1 < len(v.Content); j += 2 {
				if v.Content[j].Value == "difference" {
					at = d.pos(v.Content[j+1])
				}
			}
			ack.Reason, ack.Difference = m.Reason, &Figure{At: at, Text: m.Difference, Q: &q}
		} else {
			// A gap rule acknowledged by reason alone is kept, so that
			// validation can say which difference to write.
			reason, ok := d.scalar(v, "reason")
			if !ok || strings.TrimSpace(reason) == "" {
				d.errorf(v, "say why the source is inconsistent, so readers of the check output know", "acknowledged rule %q needs a reason", k.Value)
				continue
			}
			ack.Reason = reason
		}
		if strings.TrimSpace(ack.Reason) == "" {
			d.errorf(v, "say why the source is inconsistent, so readers of the check output know", "acknowledged rule %q needs a reason", k.Value)
			continue
		}
		*a = append(*a, ack)
	}
}
