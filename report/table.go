package report

import (
	"github.com/tunecost/tunecost/present"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// textTable lays rows out in fixed-width columns: the label column left-aligned,
// one right-aligned column per option, two spaces between columns. Cells must
// already be sanitized; widths count terminal cells.
type textTable struct {
	header []string      // option names, one per column
	rows   []present.Row // a row with no cells is a section heading
}

func (t *textTable) write(sb *strings.Builder) {
	labelW := 0
	widths := make([]int, len(t.header))
	for i, h := range t.header {
		widths[i] = cells(h)
	}
	for _, r := range t.rows {
		if len(r.Cells) == 0 {
			continue
		}
		labelW = max(labelW, cells(r.Label))
		for i, c := range r.Cells {
			if i < len(widths) {
				widths[i] = max(widths[i], cells(c))
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
		if len(r.Cells) == 0 {
			sb.WriteString(r.Label + "\n")
			continue
		}
		line(r.Label, r.Cells)
	}
}

// pad pads s with spaces to w cells, on the left when right-aligned.
func pad(s string, w int, right bool) string {
	n := w - cells(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// truncate shortens s to at most n cells, ending in "…" when cut.
func truncate(s string, n int) string {
	if cells(s) <= n {
		return s
	}
	return ansi.Truncate(s, n, "…")
}

// cells is how many terminal columns s takes: a CJK character or an emoji
// takes two, so tables stay aligned whatever the names' script.
func cells(s string) int { return ansi.StringWidth(s) }

// wrap breaks text into lines of at most width cells at spaces; a word
// longer than width stays whole on its own line.
func wrap(text string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		switch {
		case cur == "":
			cur = w
		case cells(cur)+1+cells(w) <= width:
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
