package present

import (
	"sort"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
	"github.com/tunecost/tunecost/uncertainty"
)

// This file turns the break-even volumes into sentences for the reports,
// the planner's Risk screen and the verdict. name renders a file-originated name for
// the target format; the sentences are otherwise plain.

// BreakEvenNote says what the volumes are: the first month's, since growth
// applies on top of workload.queries_per_month.
const BreakEvenNote = "Volumes are workload.queries_per_month, the first month's volume; monthly growth applies on top. " +
	"A break-even is where the totals over the horizon are equal."

// BreakEvenSentences states every pair's break-even in SortedBreakEvens'
// order.
func BreakEvenSentences(s *Scenario, name func(string) string) []string {
	bes := SortedBreakEvens(s)
	out := make([]string, 0, len(bes))
	for _, be := range bes {
		out = append(out, BreakEvenSentence(s, be, name))
	}
	return out
}

// SortedBreakEvens are the analysis's break-evens, the pairs involving a
// fine-tune first (that is the question the tool answers), otherwise in the
// analysis's order.
func SortedBreakEvens(s *Scenario) []uncertainty.BreakEven {
	if s.Uncertainty == nil {
		return nil
	}
	bes := append([]uncertainty.BreakEven(nil), s.Uncertainty.BreakEven...)
	sort.SliceStable(bes, func(i, j int) bool {
		return involvesFineTune(&s.Result, bes[i]) && !involvesFineTune(&s.Result, bes[j])
	})
	return bes
}

func involvesFineTune(r *model.Result, be uncertainty.BreakEven) bool {
	a, b := OptionByName(r, be.A), OptionByName(r, be.B)
	return (a != nil && a.Kind.Trains()) || (b != nil && b.Kind.Trains())
}

// BreakEvenSentence is "A and B cost the same at N queries a month (now M)."
// or, when the order never changes in the bracket searched, which one stays
// cheaper across it, or, when the solver failed, its error: a failure says
// nothing about the order, so it must not read as "never".
func BreakEvenSentence(s *Scenario, be uncertainty.BreakEven, name func(string) string) string {
	pair := name(be.A) + " and " + name(be.B)
	if be.Failed() {
		return "The break-even of " + pair + " could not be solved: " + name(be.Err.Error()) + "."
	}
	if be.Found {
		return pair + " cost the same at " + At(s, be, name) + "."
	}
	out := pair + " never cost the same within " + Within(be, name)
	a, b := OptionByName(&s.Result, be.A), OptionByName(&s.Result, be.B)
	switch {
	case a == nil || b == nil || a.Total == b.Total:
	case a.Total < b.Total:
		out += "; " + name(be.A) + " stays cheaper"
	default:
		out += "; " + name(be.B) + " stays cheaper"
	}
	return out + "."
}

// At is where a break-even lies, with today's value for queries a month.
// Another input's label may name an option, so it goes through name.
func At(s *Scenario, be uncertainty.BreakEven, name func(string) string) string {
	if be.Input != uncertainty.BreakEvenInput {
		return name(be.Input) + " = " + format.Exact(be.Value)
	}
	return format.Volume(be.Value) + " queries a month (now " + format.Volume(s.Input.Workload.QueriesPerMonth) + ")"
}

// Within is the bracket a break-even was searched in.
func Within(be uncertainty.BreakEven, name func(string) string) string {
	if be.Input != uncertainty.BreakEvenInput {
		return name(be.Input) + " from " + format.Exact(be.Lo) + " to " + format.Exact(be.Hi)
	}
	return format.Volume(be.Lo) + " to " + format.Volume(be.Hi) + " queries a month"
}

// OptionByName is the result of the option called n, nil if none is.
func OptionByName(r *model.Result, n string) *model.OptionResult {
	for i := range r.Options {
		if r.Options[i].Name == n {
			return &r.Options[i]
		}
	}
	return nil
}

// FindBreakEven is the break-even of options a and b, in either order.
func FindBreakEven(sum *uncertainty.Summary, a, b string) (uncertainty.BreakEven, bool) {
	for _, be := range sum.BreakEven {
		if (be.A == a && be.B == b) || (be.A == b && be.B == a) {
			return be, true
		}
	}
	return uncertainty.BreakEven{}, false
}
