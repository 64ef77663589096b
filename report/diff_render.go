package report

import (
	"github.com/tunecost/tunecost/present"
	"io"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
)

// nothingChanged is the whole story of a diff of two equal versions.
const nothingChanged = "Nothing changed: the same inputs, ranges, options and prices give the same totals."

// textTotalColumns are totalColumns narrowed for an 80-column terminal:
// the cost per 1k queries before → after in one column.
var textTotalColumns = []string{"Total before", "Total after", "Total change", "Per 1k before → after"}

// textTotalCells are one option's cells under textTotalColumns.
// optionTable is a text table of the diff's options, a row each: the name,
// then cells(o).
func optionTable(d *DiffResult, header []string, cells func(*DiffResult, *OptionDiff) []string) textTable {
	t := textTable{header: header, namedRows: true, width: d.Width}
	for i := range d.Options {
		o := &d.Options[i]
		t.rows = append(t.rows, present.Row{Label: format.Sanitize(o.Name), Cells: cells(d, o)})
	}
	return t
}

func textTotalCells(d *DiffResult, o *OptionDiff) []string {
	c := totalCells(d, o)
	per1k := c[3] + " → " + c[4]
	switch o.Status {
	case OptionNew:
		per1k = "— → " + c[4]
	case OptionRemoved:
		per1k = c[3] + " → —"
	}
	return []string{c[0], c[1], c[2], per1k}
}

// spendColumns split each total into money spent and the modelled cost of
// errors (F26), before → after, when either side models quality.
var spendColumns = []string{"Spend before → after", "Cost of errors before → after"}

// spendCells are one option's cells under spendColumns.
func spendCells(d *DiffResult, o *OptionDiff) []string {
	side := func(total float64, errs *float64, cur string, present bool) (string, string) {
		switch {
		case !present:
			return "—", "—"
		case errs == nil:
			return format.Money(total, cur), "—"
		}
		return format.Money(total-*errs, cur), format.Money(*errs, cur)
	}
	os, oe := side(o.OldTotal, o.OldErrors, d.OldCurrency, o.Status != OptionNew)
	ns, ne := side(o.NewTotal, o.NewErrors, d.NewCurrency, o.Status != OptionRemoved)
	return []string{os + " → " + ns, oe + " → " + ne}
}

// riskColumns head the Monte Carlo table, one row per option.
var riskColumns = []string{"P50 before → after", "P90 before → after", "Chance cheapest before → after"}

// totalCells are one option's cells: total before, after, change, per 1k
// before, after, change; unescaped.
func totalCells(d *DiffResult, o *OptionDiff) []string {
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

// riskCells are one option's cells under riskColumns, unescaped; "—" on a
// side without ranges or without the option.
func riskCells(d *DiffResult, o *OptionDiff) []string {
	money := func(r *Risk, cur string, v func(*Risk) float64) string {
		if r == nil {
			return "—"
		}
		return format.MoneyShort(v(r), cur)
	}
	pct := func(r *Risk) string {
		if r == nil {
			return "—"
		}
		return format.Percent(r.PCheapest)
	}
	p50 := func(r *Risk) float64 { return r.P50 }
	p90 := func(r *Risk) float64 { return r.P90 }
	return []string{
		money(o.OldRisk, d.OldCurrency, p50) + " → " + money(o.NewRisk, d.NewCurrency, p50),
		money(o.OldRisk, d.OldCurrency, p90) + " → " + money(o.NewRisk, d.NewCurrency, p90),
		pct(o.OldRisk) + " → " + pct(o.NewRisk),
	}
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
		switch {
		case m.Pct > 0 && !strings.HasPrefix(p, "+"):
			p = "+" + p
		case m.Pct < 0 && !strings.HasPrefix(p, "-"): // -0.04 % rounds to "0.0%": keep the sign of the amount
			p = "-" + p
		}
		s += " (" + p + ")"
	}
	return s
}

// summaryLine is the diff in one line, unescaped: the cheapest option
// before and after, then each option's change of total.
// "Cheapest: rag → lora. Totals: lora -$3,000 (-3.4%); rag +$8.00 (+0.1%); old removed, was $9.00."
func summaryLine(d *DiffResult) string { return cheapestPhrase(d) + " " + totalsPhrase(d) }

