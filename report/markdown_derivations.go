package report

import (
	"strings"

	"github.com/tunecost/tunecost/model"
)

// headlineFigures are the derivations shown in the Markdown report, in order:
// the totals a reader questions first. Others stay in the JSON and the TUI.
var headlineFigures = []string{"total", "cost_per_1k", "marginal_per_1k", "training.cost",
	"serving.replica_gpus", "serving.replicas"}

// writeDerivations writes one option's headline derivations in a collapsed
// <details> block. The <summary> is raw HTML, where Markdown escapes do not
// apply, so the name is HTML-escaped there.
func writeDerivations(sb *strings.Builder, o *model.OptionResult, currency string) {
	sb.WriteString("\n<details>\n<summary>" + escapeHTML(o.Name) + "</summary>\n")
	for _, fig := range headlineFigures {
		d, ok := o.Derivation(fig)
		if !ok {
			continue
		}
		sb.WriteString("\n**" + escapeMarkdown(d.Label) + "** (" + escapeMarkdown(d.Formula) + "): " +
			escapeMarkdown(d.Expr) + "\n\n")
		for _, t := range d.Inputs {
			sb.WriteString("- " + escapeMarkdown(t.Name) + " = " + escapeMarkdown(unitValue(t.Value, t.Unit, currency)) + "\n")
		}
		sb.WriteString("- result = **" + escapeMarkdown(unitValue(d.Result, d.Unit, currency)) + "**\n")
	}
	sb.WriteString("\n</details>\n")
}
