package present

import (
	"math"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
)

// Count formats a count: whole numbers without decimals, others with two
// (Count(3) = "3", Count(2.5) = "2.50", Count(0.125) = "0.12").
func Count(v float64) string {
	if v == math.Trunc(v) {
		return format.Number(v, 0)
	}
	return format.Number(v, 2)
}

// Plural is a count with its unit: "1 GPU", "2 GPUs", "0.50 GPUs".
func Plural(v float64, unit string) string {
	if v == 1 {
		return "1 " + unit
	}
	return Count(v) + " " + unit + "s"
}

// Months is a horizon in words: "1 month", "36 months".
func Months(n int) string {
	if n == 1 {
		return "1 month"
	}
	return strconv.Itoa(n) + " months"
}

// MonthName says a 0-based month the way people count: "month 16" for m = 15.
func MonthName(m int) string { return "month " + strconv.Itoa(m+1) }

// CategoryName capitalises a cost category for a row label.
func CategoryName(c string) string {
	if c == "" {
		return c
	}
	return strings.ToUpper(c[:1]) + c[1:]
}

// Volume is a query volume: whole queries, a decimal below ten unless whole.
func Volume(v float64) string {
	if v < 10 && v > -10 && v != math.Trunc(v) {
		return format.Number(v, 1)
	}
	return format.Number(v, 0)
}

// PlainNumber is format.Exact: v as typed where it can (0.35, 10,000,000).
func PlainNumber(v float64) string { return format.Exact(v) }
