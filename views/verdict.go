package views

import (
	"slices"

	"github.com/tunecost/tunecost/model"
)

// verdictLines say in words what the table shows: the cheapest option and
// every crossover, phrased as the text report phrases them (months counted
// from 1 for people).
func verdictLines(r *model.Result) []string {
	if len(r.Options) == 0 {
		return []string{"The scenario has no options to compare."}
	}
	best := r.Cheapest
	if best < 0 || best >= len(r.Options) {
		best = 0
	}
	b := &r.Options[best]
	horizon := plural(float64(r.HorizonMonths), "month")
	var out []string
	if len(r.Options) == 1 {
		out = append(out, "★ "+clean(b.Name)+" is the only option: "+money(b.Total, r.Currency)+" over "+horizon+".")
	} else {
		next := -1
		for i := range r.Options {
			if i != best && (next < 0 || r.Options[i].Total < r.Options[next].Total) {
				next = i
			}
		}
		n := &r.Options[next]
		if gap := n.Total - b.Total; gap == 0 {
			out = append(out, "★ "+clean(b.Name)+" and "+clean(n.Name)+" tie as the cheapest at "+money(b.Total, r.Currency)+" over "+horizon+".")
		} else {
			out = append(out, "★ "+clean(b.Name)+" is the cheapest over "+horizon+" at "+money(b.Total, r.Currency)+
				", "+money(gap, r.Currency)+" less than "+clean(n.Name)+".")
		}
	}
	out = append(out, qualityVerdict(r)...) // §9: errors reorder the cheapest
	for _, c := range sortedCrossovers(r) {
		out = append(out, "× "+crossoverText(r, c))
	}
	return out
}

func sortedCrossovers(r *model.Result) []model.Crossover {
	cs := slices.Clone(r.Crossovers)
	slices.SortStableFunc(cs, func(a, b model.Crossover) int { return a.Month - b.Month })
	return cs
}

// crossoverText: "rag's cumulative cost overtakes lora's in month 16", naming
// first the option that has just become the more expensive.
func crossoverText(r *model.Result, c model.Crossover) string {
	up, down := c.A, c.B
	if a, b := cumulativeOf(r, c.A, c.Month), cumulativeOf(r, c.B, c.Month); a <= b {
		up, down = c.B, c.A
	}
	return clean(up) + "'s cumulative cost overtakes " + clean(down) + "'s in " + monthName(c.Month)
}

func cumulativeOf(r *model.Result, name string, m int) float64 {
	for i := range r.Options {
		if o := &r.Options[i]; o.Name == name && m >= 0 && m < len(o.Months) {
			return o.Months[m].Cumulative
		}
	}
	return 0
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
