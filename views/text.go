package views

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/tunecost/tunecost/format"
)

// clean makes text from a file safe to draw (no escape sequences, no
// control characters).
func clean(s string) string { return format.Sanitize(s) }

// fit truncates s (which may hold styles) to w cells and pads it to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(s) > w {
		s = cut(s, w)
	}
	if pad := w - lipgloss.Width(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// cut shortens s to w cells ending in "…": plain text at a word, never
// inside a figure (format.CutWords); styled text, whose escapes a word cut
// cannot see, where it must.
func cut(s string, w int) string {
	if !strings.ContainsRune(s, '\x1b') {
		return format.CutWords(s, w)
	}
	return ansi.Truncate(s, w, "…")
}

// fitRight is fit with the text aligned to the right.
func fitRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(s) > w {
		return cut(s, w)
	}
	return strings.Repeat(" ", w-lipgloss.Width(s)) + s
}

// block fits every line of s into a w×h rectangle, so a screen never draws
// outside the space it was given, whatever its content.
func block(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = fit(l, w)
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines, "\n")
}

// wrap breaks text into lines of at most w cells.
func wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	return strings.Split(ansi.Wrap(s, w, ""), "\n")
}

// money formats an amount in full; moneyShort compactly for narrow cells.
func money(v float64, cur string) string      { return format.Money(v, cur) }
func moneyShort(v float64, cur string) string { return format.MoneyShort(v, cur) }

// count, monthName and compact are format's number wording (Brief,
// MonthName, Compact) under the names the screens use.
func count(v float64) string   { return format.Brief(v) }
func monthName(m int) string   { return format.MonthName(m) }
func compact(v float64) string { return format.Compact(v) }

// wrapWords breaks s into lines of at most w cells at spaces only: a word
// wider than w is cut short with an ellipsis, never split across lines
// ("LoRA Llama-3.1-8B" never becomes "LoRA Llama-" / "3.1-8B").
func wrapWords(s string, w int) []string {
	return wrapAtSpaces(s, w, func(word string) []string { return []string{ansi.Truncate(word, w, "…")} })
}

// middleEllipsis shortens s to w cells by cutting its middle, keeping both
// ends, where ids that share a prefix differ ("anthropic.claude-3-5-s…"
// would hide the date and version that tell three entries apart).
func middleEllipsis(s string, w int) string {
	r := []rune(s)
	if lipgloss.Width(s) <= w || w < 3 || len(r) != lipgloss.Width(s) {
		if lipgloss.Width(s) > w {
			return ansi.Truncate(s, w, "…")
		}
		return s
	}
	tail := w / 2 // the end tells versions and dates apart: it gets the odd cell
	head := w - 1 - tail
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// wrapHard breaks plain text at spaces into lines of at most w cells, and
// splits only a word wider than a whole line ("2025-09-05" stays whole,
// where ansi.Wrap breaks after a hyphen).
func wrapHard(s string, w int) []string {
	return wrapAtSpaces(s, w, func(word string) []string {
		var parts []string
		for lipgloss.Width(word) > w {
			head := ansi.Truncate(word, w, "")
			parts, word = append(parts, head), word[len(head):]
		}
		return append(parts, word)
	})
}

// wrapAtSpaces fills lines of at most w cells with the words of s; long
// turns a word wider than w into pieces: every piece but the last stands
// on a line of its own, the last goes on as an ordinary word.
func wrapAtSpaces(s string, w int, long func(word string) []string) []string {
	if w <= 0 {
		return nil
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if lipgloss.Width(word) > w {
			parts := long(word)
			if len(parts) > 1 && line != "" {
				lines, line = append(lines, line), ""
			}
			lines = append(lines, parts[:len(parts)-1]...)
			word = parts[len(parts)-1]
		}
		switch {
		case word == "":
		case line == "":
			line = word
		case lipgloss.Width(line)+1+lipgloss.Width(word) <= w:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}
