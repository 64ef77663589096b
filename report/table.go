package report

import (
	"github.com/tunecost/tunecost/present"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// textTable lays rows out in fixed-width columns: the label column left-aligned,
// one right-aligned column per option, two spaces between columns. Cells must
// already be sanitized; widths count terminal cells.
type textTable struct {
	header []string      // option names, one per column
	rows   []present.Row // a row with no cells is a section heading
	// shorts are the options' short names and width the line's budget in
	// cells: when width > 0 the headers are present.Labels that fit it.
	shorts []string
	width  int
	// namedRows says the rows' labels are option names (the diff's
	// tables), shortened like headers when there is a width.
	namedRows bool
}

func (t *textTable) write(sb *strings.Builder) {
	labelW := 0
	widths := make([]int, len(t.header))
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
	if t.namedRows && t.width > 0 {
		labelW = t.nameRows(widths)
	} else if !t.namedRows {
		t.header = present.Labels(t.header, t.shorts, t.headerWidth(labelW, widths))
	}
	for i, h := range t.header {
		widths[i] = max(widths[i], cells(h))
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

// headerWidth is the most cells an option's header may take so the table
// fits t.width: an equal share of what the label column leaves, never less
// than the column's widest figure (a header is shortened, a figure never);
// 0 (no limit) without a width.
func (t *textTable) headerWidth(labelW int, widths []int) int {
	if t.width <= 0 || len(widths) == 0 {
		return 0
	}
	share := (t.width-labelW)/len(widths) - 2
	return max(share, slices.Min(widths), 6)
}

// nameRows shortens the rows' option names to what the figures leave of
// t.width (at least 12 cells) and returns the label column's width.
func (t *textTable) nameRows(widths []int) int {
	used := 0
	for i, w := range widths {
		used += 2 + max(w, cells(t.header[i])) // column titles stay whole
	}
	names := make([]string, len(t.rows))
	for i, r := range t.rows {
		names[i] = r.Label
	}
	labelW := 0
	for i, l := range present.Labels(names, nil, max(t.width-used, 12)) {
		t.rows[i].Label = l
		labelW = max(labelW, cells(l))
	}
	return labelW
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
