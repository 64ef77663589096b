package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
)

// csvHeader is the CSV column contract. Add columns at the end, never rename.
var csvHeader = []string{"scenario", "option", "kind", "month", "queries", "data", "experiments", "training",
	"inference", "retrieval", "hosting", "labour", "setup", "total", "cumulative"}

// CSV writes one row per scenario, option and month, with numbers at full
// precision. month is the model's 0-based index, as in the JSON (month 0 is
// the first month). Text from files is sanitized and guarded against formula
// injection (csvText), since spreadsheets open these files.
func CSV(w io.Writer, scenarios []Scenario) error {
	cw := csv.NewWriter(w)
	header, withErrors := csvHeader, anyQuality(scenarios)
	if withErrors {
		header = append(append([]string(nil), csvHeader...), "errors") // §9
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range scenarios {
		r := &scenarios[i].Result
		for k := range r.Options {
			o := &r.Options[k]
			for _, m := range o.Months {
				rec := []string{csvText(r.Scenario), csvText(o.Name), csvText(string(o.Kind)), strconv.Itoa(m.Month),
					num(m.Queries), num(m.Data), num(m.Experiments), num(m.Training), num(m.Inference),
					num(m.Retrieval), num(m.Hosting), num(m.Labour), num(m.Setup), num(m.Total), num(m.Cumulative)}
				if withErrors {
					rec = append(rec, csvErrors(r, &m))
				}
				if err := cw.Write(rec); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// num is a number at full precision: the shortest text that reads back
// exactly, in plain digits. ('g' would switch to an exponent from 1e6 on,
// "1e+06" queries, which spreadsheets and people misread.)
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// csvText sanitizes a file-originated cell and, when a spreadsheet would
// read it as a formula (it starts with = + - or @, leading spaces aside),
// prefixes an apostrophe so it stays text.
func csvText(s string) string {
	s = format.Sanitize(s)
	if t := strings.TrimLeft(s, " "); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return "'" + s
	}
	return s
}
