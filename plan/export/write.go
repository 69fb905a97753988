package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"regexp"
	"strings"
)

// WriteCSV writes rows as CSV per RFC 4180 (CRLF line ends, fields with a
// comma, quote or line break quoted), UTF-8 without a byte-order mark,
// with a header row of the column names.
//
// A cell a spreadsheet would run as a formula (one starting with =, +, -,
// @, a tab or a carriage return) is made inert with a leading apostrophe,
// as is one that starts with an apostrophe itself, so a reader can take
// the apostrophe off again: "-3%" is written '-3%. Numbers (the value columns, "-6.3")
// are left as they are: a spreadsheet reads them as numbers, not formulas.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := make([]string, len(Columns))
	for i, c := range Columns {
		header[i] = c.Name
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		rec := r.cells()
		for i, c := range rec {
			rec[i] = inert(c)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cells returns r's fields in the order of Columns.
func (r Row) cells() []string {
	return []string{r.Plan, r.Measure, r.Part, strings.Join(r.Codes, "; "), r.Title, r.Unit, r.Polarity, r.Year, r.Period,
		r.TargetKind, r.TargetText, r.TargetValue, r.ResultText, r.ResultValue, r.ResultOf, r.Status}
}

var number = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// inert prefixes an apostrophe to a cell a spreadsheet would evaluate.
func inert(s string) string {
	if s == "" || number.MatchString(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + s
	}
	return s
}

// revert undoes inert: the cell as the plan holds it.
func revert(cell string) string {
	if len(cell) >= 2 && cell[0] == '\'' && strings.ContainsRune("=+-@\t\r'", rune(cell[1])) {
		return cell[1:]
	}
	return cell
}

// WriteJSON writes rows as a JSON array of objects, one a row, with the
// fields named as the columns; codes is an array, values are strings of
// exact decimals (a JSON number would be read as a float by most readers).
func WriteJSON(w io.Writer, rows []Row) error {
	if rows == nil {
		rows = []Row{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rows)
}
