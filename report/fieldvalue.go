package report

import (
	"math"
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
		if p := f.Num(s, o); p != nil {
			if *p == 0 && f.Optional {
				return "unset"
			}
			return plainNumber(*p)
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

// plainNumber writes v exactly as typed where it can (0.35, 10,000,000) and
// in short scientific form when it is very large or very small.
func plainNumber(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return format.Number(v, 0)
	case a >= 1e15 || (a != 0 && a < 1e-4):
		return strconv.FormatFloat(v, 'g', 6, 64)
	case v == math.Trunc(v):
		return format.Number(v, 0)
	}
	// The shortest decimal that round-trips, with the integer part grouped.
	s := strconv.FormatFloat(a, 'f', -1, 64)
	dot := len(s)
	for i := range s {
		if s[i] == '.' {
			dot = i
			break
		}
	}
	out := format.Number(math.Trunc(a), 0) + s[dot:]
	if v < 0 {
		out = "-" + out
	}
	return out
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
		return plural(v, "GPU")
	case model.UnitGB:
		return format.Number(v, 1) + " GB"
	case model.UnitSeconds:
		return strconv.FormatFloat(v, 'g', 4, 64) + " s"
	case model.UnitQueries:
		return format.Number(v, 0) + " queries"
	case model.UnitFLOPs, model.UnitParams, model.UnitBytes:
		return strconv.FormatFloat(v, 'g', 4, 64) + " " + unit
	case model.UnitCount:
		return plainNumber(v)
	}
	return plainNumber(v) + " " + unit
}
