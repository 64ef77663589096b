package report

import (
	"github.com/tunecost/tunecost/present"
	"strings"

	"github.com/tunecost/tunecost/format"
)

// writeTextUncertainty writes the plain-text uncertainty sections: the
// P10–P90 table and bands, the top swings of each option and the
// break-even volumes. Names are sanitized; nothing is written without an
// analysis.
func writeTextUncertainty(sb *strings.Builder, s *Scenario, width int) {
	sum, r := s.Uncertainty, &s.Result
	if sum == nil || len(r.Options) == 0 {
		return
	}
	sb.WriteString("\nUncertainty\n")
	if sum.MC == nil {
		writeWrapped(sb, noRangesSentence, "  ", "  ")
	} else {
		writeWrapped(sb, monteCarloLine(sum.MC), "  ", "  ")
		sb.WriteByte('\n')
		t := textTable{header: textNames(s), shorts: optionShorts(s), rows: monteCarloRows(s), width: width}
		t.write(sb)
		sb.WriteByte('\n')
		for _, l := range bandLines(s, format.Sanitize, chartWidth(width)) {
			sb.WriteString(l + "\n")
		}
		if sum.Defaults {
			writeWrapped(sb, defaultRangesNote, "  ", "  ")
		}
	}

	sb.WriteString("\nWhat drives the cost\n")
	writeWrapped(sb, tornadoSource(sum)+" The inputs that move each option's total most:", "  ", "  ")
	t := textTable{header: swingHeader}
	for i := range r.Options {
		top := topOf(swingsOf(sum, i), topSwings)
		if len(top) == 0 {
			continue
		}
		t.rows = append(t.rows, present.Row{Label: format.Sanitize(r.Options[i].Name)})
		for _, sw := range top {
			t.rows = append(t.rows, present.Row{Label: "  " + format.Sanitize(sw.Label), Cells: swingCells(sw, r.Currency)})
		}
	}
	if len(t.rows) == 0 {
		sb.WriteString("  No input moves any option's total.\n")
	} else {
		sb.WriteByte('\n')
		t.write(sb)
	}
	if failures := tornadoFailures(s, format.Sanitize); len(failures) > 0 {
		sb.WriteByte('\n')
		writeWrapped(sb, tornadoFailuresIntro, "  ", "  ")
		for _, l := range failures {
			writeWrapped(sb, l, "  - ", "    ")
		}
	}

	if len(sum.BreakEven) > 0 {
		sb.WriteString("\nBreak-even\n")
		for _, l := range present.BreakEvenSentences(s, format.Sanitize) {
			writeWrapped(sb, l, "  - ", "    ")
		}
		sb.WriteByte('\n')
		writeWrapped(sb, present.BreakEvenNote, "  ", "  ")
	}
}

// textNames are the option names as column headers, sanitized; the
// table shortens them (present.Labels) when it has a width.
func textNames(s *Scenario) []string {
	names := make([]string, len(s.Result.Options))
	for i, o := range s.Result.Options {
		names[i] = format.Sanitize(o.Name)
	}
	return names
}

// optionShorts are the options' short names, sanitized ("" where none).
func optionShorts(s *Scenario) []string {
	shorts := make([]string, len(s.Result.Options))
	for i, o := range s.Result.Options {
		for _, in := range s.Input.Options {
			if in.Name == o.Name {
				shorts[i] = format.Sanitize(in.ShortName)
			}
		}
	}
	return shorts
}

// chartWidth is the name budget of a chart's labels in a text report of
// width cells: whole names without a width, else what the bar and its
// figures (about 60 cells) leave.
func chartWidth(width int) int {
	if width <= 0 {
		return 0
	}
	return max(width-60, 8)
}

// writeWrapped wraps text to textWidth, the first line after first and the
// others after rest.
func writeWrapped(sb *strings.Builder, text, first, rest string) {
	for i, l := range wrap(text, textWidth-len(rest)) {
		if i == 0 {
			sb.WriteString(first + l + "\n")
		} else {
			sb.WriteString(rest + l + "\n")
		}
	}
}
