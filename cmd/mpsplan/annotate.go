package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/plan"
)

// ruleDocs describes each rule check reports under, for SARIF's rule
// list (code scanning shows it beside every result) and for readers of
// the github annotations. A rule missing here is still reported, with a
// generic description; TestRuleDocs keeps the list complete.
var ruleDocs = map[string]string{
	"syntax":         "The YAML cannot be read as a plan: a syntax error, a wrong type, an alias, a duplicate key or a missing required key.",
	"unknown-key":    "A key the plan format does not have (a typo, or a key in the wrong place).",
	"file":           "A plan file or folder cannot be read: missing, too large, not UTF-8, or holding no plan files.",
	"id":             "An ID is not a lowercase slug, or a plan's id differs from its folder name.",
	"duplicate-id":   "Two items of one kind share an ID, or a measure has two targets for one year.",
	"reference":      "A reference names an outcome, objective, priority, strategy, strand or row that the plan does not define.",
	"year-range":     "A year lies outside the plan's period, or the period ends before it starts.",
	"range":          "A number is out of its range (a most-similar-forces rank below 1).",
	"percent-range":  "A percentage lies outside -100% to 100%, or a share outside 0% to 100%.",
	"unit":           "A figure is in another unit than its measure or field expects (money without £, a percentage target on a count).",
	"fraction":       "A fraction typed where a percentage belongs: 0.85 for 85%.",
	"value":          "A figure is not the number it looks like (82.5 %, 1.060.930, 3.5bn for money), or its text states another number than its value: printed as written, it would never be counted.",
	"target":         "A target lacks the value or direction its kind needs, or has one its kind does not take.",
	"target-text":    "A target's printed text states another number than its value.",
	"table":          "A table's shape is wrong: a row with too few or too many cells, a cell that is not a number, a formula that cannot be read.",
	"wording":        "An other wording of an item is empty, repeated, or the same as its title.",
	"sum":            "Figures do not add up: a breakdown's items and its stated total, or a table row and its equals formula.",
	"shares":         "A breakdown's shares do not add up to 100%, or only some items have a share.",
	"derived":        "A breakdown part marked derived (a figure the source does not print) cannot be: more than one part is, or the breakdown states no total to derive it from.",
	"balance":        "A figure the plan states twice differs: a year's revenue and funding totals, or a table row and the row it restates (same_as).",
	"duplicate-code": "Two measures carry the same code (SPI, KPI, APACS...).",
	"acknowledge":    "An acknowledgement is stale or incomplete: nothing left to acknowledge, or no difference stated for a gap.",
	"outline":        "The outline names a part the document does not have, places one twice or leaves one out.",
	"approved-by":    "approved_by names who approved a plan whose status is not approved.",
	"theme":          "A plan's theme is not a folder relative to the plan, or cannot be read.",
	"placement":      "A placement marker ({{place: ID}}) is malformed, not on a line of its own, names no table, chart or list of the document, places one twice, or stands in text not printed as paragraphs.",
}

func ruleDoc(rule string) string {
	if d, ok := ruleDocs[rule]; ok {
		return d
	}
	return "mpsplan check rule " + rule + "."
}

// ruleName is the rule a diagnostic is filed under; a diagnostic without
// one is a syntax problem.
func ruleName(d plan.Diagnostic) string {
	if d.Rule == "" {
		return "syntax"
	}
	return d.Rule
}

// annotationPath is a diagnostic's file as CI tools want it: relative to
// the working folder (the checkout) and with forward slashes.
func annotationPath(file string) string {
	if filepath.IsAbs(file) {
		if wd, err := filepath.Abs("."); err == nil {
			if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
				file = rel
			}
		}
	}
	return filepath.ToSlash(file)
}

// githubEscaper escapes a workflow command's message, and propEscaper its
// properties, as GitHub Actions' toolkit does (issue-command.ts).
var (
	githubEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propEscaper   = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// writeGitHub prints diagnostics as GitHub Actions workflow commands, one
// a line, so each shows as an annotation on its file and line:
// ::error file=plans/2008-11/plan.yaml,line=42,col=7,title=reference::...
// The hint follows the message on a second line of the annotation.
func writeGitHub(w io.Writer, ds plan.Diagnostics) error {
	var b strings.Builder
	for _, d := range ds {
		cmd := "notice"
		switch d.Severity {
		case plan.Error:
			cmd = "error"
		case plan.Warning:
			cmd = "warning"
		}
		props := []string{"file=" + propEscaper.Replace(annotationPath(d.Pos.File))}
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
			if d.Pos.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
			}
		}
		props = append(props, "title="+propEscaper.Replace("mpsplan "+ruleName(d)))
		msg := d.Message
		if d.Hint != "" {
			msg += "\nhint: " + d.Hint
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", cmd, strings.Join(props, ","), githubEscaper.Replace(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// SARIF 2.1.0 (OASIS), the subset code scanning reads: one run, the tool
// with its rules, and a result for each diagnostic.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		FullDescription      sarifMessage `json:"fullDescription"`
		DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

// writeSARIF prints diagnostics as a SARIF 2.1.0 log, for code scanning
// (github/codeql-action/upload-sarif). Every rule reported is listed with
// its description; the level of a result is its severity.
func writeSARIF(w io.Writer, ds plan.Diagnostics) error {
	var rules []string
	for _, d := range ds {
		if r := ruleName(d); !slices.Contains(rules, r) {
			rules = append(rules, r)
		}
	}
	slices.Sort(rules)
	run := sarifRun{ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	run.Tool.Driver = sarifDriver{Name: "mpsplan", InformationURI: "https://github.com/mpsplan/mpsplan", Rules: []sarifRule{}}
	for _, r := range rules {
		short, _, _ := strings.Cut(ruleDoc(r), ":")
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: r, ShortDescription: sarifMessage{Text: strings.TrimSuffix(short, ".")}, FullDescription: sarifMessage{Text: ruleDoc(r)},
			DefaultConfiguration: sarifConfig{Level: "warning"},
		})
	}
	for _, d := range ds {
		msg := d.Message
		if d.Hint != "" {
			msg += "\nhint: " + d.Hint
		}
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: (&url.URL{Path: annotationPath(d.Pos.File)}).String(), URIBaseID: "%SRCROOT%"}}}
		if d.Pos.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: d.Pos.Line, StartColumn: d.Pos.Col}
		}
		run.Results = append(run.Results, sarifResult{
			RuleID: ruleName(d), RuleIndex: slices.Index(rules, ruleName(d)), Level: d.Severity.String(),
			Message: sarifMessage{Text: msg}, Locations: []sarifLocation{loc},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}
