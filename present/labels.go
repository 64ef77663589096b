package present

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tunecost/tunecost/model"
)

// ShortNameMax is the longest short_name an option may give itself.
const ShortNameMax = model.ShortNameMax

// Labels is the one rule every output follows when option names must fit
// width cells (width ≤ 0: no limit, the names as they are). A name that fits
// is kept whole; otherwise the option's short name is used when it has one
// that fits (shorts may be nil or hold ""); otherwise the name is shortened
// around what tells it apart from the others: a shared start gives way to
// "…" and the distinguishing part stays ("…Opus 5.5 cached" beside
// "…Opus 5.5 batch"). Two labels are never the same: if shortening still
// collides (a very narrow width), every label gets its number, "2·…".
// Names must already be safe to draw (sanitized).
func Labels(names, shorts []string, width int) []string {
	out := make([]string, len(names))
	if width <= 0 {
		copy(out, names)
		return distinct(out, names, width)
	}
	for i, n := range names {
		switch {
		case ansi.StringWidth(n) <= width:
			out[i] = n
		case i < len(shorts) && shorts[i] != "" && ansi.StringWidth(shorts[i]) <= width:
			out[i] = shorts[i]
		default:
			out[i] = shorten(n, names, width)
		}
	}
	return distinct(out, names, width)
}

// shorten cuts name to width cells keeping the runes where it differs from
// the other names: the head when all of that fits, else the tail when the
// difference runs to the end, else the head when it begins early, else a
// window around its start with "…" on both sides.
func shorten(name string, all []string, width int) string {
	r := []rune(name)
	first, last := differs(r, all)
	if width < 2 {
		return cut(r, 0, width)
	}
	if cells(r[:last]) <= width-1 {
		return cut(r, 0, width-1) + "…"
	}
	if cells(r[first:]) <= width-1 {
		start := fromTail(r, width-1)
		return "…" + string(r[wordStart(r, start, first):])
	}
	if cells(r[:first+1]) <= (width-1)*2/3 { // the difference begins early: read from the start
		return cut(r, 0, width-1) + "…"
	}
	if width < 3 {
		return cut(r, first, width)
	}
	return "…" + cut(r, contextStart(r, first, width-2), width-2) + "…"
}

// differs returns where r's difference from its closest sibling begins
// (the longest common start) and where its last difference from any other
// name ends, so r[first:last] holds everything that tells it apart.
func differs(r []rune, all []string) (first, last int) {
	same := len(r) // the shortest common ending with any other name
	for _, other := range all {
		o := []rune(other)
		if string(o) == string(r) {
			continue // itself (or a twin, which distinct numbers)
		}
		p := 0
		for p < len(r) && p < len(o) && r[p] == o[p] {
			p++
		}
		first = max(first, p)
		s := 0
		for s < len(r)-p && s < len(o)-p && r[len(r)-1-s] == o[len(o)-1-s] {
			s++
		}
		same = min(same, s)
	}
	if same == len(r) {
		same = 0 // no other name
	}
	first = min(first, max(0, len(r)-1))
	return first, max(first+1, len(r)-same)
}

// contextStart is where a window of w cells around the difference at first
// begins: at the word before it when that leaves a third of the window for the
// difference ("…gpt-4.1-mini with the…"), else a third of the window
// before it, moved to a word's start when one begins there.
func contextStart(r []rune, first, w int) int {
	word := first
	for word > 0 && r[word-1] == ' ' {
		word--
	}
	for word > 0 && r[word-1] != ' ' {
		word--
	}
	if cells(r[word:first]) <= w*2/3 {
		return word
	}
	return wordStart(r, max(0, first-max(0, w/3)), first)
}

// wordStart moves start forward to the beginning of a word when one begins
// before limit, so a cut reads "…Opus 5.5", not "…ude Opus 5.5".
func wordStart(r []rune, start, limit int) int {
	if start == 0 || r[start-1] == ' ' {
		return start
	}
	for i := start; i < limit; i++ {
		if r[i] == ' ' {
			return i + 1
		}
	}
	return start
}

// cut returns the runes of r from start that fit in w cells.
func cut(r []rune, start, w int) string {
	var b strings.Builder
	used := 0
	for _, c := range r[start:] {
		cw := ansi.StringWidth(string(c))
		if used+cw > w {
			break
		}
		b.WriteRune(c)
		used += cw
	}
	return b.String()
}

// fromTail is the index where the last w cells of r begin.
func fromTail(r []rune, w int) int {
	used := 0
	for i := len(r) - 1; i >= 0; i-- {
		used += ansi.StringWidth(string(r[i]))
		if used > w {
			return i + 1
		}
	}
	return 0
}

func cells(r []rune) int { return ansi.StringWidth(string(r)) }

// distinct numbers every label when two are the same, so no output shows two
// columns it cannot tell apart.
func distinct(labels, names []string, width int) []string {
	seen := make(map[string]bool, len(labels))
	dup := false
	for _, l := range labels {
		if seen[l] {
			dup = true
			break
		}
		seen[l] = true
	}
	if !dup {
		return labels
	}
	for i := range labels {
		num := strconv.Itoa(i+1) + "·"
		rest := width - ansi.StringWidth(num)
		switch {
		case width <= 0:
			labels[i] = num + names[i]
		case rest <= 0:
			labels[i] = strconv.Itoa(i + 1)
		default:
			labels[i] = num + shorten(names[i], names, rest)
			if ansi.StringWidth(names[i]) <= rest {
				labels[i] = num + names[i]
			}
		}
	}
	return labels
}

// OptionLabels are the scenario's option labels at width (Labels), the names
// and short names rendered by name (a sanitizer or escaper).
func OptionLabels(s *Scenario, name func(string) string, width int) []string {
	return ResultLabels(&s.Input, &s.Result, name, width)
}

// ResultLabels are OptionLabels for a result and the inputs it came from.
func ResultLabels(in *model.Scenario, r *model.Result, name func(string) string, width int) []string {
	names := make([]string, len(r.Options))
	shorts := make([]string, len(names))
	for i := range r.Options {
		names[i] = name(r.Options[i].Name)
		if o := inputOption(in, r.Options[i].Name); o != nil && o.ShortName != "" {
			shorts[i] = name(o.ShortName)
		}
	}
	return Labels(names, shorts, width)
}

// inputOption finds an option's resolved inputs by name.
func inputOption(in *model.Scenario, name string) *model.Option {
	for i := range in.Options {
		if in.Options[i].Name == name {
			return &in.Options[i]
		}
	}
	return nil
}
