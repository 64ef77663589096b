package views

import (
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/present"
)

// verdictLines say in words what the table shows, in the reports' words
// (package present): the cheapest option (★), the §9 line when errors
// reorder it (!) and every crossover (×), months counted from 1.
func verdictLines(r *model.Result) []string {
	out := []string{"★ " + present.Headline(r, clean, func(v float64) string { return money(v, r.Currency) })}
	if len(r.Options) == 0 {
		return out
	}
	out = append(out, qualityVerdict(r)...) // §9: errors reorder the cheapest
	out = append(out, spendLines(r)...)     // §9: spend and errors apart
	return append(out, crossoverLines(r)...)
}

// crossoverLines says, one line each, where one option's cumulative cost
// overtakes another's.
func crossoverLines(r *model.Result) []string {
	var out []string
	for _, c := range present.SortedCrossovers(r) {
		out = append(out, "× "+present.CrossoverSentence(r, c, clean))
	}
	return out
}

// optionIndex finds an option by name, -1 when absent.
func optionIndex(r *model.Result, name string) int {
	for i := range r.Options {
		if r.Options[i].Name == name {
			return i
		}
	}
	return -1
}