func cheapestPhrase(d *DiffResult) string {
	if d.CheapestKept && d.OldCheapest == d.NewCheapest {
		return "Cheapest: " + d.NewCheapest + " (unchanged)."
	}
	s := "Cheapest: " + orNone(d.OldCheapest) + " → " + orNone(d.NewCheapest)
	if d.CheapestKept {
		s += " (the same option, renamed)"
	}
	return s + "."
}

func totalsPhrase(d *DiffResult) string {
	var sb strings.Builder
	sb.WriteString("Totals: ")
	for i := range d.Options {
		o := &d.Options[i]
		if i > 0 {
			sb.WriteString("; ")
		}
		sb.WriteString(o.Name)
		switch o.Status {
		case OptionNew:
			sb.WriteString(" new, " + format.Money(o.NewTotal, d.NewCurrency))
		case OptionRemoved:
			sb.WriteString(" removed, was " + format.Money(o.OldTotal, d.OldCurrency))
		case OptionRenamed:
			sb.WriteString(" (was " + o.OldName + ") " + moveText(o.TotalMove(), d.NewCurrency))
		default:
			sb.WriteString(" " + moveText(o.TotalMove(), d.NewCurrency))
		}
	}
	sb.WriteString(".")
	return sb.String()
}

func orNone(name string) string {
	if name == "" {
		return "(none)"
	}
	return name
}

