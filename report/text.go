package report

import (
	"fmt"
	"github.com/tunecost/tunecost/present"
	"io"
	"strings"

	"github.com/tunecost/tunecost/format"
)

// textWidth is the width the verdict is wrapped to; tables take what they need.
const textWidth = 78

// chartNameWidth caps an option name before a chart's bar (the Markdown
// export's code blocks and the text report at no width): present.Labels
// keeps the capped names apart.
const chartNameWidth = 32

// Text writes the readable plain-text comparison printed when stdout is not
// a terminal: per scenario a title, the verdict, one table with a column per
// option (headline figures, then cost by category), the uncertainty when it
// was analysed, and the warnings. Every
// string that came from a file goes through format.Sanitize, so a hostile
// name cannot drive the terminal.
func Text(w io.Writer, scenarios []Scenario) error { return TextWidth(w, scenarios, 0) }

// TextWidth is Text with the tables' option names shortened to fit width
// cells (present.Labels); 0 keeps every name whole, as piped output wants.
func TextWidth(w io.Writer, scenarios []Scenario, width int) error {
	var sb strings.Builder
	if len(scenarios) == 0 {
		sb.WriteString("No scenarios.\n")
	}
	for i := range scenarios {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		writeTextScenario(&sb, &scenarios[i], width)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func writeTextScenario(sb *strings.Builder, s *Scenario, width int) {
	r := &s.Result
	title := format.Sanitize(r.Scenario) + " — " + format.Sanitize(s.DisplayFile())
	sb.WriteString(title + "\n")
	sb.WriteString(strings.Repeat("=", min(cells(title), textWidth)) + "\n\n")

	money := func(v float64) string { return format.Money(v, r.Currency) }
	for _, l := range wrap(present.Verdict(s, format.Sanitize, money), textWidth) {
		sb.WriteString(l + "\n")
	}
	if len(r.Options) == 0 {
		writeTextWarnings(sb, s)
		return
	}
	sb.WriteByte('\n')

	t := textTable{header: textNames(s), shorts: optionShorts(s), width: width}
	t.rows = append(t.rows, present.SummaryRows(s)...)
	t.rows = append(t.rows, present.Row{Label: ""}, present.Row{Label: "Cost by category over " + format.Months(r.HorizonMonths)})
	t.rows = append(t.rows, present.CategoryRows(s)...)
	t.write(sb)
	writeTextUncertainty(sb, s, width)
	writeTextConversions(sb, s)

	writeTextWarnings(sb, s)
	sb.WriteString("\nMonths count from 1: month 1 is the first month of the horizon.\n")
}

func writeTextWarnings(sb *strings.Builder, s *Scenario) {
	lines := warningLines(s, format.Sanitize)
	if len(lines) == 0 {
		return
	}
	sb.WriteString("\nWarnings\n")
	for _, l := range lines {
		sb.WriteString("  - " + l + "\n")
	}
}

// warningLines lists the scenario's warnings, then each option's prefixed by
// its name unless the warning names the option itself (a checker's warning
// reads `option "NAME": …`; the prefix doubled the name), with file text
// rendered by name.
func warningLines(s *Scenario, name func(string) string) []string {
	var out []string
	for _, d := range s.Warnings {
		out = append(out, name(d.String()))
	}
	for i := range s.Result.Options {
		o := &s.Result.Options[i]
		for _, w := range o.Warnings {
			text := w.String()
			if strings.Contains(text, fmt.Sprintf("option %q", o.Name)) {
				out = append(out, name(text))
				continue
			}
			out = append(out, name(o.Name)+": "+name(text))
		}
	}
	return out
}

// writeTextConversions is the text report's "Prices used" when a sheet's
// prices were converted into the scenario's currency: the rate and its date.
func writeTextConversions(sb *strings.Builder, s *Scenario) {
	lines := conversionLines(&s.Result, format.Sanitize)
	if len(lines) == 0 {
		return
	}
	sb.WriteString("\nPrices used, converted into " + format.Sanitize(s.Result.Currency) + "\n")
	for _, l := range lines {
		sb.WriteString("  - " + l + "\n")
	}
}
