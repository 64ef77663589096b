package format

import (
	"strconv"
	"unicode/utf8"
)

// QuoteLimit is how many characters of a key or a value a message quotes
// before it cuts the rest to "…".
const QuoteLimit = 40

// Quote quotes s for a message, Go-escaped (no control character reaches
// a terminal), cut to QuoteLimit characters: a 1 MiB key written in a
// file made a 1 MiB error line (the campaign's L3).
func Quote(s string) string {
	if utf8.RuneCountInString(s) > QuoteLimit {
		s = string([]rune(s)[:QuoteLimit]) + "…"
	}
	return strconv.Quote(s)
}
