package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/plan/export"
)

func file(t *testing.T, s *Site, path string) []byte {
	t.Helper()
	for _, f := range s.Files {
		if f.Path == path {
			return f.Data
		}
	}
	t.Fatalf("the site has no %s", path)
	return nil
}

// descriptor is what a reader of datapackage.json needs of it.
type descriptor struct {
	Profile      string
	Licenses     []struct{ Name, Path, Title string }
	Contributors []struct{ Title, Role string }
	Sources      []struct{ Title string }
	Resources    []struct {
		Name, Path, Format, Encoding string
		Dialect                      struct {
			Delimiter, LineTerminator string
			Header                    bool
		}
		Schema struct {
			Fields []struct {
				Name, Type, Description string
				Constraints             *struct {
					Required bool
					Enum     []string
				}
			}
			MissingValues []string
		}
	}
}

// TestDataPackage reads figures.csv as a data package reader would, from
// what datapackage.json says of it (its columns, types, missing values
// and allowed values), and compares every row with the plans themselves:
// each target and result of each plan is a row, and each row is one of
// them, with its exact number.
func TestDataPackage(t *testing.T) {
	s, pubs := buildSite(t)
	var d descriptor
	if err := json.Unmarshal(file(t, s, DataPackageFile), &d); err != nil {
		t.Fatal(err)
	}
	if d.Profile != "tabular-data-package" || len(d.Licenses) != 1 || d.Licenses[0].Name != "OGL-UK-3.0" ||
		len(d.Contributors) != 1 || d.Contributors[0].Role != "publisher" || len(d.Sources) == 0 || len(d.Resources) != 1 {
		t.Fatalf("the descriptor lacks its profile, licence, publisher, sources or resource: %+v", d)
	}
	res := d.Resources[0]
	if res.Path != FiguresCSV || res.Format != "csv" || res.Encoding != "utf-8" || !res.Dialect.Header || res.Dialect.LineTerminator != "\r\n" {
		t.Errorf("the resource is not described as the CSV is written: %+v", res)
	}
	if len(res.Schema.Fields) != len(export.Columns) {
		t.Fatalf("the schema has %d fields for %d columns", len(res.Schema.Fields), len(export.Columns))
	}
	recs, err := csv.NewReader(bytes.NewReader(file(t, s, FiguresCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, f := range res.Schema.Fields {
		if recs[0][i] != f.Name || f.Description == "" {
			t.Errorf("column %d is %q, the schema says %q (described %q)", i, recs[0][i], f.Name, f.Description)
		}
		col[f.Name] = i
	}
	missing := func(v string) bool { return slices.Contains(res.Schema.MissingValues, v) }
	for n, rec := range recs[1:] {
		for i, f := range res.Schema.Fields {
			v := rec[i]
			switch {
			case missing(v):
				if f.Constraints != nil && f.Constraints.Required {
					t.Errorf("row %d: required %s is missing", n+1, f.Name)
				}
			case f.Type == "number":
				if _, ok := new(big.Rat).SetString(v); !ok || strings.ContainsAny(v, "eE") {
					t.Errorf("row %d: %s %q is not a plain number", n+1, f.Name, v)
				}
			case f.Constraints != nil && len(f.Constraints.Enum) > 0 && !slices.Contains(f.Constraints.Enum, v):
				t.Errorf("row %d: %s %q is not among %q", n+1, f.Name, v, f.Constraints.Enum)
			}
		}
	}
	compareWithPlans(t, pubs, recs[1:], col)
}

// figureKey names one target or result of a plan.
type figureKey struct{ plan, measure, part, year, what, text, value string }

// compareWithPlans wants the targets and results of the CSV rows to be
// exactly those the plans hold: the same texts, the same exact numbers.
func compareWithPlans(t *testing.T, pubs []Published, recs [][]string, col map[string]int) {
	t.Helper()
	want := map[figureKey]bool{}
	for _, p := range pubs {
		for _, m := range p.Plan.Measures {
			add := func(part string, ts []plan.Target, rs []plan.Result) {
				for _, tg := range ts {
					want[figureKey{p.Plan.ID, m.ID, part, tg.Year.String(), "target", tg.Text, number(tg.Value)}] = true
				}
				for _, r := range rs {
					want[figureKey{p.Plan.ID, m.ID, part, r.Year.String(), "result", r.Value.Text, number(&r.Value)}] = true
				}
			}
			add("", m.Targets, m.Results)
			for _, pt := range m.Parts {
				add(pt.ID, pt.Targets, pt.Results)
			}
		}
	}
	got := map[figureKey]bool{}
	cell := func(rec []string, name string) string {
		v := rec[col[name]]
		// A cell made inert for spreadsheets: the apostrophe is not the plan's.
		if len(v) > 1 && v[0] == '\'' && strings.ContainsRune("=+-@\t\r'", rune(v[1])) {
			v = v[1:]
		}
		return v
	}
	for _, rec := range recs {
		k := figureKey{plan: cell(rec, "plan"), measure: cell(rec, "measure"), part: cell(rec, "part"), year: cell(rec, "year")}
		if tt := cell(rec, "target_text"); tt != "" {
			k.what, k.text, k.value = "target", tt, exactOrEmpty(cell(rec, "target_value"))
			got[k] = true
		}
		if rt := cell(rec, "result_text"); rt != "" {
			k.what, k.text, k.value = "result", rt, exactOrEmpty(cell(rec, "result_value"))
			got[k] = true
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("the CSV lacks %+v", k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("the CSV has %+v, which no plan holds", k)
		}
	}
	if len(want) < 100 {
		t.Errorf("only %d figures compared", len(want))
	}
}

func exactOrEmpty(v string) string {
	if v == "" {
		return ""
	}
	return exact(v)
}

// number is a figure's exact value, normalised as a reader parses it.
func number(f *plan.Figure) string {
	if f == nil || f.Q == nil {
		return ""
	}
	return exact(f.Q.Value.String())
}

// exact is a decimal as an exact fraction, so 82.50 and 82.5 are one value.
func exact(v string) string {
	r, ok := new(big.Rat).SetString(v)
	if !ok {
		return "not a number: " + v
	}
	return r.RatString()
}

// TestPlanData: each plan's own CSV (PlanData, written beside its
// documents) holds its rows of figures.csv, in order.
func TestPlanData(t *testing.T) {
	s, pubs := buildSite(t)
	all := strings.Split(string(file(t, s, FiguresCSV)), "\r\n")
	for _, p := range pubs {
		files, err := PlanData(p.Plan)
		if err != nil || len(files) != 2 || files[0].Path != p.Plan.ID+"/"+p.Plan.ID+".csv" {
			t.Fatalf("PlanData(%s): %v, %v", p.Plan.ID, files, err)
		}
		own := strings.Split(string(files[0].Data), "\r\n")
		if own[0] != all[0] {
			t.Errorf("%s.csv has another header", p.Plan.ID)
		}
		var rows []string
		for _, l := range all[1:] {
			if strings.HasPrefix(l, p.Plan.ID+",") {
				rows = append(rows, l)
			}
		}
		if got := own[1 : len(own)-1]; !slices.Equal(got, rows) {
			t.Errorf("%s.csv has %d rows; figures.csv has %d of the plan", p.Plan.ID, len(got), len(rows))
		}
	}
}
