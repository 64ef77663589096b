package format

import (
	"math"
	"strings"
)

// symbols are the currencies written with a prefix sign; every other code
// is written after the amount ("1,234 CHF").
var symbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£"}

// Money formats an amount for people: whole units from 1,000 up
// ("$1,234,567"), cents below ("$12.35"), a leading minus when negative
// ("-$12.35"). USD, EUR and GBP take their sign; another code follows the
// amount ("1,234 CHF"); an empty code gives the bare number. The code comes
// from a file, so it is sanitized.
func Money(v float64, currency string) string {
	if s, ok := special(v); ok {
		return s
	}
	// Round first so 999.996 is "$1,000", not "$1000.00".
	decimals := 2
	if math.Abs(math.Round(v*100)/100) >= 1000 {
		decimals = 0
	}
	return withCurrency(Number(v, decimals), currency)
}

// MoneyShort formats an amount compactly for narrow columns: "$1.2M",
// "$34.5k"; below 1,000 it is Money.
func MoneyShort(v float64, currency string) string {
	if s, ok := special(v); ok {
		return s
	}
	s, ok := compact(v)
	if !ok {
		return Money(v, currency)
	}
	if v < 0 {
		s = "-" + s
	}
	return withCurrency(s, currency)
}

// withCurrency attaches the currency to a formatted amount, keeping a minus
// sign in front of a prefix symbol.
func withCurrency(amount, currency string) string {
	code := strings.ToUpper(strings.TrimSpace(Sanitize(currency)))
	if code == "" {
		return amount
	}
	sym, ok := symbols[code]
	if !ok {
		return amount + " " + code
	}
	if rest, neg := strings.CutPrefix(amount, "-"); neg {
		return "-" + sym + rest
	}
	return sym + amount
}
