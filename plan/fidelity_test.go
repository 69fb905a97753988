package plan_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
)

// TestFidelity checks each plan against a list of figures and phrases taken
// by hand from its source document: testdata/fidelity/<id>.txt, one entry a
// line, # for comments. A figure is checked where it belongs, so a figure
// dropped, mistyped or moved to the wrong year or measure while editing a
// plan fails here; a phrase is checked as words of the plan. The entries:
//
//	measure <id>[/<part>] <year> baseline|target|result <value>
//	code <measure-id> <code>
//	breakdown <id> <item-id>|total amount|share <value>
//	table <id> <row-id> <year> <value>
//	initiative <id> <value>
//	risk <id> <value>
//	phrase <words>
//	<words>
//
// <value> is the rest of the line, as the source prints it. It matches a
// figure of the plan whose printed text is the same, or whose exact value
// is (9406 matches 9,406; £35m matches £35.0m): a target matches by its
// text or its value. A measure's figure for <year> is its baseline if that
// is the baseline's year, its targets for the year, or its results for the
// year (any of them, when several periods are reported). Any other line is a
// phrase and must appear in some text of the plan, with runs of white space
// collapsed; write "phrase " before one that starts with a keyword above.
func TestFidelity(t *testing.T) {
	t.Chdir("..")
	lists, err := filepath.Glob("testdata/fidelity/*.txt")
	if err != nil || len(lists) == 0 {
		t.Fatalf("no fidelity lists found: %v", err)
	}
	for _, list := range lists {
		id := strings.TrimSuffix(filepath.Base(list), ".txt")
		t.Run(id, func(t *testing.T) {
			p, diags := plan.Load(filepath.Join("plans", id))
			if p == nil || diags.HasErrors() {
				t.Fatalf("plan %s does not load: %v", id, diags.Err())
			}
			problems, n := checkFidelity(p, list)
			for _, msg := range problems {
				t.Error(msg)
			}
			if n < 10 {
				t.Errorf("%s lists only %d figures; list at least 10 (30 for the large documents)", list, n)
			}
		})
	}
}

