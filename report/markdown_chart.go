package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// writeMermaid writes a mermaid xychart-beta of each option's cumulative
// cost by month, one line per option in option order. xychart has no legend,
// so a sentence under the chart maps the lines to names and gives each
// line's final value, which also tells the lines apart.
func writeMermaid(sb *strings.Builder, r *model.Result) {
	cur := mermaidText(r.Currency)
	sb.WriteString("```mermaid\nxychart-beta\n")
	sb.WriteString("    title \"Cumulative cost (" + cur + "): " + mermaidText(r.Scenario) + "\"\n")
	sb.WriteString("    x-axis \"Month\" 1 --> " + strconv.Itoa(max(r.HorizonMonths, 1)) + "\n")
	sb.WriteString("    y-axis \"Cumulative cost (" + cur + ")\"\n")
	for i := range r.Options {
		sb.WriteString("    line [")
		for m, mo := range r.Options[i].Months {
			if m > 0 {
				sb.WriteString(", ")
			}
			// Whole units: the chart cannot show cents and the bytes stay short.
			sb.WriteString(strconv.FormatFloat(math.Round(mo.Cumulative), 'f', 0, 64))
		}
		sb.WriteString("]\n")
	}
	sb.WriteString("```\n\nLines in order: ")
	for i := range r.Options {
		o := &r.Options[i]
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(strconv.Itoa(i+1) + ". " + escapeMarkdown(o.Name) + " (ends at " +
			escapeMarkdown(format.MoneyShort(o.Total, r.Currency)) + ")")
	}
	sb.WriteString(".\n")
}
