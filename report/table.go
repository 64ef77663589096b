package report

import (
	"strings"
	"unicode/utf8"
)

// textTable lays rows out in fixed-width columns: the label column left-aligned,
// one right-aligned column per option, two spaces between columns. Cells must
// already be sanitized; widths count runes.
type textTable struct {
	header []string // option names, one per column
	rows   []row    // a row with no cells is a section heading
}

func (t *textTable) write(sb *strings.Builder) {
	labelW := 0
	widths := make([]int, len(t.header))
	for i, h := range t.header {
		widths[i] = utf8.RuneCountInString(h)
	}
	for _, r := range t.rows {
		if len(r.cells) == 0 {
			continue
		}
		labelW = max(labelW, utf8.RuneCountInString(r.label))
		for i, c := range r.cells {
			if i < len(widths) {
				widths[i] = max(widths[i], utf8.RuneCountInString(c))
			}
		}
	}
	line := func(label string, cells []string) {
		var b strings.Builder
		b.WriteString(pad(label, labelW, false))
		for i, w := range widths {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			b.WriteString("  ")
			b.WriteString(pad(c, w, true))
		}
		sb.WriteString(strings.TrimRight(b.String(), " "))
		sb.WriteByte('\n')
	}
	line("", t.header)
	for _, r := range t.rows {
		if len(r.cells) == 0 {
			sb.WriteString(r.label + "\n")
			continue
		}
		line(r.label, r.cells)
	}
}

// pad pads s with spaces to w runes, on the left when right-aligned.
func pad(s string, w int, right bool) string {
	n := w - utf8.RuneCountInString(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// truncate shortens s to at most n runes, ending in "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// wrap breaks text into lines of at most width runes at spaces; a word
// longer than width stays whole on its own line.
func wrap(text string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