// TestFidelityCatchesWrongFigures proves the check can fail: a figure
// moved to another year, measure or column, or changed by a digit, is
// reported with the list's file:line, what it expected and what it found.
func TestFidelityCatchesWrongFigures(t *testing.T) {
	t.Chdir("..")
	p, diags := plan.Load("plans/2006-09")
	if p == nil || diags.HasErrors() {
		t.Fatalf("plan 2006-09 does not load: %v", diags.Err())
	}
	cases := []struct {
		entry, want string
	}{
		{"measure victim-satisfaction 2006/07 target 82%", `target for 2006/07 is "81%", not "82%"`},
		{"measure victim-satisfaction 2006/07 result 81%", `result for 2006/07 is "79%", not "81%"`},
		{"measure victim-satisfaction 2005/06 baseline 78%", `baseline for 2005/06 is "79%", not "78%"`},
		{"measure victim-satisfaction 2007/08 target 81%", `has no target for 2007/08`},
		{"measure victim-satisfaction 2006/07 baseline 79%", `baseline is for 2005/06, not 2006/07`},
		{"measure no-such-measure 2006/07 target 81%", `plan has no measure "no-such-measure"`},
		{"measure victim-satisfaction/white 2006/07 target 81%", `measure victim-satisfaction has no part "white"`},
		{"measure victim-satisfaction 2006/07 outcome 81%", `say baseline, target or result`},
		{"measure victim-satisfaction 2006-07 target 81%", `is not a financial year`},
		{"measure victim-satisfaction 2006/07 target", `write: measure <id>[/<part>] <year> baseline|target|result <value>`},
		{"code victim-satisfaction SPI 3a", `codes are "SPI 1e", not "SPI 3a"`},
		{"breakdown revenue staff amount £1m", `plan has no breakdown "revenue"`},
		{"table gap lower 2010/11 1", `plan has no table "gap"`},
		{"initiative tyrol £1m", `plan has no initiative "tyrol"`},
		{"Victim satisfaction with overall servic3", `"Victim satisfaction with overall servic3" from the source is missing`},
	}
	for _, c := range cases {
		list := filepath.Join(t.TempDir(), "list.txt")
		if err := os.WriteFile(list, []byte("# a comment\n\n"+c.entry+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		problems, _ := checkFidelity(p, list)
		if len(problems) != 1 || !strings.Contains(problems[0], list+":3: ") || !strings.Contains(problems[0], c.want) {
			t.Errorf("%q: got %q, want one problem at %s:3 saying %q", c.entry, problems, list, c.want)
		}
	}
	// The same entries, right, pass.
	list := filepath.Join(t.TempDir(), "list.txt")
	right := "measure victim-satisfaction 2006/07 target 81%\n" +
		"measure victim-satisfaction 2006/07 result 79%\n" +
		"measure victim-satisfaction 2005/06 baseline 79%\n" +
		"measure outstanding-warrants/owned 2005/06 baseline 9,406\n" +
		"code victim-satisfaction SPI 1e\n" +
		"phrase measure of nothing at all\n"
	if err := os.WriteFile(list, []byte(right), 0o644); err != nil {
		t.Fatal(err)
	}
	problems, _ := checkFidelity(p, list)
	if len(problems) != 1 || !strings.Contains(problems[0], `"measure of nothing at all" from the source is missing`) {
		t.Errorf("right entries: got %q, want only the phrase reported", problems)
	}
}

// checkFidelity checks the entries of list against p and returns a
// message for each that does not hold, and how many entries there are.
func checkFidelity(p *plan.Plan, list string) ([]string, int) {
	hay := strings.Join(collectText(reflect.ValueOf(p).Elem(), nil), "\n")
	f, err := os.Open(list)
	if err != nil {
		return []string{err.Error()}, 0
	}
	defer f.Close()
	var problems []string
	n := 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		entry := strings.TrimSpace(sc.Text())
		if entry == "" || strings.HasPrefix(entry, "#") {
			continue
		}
		n++
		var msg string
		if kw, rest, _ := strings.Cut(entry, " "); kw == "phrase" {
			msg = checkPhrase(hay, rest, p.ID)
		} else if check, ok := figureChecks[kw]; ok {
			msg = check(p, rest)
		} else {
			msg = checkPhrase(hay, entry, p.ID)
		}
		if msg != "" {
			problems = append(problems, fmt.Sprintf("%s:%d: %s", list, line, msg))
		}
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, fmt.Sprintf("%s: %v", list, err))
	}
	return problems, n
}

func checkPhrase(hay, want, id string) string {
	if strings.Contains(hay, strings.Join(strings.Fields(want), " ")) {
		return ""
	}
	return fmt.Sprintf("%q from the source is missing from plan %s", want, id)
}

// figureChecks checks a structured entry, given the words after its
// keyword; each returns what is wrong, or "".
var figureChecks = map[string]func(p *plan.Plan, rest string) string{
	"measure":    checkMeasure,
	"code":       checkCode,
	"breakdown":  checkBreakdown,
	"table":      checkTable,
	"initiative": amountCheck("initiative", initiativeAmounts),
	"risk":       amountCheck("risk", riskAmounts),
}

// fields splits an entry into n words and the value after them.
func fields(rest string, n int) ([]string, string, bool) {
	words := make([]string, 0, n)
	for range n {
		rest = strings.TrimSpace(rest)
		w, r, ok := strings.Cut(rest, " ")
		if !ok {
			return nil, "", false
		}
		words = append(words, w)
		rest = r
	}
	rest = strings.TrimSpace(rest)
	return words, rest, rest != ""
}

