package report

import (
	"fmt"
	"strconv"
	"time"

	"github.com/tunecost/tunecost/model"
)

// conversionLines says, once per converted sheet the options used, the rate
// its prices were converted at and the rate's date and sheet (MODEL.md v3
// Conventions): "sheet "usd prices": USD → EUR at 0.86 (1 USD = 0.86 EUR;
// rate as of 2026-11-01, sheet "usd prices": ECB reference rate)". name
// renders file-originated text for the target format.
func conversionLines(r *model.Result, name func(string) string) []string {
	var out []string
	for _, c := range usedConversions(r) {
		out = append(out, conversionLine(c, name))
	}
	return out
}

// usedConversions are the conversions of the entries the options used,
// once per converted sheet, in first-use order.
func usedConversions(r *model.Result) []*model.Conversion {
	var out []*model.Conversion
	seen := map[string]bool{}
	for i := range r.Options {
		for _, e := range r.Options[i].Entries() {
			if c := e.Conversion; c != nil && !seen[c.Sheet] {
				seen[c.Sheet] = true
				out = append(out, c)
			}
		}
	}
	return out
}

func conversionLine(c *model.Conversion, name func(string) string) string {
	written := fmt.Sprintf("1 %s = %s %s", c.RateFrom, rateNum(c.Rate), c.RateTo)
	if c.RateFrom != c.From {
		written += ", used as its inverse"
	}
	line := fmt.Sprintf("sheet %s: %s → %s at %s (%s; rate as of %s, sheet %s", name(strconv.Quote(c.Sheet)), c.From, c.To,
		rateNum(c.Factor), written, c.AsOf.Format(time.DateOnly), name(strconv.Quote(c.RateSheet)))
	if c.Source != "" {
		line += ": " + name(c.Source)
	}
	return line + ")"
}

// rateNum writes a rate with the digits it has, at most six significant.
func rateNum(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

// jsonConversion is one converted sheet in the JSON export.
type jsonConversion struct {
	Sheet     string  `json:"sheet"`
	From      string  `json:"from"`
	To        string  `json:"to"`
	Factor    float64 `json:"factor"`
	Rate      float64 `json:"rate"`
	RateFrom  string  `json:"rate_from"`
	RateTo    string  `json:"rate_to"`
	AsOf      string  `json:"as_of"`
	RateSheet string  `json:"rate_sheet"`
	Source    string  `json:"source"`
}

func conversionsJSON(r *model.Result) []jsonConversion {
	var out []jsonConversion
	for _, c := range usedConversions(r) {
		out = append(out, jsonConversion{Sheet: c.Sheet, From: c.From, To: c.To, Factor: c.Factor, Rate: c.Rate,
			RateFrom: c.RateFrom, RateTo: c.RateTo, AsOf: c.AsOf.Format(time.DateOnly), RateSheet: c.RateSheet, Source: c.Source})
	}
	return out
}
