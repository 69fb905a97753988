package plandoc

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/doc"
)

var months = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// documentDate prints the plan's date ("23 February 2006", "September
// 2005"), or else the fallback's day, with the time for file metadata.
func documentDate(pd plan.Date, fallback time.Time) (string, time.Time) {
	if s := string(pd); s != "" {
		// The loader accepts only 2006-02-23 and 2005-09; a plan built in
		// code may hold anything, which is then printed as it is.
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year()), t
		}
		if t, err := time.Parse("2006-01", s); err == nil {
			return months[t.Month()-1] + " " + strconv.Itoa(t.Year()), t
		}
		return s, time.Time{}
	}
	if fallback.IsZero() {
		return "", time.Time{}
	}
	t := fallback.UTC()
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year()), t
}

// DocumentDate is documentDate for other builders: the date a document
// prints for pd ("23 February 2006", "March 2007"), else the fallback's
// day, with the time for file metadata; "" and the zero time when neither
// gives one, so a writer prints no date rather than an invented one.
func DocumentDate(pd plan.Date, fallback time.Time) (string, time.Time) {
	return documentDate(pd, fallback)
}

func (b *builder) meta(date string) []doc.Meta {
	p := b.p
	var m []doc.Meta
	add := func(label, value string) {
		if value != "" {
			m = append(m, doc.Meta{Label: label, Value: value})
		}
	}
	add("Period", p.Period.First.String()+" to "+p.Period.Last.String())
	if len(p.PlanYears) > 0 {
		label := "Plan year"
		if len(p.PlanYears) > 1 {
			label = "Plan years"
		}
		add(label, joinYears(p.PlanYears))
	}
	add("Version", p.Version)
	add("Status", p.Status.Label())
	add("Date", date)
	add("Approved by", p.ApprovedBy)
	// The source and its note are for maintainers (About this edition).
	return m
}

func joinYears(ys []plan.Year) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = y.String()
	}
	return strings.Join(s, ", ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
