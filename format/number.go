package format

import (
	"math"
	"strconv"
	"strings"
)

// Number formats v with the given number of decimals and a comma between
// thousands: Number(1234567.891, 2) = "1,234,567.89". Negative decimals
// count as 0. NaN is "n/a", infinities "∞" and "-∞".
func Number(v float64, decimals int) string {
	if s, ok := special(v); ok {
		return s
	}
	if decimals < 0 {
		decimals = 0
	}
	if decimals > 20 {
		decimals = 20
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	// A value that rounds to zero is printed without a sign: "-0.00" reads as a bug.
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	b.WriteString(group(intPart))
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// group inserts a comma every three digits from the right of a run of digits.
func group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteByte(',')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// special names the values that have no digits.
func special(v float64) (string, bool) {
	switch {
	case math.IsNaN(v):
		return "n/a", true
	case math.IsInf(v, 1):
		return "∞", true
	case math.IsInf(v, -1):
		return "-∞", true
	}
	return "", false
}

// Percent formats a fraction as a percentage with one decimal:
// Percent(0.1234) = "12.3%". Fractions are what the model stores
// (utilization 0.6, growth 0.05), so callers never multiply by 100.
func Percent(fraction float64) string {
	if s, ok := special(fraction); ok {
		return s
	}
	return Number(fraction*100, 1) + "%"
}

// Duration formats a latency given in milliseconds: "850 ms", "1.25 s",
// "2.5 min".
func Duration(ms float64) string {
	if s, ok := special(ms); ok {
		return s
	}
	a := math.Abs(ms)
	switch {
	case a < 999.5:
		return Number(ms, 0) + " ms"
	case a < 59_995:
		return Number(ms/1000, 2) + " s"
	default:
		return Number(ms/60_000, 1) + " min"
	}
}