// sameFigure reports whether want, as the source prints it, is the
// figure f: the same text, or the same exact value.
func sameFigure(f *plan.Figure, want string) bool {
	if f == nil {
		return false
	}
	if f.Text == want {
		return true
	}
	q, err := plan.ParseQuantity(want)
	return err == nil && f.Q != nil && f.Q.Unit == q.Unit && f.Q.Value.Cmp(q.Value) == 0
}

// mismatch says what the plan holds where the list expected want.
func mismatch(what string, found []string, want string) string {
	if len(found) == 0 {
		return fmt.Sprintf("%s: plan has none, the source prints %q", what, want)
	}
	return fmt.Sprintf("%s is %s, not %q as the source prints it", what, quoteAll(found), want)
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, " or ")
}

func checkMeasure(p *plan.Plan, rest string) string {
	w, want, ok := fields(rest, 3)
	if !ok {
		return fmt.Sprintf("%q: write: measure <id>[/<part>] <year> baseline|target|result <value>", "measure "+rest)
	}
	id, partID, _ := strings.Cut(w[0], "/")
	year, err := plan.ParseYear(w[1])
	if err != nil {
		return err.Error()
	}
	var m *plan.Measure
	for i := range p.Measures {
		if p.Measures[i].ID == id {
			m = &p.Measures[i]
		}
	}
	if m == nil {
		return fmt.Sprintf("plan has no measure %q", id)
	}
	base, targets, results := m.Baseline, m.Targets, m.Results
	if partID != "" {
		var part *plan.MeasurePart
		for i := range m.Parts {
			if m.Parts[i].ID == partID {
				part = &m.Parts[i]
			}
		}
		if part == nil {
			return fmt.Sprintf("measure %s has no part %q", id, partID)
		}
		base, targets, results = part.Baseline, part.Targets, part.Results
	}
	what := fmt.Sprintf("measure %s: %s for %s", w[0], w[2], year)
	var found []string
	switch w[2] {
	case "baseline":
		if base == nil {
			return fmt.Sprintf("measure %s has no baseline", w[0])
		}
		if base.Year != year {
			return fmt.Sprintf("measure %s: baseline is for %s, not %s", w[0], base.Year, year)
		}
		if sameFigure(&base.Value, want) {
			return ""
		}
		found = append(found, base.Value.Text)
	case "target":
		for _, t := range targets {
			if t.Year != year {
				continue
			}
			if sameFigure(&plan.Figure{Text: t.Text}, want) || sameFigure(t.Value, want) {
				return ""
			}
			found = append(found, t.Text)
		}
		if len(found) == 0 {
			return fmt.Sprintf("measure %s has no target for %s", w[0], year)
		}
	case "result":
		for _, r := range results {
			if r.Year != year {
				continue
			}
			if sameFigure(&r.Value, want) {
				return ""
			}
			found = append(found, r.Value.Text)
		}
		if len(found) == 0 {
			return fmt.Sprintf("measure %s has no result for %s", w[0], year)
		}
	default:
		return fmt.Sprintf("measure %s: %q: say baseline, target or result", w[0], w[2])
	}
	return mismatch(what, found, want)
}

func checkCode(p *plan.Plan, rest string) string {
	w, want, ok := fields(rest, 1)
	if !ok {
		return fmt.Sprintf("%q: write: code <measure-id> <code>", "code "+rest)
	}
	for _, m := range p.Measures {
		if m.ID != w[0] {
			continue
		}
		for _, c := range m.Codes {
			if c == want {
				return ""
			}
		}
		return fmt.Sprintf("measure %s: codes are %s, not %q as the source prints it", m.ID, quoteAll(m.Codes), want)
	}
	return fmt.Sprintf("plan has no measure %q", w[0])
}

