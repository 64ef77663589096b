package report

import (
	"github.com/tunecost/tunecost/present"
	"io"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// Markdown writes the comparison as one GitHub-flavoured Markdown document
// for a pull request or a budget review: per scenario the verdict, the
// options side by side, the cost by category, a mermaid chart of cumulative
// cost, the uncertainty (bands, what drives the cost, break-even volumes)
// when it was analysed, the assumptions, the warnings and the derivations
// of the headline figures. Every string from a file is escaped (escapeMarkdown), so a name
// cannot break a table or inject markup. The bytes depend only on the input.
func Markdown(w io.Writer, scenarios []Scenario) error {
	var sb strings.Builder
	switch len(scenarios) {
	case 0:
		sb.WriteString("# Cost comparison\n\nNo scenarios.\n")
	case 1:
		s := &scenarios[0]
		sb.WriteString(strings.TrimSpace("# Cost comparison: "+escapeMarkdown(s.Result.Scenario)) + "\n")
		writeMarkdownScenario(&sb, s, "##")
	default:
		sb.WriteString("# Cost comparison\n")
		for i := range scenarios {
			s := &scenarios[i]
			sb.WriteString("\n" + strings.TrimSpace("## "+escapeMarkdown(s.Result.Scenario)) + "\n")
			writeMarkdownScenario(&sb, s, "###")
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// writeMarkdownScenario writes one scenario's body; h is the heading marker
// of its subsections.
func writeMarkdownScenario(sb *strings.Builder, s *Scenario, h string) {
	r := &s.Result
	sb.WriteString("\n" + escapeMarkdown(s.DisplayFile()) + " · " + format.Months(r.HorizonMonths) + " · " +
		format.Number(r.TotalQueries, 0) + " queries · " + escapeMarkdown(r.Currency) + "\n")
	if d := format.Sanitize(s.Input.Description); strings.TrimSpace(d) != "" {
		sb.WriteString("\n" + escapeMarkdown(d) + "\n")
	}
	money := func(v float64) string { return escapeMarkdown(format.Money(v, r.Currency)) }
	sb.WriteString("\n**Verdict.** " + present.Verdict(s, escapeMarkdown, money) + "\n")
	if len(r.Options) > 0 {
		sb.WriteString("\n" + h + " Options\n\n")
		writeMarkdownTable(sb, "", optionNames(r), present.SummaryRows(s))
		sb.WriteString("\n" + h + " Cost by category over " + format.Months(r.HorizonMonths) + "\n\n")
		writeMarkdownTable(sb, "Category", optionNames(r), present.CategoryRows(s))
		sb.WriteString("\n" + h + " Cumulative cost\n\n")
		writeMermaid(sb, r)
		writeMarkdownUncertainty(sb, s, h)
	}
	sb.WriteString("\n" + h + " Assumptions\n\n")
	writeAssumptions(sb, s)
	if lines := warningLines(s, escapeMarkdown); len(lines) > 0 {
		sb.WriteString("\n" + h + " Warnings\n\n")
		for _, l := range lines {
			sb.WriteString("- " + l + "\n")
		}
	}
	if len(r.Options) > 0 {
		sb.WriteString("\n" + h + " How the headline figures are derived\n")
		for i := range r.Options {
			writeDerivations(sb, &r.Options[i], r.Currency)
		}
	}
	sb.WriteString("\nMonths count from 1: month 1 is the first month of the horizon.\n")
	writeMarkdownPrices(sb, s, h)
}

// optionNames are the escaped option names, for table headers.
func optionNames(r *model.Result) []string {
	names := make([]string, len(r.Options))
	for i := range r.Options {
		names[i] = escapeMarkdown(r.Options[i].Name)
	}
	return names
}

// writeMarkdownTable writes a GFM table: a label column, then one
// right-aligned column per option. Cells are escaped here; header names
// must be escaped already.
func writeMarkdownTable(sb *strings.Builder, corner string, header []string, rows []present.Row) {
	sb.WriteString("| " + corner + " |")
	for _, h := range header {
		sb.WriteString(" " + h + " |")
	}
	sb.WriteString("\n|---|")
	for range header {
		sb.WriteString("---:|")
	}
	sb.WriteByte('\n')
	for _, r := range rows {
		sb.WriteString("| " + escapeMarkdown(r.Label) + " |")
		for _, c := range r.Cells {
			sb.WriteString(" " + escapeMarkdown(c) + " |")
		}
		sb.WriteByte('\n')
	}
}
