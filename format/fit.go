package format

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// grouped matches a number written with thousands separators, the form
// Money and Number give amounts of 1,000 and more.
var grouped = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?`)

// FitNumbers makes plain text fit w cells without cutting a number: first
// every grouped number becomes compact with three significant digits
// ("$1,033,619,815" → "$1.03B", "$703,175,123" → "$703M"), then, if the
// text is still too wide, it is cut before the word that does not fit,
// with "…" — never inside a figure.
func FitNumbers(text string, w int) string {
	text = strings.ToValidUTF8(text, "\uFFFD") // cells are counted per rune
	if ansi.StringWidth(text) <= w || w <= 0 {
		return text
	}
	short := CompactNumbers(text)
	if ansi.StringWidth(short) <= w {
		return short
	}
	return CutWords(short, w)
}

// CompactNumbers writes every grouped number of text with three
// significant digits and a k/M/B/T suffix: "$1,033,619,815" → "$1.03B".
func CompactNumbers(text string) string {
	return grouped.ReplaceAllStringFunc(text, func(n string) string {
		v, err := strconv.ParseFloat(strings.ReplaceAll(n, ",", ""), 64)
		if err != nil {
			return n
		}
		return sig3(v)
	})
}

// sig3 writes v ≥ 1000 compactly with three significant digits: 1.03B,
// 703M, 16.4k ("16k" when the digits after the point are zeros).
func sig3(v float64) string {
	for _, sc := range scales {
		if v >= sc.div*0.9995 {
			x := v / sc.div
			decimals := 2
			switch {
			case x >= 99.95:
				decimals = 0
			case x >= 9.995:
				decimals = 1
			}
			s := strconv.FormatFloat(math.Round(x*math.Pow10(decimals))/math.Pow10(decimals), 'f', decimals, 64)
			if strings.Contains(s, ".") {
				s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
			}
			return s + sc.suffix
		}
	}
	return Number(v, 0)
}

// CutWords shortens plain text to w cells, ending in "…": at the last
// space that leaves room, or, in a text without one, before the figure or
// word the cut would fall in, so "$1,243,336,28…" never reads as a
// smaller number.
func CutWords(text string, w int) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	if ansi.StringWidth(text) <= w {
		return text
	}
	if w < 2 {
		return ansi.Truncate(text, w, "")
	}
	head := []rune(ansi.Truncate(text, w-1, ""))
	rest := []rune(text)[len(head):]
	if len(rest) > 0 && !wordBreak(rest[0]) {
		i := len(head)
		for i > 0 && !wordBreak(head[i-1]) {
			i--
		}
		if i > 0 {
			head = head[:i]
		} else if figure(head) {
			return "…" // a figure that cannot fit is not cut into a smaller one
		}
	}
	return strings.TrimRight(string(head), " ") + "…"
}

// wordBreak is a rune a cut may happen after or before without splitting a
// word or a figure.
func wordBreak(r rune) bool { return r == ' ' || r == '/' || r == '(' || r == ')' || r == '·' }

// figure says the runes start like an amount or a number.
func figure(r []rune) bool {
	for _, c := range r {
		switch {
		case c >= '0' && c <= '9':
			return true
		case c == '-' || c == '[' || c == '★' || c == ' ' || strings.ContainsRune("$€£¥", c):
			continue
		}
		return false
	}
	return false
}
