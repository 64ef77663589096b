package present

import (
	"math"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// Quantity is a derivation's value in its unit (model.Unit…), as the
// planner's explain panel and the Markdown derivations both write it:
// money in cents (three significant digits below ten cents, so a price per
// query reads "$0.00039", not "$0.00"), GB to one decimal, hours to two unless whole,
// seconds and large counts to four significant digits, fractions as
// percentages, a month index counted from 1, a cadence in words. Plain
// text: each renderer escapes.
func Quantity(v float64, unit, cur string) string {
	switch unit {
	case model.UnitMoney:
		return moneyToTheCent(v, cur)
	case model.UnitTokens:
		return format.Tokens(v)
	case model.UnitMs:
		return format.Duration(v)
	case model.UnitHours:
		return format.Count(v) + " h" // 30 h, 0.86 h
	case model.UnitGPUs:
		return format.Plural(v, "GPU")
	case model.UnitGB:
		return format.Number(v, 1) + " GB"
	case model.UnitSeconds:
		return strconv.FormatFloat(v, 'g', 4, 64) + " s"
	case model.UnitQueries:
		return format.Number(v, 0) + " queries"
	case model.UnitFLOPs, model.UnitParams, model.UnitBytes:
		return strconv.FormatFloat(v, 'g', 4, 64) + " " + unit
	case model.UnitCount:
		return format.Exact(v)
	case model.UnitFraction:
		return format.Percent(v)
	case model.UnitMonth:
		return format.MonthName(int(v)) // a 0-based index, named as people count
	case model.UnitCadence:
		return CadenceText(int(v))
	}
	return format.Exact(v) + " " + format.Sanitize(unit)
}

// moneyToTheCent is format.Money, but with three significant digits below
// ten cents, where cents would round a price to "$0.00".
func moneyToTheCent(v float64, cur string) string {
	a := math.Abs(v)
	if a == 0 || a >= 0.1 || math.IsNaN(v) || math.IsInf(v, 0) {
		return format.Money(v, cur)
	}
	decimals := min(2-int(math.Floor(math.Log10(a))), 12)
	digits := format.Number(v, decimals)
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		digits = strings.TrimRight(digits, "0")
		for len(digits)-i-1 < 2 {
			digits += "0"
		}
	}
	return strings.Replace(format.Money(0, cur), "0.00", strings.TrimPrefix(digits, "-"), 1)
}
