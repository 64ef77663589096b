package present

import (
	"testing"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// TestHeadline: b costs 1,000 and a 1,500 over 12 months; b leads by 500,
// which is 500 / 1,500 = 33.3 % of the runner-up's total. Their cumulative
// costs cross in month index 3, where a (600 against 500) has just become
// the dearer: "month 4" for people.
func TestHeadline(t *testing.T) {
	id := func(s string) string { return s }
	money := func(v float64) string { return format.Money(v, "USD") }
	r := &model.Result{HorizonMonths: 12, Cheapest: 1, Options: []model.OptionResult{
		{Name: "a", Total: 1500}, {Name: "b", Total: 1000},
	}, Crossovers: []model.Crossover{{A: "a", B: "b", Month: 3}}}
	r.Options[0].SetMonths([]model.Month{{Cumulative: 100}, {Cumulative: 200}, {Cumulative: 300}, {Cumulative: 600}})
	r.Options[1].SetMonths([]model.Month{{Cumulative: 400}, {Cumulative: 450}, {Cumulative: 480}, {Cumulative: 500}})
	want := "b is the cheapest option over 12 months at " + money(1000) + ", " + money(500) + " (33.3%) less than a (" + money(1500) + ")."
	if got := Headline(r, id, money); got != want {
		t.Errorf("Headline:\n got %q\nwant %q", got, want)
	}
	if got, want := CrossoverWords(r, id), "Crossovers: a's cumulative cost overtakes b's in month 4."; got != want {
		t.Errorf("CrossoverWords = %q, want %q", got, want)
	}
	r.Options[0].Total = 1000
	r.Cheapest = 0
	if got, want := Headline(r, id, money), "a and b tie as the cheapest options at "+money(1000)+" over 12 months."; got != want {
		t.Errorf("tie: %q, want %q", got, want)
	}
	if got := Headline(&model.Result{}, id, money); got != "The scenario has no options to compare." {
		t.Errorf("no options: %q", got)
	}
}
