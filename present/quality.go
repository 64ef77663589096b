package present

import (
	"strconv"

	"github.com/tunecost/tunecost/model"
)

// CadenceText says a re-tune cadence as people do: "never", "every month",
// "every 4 months".
func CadenceText(every int) string {
	switch every {
	case 0:
		return "never"
	case 1:
		return "every month"
	}
	return "every " + strconv.Itoa(every) + " months"
}

// QualityVerdict is the verdict's §9 sentence: when the option with the
// lowest cost without errors is not the cheapest once errors count (F26).
func QualityVerdict(r *model.Result, name func(string) string, money func(float64) string) string {
	if !r.QualityModelled || r.CheapestWithoutErrors == r.Cheapest ||
		r.CheapestWithoutErrors < 0 || r.CheapestWithoutErrors >= len(r.Options) {
		return ""
	}
	lean, best := &r.Options[r.CheapestWithoutErrors], &r.Options[r.Cheapest]
	errs := 0.0
	if lean.Quality != nil {
		errs = lean.Quality.Errors
	}
	return "Without the cost of errors " + name(lean.Name) + " would be the cheapest, but its bad answers cost " +
		money(errs) + ", so " + name(best.Name) + " is cheaper once errors are counted."
}

// SpendSplit is the verdict's §9 split (F26): the cheapest option's total
// as money spent plus the modelled cost of its bad answers, and which of
// the two decides the verdict against the runner-up — the larger of its two
// leads (a lead is what the runner-up pays more). "" without quality.
func SpendSplit(r *model.Result, name func(string) string, money func(float64) string) string {
	if !r.QualityModelled || len(r.Options) == 0 {
		return ""
	}
	best := Best(r)
	b := r.Options[best].Quality
	if b == nil {
		return ""
	}
	text := name(r.Options[best].Name) + "'s total is " + money(b.CostWithoutErrors) + " spent plus " +
		money(b.Errors) + " of modelled errors (per 1k queries: " + money(b.SpendPer1k) + " spent, " + money(b.ErrorsPer1k) + " errors)."
	ru := runnerUp(r.Options, best)
	if ru < 0 || r.Options[ru].Quality == nil {
		return text
	}
	q := r.Options[ru].Quality
	spendLead, errLead := q.CostWithoutErrors-b.CostWithoutErrors, q.Errors-b.Errors
	decider := "Money spent"
	if errLead > spendLead {
		decider = "The cost of errors"
	}
	return text + " " + decider + " decides the verdict: against " + name(r.Options[ru].Name) + " it " +
		lead(spendLead, "spends", money) + " and its errors " + lead(errLead, "cost", money) + "."
}

// lead says a difference the runner-up pays more: "spends $3,597,122 less".
func lead(d float64, verb string, money func(float64) string) string {
	switch {
	case d > 0:
		return verb + " " + money(d) + " less"
	case d < 0:
		return verb + " " + money(-d) + " more"
	}
	if verb == "cost" {
		return "cost the same"
	}
	return verb + " the same"
}
