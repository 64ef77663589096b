package format

import (
	"math"
	"strconv"
)

// Exact writes v as typed where it can (0.35, 10,000,000: the shortest
// decimal that round-trips, the integer part grouped) and in short
// scientific form when it is very large or very small. For figures a
// person typed or a sheet gives, which rounding would misquote.
func Exact(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return Number(v, 0)
	case a >= 1e15 || (a != 0 && a < 1e-4):
		return strconv.FormatFloat(v, 'g', 6, 64)
	case v == math.Trunc(v):
		return Number(v, 0)
	}
	s := strconv.FormatFloat(a, 'f', -1, 64)
	dot := len(s)
	for i := range s {
		if s[i] == '.' {
			dot = i
			break
		}
	}
	out := Number(math.Trunc(a), 0) + s[dot:]
	if v < 0 {
		out = "-" + out
	}
	return out
}

// MoneyExact is a price with every digit it has ("$0.075", "$1,500",
// "0.4 CHF"): catalog prices are small and exact, unlike totals (Money).
func MoneyExact(v float64, currency string) string {
	if s, ok := special(v); ok {
		return s
	}
	return withCurrency(Exact(v), currency)
}
