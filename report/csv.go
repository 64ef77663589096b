package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
)

// CSV writes one row per scenario, option and month, with numbers at full
// precision. month is the model's 0-based index, as in the JSON (month 0 is
// the first month). Text from files is sanitized and guarded against formula
// injection (csvText), since spreadsheets open these files.
func CSV(w io.Writer, scenarios []Scenario) error {
	cw := csv.NewWriter(w)
	// The column contract (docs/json.md): columns are added at the end,
	// never renamed; the month's are model's cost categories (months.go).
	withQuality := anyQuality(scenarios)
	header := append([]string{"scenario", "option", "kind"}, monthColumns(withQuality)...)
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range scenarios {
		r := &scenarios[i].Result
		for k := range r.Options {
			o := &r.Options[k]
			months := o.Months()
			for m := range months {
				rec := append(make([]string, 0, len(header)), csvText(r.Scenario), csvText(o.Name), csvText(string(o.Kind)))
				rec = monthCells(rec, &months[m], r, withQuality)
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
