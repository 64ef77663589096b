package report

import (
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/present"
	"github.com/tunecost/tunecost/uncertainty"
)

// writeMarkdownUncertainty writes the three uncertainty sections of a
// scenario with an analysis: the P10–P90 bands, what drives the cost (the
// tornado) and the break-even volumes. h is the heading marker.
func writeMarkdownUncertainty(sb *strings.Builder, s *Scenario, h string) {
	sum := s.Uncertainty
	if sum == nil || len(s.Result.Options) == 0 {
		return
	}
	sb.WriteString("\n" + h + " Uncertainty\n\n")
	if sum.MC == nil {
		sb.WriteString(escapeMarkdown(noRangesSentence) + "\n")
	} else {
		sb.WriteString(escapeMarkdown(monteCarloLine(sum.MC)) + "\n\n")
		writeMarkdownTable(sb, "", optionNames(&s.Result), monteCarloRows(s))
		writeFenced(sb, "text", bandLines(s, format.Sanitize, chartNameWidth))
		if sum.Defaults {
			sb.WriteString("\n" + escapeMarkdown(defaultRangesNote) + "\n")
		}
	}
	sb.WriteString("\n" + h + " What drives the cost\n\n")
	writeMarkdownTornado(sb, s)
	if len(sum.BreakEven) > 0 {
		sb.WriteString("\n" + h + " Break-even\n\n")
		for _, l := range present.BreakEvenSentences(s, escapeMarkdown) {
			sb.WriteString("- " + l + "\n")
		}
		sb.WriteString("\n" + escapeMarkdown(present.BreakEvenNote) + "\n")
	}
}

// writeMarkdownTornado writes the top swings of every option in one table,
// then each option's full tornado in a collapsed <details> block when it
// has more bars than the table shows.
func writeMarkdownTornado(sb *strings.Builder, s *Scenario) {
	sum, r := s.Uncertainty, &s.Result
	sb.WriteString(escapeMarkdown(tornadoSource(sum)) + " The inputs that move each option's total most:\n\n")
	var rows [][]string
	for i := range r.Options {
		for k, sw := range topOf(swingsOf(sum, i), topSwings) {
			opt := ""
			if k == 0 {
				opt = r.Options[i].Name
			}
			rows = append(rows, append([]string{opt, readableInput(sw.Label)}, swingCells(sw, r.Currency)...))
		}
	}
	if len(rows) == 0 {
		sb.WriteString("No input moves any option's total.\n")
	} else {
		writeGFMTable(sb, append([]string{"Option", "Input"}, swingHeader...), 2, rows)
	}
	if failures := tornadoFailures(s, escapeMarkdown); len(failures) > 0 {
		sb.WriteString("\n" + escapeMarkdown(tornadoFailuresIntro) + "\n\n")
		for _, l := range failures {
			sb.WriteString("- " + l + "\n")
		}
	}
	for i := range r.Options {
		all := swingsOf(sum, i)
		if len(all) <= len(topOf(all, topSwings)) {
			continue
		}
		sb.WriteString("\n<details>\n<summary>" + escapeHTML(r.Options[i].Name) + ": all " +
			strconv.Itoa(len(all)) + " inputs</summary>\n\n")
		writeGFMTable(sb, append([]string{"Input"}, swingHeader...), 1, swingRows(all, r.Currency))
		sb.WriteString("\n</details>\n")
	}
}

func swingRows(swings []uncertainty.Swing, currency string) [][]string {
	rows := make([][]string, 0, len(swings))
	for _, sw := range swings {
		rows = append(rows, append([]string{readableInput(sw.Label)}, swingCells(sw, currency)...))
	}
	return rows
}

// writeGFMTable writes a table whose first left columns are left-aligned
// and the rest right-aligned. Every header and cell is escaped here, and a
// short row is padded, so each row has the header's column count.
func writeGFMTable(sb *strings.Builder, header []string, left int, rows [][]string) {
	sb.WriteString("|")
	for _, c := range header {
		sb.WriteString(" " + escapeMarkdown(c) + " |")
	}
	sb.WriteString("\n|")
	for i := range header {
		if i < left {
			sb.WriteString("---|")
		} else {
			sb.WriteString("---:|")
		}
	}
	sb.WriteByte('\n')
	for _, r := range rows {
		sb.WriteString("|")
		for i := range header {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			sb.WriteString(" " + escapeMarkdown(c) + " |")
		}
		sb.WriteByte('\n')
	}
}

// writeFenced writes lines as a fenced code block. The fence is longer than
// any run of backticks in the lines, so no option name can close it early.
func writeFenced(sb *strings.Builder, info string, lines []string) {
	if len(lines) == 0 {
		return
	}
	longest, run := 0, 0
	for _, l := range lines {
		for _, c := range l {
			if c == '`' {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
		run = 0
	}
	fence := strings.Repeat("`", max(3, longest+1))
	sb.WriteString("\n" + fence + info + "\n")
	for _, l := range lines {
		sb.WriteString(l + "\n")
	}
	sb.WriteString(fence + "\n")
}