// detailCount says what the details hold: "2 changed inputs, 1 changed price".
func detailCount(d *DiffResult) string {
	n := func(k int, one string) string {
		switch k {
		case 0:
			return "no changed " + one + "s"
		case 1:
			return "1 changed " + one
		}
		return strconv.Itoa(k) + " changed " + one + "s"
	}
	return n(len(d.Changes), "input") + ", " + n(len(d.Prices), "price")
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

// DiffMarkdown writes a diff as GitHub-flavoured Markdown for a pull-request
// comment: the summary first (cheapest before → after, each option's total
// change, and the Monte Carlo figures when there are ranges), then the
// detail folded in <details>. File text is escaped as in Markdown.
func DiffMarkdown(w io.Writer, d DiffResult) error {
	var sb strings.Builder
	sb.WriteString(strings.TrimSpace("### Cost change: "+escapeMarkdown(d.NewName)) + "\n\n")
	writeDiffMarkdownBody(&sb, &d)
	_, err := io.WriteString(w, sb.String())
	return err
}

// writeDiffMarkdownBody is one diff below its heading: the summary, the
// risk table when ranged, then the detail folded.
func writeDiffMarkdownBody(sb *strings.Builder, dp *DiffResult) {
	d := *dp
	if d.Same() {
		sb.WriteString(nothingChanged + "\n")
		return
	}
	if d.OldName != d.NewName {
		sb.WriteString("Renamed from " + escapeMarkdown(d.OldName) + ".\n\n")
	}
	sb.WriteString("**" + escapeMarkdown(cheapestPhrase(&d)) + "** " + escapeMarkdown(totalsPhrase(&d)) + "\n")
	if d.Ranged {
		sb.WriteString("\nRisk (Monte Carlo over the ranges):\n\n")
		rows := make([]present.Row, len(d.Options))
		for i := range d.Options {
			rows[i] = present.Row{Label: d.Options[i].Name, Cells: riskCells(&d, &d.Options[i])}
		}
		writeMarkdownTable(sb, "Option", riskColumns, rows)
	}
	sb.WriteString("\n<details><summary>Details: " + detailCount(&d) + "; totals and cost per 1k queries</summary>\n\n")
	sb.WriteString("#### Totals\n\n")
	// Five columns, as in the text: seven wrapped option names onto three
	// lines at a pull-request comment's width.
	rows := make([]present.Row, len(d.Options))
	for i := range d.Options {
		rows[i] = present.Row{Label: d.Options[i].Name, Cells: textTotalCells(&d, &d.Options[i])}
	}
	writeMarkdownTable(sb, "Option", textTotalColumns, rows)
	if d.quality() {
		sb.WriteString("\n#### Spend and the cost of errors\n\n")
		for i := range d.Options {
			rows[i] = present.Row{Label: d.Options[i].Name, Cells: spendCells(&d, &d.Options[i])}
		}
		writeMarkdownTable(sb, "Option", spendColumns, rows)
		if d.SpendSplit != "" {
			sb.WriteString("\n" + escapeMarkdown(d.SpendSplit) + "\n")
		}
	}
	sb.WriteString("\n#### Changed assumptions\n\n")
	writeMarkdownChanges(sb, d.Changes, "No input changed.")
	sb.WriteString("\n#### Prices\n\n")
	writeDiffMarkdownPrices(sb, d.Prices)
	sb.WriteString("\n</details>\n")
}

func writeMarkdownChanges(sb *strings.Builder, changes []Change, none string) {
	if len(changes) == 0 {
		sb.WriteString(none + "\n")
		return
	}
	sb.WriteString("| Input | Option | Before | After |\n|:---|:---|:---|:---|\n")
	for i := range changes {
		c := &changes[i]
		sb.WriteString("| " + escapeMarkdown(c.Field) + " | " + escapeMarkdown(changeOption(c)) + " | " +
			escapeMarkdown(orDash(c.Old)) + " | " + escapeMarkdown(orDash(c.New)) + " |\n")
	}
}

func writeDiffMarkdownPrices(sb *strings.Builder, prices []Change) {
	if len(prices) == 0 {
		sb.WriteString("No price changed.\n")
		return
	}
	sb.WriteString("| Price | Before | After |\n|:---|:---|:---|\n")
	for i := range prices {
		c := &prices[i]
		sb.WriteString("| " + escapeMarkdown(c.Field) + " | " + escapeMarkdown(orDash(c.Old)) + " | " + escapeMarkdown(orDash(c.New)) + " |\n")
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// DiffText writes a diff as plain text for a terminal or a log: the
// summary line first, then the detail. File text is sanitized.
func DiffText(w io.Writer, d DiffResult) error {
	var sb strings.Builder
	title := "Cost change: " + format.Sanitize(d.NewName)
	sb.WriteString(title + "\n" + strings.Repeat("=", min(cells(title), textWidth)) + "\n")
	if d.Same() {
		sb.WriteString(nothingChanged + "\n")
		_, err := io.WriteString(w, sb.String())
		return err
	}
	if d.OldName != d.NewName {
		sb.WriteString("Renamed from " + format.Sanitize(d.OldName) + ".\n")
	}
	sb.WriteString(format.Sanitize(summaryLine(&d)) + "\n")
	if d.Ranged {
		sb.WriteString("\nRisk (Monte Carlo over the ranges)\n")
		rt := optionTable(&d, riskColumns, riskCells)
		rt.write(&sb)
	}
	sb.WriteString("\nTotals\n")
	tt := optionTable(&d, textTotalColumns, textTotalCells)
	tt.write(&sb)
	if d.quality() {
		sb.WriteString("\nSpend and the cost of errors\n")
		st := optionTable(&d, spendColumns, spendCells)
		st.write(&sb)
		if d.SpendSplit != "" {
			for _, l := range wrap(format.Sanitize(d.SpendSplit), textWidth) {
				sb.WriteString(l + "\n")
			}
		}
	}
	writeTextChanges(&sb, "Changed assumptions", d.Changes, "No input changed.")
	writeTextChanges(&sb, "Prices", d.Prices, "No price changed.")
	_, err := io.WriteString(w, sb.String())
	return err
}

func writeTextChanges(sb *strings.Builder, title string, changes []Change, none string) {
	sb.WriteString("\n" + title + "\n")
	if len(changes) == 0 {
		sb.WriteString("  " + none + "\n")
	}
	for i := range changes {
		c := &changes[i]
		sb.WriteString("  " + format.Sanitize(changeLabel(c)) + ": " +
			format.Sanitize(orDash(c.Old)) + " → " + format.Sanitize(orDash(c.New)) + "\n")
	}
}
