package views

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/tunecost/tunecost/present"
)

// optionLabels are the snapshot's option labels in at most w cells each:
// present.Labels, the rule every output follows, so two options are never
// drawn alike.
func optionLabels(s *snapshot, w int) []string {
	return present.ResultLabels(&s.Input, &s.Result, clean, w)
}

// optionShorts are the snapshot's options' short names, cleaned.
func optionShorts(s *snapshot) []string {
	shorts := make([]string, len(s.Result.Options))
	for i, o := range s.Result.Options {
		for _, in := range s.Input.Options {
			if in.Name == o.Name {
				shorts[i] = clean(in.ShortName)
			}
		}
	}
	return shorts
}

// twoLineLabels are every option's name over at most two lines of w cells,
// broken at spaces: whole when it fits so, else its present.Labels form for
// two lines, else for one, so no word is cut mid-way without a "…" and no
// two options read alike.
func twoLineLabels(s *snapshot, w int) [][]string {
	wide, narrow := optionLabels(s, 2*w-1), optionLabels(s, w)
	out := make([][]string, len(s.Result.Options))
	for i, o := range s.Result.Options {
		out[i] = []string{narrow[i]}
		if lines, ok := atSpaces(clean(o.Name), w); ok {
			out[i] = lines
			continue
		}
		// The label holds the difference near its start: its second line
		// may end cut, with a "…".
		if lines := wrapWords(wide[i], w); len(lines) >= 2 && !strings.HasSuffix(lines[0], "…") {
			out[i] = []string{lines[0], ansi.Truncate(strings.Join(lines[1:], " "), w, "…")}
		}
	}
	return out
}

// atSpaces breaks text at spaces into at most two lines of w cells, and
// says whether it could without cutting a word.
func atSpaces(text string, w int) ([]string, bool) {
	lines := wrapWords(text, w)
	return lines, len(lines) <= 2 && strings.Join(lines, " ") == strings.Join(strings.Fields(text), " ")
}

// shareRoom shortens names so that together they take at most room cells:
// the longest are shortened first, to the same width (none to fewer than
// 3 cells), by present.Labels, keeping what tells them apart; shorts are
// the options' short names (nil: none).
func shareRoom(names, shorts []string, room int) []string {
	longest, total := 0, 0
	for _, n := range names {
		longest = max(longest, lipgloss.Width(n))
		total += lipgloss.Width(n)
	}
	if total <= room {
		return names
	}
	limit := longest
	for limit > 3 {
		used := 0
		for _, n := range names {
			used += min(lipgloss.Width(n), limit)
		}
		if used <= room {
			break
		}
		limit--
	}
	return present.Labels(names, shorts, limit)
}
