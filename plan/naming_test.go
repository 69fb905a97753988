package plan

import "testing"

func TestMeasureLabel(t *testing.T) {
	tests := []struct {
		title string
		codes []string
		want  string
	}{
		{"Total crime", nil, "Total crime"},
		{"Violent crime", []string{"SPI 5a", "PSA 3"}, "Violent crime (SPI 5a, PSA 3)"},
		{"Change in BCS recorded crime basket (PSA 1 proxy)", []string{"PSA 1"}, "Change in BCS recorded crime basket (PSA 1 proxy)"},
		{"Progress on PSA 12", []string{"PSA 1"}, "Progress on PSA 12 (PSA 1)"},
		{"SPI 5a and SPI 5b together", []string{"SPI 5a", "SPI 5b", "NI 16"}, "SPI 5a and SPI 5b together (NI 16)"},
		{"KPI 3(a)", []string{"KPI 3(a)"}, "KPI 3(a)"},
		{"XKPI 3", []string{"KPI 3"}, "XKPI 3 (KPI 3)"},
		{"Repeat PSA 1 and PSA 1", []string{"PSA 1"}, "Repeat PSA 1 and PSA 1"},
		{"PSA 10, then PSA 1", []string{"PSA 1"}, "PSA 10, then PSA 1"},
		{"Empty code", []string{""}, "Empty code"},
	}
	for _, tt := range tests {
		m := &Measure{Title: tt.title, Codes: tt.codes}
		if got := m.Label(); got != tt.want {
			t.Errorf("Label(%q, %q) = %q, want %q", tt.title, tt.codes, got, tt.want)
		}
	}
}

func TestObjectiveHeading(t *testing.T) {
	if got := (&Objective{Code: "2", Title: "Reduce crime"}).Heading(); got != "2. Reduce crime" {
		t.Errorf("with a code: %q", got)
	}
	if got := (&Objective{Title: "Reduce crime"}).Heading(); got != "Reduce crime" {
		t.Errorf("without a code: %q", got)
	}
}
