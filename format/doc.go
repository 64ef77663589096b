// Package format turns numbers and file-originated text into strings for
// people: money, token counts, percentages, durations, and Sanitize, which
// makes text from a shared file safe to draw on a terminal.
//
// Every function is pure and allocation-light; none panics, whatever the
// input (NaN and ±Inf included).
package format
