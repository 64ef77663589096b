package format

import (
	"math"
	"strconv"
	"strings"
)

// scale is one step of the compact notation used by MoneyShort and Tokens.
type scale struct {
	div    float64
	suffix string
}

var scales = []scale{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}}

// compact formats |v| ≥ 1000 with one decimal and a k/M/B/T suffix,
// dropping a trailing ".0" ("2M", "34.5k"). ok is false below 1000, where
// callers choose their own form. The sign is left to the caller.
func compact(v float64) (string, bool) {
	a := math.Abs(v)
	if a < 1000 {
		return "", false
	}
	// Pick the scale after rounding, so 999,960 becomes "1M", not "1000k".
	for i := len(scales) - 1; i >= 0; i-- {
		sc := scales[i]
		r := math.Round(a/sc.div*10) / 10
		if r < 1000 || i == 0 {
			s := strconv.FormatFloat(r, 'f', 1, 64)
			s = strings.TrimSuffix(s, ".0")
			if r >= 1000 {
				s = group(s) // beyond trillions: keep the digits readable
			}
			return s + sc.suffix, true
		}
	}
	return "", false
}

// Tokens formats a token count: "850 tokens", "34.5k tokens", "1.2M tokens".
func Tokens(v float64) string {
	if s, ok := special(v); ok {
		return s + " tokens"
	}
	sign := ""
	if v < 0 {
		sign = "-"
	}
	if s, ok := compact(v); ok {
		return sign + s + " tokens"
	}
	n := Number(v, 0)
	if n == "1" {
		return "1 token"
	}
	return n + " tokens"
}
