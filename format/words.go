package format

import (
	"math"
	"strconv"
)

// This file words counts: how many of a thing, a month, a horizon. Every
// package writes numbers through format (the reports, present's sentences,
// the planner's screens), so one rule holds everywhere.

// Count formats a count: whole numbers without decimals, others with two
// (Count(3) = "3", Count(2.5) = "2.50", Count(0.125) = "0.12").
func Count(v float64) string {
	if v == math.Trunc(v) {
		return Number(v, 0)
	}
	return Number(v, 2)
}

// Plural is a count with its unit: "1 GPU", "2 GPUs", "0.50 GPUs".
func Plural(v float64, unit string) string {
	if v == 1 {
		return "1 " + unit
	}
	return Count(v) + " " + unit + "s"
}

// Brief formats a quantity briefly: whole numbers and from 100 up without
// decimals, from 10 up with one, smaller ones to three significant digits
// (0.0123, 2.5, 12.3, 1,234).
func Brief(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return Number(v, 0)
	case v == math.Trunc(v) || math.Abs(v) >= 100:
		return Number(v, 0)
	case math.Abs(v) >= 10:
		return Number(v, 1)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// Compact writes a large count in few cells: 57.5M, 12.3k; Brief below
// 1,000.
func Compact(v float64) string {
	if v >= 1000 {
		return MoneyShort(v, "")
	}
	return Brief(v)
}

// Volume is a query volume: whole queries, a decimal below ten unless whole.
func Volume(v float64) string {
	if v < 10 && v > -10 && v != math.Trunc(v) {
		return Number(v, 1)
	}
	return Number(v, 0)
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

// Short writes a value briefly where room is short: three significant
// digits (0.05, 0.00002, 12.3), Compact from 1,000 (1.2M, 600k).
func Short(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0) || v == 0:
		return Brief(v)
	case math.Abs(v) >= 1000:
		return Compact(v)
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	if err != nil {
		return Brief(v)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// AsTyped is a computed input value as a person would have typed it: ±25 %
// of 0.05 is computed as 0.037500000000000006, so the float noise past ten
// significant digits goes, then Exact.
func AsTyped(v float64) string {
	if r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 10, 64), 64); err == nil {
		v = r
	}
	return Exact(v)
}

// Decimals is v rounded to n decimals, trailing zeros dropped: an accuracy
// reads 0.827 or 0.88.
func Decimals(v float64, n int) string {
	p := math.Pow(10, float64(n))
	return strconv.FormatFloat(math.Round(v*p)/p, 'f', -1, 64)
}
