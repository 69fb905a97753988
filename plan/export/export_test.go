package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/status"
)

func realPlans(t *testing.T) []*plan.Plan {
	t.Helper()
	dirs, err := plan.Dirs(filepath.Join("..", "..", "plans"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no plans: %v", err)
	}
	var ps []*plan.Plan
	for _, d := range dirs {
		p, diags := plan.Load(d)
		if p == nil || diags.HasErrors() {
			t.Fatalf("%s: %s", d, diags.Summary())
		}
		ps = append(ps, p)
	}
	return ps
}

// readCSV reads the CSV as a spreadsheet user's program would, takes the
// apostrophes off inert cells, and returns the rows.
func readCSV(t *testing.T, data []byte) []Row {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Error("lines do not all end in CRLF (RFC 4180)")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = len(Columns)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range Columns {
		if recs[0][i] != c.Name {
			t.Fatalf("header column %d is %q, want %q", i, recs[0][i], c.Name)
		}
	}
	var rows []Row
	for _, rec := range recs[1:] {
		for i := range rec {
			rec[i] = revert(rec[i])
		}
		row := Row{Plan: rec[0], Measure: rec[1], Part: rec[2], Codes: []string{}, Title: rec[4], Unit: rec[5], Polarity: rec[6], Year: rec[7],
			Period: rec[8], TargetKind: rec[9], TargetText: rec[10], TargetValue: rec[11], ResultText: rec[12], ResultValue: rec[13],
			ResultOf: rec[14], Status: rec[15]}
		if rec[3] != "" {
			row.Codes = strings.Split(rec[3], "; ")
		}
		rows = append(rows, row)
	}
	return rows
}

// TestCSVReadBack writes every real plan's figures as CSV, reads the file
// back and checks it against the plans themselves: every target and
// result is there once, with its exact value and the status the report
// rules give it.
func TestCSVReadBack(t *testing.T) {
	plans := realPlans(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, Rows(plans)); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes())
	if !reflect.DeepEqual(rows, Rows(plans)) {
		t.Error("the CSV read back differs from the rows written")
	}
	type key struct{ plan, measure, part, year string }
	byKey := map[key][]Row{}
	for _, r := range rows {
		k := key{r.Plan, r.Measure, r.Part, r.Year}
		byKey[k] = append(byKey[k], r)
	}
	seen := 0
	check := func(p *plan.Plan, m *plan.Measure, part string, s status.Series) {
		for _, tg := range s.Targets {
			rs := byKey[key{p.ID, m.ID, part, tg.Year.String()}]
			if len(rs) == 0 {
				t.Errorf("%s %s %s %s: target %q has no row", p.ID, m.ID, part, tg.Year, tg.Text)
			}
			for _, r := range rs {
				if r.TargetText != tg.Text || r.TargetKind != tg.Kind {
					t.Errorf("%s %s %s %s: target %q %q, want %q %q", p.ID, m.ID, part, tg.Year, r.TargetKind, r.TargetText, tg.Kind, tg.Text)
				}
				sameValue(t, r.TargetValue, tg.Value)
			}
		}
		for _, res := range s.Results {
			var match []Row
			for _, r := range byKey[key{p.ID, m.ID, part, res.Year.String()}] {
				if r.ResultText == res.Value.Text && r.Period == res.Period {
					match = append(match, r)
				}
			}
			if len(match) != 1 {
				t.Errorf("%s %s %s %s: result %q is in %d rows, want 1", p.ID, m.ID, part, res.Year, res.Value.Text, len(match))
				continue
			}
			seen++
			sameValue(t, match[0].ResultValue, &res.Value)
			// Where the year has this one result, the row's status is
			// the report's.
			if n := len(byKey[key{p.ID, m.ID, part, res.Year.String()}]); n == 1 {
				if want := string(status.AssessSeries(s, res.Year).Status); match[0].Status != want {
					t.Errorf("%s %s %s %s: status %q, want %q", p.ID, m.ID, part, res.Year, match[0].Status, want)
				}
			}
		}
	}
	for _, p := range plans {
		for i := range p.Measures {
			m := &p.Measures[i]
			check(p, m, "", status.Of(m))
			for j := range m.Parts {
				check(p, m, m.Parts[j].ID, status.OfPart(m, &m.Parts[j]))
			}
		}
	}
	if seen < 50 {
		t.Errorf("only %d results found: the plans have more", seen)
	}
}

func sameValue(t *testing.T, cell string, f *plan.Figure) {
	t.Helper()
	if f == nil || f.Q == nil {
		if cell != "" {
			t.Errorf("value %q for a figure without a number", cell)
		}
		return
	}
	d, err := plan.ParseDecimal(cell)
	if err != nil {
		t.Errorf("value %q: %v", cell, err)
		return
	}
	if d.Cmp(f.Q.Value) != 0 {
		t.Errorf("value %q, want %s (from %q)", cell, f.Q.Value, f.Text)
	}
}

func TestInert(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"=SUM(A1:A2)", "'=SUM(A1:A2)"},
		{"+44 20", "'+44 20"},
		{"-3%", "'-3%"},
		{"@cmd", "'@cmd"},
		{"\tx", "'\tx"},
		{"'quoted", "''quoted"},
		{"-6.3", "-6.3"},
		{"241100000", "241100000"},
		{"82.5%", "82.5%"},
		{"a=b", "a=b"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := inert(tt.cell); got != tt.want {
			t.Errorf("inert(%q) = %q, want %q", tt.cell, got, tt.want)
		}
		if got := revert(inert(tt.cell)); got != tt.cell {
			t.Errorf("revert(inert(%q)) = %q", tt.cell, got)
		}
	}
}

// TestCSVQuoting: commas, quotes and line breaks in a text survive, and
// text is UTF-8.
func TestCSVQuoting(t *testing.T) {
	row := Row{Plan: "p", Measure: "m", Codes: []string{"SPI 1", "KPI 3(a)"}, Title: "Says \"hi\", then\nleaves – £3m",
		Unit: "money", Year: "2008/09", ResultText: "=1+1", Status: "no target"}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, []Row{row}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\"Says \"\"hi\"\", then\r\nleaves – £3m\"") {
		t.Errorf("title not quoted per RFC 4180:\n%s", buf.String())
	}
	if got := readCSV(t, buf.Bytes()); !reflect.DeepEqual(got, []Row{row}) {
		t.Errorf("read back %+v, want %+v", got, row)
	}
}

func TestJSONReadBack(t *testing.T) {
	rows := Rows(realPlans(t))
	var buf bytes.Buffer
	if err := WriteJSON(&buf, rows); err != nil {
		t.Fatal(err)
	}
	var back []Row
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, rows) {
		t.Error("the JSON read back differs from the rows written")
	}
	// Values are strings of exact decimals, never JSON numbers.
	var raw []map[string]any
	_ = json.Unmarshal(buf.Bytes(), &raw)
	for _, r := range raw {
		for _, k := range []string{"target_value", "result_value"} {
			if _, ok := r[k].(string); !ok {
				t.Fatalf("%s is %T, want a string", k, r[k])
			}
		}
	}
	if buf.Len() == 0 || strings.Count(buf.String(), `"measure"`) != len(rows) {
		t.Error("not one object a row")
	}
}
