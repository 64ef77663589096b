package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
)

// diffColumns head the table of moved figures, one row per option.
var diffColumns = []string{"Total before", "Total after", "Change", "Per 1k before", "Per 1k after", "Change"}

// diffCells are one option's cells under diffColumns, unescaped.
func diffCells(d *DiffResult, o *OptionDiff) []string {
	oldM := func(v float64) string { return format.Money(v, d.OldCurrency) }
	newM := func(v float64) string { return format.Money(v, d.NewCurrency) }
	switch o.Status {
	case OptionNew:
		return []string{"—", newM(o.NewTotal), "new", "—", newM(o.NewPer1k), "new"}
	case OptionRemoved:
		return []string{oldM(o.OldTotal), "—", "removed", oldM(o.OldPer1k), "—", "removed"}
	}
	return []string{oldM(o.OldTotal), newM(o.NewTotal), moveText(o.TotalMove(), d.NewCurrency),
		oldM(o.OldPer1k), newM(o.NewPer1k), moveText(o.Per1kMove(), d.NewCurrency)}
}

// moveText is a signed change: "+$2,912 (+3.3%)", "-$0.17 (-3.4%)", "no change".
func moveText(m Move, currency string) string {
	if m.Abs == 0 {
		return "no change"
	}
	s := format.Money(m.Abs, currency)
	if m.Abs > 0 {
		s = "+" + s
	}
	if m.HasPct {
		p := format.Percent(m.Pct)
		if m.Pct > 0 {
			p = "+" + p
		}
		s += " (" + p + ")"
	}
	return s
}

// changeLabel names a change in one phrase: "workload.queries_per_month",
// `option "RAG".top_k`.
func changeLabel(c *Change) string {
	if c.Option == "" {
		return c.Field
	}
	return "option " + strconv.Quote(c.Option) + "." + strings.TrimPrefix(c.Field, "option.")
}

// changeOption names a change's option for people: "(scenario)" when none.
func changeOption(c *Change) string {
	if c.Option == "" {
		return "(scenario)"
	}
	return c.Option
}

// DiffMarkdown writes a diff as GitHub-flavoured Markdown for a pull
// request: how each option's figures moved, then the changed assumptions.
// File text is escaped as in Markdown.
func DiffMarkdown(w io.Writer, d DiffResult) error {
	var sb strings.Builder
	sb.WriteString(strings.TrimSpace("# Cost change: "+escapeMarkdown(d.NewName)) + "\n")
	if d.OldName != d.NewName {
		sb.WriteString("\nRenamed from " + escapeMarkdown(d.OldName) + ".\n")
	}
	sb.WriteString("\n## Options\n\n")
	rows := make([]row, len(d.Options))
	for i := range d.Options {
		rows[i] = row{label: d.Options[i].Name, cells: diffCells(&d, &d.Options[i])}
	}
	writeMarkdownTable(&sb, "Option", diffColumns, rows)
	sb.WriteString("\n## Changed assumptions\n\n")
	if len(d.Changes) == 0 {
		sb.WriteString("No input changed.\n")
	} else {
		sb.WriteString("| Input | Option | Before | After |\n|---|---|---:|---:|\n")
		for i := range d.Changes {
			c := &d.Changes[i]
			sb.WriteString("| " + escapeMarkdown(c.Field) + " | " + escapeMarkdown(changeOption(c)) + " | " +
				escapeMarkdown(c.Old) + " | " + escapeMarkdown(c.New) + " |\n")
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// DiffText writes a diff as plain text for a terminal or a log; file text
// is sanitized.
func DiffText(w io.Writer, d DiffResult) error {
	var sb strings.Builder
	title := "Cost change: " + format.Sanitize(d.NewName)
	sb.WriteString(title + "\n" + strings.Repeat("=", min(cells(title), textWidth)) + "\n")
	if d.OldName != d.NewName {
		sb.WriteString("Renamed from " + format.Sanitize(d.OldName) + ".\n")
	}
	sb.WriteByte('\n')
	t := textTable{header: diffColumns}
	for i := range d.Options {
		o := &d.Options[i]
		t.rows = append(t.rows, row{label: truncate(format.Sanitize(o.Name), textNameWidth), cells: diffCells(&d, o)})
	}
	t.write(&sb)
	sb.WriteString("\nChanged assumptions\n")
	if len(d.Changes) == 0 {
		sb.WriteString("  No input changed.\n")
	}
	for i := range d.Changes {
		c := &d.Changes[i]
		sb.WriteString("  " + format.Sanitize(changeLabel(c)) + ": " +
			format.Sanitize(c.Old) + " → " + format.Sanitize(c.New) + "\n")
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
