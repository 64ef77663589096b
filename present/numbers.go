package present

import "strings"

// Number wording lives in format (Count, Plural, Months, MonthName, Volume,
// Exact, Money…); present words facts with it.

// CategoryName capitalises a cost category for a row label.
func CategoryName(c string) string {
	if c == "" {
		return c
	}
	return strings.ToUpper(c[:1]) + c[1:]
}