func checkBreakdown(p *plan.Plan, rest string) string {
	w, want, ok := fields(rest, 3)
	if !ok || (w[2] != "amount" && w[2] != "share") || (w[1] == "total" && w[2] != "amount") {
		return fmt.Sprintf("%q: write: breakdown <id> <item-id>|total amount|share <value>", "breakdown "+rest)
	}
	if p.Budget != nil {
		for _, b := range p.Budget.Breakdowns {
			if b.ID != w[0] {
				continue
			}
			what := fmt.Sprintf("breakdown %s: %s %s", b.ID, w[1], w[2])
			if w[1] == "total" {
				if sameFigure(b.Total, want) {
					return ""
				}
				return mismatch(what, texts(b.Total), want)
			}
			for _, it := range b.Items {
				if it.ID != w[1] {
					continue
				}
				f := &it.Amount
				if w[2] == "share" {
					f = it.Share
				}
				if sameFigure(f, want) {
					return ""
				}
				return mismatch(what, texts(f), want)
			}
			return fmt.Sprintf("breakdown %s has no item %q", b.ID, w[1])
		}
	}
	return fmt.Sprintf("plan has no breakdown %q", w[0])
}

func checkTable(p *plan.Plan, rest string) string {
	w, want, ok := fields(rest, 3)
	if !ok {
		return fmt.Sprintf("%q: write: table <id> <row-id> <year> <value>", "table "+rest)
	}
	year, err := plan.ParseYear(w[2])
	if err != nil {
		return err.Error()
	}
	if p.Budget != nil {
		for _, tb := range p.Budget.Tables {
			if tb.ID != w[0] {
				continue
			}
			col := -1
			for i, c := range tb.Columns {
				if c == year {
					col = i
				}
			}
			if col < 0 {
				return fmt.Sprintf("table %s has no column %s", tb.ID, year)
			}
			for _, r := range tb.Rows {
				if r.ID != w[1] {
					continue
				}
				var f *plan.Figure
				if col < len(r.Values) {
					f = r.Values[col]
				}
				if sameFigure(f, want) {
					return ""
				}
				return mismatch(fmt.Sprintf("table %s: %s for %s", tb.ID, r.ID, year), texts(f), want)
			}
			return fmt.Sprintf("table %s has no row %q", tb.ID, w[1])
		}
	}
	return fmt.Sprintf("plan has no table %q", w[0])
}

// amountCheck checks "<kind> <id> <value>" against the amounts the
// budget names by ID, such as its initiatives or its risks.
func amountCheck(kind string, amounts func(b *plan.Budget) map[string]*plan.Figure) func(*plan.Plan, string) string {
	return func(p *plan.Plan, rest string) string {
		w, want, ok := fields(rest, 1)
		if !ok {
			return fmt.Sprintf("%q: write: %s <id> <value>", kind+" "+rest, kind)
		}
		if p.Budget != nil {
			if f, ok := amounts(p.Budget)[w[0]]; ok {
				if sameFigure(f, want) {
					return ""
				}
				return mismatch(kind+" "+w[0]+": amount", texts(f), want)
			}
		}
		return fmt.Sprintf("plan has no %s %q", kind, w[0])
	}
}

func initiativeAmounts(b *plan.Budget) map[string]*plan.Figure {
	m := map[string]*plan.Figure{}
	for _, in := range b.Initiatives {
		m[in.ID] = in.Amount
	}
	return m
}

func riskAmounts(b *plan.Budget) map[string]*plan.Figure {
	m := map[string]*plan.Figure{}
	for _, r := range b.Risks {
		m[r.ID] = r.Amount
	}
	return m
}

func texts(f *plan.Figure) []string {
	if f == nil {
		return nil
	}
	return []string{f.Text}
}

// collectText gathers every string and figure text of the model, with
// runs of whitespace collapsed so line-wrapped YAML text still matches.
func collectText(v reflect.Value, out []string) []string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = collectText(v.Elem(), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = collectText(v.Field(i), out)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			out = collectText(v.Index(i), out)
		}
	case reflect.String:
		out = append(out, strings.Join(strings.Fields(v.String()), " "))
	}
	return out
}
