package report

import (
	"slices"
	"strings"

	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
)

// headlineFigures are the derivations shown in the Markdown report, in order:
// the totals a reader questions first, then the memory and speed terms of
// cost model v2 (per-GPU memory and its parts, Nact and Tact of a mixture of
// experts, the weights, the weights read per step, the step). Others stay in
// the JSON and the TUI.
var headlineFigures = []string{"total", "cost_per_1k", "marginal_per_1k", "training.cost", "training.hours",
	"training.memory_per_gpu_gb", "training.states_gb", "training.activations_gb", "training.active_params", "training.active_trainable_params",
	"serving.replica_gpus", "serving.weights_gb", "serving.weights_read_gb", "serving.step_seconds", "serving.replicas"}

// writeDerivations writes one option's headline derivations in a collapsed
// <details> block. The <summary> is raw HTML, where Markdown escapes do not
// apply, so the name is HTML-escaped there.
func writeDerivations(sb *strings.Builder, o *model.OptionResult, currency string) {
	sb.WriteString("\n<details>\n<summary>" + escapeHTML(o.Name) + "</summary>\n")
	all := o.Derivations() // one replay of the option's formulas, not one per figure
	for _, fig := range headlineFigures {
		i := slices.IndexFunc(all, func(d model.Derivation) bool { return d.Figure == fig })
		if i < 0 {
			continue
		}
		d := &all[i]
		sb.WriteString("\n**" + escapeMarkdown(d.Label) + "** (" + escapeMarkdown(d.Formula) + "): " +
			escapeMarkdown(d.Expr) + "\n\n")
		for _, t := range d.Inputs {
			sb.WriteString("- " + escapeMarkdown(t.Name) + " = " + escapeMarkdown(present.Quantity(t.Value, t.Unit, currency)) + "\n")
		}
		sb.WriteString("- result = **" + escapeMarkdown(present.Quantity(d.Result, d.Unit, currency)) + "**\n")
	}
	sb.WriteString("\n</details>\n")
}
