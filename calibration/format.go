package calibration

import (
	"math"
	"strconv"
	"strings"
)

// num writes a figure as people read it: four significant digits, thousands
// grouped, never an exponent.
func num(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "—"
	case math.Abs(v) >= 1e4:
		return groupDigits(strconv.FormatFloat(math.Round(v), 'f', 0, 64))
	case v == 0:
		return "0"
	}
	digits := 3 - int(math.Floor(math.Log10(math.Abs(v))))
	if digits < 0 {
		digits = 0
	}
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return groupDigits(s)
}

// groupDigits puts thousands separators into the integer part of a decimal.
func groupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	for i := len(intPart) - 3; i > 0; i -= 3 {
		intPart = intPart[:i] + "," + intPart[i:]
	}
	if hasFrac {
		return sign + intPart + "." + frac
	}
	return sign + intPart
}

// factor writes e^x as a multiplier: ×1.25.
func factor(x float64) string {
	if math.IsNaN(x) {
		return "—"
	}
	return "×" + strconv.FormatFloat(math.Exp(x), 'f', 2, 64)
}

// ratio writes predicted/published: ×0.83.
func ratio(r float64) string { return "×" + strconv.FormatFloat(r, 'f', 2, 64) }

// cell escapes a table cell's pipes and line breaks.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
