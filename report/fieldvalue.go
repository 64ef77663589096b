package report

import (
	"github.com/tunecost/tunecost/present"
	"strconv"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// fieldValue is an input's value as written for people, unescaped: numbers
// as in a file with thousands separators, flags as yes/no, "unset" for an
// optional input left empty. o may be nil for scenario-level fields.
func fieldValue(f *model.Field, s *model.Scenario, o *model.Option) string {
	switch f.Type {
	case model.Number:
		if f.Key == "accuracy" && o != nil && o.HasAccuracyCounts() { // F25a
			return present.PlainNumber(o.Accuracy) + " (" + present.PlainNumber(o.AccuracyCorrect) + " of " + present.PlainNumber(o.AccuracyOf) + ")"
		}
		if p := f.Num(s, o); p != nil {
			if *p == 0 && f.Optional {
				return "unset"
			}
			return present.PlainNumber(*p)
		}
	case model.Text:
		if p := f.Text(s, o); p != nil {
			if *p == "" {
				return "unset"
			}
			return *p
		}
	case model.Flag:
		if p := f.Flag(s, o); p != nil {
			if *p {
				return "yes"
			}
			return "no"
		}
	}
	return ""
}

// unitValue formats a derivation value in its unit (model.Unit…).
func unitValue(v float64, unit, currency string) string {
	switch unit {
	case model.UnitMoney:
		return format.Money(v, currency)
	case model.UnitTokens:
		return format.Tokens(v)
	case model.UnitMs:
		return format.Duration(v)
	case model.UnitHours:
		return format.Number(v, 2) + " h"
	case model.UnitGPUs:
		return present.Plural(v, "GPU")
	case model.UnitGB:
		return format.Number(v, 1) + " GB"
	case model.UnitSeconds:
		return strconv.FormatFloat(v, 'g', 4, 64) + " s"
	case model.UnitQueries:
		return format.Number(v, 0) + " queries"
	case model.UnitFLOPs, model.UnitParams, model.UnitBytes:
		return strconv.FormatFloat(v, 'g', 4, 64) + " " + unit
	case model.UnitCount:
		return present.PlainNumber(v)
	}
	return present.PlainNumber(v) + " " + unit
}
